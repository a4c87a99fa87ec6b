package graph

import (
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// ErrInUse is returned when another process holds an embedded store.
var ErrInUse = errors.New("store in use")

// fileLock is an exclusive advisory lock (flock) on a file in the store's
// directory. The kernel drops it when the process dies, even by kill -9,
// so a crashed build never leaves the store locked.
type fileLock struct {
	f *os.File
}

// acquireLock takes the lock at once or fails with ErrInUse naming the
// process that holds it; it never waits for the lock (only, for at most
// half a second, for a process that has just taken it to record itself).
func acquireLock(path string) (*fileLock, error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, fmt.Errorf("lock: %w", err)
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		defer f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			// The holder records itself just after it takes the lock: until
			// then the file names no one, or the last holder. Give it a
			// moment rather than name no process, or a dead one.
			for wait := 0; wait < 50; wait++ {
				if pid, cmd, ok := readHolder(f); ok && alive(pid) {
					return nil, fmt.Errorf("%w by process %d (%s)", ErrInUse, pid, cmd)
				}
				time.Sleep(10 * time.Millisecond)
			}
			// a process of another PID namespace, say
			if pid, cmd, ok := readHolder(f); ok {
				return nil, fmt.Errorf("%w by process %d (%s)", ErrInUse, pid, cmd)
			}
			return nil, ErrInUse
		}
		return nil, fmt.Errorf("lock: %w", err)
	}
	// record who holds it: overwrite, then cut, so that the file is never
	// empty for a process that reads it meanwhile
	cmd := "newsgraph"
	if len(os.Args) > 1 {
		cmd += " " + os.Args[1]
	}
	rec := []byte(fmt.Sprintf("%d %s\n", os.Getpid(), cmd))
	if _, err := f.WriteAt(rec, 0); err == nil {
		f.Truncate(int64(len(rec)))
	}
	return &fileLock{f: f}, nil
}

// readHolder reads the process recorded in a lock file: its first line,
// "PID COMMAND".
func readHolder(f *os.File) (pid int, cmd string, ok bool) {
	b := make([]byte, 128)
	n, _ := f.ReadAt(b, 0)
	line, _, _ := strings.Cut(string(b[:n]), "\n")
	fields := strings.Fields(line)
	if len(fields) == 0 {
		return 0, "", false
	}
	pid, err := strconv.Atoi(fields[0])
	if err != nil || pid <= 0 {
		return 0, "", false
	}
	return pid, strings.Join(fields[1:], " "), true
}

// alive reports whether a process exists.
func alive(pid int) bool {
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}

func (l *fileLock) release() {
	if l == nil || l.f == nil {
		return
	}
	syscall.Flock(int(l.f.Fd()), syscall.LOCK_UN)
	l.f.Close()
	l.f = nil
}
