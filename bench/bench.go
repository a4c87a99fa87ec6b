package bench

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"slices"
	"strings"
	"time"

	"github.com/newsgraph/newsgraph/build"
	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/graph"
)

// Targets, from the project's performance issue.
const (
	// TargetExtractPerCore is the extraction throughput to reach per core,
	// in bytes of text per second.
	TargetExtractPerCore = 5e6
	// TargetBuildRatio is the most a build may take, relative to Cayley's
	// bulk load of the same quads into the same backend.
	TargetBuildRatio = 1.2
	// TargetPeakRSS is the peak resident memory a build must stay below,
	// in bytes.
	TargetPeakRSS = 1e9
	// TargetRepeatRSSRatio is how much more peak RSS the build of the
	// repeated corpus may use than the build of the corpus once: the
	// issue says memory must not grow with the corpus; this is the margin
	// allowed for noise.
	TargetRepeatRSSRatio = 1.25
	// TargetQuery is the in-process latency every canned query must stay
	// below, in seconds.
	TargetQuery = 0.1
)

// Defaults of Options.
const (
	DefaultRepeat      = 4
	DefaultRuns        = 3
	DefaultQueryRuns   = 5
	DefaultProseSample = 200
)

// Options configure a run.
type Options struct {
	// Corpus is the input benchmarked: anything newsgraph build reads; a
	// JSON Lines corpus for Repeat.
	Corpus string
	// Repeat is how many copies of the corpus the memory-growth build
	// reads; 0 means DefaultRepeat, 1 or less than 0 skips it.
	Repeat int
	// Runs is how many times each timed measurement is repeated (the
	// median is reported); 0 means DefaultRuns.
	Runs int
	// QueryRuns is how many timed runs each query gets; 0 means
	// DefaultQueryRuns.
	QueryRuns int
	// SkipProse leaves out the prose baseline of extraction.
	SkipProse bool
	// ProseSample is how many articles (spread evenly over the corpus)
	// prose is timed on; 0 means DefaultProseSample, < 0 all of them.
	ProseSample int
	// Exe is the newsgraph binary run for the child processes (build,
	// query, and bench's internal bulk load).
	Exe string
	// TempDir is where stores and generated files go (removed after);
	// "" means the system's.
	TempDir string
	// ProfileDir, if set, receives CPU profiles (see the package doc).
	ProfileDir string
	// Log, if not nil, is told what is being measured.
	Log io.Writer
}

var nan = math.NaN()

// Run measures newsgraph on opt.Corpus and returns the report.
func Run(ctx context.Context, opt Options) (*Report, error) {
	if opt.Corpus == "" {
		return nil, errors.New("no corpus")
	}
	if opt.Exe == "" {
		return nil, errors.New("no newsgraph binary to run builds and queries with")
	}
	if opt.Repeat == 0 {
		opt.Repeat = DefaultRepeat
	}
	if opt.Runs <= 0 {
		opt.Runs = DefaultRuns
	}
	if opt.QueryRuns <= 0 {
		opt.QueryRuns = DefaultQueryRuns
	}
	if opt.ProseSample == 0 {
		opt.ProseSample = DefaultProseSample
	}
	if opt.Log == nil {
		opt.Log = io.Discard
	}
	tmp, err := os.MkdirTemp(opt.TempDir, "newsgraph-bench-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp)
	r := &runner{opt: opt, tmp: tmp, rep: &Report{}}
	if err := r.run(ctx); err != nil {
		return r.rep, err
	}
	return r.rep, nil
}

// runner holds a run's state.
type runner struct {
	opt    Options
	tmp    string
	rep    *Report
	corpus *corpus
	cores  int

	buildDB   string      // the store of the last build, for queries
	build1    *buildStats // the build of the corpus once
	quadsFile string
	// cpuUse says how much CPU each measurement got per wall second
	cpuUse []string
}

// buildStats sums up the runs of one kind of child process.
type buildStats struct {
	Wall             float64 // median, seconds
	MaxRSS           int64   // largest of the runs
	MaxAnon, MaxFile int64   // largest sampled, of the runs
	InProcess        float64 // median of the build's own measure
	CPU              float64 // median CPU seconds (user and system)
	CPUUse           float64 // median CPU seconds per wall second
	Summary          buildSummary
	Quads            int   // bulk: quads loaded
	Disk             int64 // store size on disk, allocated
}

func (r *runner) logf(format string, args ...any) {
	fmt.Fprintf(r.opt.Log, "bench: "+format+"\n", args...)
}

func (r *runner) note(format string, args ...any) {
	r.rep.Notes = append(r.rep.Notes, fmt.Sprintf(format, args...))
}

func (r *runner) add(row Row) {
	r.rep.Rows = append(r.rep.Rows, row)
	c := row.Cells()
	r.logf("%s: %s", c[0], strings.Join(c[1:], " | "))
}

func (r *runner) run(ctx context.Context) error {
	r.cores = runtime.GOMAXPROCS(0)
	r.rep.Env = append(r.rep.Env,
		[2]string{"date", time.Now().UTC().Format("2006-01-02 15:04 MST")},
		[2]string{"machine", fmt.Sprintf("%s, %d cores (GOMAXPROCS %d), %s/%s, %s", cpuModel(), runtime.NumCPU(), r.cores, runtime.GOOS, runtime.GOARCH, runtime.Version())},
	)
	load0 := loadAverage()
	defer func() {
		r.rep.Env = append(r.rep.Env, [2]string{"load average (1 min)", fmt.Sprintf("%s at start, %s at end, on %d cores", load0, loadAverage(), runtime.NumCPU())})
	}()
	r.logf("reading %s", r.opt.Corpus)
	c, err := readCorpus(ctx, r.opt.Corpus)
	if err != nil {
		return err
	}
	r.corpus = c
	r.rep.Env = append(r.rep.Env,
		[2]string{"corpus", fmt.Sprintf("%s: %s articles, %s bytes of article text", r.opt.Corpus, group(int64(len(c.docs))), group(c.bytes))},
		[2]string{"method", fmt.Sprintf("times are medians of %d runs (queries: %d runs after one untimed run); peak RSS is the largest of the runs; builds, bulk loads and query processes run as child processes of %s", r.opt.Runs, r.opt.QueryRuns, filepath.Base(r.opt.Exe))},
	)
	if c.failed > 0 {
		r.note("%d records of the corpus could not be read and are left out of the extraction figures.", c.failed)
	}
	steps := []func(context.Context) error{r.extraction, r.builds, r.repeated, r.queries, r.profiles}
	for _, step := range steps {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := step(ctx); err != nil {
			return err
		}
	}
	r.note("CPU seconds per wall second, median (on an idle machine about 1 for one worker, up to %d with %d; less means other processes took CPU): %s.", r.cores, r.cores, strings.Join(r.cpuUse, "; "))
	return nil
}

// extraction times newsgraph's extractor and prose on the same articles.
func (r *runner) extraction(ctx context.Context) error {
	fn, err := newsgraphExtract()
	if err != nil {
		return err
	}
	docs := r.corpus.docs
	ng := r.passes(ctx, "newsgraph extract", docs, fn)
	if err := ctx.Err(); err != nil {
		return err
	}
	one, all := ng.One, ng.All
	if ng.Failed > 0 {
		r.note("newsgraph's extractor failed or panicked on %d articles per pass; their text is still counted in MB/s.", ng.Failed)
	}
	r.cpuUse = append(r.cpuUse, fmt.Sprintf("newsgraph extraction %.2f (1 worker), %.2f (%d workers)", ng.OneUse, ng.AllUse, r.cores))
	r.note("Extraction per CPU second (bytes of text ÷ CPU time of this process, garbage collection included; does not depend on what else the machine runs): newsgraph %s on 1 worker, %s on %d.",
		Quantity{ng.OneCPU, BytesPerSecond}, Quantity{ng.AllCPU, BytesPerSecond}, r.cores)
	oneRow := Row{Measure: "extraction, 1 core", Value: Quantity{one, BytesPerSecond},
		Target: Target{{Op: AtLeast, Limit: TargetExtractPerCore}}}
	allRow := Row{Measure: fmt.Sprintf("extraction, all %d cores", r.cores), Value: Quantity{all, BytesPerSecond},
		Target: Target{{Op: AtLeast, Limit: TargetExtractPerCore * float64(r.cores), Note: fmt.Sprintf("(%s per core)", Quantity{TargetExtractPerCore, BytesPerSecond})}}}
	if !r.opt.SkipProse {
		m, load := proseModel()
		s := sample(docs, r.opt.ProseSample)
		ps := r.passes(ctx, "prose v2 NER", s, proseNER(m))
		if err := ctx.Err(); err != nil {
			return err
		}
		pOne, pAll, pFailed := ps.One, ps.All, ps.Failed
		r.cpuUse = append(r.cpuUse, fmt.Sprintf("prose %.2f (1 worker), %.2f (%d workers)", ps.OneUse, ps.AllUse, r.cores))
		r.note("prose per CPU second: %s on 1 worker, %s on %d; newsgraph ÷ prose per CPU second, 1 worker: %s.",
			Quantity{ps.OneCPU, BytesPerSecond}, Quantity{ps.AllCPU, BytesPerSecond}, r.cores, FormatRatio(ng.OneCPU/ps.OneCPU))
		label := fmt.Sprintf("prose v2 NER, %d-article sample", len(s))
		if len(s) == len(docs) {
			label = "prose v2 NER"
		}
		oneRow.Baseline = &Baseline{Quantity{pOne, BytesPerSecond}, label}
		allRow.Baseline = &Baseline{Quantity{pAll, BytesPerSecond}, label}
		sb := textBytes(s)
		if len(s) < len(docs) {
			r.note("prose v2 (github.com/jdkato/prose/v2 v2.0.0, prose.NewDocument with its default model loaded once, %.2f s, not timed) was timed on %d articles, every %d-th of the corpus (%s bytes of text, %.1f%% of it), not on all %d: at the measured rate the whole corpus would take about %.0f s on 1 core and %.0f s on %d (extrapolated, not measured). newsgraph was timed on the whole corpus.",
				load.Seconds(), len(s), (len(docs)+len(s)-1)/len(s), group(sb), 100*float64(sb)/float64(r.corpus.bytes), len(docs),
				float64(r.corpus.bytes)/pOne, float64(r.corpus.bytes)/pAll, r.cores)
		} else {
			r.note("prose v2 (github.com/jdkato/prose/v2 v2.0.0, prose.NewDocument with its default model loaded once, %.2f s, not timed) was timed on the whole corpus.", load.Seconds())
		}
		if pFailed > 0 {
			r.note("prose failed on %d articles of its sample per pass.", pFailed)
		}
		// prose as its README shows it reloads its model for every document
		naive := sample(docs, 3)
		p := timePass(ctx, naive, 1, proseNERNaive)
		r.note("prose.NewDocument(text) without prose.UsingModel loads its model again for each document: %s on %d articles (1 core), %s per article. The baseline above loads it once, which is prose at its fastest.",
			Quantity{p.Rate(), BytesPerSecond}, len(naive), Quantity{p.Seconds / float64(len(naive)), Seconds})
		runtime.GC()
	}
	r.add(oneRow)
	r.add(allRow)
	return nil
}

// passStats are the medians of the passes of one extractor.
type passStats struct {
	One, All       float64 // bytes per second, one worker and all cores
	OneUse, AllUse float64 // CPU seconds per wall second
	OneCPU, AllCPU float64 // bytes per CPU second
	Failed         int     // documents failed, per pass
}

// passes times fn over docs Runs times on one worker, then Runs times on
// all cores, and returns the medians.
func (r *runner) passes(ctx context.Context, what string, docs []extract.Document, fn func(extract.Document) error) passStats {
	var ones, alls, oneUse, allUse, oneCPU, allCPU []float64
	var failed int
	for i := 0; i < r.opt.Runs; i++ {
		p := timePass(ctx, docs, 1, fn)
		ones, oneUse, oneCPU = append(ones, p.Rate()), append(oneUse, p.CPU/p.Seconds), append(oneCPU, float64(p.Bytes)/p.CPU)
		failed = p.Failed
		r.logf("%s, 1 worker, run %d/%d: %s (%.2f s)", what, i+1, r.opt.Runs, Quantity{p.Rate(), BytesPerSecond}, p.Seconds)
	}
	for i := 0; i < r.opt.Runs; i++ {
		p := timePass(ctx, docs, r.cores, fn)
		alls, allUse, allCPU = append(alls, p.Rate()), append(allUse, p.CPU/p.Seconds), append(allCPU, float64(p.Bytes)/p.CPU)
		r.logf("%s, %d workers, run %d/%d: %s (%.2f s)", what, r.cores, i+1, r.opt.Runs, Quantity{p.Rate(), BytesPerSecond}, p.Seconds)
	}
	return passStats{One: median(ones), All: median(alls), OneUse: median(oneUse), AllUse: median(allUse),
		OneCPU: median(oneCPU), AllCPU: median(allCPU), Failed: failed}
}

// runBuilds builds corpus Runs times into fresh stores named prefix-N;
// the store of the last run is kept when keep is set.
func (r *runner) runBuilds(ctx context.Context, corpus, prefix string, keep bool) (*buildStats, error) {
	st := &buildStats{}
	var walls, own, cpu, use []float64
	for i := 0; i < r.opt.Runs; i++ {
		db := filepath.Join(r.tmp, fmt.Sprintf("%s-%d", prefix, i))
		b, err := runBuild(ctx, r.opt.Exe, corpus, db, nil)
		if err != nil {
			return nil, err
		}
		walls = append(walls, b.Wall.Seconds())
		cpu, use = append(cpu, b.CPU.Seconds()), append(use, b.CPU.Seconds()/b.Wall.Seconds())
		own = append(own, b.Summary.Seconds)
		st.MaxRSS = max(st.MaxRSS, b.MaxRSS)
		st.MaxAnon, st.MaxFile = max(st.MaxAnon, b.MaxAnon), max(st.MaxFile, b.MaxFile)
		st.Summary = b.Summary
		if st.Disk, _, err = diskUsage(db); err != nil {
			return nil, err
		}
		r.logf("build %s, run %d/%d: %.2f s, peak RSS %s, %d articles, %d quads", filepath.Base(corpus), i+1, r.opt.Runs, b.Wall.Seconds(), Quantity{float64(b.MaxRSS), Bytes}, b.Summary.Articles, b.Summary.QuadsAdded)
		if keep && i == r.opt.Runs-1 {
			r.buildDB = db
		} else if err := os.RemoveAll(db); err != nil {
			return nil, err
		}
	}
	st.Wall, st.InProcess, st.CPU, st.CPUUse = median(walls), median(own), median(cpu), median(use)
	return st, nil
}

// builds measures the build of the corpus and Cayley's bulk load of the
// same quads.
func (r *runner) builds(ctx context.Context) error {
	b, err := r.runBuilds(ctx, r.opt.Corpus, "build", true)
	if err != nil {
		return err
	}
	r.build1 = b
	if b.Summary.Failed > 0 {
		r.note("newsgraph build reported %d failed inputs (of %d); the others were built and measured.", b.Summary.Failed, b.Summary.Failed+b.Summary.Articles)
	}
	r.quadsFile = filepath.Join(r.tmp, "quads.nq")
	n, err := exportQuads(ctx, r.buildDB, r.quadsFile)
	if err != nil {
		return fmt.Errorf("export the built store: %w", err)
	}
	bulk := &buildStats{}
	var walls, cpu, use []float64
	for i := 0; i < r.opt.Runs; i++ {
		db := filepath.Join(r.tmp, fmt.Sprintf("bulk-%d", i))
		br, err := runBulk(ctx, r.opt.Exe, r.quadsFile, db)
		if err != nil {
			return err
		}
		walls = append(walls, br.Wall.Seconds())
		cpu, use = append(cpu, br.CPU.Seconds()), append(use, br.CPU.Seconds()/br.Wall.Seconds())
		bulk.MaxRSS = max(bulk.MaxRSS, br.MaxRSS)
		bulk.MaxAnon, bulk.MaxFile = max(bulk.MaxAnon, br.MaxAnon), max(bulk.MaxFile, br.MaxFile)
		bulk.Quads = br.Quads
		if bulk.Disk, _, err = diskUsage(db); err != nil {
			return err
		}
		r.logf("bulk load, run %d/%d: %.2f s, peak RSS %s, %d quads", i+1, r.opt.Runs, br.Wall.Seconds(), Quantity{float64(br.MaxRSS), Bytes}, br.Quads)
		if err := os.RemoveAll(db); err != nil {
			return err
		}
	}
	bulk.Wall, bulk.CPU, bulk.CPUUse = median(walls), median(cpu), median(use)
	if bulk.Quads != n {
		r.note("the bulk load read %d quads of the %d exported.", bulk.Quads, n)
	}
	bulkLabel := "Cayley bulk load of the same quads"
	r.add(Row{Measure: "build, corpus → fresh bbolt store (process)", Value: Quantity{b.Wall, Seconds},
		Baseline: &Baseline{Quantity{bulk.Wall, Seconds}, bulkLabel}, Target: Target{{OnRatio: true, Op: AtMost, Limit: TargetBuildRatio}}})
	r.add(Row{Measure: "articles/s, build", Value: Quantity{float64(b.Summary.Articles) / b.Wall, Number}})
	r.add(Row{Measure: "quads written, build", Value: Quantity{float64(b.Summary.QuadsAdded), Number},
		Baseline: &Baseline{Quantity{float64(bulk.Quads), Number}, "quads bulk-loaded"}})
	r.add(Row{Measure: "store size on disk", Value: Quantity{float64(b.Disk), Bytes},
		Baseline: &Baseline{Quantity{float64(bulk.Disk), Bytes}, "bulk-loaded store"}})
	r.add(Row{Measure: "peak RSS, build", Value: Quantity{float64(b.MaxRSS), Bytes},
		Baseline: &Baseline{Quantity{float64(bulk.MaxRSS), Bytes}, "bulk load"}, Target: Target{{Op: Below, Limit: TargetPeakRSS}}})
	r.note("Build wall times are the parent's, from process start to exit (store open and close included); the build's own in-process measure (its summary's seconds) was %.2f s (median). The bulk load child reads the exported N-Quads file (%s quads, %s) and loads it with graph.NewWriter + quad.CopyBatch(batch %d) into a fresh %s store opened as newsgraph build opens it.",
		b.InProcess, group(int64(n)), fileSize(r.quadsFile), BulkBatch, graph.DefaultBackend)
	r.cpuUse = append(r.cpuUse, fmt.Sprintf("build %.2f", b.CPUUse), fmt.Sprintf("bulk load %.2f", bulk.CPUUse))
	r.note("CPU time (user + system, median): build %.2f s, bulk load %.2f s, ratio %s; this ratio does not depend on what else the machine runs.",
		b.CPU, bulk.CPU, FormatRatio(b.CPU/bulk.CPU))
	r.note("Resident memory, largest sampled every %s: build %s anonymous (heap) + %s file-backed (binary, mapped store); bulk load %s + %s.",
		sampleEvery, Quantity{float64(b.MaxAnon), Bytes}, Quantity{float64(b.MaxFile), Bytes}, Quantity{float64(bulk.MaxAnon), Bytes}, Quantity{float64(bulk.MaxFile), Bytes})
	return nil
}

func fileSize(p string) string {
	fi, err := os.Stat(p)
	if err != nil {
		return "?"
	}
	return Quantity{float64(fi.Size()), Bytes}.String()
}

// repeated builds the corpus repeated Repeat times.
func (r *runner) repeated(ctx context.Context) error {
	if r.opt.Repeat <= 1 {
		return nil
	}
	dir := filepath.Join(r.tmp, "repeat")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	src, err := repeatCorpus(r.opt.Corpus, dir, r.opt.Repeat)
	if err != nil {
		return err
	}
	defer os.Remove(src)
	b, err := r.runBuilds(ctx, src, "repeat", false)
	if err != nil {
		return err
	}
	k := r.opt.Repeat
	r.cpuUse = append(r.cpuUse, fmt.Sprintf("build ×%d %.2f", k, b.CPUUse))
	r.add(Row{Measure: fmt.Sprintf("build, corpus ×%d (%s articles)", k, group(int64(b.Summary.Articles))), Value: Quantity{b.Wall, Seconds},
		Baseline: &Baseline{Quantity{float64(k) * r.build1.Wall, Seconds}, fmt.Sprintf("%d × the build ×1", k)}})
	r.add(Row{Measure: fmt.Sprintf("peak RSS, build of corpus ×%d", k), Value: Quantity{float64(b.MaxRSS), Bytes},
		Baseline: &Baseline{Quantity{float64(r.build1.MaxRSS), Bytes}, "build ×1"},
		Target:   Target{{Op: Below, Limit: TargetPeakRSS}}})
	r.add(Row{Measure: fmt.Sprintf("peak anonymous memory (heap), build of corpus ×%d", k), Value: Quantity{float64(b.MaxAnon), Bytes},
		Baseline: &Baseline{Quantity{float64(r.build1.MaxAnon), Bytes}, "build ×1"},
		Target:   Target{{OnRatio: true, Op: AtMost, Limit: TargetRepeatRSSRatio, Note: "(no growth)"}}})
	r.note("The corpus ×%d is a generated JSON Lines file, each copy's ids suffixed with ~k; it wrote %s quads into a %s store. Its resident memory: %s anonymous + %s file-backed (largest sampled every %s). The file-backed part is the binary and the store's file, which bbolt maps into memory: pages of the operating system's cache that the kernel reclaims when memory is short, and that grow with the store. The \"no growth\" limit (≤ %s of the build ×1) is this benchmark's reading of \"memory must not grow with the corpus\", applied to the memory the build allocates itself; the capped build below checks that it needs no more memory than the build ×1 had.",
		k, group(int64(b.Summary.QuadsAdded)), Quantity{float64(b.Disk), Bytes}, Quantity{float64(b.MaxAnon), Bytes}, Quantity{float64(b.MaxFile), Bytes}, sampleEvery, FormatRatio(TargetRepeatRSSRatio))
	if err := r.capped(ctx, src, b); err != nil {
		return err
	}
	if b.Summary.Failed > 0 {
		r.note("the build of the corpus ×%d reported %d failed inputs.", k, b.Summary.Failed)
	}
	return nil
}

// capped builds the repeated corpus src once more, in a memory cgroup
// limited to the peak RSS of the build of the corpus once: if the build
// completes there, memory does not grow with the corpus, whatever the
// unconstrained RSS shows. Where no cgroup can be made it says why.
func (r *runner) capped(ctx context.Context, src string, uncapped *buildStats) error {
	k, limit := r.opt.Repeat, r.build1.MaxRSS
	measure := fmt.Sprintf("build, corpus ×%d, memory capped at the build ×1's peak RSS (%s)", k, Quantity{float64(limit), Bytes})
	c, err := newMemoryCap(limit)
	if err != nil {
		r.note("The capped build of the corpus ×%d was not run: %v.", k, err)
		return nil
	}
	db := filepath.Join(r.tmp, "repeat-capped")
	b, err := runBuild(ctx, r.opt.Exe, src, db, c.add)
	peak := c.peak()
	os.RemoveAll(db)
	if rerr := c.remove(); rerr != nil {
		r.note("the memory cgroup %s could not be removed: %v", c.dir, rerr)
	}
	if err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		r.add(Row{Measure: measure, Value: Quantity{nan, Seconds}, Failed: "did not complete",
			Baseline: &Baseline{Quantity{uncapped.Wall, Seconds}, fmt.Sprintf("build ×%d, not capped", k)}})
		r.note("The capped build of the corpus ×%d failed (out of memory, most likely): %v", k, lastLine(err))
		return nil
	}
	r.logf("capped build %s: %.2f s, peak RSS %s, cgroup peak %s", filepath.Base(src), b.Wall.Seconds(), Quantity{float64(b.MaxRSS), Bytes}, Quantity{float64(peak), Bytes})
	r.add(Row{Measure: measure, Value: Quantity{b.Wall.Seconds(), Seconds},
		Baseline: &Baseline{Quantity{uncapped.Wall, Seconds}, fmt.Sprintf("build ×%d, not capped", k)}})
	r.note("The capped build ran once in a memory cgroup (%s) limited to %s, which counts its heap and the page cache it fills, with no swap: it completed, wrote %s quads, and the most memory charged to it was %s; its peak RSS was %s (anonymous %s, file-backed %s, largest sampled; RSS also counts mapped pages of the cache charged before it started).",
		c.dir, Quantity{float64(limit), Bytes}, group(int64(b.Summary.QuadsAdded)), Quantity{float64(peak), Bytes},
		Quantity{float64(b.MaxRSS), Bytes}, Quantity{float64(b.MaxAnon), Bytes}, Quantity{float64(b.MaxFile), Bytes})
	return nil
}

// queries times every canned query in process and as a process.
func (r *runner) queries(ctx context.Context) error {
	s, err := graph.Open(ctx, graph.Options{Backend: graph.DefaultBackend, Path: r.buildDB, ReadOnly: true})
	if err != nil {
		return err
	}
	entity, count, err := frequentEntity(ctx, s)
	if err != nil {
		s.Close()
		return err
	}
	cases := queryCases(entity)
	inproc := map[string]queryTiming{}
	failed := map[string]string{}
	for _, q := range cases {
		t, err := timeQuery(ctx, s, q, r.opt.QueryRuns)
		if err != nil {
			if ctx.Err() != nil {
				s.Close()
				return ctx.Err()
			}
			failed[q.Name] = "failed"
			r.note("query %s in process: %v", q.Name, err)
		}
		inproc[q.Name] = t
		r.logf("query %s in process: %.2f ms (%d rows)", q.Name, t.Median*1e3, t.Rows)
	}
	// a process cannot open the store while this one holds it
	if err := s.Close(); err != nil {
		return err
	}
	proc := map[string]queryTiming{}
	procFailed := map[string]string{}
	for _, q := range cases {
		t, err := timeQueryProcess(ctx, r.opt.Exe, r.buildDB, q, r.opt.QueryRuns)
		if err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			procFailed[q.Name] = "failed"
			r.note("query %s as a process: %v", q.Name, lastLine(err))
		}
		proc[q.Name] = t
		r.logf("query %s as a process: %.2f ms", q.Name, t.Median*1e3)
	}
	for _, q := range cases {
		in, p := inproc[q.Name], proc[q.Name]
		name := q.Name
		for _, k := range sortedKeys(q.Params) {
			name += " --param " + k + "=" + q.Params[k]
		}
		r.add(Row{Measure: fmt.Sprintf("query %s, in process (%s rows)", name, group(int64(in.Rows))), Value: Quantity{in.Median, Seconds},
			Target: Target{{Op: Below, Limit: TargetQuery}}, Failed: failed[q.Name]})
		r.add(Row{Measure: fmt.Sprintf("query %s, newsgraph query process", q.Name), Value: Quantity{p.Median, Seconds},
			Baseline: &Baseline{Quantity{in.Median, Seconds}, "in process"}, Failed: procFailed[q.Name]})
	}
	var firsts []string
	for _, q := range cases {
		if t := inproc[q.Name]; t.First >= 0 {
			firsts = append(firsts, fmt.Sprintf("%s %s / %s", q.Name, Quantity{t.First, Seconds}, Quantity{t.Page, Seconds}))
		}
	}
	r.note("In process, time to the first row / to the first %d rows (a query streams its rows as it finds them; %d rows is the default limit of Cayley's own HTTP API): %s.",
		PageRows, PageRows, strings.Join(firsts, "; "))
	r.note("\"about\" asks about %q, the entity the most articles mention (%d).", entity, count)
	return nil
}

// profiles writes CPU profiles of extraction, build, bulk load and
// queries, after everything is measured.
func (r *runner) profiles(ctx context.Context) error {
	dir := r.opt.ProfileDir
	if dir == "" {
		return nil
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	var files []string
	profile := func(name string, fn func() error) error {
		p := filepath.Join(dir, name+".pprof")
		f, err := os.Create(p)
		if err != nil {
			return err
		}
		defer f.Close()
		runtime.GC()
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
		err = fn()
		pprof.StopCPUProfile()
		if err != nil {
			return fmt.Errorf("profile %s: %w", name, err)
		}
		files = append(files, p)
		r.logf("wrote %s", p)
		return f.Close()
	}
	fn, err := newsgraphExtract()
	if err != nil {
		return err
	}
	if err := profile("extract", func() error {
		// passes for at least 5 s: one pass is too short a sample
		for start := time.Now(); time.Since(start) < 5*time.Second && ctx.Err() == nil; {
			timePass(ctx, r.corpus.docs, 1, fn)
		}
		return ctx.Err()
	}); err != nil {
		return err
	}
	if err := profile("build", func() error {
		db := filepath.Join(r.tmp, "profile-build")
		s, err := graph.Open(ctx, graph.Options{Backend: graph.DefaultBackend, Path: db})
		if err != nil {
			return err
		}
		_, err = build.Run(ctx, s, []string{r.opt.Corpus}, build.Options{})
		if cerr := s.Close(); cerr != nil && err == nil {
			err = cerr
		}
		os.RemoveAll(db)
		return err
	}); err != nil {
		return err
	}
	if err := profile("bulk", func() error {
		db := filepath.Join(r.tmp, "profile-bulk")
		_, _, err := BulkLoad(ctx, r.quadsFile, db)
		os.RemoveAll(db)
		return err
	}); err != nil {
		return err
	}
	if err := profile("queries", func() error {
		s, err := graph.Open(ctx, graph.Options{Backend: graph.DefaultBackend, Path: r.buildDB, ReadOnly: true})
		if err != nil {
			return err
		}
		defer s.Close()
		entity, _, err := frequentEntity(ctx, s)
		if err != nil {
			return err
		}
		for _, q := range queryCases(entity) {
			if _, err := timeQuery(ctx, s, q, r.opt.QueryRuns); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		return err
	}
	slices.Sort(files)
	r.note("CPU profiles (taken after the timed measurements): %s; read with go tool pprof -top FILE.", strings.Join(files, ", "))
	return nil
}

// lastLine shortens an error to its last line (for a child process,
// the last line it wrote on standard error).
func lastLine(err error) string {
	lines := strings.Split(strings.TrimSpace(err.Error()), "\n")
	return lines[len(lines)-1]
}

// loadAverage returns the 1-minute load average, from /proc/loadavg
// where there is one.
func loadAverage() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "?"
	}
	f := strings.Fields(string(b))
	if len(f) == 0 {
		return "?"
	}
	return f[0]
}

// cpuModel names the processor, from /proc/cpuinfo where there is one.
func cpuModel() string {
	b, err := os.ReadFile("/proc/cpuinfo")
	if err != nil {
		return runtime.GOARCH
	}
	for _, line := range strings.Split(string(b), "\n") {
		if k, v, ok := strings.Cut(line, ":"); ok && strings.TrimSpace(k) == "model name" {
			return strings.TrimSpace(v)
		}
	}
	return runtime.GOARCH
}
