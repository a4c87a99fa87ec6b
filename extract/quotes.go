package extract

// quoteSpan is a stretch of quoted text inside one paragraph.
type quoteSpan struct {
	open, close int // tokens of the marks; -1 when the mark is missing
	a, b        int // the quoted tokens [a, b)
	para        int
}

// words counts the word tokens of the quotation.
func (q quoteSpan) words(d *doc) int {
	n := 0
	for i := q.a; i < q.b; i++ {
		if d.toks[i].word {
			n++
		}
	}
	return n
}

// findQuotes finds the double-quoted stretches of every body paragraph. A
// closing mark without an opening one quotes from the paragraph's start; an
// opening mark without a closing one quotes to the paragraph's end (the
// quotation goes on in the next paragraph, or its closing mark is missing).
// Single quotation marks inside double ones are nested quotes and ignored;
// at the top level they quote too when they hold a sentence ('...' in
// British headlines and some outlets' body text).
func (d *doc) findQuotes() {
	for pi := 0; pi < len(d.sents); {
		para := d.sents[pi].para
		pa := d.sents[pi].tok0
		pj := pi
		for pj < len(d.sents) && d.sents[pj].para == para {
			pj++
		}
		pb := d.sents[pj-1].tok1
		d.quotesIn(pa, pb, para)
		pi = pj
	}
	for _, q := range d.quotes {
		for i := q.a; i < q.b; i++ {
			d.inQuote[i] = true
		}
	}
}

func (d *doc) quotesIn(pa, pb, para int) {
	open := -1
	hasDouble := false
	for i := pa; i < pb; i++ {
		switch d.toks[i].quote {
		case openDouble:
			hasDouble = true
			if open < 0 {
				open = i
			}
		case closeDouble:
			hasDouble = true
			if open >= 0 {
				d.quotes = append(d.quotes, quoteSpan{open: open, close: i, a: open + 1, b: i, para: para})
				open = -1
			} else if !d.quotedBefore(pa, i) {
				d.quotes = append(d.quotes, quoteSpan{open: -1, close: i, a: pa, b: i, para: para})
			}
		case straightDouble:
			hasDouble = true
			opening, closing := d.straightDirection(i, pa, pb)
			switch {
			case open >= 0 && opening && !closing:
				// a new opening mark while a quotation is open: the closing
				// mark was left out ("... quickly. "This is ..."); if a
				// sentence of narrative comes before it, the quotation
				// ended there ("... into the WTO. Mr Yushchenko was careful
				// ..., saying ... "Russia is ...")
				if e := d.unclosedEnd(open+1, i); e < i {
					d.quotes = append(d.quotes, quoteSpan{open: open, close: -1, a: open + 1, b: e, para: para})
					open = i
				}
			case open >= 0:
				d.quotes = append(d.quotes, quoteSpan{open: open, close: i, a: open + 1, b: i, para: para})
				open = -1
			case closing && !opening && !d.quotedBefore(pa, i):
				d.quotes = append(d.quotes, quoteSpan{open: -1, close: i, a: pa, b: i, para: para})
			default:
				open = i
			}
		}
	}
	if open >= 0 {
		d.quotes = append(d.quotes, quoteSpan{open: open, close: -1, a: open + 1, b: d.unclosedEnd(open+1, pb), para: para})
	}
	if hasDouble {
		return
	}
	// single quotation marks at the top level
	open = -1
	for i := pa; i < pb; i++ {
		switch d.toks[i].quote {
		case openSingle:
			if open < 0 {
				open = i
			}
		case closeSingle:
			if open >= 0 {
				q := quoteSpan{open: open, close: i, a: open + 1, b: i, para: para}
				if q.words(d) >= 4 {
					d.quotes = append(d.quotes, q)
				}
				open = -1
			}
		}
	}
}

// quotedBefore reports whether a quotation of the paragraph already ends
// at or after token a and before i (so a stray closing mark is not a
// quotation from the paragraph's start).
func (d *doc) quotedBefore(pa, i int) bool {
	for _, q := range d.quotes {
		if q.close >= pa && q.close < i {
			return true
		}
	}
	return false
}

// straightDirection tells from the spacing around a straight quotation
// mark at token i whether it opens (space before, word after) or closes
// (word or punctuation before, space or punctuation after) a quotation.
func (d *doc) straightDirection(i, pa, pb int) (opening, closing bool) {
	t := d.toks[i]
	spaceBefore := i == pa || d.toks[i-1].end < t.start
	spaceAfter := i+1 >= pb || d.toks[i+1].start > t.end
	// (or a bracket the reporter put in: "[Alastair] will act ...")
	wordAfter := !spaceAfter && i+1 < pb && (d.toks[i+1].word || d.toks[i+1].quote != notQuote ||
		(d.toks[i+1].s == "[" || d.toks[i+1].s == "(") && i+2 < pb && d.toks[i+2].word)
	opening = spaceBefore && wordAfter
	closing = !spaceBefore && (spaceAfter || !d.toks[i+1].word)
	return opening, closing
}

// unclosedEnd finds where a quotation with no closing mark ends: at the
// paragraph's end, or before a later sentence of narrative, one that
// reports speech ("Mr Yushchenko was careful ..., saying ..."): quoted
// speakers do not report themselves in the third person.
func (d *doc) unclosedEnd(a, pb int) int {
	if a >= pb {
		return pb
	}
	first := d.sentOf[a]
	for si := first + 1; si < len(d.sents) && d.sents[si].tok0 < pb; si++ {
		s := d.sents[si]
		for i := s.tok0; i < s.tok1; i++ {
			l := d.toks[i].lower()
			if d.toks[i].quote != notQuote {
				break
			}
			if (d.lx.speechVerbs[l] && !d.toks[i].cap) || (d.lx.participles[l] && i > s.tok0 && d.toks[i-1].s == ",") {
				// "we said", "I have to say", "I would argue" are still the
				// speaker's own words, and so is what a thing or nobody
				// named says ("Music feels like ...", "Somebody told me")
				// ("All companies said they were ...": "said" or "told" with any
				// subject is narrative)
				if d.firstPersonVerb(i, s.tok0) || i+1 < s.tok1 && d.toks[i+1].is("me", "us") ||
					!d.toks[i].is("said", "says", "told", "tells", "added", "adds") && !d.thirdPersonBefore(i, s.tok0) {
					continue
				}
				return s.tok0
			}
		}
	}
	return pb
}

// firstPersonVerb reports a verb at token i that the speaker says of
// themselves or of what could be said: "I", "we" or "you" before it in
// its sentence, or an infinitive or a modal right before it ("to say",
// "would argue").
func (d *doc) firstPersonVerb(i, s0 int) bool {
	if i > s0 && d.toks[i-1].is("to", "will", "would", "can", "could", "must", "should", "might", "may", "shall", "'ll", "'d") {
		return true
	}
	for k := s0; k < i; k++ {
		if d.toks[k].is("i", "we", "you", "me", "us", "my", "our", "i'd", "we'd", "i've", "we've", "i'm", "we're") {
			return true
		}
	}
	return false
}

// thirdPersonBefore reports "he", "she", "they" or a person's name (a
// form of address or a given name before a capitalised word: quotations
// are found before names are) between token s0 and token i: a sentence
// that reports what they said ("He added: ...", "Mr Yushchenko was careful
// ..., saying ...").
func (d *doc) thirdPersonBefore(i, s0 int) bool {
	for k := s0; k < i; k++ {
		if d.toks[k].is("he", "she", "they") {
			return true
		}
		if k+1 < i && d.toks[k+1].cap && d.toks[k+1].word && (d.honorificAt(k) && d.toks[k].cap || d.lx.givenNames[d.toks[k].s]) {
			return true
		}
	}
	return false
}
