// Package build runs newsgraph's main job: it reads articles from the
// given sources, extracts their facts on all cores, and loads them into a
// graph store in input order, whole articles per transaction.
package build

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"time"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/source"
)

// Options configure a build.
type Options struct {
	// Source configures how arguments are read.
	Source source.Options
	// Workers is the number of extraction workers; 0 means one per core.
	Workers int
	// BatchQuads is how many quads are gathered (in whole articles) before
	// they are written in one transaction; 0 means DefaultBatchQuads.
	BatchQuads int
	// Progress, if not nil, is told of each article as it is done.
	Progress func(Progress)
	// Errors, if not nil, is told of each input that failed.
	Errors func(error)
}

// DefaultBatchQuads is the default size of a write transaction.
const DefaultBatchQuads = 10000

// Progress is the state of a build after one more article.
type Progress struct {
	Done, Failed int
	Total        int // -1 when unknown
	Origin       string
}

// Summary says what a build did.
type Summary struct {
	Articles  int // articles read and extracted
	Loaded    int // articles written (new or changed)
	Unchanged int // articles already in the store as they are
	Failed    int // inputs that could not be read or extracted

	Persons, Organisations, Countries, Claims, Positions, Affiliations int
	QuadsAdded, QuadsRemoved                                           int
	EntitiesRemoved                                                    int // no longer named by any article
	Seconds                                                            float64
}

// job is one input on its way through the pipeline.
type job struct {
	seq    int
	origin string
	doc    extract.Document
	err    error
	facts  *extract.Facts
}

// Run builds the graph in st from the articles of args.
func Run(ctx context.Context, st *graph.Store, args []string, opt Options) (*Summary, error) {
	start := time.Now()
	ex, err := extract.Default()
	if err != nil {
		return nil, err
	}
	loader, err := graph.NewLoader(ctx, st)
	if err != nil {
		return nil, fmt.Errorf("read the graph: %w", err)
	}
	rd, err := source.Open(ctx, args, opt.Source)
	if err != nil {
		return nil, err
	}
	defer rd.Close()
	workers := opt.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	batchQuads := opt.BatchQuads
	if batchQuads <= 0 {
		batchQuads = DefaultBatchQuads
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	jobs := make(chan job, workers*2)
	done := make(chan job, workers*2)
	// window bounds the articles between reading and loading, so that
	// memory does not grow with the corpus even when one article is slow
	window := make(chan struct{}, workers*8)
	// read, in order
	go func() {
		defer close(jobs)
		seq := 0
		for {
			select {
			case window <- struct{}{}:
			case <-ctx.Done():
				return
			}
			it, ok := rd.Next()
			if !ok {
				return
			}
			select {
			case jobs <- job{seq: seq, origin: it.Origin, doc: it.Doc, err: it.Err}:
				seq++
			case <-ctx.Done():
				return
			}
		}
	}()
	// extract, in parallel
	finished := make(chan struct{})
	for w := 0; w < workers; w++ {
		go func() {
			defer func() { finished <- struct{}{} }()
			for j := range jobs {
				if j.err == nil {
					j.facts, j.err = extractOne(ex, j)
				}
				select {
				case done <- j:
				case <-ctx.Done():
					return
				}
			}
		}()
	}
	go func() {
		for w := 0; w < workers; w++ {
			<-finished
		}
		close(done)
	}()

	// load, in input order, whole articles per transaction
	sum := &Summary{}
	pending := map[int]job{}
	next := 0
	var batch []*extract.Facts
	batchSize := 0
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		res, err := loader.Load(ctx, batch)
		if err != nil {
			return err
		}
		for _, r := range res {
			if r.Unchanged {
				sum.Unchanged++
			} else {
				sum.Loaded++
			}
			sum.QuadsAdded += r.Added
			sum.QuadsRemoved += r.Removed
		}
		batch, batchSize = batch[:0], 0
		return nil
	}
	total := rd.Total()
	for j := range done {
		pending[j.seq] = j
		for {
			j, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			next++
			<-window
			if j.err != nil {
				sum.Failed++
				if opt.Errors != nil {
					opt.Errors(j.err)
				}
			} else {
				sum.Articles++
				count(sum, j.facts)
				batch = append(batch, j.facts)
				batchSize += estimateQuads(j.facts)
				if batchSize >= batchQuads {
					if err := flush(); err != nil {
						return sum, err
					}
				}
			}
			if opt.Progress != nil {
				opt.Progress(Progress{Done: sum.Articles + sum.Failed, Failed: sum.Failed, Total: total, Origin: j.origin})
			}
		}
	}
	if err := flush(); err != nil {
		return sum, err
	}
	// entities that only replaced articles named go; after a stopped build
	// this also removes what it left behind
	removed, err := loader.CollectGarbage(ctx)
	if err != nil {
		return sum, fmt.Errorf("remove unused entities: %w", err)
	}
	sum.EntitiesRemoved = removed
	if err := rd.Err(); err != nil && !errors.Is(err, context.Canceled) {
		return sum, err
	}
	if err := ctx.Err(); err != nil {
		return sum, err
	}
	sum.Seconds = time.Since(start).Seconds()
	return sum, nil
}

// extractOne extracts an article; a panic in the extractor fails that
// article only.
func extractOne(ex *extract.Extractor, j job) (f *extract.Facts, err error) {
	defer func() {
		if r := recover(); r != nil {
			f, err = nil, fmt.Errorf("extract %s: internal error: %v", j.origin, r)
		}
	}()
	f, err = ex.Extract(j.doc)
	if err != nil {
		return nil, fmt.Errorf("extract %s: %w", j.origin, err)
	}
	return f, nil
}

func count(s *Summary, f *extract.Facts) {
	s.Persons += len(f.Persons)
	s.Organisations += len(f.Organisations)
	s.Countries += len(f.Countries)
	s.Claims += len(f.Claims)
	s.Positions += len(f.Positions)
	s.Affiliations += len(f.Affiliations)
}

// estimateQuads guesses how many quads an article's facts make.
func estimateQuads(f *extract.Facts) int {
	return 8 + 4*len(f.Persons) + 3*len(f.Organisations) + 3*len(f.Countries) +
		12*len(f.Affiliations) + 10*len(f.Claims) + 10*len(f.Positions)
}
