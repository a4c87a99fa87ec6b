package bench

import (
	"context"
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	prose "github.com/jdkato/prose/v2"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/source"
)

// corpus is the articles of a corpus, read into memory.
type corpus struct {
	docs   []extract.Document
	bytes  int64 // bytes of article text (Document.Text)
	failed int   // records that could not be read
}

// readCorpus reads every article of path (any input newsgraph build
// takes) into memory.
func readCorpus(ctx context.Context, path string) (*corpus, error) {
	rd, err := source.Open(ctx, []string{path}, source.Options{})
	if err != nil {
		return nil, err
	}
	defer rd.Close()
	c := &corpus{}
	for it := range rd.All() {
		if it.Err != nil {
			c.failed++
			continue
		}
		c.docs = append(c.docs, it.Doc)
		c.bytes += int64(len(it.Doc.Text))
	}
	if err := rd.Err(); err != nil {
		return nil, err
	}
	if len(c.docs) == 0 {
		return nil, fmt.Errorf("%s: no articles", path)
	}
	return c, nil
}

// sample returns about n documents spread evenly over docs (every k-th),
// or all of them when n <= 0 or n >= len(docs).
func sample(docs []extract.Document, n int) []extract.Document {
	if n <= 0 || n >= len(docs) {
		return docs
	}
	step := (len(docs) + n - 1) / n
	var out []extract.Document
	for i := 0; i < len(docs); i += step {
		out = append(out, docs[i])
	}
	return out
}

func textBytes(docs []extract.Document) int64 {
	var n int64
	for _, d := range docs {
		n += int64(len(d.Text))
	}
	return n
}

// pass is one timed pass over a set of documents.
type pass struct {
	Seconds float64
	CPU     float64 // CPU seconds this process used meanwhile
	Bytes   int64
	Failed  int // documents the function failed or panicked on
}

// Rate returns the pass's throughput in bytes of text per second.
func (p pass) Rate() float64 { return float64(p.Bytes) / p.Seconds }

// timePass calls fn on every document from workers goroutines and times
// it. A document fn fails or panics on is counted, not fatal. When ctx is
// done the workers stop after their current document.
func timePass(ctx context.Context, docs []extract.Document, workers int, fn func(extract.Document) error) pass {
	runtime.GC()
	var next, failed atomic.Int64
	one := func(d extract.Document) {
		defer func() {
			if recover() != nil {
				failed.Add(1)
			}
		}()
		if fn(d) != nil {
			failed.Add(1)
		}
	}
	start, cpu := time.Now(), cpuSelf()
	var wg sync.WaitGroup
	for w := 0; w < max(workers, 1); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1)) - 1
				if i >= len(docs) || ctx.Err() != nil {
					return
				}
				one(docs[i])
			}
		}()
	}
	wg.Wait()
	return pass{Seconds: time.Since(start).Seconds(), CPU: cpuSelf() - cpu, Bytes: textBytes(docs), Failed: int(failed.Load())}
}

// newsgraphExtract returns the function timed for newsgraph: extraction
// of an article's facts with the default lexicon.
func newsgraphExtract() (func(extract.Document) error, error) {
	ex, err := extract.Default()
	if err != nil {
		return nil, err
	}
	return func(d extract.Document) error {
		_, err := ex.Extract(d)
		return err
	}, nil
}

// proseModel loads prose v2's default model (part-of-speech tagger and
// named-entity classifier) once, as a program that extracts many articles
// would, and returns how long it took.
func proseModel() (*prose.Model, time.Duration) {
	start := time.Now()
	m := prose.ModelFromData("bench") // the default model, no extra training data
	return m, time.Since(start)
}

// proseNER returns the function timed for the baseline: prose v2's
// default pipeline (tokenize, segment, tag, named entities) with a model
// loaded once. The model is only read, so workers can share it.
func proseNER(m *prose.Model) func(extract.Document) error {
	return func(d extract.Document) error {
		doc, err := prose.NewDocument(d.Text, prose.UsingModel(m))
		if err != nil {
			return err
		}
		_ = doc.Entities()
		return nil
	}
}

// proseNERNaive is prose as its README shows it: prose.NewDocument(text)
// without a model, which loads the model again for each document.
func proseNERNaive(d extract.Document) error {
	doc, err := prose.NewDocument(d.Text)
	if err != nil {
		return err
	}
	_ = doc.Entities()
	return nil
}
