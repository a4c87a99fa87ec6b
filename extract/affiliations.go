package extract

import (
	"strings"
)

// affil is an affiliation found in the text, before it becomes a fact.
type affil struct {
	person  int
	org     string
	country bool
	role    string
	class   string
	current bool
	sent    int
	rule    string
	weak    bool // inferred from the nearest country: dropped if the person has a stronger one for the role
}

// findAffiliations reads titles before person mentions and appositives
// after them, lists of office-holders ("Russian and Japanese deputy foreign
// ministers A and B") and counterparts.
func (d *doc) findAffiliations() []affil {
	d.govRoles = map[int]string{}
	out := d.roleLists()
	add := func(a affil) {
		if a.org == "" || a.person < 0 {
			return
		}
		out = append(out, a)
		if a.country {
			if body := d.bodyOf(a.role, a.org); body != "" {
				// "EU Trade Commissioner": the EU, and the European Commission
				b := a
				b.org, b.country, b.rule = body, false, a.rule+"+body"
				out = append(out, b)
			}
		}
	}
	// who heads which government by a title that names the country
	// ("Israeli Prime Minister Ariel Sharon"): another head of government
	// with no country stated is not that country's
	d.govHeads = map[string]int{}
	for _, m := range d.mentions {
		if m.kind != kindPerson {
			continue
		}
		m.title = d.titleBefore(m.tok0)
		ti := m.title
		head := headOfGovernment(ti.role) || ti.counterpart || strings.HasSuffix(strings.ToLower(ti.role), "leader")
		if head && len(ti.countries) == 1 && !ti.former && !d.lx.unions[ti.countries[0]] {
			if _, ok := d.govHeads[ti.countries[0]]; !ok {
				d.govHeads[ti.countries[0]] = m.ent
			}
		}
	}
	for mi, m := range d.mentions {
		if m.kind != kindPerson {
			continue
		}
		if m.title.role != "" && m.title.class == "gov" {
			if _, ok := d.govRoles[m.ent]; !ok {
				d.govRoles[m.ent] = m.title.role
			}
		}
		if m.title.start < m.tok0 {
			d.titleAt[m.title.start] = append(d.titleAt[m.title.start], m)
		}
		if m.title.role == "" {
			// "ministers A and B": B shares A's title
			for prev := d.prevPersonInList(m); prev != nil; prev = d.prevPersonInList(prev) {
				if prev.title.role != "" {
					m.title = prev.title
					m.title.start = m.tok0
					break
				}
			}
		}
		si := d.sentOf[m.tok0]
		// a title before the name
		if ti := m.title; ti.role != "" || ti.orgName != "" {
			if ti.counterpart {
				out = append(out, d.counterpart(m, ti, si)...)
			} else if a, ok := d.titleAffiliation(m, ti, si, mi); ok {
				add(a)
			} else if org := d.orgAfterName(m.tok1); org != "" && ti.role != "" && ti.class != "gov" {
				// "retail analyst Nick Bubb of Evolution Securities"
				add(affil{person: m.ent, org: org, role: ti.role, class: ti.class, current: !ti.former, sent: si, rule: "title+organisation-after"})
			}
		}
		// "said Grant Wilson of Mellon Bank", "Dr Jeremy Philpott of the UK
		// Patent Office": no title, and an organisation after the name
		if ti := m.title; ti.role == "" && ti.orgName == "" && len(ti.countries) == 0 && !d.peerBefore(m.tok0) {
			org := d.orgMentionAfter(m.tok1)
			if org == "" && d.toks[m.tok1].is("of") && m.tok0 > 0 && d.info[m.tok0-1].speechVerb {
				// "said Grant Wilson of Mellon Bank": a name the rules do
				// not know as an organisation's, after a speaker's name
				org = d.orgAfterName(m.tok1)
			}
			if org != "" {
				add(affil{person: m.ent, org: org, role: "Member", class: "org", current: true, sent: si, rule: "organisation-after"})
			}
		}
		// "Arsenal's Patrick Vieira", "the BBC's Nick Robinson": an
		// organisation's possessive right before a name without a title
		if m.title.role == "" && m.title.orgName == "" && m.tok0 >= 2 && (d.toks[m.tok0-1].s == "'s" || d.toks[m.tok0-1].s == "\u2019s") {
			for _, o := range d.mentionsEndingAt(m.tok0 - 1) {
				if o.kind == kindOrg {
					add(affil{person: m.ent, org: d.orgs[o.ent].name, role: "Member", class: "org", current: true, sent: si, rule: "possessive-organisation"})
				}
			}
		}
		for _, w := range strings.Fields(strings.ToLower(m.title.role)) {
			d.persons[m.ent].desc[w] = true
		}
		// "X was appointed chief executive of Y"
		if a, ok := d.predicateRole(m, si); ok {
			add(a)
		}
		// an appositive after it
		segs, _ := d.appositiveAfter(m.tok1)
		pending, pendingClass, pendingFormer := "", "", false
		var last *affil
		for si2, s := range segs {
			if s.plural {
				break
			}
			switch {
			case s.part && last != nil:
				last.org += ", " + d.span(s.a, s.b)
			case s.role != "" && (s.orgName != "" || s.country != "" || s.org != nil):
				a, _ := d.segmentAffiliation(m.ent, s, !s.former, si, "appositive")
				add(a)
				last = &out[len(out)-1]
				if s.country != "" && (s.orgName == "" || s.org != nil) {
					last = nil // a country in the role ("US Diplomat") takes no sub-unit after it
				}
				pending = ""
			case s.role != "" && s.class == "gov" && !s.plural && m.title.role == "" && si2 == len(segs)-1 && d.onlyTitleWords(s.a, s.b) && !d.capitalAfterComma(s.b) &&
				!strings.Contains(strings.ToLower(s.role), "senior"):
				// "Gordon Brown, the Chancellor,": an office of state with no
				// country named is read like the same title before the name
				ti := titleInfo{start: m.tok0, role: s.role, class: s.class, former: s.former}
				if a, ok := d.titleAffiliation(m, ti, si, mi); ok {
					a.rule = "appositive+" + a.rule
					add(a)
					last = nil
					break
				}
				pending, pendingClass, pendingFormer = s.role, s.class, s.former
			case s.role != "":
				pending, pendingClass, pendingFormer = s.role, s.class, s.former
				for _, w := range strings.Fields(strings.ToLower(s.role)) {
					d.persons[m.ent].desc[w] = true
				}
				if d.persons[m.ent].class == "" {
					d.persons[m.ent].class = classOf(s.class)
				}
			case s.org != nil && pending != "":
				add(d.segAffiliation(m.ent, pending, pendingClass, s.org, !(pendingFormer || s.former), si, "appositive"))
				last = &out[len(out)-1]
				pending = ""
			}
		}
	}
	out = append(out, d.descriptionAffiliations(out)...)
	d.markSubjects() // here, once the titles are read: the club descriptions follow the story's subject, and the claims need the marks after this
	out = append(out, d.clubDescriptionAffiliations(out)...)
	// keep an inferred affiliation only when nothing stronger says the same role
	var kept []affil
	for i, a := range out {
		if a.weak {
			strong := false
			for j, b := range out {
				if j != i && b.person == a.person && !b.weak && (b.role == a.role || b.org == a.org) {
					strong = true
				}
			}
			for j := 0; j < i; j++ {
				if out[j].person == a.person && out[j].role == a.role {
					strong = true
				}
			}
			if strong {
				continue
			}
		}
		kept = append(kept, a)
		d.describe(a)
	}
	return kept
}

// descriptionAffiliations reads definite descriptions that name a country
// and an office of state ("the UK chancellor predicted", "the Russian
// foreign minister said"): the person the description stands for holds
// that office of that country, unless a country is known for them
// already.
func (d *doc) descriptionAffiliations(have []affil) []affil {
	var out []affil
	hasCountry := func(p int) bool {
		for _, as := range [][]affil{have, out} {
			for _, a := range as {
				if a.person == p && a.country {
					return true
				}
			}
		}
		return false
	}
	for i := 0; i+3 < len(d.toks); i++ {
		// "the UK chancellor", or "India's defence minister" opening a
		// sentence
		k, former, possessive := i+1, false, false
		if !d.toks[i].is("the") {
			if !d.toks[i].cap || !d.sentenceStart(i) {
				continue
			}
			k, possessive = i, true
		}
		// the subject of its clause: not "the election of the US
		// president", not "travelling with the Japanese prime minister"
		if d.inQuote[i] || i > 0 && (prepositions[d.toks[i-1].lower()] || d.toks[i-1].is("and", "or")) {
			continue
		}
		if d.toks[k].is("former") {
			k, former = k+1, true
		}
		c, kind, e := d.countryAt(k, min(k+3, len(d.toks)))
		if c == "" || e <= k || d.lx.unions[c] || kind == formCapital || kind == formSeat {
			continue // "the London mayor" is no office of the country
		}
		if possessive {
			if e >= len(d.toks) || !(d.toks[e].s == "'s" || d.toks[e].s == "\u2019s") {
				continue
			}
			e++
		}
		h := e
		for h < len(d.toks) && h < e+4 && d.titleWordAt(h) {
			h++
		}
		if h == e || !d.isHeadAt(h-1) || h < len(d.toks) && (d.toks[h].cap && d.toks[h].word || d.toks[h].is(",", "of", "for", "'s", "\u2019s")) {
			continue // "the UK chancellor Gordon Brown", "the UK chancellor, Gordon Brown", "Spain's minister of sport Jaime Lissavetzky": a title before a name
		}
		p := d.resolveDescription(i, h, i)
		if p < 0 {
			p = d.namedNext(i)
		}
		if p < 0 || hasCountry(p) {
			continue
		}
		role, class, plural := d.roleWords(e, h)
		if plural || role == "" {
			continue
		}
		out = append(out, affil{person: p, org: c, country: true, role: role, class: class, current: !former, sent: d.sentOf[i], rule: "description"})
	}
	return out
}

// clubDescriptionAffiliations reads definite descriptions that name
// organisations and a role in them, as the subject of a clause ("The
// former Everton and Rangers boss has been out of the game", "the Arsenal
// manager said"): the person the description stands for held that role.
func (d *doc) clubDescriptionAffiliations(have []affil) []affil {
	var out []affil
	for i := 0; i+3 < len(d.toks); i++ {
		// the subject: at the sentence's start, or after a comma or "but"
		if !d.toks[i].is("the") || d.inQuote[i] || !(d.sentenceStart(i) || d.toks[i-1].is(",", "but")) {
			continue
		}
		k, former := i+1, false
		if d.toks[k].is("former") {
			k, former = k+1, true
		}
		var orgs []string
		for k < len(d.toks) {
			e := k
			for e < len(d.toks) && e < k+3 && d.toks[e].cap && d.toks[e].word && !d.titleWordAt(e) && (d.cover[e] == nil || d.cover[e].kind == kindOrg) {
				e++
			}
			if e == k {
				break
			}
			if c, _, _ := d.countryAt(k, e); c != "" {
				orgs = nil
				break
			}
			name := d.span(k, e)
			if m := d.cover[k]; m != nil && m.kind == kindOrg && m.tok0 == k && m.tok1 == e {
				name = d.orgs[m.ent].name
			}
			orgs = append(orgs, name)
			k = e
			if k+1 < len(d.toks) && d.toks[k].is("and") && d.toks[k+1].cap {
				k++
				continue
			}
			break
		}
		if len(orgs) == 0 {
			continue
		}
		h := k
		for h < len(d.toks) && h < k+3 && d.titleWordAt(h) {
			h++
		}
		// a club's or company's role (not an office of state), and a verb
		// after it: "boss has been", not "boss Walter Smith"
		if h == k || !d.titleHeadAt(h-1) || d.isHeadAt(h-1) || h >= len(d.toks) || !d.toks[h].word || d.toks[h].cap {
			continue
		}
		// the description continues the story of the latest subject: "Smith
		// was assistant to Ferguson ... The former Everton and Rangers boss"
		// is Smith
		p := d.latestSubjectBefore(i)
		if p < 0 {
			continue
		}
		if words, countries, head, generic, official, ok := d.describedPerson(i, h); !ok || !d.fits(d.persons[p], head, words, countries, generic, official) {
			continue
		}
		role, class, plural := d.roleWords(k, h)
		if plural || role == "" {
			continue
		}
		for _, o := range orgs {
			a := affil{person: p, org: o, role: role, class: class, current: !former, sent: d.sentOf[i], rule: "description"}
			if !hasAffil(have, a) && !hasAffil(out, a) {
				out = append(out, a)
			}
		}
	}
	return out
}

// latestSubjectBefore returns the person of the latest subject mention
// (outside quotations) in the sentence of token i or the one before it,
// or -1.
func (d *doc) latestSubjectBefore(i int) int {
	s0 := d.sents[max(0, d.sentOf[i]-1)].tok0
	for j := d.mentionsBefore(i); j >= 0 && d.mentions[j].tok0 >= s0; j-- {
		m := d.mentions[j]
		if m.kind == kindPerson && m.subject && !d.inQuote[m.tok0] {
			return m.ent
		}
	}
	return -1
}

// hasAffil reports whether as holds an affiliation of a's person with
// a's organisation.
func hasAffil(as []affil, a affil) bool {
	for _, b := range as {
		if b.person == a.person && b.org == a.org {
			return true
		}
	}
	return false
}

// namedNext returns the person named for the first time as the subject
// of the sentence after the one of token i, or -1: "India's defence
// minister has opened the show ... . Pranab Mukherjee said ..." names the
// minister after describing him.
func (d *doc) namedNext(i int) int {
	si := d.sentOf[i] + 1
	if si >= len(d.sents) {
		return -1
	}
	t0 := d.sents[si].tok0
	for _, m := range d.startAt[t0] {
		if m.kind == kindPerson && d.persons[m.ent].first == m.tok0 && m.tok1 < len(d.toks) && d.toks[m.tok1].word && !d.toks[m.tok1].cap {
			return m.ent
		}
	}
	return -1
}

// describe adds what an affiliation says of a person to the person's
// description: the words of the role and organisation, the forms of the
// country, and the class of the role.
func (d *doc) describe(a affil) {
	p := d.persons[a.person]
	if a.current {
		p.roles = append(p.roles, strings.ToLower(a.role))
	}
	for _, w := range strings.Fields(strings.ToLower(a.role + " " + a.org)) {
		p.desc[strings.Trim(w, ",()")] = true
	}
	if a.country {
		p.desc[strings.ToLower(a.org)] = true
		for f := range d.countryForms[a.org] {
			p.desc[strings.ToLower(f)] = true
		}
	}
	if p.class == "" || (a.current && a.class == "gov" && a.country) {
		switch {
		case a.class == "gov" && a.country:
			p.class = "gov"
		case a.class == "expert":
			p.class = "expert"
		case a.class != "":
			p.class = "org"
		}
	}
}

func classOf(c string) string {
	switch c {
	case "gov":
		return ""
	case "expert":
		return "expert"
	case "":
		return ""
	}
	return "org"
}

// segAffiliation turns an appositive's role and organisation into an
// affiliation.
func (d *doc) segAffiliation(person int, role, class string, org *mention, current bool, si int, rule string) affil {
	a := affil{person: person, role: role, class: class, current: current, sent: si, rule: rule}
	if org.kind == kindCountry {
		a.org, a.country = org.country, true
	} else {
		a.org = d.orgs[org.ent].name
	}
	return a
}

// segmentAffiliation turns an appositive segment with a role into an
// affiliation with what it names: an organisation named only there, a
// country named in the role ("US Diplomat"), or an organisation or
// country mention.
func (d *doc) segmentAffiliation(person int, s appositiveSegment, current bool, si int, rule string) (affil, bool) {
	switch {
	case s.orgName != "" && s.org == nil:
		return affil{person: person, org: s.orgName, role: s.role, class: s.class, current: current, sent: si, rule: rule}, true
	case s.org != nil && s.org.kind == kindOrg && s.country != "" && s.class != "gov":
		// "UK managing director of filtering firm Ciphertrust": the firm
		return d.segAffiliation(person, s.role, s.class, s.org, current, si, rule), true
	case s.country != "":
		return affil{person: person, org: s.country, country: true, role: s.role, class: s.class, current: current, sent: si, rule: rule}, true
	case s.org != nil:
		return d.segAffiliation(person, s.role, s.class, s.org, current, si, rule), true
	}
	return affil{}, false
}

// titleAffiliation turns a title before a name into an affiliation: with
// the country or organisation named in the title, or, for an office of
// state with no country named, the country the sentence (or the article)
// is about.
func (d *doc) titleAffiliation(m *mention, ti titleInfo, si, mi int) (affil, bool) {
	a := affil{person: m.ent, role: ti.role, class: ti.class, current: !ti.former, sent: si, rule: "title"}
	if a.role == "" && ti.orgName != "" {
		// "New Metropolitan Police Commissioner Sir Ian Blair": an
		// organisation's name that ends in a title is the organisation and
		// the post
		if words := strings.Fields(ti.orgName); len(words) >= 2 {
			last := words[len(words)-1]
			if class, isHead := d.lx.titleHeads[strings.ToLower(last)]; isHead {
				words = words[:len(words)-1]
				for len(words) > 1 && tenureWords[strings.ToLower(words[0])] {
					words = words[1:] // "New Metropolitan Police Commissioner"
				}
				ti.orgName, a.role, a.class = strings.Join(words, " "), last, class
			}
		}
		if a.role == "" {
			// "Conservative Graham Brady", "ONGC's Mr Raha": a member of the
			// party or organisation; not "at GDC Mr Allard", "told the BBC
			// Mr Howard": an audience or a place before a name
			if p := d.beforeOrg(ti.start); !d.isPartyName(ti.orgName) && p >= 0 && (prepositions[d.toks[p].low] || d.toks[p].is("told", "tells", "telling")) {
				return a, false
			}
			a.role = "Member"
		}
	}
	idx := d.listIndex(m)
	if strings.HasPrefix(strings.ToLower(a.role), "shadow ") {
		// "shadow foreign secretary": an opposition party's spokesman,
		// not an office of the state
		if ti.orgName == "" {
			return a, false
		}
		a.org = ti.orgName
		return a, true
	}
	// "President Musharraf of Pakistan", "Ambassador Stefan Johannesson of
	// Iceland": an office of the country named after the name
	if c := d.countryAfterName(m.tok1); c != "" && ti.class == "gov" && len(ti.countries) == 0 && ti.orgName == "" {
		a.org, a.country, a.rule = c, true, "title+of-country"
		return a, true
	}
	// "Prime Minister Tony Blair at 10 Downing Street": the seat of a
	// government right after the name
	if c := d.seatAfterName(m.tok1); c != "" && ti.class == "gov" && len(ti.countries) == 0 && ti.orgName == "" {
		a.org, a.country, a.rule = c, true, "title+seat"
		return a, true
	}
	switch {
	case len(ti.countries) > 0 && (ti.class == "gov" || strings.HasSuffix(ti.role, "Leader") || d.lx.unions[ti.countries[0]] || !ti.demonym):
		// a demonym before an office of state, or "Iraqi interim leader";
		// before a company role ("Dutch co-chairman") it is a nationality
		c := ti.countries[0]
		if idx >= 0 && idx < len(ti.countries) && len(ti.countries) > 1 {
			c = ti.countries[idx]
		}
		a.org, a.country = c, true
	case ti.orgName != "":
		a.org = ti.orgName
	case ti.class == "gov" && d.impliedCountry(ti.role) != "":
		a.org, a.country, a.rule = d.impliedCountry(ti.role), true, "title-of-one-country"
	case ti.class == "gov" && !d.unknownWordInTitle(ti.start, m.tok0):
		if c := d.nearestCountryBefore(ti.start, si); c != "" {
			a.org, a.country, a.weak, a.rule = c, true, true, "title+sentence-country"
		} else if c := d.seatCountry(); c != "" && cabinetOffice(ti.role) && !d.inQuote[m.tok0] {
			// "Prime Minister Tony Blair" in a story about a rugby tour of
			// New Zealand that names Downing Street: a minister's office of
			// the government whose seat the article names (not "President
			// Bush" or "senator John McCain" in a story naming Downing
			// Street)
			a.org, a.country, a.weak, a.rule = c, true, true, "title+seat-in-article"
		} else if c := d.topCountryNear(si, m.ent); c != "" && headOfGovernment(ti.role) && !d.inQuote[m.tok0] {
			// "President Viktor Yushchenko" in a paragraph about Ukraine
			a.org, a.country, a.weak, a.rule = c, true, true, "title+paragraph-country"
		} else if c := d.dominantCountry(); c != "" && !d.inQuote[m.tok0] && !d.lx.unions[c] && !d.acronymIn(max(ti.start-1, d.sents[si].tok0), m.tok0) {
			if h, ok := d.govHeads[c]; !ok || h == m.ent || !headOfGovernment(ti.role) {
				// "Planning Minister Julio De Vido" in an article about Argentina
				a.org, a.country, a.weak, a.rule = c, true, true, "title+article-country"
			}
		}
	}
	return a, a.org != ""
}

// afterPreposition returns the token after one of the prepositions at
// token b and an optional "the" ("of the UK Patent Office"), or -1.
func (d *doc) afterPreposition(b int, preps ...string) int {
	if b+1 >= len(d.toks) || !d.toks[b].is(preps...) {
		return -1
	}
	k := b + 1
	if d.toks[k].is("the") {
		k++
	}
	if k >= len(d.toks) {
		return -1
	}
	return k
}

// orgMentionAfter returns the organisation named right after "of (the)"
// (and a short description) that follows a name ending at token b, when the extractor took it for an
// organisation and it ends the phrase ("of Mellon Bank.", not "of
// Respond's Belgian partner"), or "".
func (d *doc) orgMentionAfter(b int) string {
	k := d.afterPreposition(b, "of")
	if k < 0 {
		return ""
	}
	// past a short description: "of gay group OutRage!"
	for n := 0; n < 3 && k < len(d.toks) && d.toks[k].word && !d.toks[k].cap && !functionWords[d.toks[k].lower()]; n++ {
		k++
	}
	if k >= len(d.toks) {
		return ""
	}
	for _, m := range d.startAt[k] {
		if m.kind == kindOrg && d.sentOf[m.tok0] == d.sentOf[b] {
			if e := m.tok1; e < len(d.toks) && (d.toks[e].s == "'s" || d.toks[e].s == "\u2019s") {
				return ""
			}
			return d.orgs[m.ent].name
		}
	}
	return ""
}

// peerBefore reports a peer's form of address before the name at token
// i: "Lord Nicholls of Birkenhead" names a place, not an organisation.
func (d *doc) peerBefore(i int) bool {
	return i > 0 && d.toks[i-1].is("Lord", "Lady", "Baron", "Baroness", "Viscount", "Earl")
}

// seatAfterName returns the country whose seat of government ("Downing
// Street", "the Kremlin") is named by "at" or "in" right after a name
// ending at token b, or "".
func (d *doc) seatAfterName(b int) string {
	if b+1 >= len(d.toks) || !d.toks[b].is("at", "in") {
		return ""
	}
	k := b + 1
	for k < len(d.toks) && k < b+3 && (d.toks[k].is("the") || isNumber(d.toks[k].s)) {
		k++
	}
	if c, kind, _ := d.countryAt(k, min(k+4, len(d.toks))); kind == formSeat {
		return c
	}
	return ""
}

// countryAfterName returns the country named by "of" right after a name
// that ends at token b ("Musharraf of Pakistan"), or "": the country's
// name must end the phrase ("of Iceland, warned", "of Pakistan said"),
// not start another ("of Pakistan's army", "of Pakistan Airlines").
func (d *doc) countryAfterName(b int) string {
	k := d.afterPreposition(b, "of")
	if k < 0 {
		return ""
	}
	c, kind, e := d.countryAt(k, min(k+4, len(d.toks)))
	if c == "" || kind != formName || e < len(d.toks) && (d.toks[e].word && d.toks[e].cap || d.toks[e].s == "'s" || d.toks[e].s == "\u2019s") {
		return ""
	}
	return c
}

// unknownWordInTitle reports a capitalised word in the title at tokens
// [a, b) that is no title word: "Nintendo president", "Real Sociedad
// president" are offices of an organisation the rules do not know, not of
// a country.
func (d *doc) unknownWordInTitle(a, b int) bool {
	for k := a; k < b; k++ {
		if t := d.toks[k]; t.word && t.cap && !d.titleWordAt(k) {
			return true
		}
	}
	return false
}

// bodyOf returns the body that holders of the role in the country (or
// union) also sit on, by the lexicon's "body" lines: the role's last words
// are the head.
func (d *doc) bodyOf(role, country string) string {
	words := strings.Fields(strings.ToLower(role))
	for k := 1; k <= len(words) && k <= d.lx.maxHeadWords; k++ {
		if b, ok := d.lx.bodies[strings.Join(words[len(words)-k:], " ")+"|"+country]; ok {
			return b
		}
	}
	return ""
}

// acronymIn reports a word with capitals after its first letter in tokens
// [a, b) ("BoE governor"): an organisation the title names, even when it
// is not recognised as one.
func (d *doc) acronymIn(a, b int) bool {
	for k := a; k < b; k++ {
		w := d.toks[k].s
		if len(w) > 1 && strings.ToLower(w[1:]) != w[1:] && d.toks[k].word {
			return true
		}
	}
	return false
}

// onlyTitleWords reports that tokens [a, b) are a bare title: title
// words, articles and words of tenure ("the Chancellor", "the new
// foreign secretary"), nothing that could name another organisation or
// person ("senior vice president Boeing", "former Prime Minister Benazir
// Bhutto's husband").
func (d *doc) onlyTitleWords(a, b int) bool {
	for k := a; k < b; k++ {
		t := d.toks[k]
		if d.cover[k] != nil || !(d.titleWordAt(k) || t.is("the", "a", "an", "former", "then") || tenureWords[t.lower()]) {
			return false
		}
	}
	return b > a
}

// capitalAfterComma reports ", Capitalised" at token b: more of an
// appositive that names something ("senior vice president, Microsoft
// home and entertainment division").
func (d *doc) capitalAfterComma(b int) bool {
	return b+1 < len(d.toks) && d.toks[b].s == "," && d.toks[b+1].cap && d.toks[b+1].word && d.sentOf[b+1] == d.sentOf[b]
}

// orgAfterName returns the organisation named right after a name ending
// at token b: "of/at/from (the) ORGANISATION", an organisation found or a
// capitalised name; or "".
func (d *doc) orgAfterName(b int) string {
	k := d.afterPreposition(b, "of", "at", "from")
	if k < 0 || d.sentOf[k] != d.sentOf[b] {
		return ""
	}
	for _, m := range d.startAt[k] {
		switch m.kind {
		case kindOrg:
			return d.orgs[m.ent].name
		case kindCountry, kindPerson:
			return "" // "Ambassador X of Iceland" is a nationality; "X of Y" may be a family
		}
	}
	e := k
	for e < len(d.toks) && e < k+5 && d.toks[e].cap && d.toks[e].word && d.cover[e] == nil && d.sentOf[e] == d.sentOf[b] {
		e++
	}
	if e == k || e < len(d.toks) && (d.toks[e].cap && d.toks[e].word || d.toks[e].s == "'s" || d.toks[e].s == "\u2019s") || d.isCountryWord(k) || d.isCommon(d.toks[k].s) {
		return "" // (and not "of Respond's Belgian partner")
	}
	return d.fullOrgName(d.span(k, e))
}

// listGoesOn reports whether another person of a list follows m: ", C"
// or "and C".
func (d *doc) listGoesOn(m *mention) bool {
	k := m.tok1
	if k < len(d.toks) && d.toks[k].s == "," {
		k++
	}
	if k < len(d.toks) && d.toks[k].is("and", "or") {
		k++
	}
	if k == m.tok1 || k >= len(d.toks) {
		return false
	}
	for _, o := range d.mentionsIn(k, min(k+6, len(d.toks))) {
		if o.kind == kindPerson && (o.tok0 == k || o.title.start == k) {
			return true
		}
	}
	return false
}

// listIndex returns the position of a person in a coordinated list sharing
// one title ("ministers A and B": A is 0, B is 1), or -1.
func (d *doc) listIndex(m *mention) int {
	idx := 0
	cur := m
	for {
		prev := d.prevPersonInList(cur)
		if prev == nil {
			break
		}
		idx++
		cur = prev
	}
	if idx == 0 {
		return -1
	}
	return idx
}

// prevPersonInList returns the person mention before m in a list ("A, B
// and C"), or nil.
func (d *doc) prevPersonInList(m *mention) *mention {
	j := m.tok0 - 1
	if m.title.start < m.tok0 && m.title.start > 0 && d.titleAt != nil {
		// "German Chancellor A and French President B": before B's title
		for _, t := range d.titleAt[m.title.start] {
			if t == m {
				j = m.title.start - 1
			}
		}
	}
	if j < 1 || !(d.toks[j].is("and", ",")) {
		return nil
	}
	// "A, B" is a list only if it goes on ("A, B and C"): not "the BBC's
	// political editor Andrew Marr, Mr Blair said"
	if d.toks[j].s == "," && !d.listGoesOn(m) {
		return nil
	}
	for _, o := range d.endAt[j] {
		if o.kind == kindPerson {
			return o
		}
	}
	return nil
}

// counterpart: "Straw said after talks with his Chinese counterpart Li
// Zhaoxing": Li holds Straw's role for China.
func (d *doc) counterpart(m *mention, ti titleInfo, si int) []affil {
	if len(ti.countries) == 0 {
		return nil
	}
	s := d.sents[si]
	for _, o := range d.mentionsIn(s.tok0, s.tok1) {
		if o.kind != kindPerson || o.ent == m.ent {
			continue
		}
		if role := d.knownRole(o.ent); role != "" {
			return []affil{{person: m.ent, org: ti.countries[0], country: true, role: role, class: "gov", current: true, sent: si, rule: "counterpart"}}
		}
	}
	return nil
}

// knownRole returns the office of state a person holds according to the
// titles found so far.
func (d *doc) knownRole(p int) string {
	if r, ok := d.govRoles[p]; ok {
		return r
	}
	return d.rolesFromLists[p]
}

// nearestCountryBefore returns the country named last before token at in
// sentence si.
func (d *doc) nearestCountryBefore(at, si int) string {
	c := ""
	for _, m := range d.mentionsIn(d.sents[si].tok0, at) {
		if m.kind == kindCountry {
			c = m.country
		}
	}
	return c
}

// topCountryNear returns the country named most in the paragraph of
// sentence si and the paragraphs around it (the article's first named one
// on a tie), or "", leaving out countries whose head of government the
// article names as someone other than person. When that is a union of
// states, it is the one state the sentence names, or "".
func (d *doc) topCountryNear(si, person int) string {
	para := d.sents[si].para
	pos := d.paraPos[para]
	from := d.paraFirst[d.paraList[max(pos-1, 0)]]
	to := len(d.toks)
	if pos+2 < len(d.paraList) {
		to = d.paraFirst[d.paraList[pos+2]]
	}
	count := map[string]int{}
	best, bestN := "", 0
	for _, m := range d.mentionsIn(from, to) {
		if m.kind != kindCountry || d.inQuote[m.tok0] || d.inOthersTitle(m) {
			continue
		}
		if h, ok := d.govHeads[m.country]; ok && h != person {
			continue // the paragraph's Israel has its own prime minister
		}
		count[m.country]++
		if n := count[m.country]; n > bestN || n == bestN && d.firstMention(m.country) < d.firstMention(best) {
			best, bestN = m.country, n
		}
	}
	if d.lx.unions[best] {
		// a paragraph about a union of states: its offices are not a
		// state's; only a state the sentence itself names will do
		best = ""
		s := d.sents[si]
		for _, m := range d.mentionsIn(s.tok0, s.tok1) {
			if m.kind != kindCountry || d.inQuote[m.tok0] || d.lx.unions[m.country] || m.country == best {
				continue
			}
			if best != "" {
				return ""
			}
			best = m.country
		}
	}
	return best
}

// inOthersTitle reports a country named in a person's title ("his
// Israeli counterpart, Ariel Sharon", "the Palestinian leader, Mahmoud
// Abbas"): it tells whose office that is, not what the paragraph is about.
func (d *doc) inOthersTitle(c *mention) bool {
	for _, m := range d.mentionsIn(c.tok1, min(c.tok1+8, len(d.toks))) {
		if m.kind == kindPerson && m.title.start <= c.tok0 && m.title.start < m.tok0 {
			return true
		}
	}
	return false
}

// firstMention returns the order in which the article first names a
// country.
func (d *doc) firstMention(country string) int {
	for i, c := range d.countryOrder {
		if c == country {
			return i
		}
	}
	return len(d.countryOrder)
}

// headOfGovernment reports a role that heads a state or a government
// ("President", "new Prime Minister", "Vice-Prime Minister").
func headOfGovernment(role string) bool {
	r := strings.ToLower(role)
	return strings.HasSuffix(r, "president") || strings.HasSuffix(r, "prime minister") || strings.HasSuffix(r, "premier") ||
		strings.HasSuffix(r, "chancellor")
}

// cabinetOffice reports a minister's office (minister, secretary,
// chancellor, a law officer): an office of the government that sits in
// its seat.
func cabinetOffice(role string) bool {
	r := strings.ToLower(role)
	return strings.Contains(r, "minister") || strings.Contains(r, "secretary") || strings.Contains(r, "chancellor") ||
		strings.HasSuffix(r, "attorney general") || strings.HasSuffix(r, "solicitor general")
}

// seatCountry returns the one country whose seat of government the
// article names outside quotations ("Downing Street", "the Kremlin"), or
// "" when it names none or several.
func (d *doc) seatCountry() string {
	seat := ""
	for _, m := range d.mentions {
		if m.kind != kindCountry || d.inQuote[m.tok0] {
			continue
		}
		if f, ok := d.lx.countryForms[lowerKey(d.span(m.tok0, m.tok1))]; !ok || f.kind != formSeat {
			continue
		}
		if seat != "" && seat != m.country {
			return ""
		}
		seat = m.country
	}
	return seat
}

// dominantCountry returns the country the article names far more than any
// other (at least 60% of country mentions, twice or more), or "".
func (d *doc) dominantCountry() string {
	total, best, bestN := 0, "", 0
	for _, c := range d.countryOrder {
		n := d.countryCount[c]
		total += n
		if n > bestN {
			best, bestN = c, n
		}
	}
	if bestN >= 4 && bestN*10 >= total*5 {
		return best
	}
	return ""
}

// topCountries returns the two countries an article is about ("both
// sides"): the two most named, if they stand out.
func (d *doc) topCountries() []string {
	var order []string
	order = append(order, d.countryOrder...)
	// stable sort by count, descending
	for i := 1; i < len(order); i++ {
		for j := i; j > 0 && d.countryCount[order[j]] > d.countryCount[order[j-1]]; j-- {
			order[j], order[j-1] = order[j-1], order[j]
		}
	}
	if len(order) < 2 || d.countryCount[order[1]] < 2 {
		return nil
	}
	if len(order) > 2 && d.countryCount[order[2]]*2 > d.countryCount[order[1]] {
		return nil
	}
	return order[:2]
}

// roleLists reads "Foreign and Defense Ministers of Russia and Japan ...
// A, B, C and D": portfolios × countries handed out in order to a list of
// persons in the same or the next sentence.
func (d *doc) roleLists() []affil {
	var out []affil
	d.rolesFromLists = map[int]string{}
	for si, s := range d.sents {
		for i := s.tok0; i < s.tok1; i++ {
			if !d.toks[i].is("of") || d.inQuote[i] {
				continue
			}
			// backwards: domain (and domain)* head(plural)
			j := i - 1
			if j < s.tok0 {
				continue
			}
			head := singular(d.toks[j].lower())
			if cls, ok := d.lx.titleHeads[head]; !ok || cls != "gov" || head == d.toks[j].lower() {
				continue
			}
			var domains []string
			k := j - 1
			for k >= s.tok0 {
				l := d.toks[k].lower()
				if d.lx.titleDomains[l] || d.lx.titleModifiers[l] {
					domains = append([]string{titleWord(d.toks[k].s)}, domains...)
					k--
					continue
				}
				if l == "and" || l == "," {
					k--
					continue
				}
				break
			}
			if len(domains) < 2 {
				continue
			}
			// forwards: country (and country)*
			var countries []string
			c := i + 1
			for c < s.tok1 {
				if name, _, e := d.countryAt(c, s.tok1); name != "" {
					countries = append(countries, name)
					c = e
					if c < s.tok1 && d.toks[c].is("and", ",") {
						c++
						continue
					}
				}
				break
			}
			if len(countries) < 1 {
				continue
			}
			list := d.personList(si, c)
			if len(list) == 0 && si+1 < len(d.sents) {
				list = d.personList(si+1, d.sents[si+1].tok0)
			}
			if len(list) != len(domains)*len(countries) {
				continue
			}
			headWord := titleWord(head)
			for n, m := range list {
				role := domains[n%len(domains)] + " " + headWord
				country := countries[n/len(domains)]
				out = append(out, affil{person: m.ent, org: country, country: true, role: role, class: "gov",
					current: true, sent: d.sentOf[m.tok0], rule: "role-list"})
				d.rolesFromLists[m.ent] = role
				p := d.persons[m.ent]
				p.class = "gov"
				for _, w := range strings.Fields(strings.ToLower(role + " " + country)) {
					p.desc[w] = true
				}
				p.desc[strings.ToLower(country)] = true
				for f := range d.countryForms[country] {
					p.desc[strings.ToLower(f)] = true
				}
			}
		}
	}
	return out
}

// personList finds the first coordinated list of person mentions ("A, B,
// C and D") in sentence si at or after token from.
func (d *doc) personList(si, from int) []*mention {
	s := d.sents[si]
	var list []*mention
	for _, m := range d.mentionsIn(from, s.tok1) {
		if m.kind != kindPerson {
			continue
		}
		if len(list) == 0 {
			list = append(list, m)
			continue
		}
		prev := list[len(list)-1]
		gap := d.span(prev.tok1, m.tok0)
		if gap == "," || gap == "and" || gap == ", and" {
			list = append(list, m)
			continue
		}
		if len(list) >= 2 {
			break
		}
		list = []*mention{m}
	}
	if len(list) < 2 {
		return nil
	}
	return list
}

// isPartyName reports whether name is the name of a party the lexicon
// knows ("Conservative Party").
func (d *doc) isPartyName(name string) bool {
	for _, p := range d.lx.parties {
		if p == name {
			return true
		}
	}
	return false
}

// beforeOrg returns the token before an organisation's name that starts at
// token i, past "the", or -1.
func (d *doc) beforeOrg(i int) int {
	p := i - 1
	if p >= 0 && d.toks[p].is("the") {
		p--
	}
	return p
}
