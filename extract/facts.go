// Package extract turns the text of a news article into typed facts: the
// persons, organisations and countries it names, who is affiliated with
// what, who said what, and which country stands where on which issue.
//
// Every fact carries its evidence: the sentence it was read from and that
// sentence's byte offsets in the article text, plus the name of the rule
// that produced it, so that a wrong fact can be traced. The package knows
// nothing about graphs or stores; see package graph for that.
package extract

// Document is one article as read from its source, before extraction.
type Document struct {
	// ID identifies the article within its source: a file path, a URL,
	// or the id field of a JSON Lines corpus. It must be stable: the same
	// article read again gives the same ID.
	ID string
	// Title, Date, Publisher and URL are metadata known from the source
	// (an HTML page's <title>, a corpus's fields). Empty when unknown; the
	// extractor then looks for them in the text itself.
	Title     string
	Date      string
	Publisher string
	URL       string
	// Text is the article's text, UTF-8, paragraphs separated by blank lines.
	Text string
}

// Facts is everything extracted from one article.
type Facts struct {
	Article       Article        `json:"article"`
	Persons       []Person       `json:"persons"`
	Organisations []Organisation `json:"organisations"`
	Countries     []Country      `json:"countries"`
	Affiliations  []Affiliation  `json:"affiliations"`
	Claims        []Claim        `json:"claims"`
	Positions     []Position     `json:"positions"`
}

// Article holds the article's own facts: where it comes from and what it is.
type Article struct {
	ID        string `json:"id"`
	URL       string `json:"url,omitempty"`
	Headline  string `json:"headline,omitempty"`
	Date      string `json:"date,omitempty"` // ISO 8601 (YYYY-MM-DD) when known
	Publisher string `json:"publisher,omitempty"`
	Dateline  string `json:"dateline,omitempty"` // the place the article was filed from
	// Text is the article text the offsets of all evidence refer to.
	Text string `json:"-"`
}

// Person is a named human, with every other form of the name the article uses.
type Person struct {
	Name     string   `json:"name"`
	Aliases  []string `json:"aliases,omitempty"`
	Mentions int      `json:"mentions"`
}

// Organisation is a named organisation. Aliases hold acronyms and other forms.
type Organisation struct {
	Name     string   `json:"name"`
	Aliases  []string `json:"aliases,omitempty"`
	Mentions int      `json:"mentions"`
}

// Country is a country named in the article, by its canonical name from the
// lexicon. Aliases are the forms the article used (demonyms, capitals...).
type Country struct {
	Name     string   `json:"name"`
	Aliases  []string `json:"aliases,omitempty"`
	Mentions int      `json:"mentions"`
}

// Evidence locates a fact in the article text.
type Evidence struct {
	// Sentence is the sentence the fact was read from.
	Sentence string `json:"sentence"`
	// Start and End are byte offsets of Sentence in Article.Text.
	Start int `json:"start"`
	End   int `json:"end"`
	// Rule names the extraction rule that produced the fact.
	Rule string `json:"rule"`
}

// Affiliation says that a person works (or worked) for an organisation or a
// country, in a role.
type Affiliation struct {
	Person       string `json:"person"`
	Organisation string `json:"organisation"`
	// IsCountry is true when Organisation is a country (a minister of a
	// country is affiliated with that country).
	IsCountry bool     `json:"is_country,omitempty"`
	Role      string   `json:"role,omitempty"`
	Current   bool     `json:"current"`
	Evidence  Evidence `json:"evidence"`
}

// Claim kinds.
const (
	Direct   = "direct"   // a quotation in quotation marks
	Indirect = "indirect" // reported speech
)

// Claim is something a person said, quoted (Direct) or reported (Indirect).
type Claim struct {
	Person    string `json:"person"`
	Statement string `json:"statement"`
	Kind      string `json:"kind"`
	// Mentions lists the persons, organisations and countries (canonical
	// names) the statement names.
	Mentions []string `json:"mentions,omitempty"`
	Evidence Evidence `json:"evidence"`
}

// Stances.
const (
	Supports = "supports"
	Opposes  = "opposes"
)

// Position says that a country supports or opposes something.
type Position struct {
	Country  string   `json:"country"`
	Stance   string   `json:"stance"`
	Issue    string   `json:"issue"`
	Mentions []string `json:"mentions,omitempty"`
	// Speaker is the person whose claim the position was read from, if any.
	Speaker  string   `json:"speaker,omitempty"`
	Evidence Evidence `json:"evidence"`
}
