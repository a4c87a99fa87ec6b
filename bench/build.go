package bench

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/nquads"

	"github.com/newsgraph/newsgraph/graph"
)

// BulkBatch is the batch size of the baseline bulk load, as in Cayley's
// own loader.
const BulkBatch = 10000

// BulkLoad is the baseline the build is compared with: Cayley's own bulk
// path (graph.NewWriter on the store's quad writer and quad.CopyBatch,
// batches of BulkBatch) loading an N-Quads file into a fresh store of the
// default backend at db, opened as newsgraph build opens it. It returns
// the number of quads read and the time the load took (open to close).
// newsgraph bench runs it in a child process of its own (an internal
// flag of the bench command) to measure its wall time and peak RSS.
func BulkLoad(ctx context.Context, nquadsFile, db string) (int, time.Duration, error) {
	start := time.Now()
	f, err := os.Open(nquadsFile)
	if err != nil {
		return 0, 0, err
	}
	defer f.Close()
	s, err := graph.Open(ctx, graph.Options{Backend: graph.DefaultBackend, Path: db})
	if err != nil {
		return 0, 0, err
	}
	qr := nquads.NewReader(bufio.NewReaderSize(f, 1<<20), false)
	w := cgraph.NewWriter(s.QuadWriter)
	n, err := quad.CopyBatch(w, qr, BulkBatch)
	if cerr := w.Close(); cerr != nil && err == nil {
		err = cerr
	}
	if cerr := s.Close(); cerr != nil && err == nil {
		err = cerr
	}
	if err != nil {
		return n, 0, fmt.Errorf("bulk load %s into %s: %w", nquadsFile, db, err)
	}
	return n, time.Since(start), nil
}

// buildSummary is what newsgraph build printed.
type buildSummary struct {
	Articles, Failed int
	QuadsAdded       int
	Seconds          float64 // the build's own measure, in process
}

var (
	reArticles = regexp.MustCompile(`(?m)^articles:\s+(\d+) \((\d+) loaded, (\d+) unchanged, (\d+) failed\)`)
	reQuads    = regexp.MustCompile(`(?m)^quads written:\s+(\d+) added`)
	reSeconds  = regexp.MustCompile(`(?m)^seconds:\s+([0-9.]+)`)
)

// parseBuildSummary reads the summary newsgraph build prints.
func parseBuildSummary(out []byte) (buildSummary, error) {
	var s buildSummary
	m := reArticles.FindSubmatch(out)
	q := reQuads.FindSubmatch(out)
	if m == nil || q == nil {
		return s, fmt.Errorf("no build summary in %q", truncate(out, 500))
	}
	s.Articles, _ = strconv.Atoi(string(m[1]))
	s.Failed, _ = strconv.Atoi(string(m[4]))
	s.QuadsAdded, _ = strconv.Atoi(string(q[1]))
	if sec := reSeconds.FindSubmatch(out); sec != nil {
		s.Seconds, _ = strconv.ParseFloat(string(sec[1]), 64)
	}
	return s, nil
}

func truncate(b []byte, n int) string {
	if len(b) > n {
		return string(b[:n]) + "..."
	}
	return string(b)
}

// buildRun is one newsgraph build in a child process.
type buildRun struct {
	*proc
	Summary buildSummary
}

// runBuild runs newsgraph build of corpus into a fresh store at db;
// started is as for run.
func runBuild(ctx context.Context, exe, corpus, db string, started func(pid int) error) (*buildRun, error) {
	if err := os.RemoveAll(db); err != nil {
		return nil, err
	}
	p, err := run(ctx, exe, []string{"build", "--quiet", "--db", db, corpus}, false, started)
	if p == nil {
		return nil, err
	}
	sum, perr := parseBuildSummary(p.Stdout)
	if perr != nil {
		if err != nil {
			return nil, err
		}
		return nil, perr
	}
	// a build with failed inputs exits 1 but still built the others:
	// measured all the same, the failures are reported
	if err != nil && sum.Failed == 0 {
		return nil, err
	}
	return &buildRun{proc: p, Summary: sum}, nil
}

// bulkRun is one baseline bulk load in a child process.
type bulkRun struct {
	*proc
	Quads int
}

// InternalBulkFlag is the hidden flag of newsgraph bench that makes it
// run BulkLoad and print its result, for the parent bench to measure.
const InternalBulkFlag = "internal-bulk-load"

// runBulk runs the baseline bulk load of nq into a fresh store at db in
// a child process: exe bench --internal-bulk-load FILE --db DIR.
func runBulk(ctx context.Context, exe, nq, db string) (*bulkRun, error) {
	if err := os.RemoveAll(db); err != nil {
		return nil, err
	}
	p, err := run(ctx, exe, []string{"bench", "--" + InternalBulkFlag, nq, "--db", db}, false, nil)
	if err != nil {
		return nil, err
	}
	var res struct{ Quads int }
	if err := json.Unmarshal(p.Stdout, &res); err != nil {
		return nil, fmt.Errorf("bulk load child said %q: %w", truncate(p.Stdout, 500), err)
	}
	return &bulkRun{proc: p, Quads: res.Quads}, nil
}

// WriteBulkResult prints what the child of runBulk tells its parent.
func WriteBulkResult(w io.Writer, quads int, took time.Duration) error {
	return json.NewEncoder(w).Encode(map[string]any{"quads": quads, "seconds": took.Seconds()})
}

// exportQuads writes every quad of the store at db as N-Quads to file and
// returns how many there are.
func exportQuads(ctx context.Context, db, file string) (int, error) {
	s, err := graph.Open(ctx, graph.Options{Backend: graph.DefaultBackend, Path: db, ReadOnly: true})
	if err != nil {
		return 0, err
	}
	defer s.Close()
	quads, err := graph.AllQuads(ctx, s.QuadStore)
	if err != nil {
		return 0, err
	}
	f, err := os.Create(file)
	if err != nil {
		return 0, err
	}
	bw := bufio.NewWriterSize(f, 1<<20)
	qw := nquads.NewWriter(bw)
	if _, err := qw.WriteQuads(quads); err != nil {
		f.Close()
		return 0, err
	}
	if err := qw.Close(); err != nil {
		f.Close()
		return 0, err
	}
	if err := bw.Flush(); err != nil {
		f.Close()
		return 0, err
	}
	return len(quads), f.Close()
}

// repeatCorpus writes the JSON Lines corpus src n times into one file in
// dir, under the same base name, the ids of copy k (k ≥ 1) suffixed with
// "~k" so that every copy is a new article. Records without an id get
// line-number ids from the reader, unique anyway.
func repeatCorpus(src, dir string, n int) (string, error) {
	in, err := os.Open(src)
	if err != nil {
		return "", err
	}
	defer in.Close()
	dst := filepath.Join(dir, filepath.Base(src))
	out, err := os.Create(dst)
	if err != nil {
		return "", err
	}
	bw := bufio.NewWriterSize(out, 1<<20)
	if err := writeCopies(in, bw, n); err != nil {
		out.Close()
		return "", fmt.Errorf("repeat %s: %w", src, err)
	}
	if err := bw.Flush(); err != nil {
		out.Close()
		return "", err
	}
	return dst, out.Close()
}

// writeCopies writes the JSON Lines read from in n times to w; see
// repeatCorpus.
func writeCopies(in io.ReadSeeker, w io.Writer, n int) error {
	for k := 0; k < n; k++ {
		if _, err := in.Seek(0, io.SeekStart); err != nil {
			return err
		}
		br := bufio.NewReaderSize(in, 1<<20)
		for {
			line, err := br.ReadBytes('\n')
			if len(bytes.TrimSpace(line)) > 0 {
				if k > 0 {
					if line, err = renameRecord(line, k); err != nil {
						return err
					}
				}
				if line[len(line)-1] != '\n' {
					line = append(line, '\n')
				}
				if _, err := w.Write(line); err != nil {
					return err
				}
			}
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				return err
			}
		}
	}
	return nil
}

// renameRecord suffixes a JSON Lines record's id with "~k".
func renameRecord(line []byte, k int) ([]byte, error) {
	var rec map[string]json.RawMessage
	if err := json.Unmarshal(line, &rec); err != nil {
		return nil, err
	}
	raw, ok := rec["id"]
	if !ok {
		return line, nil
	}
	var id any
	if err := json.Unmarshal(raw, &id); err != nil {
		return nil, err
	}
	var s string
	switch v := id.(type) {
	case string:
		s = v
	case float64:
		s = strconv.FormatFloat(v, 'f', -1, 64)
	default:
		return line, nil
	}
	rec["id"], _ = json.Marshal(fmt.Sprintf("%s~%d", s, k))
	out, err := json.Marshal(rec)
	if err != nil {
		return nil, err
	}
	return append(out, '\n'), nil
}
