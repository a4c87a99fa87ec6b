package bench

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// memoryCap is a memory cgroup made for one child process: a limit on
// the memory (heap and page cache) charged to the processes in it. A
// build that completes under a cap needs no more memory than the cap,
// whatever its unconstrained RSS shows: the kernel reclaims the store's
// cached pages instead of growing it.
type memoryCap struct {
	dir string
	v2  bool
}

// cgroupRoot is where the cgroup file systems are mounted.
const cgroupRoot = "/sys/fs/cgroup"

// newMemoryCap makes a memory cgroup limited to limit bytes, as a child of
// this process's own (cgroup v1, or v2 where the memory controller is
// delegated). It needs the right to create cgroups (root, usually); the
// error says why not.
func newMemoryCap(limit int64) (*memoryCap, error) {
	parent, v2, err := ownMemoryCgroup("/proc/self/cgroup", cgroupRoot)
	if err != nil {
		return nil, err
	}
	c := &memoryCap{dir: filepath.Join(parent, fmt.Sprintf("newsgraph-bench-%d", os.Getpid())), v2: v2}
	if err := os.Mkdir(c.dir, 0o755); err != nil {
		return nil, fmt.Errorf("create a memory cgroup: %w", err)
	}
	file, value := "memory.limit_in_bytes", strconv.FormatInt(limit, 10)
	if v2 {
		file = "memory.max"
	}
	if err := os.WriteFile(filepath.Join(c.dir, file), []byte(value), 0o644); err != nil {
		c.remove()
		return nil, fmt.Errorf("limit the memory cgroup: %w", err)
	}
	if v2 { // no swap either, or the cap holds only the resident part
		_ = os.WriteFile(filepath.Join(c.dir, "memory.swap.max"), []byte("0"), 0o644)
	} else {
		_ = os.WriteFile(filepath.Join(c.dir, "memory.memsw.limit_in_bytes"), []byte(value), 0o644)
	}
	return c, nil
}

// ownMemoryCgroup finds the directory of a process's memory cgroup from
// its /proc/PID/cgroup file, under the cgroup mounts at root.
func ownMemoryCgroup(procFile, root string) (dir string, v2 bool, err error) {
	f, err := os.Open(procFile)
	if err != nil {
		return "", false, err
	}
	defer f.Close()
	var unified string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		// hierarchy-ID:controller-list:path
		parts := strings.SplitN(sc.Text(), ":", 3)
		if len(parts) != 3 {
			continue
		}
		if parts[0] == "0" && parts[1] == "" {
			unified = parts[2]
		}
		for _, c := range strings.Split(parts[1], ",") {
			if c == "memory" {
				d := filepath.Join(root, "memory", parts[2])
				if _, err := os.Stat(filepath.Join(d, "memory.limit_in_bytes")); err != nil {
					return "", false, fmt.Errorf("memory cgroup (v1) not found: %w", err)
				}
				return d, false, nil
			}
		}
	}
	if err := sc.Err(); err != nil {
		return "", false, err
	}
	if unified == "" {
		return "", false, errors.New("no memory cgroup")
	}
	d := filepath.Join(root, unified)
	ctl, err := os.ReadFile(filepath.Join(d, "cgroup.subtree_control"))
	if err != nil {
		return "", false, err
	}
	if !strings.Contains(" "+strings.TrimSpace(string(ctl))+" ", " memory ") {
		return "", false, errors.New("the memory controller is not delegated to this process's cgroup (v2)")
	}
	return d, true, nil
}

// add moves process pid into the cgroup.
func (c *memoryCap) add(pid int) error {
	err := os.WriteFile(filepath.Join(c.dir, "cgroup.procs"), []byte(strconv.Itoa(pid)), 0o644)
	if err != nil {
		return fmt.Errorf("move process %d into the memory cgroup: %w", pid, err)
	}
	return nil
}

// peak returns the most memory charged to the cgroup, in bytes.
func (c *memoryCap) peak() int64 {
	file := "memory.max_usage_in_bytes"
	if c.v2 {
		file = "memory.peak"
	}
	b, err := os.ReadFile(filepath.Join(c.dir, file))
	if err != nil {
		return 0
	}
	n, _ := strconv.ParseInt(strings.TrimSpace(string(b)), 10, 64)
	return n
}

// remove deletes the cgroup; its processes must have exited.
func (c *memoryCap) remove() error {
	return os.Remove(c.dir)
}
