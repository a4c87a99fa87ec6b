package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// token is a word, number or punctuation mark of the article text.
type token struct {
	s          string // the text, as in the article
	low        string // s in lower case
	start, end int    // byte offsets in the article text
	word       bool   // letters or digits (possibly with inner '-', '.', ''')
	cap        bool   // a word starting with an upper-case letter
	quote      quoteMark
}

type quoteMark uint8

const (
	notQuote    quoteMark = iota
	openDouble            // “ „ «
	closeDouble           // ” »
	straightDouble
	openSingle  // ‘
	closeSingle // ’ or ' standing alone
)

func (t token) lower() string { return t.low }

// is reports whether the token, lower-cased, is one of words.
func (t token) is(words ...string) bool {
	l := t.lower()
	for _, w := range words {
		if l == w {
			return true
		}
	}
	return false
}

// tokenize splits text[start:end] into tokens. Possessive "'s" becomes a
// token of its own; hyphenated words and abbreviations with inner periods
// ("U.S.") stay whole.
func tokenize(text string, start, end int, out []token) []token {
	i := start
	for i < end {
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case unicode.IsSpace(r):
			i += size
		case isWordRune(r):
			j := i + size
			for j < end {
				r2, s2 := utf8.DecodeRuneInString(text[j:])
				if isWordRune(r2) {
					j += s2
					continue
				}
				// inner joiners: a letter must follow
				if r2 == '-' || r2 == '.' || r2 == '\'' || r2 == '\u2019' || r2 == '&' {
					if j+s2 < end {
						r3, _ := utf8.DecodeRuneInString(text[j+s2:])
						if isWordRune(r3) {
							if (r2 == '\'' || r2 == '\u2019') && isPossessiveAt(text, j+s2, end) {
								break
							}
							if r2 == '.' && !(unicode.IsUpper(r3) || unicode.IsDigit(r3)) {
								break
							}
							j += s2
							continue
						}
					}
					// "U.S." keeps its final period when it is an abbreviation,
					// and so does an initial before a name: "John F. Kerrigan"
					if r2 == '.' && (isAbbrevWithDots(text[i:j+1]) || isInitialBeforeName(text, i, j, end)) {
						j += s2
					}
				}
				break
			}
			out = append(out, newWord(text, i, j))
			i = j
		default:
			// possessive 's / s'
			if (r == '\'' || r == '\u2019') && len(out) > 0 && out[len(out)-1].end == i && out[len(out)-1].word {
				if isPossessiveAt(text, i+size, end) {
					out = append(out, token{s: text[i : i+size+1], low: lowerASCII(text[i : i+size+1]), start: i, end: i + size + 1})
					i += size + 1
					continue
				}
				prev := out[len(out)-1].s
				if strings.HasSuffix(prev, "s") && (i+size >= end || !isWordRune(firstRune(text[i+size:]))) {
					// plural possessive "countries'" — the mark is not a quotation mark
					out = append(out, token{s: text[i : i+size], low: text[i : i+size], start: i, end: i + size})
					i += size
					continue
				}
			}
			t := token{s: text[i : i+size], low: text[i : i+size], start: i, end: i + size}
			t.quote = quoteKind(r, text, i, size, start, end)
			out = append(out, t)
			i += size
		}
	}
	return out
}

func newWord(text string, i, j int) token {
	r, _ := utf8.DecodeRuneInString(text[i:])
	return token{s: text[i:j], low: lowerASCII(text[i:j]), start: i, end: j, word: true, cap: unicode.IsUpper(r)}
}

// lowerASCII lower-cases s, without allocating when it already is.
func lowerASCII(s string) string {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 || ('A' <= c && c <= 'Z') {
			return strings.ToLower(s)
		}
	}
	return s
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// isInitialBeforeName reports whether text[i:j] is a single capital letter
// followed by ". " and a capitalised word: an initial inside a name.
func isInitialBeforeName(text string, i, j, end int) bool {
	r, size := utf8.DecodeRuneInString(text[i:])
	if i+size != j || !unicode.IsUpper(r) || j+2 >= end || text[j+1] != ' ' {
		return false
	}
	if i > 0 {
		// the word before must be a capitalised name part, not a sentence end
		k := i - 1
		for k > 0 && text[k] == ' ' {
			k--
		}
		if k == i-1 || !unicode.IsLetter(rune(text[k])) {
			return false
		}
		w := k
		for w > 0 && text[w-1] != ' ' && text[w-1] != '\n' {
			w--
		}
		first, _ := utf8.DecodeRuneInString(text[w:])
		if !unicode.IsUpper(first) {
			return false
		}
	} else {
		return false
	}
	n, _ := utf8.DecodeRuneInString(text[j+2:])
	return unicode.IsUpper(n)
}

// isPossessiveAt reports whether text at i is "s" ending a word (after an
// apostrophe): the possessive of "Japan's".
func isPossessiveAt(text string, i, end int) bool {
	if i >= end || (text[i] != 's' && text[i] != 'S') {
		return false
	}
	return i+1 >= end || !isWordRune(firstRune(text[i+1:]))
}

// isAbbrevWithDots reports whether s (ending in '.') is like "U.S." or "D.C.".
func isAbbrevWithDots(s string) bool {
	if len(s) < 4 || strings.Count(s, ".") < 2 {
		return false
	}
	for _, part := range strings.Split(strings.TrimSuffix(s, "."), ".") {
		if utf8.RuneCountInString(part) != 1 {
			return false
		}
	}
	return true
}

func quoteKind(r rune, text string, i, size, start, end int) quoteMark {
	switch r {
	case '\u201c', '\u201e', '\u00ab', '\u2039':
		return openDouble
	case '\u201d', '\u00bb', '\u203a':
		return closeDouble
	case '"':
		return straightDouble
	case '\u2018':
		return openSingle
	case '\u2019', '\'':
		// An apostrophe inside a word was consumed by the word; here it
		// stands alone: a closing single quote when a word precedes it, an
		// opening one when a word follows after whitespace.
		before := i > start && !unicode.IsSpace(lastRune(text[:i]))
		after := i+size < end && isWordRune(firstRune(text[i+size:]))
		if !before && after {
			return openSingle
		}
		return closeSingle
	}
	return notQuote
}

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

// abbreviations that end in a period without ending a sentence.
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "st": true, "sr": true, "jr": true,
	"gen": true, "col": true, "lt": true, "capt": true, "sen": true, "rep": true, "gov": true, "rev": true,
	"adm": true, "sgt": true, "pres": true, "no": true, "vs": true, "etc": false, "inc": false, "co": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true,
	"sep": true, "sept": true, "oct": true, "nov": true, "dec": true, "approx": true, "fig": true,
	"mt": true, "ft": true, "corp": true, "ltd": false, "e.g": true, "i.e": true,
}

// span is a range of the article text.
type span struct{ start, end int }

// splitSentences splits a paragraph's tokens into sentences; it returns the
// token index ranges [from, to).
func splitSentences(toks []token) [][2]int {
	var out [][2]int
	from := 0
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if !(t.s == "." || t.s == "!" || t.s == "?" || t.s == "…") {
			continue
		}
		// "gay group OutRage! said": a name's "!" (or a quoted "?" ) before
		// a lower-case word goes on with the sentence
		if (t.s == "!" || t.s == "?") && i > 0 && toks[i-1].end == t.start && i+1 < len(toks) && toks[i+1].word && !toks[i+1].cap {
			continue
		}
		if t.s == "." && i > 0 && toks[i-1].end == t.start {
			prev := toks[i-1]
			if abbreviations[prev.lower()] {
				continue
			}
			// an initial: "John F. Kerrigan"
			if prev.word && utf8.RuneCountInString(prev.s) == 1 && prev.cap {
				continue
			}
		}
		j := i + 1
		// closing quotes and brackets belong to the sentence
		for j < len(toks) && (toks[j].quote == closeDouble || toks[j].quote == closeSingle ||
			(toks[j].quote == straightDouble && j > 0 && toks[j].start == toks[j-1].end) || toks[j].s == ")") {
			j++
		}
		if j < len(toks) {
			n := toks[j]
			r := firstRune(n.s)
			// a sentence starts with a capital, a digit or a quotation mark
			if !(unicode.IsUpper(r) || unicode.IsDigit(r) || n.quote != notQuote || n.s == "(" || n.s == "[") {
				continue
			}
		}
		out = append(out, [2]int{from, j})
		from = j
		i = j - 1
	}
	if from < len(toks) {
		out = append(out, [2]int{from, len(toks)})
	}
	return out
}
