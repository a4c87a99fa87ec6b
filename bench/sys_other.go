//go:build !unix

package bench

import (
	"io/fs"
	"os"
	"path/filepath"
)

// maxRSS returns 0: the peak RSS of a child is not known here.
func maxRSS(ps *os.ProcessState) int64 { return 0 }

// cpuSelf returns 0: CPU time is not known here.
func cpuSelf() float64 { return 0 }

// diskUsage returns the apparent size of the files under dir (twice).
func diskUsage(dir string) (allocated, apparent int64, err error) {
	err = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		info, err := d.Info()
		if err == nil {
			apparent += info.Size()
		}
		return err
	})
	return apparent, apparent, err
}
