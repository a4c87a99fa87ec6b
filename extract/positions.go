package extract

import (
	"strings"
)

// position is a stance found in the text, before it becomes a fact.
type position struct {
	countries []string
	stance    string
	issue     string
	a, b      int // issue tokens
	sent      int
	speaker   int
	rule      string
}

// words that may stand between a stance holder and the stance cue.
var holderGap = map[string]bool{
	"also": true, "therefore": true, "still": true, "only": true, "strongly": true, "firmly": true, "has": true,
	"have": true, "had": true, "will": true, "would": true, "can": true, "could": true, "did": true, "does": true,
	"do": true, "not": true, "never": true, "already": true, "now": true, "reportedly": true, "repeatedly": true,
	"again": true, "is": true, "was": true, "are": true, "were": true, "been": true, "be": true, "must": true,
	"should": true, "may": true, "might": true, "so": true, "thus": true, "then": true, "further": true,
	"publicly": true, "openly": true, "officially": true, "formally": true, "quickly": true, "immediately": true,
	"long": true, "consistently": true, "always": true, "almost": true, "even": true, "just": true, "recently": true,
	"n't": true, "no": true, "longer": true, "yet": true, "itself": true, "jointly": true, "both": true,
	"however": true,
}

// commentVerbs after "declined to", "refused to" say that someone would
// not speak, not what they stand for.
var commentVerbs = map[string]bool{
	"comment": true, "say": true, "confirm": true, "elaborate": true, "speculate": true, "disclose": true,
	"reveal": true, "specify": true,
}

var negations = map[string]bool{"not": true, "n't": true, "never": true, "no": true}

// government nouns make a country's name its government: "the Japanese
// side", "Russian officials", "the US administration".
var governmentNouns = map[string]bool{
	"side": true, "government": true, "governments": true, "authorities": true, "administration": true,
	"leadership": true, "officials": true, "delegation": true, "diplomats": true, "negotiators": true,
	"leaders": true, "leader": true, "cabinet": true, "ministry": true, "military": true, "regime": true,
	"state": true, "parliament": true, "president": true, "prime": false,
}

// holderNouns stand for the two parties of the article: "both sides".
var partyNouns = map[string]bool{"sides": true, "parties": true, "countries": true, "nations": true, "governments": true}

// findPositions finds what countries support and oppose: a stance holder
// (a country, its government, its capital, "both sides", a minister of it)
// followed by a stance cue from the lexicon, and the issue after the cue.
func (d *doc) findPositions() []position {
	var out []position
	var prevHolder []string
	for si, s := range d.sents {
		var sentMatches []position
		claimedUntil := -1
		for i := s.tok0; i < s.tok1; i++ {
			if i < claimedUntil {
				continue
			}
			cues := d.cuesAt(i)
			for k := range cues.len() {
				cue := cues.at(k)
				x0, x1, after, ok := d.matchCue(i, s.tok1, cue.words)
				if !ok {
					continue
				}
				if d.conditionalBefore(i, s.tok0) {
					continue // "If we reject this treaty, ...": no stance taken
				}
				holder, speaker, negated, rule := d.stanceHolder(i, si, cue.noun, sentMatches, prevHolder)
				if len(holder) == 0 {
					continue
				}
				if (cue.words[0] == "is" || cue.words[0] == "are") && len(cue.words) > 1 && cue.words[1] == "to" {
					// "Iraq is to invite bids": a plan announced of a country
					// named; not "They were to place suspects under
					// surveillance", a supposition about "they"
					if strings.HasPrefix(rule, "pronoun") || d.toks[i].is("was", "were") {
						continue
					}
				}
				stance := cue.stance
				if negated {
					if stance == Supports {
						stance = Opposes
					} else {
						continue // "did not oppose" says too little
					}
				}
				prevHolder = holder
				if cue.noun && (d.possessiveBefore(i) || rule == "country-led") {
					// the cue is the subject of the clause: "Japan's refusal
					// to lift the ban angered ...": the issue ends at its verb
					x1 = d.mainVerbAfter(x0, x1)
				}
				if v := x0; cue.verbal && v < s.tok1 && (d.toks[v].is("be", "blame", "have", "get", "you", "me", "us", "them", "him", "her", "i", "we") || prepositions[d.toks[v].lower()]) {
					continue // "is to be handed over", "is to blame", "is to you": no plan of the holder's
				}
				if !cue.verbal && x0+1 < s.tok1 && d.toks[x0].is("to") && (d.toks[x0+1].is("you", "me", "us", "them", "him", "her", "i", "we", "the", "a", "an", "be") || prepositions[d.toks[x0+1].lower()]) {
					continue // "wants to you and me": no verb phrase after "to"
				}
				if i > s.tok0 && d.toks[i-1].is("been", "being", "was", "were", "is", "are", "be") &&
					(x0 < s.tok1 && d.toks[x0].is("by") || strings.HasSuffix(cue.words[0], "ed")) {
					continue // "has been blocked by parliament from ...", "France have been criticised for ...": the subject is no holder
				}
				if cue.words[0] == "defended" || cue.words[0] == "defends" || cue.words[0] == "defending" {
					// (a determiner, a name or a plural: "the move", "plans to
					// end the embargo", not "Italy defended man on man": a
					// game's defending)
					if x0 >= s.tok1 || !d.determinedAt(x0) && !d.pluralAt(x0) && !(x0+1 < s.tok1 && d.pluralAt(x0+1)) {
						continue
					}
				}
				if d.notSpeaking(x0, s.tok1, cue.verbal) {
					continue // "declined to comment", "refused to say": no stance on an issue
				}
				if x0+1 < s.tok1 && reportNouns[d.toks[x0].lower()] && d.toks[x0+1].is("that", "of") {
					continue // "rejected claims that ...": a denial, said of a statement
				}
				issues, ia, ib := d.issue(x0, x1, out, sentMatches)
				if cue.verbal {
					for k, is := range issues {
						issues[k] = gerundPhrase(is)
					}
				}
				// "urged Mongolia not to deepen its dependence": against it
				if cue.words[0] == "urged" || cue.words[0] == "urges" || cue.words[0] == "urging" {
					for k, is := range issues {
						if strings.Contains(is, " not to ") {
							issues[k] = strings.Replace(is, " not to ", " to ", 1)
							stance = Opposes
						}
					}
				}
				for _, is := range issues {
					p := position{countries: holder, stance: stance, issue: is, a: ia, b: ib, sent: si, speaker: speaker,
						rule: "stance:" + strings.Join(cue.words, " ") + ":" + rule}
					sentMatches = append(sentMatches, p)
				}
				if len(issues) == 0 {
					// the holder still counts for a following "it"
					sentMatches = append(sentMatches, position{countries: holder, a: ia, b: ib, sent: si})
				}
				claimedUntil = max(after, ib)
				break
			}
		}
		for _, p := range sentMatches {
			if p.issue != "" {
				out = append(out, p)
			}
		}
	}
	return out
}

// matchCue matches a stance pattern at token i; it returns the issue's
// token range (to be trimmed) and the token after the whole match.
func (d *doc) matchCue(i, end int, words []string) (x0, x1, after int, ok bool) {
	j := i
	x0, x1 = -1, -1
	for k := 0; k < len(words); k++ {
		w := words[k]
		switch w {
		case "*":
			// one to three words, then the next literal
			if k+1 >= len(words) {
				return 0, 0, 0, false
			}
			nextLit := words[k+1]
			found := false
			for g := 1; g <= 3 && j+g < end; g++ {
				if !d.toks[j+g-1].word {
					break
				}
				if d.toks[j+g].lower() == nextLit {
					j += g
					found = true
					break
				}
			}
			if !found {
				return 0, 0, 0, false
			}
		case "{X}":
			x0 = j
			if k+1 < len(words) {
				// the issue runs to the next literal words: "regards {X} as vital"
				rest := words[k+1:]
				found := false
				for e := j + 1; e < end && e < j+16; e++ {
					if d.matchWords(e, rest) {
						x1 = e
						j = e + len(rest)
						found = true
						break
					}
				}
				if !found {
					return 0, 0, 0, false
				}
				return x0, x1, j, true
			}
			x1 = end
			return x0, x1, x0, x0 < end
		default:
			if j >= end || d.toks[j].lower() != w && !(beForm(w) && beForm(d.toks[j].lower())) {
				return 0, 0, 0, false
			}
			j++
		}
	}
	return x0, x1, j, x0 >= 0
}

// stanceHolder finds who takes the stance whose cue starts at token i: a
// country (or its capital, seat or government), a list of countries, both
// sides of the article, a holder of an office of state, "it" for the
// holder just named, "we" in the words of an office-holder. A parenthesis
// between holder and verb (", backed by the Netherlands,", ", which ...,")
// and words of time ("on Tuesday") are skipped.
func (d *doc) stanceHolder(i, si int, noun bool, sentMatches []position, prevHolder []string) ([]string, int, bool, string) {
	s := d.sents[si]
	h, negated, ok := d.skipHolderGap(i, s.tok0)
	if !ok {
		return nil, -1, false, ""
	}
	prev := d.toks[h-1]
	possessive := false
	if noun {
		// "a French-led push to cut quotas": the country that leads it
		if l := prev.lower(); strings.HasSuffix(l, "-led") {
			if c, ok := d.lx.Country(strings.TrimSuffix(prev.s, "-led")); ok {
				return []string{c}, -1, negated, "country-led"
			}
		}
		// a possessive before a noun cue: "Japan's refusal to", "its support for"
		if (prev.s == "'s" || prev.s == "\u2019s") && h-1 > s.tok0 {
			h--
			prev = d.toks[h-1]
		}
		possessive = prev.is("its", "their")
	} else if prev.is("its", "their") {
		return nil, -1, false, "" // "their bans": a noun, not the verb of a cue
	}
	// a second verb of the same holder: "... and criticized ..."
	if prev.is("and", "but") && len(sentMatches) > 0 {
		return sentMatches[len(sentMatches)-1].countries, -1, negated, "coordinated"
	}
	// "it", "they" ("its", "their" before a noun cue): the holder named just before
	if prev.is("it", "they", "its", "their") {
		// "its" is one country, "their" several ("their decision to
		// marry" after a minister's name is not his country's)
		agrees := func(c []string) bool {
			return !possessive || (prev.is("its") == (len(c) == 1))
		}
		if len(sentMatches) > 0 {
			if c := sentMatches[len(sentMatches)-1].countries; agrees(c) {
				return c, -1, negated, "pronoun"
			}
			return nil, -1, false, ""
		}
		if len(prevHolder) > 0 && h-1 == s.tok0 {
			return prevHolder, -1, negated, "pronoun"
		}
		// "Ukraine ... has said it wants ...": the country the sentence
		// starts with; before a noun ("its backing for"), only a country
		// that is the subject ("Poland is ..., so its backing", not "UK
		// airport operator BAA has reiterated its support")
		// ("US oil giant Exxon said it ...": the country only modifies the subject)
		if ms := d.mentionsIn(s.tok0, s.tok0+2); len(ms) > 0 && ms[0].kind == kindCountry && ms[0].tok0 <= s.tok0+1 &&
			(!possessive || d.verbAt(ms[0].tok1) && prev.is("its")) && !d.modifiesNoun(ms[0].tok1) {
			return []string{ms[0].country}, -1, negated, "pronoun-subject"
		}
		return nil, -1, false, ""
	}
	// "he", "she" for an office-holder just named: "He objected to
	// subsidies on agriculture" after India's finance minister
	if prev.is("he", "she") && !d.inQuote[h-1] {
		if p := d.lastSubjectAs(h-1, pronounGender(prev.s)); p >= 0 {
			if c := d.officeCountry(p, true); c != "" {
				return []string{c}, p, negated, "office-holder-pronoun"
			}
		}
		return nil, -1, false, ""
	}
	// "we" in the words of a minister: the minister's country
	if prev.is("we") && d.inQuote[h-1] {
		if p := d.quoteSpeaker(h - 1); p >= 0 {
			if c := d.officeCountry(p, false); c != "" {
				return []string{c}, p, negated, "we-office-holder"
			}
		}
		return nil, -1, false, ""
	}
	// "both sides", "the two sides", "the parties"
	if partyNouns[prev.lower()] && h-2 >= s.tok0 && d.toks[h-2].is("both", "two", "the", "sides") {
		if top := d.topCountries(); top != nil {
			return top, -1, negated, "both-sides"
		}
		return nil, -1, false, ""
	}
	// a parenthesis before the verb: "Sweden, backed by the Netherlands, opposes"
	var also []string
	if prev.s == "," {
		open := -1
		for k := h - 2; k > s.tok0 && k > h-18; k-- {
			if d.toks[k].s == "," {
				open = k
				break
			}
		}
		if open < 0 {
			return nil, -1, false, ""
		}
		if d.toks[open+1].is("backed", "supported", "joined") {
			for _, m := range d.mentionsIn(open+1, h-1) {
				if m.kind == kindCountry {
					also = append(also, m.country)
				}
			}
		}
		h = open
	}
	countries, speaker, rule := d.holderEndingAt(h, s.tok0, noun && d.possessiveBefore(i))
	if len(countries) == 0 {
		return nil, -1, false, ""
	}
	for _, c := range also {
		if !contains(countries, c) {
			countries = append(countries, c)
		}
	}
	return countries, speaker, negated, rule
}

// skipHolderGap walks back from the cue at token i over auxiliaries,
// adverbs and words of time ("has also", "was prepared to", "on Tuesday")
// to the end of the holder; it also says whether a negation was passed.
func (d *doc) skipHolderGap(i, s0 int) (h int, negated, ok bool) {
	h = i
	for steps := 0; h > s0 && steps < 8; steps++ {
		t := d.toks[h-1]
		switch {
		case t.quote != notQuote:
			h--
		case t.is("should", "must", "ought"):
			return h, negated, false // what someone thinks a country should do is not its stance
		case holderGap[t.lower()]:
			if negations[t.lower()] {
				negated = true
			}
			h--
		case t.is("to") && h-2 >= s0 && willWords[d.toks[h-2].lower()]:
			h -= 2 // "prepared to", "wants to"
		case h-2 >= s0 && d.toks[h-2].is("on", "last", "this", "earlier", "late") && (calendarWords[t.s] || t.is("week", "month", "year", "weekend", "day", "night", "morning", "evening")):
			h -= 2 // "on Tuesday", "last week"
		case t.is("yesterday", "today", "recently", "now", "again", "repeatedly", "previously"):
			h--
		case t.is("far") && h-2 >= s0 && d.toks[h-2].is("so"):
			h -= 2 // "has so far resisted"
		case h-3 >= s0 && t.is("months", "years", "weeks", "decades", "days") && d.toks[h-2].word && d.toks[h-3].is("for"):
			h -= 3 // "for several months"
		case h-2 >= s0 && t.is("months", "years", "weeks", "decades", "days") && d.toks[h-2].is("for"):
			h -= 2
		default:
			return h, negated, h > s0
		}
	}
	return h, negated, false
}

// willWords come before "to" between a holder and its verb: "prepared to
// veto", "threatened to block".
var willWords = map[string]bool{
	"prepared": true, "ready": true, "willing": true, "going": true, "set": true, "determined": true,
	"threatened": true, "threatens": true, "vowed": true, "vows": true, "pledged": true, "promised": true,
	"expected": true, "likely": true, "moved": true, "moving": true, "decided": true, "decides": true,
	"agreed": true, "tried": true, "trying": true, "seeks": true, "sought": true, "continues": true, "continuing": true,
	"continued": true, "appears": true, "seems": true, "has": true, "have": true, "had": true, "is": true,
}

// holderEndingAt finds the stance holder that ends right before token h:
// a country (or a list of them), a country's government or office ("the
// Japanese side", "Mexico's economy minister", "the Chinese Foreign
// Ministry"), or a person who holds an office of state. With possessor,
// the holder is the possessor of a noun cue, which may follow a
// preposition ("reacted to Russia's decision to").
func (d *doc) holderEndingAt(h, s0 int, possessor bool) ([]string, int, string) {
	if h <= s0 {
		return nil, -1, ""
	}
	prev := d.toks[h-1]
	end := h
	rule := "country"
	// a government noun or an office after a country
	if governmentNouns[prev.lower()] || d.isHeadAt(h-1) || d.lx.orgHeads[titleWord(prev.lower())] && prev.is("ministry", "embassy", "government", "office", "department") {
		end = h - 1
		for end > s0 && (d.titleWordAt(end-1) || d.lx.titleDomains[d.toks[end-1].lower()]) && !d.isCountryWord(end-1) {
			end--
		}
		if end > s0 && (d.toks[end-1].s == "'s" || d.toks[end-1].s == "\u2019s") {
			end--
		}
		rule = "country-government"
	}
	for _, m := range d.mentionsEndingAt(end) {
		switch m.kind {
		case kindCountry:
			if end == h && !possessor && d.countryIsObject(m) {
				return nil, -1, "" // but "reacted to Russia's decision to ...": Russia decided
			}
			return d.countryList(m, s0), -1, rule
		case kindPerson:
			// (not a person after a preposition: "The priority for Finance
			// Minister X is to fight poverty"; but "with Deputy Foreign
			// Minister X insisting that ...")
			if st := min(m.tok0, m.title.start); st > s0 && (d.toks[st-1].is("for", "of", "about", "on", "to", "from", "against") ||
				!d.toks[st-1].cap && d.verbAt(st-1) && !d.lx.speechVerbs[d.toks[st-1].low]) {
				return nil, -1, "" // (nor the object of a verb: "The five unions which met Mr Prescott want ...")
			}
			if c := d.officeCountry(m.ent, false); c != "" && end == h {
				countries := []string{c}
				// "German Chancellor A and French President B called for"
				for prev := d.prevPersonInList(m); prev != nil; prev = d.prevPersonInList(prev) {
					if pc := d.officeCountry(prev.ent, false); pc != "" && !contains(countries, pc) {
						countries = append([]string{pc}, countries...)
					}
				}
				return countries, m.ent, "office-holder"
			}
		}
	}
	if c, _, _ := d.countryEndingAt(end, s0); c != "" && end < h {
		return []string{c}, -1, rule
	}
	// "The government refuses ...": the government of the country the
	// article is about, if one stands out
	if end == h-1 && prev.is("government", "cabinet", "administration") && end > s0 && d.toks[end-1].is("the") {
		if c := d.governmentCountry(); c != "" {
			return []string{c}, -1, "the-government"
		}
	}
	// "The prime minister has defended ...", "the home secretary insists":
	// the unnamed head of government or minister of that country
	if end < h && rule == "country-government" && end > s0 && d.toks[end-1].is("the") && !d.reportedBefore(s0, end) {
		if role := d.span(end, h); (headOfGovernment(role) || cabinetOffice(role)) && !strings.Contains(strings.ToLower(role), "shadow") {
			// (not the country the article is about: "the prime minister"
			// of a British story about the US is Britain's)
			c := d.officeOfRole(role)
			if c == "" {
				c = d.officesCountry()
			}
			if c != "" {
				return []string{c}, -1, "the-office"
			}
		}
	}
	return nil, -1, ""
}

// countryList extends a country mention to the list it ends: "The UK,
// France, Germany and Sweden want ...".
func (d *doc) countryList(m *mention, s0 int) []string {
	out := []string{m.country}
	cur := m
	for {
		start := cur.tok0
		if start-1 >= s0 && d.toks[start-1].is("the") {
			start-- // "the Netherlands"
		}
		if !(start-2 >= s0 && d.toks[start-1].is(",", "and")) {
			break
		}
		var prev *mention
		j := start - 1
		if d.toks[j].is("and") && j-1 >= s0 && d.toks[j-1].s == "," {
			j-- // Oxford comma
		}
		for _, o := range d.mentionsEndingAt(j) {
			if o.kind == kindCountry {
				prev = o
			}
		}
		if prev == nil && d.toks[j-1].is("the") {
			// "the Netherlands" is matched without its article
		}
		if prev == nil {
			break
		}
		out = append([]string{prev.country}, out...)
		cur = prev
	}
	return out
}

// quoteSpeaker returns the speaker of the direct claim quoting token i, or
// -1.
func (d *doc) quoteSpeaker(i int) int {
	for _, c := range d.direct {
		if i >= c.a && i < c.b {
			return c.person
		}
	}
	return -1
}

// countryIsObject reports a country name that is the object of a
// preposition ("relations with Russia supports" is not Russia's stance).
func (d *doc) countryIsObject(m *mention) bool {
	if m.tok0 == 0 {
		return false
	}
	p := d.toks[m.tok0-1]
	if p.is("the") && m.tok0 >= 2 {
		p = d.toks[m.tok0-2]
	}
	return p.is("with", "to", "of", "against", "on", "for", "from", "by", "in", "at", "over", "between", "toward", "towards",
		"across", "throughout", "around", "within", "into")
}

// reportedBefore reports whether a speech or belief verb stands between
// token s0 and token at ("Mr Blair said he believed the president was
// keen to ..."): what follows is someone's report, not the narrative.
func (d *doc) reportedBefore(s0, at int) bool {
	for k := s0; k < at; k++ {
		if _, ok := d.speechVerbAt(k); ok || d.toks[k].is("believed", "believes", "thinks", "thought") {
			return true
		}
	}
	return false
}

// governmentCountry returns the country whose government "the
// government" of the article is: the country it names far more than any
// other, or else the one country of every office of state it gives
// someone by name ("Home Secretary Jane Doe" in a story that names
// Britain once), or "".
func (d *doc) governmentCountry() string {
	if c := d.dominantCountry(); c != "" {
		return c
	}
	return d.officesCountry()
}

// officesCountry returns the one country of every office of state the
// article gives someone by name, or "".
func (d *doc) officesCountry() string {
	return d.oneOfficeCountry(func(a affil) bool { return !a.weak && !d.lx.unions[a.org] })
}

// officeOfRole returns the country whose office role ("prime minister")
// the article gives to someone by name, when all who hold it in the
// article hold it in one country, or "".
func (d *doc) officeOfRole(role string) string {
	role = strings.ToLower(role)
	return d.oneOfficeCountry(func(a affil) bool { return strings.ToLower(a.role) == role })
}

// oneOfficeCountry returns the country of the current offices of state
// that keep accepts, when they are all of one country, or "".
func (d *doc) oneOfficeCountry(keep func(affil) bool) string {
	c := ""
	for _, a := range d.affs {
		if !a.country || a.class != "gov" || !a.current || !keep(a) {
			continue
		}
		if c != "" && c != a.org {
			return ""
		}
		c = a.org
	}
	return c
}

// officeCountry returns the country a person holds an office of state in;
// with stated, only an office the article states (a title or appositive
// that names the country), not one inferred from the paragraph.
func (d *doc) officeCountry(p int, stated bool) string {
	for _, a := range d.affs {
		if a.person == p && a.country && a.class == "gov" && a.current && (!stated || !a.weak) {
			return a.org
		}
	}
	return ""
}

// asideEnd returns the token after a short bracketed aside that opens at
// token i inside a phrase going on after it in lower case ("a £5.5bn
// ($10bn) plan"), or i.
func (d *doc) asideEnd(i, b int) int {
	if d.toks[i].s != "(" {
		return i
	}
	for c := i + 1; c < b && c < i+6; c++ {
		if d.toks[c].s == ")" {
			if c+1 < b && d.toks[c+1].word && !d.toks[c+1].cap {
				return c + 1
			}
			return i
		}
	}
	return i
}

// dropAsides removes bracketed asides from an issue's text.
func dropAsides(s string) string {
	for {
		o := strings.Index(s, " (")
		if o < 0 {
			return s
		}
		c := strings.Index(s[o:], ")")
		if c < 0 {
			return s
		}
		s = s[:o] + s[o+c+1:]
	}
}

// issue trims the issue tokens [a, b) to the object phrase: up to a clause
// boundary, without trailing time expressions; "both A and B" gives two
// issues; "this" and "it" take the previous issue.
func (d *doc) issue(a, b int, before, sameSentence []position) ([]string, int, int) {
	for a < b && d.toks[a].quote != notQuote && !d.toks[a].word {
		a++ // the closing mark of a quoted cue: Beijing "firmly opposes" the decision
	}
	if l := d.toks[min(a+1, b-1)].lower(); a+2 < b && d.toks[a].is("and", "or") && !d.toks[a+1].cap && len(l) > 4 && strings.HasSuffix(l, "ed") {
		a += 2 // "condemned and prohibited torture": the object of both verbs
	}
	end := a
	for end < b && end < a+24 {
		t := d.toks[end]
		if c := d.asideEnd(end, b); c > end {
			end = c // "a £5.5bn ($10bn) plan": an aside inside the phrase
			continue
		}
		if t.s == ";" || t.s == ":" || t.s == ")" || t.s == "(" || t.quote == closeDouble || t.s == "." || t.s == "?" {
			break
		}
		if t.is("since", "because", "while", "whereas", "although", "though", "unless", "which", "who", "whereby") {
			break
		}
		if t.is("rather") && end+1 < b && d.toks[end+1].is("than") {
			break
		}
		if t.s == "," && end+1 < b && d.toks[end+1].is("which", "who", "but", "while", "as", "rather", "and", "despite", "although", "though", "since", "because", "saying", "adding", "according", "with", "it", "he", "she", "they", "we", "instead") {
			break
		}
		if t.is("and") && end+1 < b && d.startsCue(end+1) {
			break
		}
		if t.s == "," && end+1 < b && end > a && d.participleAt(end+1) {
			break // "welcomed the move, describing it as ...": a participle clause
		}
		if end > a+1 && t.is("saying", "arguing", "insisting", "adding", "claiming", "warning") {
			break // "rejected that idea saying intercept evidence is ...": a report follows
		}
		if (t.s == "," || t.s == "-" || t.s == "\u2013" || t.s == "\u2014") && end+1 < b && d.speechParticiple(end+1) {
			break // "..., arguing that ...", "... - saying such papers ..."
		}
		if (t.is("and") || t.s == ",") && d.reportFollows(end+1, b) {
			break // "... and said it would ...", "..., diplomats said."
		}
		if t.is("but") && end > a {
			break
		}
		if t.is("after", "amid", "despite", "when") && end > a+1 {
			break // "release the four after intensive discussions"
		}
		if t.is("and") && end+1 < b && end > a && d.pastTenseAt(end+1) {
			break // "opposes the decision and accused the UK of ..."
		}
		end++
	}
	// trailing time expressions and punctuation
	for end > a {
		t := d.toks[end-1]
		if !t.word || t.is("and", "or", "but", "to", "the", "a") {
			end--
			continue
		}
		if end-2 >= a && d.toks[end-2].is("in", "on", "by", "since", "until", "this", "last", "next", "from") && (isYear(t.s) || calendarWords[t.s] || t.is("year", "week", "month", "time", "morning", "evening", "weekend")) {
			end -= 2
			continue
		}
		if end-4 >= a && t.is("time") && d.toks[end-4].is("for") && d.toks[end-3].is("the") {
			end -= 4 // "for the 21st time"
			continue
		}
		break
	}
	if end <= a {
		return nil, a, a
	}
	text := dropAsides(d.cleanSpan(a, end))
	if passive, ok := d.passiveInfinitive(a, end); ok {
		text = passive
	}
	words := strings.Fields(strings.ToLower(text))
	// anaphora
	lastWord := words[len(words)-1]
	if len(words) <= 3 && (lastWord == "this" || lastWord == "that" || lastWord == "it" || lastWord == "these" || lastWord == "those" || lastWord == "so") {
		var ante string
		if len(sameSentence) > 0 && sameSentence[len(sameSentence)-1].issue != "" {
			ante = sameSentence[len(sameSentence)-1].issue
		} else if n := len(before); n > 0 && d.sents[before[n-1].sent].para >= d.sents[d.sentOf[a]].para-1 {
			ante = before[n-1].issue
		}
		if ante == "" {
			return nil, a, end
		}
		prefix := strings.TrimSpace(text[:len(text)-len(lastWord)])
		return []string{strings.TrimSpace(prefix + " " + ante)}, a, end
	}
	if words[0] == "such" || (len(words) == 1 && (words[0] == "it" || words[0] == "them" || words[0] == "this")) {
		return nil, a, end
	}
	switch words[0] {
	case "it", "them", "him", "her", "he", "she", "they", "we", "i", "no":
		return nil, a, end // "fighting it in its immediate context": what "it" is, is not said here
	}
	// "Iran's bid ... after the US blocked its application": "its" is the
	// possessor the sentence named before
	if (words[0] == "its" || words[0] == "their") && len(words) <= 4 {
		if owner := d.possessorBefore(a); owner != "" {
			return []string{owner + " " + d.cleanSpan(a+1, end)}, a, end
		}
	}
	// "declined the offer" after "accepted the Paris Club offer": a short
	// definite noun phrase is the fuller one the article named just before
	if (words[0] == "the" || words[0] == "this") && len(words) <= 3 && end-a == len(words) {
		if ante := d.fullerNounPhrase(a, end); ante != "" {
			return []string{ante}, a, end
		}
	}
	// "wanted to introduce a law": an infinitive reads as a gerund
	if words[0] == "to" && len(words) > 1 && bareVerbLike(words[1]) {
		text = gerundPhrase(strings.TrimSpace(text[len("to"):]))
	}
	// "both A and B"
	if words[0] == "both" {
		for k := a + 1; k < end; k++ {
			if d.toks[k].is("and") {
				return []string{d.cleanSpan(a+1, k), d.cleanSpan(k+1, end)}, a, end
			}
		}
	}
	return []string{text}, a, end
}

// possessorBefore returns the last country or organisation named in a
// possessive ("Iran's") in the sentence before token i, as written, or "".
func (d *doc) possessorBefore(i int) string {
	s0 := d.sents[d.sentOf[i]].tok0
	for k := i - 1; k > s0; k-- {
		if d.toks[k].s != "'s" && d.toks[k].s != "\u2019s" {
			continue
		}
		for _, m := range d.mentionsEndingAt(k) {
			if m.kind == kindCountry || m.kind == kindOrg {
				return d.span(m.tok0, k+1)
			}
		}
	}
	return ""
}

// notSpeaking reports a verb of speaking at the start of a cue's issue at
// token x ("declined to comment", "refused to say"); verbal cues have
// consumed the "to".
func (d *doc) notSpeaking(x, end int, verbal bool) bool {
	if x < end && !verbal && d.toks[x].is("to") {
		x++
	} else if !verbal {
		return false
	}
	return x < end && commentVerbs[d.toks[x].lower()]
}

// determinedAt reports a noun phrase with a determiner, a possessive or a
// name at token i ("the decision", "his plan", "Japan's bid", "EU
// rules").
func (d *doc) determinedAt(i int) bool {
	t := d.toks[i]
	return t.cap || t.quote != notQuote || t.is("the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her", "our", "my", "your") ||
		i+1 < len(d.toks) && (d.toks[i+1].s == "'s" || d.toks[i+1].s == "\u2019s")
}

// pluralAt reports a word in -s that is no preposition at token i
// ("plans", "government plans").
func (d *doc) pluralAt(i int) bool {
	t := d.toks[i]
	return t.word && strings.HasSuffix(t.low, "s") && !prepositions[t.low] && !functionWords[t.low]
}

// reportNouns name what was said: rejecting or welcoming one ("rejected
// claims that the plan had failed") is an answer to a statement, not a
// stance on a policy.
var reportNouns = map[string]bool{
	"claims": true, "claim": true, "suggestions": true, "suggestion": true, "reports": true, "report": true,
	"allegations": true, "allegation": true, "accusations": true, "accusation": true, "speculation": true,
	"rumours": true, "rumors": true, "charges": true, "criticism": true, "comments": true, "remarks": true,
}

// fullerNounPhrase finds, for the definite noun phrase at tokens [a, b)
// ("the offer"), the last noun phrase with the same head word in the three
// sentences before it that says more ("the Paris Club offer"), and returns
// it with "the"; "" if there is none. The head must be a noun there: a
// determiner, a possessive or a modifier stands before it.
func (d *doc) fullerNounPhrase(a, b int) string {
	head := d.toks[b-1]
	if !head.word || head.cap || functionWords[head.lower()] {
		return ""
	}
	si := d.sentOf[a]
	s0 := d.sents[max(si-3, 0)].tok0
	own := map[string]bool{}
	for k := a + 1; k < b; k++ {
		own[d.toks[k].lower()] = true
	}
	for k := d.sents[si].tok0 - 1; k > s0; k-- {
		if d.toks[k].lower() != head.lower() || d.sentOf[k] == si {
			continue
		}
		// "offers" next to "offer" would do too, but the same word is safer
		st := k
		for st-1 >= s0 && st > k-5 {
			t := d.toks[st-1]
			if t.s == "'s" || t.s == "\u2019s" || t.word && (t.cap || !functionWords[t.lower()] && !finiteWords[t.lower()] && !d.verbAt(st-1)) && !t.is("the", "a", "an") {
				st--
				continue
			}
			break
		}
		if st == k || st-1 < s0 || !d.toks[st-1].is("the", "a", "an", "its", "their") && !d.toks[st].cap {
			continue // no modifier, or the word is a verb ("to offer")
		}
		more := 0
		for j := st; j < k; j++ {
			if d.toks[j].word && !own[d.toks[j].lower()] {
				more++
			}
		}
		if more == 0 {
			continue
		}
		if d.sentOf[st] != d.sentOf[k] || d.inQuote[st] != d.inQuote[k] {
			continue
		}
		if d.toks[st-1].is("the", "a", "an") {
			return "the " + d.cleanSpan(st, k+1)
		}
		return d.cleanSpan(st, k+1) // "Iran's application"
	}
	return ""
}

// verbAt reports a finite verb at token i: an auxiliary, a speech verb, a
// past tense.
func (d *doc) verbAt(i int) bool {
	if i >= len(d.toks) {
		return false
	}
	l := d.toks[i].lower()
	if l == "'s" || l == "\u2019s" {
		return false // "Australia's Prime Minister": a possessive
	}
	return finiteWords[l] || d.lx.speechVerbs[l] || strings.HasSuffix(l, "ed")
}

// pastTenseAt reports a verb in the past tense at token i with its object
// after it, as a new clause's verb: "accused the UK", "added that", not
// "unified Iraq".
func (d *doc) pastTenseAt(i int) bool {
	l := d.toks[i].lower()
	if len(l) <= 4 || !strings.HasSuffix(l, "ed") || d.toks[i].cap || strings.HasSuffix(l, "eed") || i+1 >= len(d.toks) {
		return false
	}
	return d.toks[i+1].is("the", "a", "an", "his", "her", "its", "their", "that", "it", "him", "them", "to", "on", "by", "with", "for")
}

// conditionalBefore reports "if", "unless" or "whether", or a denial
// ("denied that"), in the clause before the cue at token i.
func (d *doc) conditionalBefore(i, s0 int) bool {
	for k := i - 1; k >= s0 && k >= i-8; k-- {
		t := d.toks[k]
		if !t.word && t.quote == notQuote {
			return false
		}
		if t.is("if", "unless", "whether") {
			return true
		}
		// "Iran denied that it was seeking nuclear weapons"
		if t.is("denied", "denies", "deny", "denying") {
			return true
		}
	}
	return false
}

// modifiesNoun reports a word at token i that makes the country before it
// a modifier ("US oil giant"), not a subject: a lower-case word that is not
// a verb, or a capitalised one.
func (d *doc) modifiesNoun(i int) bool {
	if i >= len(d.toks) {
		return false
	}
	t := d.toks[i]
	if (t.s == "'s" || t.s == "\u2019s") && i+1 < len(d.toks) {
		return !governmentNouns[d.toks[i+1].lower()] // "South Korea's Hyundai Motor has announced that it ..."
	}
	if !t.word {
		return false
	}
	if governmentNouns[t.lower()] {
		return false // "The US government said it ..."
	}
	if t.cap {
		return true
	}
	return !d.verbAt(i) && !holderGap[t.lower()] && !strings.HasSuffix(t.lower(), "s")
}

// possessiveBefore reports a possessive right before token i: "Japan's",
// "its", "their".
func (d *doc) possessiveBefore(i int) bool {
	if i == 0 {
		return false
	}
	t := d.toks[i-1]
	return t.s == "'s" || t.s == "\u2019s" || t.is("its", "their")
}

// mainVerbAfter returns where the verb of the clause starts in tokens
// (a, b): a finite auxiliary ("is", "was", "will") or a past tense after a
// noun ("angered"); b when there is none.
func (d *doc) mainVerbAfter(a, b int) int {
	for j := a + 1; j < b; j++ {
		l := d.toks[j].lower()
		if finiteWords[l] {
			return j
		}
		if strings.HasSuffix(l, "ed") && !d.toks[j-1].is("the", "a", "an", "and", "or", "been", "be", "was", "were", "is", "are") && d.toks[j-1].word && !strings.HasSuffix(d.toks[j-1].lower(), "ly") {
			if j+1 < b && d.toks[j+1].is("by") {
				continue // "the plan backed by France"
			}
			return j
		}
	}
	return b
}

// speechParticiple reports a speech verb's -ing form at token i
// ("arguing", "saying", "warning"), found from the lexicon's past forms.
func (d *doc) speechParticiple(i int) bool {
	w := d.toks[i].lower()
	stem, ok := strings.CutSuffix(w, "ing")
	if !ok || len(stem) < 3 {
		return false
	}
	return d.lx.speechVerbs[stem+"ed"] || d.lx.speechVerbs[stem+"d"] || d.lx.speechVerbs[stem+"s"]
}

// reportFollows reports whether a new report starts at token i, before b:
// a speech verb right away ("and said it would ..."), or a short subject
// and a speech verb that ends the sentence ("..., diplomats said.").
func (d *doc) reportFollows(i, b int) bool {
	for i < b && speechAdverbs[d.toks[i].lower()] {
		i++ // "and also said"
	}
	if i >= b {
		return false
	}
	if _, ok := d.speechVerbAt(i); ok {
		return true
	}
	for v := i + 1; v < b && v < i+7; v++ { // "..., the BBC's Jonathan Beale reports"
		if p := d.toks[v-1]; !p.word && p.s != "'s" && p.s != "\u2019s" {
			return false
		}
		if e, ok := d.speechVerbAt(v); ok {
			return e >= b || !d.toks[e].word
		}
	}
	return false
}

// passiveInfinitive turns an issue of the form "the embargo to be lifted"
// (from "called for the embargo to be lifted") into "lifting the embargo".
func (d *doc) passiveInfinitive(a, end int) (string, bool) {
	if end-a < 4 || !d.toks[end-3].is("to") || !d.toks[end-2].is("be") {
		return "", false
	}
	verb := d.toks[end-1].lower()
	stem, ok := strings.CutSuffix(verb, "ed")
	if !ok || len(stem) < 2 {
		return "", false
	}
	if s, ok := strings.CutSuffix(stem, "i"); ok {
		stem = s + "y" // "carried": "carrying"
	}
	return stem + "ing " + d.cleanSpan(a, end-3), true
}

// startsCue reports whether a stance cue starts at token i.
func (d *doc) startsCue(i int) bool {
	cues := d.cuesAt(i)
	for k := range cues.len() {
		if _, _, _, ok := d.matchCue(i, d.sents[d.sentOf[i]].tok1, cues.at(k).words); ok {
			return true
		}
	}
	return false
}

func isYear(s string) bool {
	if len(s) != 4 {
		return false
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return s[0] == '1' || s[0] == '2'
}

// cueList is the stance cues that may match at a token, in the order they
// are tried, without copying them into one slice: those starting with its
// word, then those starting with a gap.
type cueList [2][]stanceCue

func (c cueList) len() int { return len(c[0]) + len(c[1]) }

func (c *cueList) at(k int) *stanceCue {
	if k < len(c[0]) {
		return &c[0][k]
	}
	return &c[1][k-len(c[0])]
}

// cuesAt returns the stance cues that may match at token i: those starting
// with its word, and (at a word) those starting with a gap.
func (d *doc) cuesAt(i int) cueList {
	own := d.info[i].stances
	if !d.toks[i].word {
		return cueList{own}
	}
	return cueList{own, d.lx.stancesGap}
}

// gerundPhrase turns an infinitive verb phrase into a gerund phrase
// ("publish the advice": "publishing the advice"), so that an issue reads
// the same whichever cue introduced it. A phrase that does not start with
// a bare verb ("the deal", "talks") is returned as it is.
func gerundPhrase(s string) string {
	// an adverb before the verb stays: "to finally become" → "finally
	// becoming"
	if w, rest, ok := strings.Cut(s, " "); ok && len(w) > 4 && strings.HasSuffix(w, "ly") {
		if v, _, _ := strings.Cut(rest, " "); v == "be" || bareVerbLike(v) {
			return w + " " + gerundPhrase(rest)
		}
	}
	verb, rest, _ := strings.Cut(s, " ")
	if verb != "be" && !bareVerbLike(verb) {
		return s
	}
	if rest == "" {
		return gerund(verb)
	}
	return gerund(verb) + " " + rest
}

// bareVerbLike reports a lower-case word that may be a verb's bare form:
// not a function word, a determiner or a preposition, and not inflected.
func bareVerbLike(w string) bool {
	if len(w) < 2 || w[0] < 'a' || w[0] > 'z' || functionWords[w] || clauseOpeners[w] || prepositions[w] || w == "not" {
		return false
	}
	switch {
	case strings.HasSuffix(w, "ing"), strings.HasSuffix(w, "ed") && !strings.HasSuffix(w, "eed"),
		strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss"), strings.HasSuffix(w, "ly"):
		return false
	}
	for _, c := range w {
		if c < 'a' || c > 'z' {
			return false
		}
	}
	return true
}

// stressedLast are verbs of two syllables stressed on the last, which
// double their final consonant like verbs of one ("begin": "beginning").
var stressedLast = map[string]bool{
	"begin": true, "admit": true, "commit": true, "permit": true, "submit": true, "omit": true, "refer": true,
	"prefer": true, "occur": true, "control": true, "regret": true, "transfer": true, "equip": true,
	"patrol": true, "forget": true, "upset": true, "compel": true, "expel": true, "propel": true, "rebel": true,
}

// gerund forms a verb's -ing form by the regular rules of English
// spelling: "make": "making", "see": "seeing", "die": "dying", "cut":
// "cutting", "open": "opening".
func gerund(v string) string {
	isVowel := func(c byte) bool { return strings.IndexByte("aeiou", c) >= 0 }
	n := len(v)
	switch {
	case v == "be":
		return "being"
	case strings.HasSuffix(v, "ie"):
		return v[:n-2] + "ying"
	case strings.HasSuffix(v, "ee"), strings.HasSuffix(v, "ye"), strings.HasSuffix(v, "oe"):
		return v + "ing"
	case strings.HasSuffix(v, "e") && n > 2:
		return v[:n-1] + "ing"
	case stressedLast[v]:
		return v + v[n-1:] + "ing"
	}
	// one syllable ending consonant-vowel-consonant: double the consonant
	vowels := 0
	for i := 0; i < n; i++ {
		if isVowel(v[i]) && (i == 0 || !isVowel(v[i-1])) {
			vowels++
		}
	}
	if vowels == 1 && n >= 3 && !isVowel(v[n-1]) && strings.IndexByte("wxy", v[n-1]) < 0 &&
		isVowel(v[n-2]) && !isVowel(v[n-3]) {
		return v + v[n-1:] + "ing"
	}
	return v + "ing"
}
