//go:build !linux

package bench

import "errors"

// memoryCap is a memory limit on a child process; only Linux (cgroups)
// has one here.
type memoryCap struct{}

func newMemoryCap(limit int64) (*memoryCap, error) {
	return nil, errors.New("memory cgroups are Linux only")
}

func (c *memoryCap) add(pid int) error { return errors.New("memory cgroups are Linux only") }
func (c *memoryCap) peak() int64       { return 0 }
func (c *memoryCap) remove() error     { return nil }
