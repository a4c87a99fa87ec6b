package extract

import (
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

	quotes []quoteSpan

	mentions []*mention // in text order
	persons  []*personEnt
	orgs     []*orgEnt
	// countries: canonical name → mention count
	countryCount map[string]int
	countryOrder []string // first-mention order
	countryForms map[string]map[string]bool

	// lowerVocab holds every word the body uses in lower case; a
	// capitalised word that also appears in lower case is a common word.
	lowerVocab map[string]bool

	affs []affil

	// speakerMarks records where a claim was given to a person, so that a
	// later unattributed quotation can be given to the one speaking.
	speakerMarks []speakerMark

	// rolesFromLists holds offices read from lists of office-holders.
	rolesFromLists map[int]string
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
	d := &doc{
		lx: lx, text: lay.text, lay: lay,
		countryCount: map[string]int{},
		countryForms: map[string]map[string]bool{},
		lowerVocab:   map[string]bool{},
	}
	for pi, p := range lay.paras {
		if p.kind != paraBody {
			continue
		}
		base := len(d.toks)
		d.toks = append(d.toks, p.toks...)
		for _, sr := range p.sents {
			s := sentence{tok0: base + sr[0], tok1: base + sr[1], para: pi}
			s.start = d.toks[s.tok0].start
			s.end = d.toks[s.tok1-1].end
			d.sents = append(d.sents, s)
		}
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
	return d
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

// words returns the article text of tokens [a, b) with quotation marks
// dropped and spacing normalised.
func (d *doc) cleanSpan(a, b int) string {
	var sb strings.Builder
	for i := a; i < b; i++ {
		t := d.toks[i]
		if t.quote == openDouble || t.quote == closeDouble || t.quote == straightDouble {
			if sb.Len() > 0 && i+1 < b && d.toks[i+1].start > t.end {
				// keep a space where the mark separated words
				if !strings.HasSuffix(sb.String(), " ") {
					sb.WriteByte(' ')
				}
			}
			continue
		}
		if sb.Len() > 0 && i > a && t.start > d.toks[i-1].end && !strings.HasSuffix(sb.String(), " ") {
			sb.WriteByte(' ')
		}
		sb.WriteString(t.s)
	}
	return strings.TrimSpace(sb.String())
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
