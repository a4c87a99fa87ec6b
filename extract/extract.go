package extract

import (
	"errors"
	"sort"
	"strings"
	"sync"
)

// Extractor extracts facts from articles with one lexicon. It is safe for
// concurrent use.
type Extractor struct {
	lx *Lexicon
}

// New returns an Extractor using the lexicon lx.
func New(lx *Lexicon) *Extractor { return &Extractor{lx: lx} }

// Default returns an Extractor using the embedded lexicon.
func Default() (*Extractor, error) {
	lx, err := DefaultLexicon()
	if err != nil {
		return nil, err
	}
	return New(lx), nil
}

// ErrNoText is returned for a document without any article text.
var ErrNoText = errors.New("no article text")

// Extract reads one article and returns its facts.
func (e *Extractor) Extract(in Document) (*Facts, error) {
	if strings.TrimSpace(in.Text) == "" {
		return nil, ErrNoText
	}
	lay := e.lx.analyseLayout(in)
	d := newDoc(e.lx, lay)
	if len(d.toks) == 0 {
		return nil, ErrNoText
	}
	d.findQuotes()
	d.findMentions()
	for _, m := range d.mentions {
		m.inQuote = d.inQuote[m.tok0]
	}
	d.affs = d.findAffiliations() // (which marks the subjects too: its club descriptions need them)
	d.markDescriptionSubjects()
	direct := d.directClaims()
	d.direct = direct
	indirect := d.indirectClaims(direct)
	// speakers of claims found later can describe who "he" is: a second
	// pass is not needed, claims are read in text order
	positions := d.findPositions()
	return d.facts(in, direct, indirect, positions), nil
}

// markSpeaker makes the speaker of a claim the subject of its attribution,
// so that a later "he" refers to them.
func (d *doc) markSpeaker(c claim) {
	// the attribution's mention of the person, if named, is a subject
	for _, m := range d.mentionsIn(d.sents[c.sent0].tok0, d.sents[c.sent1].tok1) {
		if m.kind == kindPerson && m.ent == c.person && !d.inQuote[m.tok0] {
			m.subject = true
		}
	}
}

// facts assembles the article's facts.
func (d *doc) facts(in Document, direct, indirect []claim, positions []position) *Facts {
	f := &Facts{Article: Article{
		ID: in.ID, URL: in.URL, Headline: d.lay.headline, Date: d.lay.date,
		Publisher: d.lay.publisher, Dateline: d.lay.dateline, Text: in.Text,
	}}
	for _, p := range d.persons {
		name := p.name()
		per := Person{Name: name, Mentions: p.mentions}
		for _, form := range p.forms {
			if form != name {
				per.Aliases = append(per.Aliases, form)
			}
		}
		f.Persons = append(f.Persons, per)
	}
	// an acronym the article uses but does not define, that spells an
	// organisation it names ("UKA" for "UK Athletics"), is that organisation
	spelled := d.spelledAcronyms()
	orgIndex := map[string]bool{}
	for _, o := range d.orgs {
		if full, ok := spelled[o.name]; ok {
			for i := range d.orgs {
				if d.orgs[i].name == full && !contains(d.orgs[i].aliases, o.name) {
					d.orgs[i].aliases = append(d.orgs[i].aliases, o.name)
					d.orgs[i].mentions += o.mentions
				}
			}
		}
	}
	for _, o := range d.orgs {
		if _, ok := spelled[o.name]; ok {
			continue
		}
		f.Organisations = append(f.Organisations, Organisation{Name: o.name, Aliases: o.aliases, Mentions: o.mentions})
		orgIndex[o.name] = true
	}
	for _, c := range d.countryOrder {
		co := Country{Name: c, Mentions: d.countryCount[c]}
		for form := range d.countryForms[c] {
			if form != c {
				co.Aliases = append(co.Aliases, form)
			}
		}
		sort.Strings(co.Aliases)
		f.Countries = append(f.Countries, co)
	}
	countryIndex := map[string]bool{}
	for _, c := range f.Countries {
		countryIndex[c.Name] = true
	}
	// an organisation named in a title by an acronym the article defines
	// ("EPP spokesman" after "the European People's Party (EPP)") is that
	// organisation
	byAlias := map[string]string{}
	for acr, full := range spelled {
		byAlias[acr] = full
	}
	for _, o := range d.orgs {
		for _, al := range o.aliases {
			byAlias[al] = o.name
		}
	}
	seenAff := map[string]bool{}
	for _, a := range d.affs {
		if full, ok := byAlias[a.org]; ok && !a.country {
			a.org = full
		}
		if !a.country {
			a.org = d.lx.knownBodyName(a.org) // "UN Secretary General": the United Nations
		}
		person := d.persons[a.person].name()
		key := person + "\x00" + a.org + "\x00" + a.role
		if seenAff[key] {
			continue
		}
		seenAff[key] = true
		if a.country && !countryIndex[a.org] {
			countryIndex[a.org] = true
			f.Countries = append(f.Countries, Country{Name: a.org})
		}
		if !a.country && !orgIndex[a.org] {
			orgIndex[a.org] = true
			f.Organisations = append(f.Organisations, Organisation{Name: a.org, Mentions: 1})
		}
		f.Affiliations = append(f.Affiliations, Affiliation{
			Person: person, Organisation: a.org, IsCountry: a.country, Role: a.role, Current: a.current,
			Evidence: d.evidence(a.sent, "affiliation:"+a.rule),
		})
	}
	seenClaim := map[string]bool{}
	for _, c := range append(append([]claim{}, direct...), indirect...) {
		if d.namesOwnSpeaker(c) {
			continue // "he said, claiming Mr Howard and other senior Tories were ...": not Mr Howard's words
		}
		person := d.persons[c.person].name()
		key := person + "\x00" + c.text
		if seenClaim[key] {
			continue
		}
		seenClaim[key] = true
		f.Claims = append(f.Claims, Claim{
			Person: person, Statement: c.text, Kind: c.kind, Mentions: d.entityNames(c.a, c.b),
			Evidence: d.evidenceSpan(c.sent0, c.sent1, "claim:"+c.rule),
		})
	}
	sort.SliceStable(f.Claims, func(i, j int) bool { return f.Claims[i].Evidence.Start < f.Claims[j].Evidence.Start })
	seenPos := map[string]bool{}
	for _, p := range positions {
		for _, c := range p.countries {
			key := c + "\x00" + p.stance + "\x00" + strings.ToLower(p.issue)
			if seenPos[key] {
				continue
			}
			seenPos[key] = true
			if !countryIndex[c] {
				countryIndex[c] = true
				f.Countries = append(f.Countries, Country{Name: c})
			}
			pos := Position{Country: c, Stance: p.stance, Issue: p.issue, Mentions: d.entityNames(p.a, p.b),
				Evidence: d.evidence(p.sent, "position:"+p.rule)}
			if p.speaker >= 0 {
				pos.Speaker = d.persons[p.speaker].name()
			}
			f.Positions = append(f.Positions, pos)
		}
	}
	return f
}

// entityNames lists the canonical names of the entities named in tokens
// [a, b), without repeats.
func (d *doc) entityNames(a, b int) []string {
	var out []string
	seen := map[string]bool{}
	for _, m := range d.mentionsIn(a, b) {
		var name string
		switch m.kind {
		case kindPerson:
			name = d.persons[m.ent].name()
		case kindOrg:
			name = d.orgs[m.ent].name
		case kindCountry:
			name = m.country
		default:
			continue
		}
		if !seen[name] {
			seen[name] = true
			out = append(out, name)
		}
	}
	return out
}

// version is the extractor's rule version; bump it when extraction rules
// change so that a build re-reads articles it already loaded.
const version = "131"

var (
	lexiconHash     string
	lexiconHashOnce sync.Once
)

// Version identifies the extractor: its rule version and a hash of its
// lexicon, so that a changed lexicon also makes a build re-read articles.
func Version() string {
	lexiconHashOnce.Do(func() { lexiconHash = hashLexicon() })
	return version + "-" + lexiconHash
}

// namesOwnSpeaker reports a claim whose speaker was inferred (from "he",
// a description, the last speaker of a quotation) and whose statement
// names that same person: people do not speak of themselves by name, so
// the inference went wrong.
func (d *doc) namesOwnSpeaker(c claim) bool {
	if !strings.Contains(c.rule, "pronoun") && !strings.Contains(c.rule, "speaker") && !strings.HasSuffix(c.rule, "description") {
		return false
	}
	for _, m := range d.mentionsIn(c.a, c.b) {
		if m.kind == kindPerson && m.ent == c.person {
			return true
		}
	}
	return false
}
