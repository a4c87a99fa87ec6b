package graph

import (
	"crypto/sha256"
	"encoding/hex"
	"sort"
	"strings"

	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/extract"
)

// Resolution maps the entities an article names to the graph's nodes.
type Resolution struct {
	Persons       map[string]quad.IRI // extract person name → node
	Organisations map[string]quad.IRI // extract organisation name → node
	Countries     map[string]quad.IRI // canonical country name → node
	Publisher     quad.IRI            // the publisher's node, if known
	// Names holds each node's canonical name, written as schema:name; the
	// article's own forms become schema:alternateName.
	Names map[quad.IRI]string
	// Merges records where an article's name for an entity was resolved to
	// a node named otherwise.
	Merges []Merge
	// Classes holds each node's class.
	Classes map[quad.IRI]quad.IRI
	// Acronyms holds the acronyms the article gives organisations ("National
	// Farmers Union (NFU)"), written as schema:alternateName with the
	// entity's description: later articles that use the acronym alone
	// resolve to the organisation, whatever becomes of this article.
	Acronyms map[quad.IRI][]string
}

// EntitiesGraph labels the quads that describe entities (their class and
// canonical name): one copy per entity, shared by all the articles that
// name it, so that traversals do not repeat an entity once per article.
// What an article says of an entity (the names it uses, that it mentions
// it, the facts) is labelled with the article.
var EntitiesGraph = IRI("graph", "entities")

// EntityQuads returns the quads describing the entities of a resolution:
// class, canonical name and organisations' acronyms, in EntitiesGraph,
// sorted.
func EntityQuads(r *Resolution) []quad.Quad {
	var out []quad.Quad
	for n, class := range r.Classes {
		out = append(out, quad.Quad{Subject: n, Predicate: RDFType, Object: class, Label: EntitiesGraph})
		if name := strings.TrimSpace(r.Names[n]); name != "" {
			out = append(out, quad.Quad{Subject: n, Predicate: Name, Object: quad.String(name), Label: EntitiesGraph})
		}
		for _, acr := range r.Acronyms[n] {
			out = append(out, quad.Quad{Subject: n, Predicate: AlternateName, Object: quad.String(acr), Label: EntitiesGraph})
		}
	}
	SortQuads(out)
	return out
}

// Merge records that a surface form in an article was resolved to an
// entity known under another name.
type Merge struct {
	Entity  quad.IRI
	Surface string
	Reason  string
}

// ArticleHash identifies an article's content: re-reading an unchanged
// article can be skipped.
func ArticleHash(f *extract.Facts) string {
	h := sha256.Sum256([]byte(f.Article.Text + "\x00" + f.Article.Headline + "\x00" + f.Article.Date + "\x00" + f.Article.Publisher + "\x00" + f.Article.URL))
	return hex.EncodeToString(h[:])
}

// ArticleQuads returns the quads of one article's facts, each labelled with
// the article's IRI, sorted, without duplicates: the article itself, the
// entities it mentions and the names it uses for them, affiliations,
// claims, positions and merges. The same facts and resolution give the
// same quads. The entities' own descriptions are in EntityQuads.
func ArticleQuads(f *extract.Facts, r *Resolution, extractorVersion string) []quad.Quad {
	a := ArticleIRI(f.Article.ID)
	b := &builder{label: a, seen: map[quad.Quad]bool{}}
	art := f.Article
	b.add(a, RDFType, ClassArticle)
	b.add(a, SourceID, quad.String(art.ID))
	b.add(a, ContentHash, quad.String(ArticleHash(f)+"/"+extractorVersion))
	b.addString(a, Headline, art.Headline)
	b.addString(a, DatePublished, art.Date)
	b.addString(a, URL, art.URL)
	b.addString(a, Location, art.Dateline)
	if art.Publisher != "" {
		if pub := r.Publisher; pub != "" {
			b.add(a, Publisher, pub)
			b.alias(pub, r.Names[pub], art.Publisher)
		}
	}
	for _, p := range f.Persons {
		n := r.Persons[p.Name]
		b.alias(n, r.Names[n], p.Name)
		for _, al := range p.Aliases {
			b.alias(n, r.Names[n], al)
		}
		b.add(a, Mentions, n)
	}
	for _, o := range f.Organisations {
		n := r.Organisations[o.Name]
		b.alias(n, r.Names[n], o.Name)
		for _, al := range o.Aliases {
			b.alias(n, r.Names[n], al)
		}
		b.add(a, Mentions, n)
	}
	for _, c := range f.Countries {
		n := r.Countries[c.Name]
		b.add(a, Mentions, n)
	}
	for _, af := range f.Affiliations {
		p := r.Persons[af.Person]
		o := r.Organisations[af.Organisation]
		if af.IsCountry {
			o = r.Countries[af.Organisation]
		}
		if p == "" || o == "" {
			continue
		}
		id := IRI(KindAffiliation, hashKey(string(a), string(p), string(o), af.Role, boolKey(af.Current)))
		b.add(id, RDFType, ClassRole)
		b.add(id, Member, p)
		b.add(id, Org, o)
		b.addString(id, RoleName, af.Role)
		b.add(id, Current, quad.Bool(af.Current))
		b.add(id, IsPartOf, a)
		b.evidence(id, af.Evidence)
		b.add(p, Affiliation, o)
		b.addString(p, JobTitle, af.Role)
	}
	for _, c := range f.Claims {
		p := r.Persons[c.Person]
		if p == "" {
			continue
		}
		id := IRI(KindClaim, hashKey(string(a), string(p), c.Kind, c.Statement))
		b.add(id, RDFType, ClassQuotation)
		b.add(id, SpokenBy, p)
		b.add(id, Text, quad.String(c.Statement))
		b.add(id, Kind, quad.String(c.Kind))
		b.add(id, IsPartOf, a)
		b.mentions(id, c.Mentions, r)
		b.evidence(id, c.Evidence)
	}
	for _, ps := range f.Positions {
		c := r.Countries[ps.Country]
		if c == "" {
			continue
		}
		id := IRI(KindPosition, hashKey(string(a), string(c), ps.Stance, ps.Issue))
		b.add(id, RDFType, ClassPosition)
		b.add(id, Holder, c)
		b.add(id, Stance, quad.String(ps.Stance))
		b.add(id, Issue, quad.String(ps.Issue))
		b.add(id, IsPartOf, a)
		b.mentions(id, ps.Mentions, r)
		if ps.Speaker != "" {
			if p := r.Persons[ps.Speaker]; p != "" {
				b.add(id, Speaker, p)
			}
		}
		b.evidence(id, ps.Evidence)
	}
	for _, m := range r.Merges {
		id := IRI(KindMerge, hashKey(string(a), string(m.Entity), m.Surface))
		b.add(id, RDFType, ClassMerge)
		b.add(id, Entity, m.Entity)
		b.add(id, SurfaceForm, quad.String(m.Surface))
		b.add(id, Reason, quad.String(m.Reason))
		b.add(id, IsPartOf, a)
	}
	SortQuads(b.quads)
	return b.quads
}

func boolKey(b bool) string {
	if b {
		return "current"
	}
	return "former"
}

// lookup finds the node of an entity by its name in the article.
func (r *Resolution) lookup(name string) quad.IRI {
	if n, ok := r.Persons[name]; ok {
		return n
	}
	if n, ok := r.Organisations[name]; ok {
		return n
	}
	return r.Countries[name]
}

// builder collects an article's quads.
type builder struct {
	label quad.IRI
	quads []quad.Quad
	seen  map[quad.Quad]bool
}

func (b *builder) add(s quad.Value, p quad.IRI, o quad.Value) {
	q := quad.Quad{Subject: s, Predicate: p, Object: o, Label: b.label}
	if b.seen[q] {
		return
	}
	b.seen[q] = true
	b.quads = append(b.quads, q)
}

func (b *builder) addString(s quad.Value, p quad.IRI, v string) {
	if v = strings.TrimSpace(v); v != "" {
		b.add(s, p, quad.String(v))
	}
}

func (b *builder) alias(n quad.IRI, name, alias string) {
	if alias != "" && alias != name {
		b.addString(n, AlternateName, alias)
	}
}

// mentions links a fact to the entities it names that r resolved.
func (b *builder) mentions(n quad.IRI, names []string, r *Resolution) {
	for _, m := range names {
		if e := r.lookup(m); e != "" {
			b.add(n, Mentions, e)
		}
	}
}

func (b *builder) evidence(n quad.IRI, e extract.Evidence) {
	b.addString(n, Evidence, e.Sentence)
	b.add(n, Start, quad.Int(e.Start))
	b.add(n, End, quad.Int(e.End))
	b.addString(n, Rule, e.Rule)
}

// SortQuads sorts quads by their N-Quads text: the order of export and of
// golden files, whatever the store.
func SortQuads(qs []quad.Quad) {
	keys := make([]string, len(qs))
	for i, q := range qs {
		keys[i] = q.NQuad()
	}
	sort.Sort(byKey{qs, keys})
}

type byKey struct {
	qs   []quad.Quad
	keys []string
}

func (b byKey) Len() int           { return len(b.qs) }
func (b byKey) Less(i, j int) bool { return b.keys[i] < b.keys[j] }
func (b byKey) Swap(i, j int) {
	b.qs[i], b.qs[j] = b.qs[j], b.qs[i]
	b.keys[i], b.keys[j] = b.keys[j], b.keys[i]
}
