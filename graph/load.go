package graph

import (
	"context"
	"errors"
	"fmt"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/iterator"
	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/extract"
)

// Loader loads articles' facts into a store, in transactions of whole
// articles: a build stopped at any moment leaves only whole articles.
// Loading an article again replaces its facts, so nothing stale stays; an
// unchanged article (same text, same extractor) is skipped. Articles must be loaded in a fixed order for the graph to
// be the same from one build to the next (entity resolution depends on
// what is already there).
type Loader struct {
	st      *Store
	ix      *Index
	version string
}

// LoadResult says what loading one article did.
type LoadResult struct {
	Article quad.IRI
	Added   int
	Removed int
	// Unchanged is true when the article was already loaded, from the same
	// text, by the same extractor.
	Unchanged bool
}

// NewLoader prepares to load into st, reading the entities already there.
func NewLoader(ctx context.Context, st *Store) (*Loader, error) {
	ix, err := LoadIndex(ctx, st.QuadStore)
	if err != nil {
		return nil, err
	}
	return &Loader{st: st, ix: ix, version: extract.Version()}, nil
}

// Load loads a batch of articles. New articles are written in one
// transaction. Articles already in the store with other facts are replaced
// in two: the first removes all their old quads, the second writes the new
// ones with the new articles. (Cayley's kv stores drop parts of quads added
// in the same transaction as deletions that leave a shared node with fewer
// references, so adds and deletes never share a transaction.) Stopped
// between the two, the store lacks those articles and the next build
// loads them again: it never holds a part of an article.
func (l *Loader) Load(ctx context.Context, batch []*extract.Facts) ([]LoadResult, error) {
	var dels, adds []graph.Delta
	results := make([]LoadResult, len(batch))
	seen := map[quad.IRI]int{}
	for i, f := range batch {
		a := ArticleIRI(f.Article.ID)
		results[i].Article = a
		if j, dup := seen[a]; dup {
			return nil, fmt.Errorf("article %s twice in one batch (also #%d)", f.Article.ID, j)
		}
		seen[a] = i
		old, err := l.articleQuads(ctx, a)
		if err != nil {
			return nil, fmt.Errorf("read article %s: %w", f.Article.ID, err)
		}
		hash := quad.String(ArticleHash(f) + "/" + l.version)
		if _, ok := old[quad.Quad{Subject: a, Predicate: ContentHash, Object: hash, Label: a}]; ok {
			results[i].Unchanged = true
			continue
		}
		res := l.ix.Resolve(f)
		quads := ArticleQuads(f, res, l.version)
		for _, q := range l.ix.newEntityQuads(res) {
			adds = append(adds, graph.Delta{Quad: q, Action: graph.Add})
			results[i].Added++
		}
		next := make(map[quad.Quad]struct{}, len(quads))
		for _, q := range quads {
			next[q] = struct{}{}
			adds = append(adds, graph.Delta{Quad: q, Action: graph.Add})
			if _, ok := old[q]; !ok {
				results[i].Added++
			}
		}
		for q := range old {
			dels = append(dels, graph.Delta{Quad: q, Action: graph.Delete})
			if _, ok := next[q]; !ok {
				results[i].Removed++
			}
		}
	}
	if len(dels) > 0 {
		if err := l.st.QuadStore.ApplyDeltas(dels, graph.IgnoreOpts{IgnoreMissing: true}); err != nil {
			return nil, fmt.Errorf("remove %d old quads: %w", len(dels), err)
		}
	}
	if len(adds) > 0 {
		if err := l.st.QuadStore.ApplyDeltas(adds, graph.IgnoreOpts{IgnoreDup: true}); err != nil {
			return nil, fmt.Errorf("write %d quads: %w", len(adds), err)
		}
	}
	return results, nil
}

// articleQuads returns the quads labelled with an article's IRI.
func (l *Loader) articleQuads(ctx context.Context, a quad.IRI) (map[quad.Quad]struct{}, error) {
	return labelQuads(ctx, l.st.QuadStore, a)
}

func labelQuads(ctx context.Context, qs graph.QuadStore, label quad.Value) (map[quad.Quad]struct{}, error) {
	out := map[quad.Quad]struct{}{}
	ref, err := qs.ValueOf(label)
	if err != nil || ref == nil {
		return out, err
	}
	err = iterator.Iterate(ctx, qs.QuadIterator(quad.Label, ref)).Each(func(r graph.Ref) error {
		q, err := qs.Quad(r)
		if err != nil {
			return err
		}
		out[q] = struct{}{}
		return nil
	})
	return out, err
}

// CollectGarbage removes the descriptions of entities no article names any
// more (after articles were replaced), and the acronyms no article gives,
// so that nothing stale stays. It returns how many entities it removed.
func (l *Loader) CollectGarbage(ctx context.Context) (int, error) {
	qs := l.st.QuadStore
	var dels []graph.Delta
	removed := 0
	for _, n := range l.ix.entities {
		ref, err := qs.ValueOf(n)
		if err != nil {
			return 0, err
		}
		if ref == nil {
			continue
		}
		used := false
		errUsed := errors.New("used")
		err = iterator.Iterate(ctx, qs.QuadIterator(quad.Object, ref)).Each(func(r graph.Ref) error {
			q, err := qs.Quad(r)
			if err != nil {
				return err
			}
			if q.Label != EntitiesGraph {
				used = true
				return errUsed
			}
			return nil
		})
		if err != nil && !errors.Is(err, errUsed) {
			return 0, err
		}
		if used {
			continue
		}
		quads, err := subjectQuads(ctx, qs, ref)
		if err != nil {
			return 0, err
		}
		for _, q := range quads {
			if q.Label == EntitiesGraph {
				dels = append(dels, graph.Delta{Quad: q, Action: graph.Delete})
			}
		}
		removed++
	}
	stale, err := staleAcronyms(ctx, qs)
	if err != nil {
		return 0, err
	}
	deleting := make(map[quad.Quad]bool, len(dels))
	for _, d := range dels {
		deleting[d.Quad] = true
	}
	for _, d := range stale {
		if !deleting[d.Quad] {
			dels = append(dels, d)
		}
	}
	if len(dels) == 0 {
		return 0, nil
	}
	if err := qs.ApplyDeltas(dels, graph.IgnoreOpts{IgnoreMissing: true}); err != nil {
		return 0, fmt.Errorf("remove %d unused entities: %w", removed, err)
	}
	ix, err := LoadIndex(ctx, qs)
	if err != nil {
		return removed, err
	}
	l.ix = ix
	return removed, nil
}

// staleAcronyms returns the deletions of the acronyms in entity
// descriptions that no article gives any more.
func staleAcronyms(ctx context.Context, qs graph.QuadStore) ([]graph.Delta, error) {
	ref, err := qs.ValueOf(AlternateName)
	if err != nil || ref == nil {
		return nil, err
	}
	type name struct{ s, o quad.Value }
	described := map[name]quad.Quad{}
	given := map[name]bool{}
	err = iterator.Iterate(ctx, qs.QuadIterator(quad.Predicate, ref)).Each(func(r graph.Ref) error {
		q, err := qs.Quad(r)
		if err != nil {
			return err
		}
		if q.Label == EntitiesGraph {
			described[name{q.Subject, q.Object}] = q
		} else {
			given[name{q.Subject, q.Object}] = true
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read alternate names: %w", err)
	}
	var dels []graph.Delta
	for k, q := range described {
		if !given[k] {
			dels = append(dels, graph.Delta{Quad: q, Action: graph.Delete})
		}
	}
	return dels, nil
}

func subjectQuads(ctx context.Context, qs graph.QuadStore, ref graph.Ref) ([]quad.Quad, error) {
	var out []quad.Quad
	err := iterator.Iterate(ctx, qs.QuadIterator(quad.Subject, ref)).Each(func(r graph.Ref) error {
		q, err := qs.Quad(r)
		if err != nil {
			return err
		}
		out = append(out, q)
		return nil
	})
	return out, err
}
