package graph

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"sync"
	"unicode"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/query/path"
	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/extract"
)

// Reasons recorded with merges.
const (
	ReasonVariant = "same name up to transliteration or initials"
	ReasonSurname = "surname of the one person of that name in the graph"
	ReasonAcronym = "acronym or short form of the organisation"
)

// Index knows the persons and organisations of a graph, so that each
// article's entities resolve to the nodes already there: one node per
// real-world entity across articles.
type Index struct {
	mu        sync.Mutex
	persons   map[string]*personNode   // folded full name → node
	bySurname map[string][]*personNode // folded surname → persons with full names
	given     map[string]int           // folded first word → persons named with it
	singles   map[string]quad.IRI      // folded surname → surname-only node
	orgs      map[string]quad.IRI      // slug of a name or alias → node
	canon     map[string]bool          // slugs that are an organisation's own name
	names     map[quad.IRI]string
	// stored holds the entities whose description is in the store, and
	// storedQuads the description quads beyond class and name (acronyms).
	stored      map[quad.IRI]bool
	storedQuads map[quad.Quad]bool
	// entities lists them in a stable order.
	entities []quad.IRI
}

// newEntityQuads returns the description quads of the resolution's
// entities that the store does not have yet, and counts them as stored.
func (ix *Index) newEntityQuads(r *Resolution) []quad.Quad {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	var out []quad.Quad
	for _, q := range EntityQuads(r) {
		n := q.Subject.(quad.IRI)
		switch {
		case !ix.stored[n]:
			out = append(out, q)
		case q.Predicate == AlternateName && !ix.storedQuads[q]:
			out = append(out, q)
		}
		if q.Predicate == AlternateName {
			ix.storedQuads[q] = true
		}
	}
	for n := range r.Classes {
		if !ix.stored[n] {
			ix.stored[n] = true
			ix.entities = append(ix.entities, n)
		}
	}
	return out
}

type personNode struct {
	iri   quad.IRI
	words []string
}

// NewIndex returns an empty index.
func NewIndex() *Index {
	return &Index{
		persons:   map[string]*personNode{},
		bySurname: map[string][]*personNode{},
		given:     map[string]int{},
		singles:   map[string]quad.IRI{},
		orgs:      map[string]quad.IRI{},
		canon:     map[string]bool{},
		names:     map[quad.IRI]string{},
		stored:    map[quad.IRI]bool{},

		storedQuads: map[quad.Quad]bool{},
	}
}

// LoadIndex reads the persons and organisations of a store into an index.
func LoadIndex(ctx context.Context, qs graph.QuadStore) (*Index, error) {
	ix := NewIndex()
	type row struct{ id, name quad.Value }
	read := func(class, pred quad.IRI, fn func(quad.IRI, string)) error {
		var rows []row
		err := path.StartPath(qs).Has(RDFType, class).Tag("id").LabelContext(EntitiesGraph).Out(pred).Tag("name").
			Iterate(ctx).TagValues(qs, func(m map[string]quad.Value) error {
			rows = append(rows, row{m["id"], m["name"]})
			return nil
		})
		if err != nil {
			return err
		}
		// a stable order, whatever the store's
		sort.Slice(rows, func(i, j int) bool {
			if a, b := quad.StringOf(rows[i].id), quad.StringOf(rows[j].id); a != b {
				return a < b
			}
			return quad.StringOf(rows[i].name) < quad.StringOf(rows[j].name)
		})
		for _, r := range rows {
			iri, ok := r.id.(quad.IRI)
			if !ok {
				continue
			}
			fn(iri, quad.ToString(r.name))
		}
		return nil
	}
	if err := read(ClassCountry, Name, func(n quad.IRI, name string) { ix.stored[n] = true }); err != nil {
		return nil, fmt.Errorf("read countries: %w", err)
	}
	if err := read(ClassPerson, Name, func(n quad.IRI, name string) { ix.addPerson(n, name); ix.stored[n] = true }); err != nil {
		return nil, fmt.Errorf("read persons: %w", err)
	}
	if err := read(ClassOrganization, Name, func(n quad.IRI, name string) { ix.addOrg(n, name, true); ix.stored[n] = true }); err != nil {
		return nil, fmt.Errorf("read organisations: %w", err)
	}
	// acronyms, from the entities' descriptions: they stay as long as the
	// organisation does, so an article replaced or removed midway through
	// a build does not change how the rest resolves
	if err := read(ClassOrganization, AlternateName, func(n quad.IRI, name string) {
		if isAcronym(name) {
			ix.addOrg(n, name, false)
			ix.storedQuads[quad.Quad{Subject: n, Predicate: AlternateName, Object: quad.String(name), Label: EntitiesGraph}] = true
		}
	}); err != nil {
		return nil, fmt.Errorf("read organisations: %w", err)
	}
	ix.entities = make([]quad.IRI, 0, len(ix.stored))
	for n := range ix.stored {
		ix.entities = append(ix.entities, n)
	}
	sort.Slice(ix.entities, func(i, j int) bool { return ix.entities[i] < ix.entities[j] })
	return ix, nil
}

func (ix *Index) addPerson(n quad.IRI, name string) {
	if _, ok := ix.names[n]; !ok {
		ix.names[n] = name
	}
	words := strings.Fields(name)
	if len(words) == 0 {
		return
	}
	key := extract.FoldName(name)
	if len(words) == 1 {
		if _, ok := ix.singles[key]; !ok {
			ix.singles[key] = n
		}
		return
	}
	if _, ok := ix.persons[key]; ok {
		return
	}
	p := &personNode{iri: n, words: words}
	ix.persons[key] = p
	ix.given[extract.FoldName(words[0])]++
	// in the order of their IRIs, as LoadIndex reads them, whatever order
	// they came in
	sur := extract.FoldName(words[len(words)-1])
	list := ix.bySurname[sur]
	i := sort.Search(len(list), func(i int) bool { return list[i].iri > n })
	ix.bySurname[sur] = append(list[:i], append([]*personNode{p}, list[i:]...)...)
}

func (ix *Index) addOrg(n quad.IRI, name string, canonical bool) {
	if canonical {
		if _, ok := ix.names[n]; !ok {
			ix.names[n] = name
		}
	}
	key := Slug(name)
	if key == "" {
		return
	}
	old, ok := ix.orgs[key]
	switch {
	case !ok:
		ix.orgs[key] = n
		ix.canon[key] = canonical
	case ix.canon[key]:
		// an organisation's own name stays its own
	case canonical:
		ix.orgs[key], ix.canon[key] = n, true
	case n < old:
		// an acronym several organisations give themselves names the
		// one with the least IRI, whatever order they came in: as
		// LoadIndex reads it back
		ix.orgs[key] = n
	}
}

// isAcronym: "RIPS", "IBM", "U.N.".
func isAcronym(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			letters++
			if !unicode.IsUpper(r) {
				return false
			}
		} else if r != '.' && r != '&' {
			return false
		}
	}
	return letters >= 2 && letters <= 8
}

// Resolve maps the entities of one article's facts to nodes, adding new
// ones to the index. Surname-only persons resolve inside the article first
// (the extractor already merged them with full names there), then to the
// one person of the graph with that surname; persons who merely share a
// surname with several others stay apart.
func (ix *Index) Resolve(f *extract.Facts) *Resolution {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	r := &Resolution{
		Persons:       map[string]quad.IRI{},
		Organisations: map[string]quad.IRI{},
		Countries:     map[string]quad.IRI{},
		Names:         map[quad.IRI]string{},
		Classes:       map[quad.IRI]quad.IRI{},
		Acronyms:      map[quad.IRI][]string{},
	}
	for _, p := range f.Persons {
		n, reason := ix.resolvePerson(p.Name)
		r.Persons[p.Name] = n
		r.Names[n] = ix.names[n]
		r.Classes[n] = ClassPerson
		if reason != "" {
			r.Merges = append(r.Merges, Merge{Entity: n, Surface: p.Name, Reason: reason})
		}
	}
	for _, o := range f.Organisations {
		n, reason := ix.resolveOrg(o.Name, o.Aliases)
		r.Organisations[o.Name] = n
		r.Names[n] = ix.names[n]
		r.Classes[n] = ClassOrganization
		for _, al := range o.Aliases {
			if isAcronym(al) {
				r.Acronyms[n] = append(r.Acronyms[n], al)
			}
		}
		if reason != "" {
			r.Merges = append(r.Merges, Merge{Entity: n, Surface: o.Name, Reason: reason})
		}
	}
	if f.Article.Publisher != "" {
		n, _ := ix.resolveOrg(f.Article.Publisher, nil)
		r.Publisher = n
		r.Names[n] = ix.names[n]
		r.Classes[n] = ClassOrganization
	}
	for _, c := range f.Countries {
		n := IRI(KindCountry, Slug(c.Name))
		r.Countries[c.Name] = n
		r.Names[n] = c.Name
		r.Classes[n] = ClassCountry
	}
	return r
}

func (ix *Index) resolvePerson(name string) (quad.IRI, string) {
	words := strings.Fields(name)
	key := extract.FoldName(name)
	if len(words) >= 2 {
		if p, ok := ix.persons[key]; ok {
			if ix.names[p.iri] != name {
				return p.iri, ReasonVariant
			}
			return p.iri, ""
		}
		if p := ix.variantOf(words); p != nil {
			return p.iri, ReasonVariant
		}
		n := IRI(KindPerson, Slug(name))
		ix.addPerson(n, name)
		return n, ""
	}
	// a surname alone: the one person of the graph with that surname,
	// spelt the same; a transliteration variant of a surname alone is too
	// weak a sign ("Nicholls" is not "Mike Nichols"), and so is a word
	// others in the graph have as their given name ("Charles" is not
	// only Ray Charles)
	if cands := ix.bySurname[key]; len(cands) == 1 && Slug(cands[0].words[len(cands[0].words)-1]) == Slug(name) && ix.given[key] == 0 {
		return cands[0].iri, ReasonSurname
	}
	if n, ok := ix.singles[key]; ok {
		return n, ""
	}
	n := IRI(KindPerson, Slug(name))
	ix.addPerson(n, name)
	return n, ""
}

// variantOf returns the person of the index that a multi-word name is a
// variant of (a transliteration, a middle name, an initial), or nil. A
// name with a full given name joins a person named the same way, never one
// known only by an initial: "S Jones" may be Simon, Stephen or Steve Jones.
// A name with an initial joins the one person whose given name it fits,
// and no one when several do.
func (ix *Index) variantOf(words []string) *personNode {
	var fits []*personNode
	for _, p := range ix.bySurname[extract.FoldName(words[len(words)-1])] {
		if !extract.SameName(words, p.words) {
			continue
		}
		switch {
		case !isInitial(words[0]) && !isInitial(p.words[0]):
			return p
		case isInitial(words[0]) && !isInitial(p.words[0]):
			fits = append(fits, p)
		}
	}
	if len(fits) == 1 {
		return fits[0]
	}
	return nil
}

// isInitial: "S", "S.".
func isInitial(w string) bool {
	return len([]rune(strings.TrimSuffix(w, "."))) == 1
}

func (ix *Index) resolveOrg(name string, aliases []string) (quad.IRI, string) {
	key := Slug(name)
	if n, ok := ix.orgs[key]; ok {
		// its acronyms here are written as its alternate names, which
		// LoadIndex reads: index them now too
		for _, al := range aliases {
			if isAcronym(al) {
				ix.addOrg(n, al, false)
			}
		}
		if ix.names[n] != name && isAcronym(name) {
			return n, ReasonAcronym
		}
		return n, ""
	}
	// a full name is its own identity: an acronym it shares with another
	// organisation ("BSA") does not merge them; it names this one only if
	// it is still free
	n := IRI(KindOrganisation, key)
	ix.addOrg(n, name, true)
	for _, al := range aliases {
		if isAcronym(al) {
			ix.addOrg(n, al, false)
		}
	}
	return n, ""
}
