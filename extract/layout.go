package extract

import (
	"bytes"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// paragraph is a block of the article text and what it is.
type paragraph struct {
	start, end int
	kind       paraKind
	// bodyStart is where extraction starts in a body paragraph: after a
	// dateline ("MOSCOW, March 28 (TASS) -") it is past the dateline.
	bodyStart int
	toks      []token  // the paragraph's part of layout.toks
	sents     [][2]int // token ranges of sentences, in toks
}

type paraKind int

const (
	paraBody paraKind = iota
	paraHeadline
	paraMeta    // timestamps, bylines, rubrics
	paraClutter // navigation, credits, share buttons, repeated headlines
)

// layout is the article text split into paragraphs, with its metadata.
type layout struct {
	text  string
	paras []paragraph
	// toks are the tokens of the body paragraphs, in order
	toks      []token
	headline  string
	date      string
	publisher string
	dateline  string
	// authors are the names of the byline: the writers, not persons the
	// article is about.
	authors []string
}

// splitParagraphs cuts text into paragraphs: blocks separated by blank
// lines; within a block, every line is a paragraph unless it is the wrapped
// continuation of the line before (the line before does not end a sentence
// and this one starts in lower case).
func splitParagraphs(text string) []paragraph {
	var out []paragraph
	lineStart := 0
	cur := paragraph{start: -1}
	flush := func() {
		if cur.start >= 0 {
			out = append(out, cur)
		}
		cur = paragraph{start: -1}
	}
	for lineStart <= len(text) {
		nl := strings.IndexByte(text[lineStart:], '\n')
		lineEnd := len(text)
		if nl >= 0 {
			lineEnd = lineStart + nl
		}
		line := text[lineStart:lineEnd]
		trimmed := strings.TrimSpace(line)
		if trimmed == "" {
			flush()
		} else {
			s := lineStart + strings.Index(line, trimmed)
			e := s + len(trimmed)
			if cur.start >= 0 && continuesLine(text[cur.start:cur.end], trimmed) {
				cur.end = e
			} else {
				flush()
				cur = paragraph{start: s, end: e}
			}
		}
		if nl < 0 {
			break
		}
		lineStart = lineEnd + 1
	}
	flush()
	return out
}

func continuesLine(prev, next string) bool {
	last := lastRune(prev)
	if strings.ContainsRune(".!?:\"”»’", last) {
		return false
	}
	first := firstRune(next)
	return unicode.IsLower(first)
}

var (
	// dates in the forms news uses
	reDateDMY  = regexp.MustCompile(`\b(\d{1,2})(?:st|nd|rd|th)?\s+(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?,?\s+(\d{4})\b`)
	reDateMDY  = regexp.MustCompile(`\b(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b`)
	reDateDots = regexp.MustCompile(`\b(\d{1,2})[./](\d{1,2})[./](\d{4})\b`)
	reDateISO  = regexp.MustCompile(`\b(\d{4})-(\d{2})-(\d{2})\b`)
	reTime     = regexp.MustCompile(`\b\d{1,2}:\d{2}(:\d{2})?\b`)

	// datelines at the start of the first body paragraph:
	//   "28 March 2017. Agency. ", "CITY, March 3 (Agency) - ", "CITY, March 28. /AGENCY/. ",
	//   "CITY (Agency) — ", "CITY, March 3 — "
	reDatelineDateAgency = regexp.MustCompile(`^(\d{1,2}\s+\p{Lu}\p{Ll}+\.?\s+\d{4}|\p{Lu}\p{Ll}+\.?\s+\d{1,2},?\s+\d{4})\.\s+([\p{Lu}][\p{L}\-]*(?:\s[\p{Lu}][\p{L}\-]*){0,3})\.\s+`)
	reDatelineCity       = regexp.MustCompile(`^([\p{Lu}][\p{Lu}\p{L}.'\-]*(?:\s[\p{Lu}][\p{Lu}\p{L}.'\-]*){0,2}),?\s*(?:\(([^)]{1,40})\)|,\s*([\p{Lu}]\p{Ll}*\.?\s+\d{1,2}(?:,\s*\d{4})?)\.?\s*(?:/([^/]{1,30})/\.?|\(([^)]{1,40})\))?)\s*[-–—:]?\s+`)
)

var monthNum = map[string]string{
	"jan": "01", "feb": "02", "mar": "03", "apr": "04", "may": "05", "jun": "06",
	"jul": "07", "aug": "08", "sep": "09", "oct": "10", "nov": "11", "dec": "12",
}

// parseDate finds the first full date (with a year) in s and returns it as
// YYYY-MM-DD.
func parseDate(s string) string {
	pad := func(d string) string {
		if len(d) == 1 {
			return "0" + d
		}
		return d
	}
	type cand struct {
		at   int
		date string
	}
	var best *cand
	try := func(at int, date string) {
		if at >= 0 && (best == nil || at < best.at) {
			best = &cand{at, date}
		}
	}
	if m := reDateDMY.FindStringSubmatchIndex(s); m != nil {
		try(m[0], s[m[6]:m[7]]+"-"+monthNum[strings.ToLower(s[m[4]:m[4]+3])]+"-"+pad(s[m[2]:m[3]]))
	}
	if m := reDateMDY.FindStringSubmatchIndex(s); m != nil {
		try(m[0], s[m[6]:m[7]]+"-"+monthNum[strings.ToLower(s[m[2]:m[2]+3])]+"-"+pad(s[m[4]:m[5]]))
	}
	if m := reDateDots.FindStringSubmatchIndex(s); m != nil {
		d, mo := s[m[2]:m[3]], s[m[4]:m[5]]
		if atoi(mo) <= 12 && atoi(d) <= 31 {
			try(m[0], s[m[6]:m[7]]+"-"+pad(mo)+"-"+pad(d))
		}
	}
	if m := reDateISO.FindStringSubmatchIndex(s); m != nil {
		try(m[0], s[m[0]:m[1]])
	}
	if best == nil {
		return ""
	}
	return best.date
}

func atoi(s string) int {
	n := 0
	for _, c := range s {
		n = n*10 + int(c-'0')
	}
	return n
}

// isFunctionWord reports lower-case words that glue sentences together;
// navigation menus and name lists have none.
var functionWords = map[string]bool{
	"the": true, "a": true, "an": true, "of": true, "to": true, "in": true, "on": true, "for": true,
	"and": true, "or": true, "but": true, "with": true, "at": true, "by": true, "from": true, "as": true,
	"is": true, "are": true, "was": true, "were": true, "be": true, "has": true, "have": true, "had": true,
	"will": true, "would": true, "not": true, "that": true, "this": true, "it": true, "its": true,
	"into": true, "over": true, "after": true, "before": true, "about": true, "than": true, "their": true,
}

// analyseLayout classifies the paragraphs of the text and finds the
// article's headline, date, publisher and dateline.
func (lx *Lexicon) analyseLayout(d Document) *layout {
	lay := &layout{text: d.Text, paras: splitParagraphs(d.Text)}
	seen := map[string]int{}
	titleKey := strings.ToLower(strings.Join(strings.Fields(d.Title), " "))
	bodyStarted := false
	var metaDate string
	for i := range lay.paras {
		p := &lay.paras[i]
		p.bodyStart = p.start
		s := d.Text[p.start:p.end]
		// the tests below look at the words of short lines (a date, byline
		// or menu line has at most maxLineWords), so a paragraph's words
		// past those are split only when a test needs them all
		words, more := fieldsUpTo(s, maxLineWords+1)
		allWords := func() []string {
			if more {
				words, more = strings.Fields(s), false
			}
			return words
		}
		ends := endsSentence(s)
		// the paragraph's words in lower case: only a line that ends no
		// sentence can be a repeated headline or menu, and only a title-like
		// one can be the source's title, so most paragraphs never need it
		key := ""
		keyOf := func() string {
			if key == "" {
				key = strings.ToLower(strings.Join(allWords(), " "))
			}
			return key
		}
		repeated := false
		if !ends {
			seen[keyOf()]++
			repeated = seen[keyOf()] > 1
		}
		switch {
		case repeated:
			p.kind = paraClutter // repeated headline or menu
		case lx.isClutterLine(s):
			p.kind = paraClutter
		case isMetaLine(s, words):
			p.kind = paraMeta
			if metaDate == "" {
				metaDate = parseDate(s)
			}
		case isByline(words):
			p.kind = paraMeta
			lay.authors = append(lay.authors, bylineNames(words[1:])...)
		case isMenuLine(words) && (!more || isMenuLine(allWords())):
			p.kind = paraClutter
		// (a source that gives the title, as JSON Lines and HTML do: a
		// sentence is the headline only if it is that title; a short lede
		// "X has been named manager." is body)
		case !bodyStarted && isTitleLike(s, allWords()) && (lay.headline == "" || !ends) &&
			(titleKey == "" || !ends || keyOf() == titleKey):
			if lay.headline == "" {
				p.kind = paraHeadline
				lay.headline = strings.Join(words, " ")
			} else {
				p.kind = paraMeta // a kicker, rubric or second title
			}
		case bodyStarted && len(words) <= 4 && !endsSentence(s) && !strings.ContainsAny(s, "“”\""):
			p.kind = paraClutter // "Read also", "Latest headlines", a caption
		default:
			p.kind = paraBody
			if !bodyStarted {
				bodyStarted = true
				lay.readDateline(p)
			}
		}
	}
	// A short text whose only sentence looked like a headline: its
	// sentences are the body after all.
	if !bodyStarted {
		for i := range lay.paras {
			p := &lay.paras[i]
			if (p.kind == paraHeadline || p.kind == paraMeta) && endsSentence(d.Text[p.start:p.end]) {
				p.kind = paraBody
				bodyStarted = true
			}
		}
	}
	// The page's last paragraphs are often link lists: title-like lines
	// after the body has ended are not body.
	for i := len(lay.paras) - 1; i >= 0; i-- {
		p := &lay.paras[i]
		if p.kind != paraBody {
			continue
		}
		s := d.Text[p.start:p.end]
		if endsSentence(s) || strings.ContainsAny(s, "“”\"") {
			break
		}
		p.kind = paraClutter
	}
	if d.Title != "" {
		lay.headline = strings.Join(strings.Fields(d.Title), " ")
	}
	if d.Date != "" {
		if iso := parseDate(d.Date); iso != "" {
			lay.date = iso
		} else {
			lay.date = d.Date
		}
	} else if lay.date == "" {
		lay.date = metaDate
	}
	if d.Publisher != "" {
		lay.publisher = d.Publisher
	}
	// one slice for the tokens of all body paragraphs, each paragraph's
	// a part of it: about one token per five bytes of news text
	size := 0
	for _, p := range lay.paras {
		if p.kind == paraBody {
			size += (p.end-p.bodyStart)/5 + 4
		}
	}
	lay.toks = make([]token, 0, size)
	for i := range lay.paras {
		p := &lay.paras[i]
		if p.kind != paraBody {
			continue
		}
		n := len(lay.toks)
		lay.toks = tokenize(d.Text, p.bodyStart, p.end, lay.toks)
		p.toks = lay.toks[n:len(lay.toks):len(lay.toks)]
		p.sents = splitSentences(p.toks)
	}
	return lay
}

// maxLineWords is the most words a date, byline or menu line has.
const maxLineWords = 10

// fieldsUpTo returns the first n fields of s, as strings.Fields splits
// them, and whether s has more.
func fieldsUpTo(s string, n int) ([]string, bool) {
	out := make([]string, 0, n)
	i := 0
	for {
		for i < len(s) {
			space, size := spaceAt(s, i)
			if !space {
				break
			}
			i += size
		}
		if i == len(s) {
			return out, false
		}
		if len(out) == n {
			return out, true
		}
		j := i
		for j < len(s) {
			space, size := spaceAt(s, j)
			if space {
				break
			}
			j += size
		}
		out = append(out, s[i:j])
		i = j
	}
}

// spaceAt reports whether s has a space (as unicode.IsSpace) at byte i,
// and the size of the character there.
func spaceAt(s string, i int) (bool, int) {
	if c := s[i]; c < utf8.RuneSelf {
		return asciiSpace[c] != 0, 1
	}
	r, size := utf8.DecodeRuneInString(s[i:])
	return unicode.IsSpace(r), size
}

// asciiSpace marks the ASCII bytes unicode.IsSpace reports.
var asciiSpace = [utf8.RuneSelf]uint8{'\t': 1, '\n': 1, '\v': 1, '\f': 1, '\r': 1, ' ': 1}

// readDateline recognises a dateline at the start of the first body
// paragraph, records its date, place and agency, and moves the paragraph's
// body start past it.
func (lay *layout) readDateline(p *paragraph) {
	s := lay.text[p.start:p.end]
	if m := reDatelineDateAgency.FindStringSubmatchIndex(s); m != nil {
		lay.date = parseDate(s[m[2]:m[3]])
		if lay.publisher == "" {
			lay.publisher = s[m[4]:m[5]]
		}
		p.bodyStart = p.start + m[1]
		return
	}
	m := reDatelineCity.FindStringSubmatchIndex(s)
	if m == nil {
		return
	}
	city := s[m[2]:m[3]]
	// The place must look like a dateline: upper-case ("MOSCOW") or followed
	// by an agency or a date; a sentence's first words are not a dateline.
	agency := ""
	for _, g := range []int{4, 8, 10} {
		if m[g] >= 0 {
			agency = s[m[g]:m[g+1]]
		}
	}
	hasDate := m[6] >= 0
	if agency == "" && !hasDate {
		return
	}
	if agency == "" && strings.ToUpper(city) != city {
		return
	}
	if strings.ContainsAny(agency, ",;") || len(strings.Fields(agency)) > 4 {
		return
	}
	lay.dateline = titleCase(city)
	if hasDate {
		if d := parseDate(s[m[6]:m[7]]); d != "" {
			lay.date = d
		}
	}
	if agency != "" && lay.publisher == "" {
		lay.publisher = strings.Trim(agency, " /")
	}
	p.bodyStart = p.start + m[1]
}

func titleCase(s string) string {
	if strings.ToUpper(s) != s {
		return s
	}
	words := strings.Fields(strings.ToLower(s))
	for i, w := range words {
		r := []rune(w)
		r[0] = unicode.ToUpper(r[0])
		words[i] = string(r)
	}
	return strings.Join(words, " ")
}

func endsSentence(s string) bool {
	s = strings.TrimRight(s, " \"”’'»)")
	if s == "" {
		return false
	}
	return strings.ContainsRune(".!?…", lastRune(s))
}

func (lx *Lexicon) isClutterLine(s string) bool {
	// the clutter texts are matched on the line with its ASCII letters in
	// lower case (the lexicon's texts are lower-cased when read, and none
	// has a letter outside ASCII), in a buffer on the stack for most lines
	s = strings.TrimSpace(s)
	var buf [1024]byte
	l := buf[:0]
	if len(s) > len(buf) {
		l = make([]byte, 0, len(s))
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		l = append(l, c)
	}
	if lx.clutterLines[string(bytes.TrimRight(l, ":"))] {
		return true
	}
	for _, p := range lx.clutterPrefixes {
		if bytes.HasPrefix(l, p) {
			return true
		}
	}
	for _, c := range lx.clutterContains {
		if bytes.Contains(l, c) {
			return true
		}
	}
	return false
}

// isMetaLine: timestamps and date lines ("23:45 | 28.03.2017 | Analysis",
// "17:07:42 Monday, October 18", "Published 3 March 2017").
func isMetaLine(s string, words []string) bool {
	if len(words) > 10 || endsSentence(s) && len(words) > 6 {
		return false
	}
	if reTime.MatchString(s) || parseDate(s) != "" || strings.Count(s, "|") >= 2 {
		letters := 0
		for _, w := range words {
			if unicode.IsLetter(firstRune(w)) {
				letters++
			}
		}
		return letters <= 6
	}
	return false
}

// isByline: "By Jane Smith", "By Jane Smith and John Doe, Reuters".
func isByline(words []string) bool {
	return len(words) >= 2 && len(words) <= 10 && (words[0] == "By" || words[0] == "BY") &&
		unicode.IsUpper(firstRune(words[1]))
}

// bylineNames splits "Jane Smith and John Doe, Reuters" into names.
func bylineNames(words []string) []string {
	var out, cur []string
	flush := func() {
		if len(cur) >= 2 {
			out = append(out, strings.Join(cur, " "))
		}
		cur = nil
	}
	for _, w := range words {
		end := strings.HasSuffix(w, ",")
		w = strings.TrimRight(w, ",;")
		if w == "and" || w == "&" {
			flush()
			continue
		}
		cur = append(cur, w)
		if end {
			flush()
		}
	}
	flush()
	return out
}

// isMenuLine: a row of capitalised words without any function word or
// sentence punctuation ("Politics Economy Society Sport").
func isMenuLine(words []string) bool {
	if len(words) < 3 {
		return false
	}
	for _, w := range words {
		// "To", "of" glue a headline; "IT" in capitals is a rubric
		if functionWords[strings.ToLower(w)] && strings.ToUpper(w) != w {
			return false
		}
		r := firstRune(w)
		if unicode.IsLetter(r) && !unicode.IsUpper(r) {
			return false
		}
		if strings.ContainsAny(w, ".,;:!?\"“”") {
			return false
		}
	}
	return true
}

// isTitleLike: a headline is a short line without final sentence
// punctuation (or a question).
func isTitleLike(s string, words []string) bool {
	if len(words) < 2 || len(words) > 30 {
		return false
	}
	t := strings.TrimSpace(s)
	return !strings.HasSuffix(t, ".") || len(words) <= 12 && !strings.Contains(t, ". ")
}
