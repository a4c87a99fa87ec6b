package eval

import (
	"slices"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// stopWords are the words Tokens drops (score.py's STOP).
var stopWords = setOf(strings.Fields(`a an the of for and or in on at to by with from as is are was were be been that this these those it its
his her their our we i he she they them there here not no but if than then so such any all both either neither
into about over under also only very more most has have had do does did will would can could should may might`))

// titles are the words NameParts drops (score.py's TITLES).
var titles = setOf(strings.Fields(`mr mrs ms dr prof professor president prime minister foreign defense defence deputy secretary
chancellor senator governor king queen general former sir lord the`))

// countryEntry is one entry of score.py's COUNTRY dict.
type countryEntry struct{ key, country string }

// countryTable is score.py's COUNTRY dict in its source (insertion) order.
var countryTable = []countryEntry{
	{"russian", "russia"}, {"russians", "russia"}, {"russian federation", "russia"}, {"moscow", "russia"}, {"kremlin", "russia"},
	{"japanese", "japan"}, {"tokyo", "japan"},
	{"us", "usa"}, {"u.s.", "usa"}, {"u.s", "usa"}, {"united states", "usa"}, {"united states of america", "usa"},
	{"america", "usa"}, {"american", "usa"}, {"americans", "usa"}, {"washington", "usa"}, {"usa", "usa"},
	{"chinese", "china"}, {"beijing", "china"}, {"prc", "china"},
	{"british", "uk"}, {"britain", "uk"}, {"united kingdom", "uk"}, {"great britain", "uk"}, {"london", "uk"}, {"uk", "uk"},
	{"north korean", "north korea"}, {"dprk", "north korea"}, {"pyongyang", "north korea"},
	{"south korean", "south korea"}, {"seoul", "south korea"},
	{"ukrainian", "ukraine"}, {"kiev", "ukraine"}, {"kyiv", "ukraine"},
	{"german", "germany"}, {"berlin", "germany"}, {"french", "france"}, {"paris", "france"},
	{"syrian", "syria"}, {"damascus", "syria"}, {"iranian", "iran"}, {"tehran", "iran"},
	{"turkish", "turkey"}, {"ankara", "turkey"}, {"indian", "india"}, {"new delhi", "india"},
	{"european union", "eu"}, {"eu", "eu"},
}

// countryReplacements are the (" "+Norm(key)+" ", " "+country+" ") pairs
// Countryize applies, in score.py's order: sorted(COUNTRY, key=len,
// reverse=True), a stable sort by key length, longest first.
var countryReplacements = func() [][2]string {
	entries := slices.Clone(countryTable)
	slices.SortStableFunc(entries, func(a, b countryEntry) int {
		return len(b.key) - len(a.key)
	})
	out := make([][2]string, len(entries))
	for i, e := range entries {
		out[i] = [2]string{" " + Norm(e.key) + " ", " " + e.country + " "}
	}
	return out
}()

func setOf(words []string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// Norm normalises text for comparison as score.py's norm does: NFKD with
// combining marks dropped, curly quotes made straight, lower case, one pair
// of enclosing angle brackets removed, possessive "'s" removed, and every
// run of characters other than a-z and 0-9 turned into a single space.
func Norm(s string) string {
	s = norm.NFKD.String(s)
	var b strings.Builder
	for _, r := range s {
		if r >= 0x80 && norm.NFKD.PropertiesString(string(r)).CCC() != 0 {
			continue // unicodedata.combining(c)
		}
		switch r {
		case '\u2019', '\u2018':
			r = '\''
		case '\u201c', '\u201d':
			r = '"'
		}
		b.WriteRune(unicode.ToLower(r))
	}
	s = pyStrip(b.String())
	if strings.HasPrefix(s, "<") && strings.HasSuffix(s, ">") && len(s) >= 2 {
		s = s[1 : len(s)-1]
	}
	// re.sub(r"'s\b", "", s), then [^a-z0-9\-\s] -> " ", "-" -> " ",
	// \s+ -> " " and strip: every character but a-z0-9 separates words.
	rs := []rune(s)
	b.Reset()
	space := false
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		if r == '\'' && i+1 < len(rs) && rs[i+1] == 's' && (i+2 == len(rs) || !pyIsWord(rs[i+2])) {
			i++
			continue
		}
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
		} else {
			space = true
		}
	}
	return b.String()
}

// Stem strips a plural ending as score.py's stem does: "-ies" becomes "-y"
// in words longer than four letters, and a final "s" (not "ss") is dropped in
// words longer than three.
func Stem(w string) string {
	n := len([]rune(w))
	if n > 4 && strings.HasSuffix(w, "ies") {
		return w[:len(w)-3] + "y"
	}
	if n > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") {
		return w[:len(w)-1]
	}
	return w
}

// Countryize is Norm with demonyms, capitals and short forms of countries
// replaced by one country name ("Russian side" -> "russia side"), as
// score.py's countryize does.
func Countryize(s string) string {
	n := " " + Norm(s) + " "
	for _, r := range countryReplacements {
		n = strings.ReplaceAll(n, r[0], r[1])
	}
	return pyStrip(n)
}

// Tokens is score.py's toks: the set of stemmed words of Norm(s) (of
// Countryize(s) when country is true) that are not stop words.
func Tokens(s string, country bool) map[string]bool {
	n := ""
	if country {
		n = Countryize(s)
	} else {
		n = Norm(s)
	}
	out := map[string]bool{}
	for _, w := range strings.Fields(n) {
		if !stopWords[w] {
			out[Stem(w)] = true
		}
	}
	return out
}

// EditWithin reports whether the Levenshtein distance between a and b (in
// characters) is at most k; it is score.py's edit1.
func EditWithin(a, b string, k int) bool {
	ra, rb := []rune(a), []rune(b)
	if d := len(ra) - len(rb); d > k || -d > k {
		return false
	}
	prev := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	cur := make([]int, len(rb)+1)
	for i, ca := range ra {
		cur[0] = i + 1
		for j, cb := range rb {
			sub := prev[j]
			if ca != cb {
				sub++
			}
			cur[j+1] = min(prev[j+1]+1, cur[j]+1, sub)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)] <= k
}

// NameParts is the words of Norm(s) without titles such as "Prime",
// "Minister", "Dr" or "Former" (score.py's name_parts).
func NameParts(s string) []string {
	var out []string
	for _, w := range strings.Fields(Norm(s)) {
		if !titles[w] {
			out = append(out, w)
		}
	}
	return out
}

// PersonMatch reports whether the predicted name pred names the gold person,
// as score.py's person_match does: for the gold name or one of its aliases,
// the name parts are equal, or the last parts are within one edit and either
// side has a single part or the first parts are within two edits.
func PersonMatch(gold GoldPerson, pred string) bool {
	return personMatch(gold, pred, NameParts)
}

// personMatch is PersonMatch with the function computing name parts.
func personMatch(gold GoldPerson, pred string, nameParts func(string) []string) bool {
	p := nameParts(pred)
	if len(p) == 0 {
		return false
	}
	for i := -1; i < len(gold.Aliases); i++ {
		g := gold.Name
		if i >= 0 {
			g = gold.Aliases[i]
		}
		q := nameParts(g)
		if len(q) == 0 {
			continue
		}
		if slices.Equal(p, q) {
			return true
		}
		if EditWithin(p[len(p)-1], q[len(q)-1], 1) && (len(p) == 1 || len(q) == 1 || EditWithin(p[0], q[0], 2)) {
			return true
		}
	}
	return false
}

// OrgMatch reports whether the predicted organisation pred matches the gold
// one, as score.py's org_match does (on country tokens): the gold words are
// all predicted, or the predicted words are all gold words and are at least
// two or at least half of the gold's, or the two word sets have a Jaccard
// similarity of at least 0.5.
func OrgMatch(gold, pred string) bool {
	return orgMatch(Tokens(gold, true), Tokens(pred, true))
}

func orgMatch(g, p map[string]bool) bool {
	if len(g) == 0 || len(p) == 0 {
		return false
	}
	if subset(g, p) {
		return true
	}
	if subset(p, g) && (len(p) >= 2 || len(p)*2 >= len(g)) {
		return true
	}
	inter := intersection(g, p)
	union := len(g) + len(p) - inter
	return float64(inter)/float64(union) >= 0.5
}

// TextMatch reports whether two texts share enough words, as score.py's
// text_match does (on country tokens): the shared words are at least the
// share rg of the gold's words and the share rp of the prediction's.
func TextMatch(gold, pred string, rg, rp float64) bool {
	return textMatch(Tokens(gold, true), Tokens(pred, true), rg, rp)
}

func textMatch(g, p map[string]bool, rg, rp float64) bool {
	if len(g) == 0 || len(p) == 0 {
		return false
	}
	ov := float64(intersection(g, p))
	return ov/float64(len(g)) >= rg && ov/float64(len(p)) >= rp
}

func subset(a, b map[string]bool) bool {
	for w := range a {
		if !b[w] {
			return false
		}
	}
	return true
}

func intersection(a, b map[string]bool) int {
	n := 0
	for w := range a {
		if b[w] {
			n++
		}
	}
	return n
}

func sameSet(a, b map[string]bool) bool {
	return len(a) == len(b) && subset(a, b)
}
