package storebench

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/cayleygraph/cayley/graph"
	ckv "github.com/cayleygraph/cayley/graph/kv"
	_ "github.com/cayleygraph/cayley/graph/kv/all"
	_ "github.com/cayleygraph/cayley/graph/kv/bbolt" // not in kv/all
	"github.com/cayleygraph/cayley/graph/memstore"
	"github.com/cayleygraph/cayley/query"
	_ "github.com/cayleygraph/cayley/query/gizmo"
	"github.com/cayleygraph/cayley/writer"
	"github.com/cayleygraph/quad"
	hkv "github.com/hidal-go/hidalgo/kv"
	"github.com/hidal-go/hidalgo/kv/flat"
	_ "github.com/hidal-go/hidalgo/kv/flat/badger"
	_ "github.com/hidal-go/hidalgo/kv/flat/pebble"
	bolt "go.etcd.io/bbolt"
)

// backends are the stores measured, memstore first as the reference.
var backends = []string{"memstore", "bbolt", "bolt", "leveldb", "badger", "pebble"}

// persistent are the backends that keep their data on disk.
var persistent = backends[1:]

func init() { registerFlat() }

// pebbleSafe is pebble with a transaction whose Close can be called twice.
// hidalgo's kv.View closes a read transaction twice (once itself, once in
// a defer) and its pebble Tx.Close releases the pebble batch to a
// sync.Pool each time: the second release can reset a batch that another
// goroutine has taken from the pool meanwhile (the race detector reports
// it; see TestRace). Wrapping the flat KV is enough to stop that.
const pebbleSafe = "pebble-safe"

// registerFlat registers hidalgo's flat backends that Cayley's graph/kv
// init missed. That init walks hidalgo's registry once; with Go 1.21's
// package initialisation order (by import path among ready packages) it
// runs before github.com/hidal-go/hidalgo/kv/flat/{badger,pebble} have
// registered, so "badger" and "pebble" are absent from graph.QuadStores()
// although graph/kv/all imports them. This package's init runs after all
// its imports, so the registry is complete here. Registration is what
// Cayley's own loop does: the same path opens or creates the store.
func registerFlat() {
	for _, name := range []string{"badger", "pebble"} {
		if graph.IsRegistered(name) {
			continue
		}
		r := flat.ByName(name)
		if r == nil {
			panic("hidalgo flat backend not registered: " + name)
		}
		open := func(path string, _ graph.Options) (hkv.KV, error) {
			if err := os.MkdirAll(path, 0o700); err != nil {
				return nil, err
			}
			db, err := r.OpenPath(path)
			if err != nil {
				return nil, err
			}
			return flat.Upgrade(db), nil
		}
		ckv.Register(name, ckv.Registration{NewFunc: open, InitFunc: open, IsPersistent: true})
	}
	open := func(path string, _ graph.Options) (hkv.KV, error) {
		if err := os.MkdirAll(path, 0o700); err != nil {
			return nil, err
		}
		db, err := flat.ByName("pebble").OpenPath(path)
		if err != nil {
			return nil, err
		}
		return flat.Upgrade(onceCloseKV{db}), nil
	}
	ckv.Register(pebbleSafe, ckv.Registration{NewFunc: open, InitFunc: open, IsPersistent: true})
}

// onceCloseKV is a flat KV whose transactions ignore a second Close.
type onceCloseKV struct{ flat.KV }

func (db onceCloseKV) Tx(ctx context.Context, rw bool) (flat.Tx, error) {
	tx, err := db.KV.Tx(ctx, rw)
	if err != nil {
		return nil, err
	}
	return &onceCloseTx{Tx: tx}, nil
}

func (db onceCloseKV) View(ctx context.Context, fn func(tx flat.Tx) error) error {
	return flat.View(ctx, db, fn)
}

func (db onceCloseKV) Update(ctx context.Context, fn func(tx flat.Tx) error) error {
	return flat.Update(ctx, db, fn)
}

type onceCloseTx struct {
	flat.Tx
	closed bool
}

func (tx *onceCloseTx) Close() error {
	if tx.closed {
		return nil
	}
	tx.closed = true
	return tx.Tx.Close()
}

// storeOptions are the options every store is opened with: none, or with
// STOREBENCH_NOBLOOM=1 Cayley kv's "no_bloom" (no in-memory bloom filter
// of the quads that exist; see BenchmarkOpen).
func storeOptions() graph.Options {
	if os.Getenv("STOREBENCH_NOBLOOM") != "" {
		return graph.Options{ckv.OptNoBloom: true}
	}
	return nil
}

// openStore creates (if need be) and opens the store of a backend in dir,
// with storeOptions. Memstore ignores dir.
func openStore(name, dir string) (graph.QuadStore, error) {
	return openStoreOpts(name, dir, storeOptions())
}

// noBloom opens a store without Cayley kv's bloom filters: the tests that
// check locking and crash atomicity use it to stay light (a store loaded
// from empty allocates a 100M-quad filter per index, ~700 MB in all).
var noBloom = graph.Options{ckv.OptNoBloom: true}

// openStoreOpts is openStore with options.
func openStoreOpts(name, dir string, opts graph.Options) (graph.QuadStore, error) {
	if name == "memstore" {
		return memstore.New(), nil
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, err
	}
	if err := graph.InitQuadStore(name, dir, opts); err != nil && !errors.Is(err, graph.ErrDatabaseExists) {
		return nil, fmt.Errorf("init %s: %w", name, err)
	}
	// Init closed the store, and this process may be starting a child
	// (parallel tests do): a child between fork and exec holds copies of
	// our descriptors, so the flock of the store just closed can outlive
	// the close for a moment and make this open fail with EAGAIN (seen
	// with badger, whose directory lock is a flock). Try again briefly.
	var qs graph.QuadStore
	var err error
	for try := 0; try < 20; try++ {
		qs, err = graph.NewQuadStore(name, dir, opts)
		if !errors.Is(err, syscall.EAGAIN) {
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", name, err)
	}
	return qs, nil
}

// Load modes.
const (
	modeBulk   = "bulk"   // graph.NewWriter over the "single" writer, quad.CopyBatch by 10k
	modeTx     = "tx"     // one ApplyTransaction per article, IgnoreDup
	modeNative = "native" // the store's own QuadStore.NewQuadWriter
)

var modes = []string{modeBulk, modeTx, modeNative}

// load writes articles into qs the way mode says.
func load(qs graph.QuadStore, mode string, articles [][]quad.Quad) error {
	switch mode {
	case modeBulk:
		qw, err := graph.NewQuadWriter("single", qs, nil)
		if err != nil {
			return err
		}
		defer qw.Close()
		w := graph.NewWriter(qw)
		var all []quad.Quad
		for _, a := range articles {
			all = append(all, a...)
		}
		if _, err := quad.CopyBatch(w, quad.NewReader(all), 10000); err != nil {
			return err
		}
		return w.Close()
	case modeTx:
		qw, err := writer.NewSingle(qs, graph.IgnoreOpts{IgnoreDup: true})
		if err != nil {
			return err
		}
		defer qw.Close()
		for _, a := range articles {
			tx := graph.NewTransactionN(len(a))
			for _, q := range a {
				tx.AddQuad(q)
			}
			if err := qw.ApplyTransaction(tx); err != nil {
				return err
			}
		}
		return nil
	case modeNative:
		w, err := qs.NewQuadWriter()
		if err != nil {
			return err
		}
		for _, a := range articles {
			if _, err := w.WriteQuads(a); err != nil {
				w.Close()
				return err
			}
		}
		return w.Close()
	}
	return fmt.Errorf("unknown load mode %q", mode)
}

// diskUsage returns the bytes allocated to the files under dir and their
// apparent size (sparse or preallocated files make these differ).
func diskUsage(dir string) (alloc, apparent int64, err error) {
	err = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			return nil
		}
		var st syscall.Stat_t
		if err := syscall.Lstat(p, &st); err != nil {
			return err
		}
		alloc += st.Blocks * 512
		apparent += st.Size
		return nil
	})
	return alloc, apparent, err
}

// Queries.
var (
	// q1hop: a person's IRI from their name.
	q1hop = func(d *dataset) string {
		return fmt.Sprintf(`g.V(%q).In("<%sname>").All()`, d.persons[7].name, nsSchema)
	}
	// q3hop: an organisation's people, the claims they made and what
	// those claims mention, every hop tagged.
	q3hop = func(d *dataset) string {
		return fmt.Sprintf(`g.V("<%s>").Tag("org").In("<%saffiliation>").Unique().Tag("person").`+
			`In("<%sspokenByCharacter>").Tag("claim").Out("<%smentions>").Tag("mentions").All()`,
			string(d.orgs[d.persons[7].org]), nsSchema, nsSchema, nsNG)
	}
	// qScan: every claim with its text, speaker and kind.
	qScan = func(*dataset) string {
		return fmt.Sprintf(`g.V("<%sClaim>").In("<%s>").Save("<%stext>", "text").`+
			`Save("<%sspokenByCharacter>", "speaker").Save("<%skind>", "kind").All()`,
			nsNG, rdfType, nsSchema, nsSchema, nsNG)
	}
)

// runGizmo runs one Gizmo query in its own session (a session is
// single-use) and returns the number of results.
func runGizmo(ctx context.Context, qs graph.QuadStore, q string) (int, error) {
	sess := query.GetLanguage("gizmo").Session(qs)
	it, err := sess.Execute(ctx, q, query.Options{Collation: query.JSON})
	if err != nil {
		return 0, err
	}
	defer it.Close()
	n := 0
	for it.Next(ctx) {
		_ = it.Result()
		n++
	}
	return n, it.Err()
}

// Child processes. The test binary re-executes itself with envChild set
// to one of the child* modes; TestMain runs that mode and exits.
const (
	envChild   = "STOREBENCH_CHILD"
	envBackend = "STOREBENCH_BACKEND"
	envDir     = "STOREBENCH_DIR"
	envMode    = "STOREBENCH_MODE"
	envData    = "STOREBENCH_DATA"
)

func TestMain(m *testing.M) {
	if c := os.Getenv(envChild); c != "" {
		code, err := runChild(c)
		if err != nil {
			fmt.Fprintln(os.Stderr, "child:", err)
			if code == 0 {
				code = 1
			}
		}
		os.Exit(code)
	}
	os.Exit(m.Run())
}

func runChild(c string) (int, error) {
	name, dir := os.Getenv(envBackend), os.Getenv(envDir)
	switch c {
	case "load":
		return 0, childLoad(name, dir, os.Getenv(envMode), os.Getenv(envData))
	case "open":
		return 0, childOpen(name, dir)
	case "second":
		return childSecond(name, dir)
	case "race":
		return 0, raceWorkload(name, dir)
	case "kill":
		return 0, childKillLoad(name, dir)
	}
	return 2, fmt.Errorf("unknown child mode %q", c)
}

// child starts the test binary in a child mode.
func child(ctx context.Context, mode string, env ...string) *exec.Cmd {
	cmd := exec.CommandContext(ctx, os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), envChild+"="+mode)
	cmd.Env = append(cmd.Env, env...)
	return cmd
}

// parseKV reads "key=value" words from a child's output.
func parseKV(out string) map[string]string {
	m := make(map[string]string)
	for _, f := range strings.Fields(out) {
		if k, v, ok := strings.Cut(f, "="); ok {
			m[k] = v
		}
	}
	return m
}

// childLoad loads a data set into a fresh store and prints the time the
// load took (open and close included) and the store's size.
func childLoad(name, dir, mode, data string) error {
	var articles [][]quad.Quad
	switch data {
	case "", "news":
		articles = full().articles
	case "movies":
		qs, err := movies()
		if err != nil {
			return err
		}
		// the movie data has no articles: cut it in slices of 60
		for i := 0; i < len(qs); i += quadsPerArticle {
			articles = append(articles, qs[i:min(i+quadsPerArticle, len(qs))])
		}
	default:
		return fmt.Errorf("unknown data set %q", data)
	}
	n := 0
	for _, a := range articles {
		n += len(a)
	}
	start := time.Now()
	qs, err := openStore(name, dir)
	if err != nil {
		return err
	}
	if err := load(qs, mode, articles); err != nil {
		qs.Close()
		return err
	}
	st, err := qs.Stats(context.Background(), false)
	if err != nil {
		return err
	}
	if err := qs.Close(); err != nil {
		return err
	}
	el := time.Since(start)
	fmt.Printf("quads=%d stored=%d ns=%d hwm_kb=%d\n", n, st.Quads.Value, el.Nanoseconds(), peakRSS())
	return nil
}

// peakRSS returns this process's peak resident set size in KiB (VmHWM).
// getrusage's ru_maxrss will not do in a child process: os/exec starts
// children with vfork semantics, and Linux carries the parent's high-water
// mark into the child's ru_maxrss at exec.
func peakRSS() int64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return -1
	}
	for _, l := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(l, "VmHWM:"); ok {
			n, _ := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 10, 64)
			return n
		}
	}
	return -1
}

// childOpen opens an existing store, runs the 1-hop query, and prints how
// long each step took.
func childOpen(name, dir string) error {
	start := time.Now()
	qs, err := graph.NewQuadStore(name, dir, storeOptions())
	if err != nil {
		return err
	}
	opened := time.Since(start)
	n, err := runGizmo(context.Background(), qs, q1hop(full()))
	if err != nil {
		return err
	}
	if n == 0 {
		return errors.New("1-hop query found nothing")
	}
	first := time.Since(start) - opened
	hwm := peakRSS()
	if err := qs.Close(); err != nil {
		return err
	}
	fmt.Printf("open_ns=%d query_ns=%d hwm_kb=%d\n", opened.Nanoseconds(), first.Nanoseconds(), hwm)
	return nil
}

// childSecond tries to open a store that another process holds and says
// what happened: "result=opened", or "result=error" and the error.
func childSecond(name, dir string) (int, error) {
	fmt.Println("result=trying")
	start := time.Now()
	qs, err := graph.NewQuadStore(name, dir, nil)
	el := time.Since(start)
	if err != nil {
		// how a program can tell "in use" from other errors
		fmt.Printf("result=error ms=%d eagain=%v bolt_timeout=%v\n%v\n", el.Milliseconds(),
			errors.Is(err, syscall.EAGAIN), errors.Is(err, bolt.ErrTimeout), err)
		return 0, nil
	}
	fmt.Printf("result=opened ms=%d\n", el.Milliseconds())
	return 0, qs.Close()
}

// moduleDir returns the directory of a module in the module cache, asking
// go list in this package's source directory (the test binary may run
// elsewhere).
func moduleDir(mod string) (string, error) {
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		return "", errors.New("no caller information")
	}
	cmd := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", mod)
	cmd.Dir = filepath.Dir(file)
	out, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf("go list -m %s: %w", mod, err)
	}
	return strings.TrimSpace(string(out)), nil
}
