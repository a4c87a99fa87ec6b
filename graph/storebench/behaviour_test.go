package storebench

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/cayleygraph/cayley/graph"
	ckv "github.com/cayleygraph/cayley/graph/kv"
	"github.com/cayleygraph/cayley/writer"
	"github.com/cayleygraph/quad"
	hkv "github.com/hidal-go/hidalgo/kv"
	hbbolt "github.com/hidal-go/hidalgo/kv/bbolt"
	bolt "go.etcd.io/bbolt"
)

// bboltTuned is bbolt (same file, indexes.bolt in the store's directory)
// opened with options that Cayley's own "bbolt" and "bolt" cannot take:
// they open go.etcd.io/bbolt and boltdb/bolt with nil options, so with no
// timeout on the file lock (a second process blocks for ever) and a mmap
// that grows with the file (a write that grows it waits for every open
// read transaction: with Cayley's nested read transactions that
// deadlocks, see TestRace). Opening the hidalgo DB ourselves and handing
// it to Cayley's kv layer is how a program gets these options.
const bboltTuned = "bbolt-tuned"

// bboltMmap is the initial mmap size of bboltTuned: the store can grow to
// this size before a write has to remap.
const bboltMmap = 1 << 30

func init() {
	open := func(path string, _ graph.Options) (hkv.KV, error) {
		if err := os.MkdirAll(path, 0o700); err != nil {
			return nil, err
		}
		return hbbolt.Open(filepath.Join(path, "indexes.bolt"), &bolt.Options{
			Timeout:         500 * time.Millisecond,
			InitialMmapSize: bboltMmap,
		})
	}
	ckv.Register(bboltTuned, ckv.Registration{NewFunc: open, InitFunc: open, IsPersistent: true})
}

// raceArticles is the size of the data set of TestRace and TestKill.
const raceArticles = 60

var (
	smallOnce sync.Once
	smallData *dataset
)

func small() *dataset {
	smallOnce.Do(func() { smallData = generate(raceArticles) })
	return smallData
}

// readOnlyConcurrency lists the backends that cannot take a write while
// they are read: memstore's maps have no lock, and a query running while
// a transaction is applied dies with "fatal error: concurrent map read and
// map write" (with or without -race). raceWorkload writes to them only
// before and after the readers.
var readOnlyConcurrency = map[string]bool{"memstore": true}

// raceWorkload loads 40 articles (2,400 quads) in bulk, then runs the three
// benchmark queries from 4 goroutines while a fifth writes 20 more
// articles one transaction each; at the end every claim must be there.
func raceWorkload(name, dir string) error {
	start := time.Now()
	d := small()
	qs, err := openStore(name, dir)
	if err != nil {
		return err
	}
	defer qs.Close()
	t0 := time.Now()
	if err := load(qs, modeBulk, d.articles[:40]); err != nil {
		return err
	}
	// watchdog, from here on: a deadlock is no query ending and no
	// article committed for raceWatchdog with no goroutine runnable (a
	// busy machine starves, it does not deadlock), or for boltStuck while
	// a bolt remap waits
	var progress atomic.Int64
	done := make(chan struct{})
	defer close(done)
	go func() {
		last, since := progress.Load(), time.Now()
		tick := time.NewTicker(100 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-done:
				return
			case <-tick.C:
			}
			if p := progress.Load(); p != last {
				last, since = p, time.Now()
				continue
			}
			stuck := time.Since(since)
			if stuck < boltStuck {
				continue
			}
			buf := make([]byte, 4<<20)
			buf = buf[:runtime.Stack(buf, true)]
			if (stuck > raceWatchdog() && !strings.Contains(string(buf), "[runnable")) || boltRemapWaits(string(buf)) {
				fmt.Fprintf(os.Stderr, "deadlock: no progress for %v\n%s\n", stuck.Round(time.Millisecond), buf)
				os.Exit(3)
			}
		}
	}()
	t1 := time.Now()
	defer func() {
		fmt.Printf("times: open+gen=%v load=%v concurrent=%v\n", t0.Sub(start), t1.Sub(t0), time.Since(t1))
	}()
	ctx := context.Background()
	queries := []string{q1hop(d), q3hop(d), qScan(d)}
	var wg sync.WaitGroup
	errc := make(chan error, 8)
	write := func() {
		for i := 40; i < len(d.articles); i++ {
			if err := load(qs, modeTx, d.articles[i:i+1]); err != nil {
				errc <- fmt.Errorf("writer: %w", err)
				return
			}
			progress.Add(1)
		}
	}
	if !readOnlyConcurrency[name] {
		wg.Add(1)
		go func() {
			defer wg.Done()
			write()
		}()
	}
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range queries {
				if _, err := runGizmo(ctx, qs, queries[(g+i)%len(queries)]); err != nil {
					errc <- fmt.Errorf("reader %d: %w", g, err)
					return
				}
				progress.Add(1)
			}
		}()
	}
	wg.Wait()
	if readOnlyConcurrency[name] {
		write()
	}
	close(errc)
	for err := range errc {
		return err
	}
	n, err := runGizmo(ctx, qs, qScan(d))
	if err != nil {
		return err
	}
	if want := raceArticles * claimsPerArticle; n != want {
		return fmt.Errorf("%d claims after the load, want %d", n, want)
	}
	return nil
}

// Outcomes of raceWorkload in a child process.
const (
	racePass     = "pass"
	raceDeadlock = "deadlock" // the watchdog fired: no progress in raceWatchdog
	raceCrash    = "crash"    // a fatal error: checkptr, concurrent map access...
	raceReport   = "race"     // the race detector reported a data race
	raceError    = "error"    // an error from Cayley
)

// knownRace lists the outcomes known for some backends, and the text that
// the failure prints; TestRace reports them, or a pass, without failing. The key is
// the backend name, or name+"/race" for an outcome only under -race.
var knownRace = map[string]struct{ outcome, text string }{
	// A query holds read transactions open while it asks for values in
	// new ones (Gizmo's result goroutine calls NameOf); a write that grows
	// the file must remap it and waits for all readers; bolt makes new
	// readers wait for the pending remap: no one moves.
	"bbolt": {raceDeadlock, "go.etcd.io/bbolt.(*DB).mmap"},
	"bolt":  {raceDeadlock, "github.com/boltdb/bolt.(*DB).mmap"},
	// boltdb/bolt's unsafe pointer arithmetic trips -race's checkptr.
	"bolt/race": {raceCrash, "checkptr"},
	// memstore builds its "all" index lazily, unlocked, in every reader.
	"memstore/race": {raceReport, "memstore.(*QuadStore).cloneAll"},
	// a read transaction closed twice releases its pebble batch to the
	// pool twice (see pebbleSafe).
	"pebble/race": {raceReport, "pebble.(*Batch).release"},
}

// raceWatchdog is how long raceWorkload may go without progress (a query
// ending or an article committed) before the child process calls it a
// deadlock, prints every goroutine's stack and exits with code 3.
func raceWatchdog() time.Duration {
	if raceEnabled {
		return time.Minute
	}
	return 20 * time.Second
}

// boltStuck is how long raceWorkload may go without progress while a
// bolt or bbolt write waits to remap the file before it is called a
// deadlock.
const boltStuck = time.Second

// boltRemapWaits says whether a goroutine dump shows a bolt or bbolt write
// transaction waiting for the mmap lock in (*DB).mmap: it waits for every
// read transaction to end, and blocks every new one meanwhile.
func boltRemapWaits(stacks string) bool {
	for _, g := range strings.Split(stacks, "\n\n") {
		if strings.Contains(g, "[sync.RWMutex.Lock") && strings.Contains(g, "bolt.(*DB).mmap(") {
			return true
		}
	}
	return false
}

// TestRace runs raceWorkload on every backend, each in a child process of
// the same (with -race: race-enabled) test binary, so that a fatal error
// or a deadlock in one backend does not take the others down.
func TestRace(t *testing.T) {
	for _, name := range append(append([]string{}, backends...), bboltTuned, pebbleSafe) {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			dir := filepath.Join(t.TempDir(), name)
			ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
			defer cancel()
			cmd := child(ctx, "race", envBackend+"="+name, envDir+"="+dir)
			out, err := cmd.CombinedOutput()
			s := string(out)
			got := racePass
			switch {
			case cmd.ProcessState != nil && cmd.ProcessState.ExitCode() == 3:
				got = raceDeadlock
			case strings.Contains(s, "WARNING: DATA RACE"):
				got = raceReport
			case strings.Contains(s, "fatal error:"):
				got = raceCrash
			case err != nil:
				got = raceError
			}
			key := name
			if raceEnabled {
				key += "/race"
			}
			known, ok := knownRace[key]
			if !ok {
				known, ok = knownRace[name]
			}
			switch {
			case got == racePass && !ok:
				t.Logf("%s: clean (race detector on: %v)", name, raceEnabled)
			case got == racePass:
				// a deadlock needs a remap while a query runs: timing
				t.Logf("%s: clean this time (known to be able to end in %s)", name, known.outcome)
			case ok && got == known.outcome && strings.Contains(s, known.text):
				t.Logf("%s: %s, as known (%q):\n%s", name, got, known.text, firstLines(s, 15))
			default:
				t.Errorf("%s: %s (%v)\n%s", name, got, err, firstLines(s, 80))
			}
		})
	}
}

func firstLines(s string, n int) string {
	ls := strings.SplitN(s, "\n", n+1)
	if len(ls) > n {
		ls = ls[:n]
	}
	return strings.Join(ls, "\n")
}

// What a second process does when it opens a store another process holds.
const (
	secondBlocks = "blocks"
	secondFails  = "fails"
	secondOpens  = "opens"
)

var wantSecond = map[string]string{
	"bbolt":    secondBlocks,
	"bolt":     secondBlocks,
	"leveldb":  secondFails,
	"badger":   secondFails,
	"pebble":   secondFails,
	bboltTuned: secondFails,
}

// secondWait is how long TestSecondOpen gives a second process to open a
// store before it calls it blocked.
const secondWait = time.Second

// TestSecondOpen holds a store open in this process and has a child
// process open it too, giving it secondWait before calling it blocked.
func TestSecondOpen(t *testing.T) {
	names := append(append([]string{}, persistent...), bboltTuned)
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			dir := filepath.Join(t.TempDir(), name)
			qs, err := openStoreOpts(name, dir, noBloom)
			if err != nil {
				t.Fatal(err)
			}
			defer qs.Close()
			ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
			defer cancel()
			cmd := child(ctx, "second", envBackend+"="+name, envDir+"="+dir)
			stdout, err := cmd.StdoutPipe()
			if err != nil {
				t.Fatal(err)
			}
			var stderr strings.Builder
			cmd.Stderr = &stderr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			// the child says "result=trying" just before it opens the
			// store; from then on it has secondWait to say what happened
			lines := make(chan string)
			go func() {
				defer close(lines)
				sc := bufio.NewScanner(stdout)
				for sc.Scan() {
					lines <- sc.Text()
				}
			}()
			var out []string
			var timeout <-chan time.Time
			blocked := false
		read:
			for {
				select {
				case l, ok := <-lines:
					if !ok {
						break read
					}
					out = append(out, l)
					if l == "result=trying" {
						timeout = time.After(secondWait)
					}
				case <-timeout:
					blocked = true
					_ = cmd.Process.Kill()
					timeout = nil
				}
			}
			err = cmd.Wait()
			all := strings.Join(out, "\n") + "\n" + stderr.String()
			kv := parseKV(all)
			var got string
			switch {
			case kv["result"] == "opened":
				got = secondOpens
			case kv["result"] == "error":
				got = secondFails
			case blocked:
				got = secondBlocks
			default:
				t.Fatalf("child: %v\n%s", err, all)
			}
			if got == secondBlocks {
				kv["ms"] = fmt.Sprintf(">%d", secondWait.Milliseconds())
			}
			t.Logf("%s: second process %s after %s ms (errors.Is EAGAIN: %s, bbolt.ErrTimeout: %s): %s",
				name, got, kv["ms"], kv["eagain"], kv["bolt_timeout"], strings.Join(out[len(out)-1:], ""))
			if want := wantSecond[name]; got != want {
				t.Errorf("%s: second process %s, want %s", name, got, want)
			}
		})
	}
}

// childKillLoad writes the small data set one transaction per article and
// prints "committed=N" after each; it is killed while writing.
func childKillLoad(name, dir string) error {
	d := small()
	qs, err := openStoreOpts(name, dir, noBloom)
	if err != nil {
		return err
	}
	qw, err := writer.NewSingle(qs, graph.IgnoreOpts{IgnoreDup: true})
	if err != nil {
		return err
	}
	out := bufio.NewWriter(os.Stdout)
	for i, a := range d.articles {
		tx := graph.NewTransactionN(len(a))
		for _, q := range a {
			tx.AddQuad(q)
		}
		if err := qw.ApplyTransaction(tx); err != nil {
			return err
		}
		fmt.Fprintf(out, "committed=%d\n", i+1)
		out.Flush()
	}
	// all written: wait to be killed
	time.Sleep(time.Minute)
	return nil
}

// TestKill kills (SIGKILL) a process that writes one transaction per
// article, reopens the store and checks that it holds only whole articles,
// at least every one that the process reported as committed, and that the
// store's own quad count agrees.
func TestKill(t *testing.T) {
	for _, name := range persistent {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			dir := filepath.Join(t.TempDir(), name)
			ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
			defer cancel()
			cmd := child(ctx, "kill", envBackend+"="+name, envDir+"="+dir)
			stdout, err := cmd.StdoutPipe()
			if err != nil {
				t.Fatal(err)
			}
			var stderr strings.Builder
			cmd.Stderr = &stderr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			// kill after 10 committed articles, while it writes more
			committed := 0
			sc := bufio.NewScanner(stdout)
			for sc.Scan() {
				if v, ok := strings.CutPrefix(sc.Text(), "committed="); ok {
					committed, _ = strconv.Atoi(v)
					if committed >= 10 {
						break
					}
				}
			}
			_ = cmd.Process.Signal(syscall.SIGKILL)
			for sc.Scan() { // commits reported before the kill landed
				if v, ok := strings.CutPrefix(sc.Text(), "committed="); ok {
					committed, _ = strconv.Atoi(v)
				}
			}
			_ = cmd.Wait()
			if committed < 10 {
				t.Fatalf("child stopped after %d articles: %s", committed, stderr.String())
			}

			qs, err := openStoreOpts(name, dir, noBloom)
			if err != nil {
				t.Fatalf("reopen after kill: %v", err)
			}
			defer qs.Close()
			perLabel := make(map[quad.Value]int)
			r := graph.NewQuadStoreReader(qs)
			defer r.Close()
			total := 0
			for {
				q, err := r.ReadQuad()
				if errors.Is(err, io.EOF) {
					break
				} else if err != nil {
					t.Fatal(err)
				}
				perLabel[q.Label]++
				total++
			}
			for l, n := range perLabel {
				if n != quadsPerArticle {
					t.Errorf("article %v has %d quads after the kill, want %d", l, n, quadsPerArticle)
				}
			}
			st, err := qs.Stats(context.Background(), false)
			if err != nil {
				t.Fatal(err)
			}
			if st.Quads.Value != int64(total) {
				t.Errorf("store counts %d quads, %d are there", st.Quads.Value, total)
			}
			if len(perLabel) < committed {
				t.Errorf("%d articles after the kill, %d were reported committed", len(perLabel), committed)
			}
			t.Logf("%s: killed after %d reported commits; %d whole articles on reopen", name, committed, len(perLabel))
		})
	}
}
