package bench

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"time"
)

// proc is what a child process did.
type proc struct {
	// Wall is the time from start to exit, as the parent saw it.
	Wall time.Duration
	// CPU is the CPU time (user and system) the child used.
	CPU time.Duration
	// MaxRSS is the child's peak resident set size (rusage), in bytes.
	MaxRSS int64
	// MaxAnon and MaxFile are the largest anonymous (heap, stacks) and
	// file-backed (mapped store, binary) parts of its RSS seen by sampling
	// /proc/PID/status; 0 where /proc is not there.
	MaxAnon, MaxFile int64
	Stdout           []byte
}

// sampleEvery is how often a child's memory is sampled.
const sampleEvery = 50 * time.Millisecond

// run runs exe with args, its standard output kept unless discard, its
// standard error kept for the error message. started, if not nil, is
// called with the child's process ID as soon as it runs; if it fails,
// the child is killed.
func run(ctx context.Context, exe string, args []string, discard bool, started func(pid int) error) (*proc, error) {
	cmd := exec.CommandContext(ctx, exe, args...)
	var stdout, stderr bytes.Buffer
	if discard {
		null, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
		if err != nil {
			return nil, err
		}
		defer null.Close()
		cmd.Stdout = null
	} else {
		cmd.Stdout = &stdout
	}
	cmd.Stderr = &stderr
	start := time.Now()
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	if started != nil {
		if err := started(cmd.Process.Pid); err != nil {
			cmd.Process.Kill()
			cmd.Wait()
			return nil, err
		}
	}
	p := &proc{}
	stop := make(chan struct{})
	sampled := make(chan struct{})
	go func() {
		defer close(sampled)
		status := fmt.Sprintf("/proc/%d/status", cmd.Process.Pid)
		t := time.NewTicker(sampleEvery)
		defer t.Stop()
		for {
			if anon, file, ok := readRSS(status); ok {
				p.MaxAnon, p.MaxFile = max(p.MaxAnon, anon), max(p.MaxFile, file)
			}
			select {
			case <-stop:
				return
			case <-t.C:
			}
		}
	}()
	err := cmd.Wait()
	p.Wall = time.Since(start)
	close(stop)
	<-sampled
	p.Stdout = stdout.Bytes()
	if ps := cmd.ProcessState; ps != nil {
		p.MaxRSS = maxRSS(ps)
		p.CPU = ps.UserTime() + ps.SystemTime()
	}
	if err != nil {
		msg := strings.TrimSpace(stderr.String())
		if len(msg) > 2000 {
			msg = "..." + msg[len(msg)-2000:]
		}
		return p, fmt.Errorf("%s %s: %w\n%s", exe, strings.Join(args, " "), err, msg)
	}
	return p, nil
}

// readRSS reads RssAnon and RssFile (bytes) from a /proc status file.
func readRSS(path string) (anon, file int64, ok bool) {
	f, err := os.Open(path)
	if err != nil {
		return 0, 0, false
	}
	defer f.Close()
	return parseStatus(f)
}

// parseStatus reads RssAnon and RssFile (bytes) from the text of a
// /proc/PID/status file.
func parseStatus(r io.Reader) (anon, file int64, ok bool) {
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		key, val, found := strings.Cut(sc.Text(), ":")
		if !found || (key != "RssAnon" && key != "RssFile") {
			continue
		}
		fields := strings.Fields(val)
		if len(fields) == 0 {
			continue
		}
		n, err := strconv.ParseInt(fields[0], 10, 64)
		if err != nil {
			continue
		}
		if len(fields) > 1 && fields[1] == "kB" {
			n *= 1024
		}
		if key == "RssAnon" {
			anon = n
		} else {
			file = n
		}
		ok = true
	}
	return anon, file, ok
}
