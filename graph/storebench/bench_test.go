package storebench

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"testing"
	"time"
)

// BenchmarkLoad loads the data set into a fresh store in a child process
// per iteration, so that every load starts from an empty heap and its
// peak RSS can be read. The time reported (ns/op, quads/s) is the child's
// own measure of open + load + close, without process start-up and data
// generation.
func BenchmarkLoad(b *testing.B) {
	sets := []string{"news"}
	if os.Getenv("STOREBENCH_MOVIES") != "" {
		sets = append(sets, "movies")
	}
	for _, set := range sets {
		for _, mode := range modes {
			prefix := mode
			if set != "news" {
				prefix = mode + "-" + set
			}
			for _, name := range backends {
				b.Run(prefix+"/"+name, func(b *testing.B) { benchLoad(b, name, mode, set) })
			}
		}
	}
}

func benchLoad(b *testing.B, name, mode, set string) {
	var (
		total            time.Duration
		quads            int
		alloc, apparent  int64
		maxRSS           int64
		stored, expected string
	)
	for i := 0; i < b.N; i++ {
		dir := filepath.Join(b.TempDir(), name)
		ctx, cancel := context.WithTimeout(context.Background(), 20*time.Minute)
		cmd := child(ctx, "load", envBackend+"="+name, envDir+"="+dir, envMode+"="+mode, envData+"="+set)
		out, err := cmd.Output()
		cancel()
		if err != nil {
			b.Fatalf("load %s %s: %v\n%s%s", mode, name, err, out, stderrOf(err))
		}
		kv := parseKV(string(out))
		ns, err := strconv.ParseInt(kv["ns"], 10, 64)
		if err != nil {
			b.Fatalf("child said %q", out)
		}
		n, _ := strconv.Atoi(kv["quads"])
		total += time.Duration(ns)
		quads += n
		stored, expected = kv["stored"], kv["quads"]
		hwm, _ := strconv.ParseInt(kv["hwm_kb"], 10, 64)
		maxRSS = max(maxRSS, hwm*1024)
		if name != "memstore" {
			alloc, apparent, err = diskUsage(dir)
			if err != nil {
				b.Fatal(err)
			}
		}
		os.RemoveAll(dir)
	}
	if stored != expected {
		b.Logf("%s %s: %s quads stored of %s", mode, name, stored, expected)
	}
	b.ReportMetric(float64(total.Nanoseconds())/float64(b.N), "ns/op")
	b.ReportMetric(float64(quads)/total.Seconds(), "quads/s")
	b.ReportMetric(float64(maxRSS)/1e6, "peak-RSS-MB")
	if name != "memstore" {
		b.ReportMetric(float64(alloc)/1e6, "disk-MB")
		b.ReportMetric(float64(apparent)/1e6, "apparent-MB")
	}
}

// stderrOf returns what a child that failed wrote on stderr.
func stderrOf(err error) string {
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		return string(ee.Stderr)
	}
	return ""
}

// BenchmarkQuery measures Gizmo queries, each in a session of its own, on a
// store loaded with the data set (bulk) and then closed and reopened.
func BenchmarkQuery(b *testing.B) {
	d := full()
	queries := []struct {
		name string
		q    string
	}{
		{"1hop", q1hop(d)},
		{"3hop", q3hop(d)},
		{"scan", qScan(d)},
	}
	for _, name := range backends {
		b.Run(name, func(b *testing.B) {
			dir := filepath.Join(b.TempDir(), name)
			qs, err := openStore(name, dir)
			if err != nil {
				b.Fatal(err)
			}
			if err := load(qs, modeBulk, d.articles); err != nil {
				b.Fatal(err)
			}
			if name != "memstore" {
				if err := qs.Close(); err != nil {
					b.Fatal(err)
				}
				if qs, err = openStore(name, dir); err != nil {
					b.Fatal(err)
				}
			}
			defer qs.Close()
			ctx := context.Background()
			for _, q := range queries {
				b.Run(q.name, func(b *testing.B) {
					var n int
					for i := 0; i < b.N; i++ {
						n, err = runGizmo(ctx, qs, q.q)
						if err != nil {
							b.Fatal(err)
						}
						if n == 0 {
							b.Fatalf("%s: no results", q.name)
						}
					}
					b.ReportMetric(float64(n), "results")
				})
			}
		})
	}
}

// BenchmarkOpen measures how long a fresh process takes to open a loaded
// store (graph.NewQuadStore) and to answer a first 1-hop query, and the
// process's peak RSS by then. Medians over the iterations are reported.
// Most of the open time is Cayley kv filling its bloom filter of existing
// quads from a scan of the whole quad log (compare STOREBENCH_NOBLOOM=1).
func BenchmarkOpen(b *testing.B) {
	d := full()
	for _, name := range persistent {
		b.Run(name, func(b *testing.B) {
			dir := filepath.Join(b.TempDir(), name)
			qs, err := openStore(name, dir)
			if err != nil {
				b.Fatal(err)
			}
			if err := load(qs, modeBulk, d.articles); err != nil {
				b.Fatal(err)
			}
			if err := qs.Close(); err != nil {
				b.Fatal(err)
			}
			var open, first, rss []float64
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				out, err := child(context.Background(), "open", envBackend+"="+name, envDir+"="+dir).Output()
				if err != nil {
					b.Fatalf("open %s: %v\n%s%s", name, err, out, stderrOf(err))
				}
				kv := parseKV(string(out))
				o, _ := strconv.ParseFloat(kv["open_ns"], 64)
				q, _ := strconv.ParseFloat(kv["query_ns"], 64)
				r, _ := strconv.ParseFloat(kv["hwm_kb"], 64)
				open, first, rss = append(open, o/1e6), append(first, q/1e6), append(rss, r/1e3)
			}
			b.ReportMetric(median(open), "open-ms")
			b.ReportMetric(median(first), "first-query-ms")
			b.ReportMetric(median(rss), "RSS-MB")
		})
	}
}

func median(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	return s[len(s)/2]
}
