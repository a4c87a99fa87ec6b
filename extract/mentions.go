package extract

import (
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

type entityKind int

const (
	kindPerson entityKind = iota
	kindOrg
	kindCountry
	kindDescription // a title or description standing for a person: "the expert", "Russian Foreign Minister"
)

// mention is one place where the article names an entity.
type mention struct {
	kind       entityKind
	ent        int    // index in doc.persons or doc.orgs
	country    string // kindCountry: canonical name
	tok0, tok1 int    // the name's tokens
	title      titleInfo
	inQuote    bool
	subject    bool // the person is the subject of the clause or the speaker of a claim
	rule       string
}

// personEnt is a person of the article with every form of the name used.
type personEnt struct {
	words       []string // the fullest form of the name
	forms       []string // surface forms in order of first use
	formSet     map[string]bool
	mentions    int
	familyFirst bool
	desc        map[string]bool // lower-case words describing the person: roles, organisations
	roles       []string        // the person's roles, lower case ("home secretary")
	class       string          // "gov", "org", "expert" or "" (unknown)
	first       int             // token of first mention
	positions   []int           // tokens of its mentions, in the order found
	sorted      bool
}

// lastBefore returns the token of the person's last mention before token
// at (or its first mention).
func (p *personEnt) lastBefore(at int) int {
	if !p.sorted {
		sort.Ints(p.positions)
		p.sorted = true
	}
	i := sort.SearchInts(p.positions, at) - 1
	if i < 0 {
		return p.first
	}
	return max(p.positions[i], p.first)
}

func (p *personEnt) name() string { return strings.Join(p.words, " ") }

// surname is the family name: the last word, or the first for
// family-name-first names.
func (p *personEnt) surname() string {
	if p.familyFirst && len(p.words) > 1 {
		return p.words[0]
	}
	return p.words[len(p.words)-1]
}

type orgEnt struct {
	name     string
	aliases  []string
	mentions int
	first    int
}

// place words make a capitalised phrase a place, not a person.
// placePrefixes start place names ("New York", "San Jose", "Fort William"):
// a name that starts with one is a place, and the given name after it is
// part of it.
var placePrefixes = map[string]bool{
	"New": true, "San": true, "Santa": true, "Los": true, "Las": true, "Fort": true, "Port": true, "Mount": true,
}

// newPlaces are the words after "New" that make a place's name ("New
// York"); before other words "New" is an adjective ("New Southampton
// manager").
var newPlaces = map[string]bool{
	"York": true, "Jersey": true, "Mexico": true, "Hampshire": true, "Orleans": true, "Delhi": true,
	"England": true, "South": true, "Brunswick": true, "Guinea": true, "Caledonia": true, "Haven": true,
	"Zealand": true, "Territories": true,
}

// placeStart reports whether token i starts a place's name by its first
// word ("New York", "San Jose", "Fort William").
func (d *doc) placeStart(i int) bool {
	w := d.toks[i].s
	if !placePrefixes[w] {
		return false
	}
	return w != "New" || i+1 < len(d.toks) && newPlaces[d.toks[i+1].s]
}

var placeWords = map[string]bool{
	"North": true, "South": true, "East": true, "West": true, "Northern": true, "Southern": true,
	"Eastern": true, "Western": true, "Central": true, "Far": true, "Middle": true, "Upper": true, "Lower": true,
	"Sea": true, "Ocean": true, "Island": true, "Islands": true, "Isles": true, "Territories": true, "Territory": true,
	"Region": true, "Peninsula": true, "Gulf": true, "Strait": true, "Straits": true, "River": true, "Mountains": true, "Hemisphere": true,
	"Valley": true, "Coast": true, "Bay": true, "Lake": true, "Street": true, "Square": true, "Avenue": true,
	"Road": true, "Province": true, "State": true, "City": true, "County": true, "District": true, "Hill": true,
	"Republic": true, "Kingdom": true, "Airport": true, "Station": true, "Bridge": true, "Park": true, "Palace": true,
	"Hall": true, "Tower": true, "Canal": true, "Desert": true, "Basin": true, "Pacific": true, "Atlantic": true,
	"Arctic": true, "Antarctic": true, "Asia": true, "Europe": true, "Africa": true, "Americas": true, "Oceania": true,
	"Mediterranean": true, "Baltic": true, "Caribbean": true, "Balkans": true, "Caucasus": true, "Crimea": true,
	"Peninsular": true, "Highlands": true, "Heights": true, "Strip": true, "Bank": false,
}

// calendar words are capitalised but never names.
var calendarWords = map[string]bool{
	"Monday": true, "Tuesday": true, "Wednesday": true, "Thursday": true, "Friday": true, "Saturday": true, "Sunday": true,
	"January": true, "February": true, "March": true, "April": true, "June": true, "July": true,
	"August": true, "September": true, "October": true, "November": true, "December": true,
	"Jan": true, "Feb": true, "Mar": true, "Apr": true, "Jun": true, "Jul": true, "Aug": true, "Sep": true,
	"Sept": true, "Oct": true, "Nov": true, "Dec": true, "Christmas": true, "Easter": true,
}

// sentence openers that are capitalised only because they start a sentence.
var openers = map[string]bool{
	"However": true, "Meanwhile": true, "Besides": true, "Moreover": true, "Furthermore": true, "Specifically": true,
	"Perhaps": true, "Sometimes": true, "Anytime": true, "Also": true, "Still": true, "Yet": true, "Then": true,
	"Now": true, "Today": true, "Yesterday": true, "Tomorrow": true, "Instead": true, "Indeed": true, "Thus": true,
	"Therefore": true, "Hence": true, "Nevertheless": true, "Nonetheless": true, "Although": true, "Though": true,
	"While": true, "Whereas": true, "When": true, "Where": true, "Why": true, "How": true, "What": true, "Who": true,
	"Which": true, "If": true, "Unless": true, "Because": true, "Since": true, "After": true, "Before": true,
	"During": true, "Despite": true, "According": true, "Many": true, "Some": true, "Most": true, "Several": true,
	"Both": true, "Each": true, "Every": true, "All": true, "Any": true, "Such": true, "Other": true, "Another": true,
	"These": true, "Those": true, "This": true, "That": true, "There": true, "Here": true, "It": true, "Its": true,
	"He": true, "She": true, "They": true, "We": true, "I": true, "You": true, "His": true, "Her": true, "Their": true,
	"Our": true, "My": true, "Your": true, "In": true, "On": true, "At": true, "By": true, "For": true, "From": true,
	"With": true, "Without": true, "As": true, "To": true, "Of": true, "The": true, "A": true, "An": true, "And": true,
	"But": true, "Or": true, "Nor": true, "So": true, "Not": true, "No": true, "Only": true, "Even": true, "Just": true,
	"Last": true, "Next": true, "First": true, "Second": true, "Finally": true, "Overall": true, "Earlier": true,
	"Later": true, "Recently": true, "Currently": true, "Previously": true, "Initially": true, "Ultimately": true,
	"Clearly": true, "Obviously": true, "Certainly": true, "Probably": true, "Possibly": true, "Apparently": true,
	"Mostly": true, "Mainly": true, "Partly": true, "Among": true, "Between": true, "Under": true, "Over": true,
	"Through": true, "Across": true, "Against": true, "Amid": true, "Following": true, "Including": true,
	"Unlike": true, "Like": true, "Until": true, "Once": true, "Whether": true, "Whatever": true, "Whoever": true,
	"People": true, "Ties": true, "Dear": true, "Sir": false, "Please": true, "Thanks": true, "Yes": true,
}

// name particles join the parts of a person's name.
var nameParticles = map[string]bool{
	"bin": true, "ibn": true, "bint": true, "al": true, "el": true, "von": true, "van": true, "der": true,
	"den": true, "de": true, "da": true, "di": true, "du": true, "la": true, "le": true, "dos": true,
	"das": true, "del": true, "y": true, "ter": true, "abu": false,
}

// orgConnectors join the parts of an organisation's name.
var orgConnectors = map[string]bool{"of": true, "for": true, "on": true, "and": true, "&": true, "de": true, "des": true, "du": true}

// isCapWord reports a capitalised word, including "al-Assad" style names.
func (d *doc) isCapWord(i int) bool {
	t := d.toks[i]
	if !t.word {
		return false
	}
	if t.cap {
		return true
	}
	l := t.s
	for _, p := range []string{"al-", "el-", "bin-", "ad-", "as-"} {
		if strings.HasPrefix(l, p) && len(l) > len(p) && unicode.IsUpper(firstRune(l[len(p):])) {
			return true
		}
	}
	return false
}

// isCommon reports whether a capitalised word is an ordinary English word
// that the article also uses in lower case, or a sentence opener.
func (d *doc) isCommon(w string) bool {
	l := lowerASCII(w)
	return openers[w] || functionWords[l] || d.lowerVocab[l]
}

// capsEnd returns the end of the run of capitalised words from token k, in
// the sentence of token i.
func (d *doc) capsEnd(k, i int) int {
	for k < len(d.toks) && d.isCapWord(k) && d.sentOf[k] == d.sentOf[i] {
		k++
	}
	return k
}

// chunk is a run of capitalised words.
type chunk struct{ a, b int }

// chunks finds the runs of capitalised words of the body. Organisation
// names keep their connectors ("Institute for Peace and Security"),
// person names their particles ("Mohammed bin Salman").
func (d *doc) chunks() []chunk {
	var out []chunk
	n := len(d.toks)
	for i := 0; i < n; {
		if !d.isCapWord(i) {
			i++
			continue
		}
		j := i + 1
		// a day or a month stands alone: "on Wednesday Mr Straw said"
		for j < n && d.sentOf[j] == d.sentOf[i] && !calendarWords[d.toks[i].s] {
			// "Musicians' Union", "European People's Party": a plural's
			// possessive inside a name that ends in an organisation word
			if d.pluralPossessiveAt(j) || (d.toks[j].s == "'s" || d.toks[j].s == "\u2019s") && irregularPlural(d.toks[j-1].lower()) {
				k := j + 1
				for k < n && d.isCapWord(k) && d.sentOf[k] == d.sentOf[i] {
					k++
				}
				if k == j+1 || !d.chunkHasOrgHead(j+1, k) {
					break // not "Sky Networks' Sophie Turner Laing", "Britain's Labour Party"
				}
				j = k
				continue
			}
			if !d.isCapWord(j) || d.toks[j].start-d.toks[j-1].end > 1 || calendarWords[d.toks[j].s] {
				break
			}
			j++
		}
		// connectors
		for j+1 < n && d.sentOf[j+1] == d.sentOf[i] {
			c := d.toks[j].lower()
			// two particles: "Rodrigo de la Serna", "Rafael van der Vaart"
			if nameParticles[c] && nameParticles[d.toks[j+1].low] && j+2 < n && d.isCapWord(j+2) && d.sentOf[j+2] == d.sentOf[i] && j-i >= 1 {
				j = d.capsEnd(j+2, i)
				continue
			}
			if !d.isCapWord(j+1) || calendarWords[d.toks[j+1].s] {
				break // "the Commission on Monday"
			}
			if (orgConnectors[c] && d.chunkHasOrgHead(i, j) && !(c == "and" && !d.hasConnector(i, j))) || d.pairedOrgName(i, j) {
				j = d.capsEnd(j+1, i)
				continue
			}
			if nameParticles[c] && j-i >= 1 {
				j = d.capsEnd(j+1, i)
				continue
			}
			break
		}
		out = append(out, chunk{i, j})
		i = j
	}
	return out
}

// pluralPossessiveAt reports an apostrophe at token j that closes a
// capitalised plural ("Musicians'"), not a quotation.
func (d *doc) pluralPossessiveAt(j int) bool {
	t := d.toks[j]
	if (t.s != "'" && t.s != "\u2019") || j == 0 {
		return false
	}
	p := d.toks[j-1]
	return p.end == t.start && p.cap && strings.HasSuffix(p.s, "s") && j+1 < len(d.toks) && d.toks[j+1].start > t.end
}

// hasTitleHead reports whether tokens [a, b) hold a title head or an
// honorific: "State" alone does not make "State Great Khural" a title and
// a name.
func (d *doc) hasTitleHead(a, b int) bool {
	for i := a; i < b; i++ {
		l := strings.TrimSuffix(d.toks[i].lower(), ".")
		if _, ok := d.lx.titleHeads[l]; ok {
			return true
		}
		if _, ok := d.lx.titleHeads[singular(l)]; ok {
			return true
		}
		if _, ok := d.lx.honorifics[d.toks[i].lower()]; ok {
			return true
		}
		if d.lx.headFirstWords[l] || l == "former" || l == "counterpart" {
			return true
		}
		if _, ok := d.lx.parties[l]; ok {
			return true // "Conservative Graham Brady"
		}
	}
	return false
}

// notAName reports whether the capitalised words [a, b) are a place, a
// country or an organisation's words rather than the start of a name.
func (d *doc) notAName(a, b int) bool {
	if d.lx.givenNames[d.toks[a].s] {
		return false
	}
	titles := true
	for i := a; i < b; i++ {
		w := d.toks[i].s
		if placeWords[w] || d.isCountryWord(i) || d.lx.orgHeads[w] || d.lx.titleDomains[d.toks[i].lower()] {
			return true
		}
		titles = titles && (d.titleWordAt(i) || d.toks[i].is("of", "for", "and", "the"))
	}
	return titles
}

// splitChunks cuts a person's name off the capitalised words before it
// when they are a country or a place: "Russian Federation Sergey Malinin",
// "China Zhao Mingyuan", "Pacific Affairs Rebecca Thornbury" (after a
// title's complement).
func (d *doc) splitChunks(cs []chunk) []chunk {
	out := make([]chunk, 0, len(cs))
	for _, c := range cs {
		split := -1
		// an honorific starts a name: "Harrogate Mr Kennedy"
		for k := c.a + 1; k < c.b-1; k++ {
			if cls, ok := d.lx.honorifics[d.toks[k].lower()]; ok && cls == "address" {
				split = k
				break
			}
		}
		if split < 0 && c.b-c.a >= 3 {
			// a given name (or a family name written first) two or three
			// words before the end starts a name
			for k := c.b - 3; k <= c.b-2; k++ {
				if k <= c.a {
					continue
				}
				w := d.toks[k].s
				if (d.lx.givenNames[w] || d.lx.familyFirst[w]) && !d.isCountryWord(k) && d.notAName(c.a, k) {
					split = k
					break
				}
			}
		}
		if split < 0 && c.b-c.a >= 2 {
			// a country form followed by a name-like remainder: "Mongolia
			// Gombojav Tsogtbaatar" after "Minister of Energy of"
			if _, _, e := d.countryAt(c.a, c.b); e > c.a && e < c.b && !d.titleWordAt(e) && !d.chunkHasOrgHead(e, c.b) {
				if w := d.toks[e].s; d.lx.givenNames[w] || d.lx.familyFirst[w] || (c.b-e >= 2 && c.b-e <= 3 && !d.notAName(e, c.b)) {
					split = e
				}
			}
		}
		if split > c.a {
			// "Bank of England Governor Mervyn King": the title after an
			// organisation is the person's, not part of its name
			t := split
			for t > c.a && d.titleWordAt(t-1) {
				t--
			}
			if t > c.a && t < split && d.chunkHasOrgHead(c.a, t) {
				out = append(out, chunk{c.a, t}, chunk{t, split}, chunk{split, c.b})
				continue
			}
			out = append(out, chunk{c.a, split}, chunk{split, c.b})
			continue
		}
		out = append(out, c)
	}
	return out
}

func (d *doc) chunkHasOrgHead(a, b int) bool {
	for i := a; i < b; i++ {
		if d.lx.orgHeads[d.toks[i].s] {
			return true
		}
	}
	return false
}

// pairedOrgName reports whether the capitalised words [a, b), followed by
// "and", begin an organisation's name that pairs two fields ("the Food and
// Agriculture Organisation"). The words after "and" (four at most) must end
// in an organisation head, and either the initials of the name from one of
// the words on (with or without its head) are an acronym the article uses
// ("Securities and Exchange Commission" and "SEC"), or the words follow
// "the", are one or two, are no organisation, country, given name or
// acronym themselves ("the Electoral Commission and National Union" are
// two), and the head is not an event's ("Cup").
func (d *doc) pairedOrgName(a, b int) bool {
	if b >= len(d.toks)-1 || !d.toks[b].is("and") || b-a > 3 {
		return false
	}
	k := b + 1
	for k < len(d.toks) && d.isCapWord(k) && d.sentOf[k] == d.sentOf[a] {
		k++
	}
	if k-b-1 > 4 || !d.lx.orgHeads[d.toks[k-1].s] {
		return false
	}
	for s := a; s < b; s++ {
		// the acronym may leave out the head: "PCS" for the "Public and
		// Commercial Services Union"
		if d.hasCapsWord(d.initials(s, k)) || (k-b-1 >= 2 && d.hasCapsWord(d.initials(s, k-1))) {
			return true
		}
	}
	if b-a > 2 || a == 0 || d.toks[a-1].s != "the" || d.sentOf[a-1] != d.sentOf[a] || d.lx.eventHeads[d.toks[k-1].s] {
		return false
	}
	for i := a; i < b; i++ {
		w := d.toks[i].s
		if d.lx.orgHeads[w] || d.lx.givenNames[w] || d.isCountryWord(i) || allUpperAcronym([]string{w}) {
			return false
		}
	}
	return true
}

// initials returns the first letters of the capitalised words [a, b).
func (d *doc) initials(a, b int) string {
	var sb strings.Builder
	for i := a; i < b; i++ {
		if t := d.toks[i]; t.cap {
			r, _ := utf8.DecodeRuneInString(t.s)
			sb.WriteRune(r)
		}
	}
	return sb.String()
}

// hasCapsWord reports whether the body has the all-capitals word w.
func (d *doc) hasCapsWord(w string) bool {
	if len(w) < 2 {
		return false
	}
	if d.capsWords == nil {
		d.capsWords = map[string]bool{}
		for _, t := range d.toks {
			if t.word && t.cap && allUpperAcronym([]string{t.s}) {
				d.capsWords[t.s] = true
			}
		}
	}
	return d.capsWords[w]
}

func (d *doc) hasConnector(a, b int) bool {
	for i := a; i < b; i++ {
		if l := d.toks[i].s; l == "of" || l == "for" || l == "on" {
			return true
		}
	}
	return false
}

// countryAt matches the longest country form starting at token i (within
// limit) and returns its canonical name and the end token.
func (d *doc) countryAt(i, limit int) (string, string, int) {
	best, kind, end := "", "", i
	if i >= limit || !d.toks[i].cap {
		return best, kind, end // forms are proper nouns
	}
	if first := d.toks[i].low; !d.info[i].countryFirst && !(strings.ContainsRune(first, '\u2019') && d.lx.countryFirst[strings.ReplaceAll(first, "\u2019", "'")]) {
		return best, kind, end
	}
	var words []string
	for j := i; j < limit && j-i < d.lx.maxCountryWords+2; j++ {
		t := d.toks[j]
		if !t.word && t.s != "'" && t.s != "\u2019" && t.s != "'s" && t.s != "\u2019s" {
			break
		}
		if (t.s == "'s" || t.s == "\u2019s") && len(words) > 0 {
			words[len(words)-1] += "'s" // "People's Republic of China"
		} else {
			words = append(words, t.low)
		}
		key := strings.Join(words, " ")
		if strings.ContainsRune(key, '\u2019') || strings.HasPrefix(key, "the ") {
			key = lowerKey(key)
		}
		if f, ok := d.lx.countryForms[key]; ok {
			// forms are proper nouns: capitalised (or all capitals: "US")
			if d.toks[i].cap {
				best, kind, end = f.country, f.kind, j+1
			}
		}
	}
	return best, kind, end
}

// titleWordAt reports whether token i can be part of a title: an
// honorific, modifier, portfolio word or title head.
func (d *doc) titleWordAt(i int) bool {
	l := d.toks[i].lower()
	l = strings.TrimSuffix(l, ".")
	if strings.Contains(l, "-") {
		// "Vice-Prime", "former-President", "ex-minister"
		parts := strings.Split(l, "-")
		all := true
		for _, p := range parts {
			_, head := d.lx.titleHeads[p]
			all = all && (head || d.lx.titleModifiers[p] || d.lx.titleDomains[p] || d.lx.headFirstWords[p] || p == "former" || p == "ex")
		}
		if all {
			return true
		}
	}
	if _, ok := d.lx.honorifics[d.toks[i].lower()]; ok {
		return true
	}
	if d.lx.titleModifiers[l] || d.lx.titleDomains[l] {
		return true
	}
	if _, ok := d.lx.titleHeads[l]; ok {
		return true
	}
	if _, ok := d.lx.titleHeads[singular(l)]; ok {
		return true
	}
	// the first word of a multi-word head: "prime" (minister), "chief" (executive)
	if d.lx.headFirstWords[l] {
		return true
	}
	if l == "former" || l == "ex" || l == "counterpart" || l == "counterparts" {
		return true
	}
	// a party: "Tory leader", "Liberal Democrat spokesman"
	if _, ok := d.lx.parties[l]; ok {
		return true
	}
	if i+1 < len(d.toks) {
		if _, ok := d.lx.parties[l+" "+d.toks[i+1].lower()]; ok {
			return true
		}
	}
	if i > 0 {
		if _, ok := d.lx.parties[d.toks[i-1].lower()+" "+l]; ok {
			return true
		}
	}
	// a misspelt head after a title word: "Prime Minster"
	if d.toks[i].cap && len(l) >= 6 && i > 0 && d.toks[i-1].cap && d.lx.headFirstWords[d.toks[i-1].lower()] {
		prev := d.toks[i-1].lower()
		for h := range d.lx.titleHeads {
			if strings.HasPrefix(h, prev+" ") && editDistance(h[len(prev)+1:], l) == 1 {
				return true
			}
		}
	}
	return false
}

func singular(w string) string {
	switch {
	case strings.HasSuffix(w, "ies") && len(w) > 4:
		return w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "men"):
		return w[:len(w)-3] + "man"
	case strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && len(w) > 3:
		return w[:len(w)-1]
	}
	return w
}

// findMentions finds every person, organisation and country the body
// names, and groups the person mentions into persons.
func (d *doc) findMentions() {
	type cand struct {
		c        chunk
		nameA    int // first token of the name part (after titles)
		evidence string
	}
	var singles, multis []cand
	for _, c := range d.splitChunks(d.chunks()) {
		a, b := c.a, c.b
		// drop a sentence-initial common word: "However Trump", "Tourism";
		// not one a connector joins to the rest: "Public and Commercial
		// Services Union"
		for a < b && d.sentenceStart(a) && d.isCommon(d.toks[a].s) && !d.lx.givenNames[d.toks[a].s] && !d.placeStart(a) &&
			!(a+1 < b && (!d.toks[a+1].cap || d.toks[a+1].s == "'s" || d.toks[a+1].s == "\u2019s")) {
			a++
		}
		for a < b && (openers[d.toks[a].s] && a == c.a) && !(a+1 < b && (d.toks[a+1].s == "'s" || d.toks[a+1].s == "\u2019s")) {
			a++ // (not "People" in "the People's Bank")
		}
		// a sentence-initial descriptor before a given name and a
		// surname: "Defiant Matt Williams", "Fly-half Stephen Jones",
		// "Journalist Guillem Balague"
		if b-a >= 3 && d.sentenceStart(a) && !d.lx.givenNames[d.toks[a].s] && !d.titleWordAt(a) &&
			(d.lx.givenNames[d.toks[a+1].s] || d.commonDescriptor(a, b)) {
			a++
		}
		// an occupation anywhere: "said Olympian Tomlinson"
		if b-a >= 2 && d.lx.occupations[d.toks[a].low] && !d.lx.givenNames[d.toks[a].s] {
			a++
		}
		// letters after a name: "Frank Field MP", "Philippe Sands QC"
		for b-a >= 3 && postNominals[d.toks[b-1].s] {
			b--
		}
		if a >= b {
			continue
		}
		words := make([]string, 0, b-a)
		for i := a; i < b; i++ {
			words = append(words, d.toks[i].s)
		}
		// "Mr Dean", "Mrs Bishop": after a form of address, a last word that
		// is a title of no state office is a surname
		lastClass := d.lx.titleHeads[d.toks[b-1].lower()]
		if lastClass == "" {
			lastClass = d.lx.titleHeads[singular(d.toks[b-1].lower())] // "Ms Deans"
		}
		surnameTitle := b-a == 2 && d.lx.honorifics[d.toks[a].lower()] == "address" && lastClass != "" &&
			(lastClass != "gov" || royalTitles[d.toks[b-1].lower()]) // "Mr King": no king is addressed so
		// a title on its own: "Senior Research Fellow", "Russian Foreign Minister"
		if d.allTitleWords(a, b) && !surnameTitle {
			d.addMention(&mention{kind: kindDescription, tok0: a, tok1: b, rule: "title-only"})
			continue
		}
		// organisations: a head word makes it one, or a well-known name
		if d.chunkHasOrgHead(a, b) || d.hasOrgSuffix(a, b) || d.lx.groupWords[d.toks[b-1].s] || d.lx.isKnownBody(d.span(a, b)) ||
			b-a >= 2 && d.lx.teamEnds[d.toks[b-1].s] {
			d.addOrgMention(a, b)
			continue
		}
		if d.namedByOrgNoun(a, b) || d.namedBeforeOrgNoun(a, b) {
			d.addOrgMention(a, b)
			continue
		}
		if allUpperAcronym(words) && len(words) == 1 {
			if country, _, end := d.countryAt(a, b); end == b && country != "" {
				d.addCountryMention(a, b, country)
				continue
			}
			if d.lx.isAcronymOrg(words[0]) {
				d.addOrgMention(a, b)
			}
			continue
		}
		// leading titles and country words: "British Foreign Secretary Jack Straw"
		// (also the rest of a title after "of": "Secretary of State Condoleezza Rice")
		nameA := a
		afterTitle := d.inTitleComplement(a)
		for nameA < b && (d.hasTitleHead(a, b) || afterTitle) {
			if country, _, end := d.countryAt(nameA, b); country != "" && end < b && d.titleAhead(end, b) {
				nameA = end
				continue
			}
			if d.titleWordAt(nameA) && !(d.lx.givenNames[d.toks[nameA].s] && nameA+1 < b && !d.titleWordAt(nameA+1)) {
				nameA++
				continue
			}
			// "UN Secretary General Kofi Annan": an organisation's acronym before a title
			if nameA+1 < b && allUpperAcronym([]string{d.toks[nameA].s}) && d.titleWordAt(nameA+1) {
				nameA++
				continue
			}
			// "Irrigation Minister Omar Babiker", "Monetary Affairs
			// Commissioner Joaquin Almunia": a portfolio before a head
			if nameA+2 < b && d.isHeadAt(nameA+1) && !d.lx.givenNames[d.toks[nameA].s] {
				nameA++
				continue
			}
			if nameA+3 < b && d.titleHeadAt(nameA+2) && !d.lx.givenNames[d.toks[nameA].s] && !d.lx.givenNames[d.toks[nameA+1].s] {
				nameA += 2
				continue
			}
			break
		}
		if nameA == b && surnameTitle {
			nameA = b - 1
		}
		if nameA == b {
			// a title without a name: "Russian Foreign Minister", "Former US Diplomat"
			if nameA > a {
				d.addMention(&mention{kind: kindDescription, tok0: a, tok1: b, rule: "title-only"})
			}
			continue
		}
		// country names and places
		if country, _, end := d.countryAt(nameA, b); country != "" && end == b {
			d.addCountryMention(nameA, b, country)
			continue
		}
		if d.isPlace(nameA, b) && !(d.titledBefore(nameA) && (d.lx.familyFirst[d.toks[nameA].s] || d.lx.givenNames[d.toks[nameA].s])) {
			// still count the countries inside "South China Sea"? no: a place
			continue
		}
		if country, _, end := d.countryAt(nameA, b); country != "" && end < b {
			// "Malaysia Campus", "Russia Today": not a person; count the country
			if !d.lx.givenNames[d.toks[nameA].s] {
				d.addCountryMention(nameA, end, country)
				continue
			}
		}
		cd := cand{c: chunk{a, b}, nameA: nameA}
		if b-nameA == 1 {
			singles = append(singles, cd)
		} else {
			multis = append(multis, cd)
		}
	}
	// persons with full names first; a name coordinated with a person found
	// later ("A and B") is accepted on a second round
	done := make([]bool, len(multis))
	for round := 0; round < 3; round++ {
		added := false
		for i, cd := range multis {
			if done[i] {
				continue
			}
			a, b := cd.nameA, cd.c.b
			ok, rule := d.isPersonName(cd.c.a, a, b)
			if !ok || d.isAuthor(a, b) {
				continue
			}
			done[i] = true
			added = true
			d.addPersonMention(a, b, rule)
		}
		if !added {
			break
		}
	}
	// then single words: a known person's surname, or a titled name
	for _, cd := range singles {
		a, b := cd.nameA, cd.c.b
		w := d.toks[a].s
		if d.isCommon(w) && !(cd.nameA > cd.c.a) {
			if !(d.lowerVocab[strings.ToLower(w)] && d.personBySurname(w, a) >= 0 && !d.sentenceStart(a)) {
				continue
			}
		}
		if calendarWords[w] || placeWords[w] {
			continue
		}
		if p := d.personBySurname(w, a); p >= 0 {
			d.linkPersonMention(p, a, b, "surname")
			continue
		}
		// "Sir Digby added": a knight or dame by the given name, after
		// "Sir Digby Jones"
		if a > 0 && d.toks[a-1].is("sir", "dame") {
			if p := d.personByGivenName(w); p >= 0 {
				d.linkPersonMention(p, a, b, "knight's-given-name")
				continue
			}
		}
		// (a party's name alone makes no title of a single word: "Green
		// Day" is a band, "Conservative Graham Brady" a person)
		titled := cd.nameA > cd.c.a && !d.onlyPartyWords(cd.c.a, cd.nameA) || d.titledBefore(a)
		if titled && !allUpperAcronym([]string{w}) && !d.titleNoun(cd.c.a, a, w) {
			d.addPersonMention(a, b, "titled-name")
			continue
		}
		// (a name the lexicon does not know will do after a plural:
		// "his two sons, Avi and Joel")
		if k := d.kinNounBefore(a); k >= 0 && d.relativeName(k, a, b) {
			d.addPersonMention(a, b, "relative's-given-name")
			continue
		}
		if d.leaderPossessive(a) {
			d.addPersonMention(a, b, "leader-possessive")
		}
	}
	d.sortMentions()
}

// morePrepositions are prepositions the claim rules' list leaves out.
var morePrepositions = map[string]bool{
	"without": true, "against": true, "within": true, "behind": true, "between": true, "among": true,
	"beyond": true, "across": true, "around": true, "near": true,
}

// royalTitles are titles of a monarch or a peer: after a form of address
// ("Mr King", "Mrs Prince") the word is a surname.
var royalTitles = map[string]bool{"king": true, "queen": true, "prince": true, "princess": true, "duke": true, "earl": true, "baron": true}

// personTrades are organisation nouns that also name a person's trade:
// "film producer X" is as often a person as a company.
var personTrades = map[string]bool{"producer": true, "publisher": true, "maker": true, "lender": true}

// kinNouns name a relative ("his mother, Patricia,", "her son Jack"),
// with the gender the noun says ("" for either).
var kinNouns = map[string]string{
	"mother": "f", "wife": "f", "daughter": "f", "sister": "f", "fiancee": "f", "girlfriend": "f",
	"granddaughter": "f", "grandmother": "f", "aunt": "f", "niece": "f", "widow": "f",
	"father": "m", "husband": "m", "son": "m", "brother": "m", "fiance": "m", "boyfriend": "m",
	"grandson": "m", "grandfather": "m", "uncle": "m", "nephew": "m", "widower": "m",
	"partner": "", "cousin": "",
	"sons": "m", "daughters": "f", "brothers": "m", "sisters": "f", "children": "", "parents": "",
}

// kinNounBefore returns the token of a relative's noun after a possessive
// right before token a ("his mother, Patricia", "Blair's son Euan"), or
// -1: a given name there is a person's on its own.
func (d *doc) kinNounBefore(a int) int {
	k := a - 1
	// a later name of a list: "his two sons, Avi and Joel"
	for k >= 2 && d.toks[k].is("and", ",") && d.isCapWord(k-1) && d.toks[k-2].is(",", "and") {
		k -= 2
	}
	if k >= 0 && d.toks[k].s == "," {
		k--
	}
	if k < 1 || d.sentOf[k] != d.sentOf[a] {
		return -1
	}
	if _, kin := kinNouns[d.toks[k].low]; !kin {
		return -1
	}
	p := k - 1
	if p >= 1 && d.toks[p].is("two", "three", "four", "twin", "young", "eldest", "youngest", "elder", "younger") {
		p-- // "his two sons", "her eldest daughter"
	}
	if !d.toks[p].is("his", "her", "their", "my", "our", "'s", "\u2019s") {
		return -1
	}
	return k
}

// inTitleComplement reports whether the chunk at token a continues a
// title's complement: "Secretary of State", "Minister of Water and
// Energy".
func (d *doc) inTitleComplement(a int) bool {
	for k, n := a-1, 0; k >= 1 && n < 6; k, n = k-1, n+1 {
		t := d.toks[k]
		if t.is("of", "for") {
			return d.isHeadAt(k - 1)
		}
		if !(t.cap && t.word || t.is("and", ",")) {
			return false
		}
	}
	return false
}

// commonDescriptor: the chunk [a, b) opens with a common English word
// before what may be a person's name ("Journalist Guillem Balague"), not
// an organisation's ("Great Ormond Street Hospital", "West Bromwich
// Albion") or a country's ("New Zealand-born").
func (d *doc) commonDescriptor(a, b int) bool {
	next := d.toks[a+1].s
	if !d.lx.commonWords[d.toks[a].lower()] || d.lx.commonWords[d.toks[a+1].lower()] || strings.Contains(next, "-") && !d.lx.givenNames[next] {
		return false
	}
	if d.chunkHasOrgHead(a, b) || d.hasOrgSuffix(a, b) || d.lx.teamEnds[d.toks[b-1].s] || d.hasTitleHead(a, b) {
		return false
	}
	country, _, _ := d.countryAt(a, b)
	return country == ""
}

// namedByOrgNoun reports a name that a lower-case organisation noun
// introduces: "accountancy firm Grant Thornton", "Yorkshire company
// Shepherds Purse Cheeses", if couldNameOrg ("the company John Smith
// founded" is no organisation's name).
func (d *doc) namedByOrgNoun(a, b int) bool {
	if a == 0 || !d.toks[a-1].word || d.toks[a-1].cap || !d.lx.orgNouns[d.toks[a-1].lower()] || d.sentOf[a-1] != d.sentOf[a] {
		return false
	}
	if _, ok := d.lx.titleHeads[d.toks[a-1].lower()]; ok || personTrades[d.toks[a-1].lower()] {
		return false // "producer Rick Rubin", "publisher X": a person's trade
	}
	if d.lx.occupations[d.toks[a-1].low] && b-a >= 2 && d.lx.givenNames[d.toks[a].s] {
		return false // "fellow broadcaster Michael Pointon" (not "broadcaster BSkyB")
	}
	if !d.couldNameOrg(a, b) {
		return false
	}
	// the name goes on where the chunk stops: "Ernst & Young", "Fathers 4
	// Justice", "Victims and Citizens Against Crime"
	if b < len(d.toks) {
		n := d.toks[b]
		if n.is("&", "and", "of", "for") || n.s != "" && n.s[0] >= '0' && n.s[0] <= '9' {
			return false
		}
	}
	return true
}

// nounsAfterNames are the organisation nouns that follow a name in "the
// NAME union": kinds of organisation a place or a stadium does not name
// ("the Anfield club" is a club at Anfield).
var nounsAfterNames = map[string]bool{
	"union": true, "party": true, "newspaper": true, "charity": true, "group": true, "firm": true, "company": true,
	"bank": true, "label": true, "website": true, "magazine": true, "broadcaster": true, "network": true,
	"airline": true, "carrier": true, "retailer": true, "watchdog": true, "agency": true, "think-tank": true,
}

// namedBeforeOrgNoun reports a name between "the" and a lower-case
// organisation noun: "a regional officer for the Unite union", "the
// Mirror newspaper", if couldNameOrg.
func (d *doc) namedBeforeOrgNoun(a, b int) bool {
	if a == 0 || b >= len(d.toks) || !d.toks[a-1].is("the") || d.sentOf[a-1] != d.sentOf[a] {
		return false
	}
	n := d.toks[b]
	if !n.word || n.cap || !nounsAfterNames[n.lower()] {
		return false
	}
	for i := a; i < b; i++ {
		if l := d.toks[i].lower(); strings.HasSuffix(l, "-based") || strings.HasSuffix(l, "-born") {
			return false // "the London-based group"
		}
	}
	if d.isPlace(a, b) {
		return false // "the Old Trafford club"
	}
	return d.couldNameOrg(a, b)
}

// couldNameOrg reports whether the chunk at tokens [a, b), next to an
// organisation noun, can be the organisation's name: not a person's (a
// given name anywhere: "union Unison Dave Prentis"; a known surname; a
// family name first), a title, a country ("the Chinese company") or a
// capitalised abbreviation that names no organisation. A name with a given
// name in it is still the organisation's when nothing follows it in its
// clause and its last word is no known person's surname ("at accountancy
// firm Grant Thornton, said"; not "the company John Smith founded").
func (d *doc) couldNameOrg(a, b int) bool {
	first := d.toks[a].s
	if d.lx.familyFirst[first] || d.titleWordAt(a) || d.personBySurname(first, a) >= 0 || d.lx.notOrgAcronyms[first] {
		return false
	}
	for i := a; i < b; i++ {
		if d.lx.givenNames[d.toks[i].s] && !(d.clauseEndsAt(b) && d.personBySurname(d.toks[b-1].s, a) < 0) {
			return false
		}
	}
	c, _, _ := d.countryAt(a, b)
	return c == ""
}

// clauseEndsAt reports a clause's end at token b: punctuation or a speech
// verb ("..., said", "Grant Thornton said").
func (d *doc) clauseEndsAt(b int) bool {
	if b >= len(d.toks) {
		return true
	}
	n := d.toks[b]
	return n.s == "," || n.s == "." || n.s == ";" || n.s == ")" || d.info[b].speechVerb
}

// titleNoun reports whether the single word w at token a, after title
// words from token t0, is a noun rather than a surname: a title's plural
// ("Labour MPs"), or an ordinary word the article also writes in lower
// case after a title that is no form of address ("General Election";
// "Mr Brown" stays a name).
func (d *doc) titleNoun(t0, a int, w string) bool {
	// "Former England footballer Paul Gascoigne": a word before a lower-case
	// title modifies it
	if a+1 < len(d.toks) && !d.toks[a+1].cap && d.toks[a+1].word &&
		(d.titleWordAt(a+1) || d.lx.occupations[d.toks[a+1].low] || d.lx.orgNouns[d.toks[a+1].low]) {
		// (or an occupation or an organisation's noun: "Former England
		// footballer Paul Gascoigne", "the International Olympic committee")
		return true
	}
	if l := strings.ToLower(w); strings.HasSuffix(l, "s") {
		if _, ok := d.lx.titleHeads[l[:len(l)-1]]; ok {
			return true
		}
	}
	if !d.isCommon(w) {
		return false
	}
	if a == t0 && a > 0 {
		t0 = a - 1 // the title before the chunk
	}
	for k := t0; k < a; k++ {
		if _, ok := d.lx.honorifics[d.toks[k].lower()]; ok {
			return false
		}
	}
	return true
}

// allTitleWords reports whether tokens [a, b) are all title words (or
// country words before a title).
func (d *doc) allTitleWords(a, b int) bool {
	for i := a; i < b; {
		if d.titleWordAt(i) {
			i++
			continue
		}
		if c, _, e := d.countryAt(i, b); c != "" && e < b && d.titleWordAt(e) {
			i = e
			continue
		}
		return false
	}
	return true
}

// isAuthor reports whether tokens [a, b) name one of the article's
// authors (from the byline).
func (d *doc) isAuthor(a, b int) bool {
	name := d.span(a, b)
	for _, au := range d.lay.authors {
		if au == name {
			return true
		}
	}
	return false
}

// titleAhead reports whether a title word starts at token i.
func (d *doc) titleAhead(i, b int) bool { return i < b && d.titleWordAt(i) }

// titledBefore reports whether an honorific or title (any case) stands
// right before token i: "President Trump", "prime minister Blair".
func (d *doc) titledBefore(i int) bool {
	if i == 0 || d.sentOf[i-1] != d.sentOf[i] {
		return false
	}
	t := d.toks[i-1]
	if !t.word {
		return false
	}
	l := strings.TrimSuffix(t.lower(), ".")
	if _, ok := d.lx.honorifics[t.lower()]; ok && (t.cap || d.lx.honorifics[t.lower()] == "title") {
		return true // (a form of address is capitalised: not "I miss Kestwick")
	}
	if _, ok := d.lx.titleHeads[l]; ok {
		return true
	}
	if d.lx.occupations[l] && !(i >= 2 && d.toks[i-2].is("best", "supporting", "leading")) && !strings.HasPrefix(d.toks[i].s, "I'") && !strings.HasPrefix(d.toks[i].s, "I\u2019") {
		// "actor Keanu Reeves", "Sprinter Kostas Kenteris said"; not an
		// award ("the best actress Oscar") or "the best writer I've met"
		return true
	}
	// a head of two words: "chief executive Jez Moxey"
	if i >= 2 && d.toks[i-2].word && d.sentOf[i-2] == d.sentOf[i] {
		if _, ok := d.lx.titleHeads[d.toks[i-2].lower()+" "+l]; ok {
			return true
		}
	}
	return false
}

// leaderPossessive: "Putin's administration", "Merkel's government".
func (d *doc) leaderPossessive(i int) bool {
	if i+2 >= len(d.toks) {
		return false
	}
	if !strings.HasSuffix(d.toks[i+1].s, "s") || (d.toks[i+1].s != "'s" && d.toks[i+1].s != "\u2019s") {
		return false
	}
	switch d.toks[i+2].lower() {
	case "administration", "government", "cabinet", "presidency", "premiership", "regime", "aides", "spokesman", "spokeswoman", "spokesperson", "office", "wife", "husband":
		return true
	}
	return false
}

func (d *doc) hasOrgSuffix(a, b int) bool {
	for i := a; i < b; i++ {
		if d.lx.orgSuffixes[d.toks[i].s] {
			return true
		}
	}
	return false
}

func (d *doc) isPlace(a, b int) bool {
	if b-a >= 2 && placePrefixes[d.toks[a].s] {
		return true
	}
	// "Downing St": a street's short form ends the name ("St Helens" is
	// a saint's)
	if b-a >= 2 && (d.toks[b-1].s == "St" || d.toks[b-1].s == "St.") {
		return true
	}
	for i := a; i < b; i++ {
		w := d.toks[i].s
		if placeWords[w] || calendarWords[w] {
			return true
		}
		// "Asia-Pacific", "Japan-US"
		if strings.Contains(w, "-") {
			for _, part := range strings.Split(w, "-") {
				if placeWords[part] {
					return true
				}
				if _, ok := d.lx.countryForms[strings.ToLower(part)]; ok {
					return true
				}
			}
		}
	}
	return false
}

func allUpperAcronym(words []string) bool {
	for _, w := range words {
		letters := 0
		for _, r := range w {
			if unicode.IsLetter(r) {
				letters++
				if !unicode.IsUpper(r) {
					return false
				}
			}
		}
		if letters < 2 {
			return false
		}
	}
	return true
}

// isPersonName decides whether the capitalised words [a, b) (after titles
// starting at chunkA) name a person, and by which rule.
func (d *doc) isPersonName(chunkA, a, b int) (bool, string) {
	if b-a > 5 {
		return false, ""
	}
	first := d.toks[a].s
	if l := d.toks[a].low; prepositions[l] || morePrepositions[l] || l == "and" || l == "or" || l == "the" {
		return false, "" // "Reporters Without Borders": no name starts with a preposition
	}
	if d.lineUpItem(a, b) {
		return true, "line-up"
	}
	// (not a band's plural name: "Beastie Boys")
	if b-a <= 3 && d.personNounList(a) && !d.chunkHasOrgHead(a, b) && !allUpperAcronym([]string{d.toks[a].s}) && !strings.HasSuffix(d.toks[b-1].s, "s") {
		return true, "person-list"
	}
	titled := a > chunkA || d.titledBefore(a) || d.invertedTitleBefore(a)
	strong := titled || d.lx.givenNames[first]
	for i := a; i < b; i++ {
		w := d.toks[i].s
		if nameParticles[strings.ToLower(w)] && i > a && i < b-1 {
			continue
		}
		if !d.isCapWord(i) || calendarWords[w] || d.lx.groupWords[w] || d.lx.creedWords[w] {
			return false, ""
		}
		if allUpperAcronym([]string{w}) && len(w) > 1 && !(strings.HasSuffix(w, ".") && len(w) == 2) {
			return false, ""
		}
		// an ordinary word ("Short", "Brown") is a surname only with a title or a given name
		if i > a && d.isCommon(w) && !d.lx.givenNames[w] && !(strong && i == b-1 && !functionWords[strings.ToLower(w)]) {
			return false, ""
		}
		if i > a {
			if _, ok := d.lx.countryForms[lowerKey(w)]; ok {
				return false, ""
			}
		}
	}
	if d.orgAppositive(b) {
		return false, ""
	}
	switch {
	case titled:
		return true, "titled-name"
	case d.lx.givenNames[first] && !d.isCommon(d.toks[b-1].s):
		return true, "given-name"
	case d.lx.givenNames[first] && b-a >= 2:
		return true, "given-name"
	case d.lx.familyFirst[first] && b-a == 2:
		return true, "family-name-first"
	case d.knownSurname(d.toks[b-1].s):
		return true, "known-surname"
	case d.addressedSurname(d.toks[b-1].s) && !d.givenNameInside(a, b) && !(b-a >= 2 && d.lx.commonWords[lowerASCII(first)]):
		// (not "Exchequer Gordon Brown": the name starts inside; not "Model
		// Caprice": a common word is no given name)
		return true, "addressed-surname"
	}
	// only context is left to go on: a first word the article also uses as
	// an ordinary word, or a common English word before another name, is
	// not a given name ("Time Warner said", "Standard Life said")
	if d.isCommon(first) || (b-a >= 2 && d.lx.commonWords[lowerASCII(first)]) {
		return false, ""
	}
	// context: an appositive, a speech verb, a list of persons
	if b < len(d.toks) && d.toks[b].s == "," && b+1 < len(d.toks) {
		if d.titleWordAt(b+1) || d.toks[b+1].is("who", "former") {
			return true, "appositive-name"
		}
		if segs, _ := d.appositiveAfter(b); len(segs) > 0 && segs[0].role != "" {
			return true, "appositive-name"
		}
		// "Menzies Campbell, the Liberal Democrats' foreign affairs
		// spokesman, said": a described role that ends at the next comma
		// ("Amitai Etzioni, a key influence on New Labour thinking, says":
		// a person described by "a/an" and a person's noun, not a firm's)
		if d.toks[b+1].is("the", "a", "an") {
			for k := b + 2; k < len(d.toks) && k < b+12 && d.toks[k].s != "."; k++ {
				if d.toks[k].s == "," {
					if _, ok := d.lx.titleHeads[strings.ToLower(d.toks[k-1].s)]; ok && d.speechVerbNear(k+1) {
						return true, "appositive-name"
					}
					if d.toks[b+1].is("a", "an") && b-a == 2 && d.speechVerbNear(k+1) && d.personDescription(b+2, k) {
						return true, "appositive-name"
					}
					break
				}
			}
		}
	}
	// ("Bookmakers Ladbrokes says": a plural noun for a trade before a
	// name is not a given name)
	if (d.speechVerbNear(b) || (a > 0 && d.info[a-1].speechVerb)) && !(b-a >= 2 && agentPlural(first)) {
		return true, "speaker-name"
	}
	// "the minister, NAME, said"
	if a >= 1 && d.toks[a-1].s == "," && b+1 < len(d.toks) && d.toks[b].s == "," {
		if _, ok := d.speechVerbAt(b + 1); ok {
			return true, "speaker-name"
		}
	}
	if d.inNameList(a, b) {
		return true, "name-list"
	}
	if b+1 < len(d.toks) && (d.toks[b].s == "'s" || d.toks[b].s == "\u2019s") && d.leaderPossessive(b-1) {
		return true, "leader-possessive"
	}
	return false, ""
}

// invertedTitleBefore: "the foreign minister, NAME" — a title and a comma
// right before the name.
func (d *doc) invertedTitleBefore(a int) bool {
	if a < 2 || d.toks[a-1].s != "," || d.sentOf[a-2] != d.sentOf[a] {
		return false
	}
	return d.isHeadAt(a-2) || d.titleWordAt(a-2) && !d.toks[a-2].cap
}

// orgAppositive: "X, a tooling company," — the name before is an
// organisation's.
func (d *doc) orgAppositive(b int) bool {
	if b+1 >= len(d.toks) || d.toks[b].s != "," {
		return false
	}
	i := b + 1
	if !d.toks[i].is("a", "an", "the") {
		return false
	}
	for j := i + 1; j < len(d.toks) && j < i+6; j++ {
		t := d.toks[j]
		if !t.word || t.s == "," {
			return false
		}
		if _, head := d.lx.titleHeads[t.lower()]; head && !t.cap {
			return false // "X, the director general of the federation": a person
		}
		if prepositions[t.low] || morePrepositions[t.low] {
			return false // the noun phrase's head came first: "X, the man behind the firm"
		}
		if d.lx.orgNouns[t.lower()] {
			return !d.roleOfOrgAt(j + 1)
		}
		if j+1 < len(d.toks) && d.lx.orgNouns[t.lower()+" "+d.toks[j+1].lower()] {
			return !d.roleOfOrgAt(j + 2)
		}
	}
	return false
}

// roleOfOrgAt reports a role of the organisation named just before token
// i: a possessive ("the company's chief executive") or a title ("the
// union president"). The appositive then describes a person.
func (d *doc) roleOfOrgAt(i int) bool {
	if i >= len(d.toks) {
		return false
	}
	t := d.toks[i]
	if t.s == "'s" || t.s == "\u2019s" || t.s == "'" || t.s == "\u2019" {
		return true
	}
	return d.titleWordAt(i) && !d.toks[i].cap
}

// knownSurname reports whether a person already found has this family
// name ("Cherie Blair" after "Tony Blair").
// givenNameInside reports a given name after the first word of [a, b).
func (d *doc) givenNameInside(a, b int) bool {
	for i := a + 1; i < b-1; i++ {
		if d.lx.givenNames[d.toks[i].s] {
			return true
		}
	}
	return false
}

// addressedSurname reports whether the article writes w alone as a
// person's surname somewhere: after a form of address ("Mr Habib"),
// before ", who" ("from Vogts, who resigned"; not a club's or group's
// word, "City, who", nor a place, "Lord Roberts of Conwy, who"), or after
// a speech verb that ends the attribution ("... ," said Hewitt.). Then
// "Mamdouh Habib" and "Berti Vogts" are persons' names.
func (d *doc) addressedSurname(w string) bool {
	if d.addressed == nil {
		d.addressed = map[string]bool{}
		for i := 1; i < len(d.toks); i++ {
			t := d.toks[i]
			if !t.cap {
				continue
			}
			if d.toks[i-1].cap && d.lx.honorifics[d.toks[i-1].lower()] == "address" {
				d.addressed[t.s] = true
			}
			if !t.word || d.lx.teamEnds[t.s] || d.lx.orgHeads[t.s] || d.lx.groupWords[t.s] || d.info[i].countryFirst || d.isCommon(t.s) {
				continue
			}
			if i+2 < len(d.toks) && d.toks[i+1].s == "," && d.toks[i+2].low == "who" && !d.toks[i-1].cap && d.toks[i-1].low != "of" {
				d.addressed[t.s] = true
			}
			// "said Hewitt." ending a quotation's attribution
			if i+1 < len(d.toks) && d.info[i-1].speechVerb && (d.toks[i+1].s == "." || d.toks[i+1].s == ",") {
				d.addressed[t.s] = true
			}
		}
	}
	return d.addressed[w]
}

func (d *doc) knownSurname(w string) bool {
	fw := d.fold(w)
	for _, p := range d.persons {
		if len(p.words) > 1 && similarFolded(d.fold(p.surname()), fw) {
			return true
		}
	}
	return false
}

// speechVerbNear: a speech verb within two words after token b ("X said",
// "X also stressed").
func (d *doc) speechVerbNear(b int) bool {
	for j := b; j < len(d.toks) && j < b+3; j++ {
		if !d.toks[j].word {
			return false
		}
		if d.info[j].speechVerb {
			return true
		}
	}
	return false
}

// inNameList: the words are coordinated with a given-name person: "A B,
// C D and E F".
func (d *doc) inNameList(a, b int) bool {
	check := func(i int) bool {
		if i < 0 || i >= len(d.toks) || !d.isCapWord(i) {
			return false
		}
		if d.lx.givenNames[d.toks[i].s] {
			return true
		}
		for _, m := range d.startAt[i] {
			if m.kind == kindPerson {
				return true
			}
		}
		return false
	}
	if a >= 2 && (d.toks[a-1].s == "," || d.toks[a-1].s == "and") {
		// previous name's first word
		j := a - 2
		for j > 0 && d.isCapWord(j-1) {
			j--
		}
		if check(j) {
			return true
		}
	}
	if b+1 < len(d.toks) && (d.toks[b].s == "," || d.toks[b].s == "and") && check(b+1) {
		return true
	}
	return false
}

// isAcronymOrg reports an all-capitals word that names an organisation
// rather than a common abbreviation ("CEO", "GDP").
func (lx *Lexicon) isAcronymOrg(w string) bool {
	if utf8.RuneCountInString(w) < 2 || utf8.RuneCountInString(w) > 7 {
		return false
	}
	if _, ok := lx.titleHeads[strings.ToLower(w)]; ok {
		return false
	}
	return !lx.notOrgAcronyms[w]
}

func (d *doc) addCountryMention(a, b int, country string) {
	d.addMention(&mention{kind: kindCountry, country: country, tok0: a, tok1: b, rule: "country-form"})
	if d.countryCount[country] == 0 {
		d.countryOrder = append(d.countryOrder, country)
	}
	d.countryCount[country]++
	if d.countryForms[country] == nil {
		d.countryForms[country] = map[string]bool{}
	}
	d.countryForms[country][d.span(a, b)] = true
}

// addOrgMention records an organisation named by tokens [a, b), merging
// it with one the article named before (same name, or its acronym).
func (d *doc) addOrgMention(a, b int) {
	// drop leading country adjectives and titles? keep the name as written
	for a < b && d.toks[a].is("the", "The") {
		a++
	}
	surface := d.span(a, b)
	name := d.lx.knownBodyName(surface) // "UN" is the United Nations
	idx := -1
	for i, o := range d.orgs {
		if strings.EqualFold(o.name, name) {
			idx = i
			break
		}
		for _, al := range o.aliases {
			if al == name {
				idx = i
			}
		}
	}
	if idx < 0 {
		d.orgs = append(d.orgs, &orgEnt{name: name, first: a})
		idx = len(d.orgs) - 1
	}
	o := d.orgs[idx]
	if surface != name && !contains(o.aliases, surface) {
		o.aliases = append(o.aliases, surface)
	}
	o.mentions++
	// "Research Institute for Peace and Security (RIPS)"
	if b+2 < len(d.toks) && d.toks[b].s == "(" && d.toks[b+2].s == ")" && allUpperAcronym([]string{d.toks[b+1].s}) {
		acr := d.toks[b+1].s
		if !contains(o.aliases, acr) {
			o.aliases = append(o.aliases, acr)
		}
	}
	d.addMention(&mention{kind: kindOrg, ent: idx, tok0: a, tok1: b, rule: "org-head-word"})
}

// irregularPlural reports the plurals that take "'s": people, children,
// women, men, ...
func irregularPlural(w string) bool {
	return w == "people" || w == "children" || w == "folk" || strings.HasSuffix(w, "men")
}

// spelledAcronyms maps the acronyms the article uses for organisations
// without defining them ("UKA") to the one organisation of the article
// whose initials they spell ("UK Athletics": words in capitals count
// whole, small connecting words not at all).
func (d *doc) spelledAcronyms() map[string]string {
	acronyms := map[string]bool{}
	for _, o := range d.orgs {
		if allUpperAcronym([]string{o.name}) && len(o.name) >= 3 {
			acronyms[o.name] = true
		}
	}
	for _, a := range d.affs {
		if !a.country && allUpperAcronym([]string{a.org}) && len(a.org) >= 3 {
			acronyms[a.org] = true
		}
	}
	if len(acronyms) == 0 {
		return nil
	}
	byInitials := map[string][]string{}
	for _, o := range d.orgs {
		if in := orgInitials(o.name); acronyms[in] && in != o.name && !contains(byInitials[in], o.name) {
			byInitials[in] = append(byInitials[in], o.name)
		}
	}
	out := map[string]string{}
	for in, names := range byInitials {
		if len(names) == 1 {
			out[in] = names[0]
		}
	}
	return out
}

// orgInitials spells an organisation's name by its initials: "UK
// Athletics" is "UKA", "Department for Work and Pensions" "DWP"; "" for a
// name with other lower-case words.
func orgInitials(name string) string {
	var sb strings.Builder
	for _, w := range strings.Fields(name) {
		switch {
		case w == "of" || w == "and" || w == "for" || w == "the" || w == "&":
		case allUpperAcronym([]string{w}) && len(w) >= 2:
			sb.WriteString(w)
		default:
			r, _ := utf8.DecodeRuneInString(w)
			if !unicode.IsUpper(r) {
				return ""
			}
			sb.WriteRune(r)
		}
	}
	return sb.String()
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// addPersonMention records a person named by tokens [a, b), merging it
// with a person already named in another form (Viktor Yanukovych / Viktor
// Yanukovich).
func (d *doc) addPersonMention(a, b int, rule string) {
	words := make([]string, 0, b-a)
	for i := a; i < b; i++ {
		words = append(words, d.toks[i].s)
	}
	idx := d.matchPerson(words)
	if idx < 0 && len(words) > 1 {
		// "Lord Goldsmith" first, "Peter Goldsmith" later: one person
		only := -1
		for i, p := range d.persons {
			if len(p.words) == 1 && similarWord(p.words[0], words[len(words)-1]) {
				if only >= 0 {
					only = -2
					break
				}
				only = i
			}
		}
		if only >= 0 {
			idx = only
			d.persons[idx].words = words
		}
	}
	if idx < 0 {
		p := &personEnt{words: words, formSet: map[string]bool{}, desc: map[string]bool{}, first: a}
		p.familyFirst = len(words) == 2 && d.lx.familyFirst[words[0]] && !d.lx.givenNames[words[0]]
		d.persons = append(d.persons, p)
		idx = len(d.persons) - 1
	} else if p := d.persons[idx]; len(words) > len(p.words) {
		p.words = words
	}
	d.linkPersonMention(idx, a, b, rule)
}

func (d *doc) linkPersonMention(idx, a, b int, rule string) {
	p := d.persons[idx]
	form := d.span(a, b)
	if !p.formSet[form] {
		p.formSet[form] = true
		p.forms = append(p.forms, form)
	}
	p.mentions++
	p.positions = append(p.positions, a)
	p.sorted = false
	d.addMention(&mention{kind: kindPerson, ent: idx, tok0: a, tok1: b, rule: rule})
}

// matchPerson finds a person already known under another form of the same
// name: same surname up to transliteration (Yanukovych/Yanukovich), compatible
// given names (Sergey/Sergei, or an initial).
func (d *doc) matchPerson(words []string) int {
	for i, p := range d.persons {
		if sameName(words, p.words) || d.familiarForm(words, p.words) || particleSurname(words, p.words) {
			return i
		}
	}
	return -1
}

// personByGivenName returns the one person of the article whose full
// name starts with the given name w, or -1.
func (d *doc) personByGivenName(w string) int {
	found := -1
	for i, p := range d.persons {
		if len(p.words) >= 2 && p.words[0] == w {
			if found >= 0 {
				return -1
			}
			found = i
		}
	}
	return found
}

// particleSurname reports a surname with its particle ("De Vido") that
// ends a fuller name ("Julio De Vido").
func particleSurname(short, full []string) bool {
	if len(short) < 2 || len(full) <= len(short) || !nameParticles[strings.ToLower(short[0])] {
		return false
	}
	tail := full[len(full)-len(short):]
	for i := range short {
		if !strings.EqualFold(short[i], tail[i]) {
			return false
		}
	}
	return true
}

// familiarForm reports two names of one person in an article: the same
// surname, and given names that are a familiar and a full form of one
// name ("Dave Collins", "David Collins").
func (d *doc) familiarForm(a, b []string) bool {
	if len(a) != 2 || len(b) != 2 || !similarWord(a[1], b[1]) {
		return false
	}
	return slices.Contains(d.lx.nameForms[a[0]], b[0])
}

// SameName reports whether two names (as words) may name the same person:
// the same family name up to transliteration (Yanukovych/Yanukovich) and compatible
// given names (Sergey/Sergei, or an initial).
func SameName(a, b []string) bool { return sameName(a, b) }

// FoldName reduces a name to a key that its transliteration variants
// share: lower case, no diacritics, y→i, doubled letters single.
func FoldName(name string) string {
	words := strings.Fields(name)
	for i, w := range words {
		words[i] = foldName(w)
	}
	return strings.Join(words, " ")
}

// SimilarWord reports whether two name words are the same up to
// transliteration.
func SimilarWord(a, b string) bool { return similarWord(a, b) }

// sameName compares two multi-word names.
func sameName(a, b []string) bool {
	if len(a) == 0 || len(b) == 0 {
		return false
	}
	if !similarWord(a[len(a)-1], b[len(b)-1]) {
		return false
	}
	// given names must be the same up to transliteration (Sergey/Sergei),
	// or one an initial: Robin and Robbie are two people
	return foldName(a[0]) == foldName(b[0]) || isInitialOf(a[0], b[0]) || isInitialOf(b[0], a[0])
}

// similarWord: equal after transliteration folding, or one edit apart for
// longer words.
func similarWord(a, b string) bool {
	if a == b {
		return true
	}
	return similarFolded(foldName(a), foldName(b))
}

func isInitialOf(init, name string) bool {
	init = strings.TrimSuffix(init, ".")
	return utf8.RuneCountInString(init) == 1 && strings.HasPrefix(name, init)
}

// foldName reduces a name to a key that transliteration variants share:
// lower case, no diacritics, y→i, doubled letters single ("Sergey" and
// "Sergei", "Yanukovych" and "Yanukovich").
func foldName(s string) string {
	if f, ok := foldCache.Load(s); ok {
		return f.(string)
	}
	f := foldNameUncached(s)
	if foldCached.Add(1) <= maxFoldCache {
		foldCache.Store(s, f)
	}
	return f
}

// foldCache holds folded names: the same names are compared again and
// again, in an article and across a corpus. It keeps the first
// maxFoldCache names it sees, so that memory does not grow with the
// corpus (the BBC corpus, 2,225 articles, has 9,682 distinct ones).
var (
	foldCache    sync.Map
	foldCached   atomic.Int64
	maxFoldCache int64 = 100_000
)

func foldNameUncached(s string) string {
	s = stripDiacritics(strings.ToLower(s))
	// y and i interchange inside names (Yanukovych/Yanukovich, Sergey/Sergei), not
	// at their start (Yan is not Ian)
	if len(s) > 1 {
		s = s[:1] + strings.ReplaceAll(s[1:], "y", "i")
	}
	s = strings.ReplaceAll(s, "'", "")
	s = strings.ReplaceAll(s, "\u2019", "")
	var sb strings.Builder
	var last rune
	for _, r := range s {
		if r == last {
			continue
		}
		sb.WriteRune(r)
		last = r
	}
	return sb.String()
}

// stripDiacritics removes accents: "Gutiérrez" → "Gutierrez". A
// transform.Transformer keeps state, so each call makes its own.
func stripDiacritics(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			ascii = false
			break
		}
	}
	if ascii {
		return s
	}
	t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
	out, _, err := transform.String(t, s)
	if err != nil {
		return s
	}
	return out
}

func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			c := prev[j-1]
			if ra[i-1] != rb[j-1] {
				c++
			}
			cur[j] = min(c, prev[j]+1, cur[j-1]+1)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// personBySurname finds the person whose family name is w (a single-word
// mention), preferring the one mentioned last before token at.
func (d *doc) personBySurname(w string, at int) int {
	best, bestAt := -1, -1
	after, afterAt := -1, 0
	fw := d.fold(w)
	for i, p := range d.persons {
		if len(p.words) == 1 {
			if similarFolded(d.fold(p.words[0]), fw) {
				if best < 0 {
					best = i
				}
			}
			continue
		}
		if similarFolded(d.fold(p.surname()), fw) || (p.familyFirst && p.words[0] == w) || (len(p.words) >= 3 && d.containsSimilar(p.words[1:], fw)) {
			// the one named last before at; one first named after it only
			// when no one was ("Mr Howard claimed ..." before "his
			// Australian namesake John Howard" is Michael Howard)
			last := p.lastBefore(at)
			if last >= at {
				if after < 0 || last < afterAt {
					after, afterAt = i, last
				}
				continue
			}
			if last > bestAt {
				best, bestAt = i, last
			}
		}
	}
	switch {
	case bestAt >= 0:
		return best // a full name used before at
	case after >= 0:
		return after // one used only after it
	}
	return best // a one-word name, or none
}

// sortMentions puts the mentions in text order.
func (d *doc) sortMentions() {
	sort.SliceStable(d.mentions, func(i, j int) bool { return d.mentions[i].tok0 < d.mentions[j].tok0 })
}

func (d *doc) containsSimilar(words []string, fw string) bool {
	for _, x := range words {
		if similarFolded(d.fold(x), fw) {
			return true
		}
	}
	return false
}

// fold is foldName with a cache for the article.
func (d *doc) fold(w string) string {
	if f, ok := d.folds[w]; ok {
		return f
	}
	f := foldName(w)
	d.folds[w] = f
	return f
}

// similarFolded is similarWord on folded words: equal, or one edit apart
// for longer words whose first letters agree ("Google" is not "Koogle").
func similarFolded(fa, fb string) bool {
	if fa == fb {
		return true
	}
	if len(fa) >= 5 && len(fb) >= 5 && abs(len(fa)-len(fb)) <= 1 && fa[0] == fb[0] {
		return editDistance(fa, fb) <= 1
	}
	return false
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// onlyPartyWords reports whether tokens [a, b) are a party's name and
// nothing else ("Green", "Liberal Democrat").
func (d *doc) onlyPartyWords(a, b int) bool {
	if b-a == 1 {
		_, ok := d.lx.parties[d.toks[a].lower()]
		return ok
	}
	if b-a == 2 {
		_, ok := d.lx.parties[d.toks[a].lower()+" "+d.toks[a+1].lower()]
		return ok
	}
	return false
}

// agentPlural reports a plural noun for people of a trade or kind
// ("Bookmakers", "Analysts", "Campaigners"): no given name ends so.
func agentPlural(w string) bool {
	l := lowerASCII(w)
	for _, suf := range []string{"ers", "ors", "ists", "ians", "ants", "ents"} {
		if strings.HasSuffix(l, suf) && len(l) > len(suf)+2 {
			return true
		}
	}
	return false
}

// postNominals are the letters written after a person's name for an
// office, a rank or an honour.
var postNominals = map[string]bool{
	"MP": true, "QC": true, "KC": true, "MEP": true, "MSP": true, "AM": true, "OBE": true, "MBE": true,
	"CBE": true, "KBE": true, "DBE": true, "PhD": true,
}

// lineUpItem reports an initial and a surname ([a, b) = "G Murphy") in a
// list of such names, as a team's line-up gives them: "G Murphy; G
// Dempsey, B O'Driscoll, ..." (a neighbouring item, across a comma or a
// semicolon and past a "(capt)", has the same form).
func (d *doc) lineUpItem(a, b int) bool {
	initialAt := func(i int) bool {
		if i < 0 || i+1 >= len(d.toks) {
			return false
		}
		w := strings.TrimSuffix(d.toks[i].s, ".")
		return len(w) == 1 && w[0] >= 'A' && w[0] <= 'Z' && d.isCapWord(i+1) && len(d.toks[i+1].s) > 1
	}
	if b-a != 2 || !initialAt(a) {
		return false
	}
	// the item before: "..., G Dempsey" or "...; G Dempsey"
	if a >= 3 && d.toks[a-1].is(",", ";") && initialAt(a-3) {
		return true
	}
	// the item after, past a bracket: "G Bulloch (capt), G Kerr"
	k := b
	if k < len(d.toks) && d.toks[k].s == "(" {
		for k < len(d.toks) && k < b+5 && d.toks[k].s != ")" {
			k++
		}
		k++
	}
	return k+2 < len(d.toks) && d.toks[k].is(",", ";") && initialAt(k+1)
}

// personDescription reports whether tokens [a, b), after "a" or "an",
// describe a person rather than an organisation: lower-case words (names
// may follow "of" or "on") and no organisation noun or word of place
// ("a key influence on New Labour thinking", not "a firm based in Leeds").
func (d *doc) personDescription(a, b int) bool {
	if a >= b || d.toks[a].cap {
		return false
	}
	for k := a; k < b; k++ {
		l := d.toks[k].low
		if d.lx.orgNouns[l] || d.lx.orgHeads[titleWord(l)] || l == "based" || l == "owned" || l == "which" {
			return false
		}
	}
	return true
}

// relativeName reports whether the one-word name [a, b) after the
// relative's noun at token k is a relative's given name: after a singular
// noun a known given name ("his mother, Patricia"); after a plural one
// ("sons", "children") an item of a list of names, known or not ("his two
// sons, Avi and Joel", "their two children Emily, 16, and Pelham"; not
// "her access to her children, Greer said").
func (d *doc) relativeName(k, a, b int) bool {
	if n := d.toks[k].low; n != "children" && !strings.HasSuffix(n, "s") {
		return d.lx.givenNames[d.toks[a].s]
	}
	if a >= 2 && d.toks[a-1].is("and", ",") && d.isCapWord(a-2) {
		return true
	}
	e := b
	if e+2 < len(d.toks) && d.toks[e].s == "," && isNumber(d.toks[e+1].s) {
		e += 2 // an age: "Emily, 16, and Pelham"
	}
	if e < len(d.toks) && d.toks[e].s == "," {
		e++
	}
	return e < len(d.toks) && (d.isCapWord(e) && d.toks[e-1].s == "," || d.toks[e].is("and") && e+1 < len(d.toks) && d.isCapWord(e+1))
}

// personPlurals are plural nouns for people that introduce a list of
// their names: "rappers such as Beenie Man and Sizzla". Not "artists" or
// "stars": in music they are bands as often ("signed artists including
// Run-DMC, The Beastie Boys and Public Enemy").
var personPlurals = map[string]bool{
	"singers": true, "rappers": true, "actors": true, "actresses": true, "players": true, "athletes": true,
	"writers": true, "authors": true, "directors": true, "comedians": true, "presenters": true, "novelists": true,
	"politicians": true, "ministers": true,
}

// personNounList reports whether the capitalised words at token a are an
// item of a list of names that a plural noun for people introduces, with
// "such as", "including", "like", a dash or a colon: "rappers such as
// Beenie Man and Sizzla", "the singers - A, B and C".
func (d *doc) personNounList(a int) bool {
	s0 := d.sents[d.sentOf[a]].tok0
	k := a - 1
	for k > s0 && (d.toks[k].is(",", "and") || d.isCapWord(k)) {
		k--
	}
	if k <= s0 {
		return false
	}
	n := k - 1
	switch {
	case d.toks[k].is("as") && d.toks[n].is("such"):
		n--
	case d.toks[k].is("including", "like", "-", ":", "\u2013", "\u2014"):
	default:
		return false
	}
	return n >= s0 && personPlurals[d.toks[n].low]
}
