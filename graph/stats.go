package graph

import (
	"context"
	"sort"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/query/path"
	"github.com/cayleygraph/quad"
)

// Stats describes a graph.
type Stats struct {
	Quads int64
	// Counts holds the number of nodes of each type (by class name:
	// Person, Organization, Country, NewsArticle, Quotation, Position,
	// OrganizationRole, Merge).
	Counts map[string]int
	// Mentioned are the entities named in the most articles.
	Mentioned []Ranked
	// Quoted are the persons with the most claims.
	Quoted []Ranked
}

// Ranked is an entity with a count.
type Ranked struct {
	Name  string
	Count int
}

// GraphStats counts the graph's nodes by type and ranks its most-mentioned
// entities and most-quoted speakers (top n of each).
func GraphStats(ctx context.Context, qs graph.QuadStore, n int) (*Stats, error) {
	st := &Stats{Counts: map[string]int{}}
	s, err := qs.Stats(ctx, true)
	if err != nil {
		return nil, err
	}
	st.Quads = s.Quads.Value
	classes := map[string]quad.IRI{
		"Person": ClassPerson, "Organization": ClassOrganization, "Country": ClassCountry,
		"NewsArticle": ClassArticle, "Quotation": ClassQuotation, "Position": ClassPosition,
		"OrganizationRole": ClassRole, "Merge": ClassMerge,
	}
	for name, class := range classes {
		c, err := path.StartPath(qs).Has(RDFType, class).Iterate(ctx).Count()
		if err != nil {
			return nil, err
		}
		st.Counts[name] = int(c)
	}
	// mentions: articles → entities
	if st.Mentioned, err = rank(ctx, qs, path.StartPath(qs).Has(RDFType, ClassArticle).Out(Mentions), n); err != nil {
		return nil, err
	}
	if st.Quoted, err = rank(ctx, qs, path.StartPath(qs).Has(RDFType, ClassQuotation).Out(SpokenBy), n); err != nil {
		return nil, err
	}
	return st, nil
}

// rank counts how often each node ends the path and names the top n.
func rank(ctx context.Context, qs graph.QuadStore, p *path.Path, n int) ([]Ranked, error) {
	counts := map[quad.Value]int{}
	err := p.Iterate(ctx).EachValue(qs, func(v quad.Value) error {
		counts[v]++
		return nil
	})
	if err != nil {
		return nil, err
	}
	var out []Ranked
	for v, c := range counts {
		names, err := path.StartPath(qs, v).Out(Name).Iterate(ctx).AllValues(qs)
		if err != nil {
			return nil, err
		}
		name := quad.ToString(v)
		if len(names) > 0 {
			name = quad.ToString(names[0])
		}
		out = append(out, Ranked{Name: name, Count: c})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		return out[i].Name < out[j].Name
	})
	if len(out) > n {
		out = out[:n]
	}
	return out, nil
}
