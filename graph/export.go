package graph

import (
	"context"
	"fmt"
	"io"
	"strconv"

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
	for i := range quads {
		quads[i] = standardQuad(quads[i])
	}
	if _, err := qw.WriteQuads(quads); err != nil {
		return err
	}
	return qw.Close()
}

// XSD is the XML Schema datatypes namespace.
const XSD = "http://www.w3.org/2001/XMLSchema#"

// standardQuad writes typed literals the way other RDF tools read them:
// Cayley writes `"True"^^<xsd:boolean>` (a relative IRI, and a boolean
// that XML Schema does not allow); here it is
// `"true"^^<http://www.w3.org/2001/XMLSchema#boolean>`.
func standardQuad(q quad.Quad) quad.Quad {
	switch v := q.Object.(type) {
	case quad.Int:
		q.Object = quad.TypedString{Value: quad.String(strconv.FormatInt(int64(v), 10)), Type: quad.IRI(XSD + "integer")}
	case quad.Bool:
		q.Object = quad.TypedString{Value: quad.String(strconv.FormatBool(bool(v))), Type: quad.IRI(XSD + "boolean")}
	case quad.Float:
		q.Object = quad.TypedString{Value: quad.String(strconv.FormatFloat(float64(v), 'g', -1, 64)), Type: quad.IRI(XSD + "double")}
	}
	return q
}
