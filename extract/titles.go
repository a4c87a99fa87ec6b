package extract

import (
	"strings"
	"unicode"
)

// titleInfo is what a title before a name says: "former Russian Deputy
// Foreign Minister", "Microsoft chairman", "Mr".
type titleInfo struct {
	start       int      // first token of the title (== name start when none)
	role        string   // "Deputy Foreign Minister"
	class       string   // class of the head: gov, org, expert, media
	countries   []string // "Russian and Japanese" → Russia, Japan
	orgName     string   // organisation named with the title ("Microsoft chairman", "Conservative MP")
	former      bool
	counterpart bool
	plural      bool // "deputy foreign ministers A and B"
	honorific   bool
	// demonym is true when the country was named by a demonym ("Dutch
	// co-chairman": a nationality) rather than its name ("Spain coach").
	demonym bool
}

// roleWords parses title words [a, b) into a role: the words from the
// first modifier or portfolio word to the head, in title case, singular.
// It returns the role and the head's class ("" when there is no head).
func (d *doc) roleWords(a, b int) (role, class string, plural bool) {
	var words []string
	for i := a; i < b; i++ {
		t := d.toks[i]
		l := strings.TrimSuffix(t.lower(), ".")
		if _, ok := d.lx.honorifics[t.lower()]; ok && len(words) == 0 && !(i+1 < b && d.headStartsWith(l+" "+d.toks[i+1].low)) {
			continue // (not "Lord Chancellor": a head of its own)
		}
		if l == "former" || l == "ex" || l == "counterpart" || l == "counterparts" || l == "-" || l == "the" || l == "a" || l == "an" {
			continue
		}
		if strings.HasPrefix(l, "former-") || strings.HasPrefix(l, "ex-") {
			_, rest, _ := strings.Cut(t.s, "-")
			words = append(words, rest)
			continue
		}
		if !t.word && t.s != "-" {
			continue
		}
		words = append(words, t.s)
	}
	// find the longest head ending the words
	for n := len(words); n >= 1 && class == ""; n-- {
		for k := min(n, d.lx.maxHeadWords); k >= 1; k-- {
			cand := strings.ToLower(strings.Join(words[n-k:n], " "))
			if c, ok := d.lx.titleHeads[cand]; ok {
				class = c
				words = words[:n]
				break
			}
			last := strings.ToLower(words[n-1])
			if s := singular(last); s != last {
				cand2 := strings.ToLower(strings.Join(append(append([]string{}, words[n-k:n-1]...), s), " "))
				if c, ok := d.lx.titleHeads[cand2]; ok {
					class = c
					plural = true
					words = append(words[:n-1:n-1], s)
					break
				}
			}
		}
	}
	// "vice-chairman", "co-founder": a head after a hyphen
	if class == "" && len(words) > 0 {
		last := strings.ToLower(words[len(words)-1])
		if k := strings.LastIndex(last, "-"); k > 0 {
			if c, ok := d.lx.titleHeads[last[k+1:]]; ok {
				class = c
			} else if c, ok := d.lx.titleHeads[singular(last[k+1:])]; ok {
				class, plural = c, true
			}
		}
	}
	if class == "" {
		return "", "", false
	}
	for i, w := range words {
		words[i] = titleWord(w)
	}
	return strings.Join(words, " "), class, plural
}

// impliedCountry returns the country a role belongs to when only one
// country has that office ("Foreign Secretary": the United Kingdom).
func (d *doc) impliedCountry(role string) string {
	words := strings.Fields(strings.ToLower(role))
	for k := len(words); k >= 1; k-- {
		if c, ok := d.lx.headCountry[strings.Join(words[len(words)-k:], " ")]; ok {
			return c
		}
	}
	return ""
}

// titleWord capitalises a title word ("foreign" → "Foreign"), keeping
// acronyms and words in capitals as they are.
func titleWord(w string) string {
	if w == "" || strings.ToUpper(w) == w {
		return w
	}
	switch w {
	case "of", "for", "and", "the", "at", "on", "in":
		return w
	}
	r := []rune(w)
	r[0] = unicode.ToUpper(r[0])
	return string(r)
}

// titleBefore reads the title standing right before the name starting at
// token n: honorifics, "former", country words, an organisation, modifiers,
// portfolio words and a head ("Russian and Japanese deputy foreign
// ministers", "Russian counterpart", "Microsoft chief executive"), or an
// inverted appositive ("the foreign secretary, Jane Doe").
func (d *doc) titleBefore(n int) titleInfo {
	ti := titleInfo{start: n}
	if n == 0 {
		return ti
	}
	si := d.sentOf[n]
	s0 := d.sents[si].tok0
	if ti, ok := d.invertedTitleOf(n, s0); ok {
		return ti
	}
	end := n
	inverted := false
	if n-2 >= s0 && d.toks[n-1].s == "," && d.titleWordAt(n-2) {
		// "the minister, María Gutiérrez, said"
		end, inverted = n-1, true
	}
	j := end - 1
	portfolio := -1 // the token a portfolio word was last taken at
	for j >= s0 {
		t := d.toks[j]
		if d.cover[j] != nil && d.cover[j].kind != kindPerson {
			break // "UK Independence Party leader": the party is not part of the title
		}
		if d.titleWordAt(j) {
			j--
			continue
		}
		// "Foreign and Defence Ministers", "Secretary of State", "Vice-President"
		// (not "the prime minister and Mr Brown": a form of address starts
		// another person's name)
		if (t.is("and", "of", "-", "&", "for")) && j-1 >= s0 && d.titleWordAt(j-1) && j+1 < end && d.titleWordAt(j+1) && !d.honorificAt(j+1) {
			j--
			continue
		}
		// a capitalised portfolio before a head: "Irrigation Minister",
		// "Lifelong Learning Minister"
		if t.cap && t.word && j+1 < end && (d.isHeadAt(j+1) || portfolio == j+1 && j+2 < end && d.isHeadAt(j+2)) &&
			!d.isCountryWord(j) && !d.inCountryName(j, end, s0) && !d.sentenceStart(j) && !d.partOfPerson(j) && !d.namesOrg(t.s) && !d.acronymOrg(j) {
			portfolio = j
			j--
			continue
		}
		break
	}
	a := j + 1
	var complement []string // countries named after the head: "Minister of the Russian Federation"
	compText := ""
	if !inverted && (a == end || !d.hasTitleHead(a, end)) {
		// a title with a complement: "Deputy Foreign Minister of the Russian
		// Federation Sergey Malinin", "Assistant Secretary of State for East
		// Asian and Pacific Affairs Rebecca Thornbury"
		if h, countries, ok := d.titleComplement(end, s0); ok {
			compText = " " + d.span(h, end)
			complement = countries
			end = h
			j = end - 1
			for j >= s0 && (d.titleWordAt(j) || (d.toks[j].is("and", "-") && j-1 >= s0 && d.titleWordAt(j-1))) {
				j--
			}
			a = j + 1
		}
	}
	if a == end {
		return ti
	}
	if inverted && a-1 >= s0 && d.toks[a-1].is("then") {
		ti.former = true
		a--
	}
	// an inverted title needs a determiner or a possessive: "the foreign
	// secretary, Jane Doe", "Japan's foreign minister, ...", or before the
	// organisation or country it names: "a Chinese Foreign Ministry
	// spokesman, Lin Haotian"
	determined := func(k int) bool {
		return k-1 >= s0 && (d.toks[k-1].is("the", "a", "an", "its", "their", "his", "her") || d.toks[k-1].s == "'s" || d.toks[k-1].s == "\u2019s")
	}
	// "The European Commission's monetary affairs commissioner, Joaquin
	// Almunia": a few lower-case words between the possessive and the title
	if inverted && !determined(a) {
		for a2, n := a-1, 0; a2 > s0 && n < 3 && d.toks[a2].word && !d.toks[a2].cap && d.nounPhrase(a2, a2+1); a2, n = a2-1, n+1 {
			if determined(a2) {
				a = a2
				break
			}
		}
	}
	invertedOK := determined(a)
	ti.start = a
	ti.role, ti.class, ti.plural = d.roleWords(a, end)
	if inverted && ti.plural {
		return titleInfo{start: n} // "England's black players, Wayne Rooney's ...": not his title
	}
	if ti.role != "" && compText != "" {
		ti.role += compText
	}
	for i := a; i < end; i++ {
		l := d.toks[i].lower()
		if l == "former" || l == "ex" || strings.HasPrefix(l, "former-") || strings.HasPrefix(l, "ex-") || strings.HasPrefix(l, "then-") {
			ti.former = true
		}
		if l == "counterpart" || l == "counterparts" {
			ti.counterpart = true
		}
		if _, ok := d.lx.honorifics[l]; ok {
			ti.honorific = true
		}
		// (a party by its capitalised name: not "Irish republican X"; nor
		// a portfolio's word: "Economy and Labour Minister")
		portfolio := i-2 >= a && d.toks[i-1].is("and") && d.lx.titleDomains[d.toks[i-2].low]
		if party, ok := d.lx.parties[l]; ok && ti.orgName == "" && d.toks[i].cap && !portfolio {
			ti.orgName = party
		}
		if i+1 < end && d.toks[i].cap {
			if party, ok := d.lx.parties[l+" "+d.toks[i+1].lower()]; ok && ti.orgName == "" {
				ti.orgName = party
			}
		}
	}
	// before the title: country words ("Russian and Japanese", "Japan's",
	// "UK"), an organisation ("Microsoft", "the BBC's"), "former"
	k := a
	for k > s0 {
		if d.toks[k-1].is("former", "ex", "ex-") {
			ti.former = true
			k--
			continue
		}
		// "imposed by then president Ronald Reagan", "the then minister":
		// the post was held at the time told of (not "... and then
		// President Bush spoke")
		if d.toks[k-1].is("then") && k-2 >= s0 && (d.toks[k-2].is("the", "by", "under", "of", "with", "from", "to", "for") ||
			d.toks[k-2].word && !d.toks[k-2].cap && !d.toks[k-2].is("and", "but", "or", "since", "until", "till", "only", "even", "just", "now")) {
			// ("Lord Goldsmith met then Home Office Minister Lord Falconer")
			ti.former = true
			k--
			continue
		}
		e := k
		if d.toks[k-1].s == "'s" || d.toks[k-1].s == "\u2019s" {
			e = k - 1
		} else if k-2 >= s0 && (d.toks[k-1].s == "'" || d.toks[k-1].s == "\u2019") && strings.HasSuffix(d.toks[k-2].s, "s") {
			e = k - 1 // "the Conservatives' shadow business secretary"
		}
		// a party by its name: "Labour's shadow chancellor", "the Tories'
		// spokesman"
		if e < k && ti.orgName == "" {
			if party, start := d.partyEndingAt(e, s0); party != "" {
				ti.orgName = party
				k = start
				continue
			}
		}
		if c, kind, start := d.countryEndingAt(e, s0); c != "" {
			// "Real Madrid striker", "Inter Milan coach": a club named
			// after its city, not the country of the capital
			if kind == formCapital && ti.class != "gov" && ti.orgName == "" && start-1 >= s0 && d.clubWordAt(start-1) {
				ti.orgName = d.span(start-1, e)
				k = start - 1
				break
			}
			if kind == formSeat && ti.class != "gov" {
				if ti.orgName == "" {
					ti.orgName = d.span(start, e)
				}
			} else {
				ti.countries = append([]string{c}, ti.countries...)
				ti.demonym = kind == formDemonym
			}
			k = start
			if k-2 >= s0 && d.toks[k-1].is("and", ",") {
				if c2, _, _ := d.countryEndingAt(k-1, s0); c2 != "" {
					k--
				}
			}
			continue
		}
		// "company president Lee Scott", "club president Juan Bautista": a
		// post in the organisation named before, not an office of state
		// (also after a possessive: "the central bank's vice president")
		if ti.orgName == "" && len(ti.countries) == 0 && ti.class != "" && e-1 >= s0 && !d.toks[e-1].cap && d.lx.orgNouns[d.toks[e-1].low] {
			ti.class = "org"
			ti.orgName = d.namedOrgAntecedent(d.toks[e-1].low, e-1)
			k = e - 1
			break
		}
		if ms := d.mentionsEndingAt(e); len(ms) > 0 && ms[0].kind == kindOrg && ti.orgName == "" {
			ti.orgName = d.orgs[ms[0].ent].name
			k = ms[0].tok0
			continue
		}
		// "the ex-England coach": a former post with a team or country
		if ti.orgName == "" && len(ti.countries) == 0 && ti.class != "" && e-1 >= s0 && e == k {
			l := d.toks[e-1].s
			for _, pre := range []string{"ex-", "former-"} {
				rest := strings.TrimPrefix(strings.TrimPrefix(l, pre), strings.ToUpper(pre[:1])+pre[1:])
				if rest != l && rest != "" && unicode.IsUpper([]rune(rest)[0]) {
					ti.former = true
					if f, ok := d.lx.countryForms[lowerKey(rest)]; ok && f.kind == formName {
						ti.countries = append(ti.countries, f.country)
					} else {
						ti.orgName = rest
					}
					k = e - 1
				}
			}
			if k == e-1 {
				break
			}
		}
		// an organisation the article does not otherwise name: "Arsenal
		// boss", "Tiscali portal director"
		// ("Deloitte's chief economist" may start the sentence)
		// (or a name the article also writes inside a sentence: "Arsenal
		// vice-chairman David Dein" starting one)
		if ti.orgName == "" && len(ti.countries) == 0 && ti.class != "" && e-1 >= s0 && d.toks[e-1].cap && d.toks[e-1].word &&
			d.cover[e-1] == nil && (e < k || !d.sentenceStart(e-1) || ti.class != "gov" && (d.nameElsewhere(e-1) || d.capsElsewhere(e-1) || d.unknownName(e-1))) && !d.isCountryWord(e-1) &&
			!d.titleWordAt(e-1) && !calendarWords[d.toks[e-1].s] && !tenureWords[strings.ToLower(d.toks[e-1].s)] && !d.lx.occupations[d.toks[e-1].low] {
			st := e - 1
			// (a first word of the sentence joins the name unless the article
			// uses it as an ordinary word: "Manchester United captain")
			for st-1 >= s0 && d.toks[st-1].cap && d.toks[st-1].word && d.cover[st-1] == nil && !d.titleWordAt(st-1) &&
				(!d.sentenceStart(st-1) || d.nameElsewhere(st-1) || d.placeStart(st-1) || !d.isCommon(d.toks[st-1].s) && !functionWords[d.toks[st-1].lower()] &&
					!calendarWords[d.toks[st-1].s] && !tenureWords[d.toks[st-1].lower()] && !strings.HasSuffix(d.toks[st-1].s, "ed") &&
					!strings.HasPrefix(d.toks[st-1].lower(), "ex-") && !strings.HasPrefix(d.toks[st-1].lower(), "former-")) {
				st--
			}
			if (!d.isCommon(d.toks[st].s) || d.placeStart(st) || d.capsElsewhere(st)) && (e == k || d.personBySurname(d.toks[e-1].s, e-1) < 0 && !d.lx.givenNames[d.toks[e-1].s]) {
				// "Arnaud Desplechin's Kings And Queen, Abdellatif
				// Kechiche's ...": a name's possession before an inverted
				// "title" with a capitalised "And" is a work, not a post
				if inverted && e < k && d.capFunctionWordIn(a, end) {
					return titleInfo{start: n}
				}
				ti.orgName = d.fullOrgName(d.span(st, e))
				k = st
			}
		}
		break
	}
	// "Former England captain", "including former Arsenal manager": a
	// "former" before the organisation
	if k > s0 && d.toks[k-1].is("former", "ex", "ex-") {
		ti.former = true
		k--
	}
	// "Wales manager", "Scotland coach": a domain word that is a proper
	// name (no ordinary English word) before a club's or team's role names
	// the team
	ta := a
	for ta < end && d.toks[ta].is("former", "ex", "ex-") {
		ta++
	}
	if ti.orgName == "" && len(ti.countries) == 0 && ti.class != "gov" && ti.class != "" && ta+1 < end && d.toks[ta].cap &&
		d.lx.titleDomains[d.toks[ta].lower()] && !d.lx.commonWords[d.toks[ta].lower()] && !d.titleHeadAt(ta) {
		ti.orgName = d.toks[ta].s
		ti.role, ti.class, ti.plural = d.roleWords(ta+1, end)
	}
	// "the political ambitions of its founder, Jane Doe": the organisation
	// named last before "its" in the sentence
	if ti.orgName == "" && len(ti.countries) == 0 && len(complement) == 0 && ti.class != "" && ti.class != "gov" && k == a && k-1 >= s0 && d.toks[k-1].is("its") {
		ti.orgName = d.orgBefore(k-1, s0)
	}
	ti.start = k
	ti.countries = append(ti.countries, complement...)
	// (the country's form may take in its article: "The Japanese")
	// (or a country, opening a clause: "But last week, Argentine Economic
	// Minister, Roberto Lavagna, told"; not "as US President, Tony Blair
	// has said")
	countryFirst := len(ti.countries) > 0 && k < a && d.toks[a].cap && (d.sentenceStart(k) || k > s0 && d.toks[k-1].s == ",")
	if inverted && !invertedOK && (k == a || !determined(k) && !d.toks[k].is("the", "a", "an")) && !countryFirst {
		return titleInfo{start: n}
	}
	return ti
}

// partyEndingAt returns the party named by the word (or two words) before
// token e, in the singular or the plural ("Labour", "Conservatives",
// "Tories", "Lib Dems"), and where its name starts.
func (d *doc) partyEndingAt(e, s0 int) (string, int) {
	forms := func(w string) []string {
		out := []string{w}
		switch {
		case strings.HasSuffix(w, "ies"):
			out = append(out, strings.TrimSuffix(w, "ies")+"y")
		case strings.HasSuffix(w, "s"):
			out = append(out, strings.TrimSuffix(w, "s"))
		}
		return out
	}
	if e-2 >= s0 {
		for _, f := range forms(d.toks[e-1].lower()) {
			if p, ok := d.lx.parties[d.toks[e-2].lower()+" "+f]; ok {
				return p, e - 2
			}
		}
	}
	// (not a person's name: "Mr Green's spokesman")
	if e-1 >= s0 && d.toks[e-1].cap && (d.cover[e-1] == nil || d.cover[e-1].kind == kindOrg) && d.personBySurname(d.toks[e-1].s, e-1) < 0 {
		for _, f := range forms(d.toks[e-1].lower()) {
			if p, ok := d.lx.parties[f]; ok {
				return p, e - 1
			}
		}
	}
	return "", e
}

// invertedTitleOf reads an inverted title that names its organisation
// or country after "of" or "at": "the incoming president of the European
// Commission, Jose Manuel Barroso", "Japan's ambassador to ..." is not one.
func (d *doc) invertedTitleOf(n, s0 int) (titleInfo, bool) {
	// without the comma: "Director of the Institute of Asian Studies Tom
	// Hale", where the title may start the sentence
	direct := n-2 >= s0 && d.toks[n-1].s != ","
	if n-3 < s0 || !direct && d.toks[n-1].s != "," {
		return titleInfo{}, false
	}
	last := n - 1
	if direct {
		last = n
	}
	for _, m := range d.mentionsEndingAt(last) {
		if m.kind != kindOrg && m.kind != kindCountry {
			continue
		}
		if direct && (m.kind == kindCountry || d.isCountryWord(m.tok0)) {
			return titleInfo{}, false // "Minister of the Russian Federation X": a title's complement
		}
		k := m.tok0
		if k-1 > s0 && d.toks[k-1].is("the") {
			k--
		}
		if k-2 < s0 || !d.toks[k-1].is("of", "at") {
			return titleInfo{}, false
		}
		end := k - 1
		a := end
		for a > s0 && d.titleWordAt(a-1) && d.cover[a-1] == nil {
			a--
		}
		// "the incoming president": a few lower-case words after the determiner
		for steps := 0; steps < 2 && a-1 > s0 && d.toks[a-1].word && !d.toks[a-1].cap && !d.toks[a-1].is("the", "a", "an") &&
			!finiteWords[d.toks[a-1].lower()]; steps++ {
			a--
		}
		_, head := d.lx.titleHeads[strings.TrimSuffix(d.toks[end-1].lower(), ".")]
		if a == end || !(direct && head || a > s0 && (d.toks[a-1].is("the", "a", "an") || d.toks[a-1].s == "'s" || d.toks[a-1].s == "\u2019s")) {
			return titleInfo{}, false
		}
		ti := titleInfo{start: a}
		ti.role, ti.class, ti.plural = d.roleWords(a, end)
		if ti.role == "" || ti.plural {
			return titleInfo{}, false
		}
		for i := a; i < end; i++ {
			if l := d.toks[i].lower(); l == "former" || l == "then" || strings.HasPrefix(l, "ex-") || strings.HasPrefix(l, "former-") {
				ti.former = true
			}
		}
		if m.kind == kindCountry {
			if _, kind, _ := d.countryEndingAt(m.tok1, m.tok0); kind != formName {
				return titleInfo{}, false // "the Mayor of London" holds no office of the UK
			}
			ti.countries = []string{m.country}
		} else {
			ti.orgName = d.orgs[m.ent].name
		}
		return ti, true
	}
	return titleInfo{}, false
}

// titleComplement looks back from a name starting at token end for a
// title's complement: "of (the) COUNTRY", "of State for ... Affairs" —
// capitalised words and connectors after a title head. It returns where
// the complement starts (right after the head) and the countries it names.
func (d *doc) titleComplement(end, s0 int) (int, []string, bool) {
	var countries []string
	k := end - 1
	for steps := 0; k > s0 && steps < 14; steps++ {
		t := d.toks[k]
		switch {
		case t.cap && t.word && !d.partOfPerson(k):
			if c, _, start := d.countryEndingAt(k+1, s0); c != "" {
				countries = append([]string{c}, countries...)
				k = start - 1
				continue
			}
			if d.isHeadAt(k) && k+1 < end && d.toks[k+1].is("of", "for") {
				return k + 1, countries, true
			}
			k--
		case t.is("of", "for", "and", "the", "'s", "\u2019s", "&", "on"):
			if t.is("of", "for") && k-1 >= s0 && d.isHeadAt(k-1) {
				return k, countries, true
			}
			k--
		default:
			return 0, nil, false
		}
	}
	return 0, nil, false
}

// isHeadAt reports whether a title head (not a modifier) starts at token i.
func (d *doc) isHeadAt(i int) bool {
	l := strings.TrimSuffix(d.toks[i].lower(), ".")
	if c, ok := d.lx.titleHeads[l]; ok && c == "gov" {
		return true
	}
	if c, ok := d.lx.titleHeads[singular(l)]; ok && c == "gov" {
		return true
	}
	return false
}

// capsElsewhere reports whether the word at token i stands capitalised
// inside another sentence of the article, as a name does ("existing Next
// stores" for the retailer Next, whose name is also a sentence opener).
func (d *doc) capsElsewhere(i int) bool {
	w := d.toks[i].s
	for j, t := range d.toks {
		if j != i && t.s == w && t.cap && !d.sentenceStart(j) && j > 0 && d.toks[j-1].word && !d.toks[j-1].cap &&
			!d.toks[j-1].is("and", "of", "for") && (j+1 >= len(d.toks) || !d.toks[j+1].cap) {
			return true // (alone: not "Iron and Steel Co.")
		}
	}
	return false
}

// inCountryName reports whether token i starts or ends a country's
// multi-word form ("South African", "New Zealand") within [s0, end).
func (d *doc) inCountryName(i, end, s0 int) bool {
	if c, _, _ := d.countryAt(i, end); c != "" {
		return true
	}
	c, _, _ := d.countryEndingAt(i+1, s0)
	return c != ""
}

// titleHeadAt reports whether token i is a title's head of any class
// ("Minister", "Commissioner", "Manager").
func (d *doc) titleHeadAt(i int) bool {
	l := strings.TrimSuffix(d.toks[i].lower(), ".")
	_, ok := d.lx.titleHeads[l]
	return ok
}

// isCountryWord reports whether token i is (part of) a country form.
func (d *doc) isCountryWord(i int) bool {
	_, ok := d.lx.countryForms[lowerKey(d.toks[i].s)]
	return ok
}

// partOfPerson reports whether token i belongs to a person mention.
func (d *doc) partOfPerson(i int) bool {
	return d.cover[i] != nil && d.cover[i].kind == kindPerson
}

// countryEndingAt matches a country form (capitalised) that ends at token
// end (exclusive) and starts at or after s0; it returns the country, the
// kind of form and its first token.
func (d *doc) countryEndingAt(end, s0 int) (string, string, int) {
	for start := max(s0, end-d.lx.maxCountryWords-2); start < end; start++ {
		if c, kind, e := d.countryAt(start, end); c != "" && e == end {
			return c, kind, start
		}
	}
	return "", "", end
}

// mentionsEndingAt returns the mentions whose last token is end-1.
func (d *doc) mentionsEndingAt(end int) []*mention { return d.endAt[end] }

// mentionsIn returns the mentions inside tokens [a, b), in text order.
func (d *doc) mentionsIn(a, b int) []*mention {
	var out []*mention
	for t := max(a, 0); t < b && t < len(d.toks); t++ {
		for _, m := range d.startAt[t] {
			if m.tok1 <= b {
				out = append(out, m)
			}
		}
	}
	return out
}

// segmentRole reads the role in tokens [a, b) of an appositive: title
// words from the lexicon, or else a free description ("campaign
// manager").
func (d *doc) segmentRole(a, b int) (role, class string, plural bool) {
	role, class, plural = d.roleWords(a, b)
	if role == "" {
		role, class = d.freeRole(a, b)
	}
	return role, class, plural
}

// appositiveSegment is one comma-separated part of an appositive after a
// name: "Associate Professor of Political Science", "Monash University",
// "former President of Keio University".
type appositiveSegment struct {
	a, b   int
	role   string
	class  string
	org    *mention // the organisation or country it names
	former bool
	part   bool // an organisation's sub-unit ("Malaysia Campus")
	// plural is a role in the plural ("World Bank officials"): it
	// describes others in a list, not the person before it.
	plural bool
	// country is the country named inside the role ("US Diplomat").
	country string
	// orgName is an organisation named without being a mention: "at
	// Tiscali", "Liberal Democrat spokesman".
	orgName string
}

// appositiveAfter reads the appositive after a name ending at token b:
// ", Senior Lecturer, Monash University, said". It returns its segments
// and the token after it.
func (d *doc) appositiveAfter(b int) ([]appositiveSegment, int) {
	if b >= len(d.toks) || d.toks[b].s != "," {
		return nil, b
	}
	si := d.sentOf[b]
	end := d.sents[si].tok1
	var segs []appositiveSegment
	i := b + 1
	for i < end {
		j := i
		for j < end && d.toks[j].s != "," && d.toks[j].s != ";" && !d.inQuote[j] && d.toks[j].quote == notQuote {
			j++
		}
		// "..., and the Palestinian leader, Mahmoud Abbas": the title of
		// the next name in a list
		if d.toks[i].is("and") && j+1 < end && d.toks[j].s == "," && d.personAtStart(j+1) {
			break
		}
		// "DJ Trevor Nelson, NME editor Conor McNicholas, ...": a title and
		// the next person of a list, not a description of this one
		if d.personEndsSegment(i, j) {
			break
		}
		seg, ok := d.readSegment(i, j)
		if !ok {
			break
		}
		segs = append(segs, seg)
		if j >= end || d.toks[j].s != "," {
			i = j
			break
		}
		i = j + 1
	}
	return segs, i
}

// readSegment interprets tokens [a, b) of an appositive; ok is false when
// they are not a description (the clause's verb phrase begins).
func (d *doc) readSegment(a, b int) (appositiveSegment, bool) {
	seg := appositiveSegment{a: a, b: b}
	i := a
	for i < b && d.toks[i].is("a", "an", "the", "and", "now", "currently", "also") {
		i++
	}
	if i < b && d.toks[i].is("former", "ex", "ex-", "formerly") {
		seg.former = true
		i++
	}
	// "with experience as a US Diplomat", "who heads ..."
	if i+2 < b && d.toks[i].is("with") && d.toks[i+1].is("experience", "a") {
		seg.former = true
		for i < b && !d.toks[i].is("as") {
			i++
		}
		i++
		for i < b && d.toks[i].is("a", "an", "the") {
			i++
		}
	}
	if i < b && d.toks[i].is("who") {
		return d.relativeSegment(seg, i+1, b)
	}
	if i >= b {
		return seg, false
	}
	// an organisation or country before the title: "IBM senior vice
	// president", "IBM's strategy manager", "Mexico's economy minister"
	var lead *mention
	for _, m := range d.mentionsIn(i, b) {
		if (m.kind == kindOrg || m.kind == kindCountry) && m.tok0 == i {
			lead = m
		}
	}
	// "Capgemini's principal consultant": an organisation the article
	// names only here
	// "Jeremy Dear, NUJ General Secretary": an acronym before a title
	if lead == nil && i+1 < b && d.cover[i] == nil && allUpperAcronym([]string{d.toks[i].s}) && !d.isCountryWord(i) && d.titleWordAt(i+1) {
		if h := d.lastHead(i+1, b); h > i+1 && (h == b || !d.toks[h].word || d.toks[h].is("of", "for", "at")) {
			seg.role, seg.class, seg.plural = d.roleWords(i+1, h)
			if seg.role != "" {
				seg.orgName = d.fullOrgName(d.toks[i].s)
				return seg, true
			}
		}
	}
	if lead == nil && i+2 < b && d.possessedTitle(i, b) {
		if h := d.lastHead(i+2, b); h > i+2 {
			seg.role, seg.class, seg.plural = d.segmentRole(i+2, h)
			seg.orgName = d.fullOrgName(d.toks[i].s)
			return seg, seg.role != ""
		}
	}
	// "Judy Bell, the company's founder": the organisation the article
	// has just named
	if lead == nil && i+2 < b && !d.toks[i].cap && d.lx.orgNouns[d.toks[i].lower()] && d.toks[i+1].is("'s", "\u2019s") {
		if h := d.lastHead(i+2, b); h > i+2 {
			if org := d.orgAntecedent(d.toks[i].lower(), a); org != "" {
				seg.role, seg.class, seg.plural = d.segmentRole(i+2, h)
				seg.orgName = org
				return seg, seg.role != ""
			}
		}
	}
	if lead != nil {
		k := lead.tok1
		if k < b && (d.toks[k].s == "'s" || d.toks[k].s == "\u2019s" ||
			(d.toks[k].s == "'" || d.toks[k].s == "\u2019") && strings.HasSuffix(d.toks[k-1].s, "s")) {
			k++
		}
		// ("UK managing director of filtering firm Ciphertrust": the firm,
		// read below, not the country)
		if h := d.lastHead(k, b); h > k && !(lead.kind == kindCountry && h < b && d.toks[h].is("of", "at", "with")) {
			seg.role, seg.class, seg.plural = d.segmentRole(k, h)
			seg.org = lead
			if lead.kind == kindCountry {
				seg.org = nil
				seg.country = lead.country
			}
			return seg, true
		}
	}
	// the title words
	j := i
	for j < b && !d.inMention(j) && (d.titleWordAt(j) || (d.toks[j].is("and", "of", "-") && j+1 < b && d.titleWordAt(j+1) && !d.inMention(j+1) && j > i)) {
		j++
	}
	// country words before a title: "US Diplomat"
	if j == i {
		if c, _, e := d.countryAt(i, b); c != "" && e < b && d.titleWordAt(e) {
			seg.country = c
			i = e
			j = e
			for j < b && d.titleWordAt(j) {
				j++
			}
		}
	}
	// lower-case words before a head: "campaign manager", "regional officer"
	if j == i {
		if h := d.lastHead(i, b); h > i && h-i <= 7 && d.nounPhrase(i, h) {
			j = h
		}
	}
	if j > i {
		seg.role, seg.class, seg.plural = d.segmentRole(i, j)
	}
	// title words, then lower-case ones, then the head: "Tory shadow work
	// and pensions secretary"
	if seg.role == "" && j > i {
		if h := d.lastHead(j, b); h > j && h-i <= 7 && d.nounPhrase(j, h) {
			j = h
			seg.role, seg.class, seg.plural = d.segmentRole(i, j)
		}
	}
	rest := j
	// "X, the prime minister said ...": the role is the subject of the
	// next clause, not an appositive
	if seg.role != "" && rest < b {
		if _, ok := d.speechVerbAt(rest); ok || finiteWords[d.toks[rest].lower()] {
			return seg, false
		}
	}
	// a party among the role's words: "Liberal Democrat spokesman on IT"
	// (the longer name first: "Liberal Democrat" is not "Democrat")
	for k := i; k < j; k++ {
		if k+1 < j {
			if p, ok := d.lx.parties[d.toks[k].lower()+" "+d.toks[k+1].lower()]; ok {
				seg.orgName = p
				k++
				continue
			}
		}
		if p, ok := d.lx.parties[d.toks[k].lower()]; ok {
			seg.orgName = p
		}
	}
	// an organisation the article names only here: "chairman of
	// super-regulator Ofcom", "portal director at Tiscali"
	// (for an expert only "at" and "with": "professor of Law" names a field)
	if seg.role != "" && rest < b && (d.toks[rest].is("at", "with") || seg.class != "expert" && d.toks[rest].is("of", "for")) {
		if name, next := d.orgNamedAfter(rest, b); name != "" {
			seg.orgName, rest = name, next
		}
	}
	// "of Political Science", "of commerce for international trade": a
	// field, not an organisation, stays in the role (after an organisation,
	// "in Boston" is where it is)
	for seg.role != "" && seg.orgName == "" && rest < b && d.toks[rest].is("of", "in", "for") {
		k := rest + 1
		for k < b && d.toks[k].word && !d.inMention(k) && !d.toks[k].is("at", "with") {
			k++
		}
		if k == rest+1 || (k < b && d.inMention(k)) {
			break
		}
		if k < b && d.toks[k].is("and") {
			break
		}
		seg.role += " " + d.span(rest, k)
		rest = k
	}
	// "chief economist for the region at Societe Generale": the
	// organisation after the field
	if seg.role != "" && seg.orgName == "" && rest < b && d.toks[rest].is("at", "with") {
		if name, next := d.orgNamedAfter(rest, b); name != "" {
			seg.orgName, rest = name, next
		}
	}
	// the organisation or country: an organisation first
	for _, m := range d.mentionsIn(rest, b) {
		if m.kind == kindOrg {
			seg.org = m
			break
		}
	}
	if seg.org == nil {
		for _, m := range d.mentionsIn(rest, b) {
			if m.kind == kindCountry {
				seg.org = m
				break
			}
		}
	}
	if seg.role == "" && seg.org == nil && seg.orgName == "" {
		// "Malaysia Campus": a capitalised sub-unit
		if i < b && d.isCapWord(i) && d.lx.orgParts[d.toks[b-1].s] {
			seg.part = true
			return seg, true
		}
		return seg, false
	}
	if seg.role == "" && seg.org != nil && seg.org.tok0 != i && !d.toks[i].is("at", "of", "for", "in") {
		return seg, false
	}
	return seg, true
}

// tenureWords say when a title is held, not by whom: "New Home Secretary".
var tenureWords = map[string]bool{
	"new": true, "outgoing": true, "incoming": true, "caretaker": true, "current": true, "then": true,
	"future": true, "newly": true, "retiring": true, "departing": true, "embattled": true,
}

// nameElsewhere reports whether the capitalised word at token i (which
// starts a sentence) also stands capitalised inside a sentence, so it is a
// name and not just a capitalised first word.
func (d *doc) nameElsewhere(i int) bool {
	w := d.toks[i].s
	if d.isCommon(w) || functionWords[strings.ToLower(w)] {
		return false
	}
	for j, t := range d.toks {
		if j != i && t.s == w && !d.sentenceStart(j) {
			return true
		}
	}
	return false
}

// nounPhrase reports that tokens [a, b) hold no verb or clause word, so
// they can be the words of a role ("shadow work and pensions secretary",
// not "expressed the opinion that the leaders").
func (d *doc) nounPhrase(a, b int) bool {
	for k := a; k < b; k++ {
		t := d.toks[k]
		if d.titleWordAt(k) {
			continue
		}
		l := t.lower()
		if t.is("that", "who", "which") || finiteWords[l] || d.lx.speechVerbs[l] || strings.HasSuffix(l, "ed") && !strings.Contains(l, "-") {
			return false
		}
	}
	return true
}

// fullOrgName returns the full name of an organisation the article names
// elsewhere and here by its first words ("Cranfield" for "Cranfield
// University"), or name itself.
func (d *doc) fullOrgName(name string) string {
	for _, o := range d.orgs {
		if strings.HasPrefix(o.name, name+" ") {
			return o.name
		}
	}
	return name
}

// genericOrgNouns stand for any organisation the article has just named:
// "the company's founder".
var genericOrgNouns = map[string]bool{"company": true, "firm": true, "group": true, "organisation": true, "organization": true}

// orgAntecedent returns the organisation that "the NOUN" before token i
// refers to: the last one named in the three sentences before whose name
// has the noun ("the federation" after "European Steelmakers'
// Federation"), or, for a generic noun, the last one named that is not an
// audience ("told the BBC") or inside a quotation.
func (d *doc) orgAntecedent(noun string, i int) string {
	if name := d.namedOrgAntecedent(noun, i); name != "" {
		return name
	}
	si := d.sentOf[i]
	ms := d.mentionsIn(d.sents[max(si-3, 0)].tok0, i)
	if !genericOrgNouns[noun] {
		return ""
	}
	for k := len(ms) - 1; k >= 0; k-- {
		m := ms[k]
		if m.kind != kindOrg || d.inQuote[m.tok0] {
			continue
		}
		if p := m.tok0 - 1; p >= 0 && d.toks[p].is("the") {
			p--
			if p >= 0 && d.toks[p].is("told", "to") {
				continue
			}
		} else if p >= 0 && d.toks[p].is("told", "to") {
			continue
		}
		return d.orgs[m.ent].name
	}
	return ""
}

// namedOrgAntecedent returns the organisation named in the three
// sentences up to token i whose name holds noun ("the club" for "Kestwick
// Golf Club"), or "".
func (d *doc) namedOrgAntecedent(noun string, i int) string {
	si := d.sentOf[i]
	ms := d.mentionsIn(d.sents[max(si-3, 0)].tok0, i)
	for k := len(ms) - 1; k >= 0; k-- {
		if m := ms[k]; m.kind == kindOrg {
			for _, w := range strings.Fields(strings.ToLower(d.orgs[m.ent].name)) {
				if strings.Trim(w, "'\u2019") == noun {
					return d.orgs[m.ent].name
				}
			}
		}
	}
	return ""
}

// possessedTitle reports a title after the possessive of a capitalised
// word at token i that names no person or country the article knows, and
// is not an ordinary word: "Capgemini's principal consultant".
func (d *doc) possessedTitle(i, b int) bool {
	t := d.toks[i]
	if !t.cap || !t.word || d.cover[i] != nil || d.isCountryWord(i) || d.titleWordAt(i) || d.isCommon(t.s) ||
		d.personBySurname(t.s, i) >= 0 || d.lx.givenNames[t.s] {
		return false
	}
	// ("Barclays' chief economist": the possessive of a name in -s)
	if i+2 >= b || d.toks[i+1].s != "'s" && d.toks[i+1].s != "\u2019s" &&
		!((d.toks[i+1].s == "'" || d.toks[i+1].s == "\u2019") && strings.HasSuffix(t.s, "s")) {
		return false
	}
	h := d.lastHead(i+2, b)
	if h <= i+2 {
		return false
	}
	// only title words and a few lower-case words before the head
	for k := i + 2; k < h; k++ {
		w := d.toks[k]
		if !d.titleWordAt(k) && (!w.word || w.cap || finiteWords[w.lower()] || h-(i+2) > 4) {
			return false
		}
	}
	return true
}

// inMention reports whether token i is part of an organisation, country
// or person mention.
func (d *doc) inMention(i int) bool {
	return d.cover[i] != nil
}

// lastHead returns the token after the last title head in [a, b) that is
// followed only by "of/at/for ..." or nothing, or a when there is none.
func (d *doc) lastHead(a, b int) int {
	best := a
	for i := a; i < b; i++ {
		t := d.toks[i]
		if !t.word && t.s != "-" {
			break
		}
		if t.is("at", "of", "for", "with", "in") {
			break
		}
		l := strings.TrimSuffix(t.lower(), ".")
		if _, ok := d.lx.titleHeads[l]; ok {
			best = i + 1
		} else if _, ok := d.lx.titleHeads[singular(l)]; ok {
			best = i + 1
		}
		// a head of several words: "chief executive officer"
		words := l
		for k := i + 1; k < b && k < i+d.lx.maxHeadWords && d.toks[k].word; k++ {
			words += " " + d.toks[k].lower()
			if _, ok := d.lx.titleHeads[words]; ok && k+1 > best {
				best = k + 1
			}
		}
	}
	return best
}

// freeRole makes a role of the words [a, b) ending in a head when the
// title parser knows only the head: "world-wide Linux strategy manager".
func (d *doc) freeRole(a, b int) (string, string) {
	if b <= a {
		return "", ""
	}
	head := strings.TrimSuffix(d.toks[b-1].lower(), ".")
	class, ok := d.lx.titleHeads[head]
	if !ok {
		class, ok = d.lx.titleHeads[singular(head)]
	}
	if !ok {
		return "", ""
	}
	var words []string
	for i := a; i < b; i++ {
		if d.toks[i].word {
			words = append(words, titleWord(d.toks[i].s))
		}
	}
	return strings.Join(words, " "), class
}

// relativeSegment reads "who heads the X", "who is director of Y".
func (d *doc) relativeSegment(seg appositiveSegment, i, b int) (appositiveSegment, bool) {
	if i >= b {
		return seg, false
	}
	switch d.toks[i].lower() {
	case "heads", "headed", "leads", "led", "runs", "ran", "chairs", "chaired", "directs", "directed":
		seg.role = map[string]string{"heads": "Head", "headed": "Head", "leads": "Leader", "led": "Leader",
			"runs": "Head", "ran": "Head", "chairs": "Chair", "chaired": "Chair", "directs": "Director", "directed": "Director"}[d.toks[i].lower()]
		seg.class = "org"
		seg.former = seg.former || strings.HasSuffix(d.toks[i].lower(), "ed") || d.toks[i].is("led", "ran")
	case "is", "was", "serves", "served", "works", "worked":
		seg.former = seg.former || d.toks[i].is("was", "served", "worked")
		j := i + 1
		for j < b && d.toks[j].is("a", "an", "the", "as", "at", "for") {
			j++
		}
		k := j
		for k < b && d.titleWordAt(k) {
			k++
		}
		if k > j {
			seg.role, seg.class, seg.plural = d.roleWords(j, k)
		}
	default:
		return seg, false
	}
	for _, m := range d.mentionsIn(i, b) {
		if m.kind == kindOrg || m.kind == kindCountry {
			seg.org = m
			break
		}
	}
	// "who runs Herramientas Trevino, a tooling company": the name after
	// "runs" or "heads" is an organisation's even when the rules do not
	// know it
	if seg.org == nil && seg.class == "org" && i+1 < b && d.toks[i+1].cap && d.toks[i+1].word && d.cover[i+1] == nil {
		k := i + 1
		for k < b && d.toks[k].cap && d.toks[k].word && d.cover[k] == nil {
			k++
		}
		if k == b || !d.toks[k].word {
			seg.orgName = d.span(i+1, k)
		}
	}
	return seg, seg.role != "" || seg.org != nil
}

// acronymOrg reports an all-capitals word at token j that names an
// organisation ("UN Secretary General", not a portfolio like "Trade").
func (d *doc) acronymOrg(j int) bool {
	w := d.toks[j].s
	return strings.ToUpper(w) == w && strings.ToLower(w) != w && d.lx.isAcronymOrg(w)
}

// namesOrg reports whether the article names an organisation by the one
// word w elsewhere ("the UN said ...": "UN Secretary General" is the UN's,
// not a portfolio).
func (d *doc) namesOrg(w string) bool {
	for _, m := range d.mentions {
		if m.kind == kindOrg && m.tok1 == m.tok0+1 && d.toks[m.tok0].s == w {
			return true
		}
	}
	return false
}

// personAtStart reports whether a person's name starts at token k.
func (d *doc) personAtStart(k int) bool {
	for _, m := range d.mentionsIn(k, min(k+6, len(d.toks))) {
		if m.kind == kindPerson && m.tok0 == k {
			return true
		}
	}
	return false
}

// unknownName reports whether the capitalised word at token i is no word
// the article or the common vocabulary writes in lower case, no given name
// and no place word, so that it opening a sentence before a title names an
// organisation ("Microsoft marketing director Jane Doe said").
func (d *doc) unknownName(i int) bool {
	w := d.toks[i].s
	l := d.toks[i].lower()
	return !d.isCommon(w) && !d.lx.commonWords[l] && !d.lx.givenNames[w] && !d.placeStart(i) && !placeWords[w] &&
		!strings.Contains(w, "-") && !strings.HasSuffix(l, "ing") && !strings.HasSuffix(l, "ed")
}

// orgBefore returns the organisation named last between token s0 and
// token i, outside quotations, or "" when another name (a person, a
// country, a capitalised word the extractor did not take for anything:
// "against Vivendi, its chief executive") comes after it.
func (d *doc) orgBefore(i, s0 int) string {
	for k := i - 1; k >= s0; k-- {
		m := d.cover[k]
		if m != nil && m.kind == kindOrg && !d.inQuote[k] {
			return d.orgs[m.ent].name
		}
		if m != nil && !d.inQuote[k] || m == nil && k > s0 && d.toks[k].cap && d.toks[k].word {
			return ""
		}
		// (a one-word name opening the sentence, which is no mention there:
		// "Yukos has said ... its founder"; "its" is no person's)
		if k == s0 && m == nil && d.toks[k].cap && d.toks[k].word && !d.isCommon(d.toks[k].s) && !d.lx.commonWords[d.toks[k].lower()] &&
			(d.nameElsewhere(k) || d.capsElsewhere(k)) {
			return d.toks[k].s
		}
	}
	return ""
}

// clubWordAt reports whether token i is a capitalised word that joins the
// city after it into a club's name ("Real Madrid", "Dynamo Kiev"): no
// title, country, person or place word, and a name where it stands (not a
// sentence's first word unless the article writes it so elsewhere).
func (d *doc) clubWordAt(i int) bool {
	t := d.toks[i]
	return t.cap && t.word && d.cover[i] == nil && !d.titleWordAt(i) && !d.isCountryWord(i) && !placeWords[t.s] &&
		!functionWords[t.lower()] && !calendarWords[t.s] && !tenureWords[t.lower()] &&
		(!d.sentenceStart(i) || d.nameElsewhere(i))
}

// honorificAt reports whether token i is a form of address ("Mr", "Dr").
func (d *doc) honorificAt(i int) bool {
	_, ok := d.lx.honorifics[d.toks[i].lower()]
	return ok
}

// orgNamedAfter reads the organisation an appositive names after the
// preposition at token p and before b, when the extractor has no mention
// of it ("at Tiscali", "of super-regulator Ofcom", "of the Mozilla
// foundation"); it returns its name and where the segment's rest starts,
// or "".
func (d *doc) orgNamedAfter(p, b int) (string, int) {
	k := p + 1
	for k < b && k < p+6 && d.toks[k].word && !d.toks[k].cap {
		k++ // "the", "super-regulator", "civil liberties pressure group"
	}
	capsFrom := func(e int) int {
		for e < b && d.toks[e].cap && d.toks[e].word && d.cover[e] == nil {
			e++
		}
		return e
	}
	e := capsFrom(k)
	// "chairman of the Mozilla foundation": a name, then an
	// organisation's head word in lower case
	// (or one that ends the segment: "analyst at Jupiter research")
	if e > k && e < b && d.toks[e].word && !d.toks[e].cap && d.lx.orgHeads[titleWord(d.toks[e].s)] &&
		(k > p+1 && d.toks[k-1].is("the") || e+1 == b || !d.toks[e+1].word) &&
		!strings.Contains(d.toks[e-1].s, "-") { // not "the Frankfurt-based exchange"
		e++
	}
	// "with Purvin and Gertz", "at Stone & McCarthy Research": a name
	// that ends the segment may go on after "and" or "&"
	if e > k && e+1 < b && d.toks[e].is("and", "&") && d.toks[e+1].cap {
		f := capsFrom(e + 1)
		if m := d.cover[e+1]; m != nil && m.kind == kindOrg && m.tok0 == e+1 {
			f = m.tok1 // "& Baker Research", an organisation by its head word
		}
		if f > e+1 && (f == b || !d.toks[f].word || d.toks[f].is("in")) {
			e = f
		}
	}
	_, speech := d.speechVerbAt(e)
	if e == k || e-k > 5 || e < b && d.toks[e].word && !d.toks[e].is("in", "and") && !speech || d.isCountryWord(k) {
		return "", p
	}
	// "at Troika Dialog in Moscow" (where it is), "an analyst at Nomura
	// told the BBC" (the clause goes on): nothing more of the organisation
	if e < b && (d.toks[e].is("in") || speech) {
		return d.fullOrgName(d.span(k, e)), b
	}
	return d.fullOrgName(d.span(k, e)), e
}

// headStartsWith reports whether a title head is, or starts with, the
// words w ("lord chancellor").
func (d *doc) headStartsWith(w string) bool {
	if _, ok := d.lx.titleHeads[w]; ok {
		return true
	}
	return d.lx.headFirstWords[w]
}

// capFunctionWordIn reports a capitalised function word ("And", "Of") in
// tokens [a, b): the words are a work's title, not a post's.
func (d *doc) capFunctionWordIn(a, b int) bool {
	for i := a; i < b; i++ {
		if d.toks[i].cap && functionWords[d.toks[i].low] {
			return true
		}
	}
	return false
}

// personEndsSegment reports a person's name that ends the segment [a, b)
// right after a title: "NME editor Conor McNicholas" (not "head of the
// Office of Management and Budget under President Clinton").
func (d *doc) personEndsSegment(a, b int) bool {
	for _, m := range d.mentionsEndingAt(b) {
		if m.kind != kindPerson || m.tok0 <= a || !d.titleWordAt(m.tok0-1) {
			continue
		}
		for k := a; k < m.tok0; k++ {
			if !d.toks[k].word || functionWords[d.toks[k].low] || prepositions[d.toks[k].low] {
				return false
			}
		}
		return true
	}
	return false
}
