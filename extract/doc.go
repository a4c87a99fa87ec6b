package extract

import (
	"sort"
	"strings"
)

// doc is an article under analysis: its body tokens in one sequence, with
// sentence and paragraph boundaries, quotations, and the entity mentions
// found so far.
type doc struct {
	lx   *Lexicon
	text string
	lay  *layout

	toks  []token
	sents []sentence
	// per token
	sentOf  []int
	inQuote []bool
	info    []*wordInfo // what the lexicon says of the token's word (Lexicon.words)

	quotes []quoteSpan

	mentions []*mention // in text order once findMentions is done
	// indexes of mentions, kept as they are added
	startAt map[int][]*mention // by first token
	endAt   map[int][]*mention // by token after the last
	cover   []*mention         // per token: the person, organisation or country mention covering it
	titleAt map[int][]*mention // person mentions by the first token of their title
	// govHeads: the person a title names head of a country's government
	govHeads map[string]int
	// honorifics: per person, how many of its names follow a form of
	// address of each gender ("m", "f"); filled on first use
	honorifics map[int]map[string]int
	// paragraphs: body paragraph indexes in order, their first token and
	// position in that order
	paraList  []int
	paraFirst map[int]int
	paraPos   map[int]int
	persons   []*personEnt
	orgs      []*orgEnt
	// countries: canonical name → mention count
	countryCount map[string]int
	countryOrder []string // first-mention order
	countryForms map[string]map[string]bool

	folds map[string]string // foldName cache

	// lowerVocab holds every word the body uses in lower case; a
	// capitalised word that also appears in lower case is a common word.
	lowerVocab map[string]bool
	// capsWords holds the body's all-capitals words ("SEC"), made on first
	// use by hasCapsWord.
	capsWords map[string]bool

	affs   []affil
	direct []claim // direct claims, for "we" in a minister's words

	// speakerMarks records where a claim was given to a person, so that a
	// later unattributed quotation can be given to the one speaking.
	speakerMarks []speakerMark
	// subjectMarks records sentences whose subject describes a person
	// ("The Chinese diplomat ..."), in text order.
	subjectMarks []speakerMark

	// govRoles holds the first office of state a title gives each person.
	govRoles map[int]string
	// rolesFromLists holds offices read from lists of office-holders.
	rolesFromLists map[int]string
	addressed      map[string]bool // words written after a form of address ("Mr Habib"), built on first use
}

type sentence struct {
	tok0, tok1 int // token range
	para       int
	start, end int // byte offsets
}

// lastTok returns the index of the sentence's last token that is not
// closing punctuation.
func (s sentence) text(d *doc) string { return d.text[s.start:s.end] }

// newDoc tokenises the body paragraphs of a laid-out article.
func newDoc(lx *Lexicon, lay *layout) *doc {
	ntoks, nsents := 0, 0
	for _, p := range lay.paras {
		if p.kind == paraBody {
			ntoks, nsents = ntoks+len(p.toks), nsents+len(p.sents)
		}
	}
	d := &doc{
		lx: lx, text: lay.text, lay: lay,
		countryCount: map[string]int{},
		countryForms: map[string]map[string]bool{},
		lowerVocab:   make(map[string]bool, ntoks/4),
		folds:        map[string]string{},
		toks:         lay.toks, // the body paragraphs' tokens, in order
		sents:        make([]sentence, 0, nsents),
	}
	base := 0 // where the paragraph's tokens start in d.toks
	for pi, p := range lay.paras {
		if p.kind != paraBody {
			continue
		}
		for _, sr := range p.sents {
			s := sentence{tok0: base + sr[0], tok1: base + sr[1], para: pi}
			s.start = d.toks[s.tok0].start
			s.end = d.toks[s.tok1-1].end
			d.sents = append(d.sents, s)
		}
		base += len(p.toks)
	}
	d.sentOf = make([]int, len(d.toks))
	for si, s := range d.sents {
		for i := s.tok0; i < s.tok1; i++ {
			d.sentOf[i] = si
		}
	}
	for _, t := range d.toks {
		if t.word && !t.cap {
			d.lowerVocab[t.s] = true
		}
	}
	d.inQuote = make([]bool, len(d.toks))
	d.info = make([]*wordInfo, len(d.toks))
	for i, t := range d.toks {
		if wi := lx.words[t.low]; wi != nil {
			d.info[i] = wi
		} else {
			d.info[i] = &noWord
		}
	}
	d.startAt = map[int][]*mention{}
	d.endAt = map[int][]*mention{}
	d.titleAt = map[int][]*mention{}
	d.cover = make([]*mention, len(d.toks))
	d.paraFirst = map[int]int{}
	d.paraPos = map[int]int{}
	for _, s := range d.sents {
		if _, ok := d.paraFirst[s.para]; !ok {
			d.paraFirst[s.para] = s.tok0
			d.paraPos[s.para] = len(d.paraList)
			d.paraList = append(d.paraList, s.para)
		}
	}
	return d
}

// addMention records a mention and indexes it.
func (d *doc) addMention(m *mention) {
	d.mentions = append(d.mentions, m)
	d.startAt[m.tok0] = append(d.startAt[m.tok0], m)
	d.endAt[m.tok1] = append(d.endAt[m.tok1], m)
	if m.kind != kindDescription {
		for t := m.tok0; t < m.tok1; t++ {
			d.cover[t] = m
		}
	}
}

// mentionsBefore returns the index in d.mentions (sorted) of the last
// mention starting before token at, or -1.
func (d *doc) mentionsBefore(at int) int {
	return sort.Search(len(d.mentions), func(i int) bool { return d.mentions[i].tok0 >= at }) - 1
}

// sentenceStart reports whether token i starts its sentence (after any
// opening quotation marks or brackets).
func (d *doc) sentenceStart(i int) bool {
	s := d.sents[d.sentOf[i]]
	j := s.tok0
	for j < i && (d.toks[j].quote != notQuote || d.toks[j].s == "(" || d.toks[j].s == "[") {
		j++
	}
	return j == i
}

// paraOf returns the paragraph index of token i.
func (d *doc) paraOf(i int) int { return d.sents[d.sentOf[i]].para }

// span returns the article text of tokens [a, b).
func (d *doc) span(a, b int) string {
	if a >= b {
		return ""
	}
	return d.text[d.toks[a].start:d.toks[b-1].end]
}

// cleanSpan returns the article text of tokens [a, b) with double
// quotation marks dropped and spacing normalised.
func (d *doc) cleanSpan(a, b int) string {
	var sb strings.Builder
	lastEnd := -1 // end of the last token written
	for i := a; i < b; i++ {
		t := d.toks[i]
		if t.quote == openDouble || t.quote == closeDouble || t.quote == straightDouble {
			continue
		}
		if lastEnd >= 0 && strings.ContainsAny(d.text[lastEnd:t.start], " \t\n\u00a0") {
			sb.WriteByte(' ')
		}
		sb.WriteString(t.s)
		lastEnd = t.end
	}
	return sb.String()
}

// sentenceEvidence builds the Evidence of sentence si.
func (d *doc) evidence(si int, rule string) Evidence {
	s := d.sents[si]
	return Evidence{Sentence: d.text[s.start:s.end], Start: s.start, End: s.end, Rule: rule}
}

// evidenceSpan builds Evidence covering sentences si..sj.
func (d *doc) evidenceSpan(si, sj int, rule string) Evidence {
	a, b := d.sents[si].start, d.sents[sj].end
	return Evidence{Sentence: d.text[a:b], Start: a, End: b, Rule: rule}
}

type speakerMark struct{ person, at int }
