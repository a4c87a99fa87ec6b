//go:build unix

package bench

import (
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"syscall"
)

// maxRSS returns the peak resident set size of a process that has
// exited, in bytes, from its rusage (wait4); 0 when unknown.
func maxRSS(ps *os.ProcessState) int64 {
	ru, ok := ps.SysUsage().(*syscall.Rusage)
	if !ok || ru == nil {
		return 0
	}
	if runtime.GOOS == "darwin" || runtime.GOOS == "ios" {
		return int64(ru.Maxrss) // bytes there
	}
	return int64(ru.Maxrss) * 1024 // kilobytes elsewhere
}

// cpuSelf returns the CPU time (user and system) this process has used,
// in seconds.
func cpuSelf() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return float64(ru.Utime.Nano()+ru.Stime.Nano()) / 1e9
}

// diskUsage returns the space the files under dir take on disk
// (allocated blocks) and their apparent size, in bytes.
func diskUsage(dir string) (allocated, apparent int64, err error) {
	err = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			return nil
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		apparent += info.Size()
		if st, ok := info.Sys().(*syscall.Stat_t); ok {
			allocated += int64(st.Blocks) * 512
		} else {
			allocated += info.Size()
		}
		return nil
	})
	return allocated, apparent, err
}
