package server

import (
	"context"
	"fmt"
	"net/http"
	"sort"
	"strings"
	"sync"

	"github.com/julienschmidt/httprouter"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/iterator"
	"github.com/cayleygraph/cayley/graph/refs"
	"github.com/cayleygraph/cayley/query"
	"github.com/cayleygraph/cayley/query/shape"
	"github.com/cayleygraph/quad"
)

// The query shape, in the JSON format of Cayley v0.7's /api/v1/shape
// (graph/iterator/query_shape.go): nodes are sets of graph nodes the query
// goes through, links are the quads that join them; a link's link_node is
// the node holding the predicate(s) of that hop. Nodes may also carry
// "ops" (filters, limits, ...) which upstream did not report.
type shapeNode struct {
	ID         int      `json:"id"`
	Tags       []string `json:"tags,omitempty"`
	Values     []string `json:"values,omitempty"`
	IsLinkNode bool     `json:"is_link_node"`
	IsFixed    bool     `json:"is_fixed"`
	Ops        []string `json:"ops,omitempty"`
}

type shapeLink struct {
	Source   int `json:"source"`
	Target   int `json:"target"`
	Pred     int `json:"type"`
	LinkNode int `json:"link_node"`
}

type shapeResponse struct {
	Nodes []*shapeNode `json:"nodes"`
	Links []shapeLink  `json:"links"`
}

const maxShapeNodes = 10000

// serveShape answers POST /api/v1/shape/<lang> with the shape of the query
// in the body. The query runs against a wrapper of the quad store that
// records, for every final step (All, ToArray, ...), the optimised shape
// tree Cayley builds, and answers it with an empty iterator: the script runs
// but the graph is not traversed. Works for every session language whose
// queries go through query/shape (gizmo, mql, graphql).
func (s *Server) serveShape(w http.ResponseWriter, r *http.Request, ps httprouter.Params) {
	lang := ps.ByName("lang")
	l := query.GetLanguage(lang)
	if l == nil || l.Session == nil {
		writeError(w, http.StatusBadRequest, fmt.Sprintf("unknown query language %q", lang))
		return
	}
	qu, ok := queryText(w, r)
	if !ok {
		return
	}
	ctx, cancel := context.WithTimeout(r.Context(), s.opt.Timeout)
	defer cancel()
	rec := &shapeRecorder{QuadStore: s.h.QuadStore}
	out := s.runQuery(ctx, func() queryOutcome {
		it, err := l.Session(rec).Execute(ctx, qu, query.Options{Limit: s.opt.Limit, Collation: query.JSON})
		if err != nil {
			return queryOutcome{err: err}
		}
		defer it.Close()
		for n := 0; n < s.opt.Limit && it.Next(ctx); n++ {
		}
		if err := it.Err(); err != nil {
			return queryOutcome{err: err}
		}
		return queryOutcome{err: ctx.Err()}
	})
	if out.err != nil {
		s.writeQueryError(ctx, w, out.err)
		return
	}
	sh := rec.describe()
	if lang == "mql" {
		// MQL tags are internal names (as upstream's MQL ShapeOf, drop them).
		for _, n := range sh.Nodes {
			n.Tags = nil
		}
	}
	writeJSON(w, http.StatusOK, sh)
}

// shapeRecorder is a graph.QuadStore whose shape optimiser (the last pass
// of shape.Optimize, called bottom-up on every node of the tree) records
// each shape and replaces it by a marker. Markers build empty iterators; the
// marker whose iterator is built first-hand is the root of a final step.
type shapeRecorder struct {
	graph.QuadStore

	mu     sync.Mutex
	shapes []shape.Shape
	roots  []int
}

var _ shape.Optimizer = (*shapeRecorder)(nil)

func (r *shapeRecorder) OptimizeShape(ctx context.Context, s shape.Shape) (shape.Shape, bool) {
	if m, ok := s.(shapeMarker); ok {
		return m, false
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	r.shapes = append(r.shapes, s)
	return shapeMarker{rec: r, id: len(r.shapes) - 1}, true
}

type shapeMarker struct {
	rec *shapeRecorder
	id  int
}

func (m shapeMarker) BuildIterator(qs graph.QuadStore) iterator.Shape {
	m.rec.mu.Lock()
	m.rec.roots = append(m.rec.roots, m.id)
	m.rec.mu.Unlock()
	return iterator.NewNull()
}

func (m shapeMarker) Optimize(ctx context.Context, r shape.Optimizer) (shape.Shape, bool) {
	return m, false
}

func (r *shapeRecorder) describe() shapeResponse {
	r.mu.Lock()
	defer r.mu.Unlock()
	b := &shapeBuilder{rec: r, qs: r.QuadStore}
	for _, id := range r.roots {
		n := b.newNode()
		b.build(n, shapeMarker{rec: r, id: id}, 0)
	}
	if b.links == nil {
		b.links = []shapeLink{}
	}
	if b.nodes == nil {
		b.nodes = []*shapeNode{}
	}
	for _, n := range b.nodes {
		n.Tags = dedupe(n.Tags)
	}
	return shapeResponse{Nodes: b.nodes, Links: b.links}
}

type shapeBuilder struct {
	rec   *shapeRecorder
	qs    graph.QuadStore
	nodes []*shapeNode
	links []shapeLink
}

// hop is the NodesFrom (HasA) being described: node is the set of nodes it
// yields, dir the quad direction they are taken from, link the link node.
type hop struct {
	node *shapeNode
	dir  quad.Direction
	link *shapeNode
}

const maxShapeDepth = 200

func (b *shapeBuilder) newNode() *shapeNode {
	n := &shapeNode{ID: len(b.nodes) + 1}
	b.nodes = append(b.nodes, n)
	return n
}

func (b *shapeBuilder) full() bool { return len(b.nodes) >= maxShapeNodes }

// resolve replaces markers by the shapes they stand for.
func (b *shapeBuilder) resolve(s shape.Shape) shape.Shape {
	for i := 0; i < 1000; i++ {
		m, ok := s.(shapeMarker)
		if !ok || m.rec != b.rec || m.id < 0 || m.id >= len(b.rec.shapes) {
			return s
		}
		s = b.rec.shapes[m.id]
	}
	return s
}

func (b *shapeBuilder) name(ref refs.Ref) string {
	if pv, ok := ref.(refs.PreFetchedValue); ok {
		return valueString(pv.NameOf())
	}
	v, err := b.qs.NameOf(ref)
	if err != nil || v == nil {
		return fmt.Sprint(ref)
	}
	return valueString(v)
}

func valueString(v quad.Value) string {
	if v == nil {
		return "<nil>"
	}
	return v.String()
}

// build describes the node set s into node n.
func (b *shapeBuilder) build(n *shapeNode, s shape.Shape, depth int) {
	if depth > maxShapeDepth || b.full() {
		n.Ops = append(n.Ops, "…")
		return
	}
	depth++
	switch s := b.resolve(s).(type) {
	case nil, shape.Null:
		n.Ops = append(n.Ops, "empty")
	case shape.AllNodes:
	case shape.Fixed:
		n.IsFixed = true
		for _, ref := range s {
			n.Values = append(n.Values, b.name(ref))
		}
	case shape.Lookup:
		n.IsFixed = true
		for _, v := range s {
			n.Values = append(n.Values, valueString(v))
		}
	case shape.Save:
		n.Tags = append(n.Tags, s.Tags...)
		if s.From != nil {
			b.build(n, s.From, depth)
		}
	case shape.FixedTags:
		for _, k := range sortedKeys(s.Tags) {
			n.Tags = append(n.Tags, k)
		}
		b.build(n, s.On, depth)
	case shape.Intersect:
		for _, sub := range s {
			if u, ok := b.resolve(sub).(shape.Union); ok {
				b.union(n, u, depth)
			} else {
				b.build(n, sub, depth)
			}
		}
	case shape.IntersectOpt:
		b.build(n, s.Sub, depth)
		for _, sub := range s.Opt {
			child := b.newNode()
			child.Ops = append(child.Ops, "optional")
			b.build(child, sub, depth)
			b.links = append(b.links, shapeLink{Source: n.ID, Target: child.ID})
		}
	case shape.Union:
		b.union(n, s, depth)
	case shape.NodesFrom:
		link := b.newNode()
		link.IsLinkNode = true
		b.quads(hop{node: n, dir: s.Dir, link: link}, s.Quads, depth)
	case shape.QuadsAction:
		link := b.newNode()
		link.IsLinkNode = true
		h := hop{node: n, dir: s.Result, link: link}
		for _, d := range directions {
			if ref, ok := s.Filter[d]; ok {
				b.constraint(h, d, shape.Fixed{ref}, depth)
			}
		}
		for _, d := range directions {
			if tags, ok := s.Save[d]; ok {
				b.constraint(h, d, shape.Save{Tags: tags, From: shape.AllNodes{}}, depth)
			}
		}
	case shape.Filter:
		b.build(n, s.From, depth)
		for _, f := range s.Filters {
			n.Ops = append(n.Ops, describeFilter(f))
		}
	case shape.Page:
		b.build(n, s.From, depth)
		if s.Skip > 0 {
			n.Ops = append(n.Ops, fmt.Sprintf("skip %d", s.Skip))
		}
		if s.Limit > 0 {
			n.Ops = append(n.Ops, fmt.Sprintf("limit %d", s.Limit))
		}
	case shape.Unique:
		b.build(n, s.From, depth)
		n.Ops = append(n.Ops, "unique")
	case shape.Sort:
		b.build(n, s.From, depth)
		n.Ops = append(n.Ops, "sort")
	case shape.Count:
		n.Ops = append(n.Ops, "count")
		b.build(n, s.Values, depth)
	case shape.Materialize:
		b.build(n, s.Values, depth)
	case shape.Except:
		if s.From != nil {
			b.build(n, s.From, depth)
		}
		child := b.newNode()
		child.Ops = append(child.Ops, "excluded")
		b.build(child, s.Exclude, depth)
		b.links = append(b.links, shapeLink{Source: n.ID, Target: child.ID})
	case shape.Composite:
		b.build(n, s.Simplify(), depth)
	default:
		n.Ops = append(n.Ops, fmt.Sprintf("%T", s))
	}
}

func (b *shapeBuilder) union(n *shapeNode, u shape.Union, depth int) {
	for _, sub := range u {
		child := b.newNode()
		b.build(child, sub, depth)
		b.links = append(b.links, shapeLink{Source: n.ID, Target: child.ID})
	}
}

var directions = []quad.Direction{quad.Subject, quad.Predicate, quad.Object, quad.Label}

// quads describes the quad set s of hop h.
func (b *shapeBuilder) quads(h hop, s shape.Shape, depth int) {
	if depth > maxShapeDepth || b.full() {
		return
	}
	depth++
	switch s := b.resolve(s).(type) {
	case shape.Quads:
		for _, f := range s {
			b.constraint(h, f.Dir, f.Values, depth)
		}
	case shape.Intersect:
		for _, sub := range s {
			b.quads(h, sub, depth)
		}
	case shape.Union:
		for _, sub := range s {
			b.quads(h, sub, depth)
		}
		h.link.Ops = append(h.link.Ops, "union")
	case nil, shape.Null:
		h.link.Ops = append(h.link.Ops, "empty")
	case shape.AllNodes:
	default:
		h.link.Ops = append(h.link.Ops, fmt.Sprintf("%T", s))
	}
}

// constraint describes "quads of hop h have a node of values in direction d".
func (b *shapeBuilder) constraint(h hop, d quad.Direction, values shape.Shape, depth int) {
	switch {
	case d == quad.Predicate && h.dir != quad.Predicate:
		b.build(h.link, values, depth)
	case d == h.dir:
		b.build(h.node, values, depth)
	case h.dir == quad.Subject && d == quad.Object:
		child := b.newNode()
		b.build(child, values, depth)
		b.links = append(b.links, shapeLink{Source: h.node.ID, Target: child.ID, LinkNode: h.link.ID})
	case d == quad.Label:
		child := b.newNode()
		child.Ops = append(child.Ops, "label")
		b.build(child, values, depth)
		b.links = append(b.links, shapeLink{Source: h.link.ID, Target: child.ID})
	default: // subject -> object hop (In) and predicates/labels as results
		child := b.newNode()
		b.build(child, values, depth)
		b.links = append(b.links, shapeLink{Source: child.ID, Target: h.node.ID, LinkNode: h.link.ID})
	}
}

func describeFilter(f shape.ValueFilter) string {
	switch f := f.(type) {
	case shape.Comparison:
		return fmt.Sprintf("%s %s", f.Op, valueString(f.Val))
	case shape.Regexp:
		return "regex " + f.Re.String()
	case shape.Wildcard:
		return "like " + f.Pattern
	}
	return strings.TrimPrefix(fmt.Sprintf("%T", f), "shape.")
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func dedupe(xs []string) []string {
	if len(xs) < 2 {
		return xs
	}
	seen := make(map[string]bool, len(xs))
	out := xs[:0]
	for _, x := range xs {
		if !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}
