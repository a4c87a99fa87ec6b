package main

// Crash and concurrency tests: newsgraph runs as a separate process (this
// test binary, re-executed as the command), is killed with SIGKILL at random
// moments, and the store it leaves is checked; two processes are pointed at
// one embedded store at once.
//
// Knobs (flags after -args, or environment variables):
//
//	-crash.rounds N      NEWSGRAPH_CRASH_ROUNDS    kill rounds (default 20)
//	-crash.articles N    NEWSGRAPH_CRASH_ARTICLES  corpus size (default 400)
//	-crash.seed N        NEWSGRAPH_CRASH_SEED      random seed (default: the clock; logged)
//	                     NEWSGRAPH_BBC_CORPUS      the BBC corpus (articles.jsonl; default
//	                                               ../../../shared/corpus/bbc-fulltext/articles.jsonl);
//	                                               when it is missing, or "off", the corpus is made
//	                                               from the project's own test articles
//
// TestCrashRecovery and TestStoreInUse are skipped under -short;
// TestResumedBuildResolvesAsUninterrupted (in process, quick) is not.

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/nquads"

	"github.com/newsgraph/newsgraph/graph"
)

// asMainEnv makes the test binary run as the newsgraph command (see
// TestMain): the tests start it as a child process to kill it.
const asMainEnv = "NEWSGRAPH_TEST_AS_MAIN"

var (
	crashRounds   = flag.Int("crash.rounds", envInt("NEWSGRAPH_CRASH_ROUNDS", 20), "kill rounds of TestCrashRecovery")
	crashArticles = flag.Int("crash.articles", envInt("NEWSGRAPH_CRASH_ARTICLES", 400), "articles in the crash tests' corpus")
	crashSeed     = flag.Uint64("crash.seed", uint64(envInt("NEWSGRAPH_CRASH_SEED", 0)), "random seed of TestCrashRecovery (0: from the clock)")
)

func TestMain(m *testing.M) {
	if os.Getenv(asMainEnv) == "1" {
		main() // exits
	}
	code := m.Run()
	if crashDir != "" {
		os.RemoveAll(crashDir)
	}
	os.Exit(code)
}

func envInt(name string, def int) int {
	if v, err := strconv.Atoi(os.Getenv(name)); err == nil {
		return v
	}
	return def
}

const (
	// processTimeout is the longest any child may run: longer is a hang.
	processTimeout = 3 * time.Minute
	// failFast is how soon a process that finds the store in use must say so.
	failFast = 5 * time.Second
)

// lockedBuffer collects a child's output while it runs.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// child is newsgraph running as a separate process.
type child struct {
	args           []string
	cmd            *exec.Cmd
	stdout, stderr lockedBuffer
	started, ended time.Time
	done           chan struct{}
	code           int  // exit status; -1 when killed by a signal
	killed         bool // ended by SIGKILL
}

// startChild starts newsgraph args as a process, stdin its standard input
// (nil: none).
func startChild(stdin io.Reader, args ...string) (*child, error) {
	exe, err := os.Executable()
	if err != nil {
		return nil, err
	}
	c := &child{args: args, done: make(chan struct{})}
	c.cmd = exec.Command(exe, args...)
	c.cmd.Env = append(os.Environ(), asMainEnv+"=1")
	c.cmd.Stdin = stdin
	c.cmd.Stdout = &c.stdout
	c.cmd.Stderr = &c.stderr
	c.started = time.Now()
	if err := c.cmd.Start(); err != nil {
		return nil, err
	}
	go func() {
		c.cmd.Wait()
		c.ended = time.Now()
		c.code = c.cmd.ProcessState.ExitCode()
		if ws, ok := c.cmd.ProcessState.Sys().(syscall.WaitStatus); ok && ws.Signaled() && ws.Signal() == syscall.SIGKILL {
			c.killed = true
		}
		close(c.done)
	}()
	return c, nil
}

// start starts newsgraph as a process that is killed when the test ends.
func start(t *testing.T, stdin io.Reader, args ...string) *child {
	t.Helper()
	c, err := startChild(stdin, args...)
	if err != nil {
		t.Fatalf("start newsgraph %s: %v", strings.Join(args, " "), err)
	}
	t.Cleanup(func() { c.kill() })
	return c
}

func (c *child) pid() int { return c.cmd.Process.Pid }

func (c *child) running() bool {
	select {
	case <-c.done:
		return false
	default:
		return true
	}
}

// kill sends SIGKILL and waits for the process to end.
func (c *child) kill() {
	c.cmd.Process.Signal(syscall.SIGKILL)
	<-c.done
}

// waitFor waits up to d for the process to end and reports whether it did.
func (c *child) waitFor(d time.Duration) bool {
	select {
	case <-c.done:
		return true
	case <-time.After(d):
		return false
	}
}

func (c *child) elapsed() time.Duration { return c.ended.Sub(c.started) }

func (c *child) String() string { return "newsgraph " + strings.Join(c.args, " ") }

// wait waits for the process to end (a hang fails the test) and returns its
// exit status.
func (c *child) wait(t *testing.T) int {
	t.Helper()
	if !c.waitFor(processTimeout) {
		c.kill()
		t.Fatalf("%s: still running after %v (hang?); stderr:\n%s", c, processTimeout, tail(c.stderr.String()))
	}
	return c.code
}

// runChild runs newsgraph as a process to its end.
func runChild(t *testing.T, args ...string) *child {
	t.Helper()
	c := start(t, nil, args...)
	c.wait(t)
	return c
}

// mustRun runs newsgraph as a process and fails the test unless it exits 0
// without an internal error.
func mustRun(t *testing.T, args ...string) *child {
	t.Helper()
	c := runChild(t, args...)
	if c.code != 0 || strings.Contains(c.stderr.String(), "internal error") {
		t.Fatalf("%s: exit %d\n%s", c, c.code, tail(c.stderr.String()))
	}
	return c
}

func tail(s string) string {
	if len(s) > 3000 {
		return "…" + s[len(s)-3000:]
	}
	return s
}

// --- the corpus and the reference builds ---------------------------------

// crashFixture is what both tests share: a corpus, an edition of it with
// some articles edited, and the graphs uninterrupted builds make of them.
type crashFixture struct {
	source       string // where the articles come from
	v1, v2       string // the corpus and its edited edition (JSON Lines)
	edited       int    // articles edited in v2
	articles     int
	storeV1      string        // a store built from v1, to copy
	refV1, refV2 *dump         // export of v1 built; of v2 built on top of v1
	d1, d2       time.Duration // how long those builds took
}

var (
	crashDir     string // the fixture's directory, removed by TestMain
	fixtureOnce  sync.Once
	fixture      *crashFixture
	fixtureError error
)

// sharedFixture builds the fixture once per test binary run.
func sharedFixture(t *testing.T) *crashFixture {
	t.Helper()
	fixtureOnce.Do(func() { fixture, fixtureError = makeFixture(t) })
	if fixtureError != nil {
		t.Fatal(fixtureError)
	}
	return fixture
}

type jsonArticle struct {
	ID    string `json:"id"`
	Title string `json:"title"`
	Date  string `json:"date,omitempty"`
	Text  string `json:"text"`
}

func makeFixture(t *testing.T) (*crashFixture, error) {
	dir, err := os.MkdirTemp("", "newsgraph-crash-")
	if err != nil {
		return nil, err
	}
	crashDir = dir
	n := *crashArticles
	if n < 10 {
		n = 10
	}
	arts, source, err := corpus(n)
	if err != nil {
		return nil, err
	}
	f := &crashFixture{source: source, articles: len(arts), v1: filepath.Join(dir, "articles.jsonl")}
	if err := writeCorpus(f.v1, arts); err != nil {
		return nil, err
	}
	edited, k := editCorpus(arts)
	f.edited = k
	// the same base name: the articles keep their ids
	if err := os.Mkdir(filepath.Join(dir, "v2"), 0o755); err != nil {
		return nil, err
	}
	f.v2 = filepath.Join(dir, "v2", "articles.jsonl")
	if err := writeCorpus(f.v2, edited); err != nil {
		return nil, err
	}

	build := func(db, corpus string) (*dump, time.Duration, error) {
		c, err := startChild(nil, "build", "--quiet", "--db", db, corpus)
		if err != nil {
			return nil, 0, err
		}
		if !c.waitFor(processTimeout) {
			c.kill()
			return nil, 0, fmt.Errorf("%s: still running after %v", c, processTimeout)
		}
		if c.code != 0 || strings.Contains(c.stderr.String(), "internal error") {
			return nil, 0, fmt.Errorf("reference %s: exit %d\n%s", c, c.code, tail(c.stderr.String()))
		}
		d, err := exportStore(db)
		return d, c.elapsed(), err
	}
	f.storeV1 = filepath.Join(dir, "store-v1")
	if f.refV1, f.d1, err = build(f.storeV1, f.v1); err != nil {
		return nil, err
	}
	onTop := filepath.Join(dir, "store-v2")
	if err := copyDir(f.storeV1, onTop); err != nil {
		return nil, err
	}
	if f.refV2, f.d2, err = build(onTop, f.v2); err != nil {
		return nil, err
	}
	if f.refV1.text == f.refV2.text {
		return nil, errors.New("the edited corpus builds the same graph as the original")
	}
	t.Logf("corpus: %d articles from %s, %d of them edited in the second edition", f.articles, f.source, f.edited)
	t.Logf("reference builds: %d quads in %v; edited edition on top: %d quads in %v",
		f.refV1.lines, f.d1.Round(time.Millisecond), f.refV2.lines, f.d2.Round(time.Millisecond))
	return f, nil
}

// corpus returns n articles: from the BBC corpus when it is there,
// otherwise made from the project's own articles.
func corpus(n int) ([]jsonArticle, string, error) {
	env := os.Getenv("NEWSGRAPH_BBC_CORPUS")
	for _, p := range []string{env, "../../../shared/corpus/bbc-fulltext/articles.jsonl"} {
		if p == "" || env == "off" {
			continue
		}
		if arts, err := bbcCorpus(p, n); err == nil && len(arts) >= n/2 {
			return arts, p, nil
		}
	}
	arts, err := syntheticCorpus(n)
	return arts, "the project's test articles (varied)", err
}

// bbcCorpus takes n articles spread over the corpus (all its categories).
func bbcCorpus(path string, n int) ([]jsonArticle, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	lines := strings.Split(strings.TrimSpace(string(data)), "\n")
	step := len(lines) / n
	if step < 1 {
		step = 1
	}
	var out []jsonArticle
	for i := 0; i < len(lines) && len(out) < n; i += step {
		var a jsonArticle
		if err := json.Unmarshal([]byte(lines[i]), &a); err != nil {
			return nil, fmt.Errorf("%s:%d: %v", path, i+1, err)
		}
		if a.ID == "" || strings.TrimSpace(a.Text) == "" {
			continue
		}
		out = append(out, a)
	}
	return out, nil
}

// syntheticCorpus makes n articles of the project's test articles, varying
// the id, the date and the order of the paragraphs.
func syntheticCorpus(n int) ([]jsonArticle, error) {
	var files []string
	for _, pat := range []string{"../../extract/testdata/articles/*.txt", "../../data/articles/*.txt"} {
		m, err := filepath.Glob(pat)
		if err != nil {
			return nil, err
		}
		files = append(files, m...)
	}
	sort.Strings(files)
	if len(files) == 0 {
		return nil, errors.New("no test articles found")
	}
	var bases [][]string
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		bases = append(bases, paragraphs(string(b)))
	}
	start := time.Date(2017, 1, 1, 0, 0, 0, 0, time.UTC)
	out := make([]jsonArticle, n)
	for i := range out {
		ps := bases[i%len(bases)]
		// keep the head (masthead, headline, byline), rotate the prose
		// paragraphs after it and keep a few: articles of the size of the
		// BBC's
		head := min(4, len(ps))
		var body []string
		for _, p := range ps[head:] {
			if len(p) >= 100 {
				body = append(body, p)
			}
		}
		if len(body) > 1 {
			r := (i / len(bases)) % len(body)
			body = append(body[r:], body[:r]...)
		}
		if len(body) > 6 {
			body = body[:6]
		}
		text := strings.Join(append(append([]string(nil), ps[:head]...), body...), "\n\n")
		out[i] = jsonArticle{
			ID:    fmt.Sprintf("syn-%04d", i),
			Title: fmt.Sprintf("%s (%d)", firstLine(ps[0]), i),
			Date:  start.AddDate(0, 0, i).Format("2006-01-02"),
			Text:  text,
		}
	}
	return out, nil
}

func paragraphs(s string) []string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	var out []string
	for _, p := range strings.Split(s, "\n\n") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	if len(out) == 0 {
		out = []string{s}
	}
	return out
}

func firstLine(s string) string {
	l, _, _ := strings.Cut(s, "\n")
	return strings.TrimSpace(l)
}

// editCorpus edits every third article, as a corrections run would: its
// first paragraph moves to the end, every other one loses its last
// paragraph, and a correction is appended. The edits are spread over the
// corpus, so that a build is killed near one of them.
func editCorpus(arts []jsonArticle) ([]jsonArticle, int) {
	out := append([]jsonArticle(nil), arts...)
	k := 0
	for i := 1; i < len(out); i += 3 {
		ps := paragraphs(out[i].Text)
		if k%2 == 1 && len(ps) > 2 {
			ps = ps[:len(ps)-1]
		}
		if len(ps) > 1 {
			ps = append(ps[1:], ps[0])
		}
		ps = append(ps, fmt.Sprintf("Correction: an earlier version of this article (%d) was published in error.", i))
		out[i].Text = strings.Join(ps, "\n\n")
		k++
	}
	return out, k
}

func writeCorpus(path string, arts []jsonArticle) error {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	for _, a := range arts {
		if err := enc.Encode(a); err != nil {
			return err
		}
	}
	return os.WriteFile(path, b.Bytes(), 0o644)
}

// copyDir copies a store directory (not in use).
func copyDir(from, to string) error {
	return filepath.WalkDir(from, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		dst := filepath.Join(to, rel)
		if d.IsDir() {
			return os.MkdirAll(dst, 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(dst, data, 0o644)
	})
}

// --- graphs as exported --------------------------------------------------

// dump is a graph as `newsgraph export` writes it, grouped by label.
type dump struct {
	text  string
	lines int
	// byLabel holds each label's quads (N-Quads lines, sorted, joined).
	byLabel map[string]string
	// quads holds each label's quads.
	quads map[string][]quad.Quad
	// articles are the labels of articles (their IRIs); quads under
	// other labels (entity descriptions shared by articles) are grouped by
	// subject in shared.
	articles map[string]bool
	shared   map[string]string
}

// exportStore exports a store with a child process.
func exportStore(db string) (*dump, error) {
	c, err := startChild(nil, "export", "--db", db)
	if err != nil {
		return nil, err
	}
	if !c.waitFor(processTimeout) {
		c.kill()
		return nil, fmt.Errorf("%s: still running after %v", c, processTimeout)
	}
	if c.code != 0 {
		return nil, fmt.Errorf("%s: exit %d\n%s", c, c.code, tail(c.stderr.String()))
	}
	return parseDump(c.stdout.String())
}

func parseDump(text string) (*dump, error) {
	d := &dump{text: text, byLabel: map[string]string{}, quads: map[string][]quad.Quad{}, articles: map[string]bool{}, shared: map[string]string{}}
	lines := map[string][]string{}
	sharedLines := map[string][]string{}
	var all []quad.Quad
	for _, line := range strings.Split(text, "\n") {
		if line == "" {
			continue
		}
		q, err := nquads.Parse(line)
		if err != nil {
			return nil, fmt.Errorf("export line %q: %v", line, err)
		}
		if q.Label == nil {
			return nil, fmt.Errorf("a quad without a label: %s", line)
		}
		d.lines++
		l := q.Label.String()
		lines[l] = append(lines[l], line)
		d.quads[l] = append(d.quads[l], q)
		if q.Predicate == graph.ContentHash && q.Subject.String() == l {
			d.articles[l] = true
		}
		all = append(all, q)
	}
	for l, ls := range lines {
		sort.Strings(ls)
		d.byLabel[l] = strings.Join(ls, "\n")
	}
	for _, q := range all {
		if l := q.Label.String(); !d.articles[l] {
			s := q.Subject.String()
			sharedLines[s] = append(sharedLines[s], q.NQuad())
		}
	}
	for s, ls := range sharedLines {
		sort.Strings(ls)
		d.shared[s] = strings.Join(ls, "\n")
	}
	return d, nil
}

// diffDumps says how two graphs differ, label by label.
func diffDumps(want, got *dump) string {
	var b strings.Builder
	var labels []string
	for l := range want.byLabel {
		labels = append(labels, l)
	}
	for l := range got.byLabel {
		if _, ok := want.byLabel[l]; !ok {
			labels = append(labels, l)
		}
	}
	sort.Strings(labels)
	n := 0
	for _, l := range labels {
		w, g := want.byLabel[l], got.byLabel[l]
		if w == g {
			continue
		}
		n++
		if n > 5 {
			continue
		}
		fmt.Fprintf(&b, "label %s: want %d quads, got %d\n", l, len(want.quads[l]), len(got.quads[l]))
		wl, gl := lineSet(w), lineSet(g)
		shown := 0
		for _, x := range strings.Split(w, "\n") {
			if x != "" && !gl[x] && shown < 4 {
				fmt.Fprintf(&b, "  missing: %s\n", x)
				shown++
			}
		}
		shown = 0
		for _, x := range strings.Split(g, "\n") {
			if x != "" && !wl[x] && shown < 4 {
				fmt.Fprintf(&b, "  extra:   %s\n", x)
				shown++
			}
		}
	}
	fmt.Fprintf(&b, "%d labels differ; %d quads wanted, %d got", n, want.lines, got.lines)
	return b.String()
}

func lineSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, l := range strings.Split(s, "\n") {
		m[l] = true
	}
	return m
}

// --- the crash test --------------------------------------------------------

// crashState is what a killed build left.
type crashState struct {
	graph   *dump
	present int // articles in the store
	partial int // … of which are older versions (edited since)
}

// checkCrashed checks the store a killed build left: it opens (stats,
// export and a query succeed, and agree), and it holds only whole
// articles. An article is whole when its quads (those labelled with its
// IRI) are exactly the quads one of the reference graphs has under that
// label: the article as the interrupted build would write it, or as it was
// before (when the build replaces an edited article). Quads under other
// labels (entity descriptions that articles share) must be whole too,
// subject by subject, as in one of the references, and every one an
// article present refers to must be there.
func checkCrashed(t *testing.T, db string, allowed ...*dump) crashState {
	t.Helper()
	if _, err := os.Stat(db); errors.Is(err, os.ErrNotExist) {
		return crashState{graph: &dump{byLabel: map[string]string{}}} // killed before it made the store
	}
	st := runChild(t, "stats", "--db", db)
	if st.code != 0 {
		t.Fatalf("the store a killed build left does not open: %s: exit %d\n%s", st, st.code, st.stderr.String())
	}
	d, err := exportStore(db)
	if err != nil {
		t.Fatalf("the store a killed build left does not export: %v", err)
	}
	if want := fmt.Sprintf("quads: %d\n", d.lines); !strings.Contains(st.stdout.String(), want) {
		t.Errorf("export has %d quads, stats says:\n%s", d.lines, firstLines(st.stdout.String(), 3))
	}
	q := runChild(t, "query", "--db", db, "articles")
	if q.code != 0 {
		t.Fatalf("the store a killed build left cannot be queried: %s: exit %d\n%s", q, q.code, q.stderr.String())
	}
	if rows := strings.Count(q.stdout.String(), "\n"); rows != len(d.articles) {
		t.Errorf("query articles returns %d rows; the store holds %d articles", rows, len(d.articles))
	}

	isArticle := func(l string) bool {
		for _, r := range allowed {
			if r.articles[l] {
				return true
			}
		}
		return false
	}
	cs := crashState{graph: d}
	bad := 0
	for l, quads := range d.byLabel {
		if !isArticle(l) {
			known := false
			for _, r := range allowed {
				if _, ok := r.byLabel[l]; ok {
					known = true
				}
			}
			if !known {
				t.Errorf("quads under label %s, which no reference build has", l)
			}
			continue
		}
		cs.present++
		whole := false
		for i, r := range allowed {
			if r.byLabel[l] == quads {
				whole = true
				if i+1 < len(allowed) && allowed[len(allowed)-1].byLabel[l] != quads {
					cs.partial++ // an older version
				}
				break
			}
		}
		if !whole {
			bad++
			if bad <= 3 {
				t.Errorf("article %s: %d quads, as in no reference build (%s)", l, len(d.quads[l]), compare(allowed, l, quads))
			}
		}
	}
	if bad > 3 {
		t.Errorf("… %d articles not whole in all", bad)
	}
	// shared descriptions: each whole, and there for the articles present.
	// An entity's description in a killed build holds the class and name
	// every reference gives it, and only quads some reference gives it:
	// acronyms come with the articles that give them, and those that
	// replaced articles no longer give stay until the build that completes
	// it removes them.
	for s, lines := range d.shared {
		got := lineSet(lines)
		union := map[string]bool{}
		var common map[string]bool
		for _, r := range allowed {
			rl, ok := r.shared[s]
			if !ok {
				continue
			}
			set := lineSet(rl)
			for l := range set {
				union[l] = true
			}
			if common == nil {
				common = set
				continue
			}
			for l := range common {
				if !set[l] {
					delete(common, l)
				}
			}
		}
		var bad []string
		for l := range got {
			if !union[l] {
				bad = append(bad, "extra:   "+l)
			}
		}
		for l := range common {
			if !got[l] && !strings.Contains(l, "<"+string(graph.AlternateName)+">") {
				bad = append(bad, "missing: "+l)
			}
		}
		if len(bad) > 0 {
			sort.Strings(bad)
			t.Errorf("the shared quads of %s match no reference build:\n%s", s, strings.Join(bad, "\n"))
		}
	}
	missing := 0
	for l := range d.articles {
		for _, q := range d.quads[l] {
			for _, v := range []quad.Value{q.Subject, q.Object} {
				iri, isIRI := v.(quad.IRI)
				if !isIRI {
					continue
				}
				k := iri.String()
				needed := false
				for _, r := range allowed {
					if _, ok := r.shared[k]; ok {
						needed = true
					}
				}
				if _, ok := d.shared[k]; needed && !ok {
					missing++
					if missing <= 3 {
						t.Errorf("article %s refers to %s, whose description is not in the store", l, k)
					}
				}
			}
		}
	}
	return cs
}

// compare says how an article's quads differ from each reference version:
// a part of one (quads missing, none extra) is a torn write; quads of
// its own are another resolution of its entities.
func compare(refs []*dump, label, quads string) string {
	var parts []string
	got := lineSet(quads)
	for _, r := range refs {
		want := lineSet(r.byLabel[label])
		missing, extra := 0, 0
		for l := range want {
			if !got[l] {
				missing++
			}
		}
		for l := range got {
			if !want[l] {
				extra++
			}
		}
		kind := "other quads"
		if extra == 0 {
			kind = "A PART OF IT"
		}
		parts = append(parts, fmt.Sprintf("%d quads: %d missing, %d extra, %s", len(want), missing, extra, kind))
	}
	return "reference versions: " + strings.Join(parts, "; ")
}

func firstLines(s string, n int) string {
	ls := strings.SplitN(s, "\n", n+1)
	if len(ls) > n {
		ls = ls[:n]
	}
	return strings.Join(ls, "\n")
}

var summaryRE = regexp.MustCompile(`articles:\s+(\d+) \((\d+) loaded, (\d+) unchanged, (\d+) failed\)`)

// TestCrashRecovery kills builds with SIGKILL at random moments, checks the
// stores they leave, and requires a re-run to complete each store to
// exactly the graph of an uninterrupted build.
//
// Rounds alternate: a fresh build of the corpus into a new store; and a
// build of the edited edition into a store holding the original (edited
// articles are replaced: their old quads removed in one transaction, the
// new ones added in another). Every other pair of rounds also kills the
// first re-run. Batches vary: the default size, one article per
// transaction, and a few articles per transaction.
func TestCrashRecovery(t *testing.T) {
	if testing.Short() {
		t.Skip("kills builds for a minute or two; skipped with -short")
	}
	f := sharedFixture(t)
	seed := *crashSeed
	if seed == 0 {
		seed = uint64(time.Now().UnixNano())
	}
	t.Logf("seed %d (rerun with -args -crash.seed=%d); %d rounds", seed, seed, *crashRounds)
	rng := rand.New(rand.NewPCG(seed, 0x6e657773))

	type tally struct{ kills, finished, empty, midway, complete, replacedGap, rerunKills int }
	var tl tally
	for i := 0; i < *crashRounds; i++ {
		edit := i%2 == 1
		double := i%4 >= 2
		batch := []string{"", "1", "300"}[i%3]
		name := fmt.Sprintf("round%02d", i)
		t.Run(name, func(t *testing.T) {
			db := filepath.Join(t.TempDir(), "g")
			corpus, want, allowed, dur := f.v1, f.refV1, []*dump{f.refV1}, f.d1
			kind := "fresh build"
			if edit {
				if err := copyDir(f.storeV1, db); err != nil {
					t.Fatal(err)
				}
				corpus, want, allowed, dur = f.v2, f.refV2, []*dump{f.refV1, f.refV2}, f.d2
				kind = "edited edition on a built store"
			}
			args := []string{"build", "--quiet", "--db", db}
			if batch != "" {
				args = append(args, "--batch", batch)
				kind += ", --batch " + batch
			}
			args = append(args, corpus)

			// kill a build at a random moment
			kill := func(what string) crashState {
				delay := time.Duration(rng.Int64N(int64(dur) * 9 / 10))
				c := start(t, nil, args...)
				time.Sleep(delay)
				c.kill()
				if c.killed {
					tl.kills++
				} else {
					tl.finished++
					if c.code != 0 {
						t.Fatalf("%s ended on its own with exit %d before the kill:\n%s", c, c.code, tail(c.stderr.String()))
					}
				}
				cs := checkCrashed(t, db, allowed...)
				switch {
				case !c.killed:
					t.Logf("%s: %s finished before the kill at %v", kind, what, delay.Round(time.Millisecond))
				default:
					t.Logf("%s: %s killed after %v: %d of %d articles in the store (%d of them not yet replaced), %d quads",
						kind, what, delay.Round(time.Millisecond), cs.present, f.articles, cs.partial, cs.graph.lines)
				}
				if c.killed && !edit {
					switch cs.present {
					case 0:
						tl.empty++
					case f.articles:
						tl.complete++
					default:
						tl.midway++
					}
				}
				if c.killed && edit && cs.present < f.articles {
					tl.replacedGap++
					t.Logf("%s: killed between removing and re-adding %d edited articles", kind, f.articles-cs.present)
				}
				return cs
			}
			cs := kill("build")
			if double {
				before := tl.kills
				cs = kill("re-run")
				tl.rerunKills += tl.kills - before
			}

			// a re-run completes the store
			c := runChild(t, args...)
			if c.code != 0 || strings.Contains(c.stderr.String(), "internal error") {
				t.Fatalf("re-run: %s: exit %d\n%s", c, c.code, tail(c.stderr.String()))
			}
			// it skips the articles already there as they should be
			unchanged := 0
			for l := range cs.graph.articles {
				if cs.graph.byLabel[l] == want.byLabel[l] {
					unchanged++
				}
			}
			if m := summaryRE.FindStringSubmatch(c.stdout.String()); m == nil {
				t.Errorf("re-run printed no summary:\n%s", c.stdout.String())
			} else if m[1] != strconv.Itoa(f.articles) || m[3] != strconv.Itoa(unchanged) || m[4] != "0" {
				t.Errorf("re-run: %q; want %d articles, %d unchanged (those already whole in the store), 0 failed", m[0], f.articles, unchanged)
			}
			got, err := exportStore(db)
			if err != nil {
				t.Fatal(err)
			}
			if got.text != want.text {
				t.Fatalf("after a re-run the graph differs from an uninterrupted build's:\n%s", diffDumps(want, got))
			}
		})
	}
	t.Logf("%d builds killed (%d of them re-runs), %d finished before the kill; fresh builds killed with no article in yet: %d, midway: %d, with all in: %d; edited-edition builds killed with edited articles out of the store: %d",
		tl.kills, tl.rerunKills, tl.finished, tl.empty, tl.midway, tl.complete, tl.replacedGap)
}

// TestResumedBuildResolvesAsUninterrupted builds a corpus in two steps, as
// a re-run after a build killed midway does (the articles before the kill
// are in the store; the re-run skips them and loads the rest), and requires
// the graph of a build in one step. Entity resolution must not depend on
// whether the index of known entities was built up during the run or read
// back from the store: here an organisation first named by its acronym
// ("UKIP", then "UK Independence Party (UKIP)"), one first named in full
// ("National Farmers Union", then "National Farmers Union (NFU)"), and an
// acronym two organisations give themselves ("BSA"), each then named by
// the short form alone.
func TestResumedBuildResolvesAsUninterrupted(t *testing.T) {
	for _, tc := range []struct {
		name string
		arts []jsonArticle
	}{
		{"full name after an acronym", []jsonArticle{
			{ID: "a1", Title: "Party suspends candidate", Text: "Eurosceptic party UKIP have suspended a candidate over remarks sent to two newspapers.\n\nJohn Houston was due to stand at the next election. UKIP spokesman Mark Croucher said those who selected him knew nothing of his views. The episode comes at a difficult time for UKIP."},
			{ID: "a2", Title: "Candidate resigns", Text: "A prospective candidate for the UK Independence Party (UKIP) has resigned after admitting a brief attachment to another group.\n\nNicholas Betts-Green quit after reports in a newspaper. A UKIP spokesman said the resignation followed disclosures last month."},
			{ID: "a3", Title: "Legal threat", Text: "The UK Independence Party could take legal action against the broadcaster over a documentary.\n\nA spokesman for the UK Independence Party said lawyers were studying the programme."},
		}},
		{"acronym after a full name", []jsonArticle{
			{ID: "b1", Title: "Farmers warn", Text: "The National Farmers Union said on Monday that milk prices had fallen for the third month.\n\nIts president, Tim Bennett, said farmers were losing money on every litre. The union will meet ministers next week."},
			{ID: "b2", Title: "Union meets ministers", Text: "The National Farmers Union (NFU) met ministers on Tuesday to discuss milk prices.\n\nThe NFU president, Tim Bennett, said the talks had been constructive. Ministers promised a review of the market."},
			{ID: "b3", Title: "Prices review", Text: "The NFU said prices would fall again this winter.\n\nA spokesman for the NFU said the review promised by ministers had not started. Supermarkets declined to comment."},
		}},
		{"an acronym two organisations share", []jsonArticle{
			{ID: "c1", Title: "Piracy report", Text: "The Business Software Alliance (BSA) said on Tuesday that software piracy had cost the industry billions last year.\n\nIts president, Robert Holleyman, said governments should do more. The BSA report covered eighty countries."},
			{ID: "c2", Title: "Mortgage lending", Text: "The Building Societies Association (BSA) said mortgage lending rose in January for the fourth month in a row.\n\nIts director general, Adrian Coles, said the housing market remained strong. The figures were published on Monday."},
			{ID: "c3", Title: "New figures", Text: "The BSA said on Friday that its members had reported a sharp rise in complaints.\n\nA spokesman for the BSA said the rise was expected to continue. The figures will be published next week."},
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			// the same file name: the articles keep their ids
			all := filepath.Join(dir, "all", "news.jsonl")
			head := filepath.Join(dir, "head", "news.jsonl")
			for _, p := range []string{all, head} {
				os.MkdirAll(filepath.Dir(p), 0o755)
			}
			if err := writeCorpus(all, tc.arts); err != nil {
				t.Fatal(err)
			}
			if err := writeCorpus(head, tc.arts[:2]); err != nil {
				t.Fatal(err)
			}
			once := filepath.Join(dir, "once")
			mustNG(t, "build", "--quiet", "--db", once, all)
			steps := filepath.Join(dir, "steps")
			mustNG(t, "build", "--quiet", "--db", steps, head)
			out := mustNG(t, "build", "--quiet", "--db", steps, all)
			if !strings.Contains(out, "(1 loaded, 2 unchanged, 0 failed)") {
				t.Errorf("second step: %s", firstLines(out, 1))
			}
			want, err := parseDump(mustNG(t, "export", "--db", once))
			if err != nil {
				t.Fatal(err)
			}
			got, err := parseDump(mustNG(t, "export", "--db", steps))
			if err != nil {
				t.Fatal(err)
			}
			if got.text != want.text {
				t.Errorf("built in two steps, the graph differs from a build in one:\n%s", diffDumps(want, got))
			}
		})
	}
}

// --- two processes on one store ----------------------------------------------

// waitLocked waits until the store's lock names pid.
func waitLocked(t *testing.T, db string, c *child) {
	t.Helper()
	deadline := time.Now().Add(processTimeout)
	want := strconv.Itoa(c.pid()) + " "
	for time.Now().Before(deadline) {
		b, _ := os.ReadFile(filepath.Join(db, "newsgraph.lock"))
		if strings.HasPrefix(string(b), want) {
			return
		}
		if !c.running() {
			t.Fatalf("%s ended (exit %d) before it locked the store:\n%s", c, c.code, tail(c.stderr.String()))
		}
		time.Sleep(5 * time.Millisecond)
	}
	t.Fatalf("%s did not lock %s within %v", c, db, processTimeout)
}

// mustBeRefused runs newsgraph args on a store that holder has open and
// requires a prompt failure naming holder.
func mustBeRefused(t *testing.T, holder *child, cmdName string, args ...string) {
	t.Helper()
	c := start(t, nil, args...)
	if !c.waitFor(failFast) {
		c.kill()
		t.Fatalf("%s: still running after %v while %s (pid %d) holds the store; want a prompt \"store in use\"", c, failFast, holder, holder.pid())
	}
	want := fmt.Sprintf("store in use by process %d (newsgraph %s)", holder.pid(), cmdName)
	if c.code == 0 || !strings.Contains(c.stderr.String(), want) {
		t.Errorf("%s while %s holds the store: exit %d after %v, stderr %q; want a non-zero exit and %q",
			c, holder, c.code, c.elapsed().Round(time.Millisecond), c.stderr.String(), want)
		return
	}
	t.Logf("%s: exit %d after %v: %s", c, c.code, c.elapsed().Round(time.Millisecond), strings.TrimSpace(c.stderr.String()))
}

// TestStoreInUse points two processes at one embedded store: the second
// must fail within a few seconds with a message naming the first, never
// hang or harm the store.
func TestStoreInUse(t *testing.T) {
	if testing.Short() {
		t.Skip("runs several builds; skipped with -short")
	}
	seed, err := os.ReadFile(seedArticle)
	if err != nil {
		t.Fatal(err)
	}

	t.Run("serve then build", func(t *testing.T) {
		db := filepath.Join(t.TempDir(), "g")
		mustRun(t, "build", "--quiet", "--db", db, seedArticle)
		srv := start(t, nil, "serve", "--db", db, "--addr", "127.0.0.1:0")
		url := serveURL(t, srv)
		before := health(t, url)
		// another article to add
		other := filepath.Join(t.TempDir(), "other.txt")
		os.WriteFile(other, append([]byte("Update: "), seed...), 0o644)
		mustBeRefused(t, srv, "serve", "build", "--quiet", "--db", db, other)
		mustBeRefused(t, srv, "serve", "query", "--db", db, "persons")
		mustBeRefused(t, srv, "serve", "stats", "--db", db)
		mustBeRefused(t, srv, "serve", "export", "--db", db)
		mustBeRefused(t, srv, "serve", "serve", "--db", db, "--addr", "127.0.0.1:0")
		if h := health(t, url); h != before {
			t.Errorf("the server's graph changed while a build was refused: %s, then %s", before, h)
		}
		// stop serve, build, restart: the update is served
		srv.cmd.Process.Signal(os.Interrupt)
		if code := srv.wait(t); code != 0 {
			t.Errorf("serve stopped with exit %d:\n%s", code, srv.stderr.String())
		}
		mustRun(t, "build", "--quiet", "--db", db, other)
		srv2 := start(t, nil, "serve", "--db", db, "--addr", "127.0.0.1:0")
		if h := health(t, serveURL(t, srv2)); h == before {
			t.Errorf("the restarted server serves the graph as it was: %s", h)
		}
		// a server killed with SIGKILL leaves the store usable
		srv2.kill()
		mustRun(t, "stats", "--db", db)
	})

	t.Run("build then build", func(t *testing.T) {
		// a build reading its article from standard input holds the store
		// until it is given one
		db := filepath.Join(t.TempDir(), "g")
		pr, pw := io.Pipe()
		holder := start(t, pr, "build", "--quiet", "--db", db, "-")
		waitLocked(t, db, holder)
		mustBeRefused(t, holder, "build", "build", "--quiet", "--db", db, seedArticle)
		mustBeRefused(t, holder, "build", "query", "--db", db, "persons")
		mustBeRefused(t, holder, "build", "stats", "--db", db)
		mustBeRefused(t, holder, "build", "export", "--db", db)
		mustBeRefused(t, holder, "build", "serve", "--db", db, "--addr", "127.0.0.1:0")
		go func() {
			pw.Write(seed)
			pw.Close()
		}()
		if code := holder.wait(t); code != 0 {
			t.Fatalf("%s: exit %d\n%s", holder, code, holder.stderr.String())
		}
		got, err := exportStore(db)
		if err != nil {
			t.Fatal(err)
		}
		// the same as a build nothing disturbed
		clean := filepath.Join(t.TempDir(), "clean")
		c := start(t, bytes.NewReader(seed), "build", "--quiet", "--db", clean, "-")
		if code := c.wait(t); code != 0 {
			t.Fatalf("%s: exit %d\n%s", c, code, c.stderr.String())
		}
		want, err := exportStore(clean)
		if err != nil {
			t.Fatal(err)
		}
		if got.text != want.text {
			t.Errorf("the store differs from a clean build's:\n%s", diffDumps(want, got))
		}
		// the refused build can run now
		mustRun(t, "build", "--quiet", "--db", db, seedArticle)
	})

	t.Run("two builds at once", func(t *testing.T) {
		f := sharedFixture(t)
		for round := 0; round < 2; round++ {
			db := filepath.Join(t.TempDir(), "g")
			args := []string{"build", "--quiet", "--db", db, f.v1}
			a := start(t, nil, args...)
			b := start(t, nil, args...)
			ca, cb := a.wait(t), b.wait(t)
			switch {
			case ca == 0 && cb == 0:
				t.Logf("round %d: both builds succeeded, one after the other (%v, %v)", round, a.elapsed(), b.elapsed())
			case ca == 0 || cb == 0:
				won, lost := a, b
				if cb == 0 {
					won, lost = b, a
				}
				want := fmt.Sprintf("store in use by process %d (newsgraph build)", won.pid())
				if !strings.Contains(lost.stderr.String(), want) {
					t.Errorf("round %d: the refused build says %q; want %q", round, lost.stderr.String(), want)
				}
				if lost.elapsed() > failFast {
					t.Errorf("round %d: the refused build took %v to fail", round, lost.elapsed())
				}
				t.Logf("round %d: pid %d built in %v; pid %d refused after %v", round, won.pid(), won.elapsed().Round(time.Millisecond), lost.pid(), lost.elapsed().Round(time.Millisecond))
			default:
				t.Fatalf("round %d: both builds failed: %d %q, %d %q", round, ca, a.stderr.String(), cb, b.stderr.String())
			}
			got, err := exportStore(db)
			if err != nil {
				t.Fatal(err)
			}
			if got.text != f.refV1.text {
				t.Errorf("round %d: the store differs from a clean build's:\n%s", round, diffDumps(f.refV1, got))
			}
		}
	})

	t.Run("query during a build", func(t *testing.T) {
		f := sharedFixture(t)
		db := filepath.Join(t.TempDir(), "g")
		b := start(t, nil, "build", "--quiet", "--db", db, f.v1)
		waitLocked(t, db, b)
		for _, q := range []string{"articles", "persons"} {
			if !b.running() {
				break
			}
			c := start(t, nil, "query", "--db", db, q)
			if !c.waitFor(failFast) {
				c.kill()
				t.Fatalf("%s: still running after %v during a build; want a prompt \"store in use\"", c, failFast)
			}
			want := fmt.Sprintf("store in use by process %d (newsgraph build)", b.pid())
			if c.code == 0 {
				if b.running() {
					t.Errorf("%s succeeded while %s holds the store", c, b)
				}
				continue // the build had finished
			}
			if !strings.Contains(c.stderr.String(), want) {
				t.Errorf("%s during a build: exit %d, %q; want %q", c, c.code, c.stderr.String(), want)
			}
		}
		if code := b.wait(t); code != 0 {
			t.Fatalf("%s: exit %d\n%s", b, code, b.stderr.String())
		}
		got, err := exportStore(db)
		if err != nil {
			t.Fatal(err)
		}
		if got.text != f.refV1.text {
			t.Errorf("the store differs from a clean build's:\n%s", diffDumps(f.refV1, got))
		}
	})
}

var serveAddrRE = regexp.MustCompile(`at (http://[^/ ]+)/`)

// serveURL waits for serve to say where it listens.
func serveURL(t *testing.T, srv *child) string {
	t.Helper()
	deadline := time.Now().Add(processTimeout)
	for time.Now().Before(deadline) {
		if m := serveAddrRE.FindStringSubmatch(srv.stdout.String()); m != nil {
			return m[1]
		}
		if !srv.running() {
			t.Fatalf("%s ended with exit %d:\n%s", srv, srv.code, srv.stderr.String())
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatalf("%s did not start within %v", srv, processTimeout)
	return ""
}

// health returns the quad count the server reports.
func health(t *testing.T, url string) string {
	t.Helper()
	client := &http.Client{Timeout: 30 * time.Second}
	resp, err := client.Get(url + "/health")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var h struct {
		Status string `json:"status"`
		Quads  int64  `json:"quads"`
	}
	if err := json.NewDecoder(bufio.NewReader(resp.Body)).Decode(&h); err != nil || resp.StatusCode != 200 {
		t.Fatalf("GET %s/health: %s, %v", url, resp.Status, err)
	}
	return fmt.Sprintf("%s, %d quads", h.Status, h.Quads)
}
