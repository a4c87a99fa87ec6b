// Package graph is newsgraph's knowledge graph: the model that turns
// extracted facts into quads, the Cayley stores that hold them, loading
// with per-article provenance, entity resolution across articles, Gizmo
// queries, export and statistics.
//
// Every quad of a fact carries the IRI of the article it was read from as
// its label, so that each article's facts can be listed, replaced or
// removed on their own. docs/graph-model.md describes the model.
package graph

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"unicode"

	"github.com/cayleygraph/quad"
	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// Namespaces of the model.
const (
	// NS is newsgraph's own vocabulary, for what schema.org has no term for.
	NS = "https://newsgraph.dev/ns#"
	// IDBase is the base of the IRIs of articles, entities and facts.
	IDBase = "https://newsgraph.dev/id/"
	// Schema is schema.org.
	Schema = "http://schema.org/"
	// RDF is the RDF namespace.
	RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
)

// Predicates and classes.
var (
	RDFType = quad.IRI(RDF + "type")

	// schema.org classes
	ClassPerson       = quad.IRI(Schema + "Person")
	ClassOrganization = quad.IRI(Schema + "Organization")
	ClassCountry      = quad.IRI(Schema + "Country")
	ClassArticle      = quad.IRI(Schema + "NewsArticle")
	ClassQuotation    = quad.IRI(Schema + "Quotation")
	ClassRole         = quad.IRI(Schema + "OrganizationRole")
	// newsgraph classes
	ClassPosition = quad.IRI(NS + "Position")
	ClassMerge    = quad.IRI(NS + "Merge")

	// schema.org properties
	Name          = quad.IRI(Schema + "name")
	AlternateName = quad.IRI(Schema + "alternateName")
	Headline      = quad.IRI(Schema + "headline")
	DatePublished = quad.IRI(Schema + "datePublished")
	Publisher     = quad.IRI(Schema + "publisher")
	URL           = quad.IRI(Schema + "url")
	Mentions      = quad.IRI(Schema + "mentions")
	IsPartOf      = quad.IRI(Schema + "isPartOf")
	Affiliation   = quad.IRI(Schema + "affiliation")
	JobTitle      = quad.IRI(Schema + "jobTitle")
	RoleName      = quad.IRI(Schema + "roleName")
	SpokenBy      = quad.IRI(Schema + "spokenByCharacter")
	Text          = quad.IRI(Schema + "text")
	Location      = quad.IRI(Schema + "locationCreated")

	// newsgraph properties
	SourceID    = quad.IRI(NS + "sourceId")
	ContentHash = quad.IRI(NS + "contentHash")
	Member      = quad.IRI(NS + "person")       // affiliation → person
	Org         = quad.IRI(NS + "organization") // affiliation → organisation or country
	Current     = quad.IRI(NS + "current")
	Kind        = quad.IRI(NS + "kind")
	Holder      = quad.IRI(NS + "holder")
	Stance      = quad.IRI(NS + "stance")
	Issue       = quad.IRI(NS + "issue")
	Speaker     = quad.IRI(NS + "speaker")
	Evidence    = quad.IRI(NS + "evidence")
	Start       = quad.IRI(NS + "start")
	End         = quad.IRI(NS + "end")
	Rule        = quad.IRI(NS + "rule")
	Entity      = quad.IRI(NS + "entity")
	SurfaceForm = quad.IRI(NS + "surfaceForm")
	Reason      = quad.IRI(NS + "reason")
)

// Entity kinds, as used in IRIs.
const (
	KindArticle      = "article"
	KindPerson       = "person"
	KindOrganisation = "organisation"
	KindCountry      = "country"
	KindClaim        = "claim"
	KindPosition     = "position"
	KindAffiliation  = "affiliation"
	KindMerge        = "merge"
)

// IRI returns the IRI of an entity or fact of kind with key (a slug or a
// hash).
func IRI(kind, key string) quad.IRI { return quad.IRI(IDBase + kind + "/" + key) }

// ArticleIRI returns the IRI of the article with the given source ID.
func ArticleIRI(id string) quad.IRI { return IRI(KindArticle, slugPath(id)) }

// slugPath keeps an ID readable in an IRI: letters, digits and "-._~/" are
// kept, anything else is percent-encoded.
func slugPath(s string) string {
	var sb strings.Builder
	for _, b := range []byte(s) {
		switch {
		case b >= 'a' && b <= 'z', b >= 'A' && b <= 'Z', b >= '0' && b <= '9', strings.IndexByte("-._~/", b) >= 0:
			sb.WriteByte(b)
		default:
			const hexd = "0123456789ABCDEF"
			sb.WriteByte('%')
			sb.WriteByte(hexd[b>>4])
			sb.WriteByte(hexd[b&15])
		}
	}
	return sb.String()
}

// Slug makes a key of a name: lower case, no diacritics, words joined by
// "-", punctuation dropped; "the" at the start is dropped too.
func Slug(name string) string {
	// a transform.Transformer keeps state: one per call
	fold := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
	s, _, err := transform.String(fold, strings.ToLower(name))
	if err != nil {
		s = strings.ToLower(name)
	}
	s = strings.ReplaceAll(s, "\u2019", "'")
	s = strings.TrimPrefix(s, "the ")
	var sb strings.Builder
	dash := false
	for _, r := range s {
		switch {
		case r == '\'':
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if dash && sb.Len() > 0 {
				sb.WriteByte('-')
			}
			dash = false
			sb.WriteRune(r)
		default:
			dash = true
		}
	}
	return sb.String()
}

// hashKey returns a short stable hash of its parts.
func hashKey(parts ...string) string {
	h := sha256.New()
	for _, p := range parts {
		h.Write([]byte(p))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil))[:16]
}
