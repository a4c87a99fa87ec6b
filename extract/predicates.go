package extract

import "strings"

// roleVerb is a verb phrase that gives its subject a role: "was appointed
// chief executive of", "has been unveiled as the new Wolves manager", "was
// manager at Southampton".
type roleVerb struct {
	words   []string
	current bool
}

// roleVerbs, longest first within each verb. A bare past copula ("was
// manager at Southampton") tells of a former role; the rest of a current
// one.
var roleVerbs = func() []roleVerb {
	current := []string{
		"has been appointed as", "has been appointed", "was appointed as", "was appointed", "is appointed",
		"has been named as", "has been named", "was named as", "was named", "is named",
		"has been elected as", "has been elected", "was elected as", "was elected", "was re-elected as", "was re-elected",
		"has been unveiled as", "was unveiled as", "is unveiled as",
		"has been made", "was made",
		"has become", "became", "becomes", "will become", "is to become",
		"took over as", "takes over as", "has taken over as", "will take over as",
		"joined as", "joins as", "has joined as",
		"is now", "remains",
	}
	former := []string{"had been", "was", "served as", "has served as"}
	var out []roleVerb
	for _, s := range current {
		out = append(out, roleVerb{strings.Fields(s), true})
	}
	for _, s := range former {
		out = append(out, roleVerb{strings.Fields(s), false})
	}
	return out
}()

// predicateRole reads a role the clause gives the person mentioned at m:
// "Glenn Hoddle has been unveiled as the new Wolves manager", "Tom Hale
// was appointed chief executive of Acme Holdings", "Hoddle was manager at
// Southampton". The subject is the mention, past its appositive or
// relative clause; the role is read like an appositive's and counts only
// with the organisation or country it names.
func (d *doc) predicateRole(m *mention, si int) (affil, bool) {
	if d.inQuote[m.tok0] {
		return affil{}, false
	}
	s := d.sents[si]
	// the mention must be the subject: it opens the sentence or a clause
	// ("when Hoddle was manager at Southampton"), not "under Mr Blair,
	// became ..."
	start := min(m.tok0, m.title.start)
	if start > s.tok0 && !d.toks[start-1].is(",", ";", "that", "said", "says", "and", "but", "when", "while", "because", "after", "before", "since", "as", "until") {
		return affil{}, false
	}
	_, i := d.appositiveAfter(m.tok1)
	if i < s.tok1 && d.toks[i].s == "," {
		i++
	}
	var verb *roleVerb
	for k := range roleVerbs {
		if d.wordsAt(i, s.tok1, roleVerbs[k].words) {
			verb = &roleVerbs[k]
			break
		}
	}
	if verb == nil {
		return affil{}, false
	}
	a := i + len(verb.words)
	if a < s.tok1 && d.toks[a].is("as") {
		a++
	}
	for a < s.tok1 && d.toks[a].is("the", "a", "an", "its", "their", "new", "interim") {
		a++
	}
	// the phrase ends at a clause boundary
	b := a
	for b < s.tok1 && b < a+12 {
		t := d.toks[b]
		if !t.word && t.s != "'s" && t.s != "\u2019s" && t.s != "-" && t.s != "&" || d.inQuote[b] ||
			t.is("and", "but", "after", "before", "when", "until", "since", "who", "which", "where", "while", "in", "on", "last", "this", "from", "with", "by") {
			break
		}
		b++
	}
	if b == a {
		return affil{}, false
	}
	// "a 6-1 6-4 winner over" (a score), "Britain's longest-serving chancellor",
	// "player of the year": a feat or an award, not a post
	for k := a; k < b; k++ {
		l := d.toks[k].lower()
		if strings.Contains(l, "-ever") || strings.HasPrefix(l, "longest") || strings.HasPrefix(l, "youngest") || strings.HasPrefix(l, "oldest") ||
			l == "first" || l == "year" || l == "over" || strings.ContainsAny(l, "0123456789") {
			return affil{}, false
		}
	}
	seg, ok := d.readSegment(a, b)
	if !ok || seg.role == "" || seg.plural || seg.class == "" {
		return affil{}, false
	}
	return d.segmentAffiliation(m.ent, seg, verb.current && !seg.former, si, "predicate")
}

// wordsAt reports whether the lower-cased words start at token i, before
// end.
func (d *doc) wordsAt(i, end int, words []string) bool {
	if i+len(words) > end {
		return false
	}
	for k, w := range words {
		if d.toks[i+k].lower() != w {
			return false
		}
	}
	return true
}
