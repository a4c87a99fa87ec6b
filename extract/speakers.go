package extract

import (
	"slices"
	"sort"
	"strings"
)

// pronouns that stand for a person who speaks.
var personPronouns = map[string]bool{"he": true, "she": true, "him": true, "her": true, "his": true, "hers": true}

// expertNouns describe a speaker by trade; "the expert" is the last person
// introduced with such a description (or with no office of state).
var expertNouns = map[string]bool{
	"expert": true, "analyst": true, "specialist": true, "scholar": true, "observer": true, "commentator": true,
	"researcher": true, "professor": true, "academic": true, "economist": true, "political scientist": true,
	"scientist": true, "historian": true, "author": true, "fellow": true, "lecturer": true, "consultant": true,
	"strategist": true, "source": false,
}

// officialNouns describe any holder of a public office: "the diplomat",
// "the official", "the politician".
var officialNouns = map[string]bool{
	"diplomat": true, "official": true, "politician": true, "statesman": true, "stateswoman": true,
	"negotiator": true, "lawmaker": true, "legislator": true, "envoy": true,
}

// unnamedVoices are roles news often leaves unnamed ("the spokesman
// said"): a description by one of them fits only a person the article
// gives that role, never someone merely not known to hold another.
var unnamedVoices = map[string]bool{
	"spokesman": true, "spokeswoman": true, "spokesperson": true, "correspondent": true,
}

// markSubjects flags person mentions that are the subject of their clause
// ("In turn, Jack Straw stressed ...", "on Wednesday Mr Straw said"):
// the person a later "he" or "according to him" most likely means. A
// subject is followed by its verb (after any appositive) and is not the
// object of a preposition.
func (d *doc) markSubjects() {
	for _, m := range d.mentions {
		if m.kind != kindPerson || d.inQuote[m.tok0] {
			continue
		}
		// (a title may start the text: token 0 is a real start when the
		// title says something)
		start := m.title.start
		untitled := m.title.role == "" && m.title.orgName == "" && !m.title.honorific && len(m.title.countries) == 0
		if start > m.tok0 || start == 0 && untitled {
			start = m.tok0
		}
		s := d.sents[d.sentOf[m.tok0]]
		// the clause starts here: at the sentence start, after a comma,
		// a conjunction or a quotation, or after words of time ("on
		// Wednesday Mr Straw said", "Earlier Tory leader ...")
		j := start - 1
		// "Moazzam Begg's Labour MP Roger Godsiff": past the possessor
		for j > s.tok0 && (d.toks[j].s == "'s" || d.toks[j].s == "\u2019s") {
			ms := d.mentionsEndingAt(j)
			if len(ms) == 0 {
				break
			}
			j = ms[0].tok0 - 1
		}
		if m.tok0 > s.tok0 && d.toks[m.tok0-1].s == "," {
			j = m.tok0 - 1 // after an inverted title: "a Foreign Ministry spokesman, Lin Haotian, condemned ..."
		}
		for j >= s.tok0 && (calendarWords[d.toks[j].s] || d.toks[j].is("on", "earlier", "later", "yesterday", "today", "meanwhile", "also", "then", "now", "last", "this", "week", "month", "year")) {
			j--
		}
		// "Auction spokesman Erik Simon said", "Labour election chief Alan
		// Milburn denied": a capitalised word or two (or an organisation)
		// that open the sentence before the title qualify it; not "As
		// Tory leader Michael Howard ...", a subordinate clause
		if j >= s.tok0 && j <= s.tok0+1 && start < m.tok0 {
			k := j
			for k >= s.tok0 && d.toks[k].cap && d.toks[k].word && !subordinators[d.toks[k].lower()] &&
				(d.cover[k] == nil || d.cover[k].kind == kindOrg) {
				k--
			}
			if k < s.tok0 {
				j = k
			}
		}
		if !(j < s.tok0 || d.toks[j].s == "," || d.toks[j].s == ";" || d.toks[j].s == ":" || d.toks[j].is("and", "but", "while") || d.toks[j].quote != notQuote || d.toks[j].s == "(") {
			continue
		}
		if d.inRelativeClause(start, s.tok0) {
			continue // "who represents Mr Abbasi and Mr Mubanga, said"
		}
		_, after := d.appositiveAfter(m.tok1)
		// "Foster, however, declared": a sentence adverb between commas
		if e := m.tok1; e+3 < s.tok1 && d.toks[e].s == "," && d.toks[e+1].is("however", "meanwhile", "though", "too", "also", "instead") && d.toks[e+2].s == "," {
			after = e + 3
		}
		// past a relative clause: "Louise Christian, who represents Mr
		// Abbasi and Mr Mubanga, said"
		if after+1 < s.tok1 && d.toks[after].s == "," && d.toks[after+1].is("who", "whose") {
			for k := after + 2; k < s.tok1 && k < after+20; k++ {
				if d.toks[k].s == "," {
					after = k + 1
					break
				}
			}
		}
		for after < s.tok1 && speechAdverbs[d.toks[after].lower()] && !d.toks[after].is("has", "had", "have", "was", "is", "will", "would") {
			after++
		}
		if after < s.tok1 && d.toks[after].word && !d.toks[after].cap && !d.toks[after].is("and", "of", "or", "in", "at", "on", "for", "with", "to", "from") {
			m.subject = true
		}
	}
}

// subordinators open a subordinate clause: its subject is not the
// sentence's.
var subordinators = map[string]bool{
	"as": true, "when": true, "while": true, "if": true, "although": true, "though": true, "after": true,
	"before": true, "since": true, "because": true, "unless": true, "until": true, "once": true,
	"whereas": true, "whilst": true, "with": true, "despite": true, "for": true, "like": true, "unlike": true,
}

// inRelativeClause reports whether token i stands in a relative clause
// that opened after the last comma before it ("..., who represents Mr
// Mubanga").
func (d *doc) inRelativeClause(i, s0 int) bool {
	for k := i - 1; k >= s0; k-- {
		if d.toks[k].s == "," {
			return false
		}
		if d.toks[k].is("who", "whose", "which") {
			return true
		}
	}
	return false
}

// maxLookback bounds how many mentions back a pronoun or a description
// looks for its person: a reader does not reach further either.
const maxLookback = 400

// markDescriptionSubjects records sentences whose subject is a description
// of a person named before ("The Chinese diplomat also briefed ..."): a
// later "he" means that person; after "A spokesman said" a later "he" is
// no one the article names. (An unresolved "The Tory spokesman" may still
// be someone named before.)
func (d *doc) markDescriptionSubjects() {
	for si, s := range d.sents {
		a := s.tok0
		if d.inQuote[a] {
			continue
		}
		if !d.toks[a].is("the", "a", "an") {
			continue
		}
		b := a + 1
		for b < s.tok1 && b < a+6 && d.toks[b].word && (d.titleWordAt(b) || d.isCountryWord(b) || officialNouns[d.toks[b].lower()] || expertNouns[d.toks[b].lower()]) {
			b++
		}
		if b == a+1 || b >= s.tok1 {
			continue
		}
		next := d.toks[b]
		if !next.word || next.cap || next.is("of", "and", "in", "to", "for") {
			continue
		}
		// "A spokesman said ...": a later "he" is that unnamed person, no
		// one named before
		p := -1
		if d.toks[a].is("the") {
			p = d.resolveDescription(a, b, a)
		}
		if p >= 0 || d.toks[a].is("a", "an") && d.toks[b-1].is("spokesman", "spokeswoman", "spokesperson") {
			d.addSubjectMark(speakerMark{p, a})
		}
		_ = si
	}
}

// lastSubject returns the person a pronoun at token at refers to: the
// subject of the latest clause outside quotations (named, or described as
// "the Chinese diplomat"), or failing that the latest person named outside
// quotations.
func (d *doc) lastSubject(at int) int {
	return d.lastSubjectAs(at, "")
}

// lastSubjectAs is lastSubject for a pronoun of a gender ("m", "f" or ""
// for any): a person whose honorifics say otherwise ("Ms Davidson" for
// "he") is passed over.
func (d *doc) lastSubjectAs(at int, gender string) int {
	named, namedAt := d.lastNamedSubjectAs(at, gender)
	for i := len(d.subjectMarks) - 1; i >= 0; i-- {
		if m := d.subjectMarks[i]; m.at < at {
			if m.at > namedAt && (m.person < 0 || d.agrees(m.person, gender)) {
				return m.person
			}
			if m.at <= namedAt {
				break
			}
		}
	}
	return named
}

// pronounGender is the gender a personal pronoun refers to, or "".
func pronounGender(w string) string {
	switch strings.ToLower(w) {
	case "he", "him", "his":
		return "m"
	case "she", "her", "hers":
		return "f"
	}
	return ""
}

// honorificGender: forms of address that say a person's gender.
var honorificGender = map[string]string{
	"mr": "m", "mr.": "m", "sir": "m", "lord": "m", "king": "m", "prince": "m", "monsieur": "m", "herr": "m",
	"mrs": "f", "mrs.": "f", "ms": "f", "ms.": "f", "miss": "f", "lady": "f", "dame": "f", "baroness": "f",
	"queen": "f", "princess": "f", "madame": "f", "frau": "f",
}

// agrees reports whether person p may be called by a pronoun of the
// gender: false when honorifics before p's names say otherwise and none
// says so ("Mr Jackson" may be a surname resolved to the wrong Jackson),
// or, with no honorific, when p's given name is of the other gender
// ("she" is not Richard Gere).
func (d *doc) agrees(p int, gender string) bool {
	if gender == "" {
		return true
	}
	if d.honorifics == nil {
		d.countHonorifics()
	}
	h := d.honorifics[p]
	if h["m"]+h["f"] > 0 {
		return h[gender] > 0
	}
	if pe := d.persons[p]; len(pe.words) > 1 && !pe.familyFirst {
		if g := d.lx.givenGender[pe.words[0]]; g != "" {
			return g == gender
		}
	}
	return true
}

// countHonorifics counts, once per article, the gendered forms of address
// before each person's names, and the gendered nouns of relatives ("her
// father, Murray,").
func (d *doc) countHonorifics() {
	d.honorifics = map[int]map[string]int{}
	for _, m := range d.mentions {
		if m.kind != kindPerson || m.tok0 == 0 {
			continue
		}
		g := honorificGender[d.toks[m.tok0-1].lower()]
		if k := d.kinNounBefore(m.tok0); g == "" && k >= 0 {
			g = kinNouns[d.toks[k].low]
		}
		if g != "" {
			if d.honorifics[m.ent] == nil {
				d.honorifics[m.ent] = map[string]int{}
			}
			d.honorifics[m.ent][g]++
		}
	}
}

// lastNamedSubject is lastSubject for named persons; it also returns the
// token of the mention.
func (d *doc) lastNamedSubject(at int) (int, int) {
	return d.lastNamedSubjectAs(at, "")
}

// lastNamedSubjectAs is lastNamedSubject for a pronoun of a gender.
func (d *doc) lastNamedSubjectAs(at int, gender string) (int, int) {
	fallback, fallbackAt := -1, -1
	for i, seen := d.mentionsBefore(at), 0; i >= 0 && seen < maxLookback; i, seen = i-1, seen+1 {
		m := d.mentions[i]
		if m.kind != kindPerson || d.inQuote[m.tok0] || !d.agrees(m.ent, gender) {
			continue
		}
		if m.subject {
			return m.ent, m.tok0
		}
		if fallback < 0 {
			fallback, fallbackAt = m.ent, m.tok0
		}
	}
	return fallback, fallbackAt
}

// personAt returns the person named by a mention starting within [a, b)
// (a name, or a title before a name).
func (d *doc) personAt(a, b int) (*mention, bool) {
	for t := a; t < b && t < len(d.toks); t++ {
		for _, m := range d.startAt[t] {
			if m.kind == kindPerson {
				return m, true
			}
		}
		for _, m := range d.titleAt[t] {
			return m, true
		}
	}
	return nil, false
}

// resolveSpeaker resolves the speaker phrase at tokens [a, b) ("he",
// "Michael Howard", "the expert", "Russian Foreign Minister") to a person;
// at is where the phrase stands. It returns -1 when the speaker is not a
// person of the article (a ministry, "officials").
func (d *doc) resolveSpeaker(a, b, at int) (int, string) {
	for a < b && d.toks[a].is(",") {
		a++
	}
	if a >= b {
		return -1, ""
	}
	if m, ok := d.personAt(a, b); ok {
		// "Mr Blair's official spokesman said": someone of the person's,
		// not named; a later "he" means this speaker too
		if m.tok1+1 < b && d.personPossessorBefore(m.tok1+1) && d.unnamedSpeaker(a, m.tok1+1, b) {
			return -1, ""
		}
		return m.ent, "named"
	}
	if b-a == 1 && personPronouns[d.toks[a].lower()] {
		return d.lastSubjectAs(at, pronounGender(d.toks[a].s)), "pronoun"
	}
	// an organisation or country as speaker is not a person
	for _, m := range d.mentionsIn(a, b) {
		if m.kind == kindOrg || m.kind == kindCountry {
			if m.tok0 == a || (m.tok0 == a+1 && d.toks[a].is("the")) {
				if !d.hasTitleWord(m.tok1, b) {
					return -1, ""
				}
			}
		}
	}
	// "A US Embassy spokesman said": someone not named, and not anyone
	// named before; a later "he" means this speaker too
	if d.toks[a].is("a", "an") {
		d.unnamedSpeaker(a, a, b)
		return -1, ""
	}
	// "Mr Blair's spokesman", "his lawyer": a person's spokesman or lawyer
	// speaks, not named ("the company's chairman" is resolved below)
	if d.toks[a].is("his", "her") && d.unnamedSpeaker(a, a+1, b) || d.personPossessorBefore(a) && d.unnamedSpeaker(a, a, b) {
		return -1, ""
	}
	if p := d.resolveDescription(a, b, at); p >= 0 {
		return p, "description"
	}
	return -1, ""
}

// unnamedSpeaker reports whether tokens [da, b) describe a person ("US
// Embassy spokesman", "official spokesman"), and if so records at a that
// this unnamed person spoke, so that a later "he" means them too.
func (d *doc) unnamedSpeaker(a, da, b int) bool {
	if _, _, _, _, _, ok := d.describedPerson(da, b); !ok {
		return false
	}
	d.addSubjectMark(speakerMark{person: -1, at: a})
	return true
}

// personPossessorBefore reports a person's possessive right before token
// i: "Mr Blair's" (not "the BBC's").
func (d *doc) personPossessorBefore(i int) bool {
	if i < 2 || !d.possessiveBefore(i) || d.toks[i-1].is("its", "their") {
		return false
	}
	for _, m := range d.mentionsIn(max(0, i-6), i-1) {
		if m.kind == kindPerson && m.tok1 == i-1 {
			return true
		}
	}
	return false
}

// addSubjectMark records a mark in text order (lastSubject reads them
// backwards from a token).
func (d *doc) addSubjectMark(m speakerMark) {
	i := sort.Search(len(d.subjectMarks), func(i int) bool { return d.subjectMarks[i].at > m.at })
	if i > 0 && d.subjectMarks[i-1] == m {
		return
	}
	d.subjectMarks = append(d.subjectMarks, speakerMark{})
	copy(d.subjectMarks[i+1:], d.subjectMarks[i:])
	d.subjectMarks[i] = m
}

func (d *doc) hasTitleWord(a, b int) bool {
	for i := a; i < b; i++ {
		if d.titleWordAt(i) || expertNouns[d.toks[i].lower()] {
			return true
		}
	}
	return false
}

// holdsGovOffice reports whether the person's description names an office
// of state ("ambassador", "minister").
func (d *doc) holdsGovOffice(p *personEnt) bool {
	for w := range p.desc {
		if d.lx.titleHeads[w] == "gov" {
			return true
		}
	}
	return false
}

// resolveDescription resolves "the expert", "the analyst", "Former US
// Diplomat", "Russian Foreign Minister" to the latest person (named before
// at, outside quotations) the description fits.
func (d *doc) resolveDescription(a, b, at int) int {
	words, countries, head, generic, official, ok := d.describedPerson(a, b)
	if !ok {
		return -1
	}
	// "Rhodri Glyn Thomas, Plaid Cymru health spokesman said": a
	// description with no article right after a name and a comma is the
	// name's
	if a >= 2 && d.toks[a-1].s == "," && !d.toks[a].is("the", "a", "an") {
		for _, m := range d.mentionsIn(max(0, a-8), a-1) {
			if m.kind == kindPerson && m.tok1 == a-1 && !d.inQuote[m.tok0] {
				return m.ent
			}
		}
	}
	// an office the article gives someone, before or after: "The home
	// secretary said ..." and later "Home Secretary Charles Clarke"
	if !generic && !official {
		if p := d.titledPerson(words, at); p >= 0 {
			return p
		}
	}
	seen := map[int]bool{}
	for i, n := d.mentionsBefore(at), 0; i >= 0 && n < maxLookback; i, n = i-1, n+1 {
		m := d.mentions[i]
		if m.kind != kindPerson || d.inQuote[m.tok0] || seen[m.ent] {
			continue
		}
		seen[m.ent] = true
		p := d.persons[m.ent]
		if d.fits(p, head, words, countries, generic, official) {
			return m.ent
		}
	}
	return -1
}

// titledPerson returns the person who holds the very office a
// description names ("the home secretary" for "Home Secretary Charles
// Clarke"): the latest before at, else the first after it within three
// paragraphs; or -1.
func (d *doc) titledPerson(words []string, at int) int {
	role := strings.Join(words, " ")
	best, bestAt, after, afterAt := -1, -1, -1, len(d.toks)
	for i, p := range d.persons {
		if !slices.Contains(p.roles, role) {
			continue
		}
		if last := p.lastBefore(at); last < at && last > bestAt {
			best, bestAt = i, last
		} else if p.first > at && p.first < afterAt {
			after, afterAt = i, p.first
		}
	}
	if best >= 0 {
		return best
	}
	if after >= 0 && d.sents[d.sentOf[afterAt]].para-d.sents[d.sentOf[at]].para > 3 {
		return -1
	}
	return after
}

// describedPerson reads tokens [a, b) as a description of a person ("the
// former US diplomat", "a Delta spokesperson"): its words, the countries
// it names, its head noun, and whether that head is an expert's or an
// official's; ok is false when the head is not a person's.
func (d *doc) describedPerson(a, b int) (words, countries []string, head string, generic, official, ok bool) {
	for i := a; i < b; i++ {
		l := strings.TrimSuffix(d.toks[i].lower(), ".")
		switch {
		case l == "the" || l == "a" || l == "an" || l == "former" || l == "ex" || !d.toks[i].word:
		default:
			if c, _, e := d.countryAt(i, b); c != "" && e > i {
				countries = append(countries, c)
				i = e - 1
				continue
			}
			words = append(words, l)
		}
	}
	if len(words) == 0 || len(words) > 5 {
		return nil, nil, "", false, false, false
	}
	head = singular(words[len(words)-1])
	if head != words[len(words)-1] {
		return nil, nil, "", false, false, false // "Menatep lawyers": a group, not one person
	}
	_, isTitle := d.lx.titleHeads[head]
	generic = expertNouns[head]
	official = officialNouns[head]
	if !isTitle && !generic && !official {
		// a multi-word head: "foreign minister"
		if len(words) >= 2 {
			_, isTitle = d.lx.titleHeads[words[len(words)-2]+" "+head]
		}
		if !isTitle {
			return nil, nil, "", false, false, false
		}
	}
	return words, countries, head, generic, official, true
}

// rankWords in a description set its office apart from the office above
// it.
var rankWords = map[string]bool{"deputy": true, "vice": true, "assistant": true, "junior": true, "under": true}

// fits reports whether what is known of a person agrees with a
// description.
func (d *doc) fits(p *personEnt, head string, words, countries []string, generic, official bool) bool {
	for _, c := range countries {
		known := p.desc[strings.ToLower(c)]
		for f := range d.countryForms[c] {
			known = known || p.desc[strings.ToLower(f)]
		}
		if !known && p.class != "" {
			return false
		}
	}
	// a rank the description names, the person must have: "the deputy
	// minister" is not the Foreign Minister
	for _, w := range words {
		if rankWords[w] && !p.desc[w] {
			return false
		}
	}
	if p.desc[head] {
		return true
	}
	if unnamedVoices[head] {
		return false
	}
	if generic {
		return p.class == "expert" || p.class == "org"
	}
	if official {
		// (or someone who also holds an office of state: "Senior Fellow
		// ..., former UK Ambassador" is "the diplomat")
		return p.class == "gov" || p.class == "" || d.holdsGovOffice(p)
	}
	// a person known by another office does not fit: "the prime minister"
	// is not the one called "President Bush"
	for w := range p.desc {
		if _, isHead := d.lx.titleHeads[w]; isHead && w != head {
			return false
		}
	}
	// an office: the person holds one of the same class, or nothing known
	cls := d.lx.titleHeads[head]
	if len(words) >= 2 {
		if c, ok := d.lx.titleHeads[words[len(words)-2]+" "+head]; ok {
			cls = c
		}
	}
	return p.class == "" || (p.class == cls && len(p.desc) == 0)
}
