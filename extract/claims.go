package extract

import (
	"strings"
)

// claim is a claim found in the text, before it becomes a fact.
type claim struct {
	person       int
	kind         string
	text         string
	a, b         int // statement tokens (first and last segment) for mentions
	sent0, sent1 int
	rule         string
}

// adverbs that may stand between a speaker and the speech verb.
var speechAdverbs = map[string]bool{
	"also": true, "further": true, "later": true, "then": true, "again": true, "repeatedly": true, "once": true,
	"has": true, "had": true, "have": true, "was": true, "is": true, "will": true, "would": true, "recently": true,
	"previously": true, "earlier": true, "subsequently": true, "additionally": true, "moreover": true, "finally": true,
	"however": true, "openly": true, "publicly": true, "privately": true, "reportedly": true, "has also": true,
	"had also": true, "even": true, "still": true, "specifically": true, "strongly": true, "firmly": true,
}

// speechVerbAt reports whether a speech verb starts at token i and returns
// the token after it ("pointed out" is two tokens).
func (d *doc) speechVerbAt(i int) (int, bool) {
	if i >= len(d.toks) || !d.toks[i].word || d.inQuote[i] {
		return i, false
	}
	if phrase, ok := d.phraseAt(d.info[i].speechPhrases, i); ok {
		return i + len(phrase), true
	}
	if d.info[i].speechVerb {
		return i + 1, true
	}
	return i, false
}

// matchWords reports whether the lower-cased words start at token i.
func (d *doc) matchWords(i int, words []string) bool {
	if i+len(words) > len(d.toks) {
		return false
	}
	for k, w := range words {
		if d.toks[i+k].lower() != w {
			return false
		}
	}
	return true
}

// subjectBefore finds the speaker phrase that ends right before the verb at
// token v (skipping adverbs, and an appositive after a name) and resolves
// it.
func (d *doc) subjectBefore(v int) (int, string) {
	s := d.sents[d.sentOf[v]]
	e := v
	for e > s.tok0 && speechAdverbs[d.toks[e-1].lower()] {
		e--
	}
	if e <= s.tok0 {
		return -1, ""
	}
	// "was being urged", "is told": the subject did not speak
	for k := e; k < v; k++ {
		if d.toks[k].is("was", "were", "is", "are", "be", "been", "being") {
			return -1, ""
		}
	}
	if v-1 >= s.tok0 && d.toks[v-1].is("being", "been") {
		return -1, ""
	}
	// "... and said", "... but says": the subject of the sentence
	if d.toks[e-1].is("and", "but") {
		return d.clauseSubject(v)
	}
	// "Lawyer Louise Christian, who represents Mr Abbasi and Mr Mubanga,
	// said": the person before the relative clause; "The chancellor,
	// speaking during a tour of Africa, said": the speaker before the
	// participle clause
	if d.toks[e-1].s == "," {
		for k := e - 2; k > s.tok0 && k > e-32; k-- {
			if d.toks[k].s != "," {
				continue
			}
			if k+1 < e && d.toks[k+1].is("who", "whose") {
				for _, m := range d.mentionsEndingAt(k) {
					if m.kind == kindPerson {
						return m.ent, "named+relative"
					}
				}
				if p, rule := d.subjectBefore(k); p >= 0 && !d.speechVerbIn(s.tok0, k) {
					return p, rule + "+relative"
				}
			}
			if d.opensParenthesis(k) && !d.speechVerbIn(s.tok0, k) {
				if p, rule := d.subjectBefore(k); p >= 0 {
					return p, rule + "+parenthesis"
				}
			}
			break
		}
	}
	// "Mr Blair, who said"
	if d.toks[e-1].is("who") && e-2 > s.tok0 && d.toks[e-2].s == "," {
		for _, m := range d.mentionsEndingAt(e - 2) {
			if m.kind == kindPerson {
				return m.ent, "relative"
			}
		}
	}
	// "Mr Sands' book suggests"
	if d.toks[e-1].is("book", "report", "article", "letter", "memoir", "memoirs", "paper", "blog", "column", "essay", "study") && e-2 > s.tok0 {
		k := e - 2
		if d.toks[k].s == "'s" || d.toks[k].s == "\u2019s" || d.toks[k].s == "'" || d.toks[k].s == "\u2019" {
			for _, m := range d.mentionsEndingAt(k) {
				if m.kind == kindPerson {
					return m.ent, "author"
				}
			}
		}
	}
	// "Nigel McCune from the Musicians' Union said"
	if p := d.personBeforeOrgPhrase(e, s.tok0); p >= 0 {
		return p, "named+organisation"
	}
	// a person named just before, or before an appositive ending here
	for i := d.mentionsBefore(e); i >= 0 && d.mentions[i].tok0 >= s.tok0; i-- {
		m := d.mentions[i]
		if m.kind == kindPerson {
			end := m.tok1
			for end < e && postNominals[d.toks[end].s] {
				end++ // "Philippe Sands QC, a member of ..., says"
			}
			if end == e {
				return m.ent, "named"
			}
			if segs, after := d.appositiveAfter(end); len(segs) > 0 && (after == e || after == e-1 && d.toks[e-1].s == "," || after == e+1 && d.toks[e].s == ",") {
				return m.ent, "named+appositive"
			}
		}
	}
	// "Menzies Campbell, the Liberal Democrats' foreign affairs spokesman,
	// said": a description between commas right after a name, even one the
	// appositive reader does not parse
	if p := d.personBeforeParenthesis(e, s.tok0); p >= 0 {
		return p, "named+appositive"
	}
	// a pronoun or a description ("the expert", "Former US Diplomat")
	a := e - 1
	if personPronouns[d.toks[a].lower()] {
		return d.resolveSpeaker(a, e, a)
	}
	if d.toks[a].s == "," {
		// "The new President, Viktor Yushchenko, has said": the name
		// before the comma; but not a name inside a parenthesis ("Mr
		// Saakashvili, elected after Mr Shevardnadze was toppled, has urged")
		for _, m := range d.mentionsEndingAt(a) {
			if m.kind == kindPerson {
				return m.ent, "named"
			}
		}
		if p := d.personBeforeOrgPhrase(a, s.tok0); p >= 0 {
			return p, "named+organisation" // "Malcolm Shipley, of Shipley, said"
		}
		return -1, ""
	}
	if d.unnamedBefore(e, s.tok0) {
		d.addSubjectMark(speakerMark{person: -1, at: e})
		return -1, "" // "A Department for Work and Pensions spokeswoman confirmed"
	}
	// (not past a subordinator: "sued by Mr Galloway after the
	// newspaper claimed" is the newspaper's claim)
	for a > s.tok0 && e-a < 5 && d.toks[a-1].word && !d.toks[a-1].is("that", "and", "but", "as", "which", "who") && !subordinators[d.toks[a-1].low] {
		a--
	}
	for ; a < e; a++ {
		if m, ok := d.personAt(a, e); ok && m.kind == kindPerson && m.tok1+1 < e && (d.toks[m.tok1].s == "'s" || d.toks[m.tok1].s == "\u2019s") {
			return -1, "" // "Mr Livingstone's remark by reporters": a possessive is not the phrase's head
		}
		if p, rule := d.resolveSpeaker(a, e, a); p >= 0 {
			return p, rule
		}
		if d.toks[a].is("a", "an") {
			// "a Foreign Office spokesman": someone not named; a shorter
			// "Foreign Office spokesman" is not a description of anyone named
			return -1, ""
		}
	}
	return -1, ""
}

// unnamedBefore reports a description of someone not named that ends at
// token e and starts with "a" or "an" within ten words, across the
// connectors of an organisation's name ("A Department for Work and
// Pensions spokeswoman").
func (d *doc) unnamedBefore(e, s0 int) bool {
	if e-1 < s0 || !d.titleWordAt(e-1) && !expertNouns[d.toks[e-1].lower()] {
		return false
	}
	for k := e - 1; k >= s0 && k >= e-10; k-- {
		t := d.toks[k]
		if t.is("a", "an") {
			return true
		}
		if !t.word || finiteWords[t.lower()] || t.is("that", "who", "which", "but", "the") || d.cover[k] != nil && d.cover[k].kind == kindPerson {
			return false
		}
		if !t.cap && !d.titleWordAt(k) && !expertNouns[t.lower()] && !t.is("for", "of", "and", "on") {
			return false // "in a statement the directors": not one description
		}
		if _, ok := d.speechVerbAt(k); ok {
			return false
		}
	}
	return false
}

// speechVerbIn reports a speech verb in tokens [a, b): a parenthesis
// after "X said the man, who ..." belongs to the statement, not the speaker.
func (d *doc) speechVerbIn(a, b int) bool {
	for j := a; j < b; j++ {
		if _, ok := d.speechVerbAt(j); ok {
			return true
		}
	}
	return false
}

// opensParenthesis reports a parenthesis that opens after the comma at
// token k and may stand between a speaker and the speech verb: "which
// ...", a present participle ("speaking during a tour of Africa"), a
// participle of questioning ("asked about the remark by reporters"), or a
// past participle after a person's name ("Mr Saakashvili, elected
// president in January after ..., has urged").
func (d *doc) opensParenthesis(k int) bool {
	if k+2 >= len(d.toks) {
		return false
	}
	t := d.toks[k+1]
	l := t.lower()
	switch {
	case t.is("which"), d.participleAt(k + 1):
		return true
	case t.is("asked", "questioned", "pressed", "interviewed", "quoted", "challenged"):
		return d.toks[k+2].is("about", "on", "by", "if", "whether", "in", "at", "after", "over", "why", "what", "how")
	case t.word && !t.cap && len(l) > 4 && strings.HasSuffix(l, "ed"):
		for _, m := range d.mentionsEndingAt(k) {
			if m.kind == kindPerson {
				return true
			}
		}
	}
	return false
}

// participleAt reports a present participle at token i that opens a
// clause of its own ("speaking during a tour of Africa", "describing it as
// ..."), not a preposition that ends in -ing ("including", "regarding").
func (d *doc) participleAt(i int) bool {
	t := d.toks[i]
	l := t.lower()
	return t.word && !t.cap && len(l) > 5 && strings.HasSuffix(l, "ing") &&
		!t.is("including", "according", "during", "following", "regarding", "concerning", "excluding", "involving")
}

// personBeforeParenthesis returns the person named right before a
// parenthesis that ends with a comma at token e-1: "NAME, a few words
// without a verb,"; or -1.
func (d *doc) personBeforeParenthesis(e, s0 int) int {
	if e-1 <= s0 || d.toks[e-1].s != "," {
		return -1
	}
	for k := e - 2; k > s0 && k >= e-14; k-- {
		t := d.toks[k]
		// ("the man behind OptInRealBig.com and billions of junk mail
		// messages": "and" inside a description; a list of persons has a
		// name inside, below)
		if d.inQuote[k] || t.quote != notQuote || t.is("who", "which", "that", "but") ||
			finiteWords[t.lower()] && t.s != "'s" && t.s != "\u2019s" {
			return -1
		}
		if _, ok := d.speechVerbAt(k); ok {
			return -1
		}
		if d.cover[k] != nil && d.cover[k].kind == kindPerson {
			return -1 // "..., Acting Superintendent, Mick Deats, said": the name is inside
		}
		if t.s != "," {
			continue
		}
		if k == e-2 {
			return -1
		}
		for _, m := range d.mentionsEndingAt(k) {
			if m.kind == kindPerson {
				return m.ent
			}
		}
		return -1
	}
	return -1
}

// attributionAfter reads an attribution right after a closing quotation
// mark at token c: ", he said", "the expert told Agency", ", said Russian
// Foreign Minister at a press conference", ", Jane Doe, the minister, said".
// It returns the speaker and the token where the attribution ends.
func (d *doc) attributionAfter(c int) (int, string, int, bool) {
	k := c + 1
	if k < len(d.toks) && d.toks[k].s == "," {
		k++
	}
	if k >= len(d.toks) || d.sentOf[k] != d.sentOf[c] {
		return -1, "", k, false
	}
	s := d.sents[d.sentOf[c]]
	// "said X", "says X"
	if v, ok := d.speechVerbAt(k); ok {
		a := v
		for a < s.tok1 && d.toks[a].is("the", "a", "an") {
			a++
		}
		end := a
		// (past a possessive: "said Yahoo's Yonca Brunini")
		for end < s.tok1 && (d.toks[end].word || end > a && d.possessiveBefore(end+1)) && !d.toks[end].is("at", "on", "in", "after", "during", "to", "when", "while", "of", "that", "last", "yesterday") {
			end++
		}
		// "said RNID technology director, Guido Gybels": the title, then
		// the name after a comma
		if end > a && end+1 < s.tok1 && d.toks[end].s == "," && d.hasTitleWord(a, end) {
			for _, m := range d.startAt[end+1] {
				if m.kind == kindPerson {
					return m.ent, "named", d.attributionEnd(m.tok1, s), true
				}
			}
		}
		if end > a {
			if m, found := d.personAt(v, end); found {
				return m.ent, "named", d.attributionEnd(m.tok1, s), true
			}
			if p, rule := d.resolveSpeaker(v, end, v); p >= 0 {
				return p, rule, d.attributionEnd(end, s), true
			}
		}
		return -1, "", k, false
	}
	// "“...,” according to media strategist Glen Yearwood"
	if k+2 < s.tok1 && d.toks[k].is("according") && d.toks[k+1].is("to") {
		end := k + 2
		for end < s.tok1 && d.toks[end].word {
			end++
		}
		if m, found := d.personAt(k+2, end); found {
			return m.ent, "named", d.attributionEnd(m.tok1, s), true
		}
		return -1, "", k, false
	}
	// "X said", "he told Agency", "the expert explained", "X, a professor, said"
	for v := k; v < s.tok1 && v < k+20; v++ {
		if d.toks[v].quote != notQuote {
			break
		}
		if e, ok := d.speechVerbAt(v); ok && v > k {
			if p, rule := d.subjectBefore(v); p >= 0 {
				return p, rule, d.attributionEnd(e, s), true
			}
			return -1, "", k, false
		}
	}
	return -1, "", k, false
}

// attributionEnd is the token after an attribution: the end of its
// sentence part (up to a comma before a new quotation, or the sentence end).
func (d *doc) attributionEnd(from int, s sentence) int {
	for i := from; i < s.tok1; i++ {
		if d.toks[i].quote == openDouble || d.toks[i].quote == straightDouble || d.toks[i].s == "," || d.toks[i].s == ";" {
			return i
		}
	}
	return s.tok1
}

// attributionBefore reads "X said: “...”", "As X put it, “...”".
func (d *doc) attributionBefore(open int) (int, string, bool) {
	if open <= 0 {
		return -1, "", false
	}
	s := d.sents[d.sentOf[open]]
	prev := open - 1
	if prev < s.tok0 {
		// the sentence before ends with a colon: "He said:" + new sentence
		return -1, "", false
	}
	if !(d.toks[prev].s == ":" || d.toks[prev].s == "," || d.toks[prev].is("that")) {
		if _, ok := d.speechVerbAt(prev); !ok {
			return -1, "", false
		}
		prev++
	}
	for v := prev - 1; v >= s.tok0 && v >= prev-12; v-- {
		if _, ok := d.speechVerbAt(v); ok {
			if p, rule := d.subjectBefore(v); p >= 0 {
				return p, rule, true
			}
			return -1, "", false
		}
		// "with finance minister Herve Gaymard telling parliament: “...”"
		if d.info[v].participle {
			if p := d.withPerson(v); p >= 0 {
				return p, "participle:with", true
			}
		}
		if d.info[v].participle && v > s.tok0 && d.toks[v-1].s == "," {
			// "... sent his congratulations, saying: “...”"
			if p, rule := d.clauseSubject(v); p >= 0 {
				return p, "participle:" + rule, true
			}
			return -1, "", false
		}
		// "As X put it"
		if d.toks[v].is("put") && v+1 < open && d.toks[v+1].is("it") {
			a := v - 1
			for a > s.tok0 && !d.toks[a-1].is("as", "As") {
				a--
			}
			if p, rule := d.resolveSpeaker(a, v, a); p >= 0 {
				return p, rule, true
			}
		}
	}
	// "Mr Dean is confident though: \"...\"": a colon after a clause
	// whose subject is a person, with no speech verb
	if d.toks[prev].s == ":" && !d.speechVerbIn(s.tok0, prev) {
		for _, m := range d.mentionsIn(s.tok0, prev) {
			if m.kind == kindPerson && m.subject && !d.inQuote[m.tok0] {
				return m.ent, "subject+colon", true
			}
		}
	}
	return -1, "", false
}

// clauseInitial reports whether a quotation opening at token open starts a
// clause (a quoted sentence), rather than quoting a few words inside one.
func (d *doc) clauseInitial(q quoteSpan) bool {
	if q.open < 0 {
		return true
	}
	if q.a >= q.b {
		return false
	}
	if d.sentenceStart(q.open) || d.sentenceStart(q.a) {
		return true
	}
	if q.words(d) >= 8 && d.hasOwnAttribution(q) && d.endsSentenceInside(q) {
		// a whole quoted sentence after a missing full stop
		return true
	}
	prev := d.toks[q.open-1]
	if prev.s == ":" {
		return true
	}
	if prev.s == "," || prev.is("that") {
		for v := q.open - 2; v >= 0 && v >= q.open-4; v-- {
			if _, ok := d.speechVerbAt(v); ok {
				return d.quoteEndsClause(q)
			}
		}
		return prev.s == "," && q.words(d) >= 6
	}
	_, ok := d.speechVerbAt(q.open - 1)
	return ok && d.quoteEndsClause(q)
}

// endsSentenceInside reports whether a quotation ends with sentence
// punctuation (or a comma before its attribution) inside its marks.
func (d *doc) endsSentenceInside(q quoteSpan) bool {
	if q.b-1 < q.a {
		return false
	}
	last := d.toks[q.b-1].s
	return last == "." || last == "," || last == "!" || last == "?"
}

// quoteEndsClause reports whether nothing but punctuation or an
// attribution follows a quotation in its sentence: `He said "it is likely"
// that ...` quotes a few words of a reported statement.
func (d *doc) quoteEndsClause(q quoteSpan) bool {
	if q.close < 0 {
		return true
	}
	s := d.sents[d.sentOf[q.close]]
	k := q.close + 1
	for k < s.tok1 && !d.toks[k].word {
		if d.toks[k].quote != notQuote {
			return true
		}
		k++
	}
	if k >= s.tok1 {
		return true
	}
	_, _, _, ok := d.attributionAfter(q.close)
	return ok
}

// nextBodyParagraph returns the first token of the paragraph after para,
// or -1.
func (d *doc) paragraphStart(para int) int {
	if t, ok := d.paraFirst[para]; ok {
		return t
	}
	return -1
}

// nextParagraph returns the body paragraph after para, or -1.
func (d *doc) nextParagraph(para int) int {
	if i, ok := d.paraPos[para]; ok && i+1 < len(d.paraList) {
		return d.paraList[i+1]
	}
	return -1
}

// directClaims turns quotations into claims: one per quotation, even when
// it runs over several paragraphs or is interrupted by its attribution.
func (d *doc) directClaims() []claim {
	var out []claim
	used := make([]bool, len(d.quotes))
	lastSpeakerInPara := map[int]int{}
	for qi := range d.quotes {
		if used[qi] {
			continue
		}
		q := d.quotes[qi]
		if !d.clauseInitial(q) {
			continue
		}
		segs := []int{qi}
		used[qi] = true
		speaker, rule := -1, ""
		if p, r, ok := d.attributionBefore(q.open); ok {
			speaker, rule = p, "quote+attribution-before:"+r
		}
		for {
			cur := d.quotes[segs[len(segs)-1]]
			next := segs[len(segs)-1] + 1
			if cur.close < 0 {
				// the quotation goes on in the next paragraph
				np := d.nextParagraph(cur.para)
				if next < len(d.quotes) && np >= 0 && d.quotes[next].para == np && d.quotes[next].open == d.paragraphStart(np) {
					segs = append(segs, next)
					used[next] = true
					continue
				}
				break
			}
			p, r, end, ok := d.attributionAfter(cur.close)
			if ok && speaker < 0 {
				speaker, rule = p, "quote+attribution-after:"+r
			}
			if !ok {
				end = cur.close + 1
				if speaker < 0 {
					break
				}
			}
			// "“A,” he said. “B.”", "“A,” said X, chief economist at Y.
			// “B.”", "X said: “A.” “B.”": B continues A unless it has its
			// own attribution
			if ok {
				if _, after := d.appositiveAfter(end); after > end {
					end = after
				}
			}
			if next < len(d.quotes) && d.quotes[next].para == cur.para && d.quotes[next].open >= 0 &&
				d.onlyPunctuation(end, d.quotes[next].open) && !d.hasOwnAttribution(d.quotes[next]) {
				segs = append(segs, next)
				used[next] = true
				continue
			}
			break
		}
		first, last := d.quotes[segs[0]], d.quotes[segs[len(segs)-1]]
		if speaker < 0 && first.open <= d.paragraphStart(first.para) && (last.close < 0 || d.quoteEndsParagraph(last)) {
			// a quotation paragraph of its own: the speaker of the paragraph before
			if p, ok := lastSpeakerInPara[d.prevParagraph(first.para)]; ok {
				speaker, rule = p, "quote+previous-speaker"
			} else if d.paragraphEndsWithColon(d.prevParagraph(first.para)) {
				if p := d.lastSubject(d.paragraphStart(first.para)); p >= 0 {
					speaker, rule = p, "quote+introduced"
				}
			}
		}
		if speaker < 0 && d.sentenceStart(max(first.open, first.a)) && d.quoteEndsClause(last) && first.words(d) >= 4 {
			// a quoted sentence with no attribution: the person speaking
			// in this or the paragraph before
			at := max(first.open, first.a)
			if p := d.lastSubject(at); p >= 0 && d.mentionedSince(p, d.prevParagraph(first.para), at) {
				speaker, rule = p, "quote+latest-speaker"
			}
		}
		if (rule == "quote+previous-speaker" || rule == "quote+introduced" || rule == "quote+latest-speaker") && d.namedIn(speaker, first.a, last.b) {
			// a speaker guessed for a quotation that names that person
			// ("Ms Villalba was removed by ..."): someone else speaks
			continue
		}
		if speaker < 0 {
			continue
		}
		var parts []string
		for _, si := range segs {
			sq := d.quotes[si]
			parts = append(parts, d.cleanSpan(sq.a, sq.b))
		}
		text := trimStatement(strings.Join(parts, " "))
		if text == "" {
			continue
		}
		c := claim{person: speaker, kind: Direct, text: text, a: first.a, b: last.b,
			sent0: d.sentOf[max(first.a, 0)], sent1: d.sentOf[max(last.b-1, 0)], rule: rule}
		if last.close >= 0 {
			c.sent1 = d.sentOf[last.close]
		}
		out = append(out, c)
		lastSpeakerInPara[last.para] = speaker
		d.speakerMarks = append(d.speakerMarks, speakerMark{speaker, last.b})
		// now, not after all quotations: "..., predicted Ted Cohen. He
		// said: ..." is Cohen's
		d.markSpeaker(c)
	}
	return out
}

// namedIn reports whether person p is named in tokens [a, b).
func (d *doc) namedIn(p, a, b int) bool {
	for _, m := range d.mentionsIn(a, b) {
		if m.kind == kindPerson && m.ent == p {
			return true
		}
	}
	return false
}

// mentionedSince reports whether person p is named (outside quotations)
// or speaks between the start of paragraph para and token at.
func (d *doc) mentionedSince(p, para, at int) bool {
	from := 0
	if para >= 0 {
		from = d.paragraphStart(para)
	}
	for i := d.mentionsBefore(at); i >= 0 && d.mentions[i].tok0 >= from; i-- {
		if m := d.mentions[i]; m.kind == kindPerson && m.ent == p {
			return true
		}
	}
	for _, sp := range d.speakerMarks {
		if sp.person == p && sp.at >= from && sp.at < at {
			return true
		}
	}
	return false
}

func (d *doc) prevParagraph(para int) int {
	if i, ok := d.paraPos[para]; ok && i > 0 {
		return d.paraList[i-1]
	}
	return -1
}

func (d *doc) paragraphEndsWithColon(para int) bool {
	i, ok := d.paraPos[para]
	if !ok {
		return false
	}
	end := len(d.toks)
	if i+1 < len(d.paraList) {
		end = d.paraFirst[d.paraList[i+1]]
	}
	return end > 0 && d.toks[end-1].s == ":"
}

func (d *doc) quoteEndsParagraph(q quoteSpan) bool {
	for i := q.close + 1; i < len(d.toks) && d.paraOf(i) == q.para; i++ {
		if d.toks[i].word {
			return false
		}
	}
	return true
}

// onlyPunctuation reports whether tokens [a, b) hold no words.
func (d *doc) onlyPunctuation(a, b int) bool {
	for i := a; i < b; i++ {
		if d.toks[i].word {
			return false
		}
	}
	return a <= b
}

// hasOwnAttribution reports whether a quotation is attributed on its own.
func (d *doc) hasOwnAttribution(q quoteSpan) bool {
	if q.close < 0 {
		return false
	}
	_, _, _, ok := d.attributionAfter(q.close)
	return ok
}

// trimStatement removes the punctuation a quotation or clause ends with
// and connectives it starts with.
func trimStatement(s string) string {
	s = strings.TrimSpace(s)
	for {
		t := strings.TrimRight(s, " ,;:-–—")
		t = strings.TrimSuffix(t, "…")
		t = strings.TrimSuffix(t, "...")
		t = strings.TrimRight(t, " .,;:")
		if t == s {
			break
		}
		s = t
	}
	for _, c := range []string{"However, ", "But ", "And ", "So ", "Also, ", "Besides, ", "Meanwhile, ", "Still, ", "Yet "} {
		if strings.HasPrefix(s, c) && len(s) > len(c)+10 {
			s = s[len(c):]
			r := []rune(s)
			if len(r) > 1 && r[0] >= 'a' && r[0] <= 'z' {
				// keep the clause's own case
			}
		}
	}
	return s
}

// indirectClaims finds reported speech outside quotations: "According to
// him, ...", "In his opinion, ...", "X stressed that ...", "..., he said.",
// "X called the relations lukewarm".
func (d *doc) indirectClaims(direct []claim) []claim {
	var out []claim
	inDirect := func(si int) bool {
		for _, c := range direct {
			if si >= c.sent0 && si <= c.sent1 {
				return true
			}
		}
		return false
	}
	for si, s := range d.sents {
		if d.inQuote[s.tok0] && d.inQuote[s.tok1-1] {
			continue
		}
		if c, ok := d.leadClaim(si); ok {
			out = append(out, c)
			continue
		}
		if cs := d.reportedClaims(si); len(cs) > 0 {
			out = append(out, cs...)
			// "X called the change pragmatic and argued ...": both
			if c, ok := d.callClaim(si); ok && !overlapsAny(c, cs) {
				out = append(out, c)
			}
			if c, ok := d.complementClaim(si); ok && !overlapsAny(c, cs) {
				out = append(out, c)
			}
			continue
		}
		if inDirect(si) {
			continue
		}
		if c, ok := d.finalAttributionClaim(si); ok {
			out = append(out, c)
			continue
		}
		if c, ok := d.callClaim(si); ok {
			out = append(out, c)
		}
		if c, ok := d.complementClaim(si); ok && !overlapsAny(c, out) {
			out = append(out, c)
		}
	}
	kept := out[:0]
	for _, c := range out {
		if d.hasContentWord(c.a, c.b) {
			kept = append(kept, c)
		}
	}
	return kept
}

// overlapsAny reports whether claim c's statement shares tokens with one
// of cs.
func overlapsAny(c claim, cs []claim) bool {
	for _, o := range cs {
		if c.a < o.b && o.a < c.b {
			return true
		}
	}
	return false
}

// hasContentWord reports whether tokens [a, b) hold a lower-case word that
// is not a function word or a preposition: a reported statement says
// something ("the Prime Minister" or "The UK, France, Germany" is a noun
// phrase cut from a longer sentence, not a statement).
func (d *doc) hasContentWord(a, b int) bool {
	for i := a; i < b && i < len(d.toks); i++ {
		t := d.toks[i]
		if !t.word || t.s == "" {
			continue
		}
		if c := t.s[0]; c < 'a' || c > 'z' {
			continue
		}
		if l := t.lower(); !functionWords[l] && !prepositions[l] && !clauseOpeners[l] {
			return true
		}
	}
	return false
}

// leadClaim: "According to him, CLAUSE", "In his opinion, CLAUSE".
func (d *doc) leadClaim(si int) (claim, bool) {
	s := d.sents[si]
	starts := []int{s.tok0}
	// after a short opener: "Meanwhile, in his opinion, ..."
	for i := s.tok0; i < s.tok1 && i < s.tok0+5; i++ {
		if d.toks[i].s == "," {
			starts = append(starts, i+1)
			break
		}
	}
	for _, st := range starts {
		for _, lead := range d.lx.leads {
			comma, pa, pb, ok := d.matchLead(st, s.tok1, lead)
			if !ok {
				continue
			}
			p, rule := d.resolveSpeaker(pa, pb, pa)
			if p < 0 {
				continue
			}
			// "In the words of Anna Berg, senior fellow at X, the region
			// ...": past the speaker's appositive
			if m, ok := d.personAt(pa, pb); ok && m.tok1 == comma {
				if segs, after := d.appositiveAfter(comma); len(segs) > 0 && after > comma+1 && after < s.tok1 && d.toks[after-1].s == "," {
					comma = after - 1
				}
			}
			text := trimStatement(d.cleanSpan(comma+1, s.tok1))
			if len(strings.Fields(text)) < 3 {
				continue
			}
			return claim{person: p, kind: Indirect, text: text, a: comma + 1, b: s.tok1, sent0: si, sent1: si,
				rule: "reported:" + strings.Join(lead, " ") + ":" + rule}, true
		}
	}
	return claim{}, false
}

// matchLead matches a lead pattern ("according to {P}", "in {P} opinion")
// at token i, followed by a comma; it returns the comma and the speaker's
// tokens.
func (d *doc) matchLead(i, end int, lead []string) (comma, pa, pb int, ok bool) {
	j := i
	for k, w := range lead {
		if w == "{p}" {
			pa = j
			// the speaker runs to the next literal word or the comma
			var stop string
			if k+1 < len(lead) {
				stop = lead[k+1]
			}
			for j < end && d.toks[j].s != "," && (stop == "" || d.toks[j].lower() != stop) && j-pa < 8 {
				j++
			}
			pb = j
			// "his" / "X's"
			if pb > pa && (d.toks[pb-1].s == "'s" || d.toks[pb-1].s == "\u2019s") {
				pb--
			}
			if pb == pa {
				return 0, 0, 0, false
			}
			continue
		}
		if j >= end || d.toks[j].lower() != w {
			return 0, 0, 0, false
		}
		j++
	}
	if j >= end || d.toks[j].s != "," {
		return 0, 0, 0, false
	}
	return j, pa, pb, true
}

// clauseOpeners can start a reported clause after a speech verb without
// "that": "He said the plan would fail", "She said there was no deal".
var clauseOpeners = map[string]bool{
	"the": true, "a": true, "an": true, "this": true, "these": true, "those": true, "there": true, "it": true,
	"he": true, "she": true, "they": true, "we": true, "i": true, "you": true, "his": true, "her": true,
	"its": true, "their": true, "our": true, "my": true, "no": true, "some": true, "any": true, "all": true,
	"many": true, "most": true, "several": true, "both": true, "every": true, "each": true, "nothing": true,
	"everyone": true, "everybody": true, "nobody": true, "people": true, "such": true, "more": true,
	"if": true, "while": true, "once": true, "only": true, "not": true, "further": false,
}

// reportedClaim: "X stressed that CLAUSE", "X, Associate Professor, said
// that CLAUSE", "X expressed the opinion that CLAUSE", "He said the plan
// would fail", "She told reporters CLAUSE", "..., saying CLAUSE".
func (d *doc) reportedClaims(si int) []claim {
	s := d.sents[si]
	type found struct {
		v, from      int
		person       int
		rule, phrase string
		embedded     bool // inside the statement of the report before
	}
	var fs []found
	for v := s.tok0; v < s.tok1; v++ {
		if d.inQuote[v] {
			continue
		}
		e, ok := d.speechVerbAt(v)
		if ok && v > s.tok0 && d.toks[v-1].is("his", "her", "their", "its", "our", "my", "the", "these", "those") {
			ok = false // "His comments came as ...": a noun, not a verb
		}
		phrase := ""
		participle := false
		if !ok {
			if tp, found := d.phraseAt(d.info[v].thatPhrases, v); found {
				e, ok, phrase = v+len(tp), true, strings.Join(tp, " ")
			}
		}
		withSpeaker := -1
		if !ok && d.info[v].participle && v > s.tok0 {
			// ", adding", or with the comma inside a closing quotation mark:
			// "balanced," adding
			commaBefore := d.toks[v-1].s == "," || v-2 >= s.tok0 && d.toks[v-1].quote != notQuote && d.toks[v-2].s == ","
			if commaBefore || d.toks[v-1].is("by") {
				e, ok, participle = v+1, true, true
			} else if p := d.withPerson(v); p >= 0 {
				// "Berlin welcomed the decision, with finance minister
				// Hans Eichel saying it showed ..."
				e, ok, withSpeaker = v+1, true, p
			}
		}
		if !ok {
			continue
		}
		from := d.clauseAfterVerb(v, e, s.tok1)
		if from < 0 {
			continue
		}
		var p int
		var rule string
		switch {
		case withSpeaker >= 0:
			p, rule = withSpeaker, "with-named"
		case participle && len(fs) > 0:
			// "he insisted ..., adding ...": the same speaker
			p, rule = fs[len(fs)-1].person, "participle-same-speaker"
		case participle:
			p, rule = d.clauseSubject(v)
		default:
			p, rule = d.subjectBefore(v)
		}
		if p < 0 {
			continue
		}
		if phrase == "" {
			phrase = d.toks[v].lower()
		}
		if strings.HasPrefix(rule, "named+") && !participle && withSpeaker < 0 {
			// "Tom Hale, in turn, drew attention to ...": the speaker is the
			// subject a later "he" goes back to
			d.addSubjectMark(speakerMark{person: p, at: v})
		}
		nf := found{v: v, from: from, person: p, rule: rule, phrase: phrase}
		if n := len(fs); n > 0 && d.embeddedReport(fs[n-1].from, nf.v, nf.rule) {
			// "X said the agent told him ...": a report inside X's
			// statement; it stays part of it, and is a claim of its own only
			// when its speaker is named there
			if nf.rule != "named" || nf.person == fs[n-1].person {
				v = from - 1
				continue
			}
			nf.embedded = true
		}
		fs = append(fs, nf)
		v = from - 1
	}
	var out []claim
	for k, f := range fs {
		// the statement ends where the next report begins ("... but
		// predicted ...") or at a clause that is not part of it
		end := s.tok1
		next := k + 1
		for next < len(fs) && fs[next].embedded {
			next++
		}
		if next < len(fs) {
			end = fs[next].v
			for end > f.from && (d.toks[end-1].is("and", "but", "also", "he", "she", "they") || !d.toks[end-1].word) {
				end--
			}
		}
		end = d.statementEnd(f.from, end)
		if f.rule == "relative" {
			end = d.relativeClauseEnd(f.from, end)
		}
		if d.introducesQuote(f.from, end) {
			continue // "He told BBC Radio 4's Today programme: “...”"
		}
		a := f.from
		if first, _, _ := strings.Cut(f.phrase, " "); denialVerbs[first] {
			// a denial keeps its verb, so that the graph does not say the
			// speaker claimed what was denied: "denied claims that the plan
			// had failed"
			a = f.v
		}
		text := trimStatement(d.cleanSpan(a, end))
		if len(strings.Fields(text)) < 3 {
			continue
		}
		out = append(out, claim{person: f.person, kind: Indirect, text: text, a: a, b: end, sent0: si, sent1: si,
			rule: "reported:" + f.phrase + ":" + f.rule})
	}
	return out
}

// denialVerbs open a speech phrase that denies what follows ("denied
// that ...", "rejected claims that ...").
var denialVerbs = map[string]bool{"denied": true, "denies": true, "deny": true, "denying": true, "rejected": true, "rejects": true, "dismissed": true, "dismisses": true}

// embeddedReport reports whether a speech verb at token v, whose speaker
// was found by rule, stands inside the statement that starts at token from:
// its subject follows with no clause break ("said the agent told him"), or
// it is coordinated with a report that does ("said the agent told him ...
// and suggested ...").
func (d *doc) embeddedReport(from, v int, rule string) bool {
	inner := false
	for j := from; j < v; j++ {
		t := d.toks[j]
		if t.s == ";" || t.is("but", "while", "whereas") {
			return false
		}
		if _, ok := d.speechVerbAt(j); ok && j > from {
			inner = true
		}
		if strings.HasPrefix(rule, "clause-subject") {
			continue
		}
		if t.s == "," || t.s == "-" || t.is("and") {
			return false
		}
	}
	if strings.HasPrefix(rule, "clause-subject") {
		return inner
	}
	return rule == "named" || rule == "description" || rule == "pronoun" || rule == "named+appositive"
}

// relativeClauseEnd cuts a report made in a relative clause where the
// clause ends: "Jack Straw, who argues X, has said Y" reports X.
func (d *doc) relativeClauseEnd(from, end int) int {
	for i := from + 1; i < end && i+2 < len(d.toks); i++ {
		if d.toks[i].s != "," {
			continue
		}
		j := i + 1
		if d.toks[j].is("has", "had", "have") {
			j++
		}
		if _, ok := d.speechVerbAt(j); ok {
			return i
		}
	}
	return end
}

// introducesQuote reports a colon before an opening quotation mark in
// [a, b): the words are the lead-in of a direct quotation, not a report.
func (d *doc) introducesQuote(a, b int) bool {
	for i := a; i+1 < b; i++ {
		if d.toks[i].s == ":" && (d.toks[i+1].quote == openDouble || d.toks[i+1].quote == straightDouble) {
			return true
		}
	}
	return false
}

// personBeforeOrgPhrase returns the person named before "from/of/at (the)
// ORGANISATION" that ends at token e ("Nigel McCune from the Musicians'
// Union said"), or -1.
func (d *doc) personBeforeOrgPhrase(e, s0 int) int {
	if e-1 > s0 && d.toks[e-1].s == "!" && d.toks[e-1].start == d.toks[e-2].end {
		e-- // "OutRage!", "Yahoo!"
	}
	for _, o := range d.mentionsEndingAt(e) {
		if o.kind == kindOrg || o.kind == kindCountry {
			return d.personOfBefore(o.tok0-1, s0)
		}
	}
	// a name the rules do not know as an organisation's, perhaps after a
	// description: "Brett Lock of gay group OutRage! said"
	k := e - 1
	caps := 0
	for k > s0 && d.toks[k].cap && d.toks[k].word && d.cover[k] == nil && caps < 4 {
		k--
		caps++
	}
	if caps == 0 {
		return -1
	}
	return d.personOfBefore(k, s0)
}

// personOfBefore returns the person named before "of", "from" or "at",
// an optional "the" and a short lower-case description, that end at token
// k: "Nigel McCune from the Musicians' Union", "Brett Lock of gay group
// OutRage!"; or -1.
func (d *doc) personOfBefore(k, s0 int) int {
	for n := 0; k > s0 && n < 3 && d.toks[k].word && !d.toks[k].cap && !d.toks[k].is("of", "from", "at", "the") && !d.info[k].speechVerb; n++ {
		k--
	}
	if k > s0 && d.toks[k].is("the") {
		k--
	}
	if k <= s0 || !d.toks[k].is("of", "from", "at") {
		return -1
	}
	for _, m := range d.mentionsEndingAt(k) {
		if m.kind == kindPerson {
			return m.ent
		}
	}
	return -1
}

// withPerson returns the person named right before token v after "with"
// ("with finance minister Hans Eichel saying"), or -1.
func (d *doc) withPerson(v int) int {
	for _, m := range d.mentionsEndingAt(v) {
		if m.kind != kindPerson {
			continue
		}
		start := m.tok0
		if m.title.start < start {
			start = m.title.start
		}
		if start > 0 && d.toks[start-1].is("with") {
			return m.ent
		}
	}
	return -1
}

// statementEnd cuts a reported statement [from, end) before a clause that
// is not part of it: a lone dash ("there was no snub - he is going to
// ..."; a pair of dashes is a parenthesis), or another speaker's words
// ("... but the Tories say ...").
func (d *doc) statementEnd(from, end int) int {
	var dashes []int
	for i := from + 2; i < end; i++ {
		t := d.toks[i]
		if (t.s == "-" || t.s == "\u2013" || t.s == "\u2014") && t.start > d.toks[i-1].end {
			dashes = append(dashes, i)
		}
		if t.is("and") && d.secondPredicate(i+1, end) && !d.speechVerbIn(from, i) {
			end = i
			break
		}
		if t.is("but", "while", "whereas") && d.personAtClauseStart(i+1, end) {
			end = i // "... but Tory Dominic Grieve branded ...": another person's clause
			break
		}
		if t.is("but", "while", "whereas") {
			for j := i + 1; j < end && j < i+6; j++ {
				if _, ok := d.speechVerbAt(j); ok {
					end = i
					break
				}
			}
		}
	}
	var cut []int
	for _, k := range dashes {
		if k < end {
			cut = append(cut, k)
		}
	}
	if len(cut) == 1 {
		return cut[0]
	}
	return end
}

// personAtClauseStart reports a person named within the first few
// words from token i ("Tory Dominic Grieve branded"), outside quotations.
func (d *doc) personAtClauseStart(i, end int) bool {
	if i < end && d.toks[i].is("the") && i+1 < end && d.toks[i+1].cap {
		i++ // "but the Kestwick Forum's Anna Berg rejected ..."
	}
	for j := i; j < end && j < i+6; j++ {
		if (d.toks[j].s == "'s" || d.toks[j].s == "\u2019s") && j > i && !d.inQuote[j] {
			continue // "but Tennis Australia's Geoff Pollard rejected ..."
		}
		if !d.toks[j].cap || d.inQuote[j] {
			return false
		}
		for _, m := range d.startAt[j] {
			if m.kind == kindPerson {
				return true
			}
		}
	}
	return false
}

// secondPredicate reports that the speaker's own next verb starts at
// token i, after "and": a speech verb ("and urged ministers to ..."), or
// an auxiliary before a speech verb or a stance cue ("and has refused to
// withdraw it"). (When the statement reports speech itself, "the agent
// told him ... and suggested ...", the verb is the agent's: statementEnd
// checks that.)
func (d *doc) secondPredicate(i, end int) bool {
	if i+1 < end && d.toks[i].is("he", "she", "they", "we", "i") {
		// "... and he asked whether ...": a new report by the speaker
		if _, ok := d.speechVerbAt(i + 1); ok {
			return true
		}
		if i+2 < end && d.toks[i+1].is("also") {
			if _, ok := d.speechVerbAt(i + 2); ok {
				return true
			}
		}
	}
	if i < end && d.toks[i].is("also") {
		i++
	}
	// (not "had": "they had seen the scripts and had agreed to appear" is
	// one reported clause in the past perfect)
	aux := i < end && d.toks[i].is("has", "have")
	if aux {
		i++
	}
	if i >= end {
		return false
	}
	if _, ok := d.speechVerbAt(i); ok && d.toks[i].word && !d.toks[i].cap {
		return true
	}
	return aux && d.startsCue(i)
}

// clauseAfterVerb returns where the reported clause after a speech verb
// (tokens [v, e)) starts, or -1: after "that", after an audience ("told
// reporters"), after a short phrase of time or place ("on Tuesday", "in a
// statement"), or right after the verb when a clause begins there.
func (d *doc) clauseAfterVerb(v, e, end int) int {
	c := d.clauseAfterVerbAt(v, e, end)
	if c >= 0 && d.toks[c].is("whether", "if") && d.indirectQuestion(v) {
		return -1 // an indirect question is no statement: "refused to say whether ...", "asked whether ..."
	}
	return c
}

// indirectQuestion reports a speech verb at token v that asks or withholds
// rather than states: "asked", "wondered", "refused to say", "would not
// say" (but "said that whether A or B, C" states C).
func (d *doc) indirectQuestion(v int) bool {
	l := d.toks[v].lower()
	if strings.HasPrefix(l, "ask") || strings.HasPrefix(l, "wonder") || strings.HasPrefix(l, "question") {
		return true
	}
	return v > 0 && d.toks[v-1].is("to", "not", "n't", "never")
}

// clauseAfterVerbAt finds the clause for clauseAfterVerb.
func (d *doc) clauseAfterVerbAt(v, e, end int) int {
	k := e
	told := d.toks[v].is("told", "tells", "telling")
	// "warned Tony Blair on 7 March that ...", "assured MPs that ...": an
	// audience, then "that" (not "warned that ...", "warned last week
	// that ...")
	if !told && k < end && d.toks[v].is(audienceVerbs...) {
		if c := d.audienceThenThat(k, end); c > 0 {
			return c
		}
	}
	// "told reporters", "told the BBC", "told a Commons select committee"
	if told {
		k = d.skipAudience(k, end)
		if k < 0 {
			return -1
		}
		for steps := 0; steps < 3 && k < end; steps++ {
			if d.toks[k].s == "," {
				k++
				continue
			}
			if n := d.skipCircumstance(k, end); n > k {
				k = n
				continue
			}
			break
		}
		if k < end && d.toks[k].is("that") {
			k++
		}
		if k+1 < end && d.toks[k].word && d.toks[k].quote == notQuote && !prepositions[d.toks[k].lower()] && !d.circumstanceClause(k, end) && !strings.HasSuffix(d.toks[k].lower(), "ing") {
			return k
		}
		return -1
	}
	// "said, by 2008, he wanted ...", "said, if elected, he would ...": a
	// circumstance between commas before the clause
	if k+2 < end && d.toks[k].s == "," && (prepositions[d.toks[k+1].low] || d.toks[k+1].is("however", "though", "if", "when", "once", "unless")) {
		for j := k + 2; j < end && j < k+8; j++ {
			if d.toks[j].s == "," {
				k = j + 1
				break
			}
			if !d.toks[j].word {
				break
			}
		}
	}
	for steps := 0; steps < 3 && k < end; steps++ {
		if d.toks[k].is("that") {
			if k+1 < end {
				return k + 1
			}
			return -1
		}
		if n := d.skipCircumstance(k, end); n > k {
			k = n
			if k < end && d.toks[k].s == "," {
				k++
			}
			continue
		}
		break
	}
	if k >= end || d.toks[k].quote != notQuote || d.toks[k].s == ":" || d.toks[k].s == "," {
		return -1
	}
	t := d.toks[k]
	if t.is("himself", "herself", "themselves", "itself", "myself", "ourselves") {
		return -1 // "declared himself satisfied": no reported clause
	}
	if (clauseOpeners[t.lower()] || t.word) && !prepositions[t.lower()] && !d.circumstanceClause(k, end) && d.finiteVerbSoon(k, end, false) {
		return k
	}
	return -1
}

// finiteWords are the auxiliaries and common finite verbs that show a
// clause follows a speech verb ("said states had to ...", not "underlined
// the issue of ...").
var finiteWords = map[string]bool{
	"is": true, "are": true, "was": true, "were": true, "has": true, "have": true, "had": true, "will": true,
	"would": true, "could": true, "should": true, "can": true, "may": true, "might": true, "must": true,
	"did": true, "does": true, "do": true, "shall": true, "needed": true, "needs": true, "wanted": true,
	"wants": true, "came": true, "remained": true, "remains": true, "went": true, "got": true, "made": true,
	"knew": true, "took": true, "gave": true, "said": false, "'s": true, "\u2019s": false, "won't": true,
	"wouldn't": true, "couldn't": true, "didn't": true, "doesn't": true, "isn't": true, "wasn't": true,
	// irregular past forms ("the deal laid to rest ...")
	"laid": true, "held": true, "left": true, "kept": true, "met": true, "led": true, "paid": true,
	"sent": true, "spent": true, "built": true, "felt": true, "found": true, "brought": true,
	"bought": true, "thought": true, "sought": true, "won": true, "lost": true, "began": true,
	"became": true, "grew": true, "fell": true, "rose": true, "saw": true, "stood": true, "ran": true,
	"broke": true, "chose": true, "wrote": true, "spoke": true, "meant": true, "understood": true,
	"struck": true, "threw": true, "drew": true, "drove": true, "fought": true, "taught": true,
	"caught": true, "sold": true, "beat": false,
}

// finiteVerbSoon reports whether a finite verb comes within eleven words
// of token k, before a clause break. With strict, "'s" after a name is a
// possessive, not "is" ("Mr Brown's closest aides").
func (d *doc) finiteVerbSoon(k, end int, strict bool) bool {
	for j := k; j < end && j < k+12; j++ {
		t := d.toks[j]
		if t.s == ";" || t.s == ":" {
			return false
		}
		if j > k && t.s == "," && j+1 < end && d.toks[j+1].is("after", "before", "while", "when", "because", "since", "although", "though") {
			return false // "added the conversion, after Horgan grabbed ...": a subordinate clause's verb
		}
		l := t.lower()
		if strict && l == "'s" && !(j > k && d.toks[j-1].is("it", "he", "she", "that", "there", "what", "who", "here", "where", "this", "everyone", "everything", "nobody", "nothing")) {
			continue // a possessive: "Mr Brown's closest aides"
		}
		if finiteWords[l] || (j > k && strings.HasSuffix(l, "ed") && !d.toks[j-1].is("the", "a", "an", "been", "be")) {
			return true
		}
		if j > k && d.lx.speechVerbs[l] && !d.toks[j-1].is("the", "a", "an", "to") {
			return true // "said the agent told him ..."
		}
		pj := j - 1
		if pj > k && d.toks[pj].quote != notQuote && d.inQuote[j] {
			pj-- // the question "seems straightforward"
		}
		if j > k && strings.HasSuffix(l, "s") && d.toks[pj].word && !d.toks[pj].cap && (d.toks[pj].is("it", "he", "she", "this", "that") || d.isNounLike(pj)) {
			return true // "the company says", "it needs"
		}
	}
	return false
}

// hasFiniteVerb reports whether tokens [a, b) hold a finite verb, by
// finiteVerbSoon's guesses, or a subject pronoun before a lower-case word
// ("He quit the game", "It represents"); strict as for finiteVerbSoon.
func (d *doc) hasFiniteVerb(a, b int, strict bool) bool {
	for k := a; k+1 < b; k++ {
		if d.toks[k].is("i", "he", "she", "it", "we", "they") && d.toks[k+1].word && !d.toks[k+1].cap {
			return true
		}
	}
	for k := a; k < b; k += 7 {
		if d.finiteVerbSoon(k, b, strict) {
			return true
		}
	}
	return false
}

// isNounLike is a weak guess that token j ends a noun phrase.
func (d *doc) isNounLike(j int) bool {
	l := d.toks[j].lower()
	return !functionWords[l] && !prepositions[l] && !strings.HasSuffix(l, "ly")
}

func isNumber(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range s {
		if (c < '0' || c > '9') && c != ',' && c != '.' && c != '%' {
			return false
		}
	}
	return true
}

// circumstanceClause reports a clause at token k that tells when the
// speaking happened, not what was said: "told reporters as he arrived",
// "said when they decided to fly back" (but not "as many as", "as home
// secretary he ...").
func (d *doc) circumstanceClause(k, end int) bool {
	return k+1 < end && d.toks[k].is("as", "when", "whilst") &&
		d.toks[k+1].is("he", "she", "they", "we", "i", "his", "her", "their")
}

// prepositions do not start a reported clause.
var prepositions = map[string]bool{
	"on": true, "in": true, "at": true, "to": true, "for": true, "with": true, "by": true, "from": true,
	"of": true, "after": true, "before": true, "during": true, "about": true, "over": true, "under": true,
	"following": true, "via": true, "through": true, "since": true, "until": true, "into": true,
}

// audienceAt reports an audience word at token i ("reporters", "website",
// "Commons").
func (d *doc) audienceAt(i int) bool {
	t := d.toks[i]
	return d.lx.audience[t.s] || d.lx.audience[t.lower()]
}

// audienceVerbs take an audience and then a "that" clause, as "told"
// does: "warned the minister that ...".
var audienceVerbs = []string{"warned", "warns", "warning", "assured", "assures", "reminded", "reminds", "informed", "informs", "promised", "promises", "convinced", "advised", "advises"}

// audienceThenThat reads, from token k after an audience verb, an
// audience ("Tony Blair", "the BBC", "his rivals") and circumstances ("on
// 7 March") up to "that", and returns where the clause after "that"
// starts, or -1 when k does not start an audience so followed.
func (d *doc) audienceThenThat(k, end int) int {
	if k >= end || !d.toks[k].word || d.toks[k].is("that", "last", "this", "on", "in", "yesterday", "earlier", "recently") {
		return -1
	}
	j := d.skipAudience(k, end)
	if j < 0 {
		// an audience noun phrase the lexicon does not know: "ministers",
		// "his RBS 6 Nations Championship rivals"
		t := d.indexWord(k, min(k+8, end), "that")
		if t < 0 || !d.nounPhrase(k, t) {
			return -1
		}
		for i := k; i < t; i++ {
			if !d.toks[i].word || d.inQuote[i] {
				return -1
			}
		}
		j = t
	}
	for steps := 0; steps < 3 && j < end && !d.toks[j].is("that"); steps++ {
		n := d.skipCircumstance(j, end)
		if n <= j {
			break
		}
		j = n
	}
	if j+2 < end && d.toks[j].is("that") && d.toks[j+1].word && d.toks[j+1].quote == notQuote {
		return j + 1
	}
	return -1
}

// skipAudience skips the object of "told": an audience noun phrase or an
// organisation; it returns -1 when none is found.
func (d *doc) skipAudience(k, end int) int {
	for _, m := range d.mentionsIn(k, min(k+10, end)) {
		if m.tok0 == k || (m.tok0 == k+1 && d.toks[k].is("the", "a", "an")) {
			if m.kind == kindOrg || m.kind == kindCountry || m.kind == kindPerson {
				e := m.tok1
				if e < end && d.audienceAt(e) {
					e++ // "told the Daily Mirror newspaper"
				}
				return d.skipAudienceTail(e, end)
			}
		}
	}
	if d.toks[k].cap && d.possessiveNameEnd(k, end) > k {
		return d.skipAudienceTail(k, end) // "told BBC One's Breakfast with Frost"
	}
	// "told World Business Report that": a name no mention took, right
	// before "that"
	j := k
	if d.toks[j].is("the") {
		j++
	}
	e := j
	for e < end && e < j+6 && d.toks[e].cap && d.toks[e].word {
		e++
	}
	if e > j && e < end && d.toks[e].is("that") {
		return e
	}
	// "told Clarin it would not accept ...": a name, then the clause's
	// subject pronoun
	if e > j && e-j <= 3 && e+1 < end && d.toks[e].is("it", "he", "she", "they", "we", "there") && d.unnamedRun(j, e) {
		return e
	}
	for j := k; j < end && j < k+7; j++ {
		t := d.toks[j]
		if !t.word && t.s != "'s" && t.s != "\u2019s" {
			return -1
		}
		if d.audienceAt(j) {
			return d.skipAudienceTail(j+1, end)
		}
	}
	return -1
}

// unnamedRun reports whether tokens [a, b) hold no mention of a person
// and no form of address ("Clarin", not "Mr Brown").
func (d *doc) unnamedRun(a, b int) bool {
	for k := a; k < b; k++ {
		if d.cover[k] != nil && d.cover[k].kind == kindPerson || d.lx.honorifics[d.toks[k].lower()] != "" {
			return false
		}
	}
	return true
}

// possessiveNameEnd returns the token after the possessive that ends a
// run of capitalised words and numbers starting at k ("Radio 4's"), or k.
func (d *doc) possessiveNameEnd(k, end int) int {
	for j := k; j < end && j < k+4; j++ {
		t := d.toks[j]
		if t.s == "'s" || t.s == "\u2019s" {
			return j + 1
		}
		if !(t.cap && t.word || isNumber(t.s)) {
			break
		}
	}
	return k
}

// skipAudienceTail skips the rest of an audience ("of the House", "on
// Friday") up to the clause.
func (d *doc) skipAudienceTail(k, end int) int {
	// "BBC Radio 4's Today programme", "BBC One's Breakfast with Frost":
	// names up to a possessive, and the capitalised title after it
	if p := d.possessiveNameEnd(k, end); p > k {
		k = p
		for k < end && (d.toks[k].cap && d.toks[k].word || k+1 < end && d.toks[k].is("at", "of", "with", "the") && d.toks[k+1].cap) {
			k++
		}
	}
	if k < end && d.toks[k].is("programme", "program", "conference", "committee", "show") {
		k++
	}
	// "the BBC programme Go Digital": the programme's name after it
	if k > 0 && d.toks[k-1].is("programme", "program", "show") {
		for k < end && d.toks[k].cap && d.toks[k].word && (d.cover[k] == nil || d.cover[k].kind != kindPerson) && d.lx.honorifics[d.toks[k].lower()] == "" {
			k++ // (not "Today programme Mr Blair had ...")
		}
	}
	return k
}

// skipCircumstance skips a short phrase of time or manner after a speech
// verb: "on Tuesday", "in a statement", "at a news conference", "last
// week", "yesterday".
func (d *doc) skipCircumstance(k, end int) int {
	t := d.toks[k]
	switch {
	case t.is("yesterday", "today", "earlier", "later", "recently", "publicly", "privately", "repeatedly", "again", "also", "then", "previously", "separately"):
		return k + 1
	case t.is("last", "this", "next") && k+1 < end:
		return k + 2
	case t.is("on", "in", "at", "during", "after", "before", "to", "via", "through", "when", "while", "earlier", "over", "from", "late", "early"):
		j := k + 1
		for j < end && j < k+8 && d.toks[j].word && !d.toks[j].is("that") {
			j++
		}
		if j < end && (d.toks[j].is("that") || d.toks[j].s == ",") {
			return j
		}
	}
	return k
}

// clauseSubject finds who a participle (", saying ...") or a coordinated
// verb ("... and said ...") belongs to: the subject of the sentence.
func (d *doc) clauseSubject(v int) (int, string) {
	s := d.sents[d.sentOf[v]]
	for _, m := range d.mentionsIn(s.tok0, v) {
		if m.kind == kindPerson && m.subject {
			return m.ent, "clause-subject"
		}
	}
	// "He refused ..., saying"
	k := s.tok0
	for k < v && !d.toks[k].word {
		k++
	}
	if k < v && personPronouns[d.toks[k].lower()] {
		return d.lastSubjectAs(k, pronounGender(d.toks[k].s)), "clause-subject:pronoun"
	}
	// "It had to be brought together, he added, saying ...": the speaker of
	// the attribution before the participle
	for j := v - 1; j > s.tok0; j-- {
		if _, ok := d.speechVerbAt(j); ok && !d.inQuote[j] {
			if p, rule := d.subjectBefore(j); p >= 0 {
				return p, "clause-subject:" + rule
			}
			// "\"...,\" said Mr Hale, adding: ...": the speaker after the
			// verb of an attribution that follows a quotation
			if j-1 > s.tok0 && (d.toks[j-1].quote != notQuote || d.toks[j-1].s == "," && d.toks[j-2].quote != notQuote) {
				if m, ok := d.personAt(j+1, min(j+5, v)); ok && m.kind == kindPerson {
					return m.ent, "clause-subject:named-after-verb"
				}
			}
		}
	}
	return -1, ""
}

// finalAttributionClaim: "CLAUSE, he said." — a reported statement with
// its attribution at the end and no quotation marks around it.
func (d *doc) finalAttributionClaim(si int) (claim, bool) {
	s := d.sents[si]
	tries := 0
	for c := s.tok1 - 2; c > s.tok0+3 && tries < 3; c-- {
		if d.toks[c].s != "," && !(d.toks[c].quote == closeDouble || d.toks[c].quote == straightDouble) {
			continue
		}
		if d.toks[c].quote != notQuote && (c+1 >= s.tok1 || d.toks[c+1].s == ",") {
			continue // the comma after it is the separator
		}
		tries++
		if c-1 >= 0 && d.toks[c-1].quote != notQuote && d.fullQuoteEndsAt(c-1) {
			return claim{}, false // a quotation's attribution
		}
		// the attribution: a speaker and a speech verb within a few words
		// of the comma (what follows the verb may be long: "told reporters
		// on Thursday following consultations with ...")
		for v := c + 1; v < s.tok1 && v < c+18; v++ {
			if d.toks[v].s == "," && v > c+1 && !d.inAppositive(c, v) {
				break
			}
			if _, ok := d.speechVerbAt(v); !ok {
				continue
			}
			p, rule := -1, ""
			after := v + 1 // the token after the attribution
			if v == c+1 {
				// ", said Foreign Minister X": the speaker follows the verb
				// ("..., suggested they should get X" names no speaker)
				if n := d.toks[min(v+1, s.tok1-1)]; n.is("they", "he", "she", "it", "we", "you", "i", "there", "this", "that", "these", "those") || finiteWords[n.lower()] {
					break
				}
				end := v + 1
				for end < s.tok1 && d.toks[end].word {
					end++
				}
				p, rule = d.resolveSpeaker(v+1, end, v)
				after = end
				if m, ok := d.personAt(v+1, end); ok && m.tok1 < s.tok1 && d.toks[m.tok1].is("not", "to", "that", "against") {
					break // ", warned Mr Brown not to ...": the name is the verb's object
				}
				if segs, a := d.appositiveAfter(end); len(segs) > 0 && (segs[0].role != "" || segs[0].org != nil || segs[0].orgName != "") {
					after = a // ", said Shailendra Jain, head of MMS firm Adamind,"
				}
			} else {
				p, rule = d.subjectBefore(v)
			}
			if p < 0 {
				break
			}
			// "The tone of the campaign, said Mr Milburn, would be ...": the
			// attribution stands inside the statement
			// (not a participle clause of the speaker's: "..., he said, urging
			// voters to ...")
			tail := -1
			if after+1 < s.tok1 && d.toks[after].s == "," && !strings.HasSuffix(d.toks[after+1].lower(), "ing") && d.hasFiniteVerb(after+1, s.tok1, false) {
				tail = after + 1
			}
			head, b := d.cleanSpan(s.tok0, c), c
			if tail >= 0 {
				head, b = head+" "+d.cleanSpan(tail, s.tok1), s.tok1
			} else if !d.hasFiniteVerb(s.tok0, c, true) {
				return claim{}, false // "On his first day of questioning, Mr X admitted ...": no clause
			}
			text := trimStatement(head)
			if len(strings.Fields(text)) < 4 {
				return claim{}, false
			}
			for _, m := range d.mentionsIn(s.tok0, min(s.tok0+4, c)) {
				if m.kind == kindPerson && m.ent == p {
					return claim{}, false // "Mr Hale, elected ..., has urged": the speaker starts the sentence
				}
			}
			return claim{person: p, kind: Indirect, text: text, a: s.tok0, b: b, sent0: si, sent1: si,
				rule: "reported:clause+attribution:" + rule}, true
		}
	}
	return claim{}, false
}

// fullQuoteEndsAt reports whether a whole quoted clause (not a few quoted
// words) closes at token c.
func (d *doc) fullQuoteEndsAt(c int) bool {
	for _, q := range d.quotes {
		if q.close == c {
			return d.clauseInitial(q)
		}
	}
	return false
}

// inAppositive reports whether the comma at token v closes an appositive
// opened after a name that starts right after the comma at c: ", Jane Doe,
// a professor, said".
func (d *doc) inAppositive(c, v int) bool {
	if m, ok := d.personAt(c+1, c+2); ok {
		_, after := d.appositiveAfter(m.tok1)
		return after > v
	}
	return false
}

// callClaim: "X called the bilateral relations lukewarm" → "the bilateral
// relations are lukewarm"; "X dismissed the plan as reckless" → "the plan
// is reckless"; "..., calling it an intrusion" → "it is an intrusion".
// urgeVerbs report what the speaker wants someone else to do: "warned Mr
// Brown not to ...", "urged ministers to ..." (and "called on X to").
var urgeVerbs = map[string]bool{
	"warned": true, "warns": true, "urged": true, "urges": true, "urging": true, "advised": true,
	"advises": true, "implored": true, "begged": true, "pressed": true, "encouraged": true,
}

// complementClaim reads a speech verb with an object and its complement
// as the speaker's reported words, the object and complement as the
// statement: "X accused Y of Z-ing ..." ("Mr Blair's government of being
// less than straightforward over its plans"), "X warned/urged/called on Y
// (not) to V ..." ("Mr Brown not to be tempted to use ...").
func (d *doc) complementClaim(si int) (claim, bool) {
	s := d.sents[si]
	for v := s.tok0 + 1; v < s.tok1-3; v++ {
		obj, mark := d.complementAt(v, s.tok1)
		if mark < 0 || d.inQuote[v] || d.toks[v-1].is("was", "were", "is", "are", "be", "been", "being", "the", "of") {
			continue // (not "he was accused of", "the accused", "was warned to")
		}
		p, rule := d.verbSubject(v)
		if p < 0 {
			continue
		}
		end := s.tok1
		for k := mark + 2; k < s.tok1; k++ {
			if d.toks[k].s == ";" || d.toks[k].s == ":" || d.toks[k].s == "," && k+1 < s.tok1 &&
				(d.toks[k+1].is("and", "but", "while", "which", "who", "as") || strings.HasSuffix(d.toks[k+1].lower(), "ing")) {
				end = k // (and before a participle clause: ", fearing that ...")
				break
			}
		}
		for end > mark+1 && !d.toks[end-1].word {
			end--
		}
		return claim{person: p, kind: Indirect, text: trimStatement(d.cleanSpan(obj, end)), a: obj, b: end, sent0: si, sent1: si,
			rule: "reported:" + d.toks[v].lower() + ":" + rule}, true
	}
	return claim{}, false
}

// complementAt finds, for a verb at token v that takes an object and a
// complement, where the object starts and the complement's marker: "of"
// before a gerund after "accused", "(not) to" before a verb after "urged"
// or "called on". mark is -1 when there is none within a few words.
func (d *doc) complementAt(v, end int) (obj, mark int) {
	t := d.toks[v]
	if !t.word || t.cap || len(t.s) < 5 {
		return 0, -1 // (the verbs are lower-case words of five letters or more)
	}
	accuse := t.is("accused", "accuses", "accusing")
	obj = v + 1
	switch {
	case accuse, urgeVerbs[t.lower()]:
	case t.is("called", "calls", "calling") && d.toks[v+1].is("on", "upon"):
		obj = v + 2
	default:
		return 0, -1
	}
	if d.toks[obj].is("to", "of") {
		return 0, -1
	}
	for k := obj + 1; k < end-1 && k < obj+9; k++ {
		next := k + 1
		if next < end-1 && d.toks[next].quote != notQuote {
			next++ // of "being less than straightforward"
		}
		if accuse && d.toks[k].is("of") && strings.HasSuffix(d.toks[next].lower(), "ing") ||
			!accuse && d.toks[k].is("to") && d.toks[next].word && !d.toks[next].cap && !d.toks[next].is("the", "a", "an") {
			return obj, k
		}
		if !d.toks[k].word && d.toks[k].s != "'s" && d.toks[k].s != "\u2019s" {
			break
		}
	}
	return 0, -1
}

// verbSubject returns the speaker of the speech verb at token v: the
// subject before it, or for a participle after a comma (", urging ..."),
// the subject of its clause.
func (d *doc) verbSubject(v int) (int, string) {
	if strings.HasSuffix(d.toks[v].lower(), "ing") {
		if d.toks[v-1].s != "," {
			return -1, ""
		}
		return d.clauseSubject(v)
	}
	return d.subjectBefore(v)
}

func (d *doc) callClaim(si int) (claim, bool) {
	s := d.sents[si]
	for v := s.tok0 + 1; v < s.tok1-2; v++ {
		if d.inQuote[v] || !d.info[v].callVerb {
			continue
		}
		next := d.toks[v+1]
		if next.is("for", "on", "upon", "off", "in", "out", "up", "back", "him", "her", "them", "me", "us", "a", "an", "as") {
			continue
		}
		if d.whatBefore(v, s.tok0) {
			continue // "over what she called 'bullying' tactics": a name for it, no claim
		}
		p, rule := d.verbSubject(v)
		if p < 0 {
			continue
		}
		end := s.tok1
		for end > v+1 && !d.toks[end-1].word {
			end--
		}
		// a clause boundary ends the complement
		for k := v + 1; k < end; k++ {
			if d.toks[k].s == "," || d.toks[k].s == ";" || d.toks[k].is("and", "but", "while", "because", "since") && k > v+3 {
				end = k
				break
			}
		}
		for end > v+1 && !d.toks[end-1].word {
			end-- // a closing quotation mark: called it "outrageous",
		}
		if end-(v+1) < 2 {
			continue
		}
		as := d.indexWord(v+1, end, "as")
		if as < 0 && strings.HasPrefix(d.toks[v].lower(), "dismiss") {
			continue // "dismissed the talk of splits": no complement without "as"
		}
		if last := d.toks[end-1]; as < 0 && (!last.word || last.cap || functionWords[last.lower()] || prepositions[last.lower()]) {
			continue // "X called Y Z" ends in its complement: "pragmatic", "a disgrace"
		}
		var text string
		if as > v+1 {
			text = d.cleanSpan(v+1, as) + " " + copula(d.toks[as-1].s) + " " + d.cleanSpan(as+1, end)
		} else if k := d.indexWord(v+2, end, "a", "an"); k > v+1 && !functionWords[d.toks[k-1].lower()] && !prepositions[d.toks[k-1].lower()] {
			// "called Camp Delta a major human-rights scandal", "labelled
			// the deal an eye-opener"
			obj := k - 1
			for obj > v+1 && !d.toks[obj].word {
				obj--
			}
			text = d.cleanSpan(v+1, k) + " " + copula(d.toks[obj].s) + " " + d.cleanSpan(k, end)
		} else if d.toks[v+1].is("it", "them") || d.toks[v+1].is("this", "that") && (end-(v+2) == 1 || strings.HasSuffix(d.toks[v+2].low, "ly")) {
			// ("called that suggestion disgraceful": "that" is a determiner)
			text = d.toks[v+1].s + " " + copula(d.toks[v+1].s) + " " + d.cleanSpan(v+2, end)
		} else {
			// the complement is the last word, with an adverb before it:
			// "called the new targets "reasonably impressive""
			c0 := end - 1
			for c0-1 > v+1 && strings.HasSuffix(d.toks[c0-1].low, "ly") && len(d.toks[c0-1].low) > 4 {
				c0--
			}
			obj := c0 - 1 // the object's last word, before any quotation mark
			for obj > v+1 && !d.toks[obj].word {
				obj--
			}
			if functionWords[d.toks[obj].low] {
				continue // "who called the police": no object before the complement
			}
			text = d.cleanSpan(v+1, c0) + " " + copula(d.toks[obj].s) + " " + d.cleanSpan(c0, end)
		}
		return claim{person: p, kind: Indirect, text: trimStatement(text), a: v + 1, b: end, sent0: si, sent1: si,
			rule: "reported:" + d.toks[v].lower() + ":" + rule}, true
	}
	return claim{}, false
}

// whatBefore reports "what" opening the clause of the verb at v, within
// its subject's few words ("what Jim Bell calls").
func (d *doc) whatBefore(v, s0 int) bool {
	for k := v - 1; k >= s0 && k >= v-4; k-- {
		if d.toks[k].is("what") {
			return true
		}
		if !d.toks[k].word {
			return false
		}
	}
	return false
}

// indexWord returns the first token in [a, b) that is one of words (lower
// case), or -1.
func (d *doc) indexWord(a, b int, words ...string) int {
	for i := a; i < b; i++ {
		if d.toks[i].is(words...) {
			return i
		}
	}
	return -1
}

// copula picks "is" or "are" for a noun phrase ending in word.
func copula(word string) string {
	if strings.HasSuffix(word, "s") && !strings.HasSuffix(word, "ss") {
		return "are"
	}
	return "is"
}
