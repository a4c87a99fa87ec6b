package bench

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestOwnMemoryCgroup(t *testing.T) {
	tests := []struct {
		name    string
		proc    string
		files   map[string]string // under the cgroup root
		dir     string            // "" when an error is expected
		v2      bool
		errText string
	}{
		{
			name:  "v1",
			proc:  "9:name=systemd:/\n4:memory:/jobs/abc\n0::/\n",
			files: map[string]string{"memory/jobs/abc/memory.limit_in_bytes": "9223372036854771712"},
			dir:   "memory/jobs/abc",
		},
		{
			name:  "v1 with joined controllers",
			proc:  "5:cpu,memory:/x\n",
			files: map[string]string{"memory/x/memory.limit_in_bytes": "1"},
			dir:   "memory/x",
		},
		{
			name:    "v1 not mounted",
			proc:    "4:memory:/jobs/abc\n",
			errText: "memory cgroup (v1) not found",
		},
		{
			name:  "v2 delegated",
			proc:  "0::/user.slice/u\n",
			files: map[string]string{"user.slice/u/cgroup.subtree_control": "cpu memory pids\n"},
			dir:   "user.slice/u",
			v2:    true,
		},
		{
			name:    "v2 not delegated",
			proc:    "0::/user.slice/u\n",
			files:   map[string]string{"user.slice/u/cgroup.subtree_control": "cpu pids\n"},
			errText: "not delegated",
		},
		{
			name:    "none",
			proc:    "3:cpuset:/\n",
			errText: "no memory cgroup",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := t.TempDir()
			for name, content := range tt.files {
				p := filepath.Join(root, name)
				if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			proc := filepath.Join(t.TempDir(), "cgroup")
			if err := os.WriteFile(proc, []byte(tt.proc), 0o644); err != nil {
				t.Fatal(err)
			}
			dir, v2, err := ownMemoryCgroup(proc, root)
			if tt.dir == "" {
				if err == nil || !strings.Contains(err.Error(), tt.errText) {
					t.Fatalf("got %q, %v; want an error with %q", dir, err, tt.errText)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if want := filepath.Join(root, tt.dir); dir != want || v2 != tt.v2 {
				t.Errorf("got %q (v2 %v), want %q (v2 %v)", dir, v2, want, tt.v2)
			}
		})
	}
}
