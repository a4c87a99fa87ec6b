package graph

import (
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"
	"syscall"
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
// process that holds it; it never waits.
func acquireLock(path string) (*fileLock, error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, fmt.Errorf("lock: %w", err)
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		defer f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			b := make([]byte, 64)
			n, _ := f.ReadAt(b, 0)
			holder := strings.TrimSpace(string(b[:n]))
			if pid, err := strconv.Atoi(strings.Fields(holder + " ?")[0]); err == nil {
				return nil, fmt.Errorf("%w by process %d (%s)", ErrInUse, pid, strings.Join(strings.Fields(holder)[1:], " "))
			}
			return nil, ErrInUse
		}
		return nil, fmt.Errorf("lock: %w", err)
	}
	// record who holds it
	cmd := "newsgraph"
	if len(os.Args) > 1 {
		cmd += " " + os.Args[1]
	}
	if err := f.Truncate(0); err == nil {
		f.WriteAt([]byte(fmt.Sprintf("%d %s\n", os.Getpid(), cmd)), 0)
	}
	return &fileLock{f: f}, nil
}

func (l *fileLock) release() {
	if l == nil || l.f == nil {
		return
	}
	syscall.Flock(int(l.f.Fd()), syscall.LOCK_UN)
	l.f.Close()
	l.f = nil
}
