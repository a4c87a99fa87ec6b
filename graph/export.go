package graph

import (
	"context"
	"fmt"
	"io"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/iterator"
	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/jsonld"
	"github.com/cayleygraph/quad/nquads"
)

// ExportFormats lists the formats Export writes.
var ExportFormats = []string{"nquads", "jsonld"}

// AllQuads returns every quad of the store, sorted by its N-Quads text.
func AllQuads(ctx context.Context, qs graph.QuadStore) ([]quad.Quad, error) {
	var out []quad.Quad
	err := iterator.Iterate(ctx, qs.QuadsAllIterator()).Each(func(r graph.Ref) error {
		q, err := qs.Quad(r)
		if err != nil {
			return err
		}
		out = append(out, q)
		return nil
	})
	if err != nil {
		return nil, err
	}
	SortQuads(out)
	return out, nil
}

// Export writes every quad of the store to w: "nquads" (sorted, one quad a
// line, each with its article label) or "jsonld" (named graphs per
// article).
func Export(ctx context.Context, qs graph.QuadStore, w io.Writer, format string) error {
	quads, err := AllQuads(ctx, qs)
	if err != nil {
		return fmt.Errorf("read quads: %w", err)
	}
	var qw quad.WriteCloser
	switch format {
	case "nquads", "":
		qw = nquads.NewWriter(w)
	case "jsonld":
		qw = jsonld.NewWriter(w)
	default:
		return fmt.Errorf("unknown export format %q (have nquads, jsonld)", format)
	}
	if _, err := qw.WriteQuads(quads); err != nil {
		return err
	}
	return qw.Close()
}
