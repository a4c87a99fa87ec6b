package eval

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A predSet is the content of the four prediction files of one test case.
// A relation absent from files is given as a path to a missing file.
type predSet struct {
	name  string
	gold  string // file in testdata
	files map[string]string
}

var relationNames = []string{"persons", "affiliations", "claims", "positions"}

// write writes the set's files into dir and returns their paths in
// relationNames order.
func (s predSet) write(t *testing.T, dir string) []string {
	t.Helper()
	var paths []string
	for _, rel := range relationNames {
		p := filepath.Join(dir, rel+".jsonl")
		if content, ok := s.files[rel]; ok {
			if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		paths = append(paths, p)
	}
	return paths
}

// goScore scores the set's files with this package.
func (s predSet) goScore(t *testing.T, dir string) Report {
	t.Helper()
	g, err := LoadGold(filepath.Join("testdata", s.gold))
	if err != nil {
		t.Fatal(err)
	}
	paths := s.write(t, dir)
	p, err := LoadPredictions(paths[0], paths[1], paths[2], paths[3])
	if err != nil {
		t.Fatal(err)
	}
	return Score(g, p)
}

type row = map[string]any

// jsonl renders rows as JSON Lines.
func jsonl(rows ...row) string {
	var b strings.Builder
	for _, r := range rows {
		data, err := json.Marshal(r)
		if err != nil {
			panic(err)
		}
		b.Write(data)
		b.WriteByte('\n')
	}
	return b.String()
}

func mustGold(t *testing.T, name string) Gold {
	t.Helper()
	g, err := LoadGold(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// perfectSet predicts every gold fact (optional ones included, when
// withOptional) exactly as annotated; reversed reverses the order of rows.
func perfectSet(g Gold, name, gold string, withOptional, reversed bool) predSet {
	var ps, as, cs, qs []row
	for _, x := range g.Persons {
		if withOptional || !x.Optional {
			ps = append(ps, row{"name": x.Name})
		}
	}
	for _, x := range g.Affiliations {
		if withOptional || !x.Optional {
			as = append(as, row{"person": x.Person, "organisation": x.Organisation, "role": x.Role, "current": x.Current})
		}
	}
	for _, x := range g.Claims {
		if withOptional || !x.Optional {
			cs = append(cs, row{"person": x.Person, "statement": x.Statement, "kind": x.Kind})
		}
	}
	for _, x := range g.Positions {
		if withOptional || !x.Optional {
			qs = append(qs, row{"country": x.Country, "stance": x.Stance, "issue": x.Issue})
		}
	}
	if reversed {
		for _, rs := range [][]row{ps, as, cs, qs} {
			for i, j := 0, len(rs)-1; i < j; i, j = i+1, j-1 {
				rs[i], rs[j] = rs[j], rs[i]
			}
		}
	}
	return predSet{name: name, gold: gold, files: map[string]string{
		"persons": jsonl(ps...), "affiliations": jsonl(as...), "claims": jsonl(cs...), "positions": jsonl(qs...)}}
}

// words returns the first (or, when fromEnd, the last) share of the words of s.
func words(s string, share float64, fromEnd bool) string {
	w := strings.Fields(s)
	n := int(float64(len(w))*share + 0.5)
	n = max(1, min(n, len(w)))
	if fromEnd {
		return strings.Join(w[len(w)-n:], " ")
	}
	return strings.Join(w[:n], " ")
}

// degradedSeed is a plausible, imperfect extraction of the seed article:
// dropped facts, name variants, titles, demonyms and capitals, partial and
// split statements, wrong speakers, stance spellings.
func degradedSeed(g Gold) predSet {
	persons := jsonl(
		row{"name": "Lavrov"}, row{"name": "Shoigu"}, row{"name": "Sergei Shoigu"}, row{"name": "Fumio Kishida"},
		row{"name": "Prime Minister Abe"}, row{"name": "Inada"}, row{"name": "Igor Morgulov"}, row{"name": "James Brown"},
		row{"name": "Brown"}, row{"name": "Masashi Nishihara"}, row{"name": "Vladimir Putin"}, row{"name": "Donald Trump"},
		row{"name": "Mike Pence"}, row{"name": "Sergey Shoyguu"}, row{"name": "Foreign Minister"}, row{"name": "Abe’s"},
	)
	affiliations := jsonl(
		row{"person": "Lavrov", "organisation": "Russian Foreign Ministry", "role": "Foreign Minister", "current": true},
		row{"person": "Shoigu", "organisation": "Russian side", "role": "Defense Minister", "current": true},
		row{"person": "Tomomi Inada", "organisation": "Japanese government", "role": "Defense Minister", "current": true},
		row{"person": "Prime Minister Abe", "organisation": "Tokyo", "role": "Prime Minister", "current": true},
		row{"person": "James Brown", "organisation": "Temple University", "role": "Associate Professor", "current": true},
		row{"person": "Brown", "organisation": "Temple", "role": "Professor", "current": true},
		row{"person": "Masashi Nishihara", "organisation": "National Defense Academy", "role": "President", "current": false},
		row{"person": "Nishihara", "organisation": "Research Institute", "role": "President", "current": true},
		row{"person": "Grant Newsham", "organisation": "US Marine Corps", "role": "officer", "current": false},
		row{"person": "Newsham", "organisation": "Japan Forum", "role": "Senior Research Fellow", "current": true},
		row{"person": "Trump", "organisation": "U.S.", "role": "President", "current": true},
		row{"person": "Hatasa", "organisation": "Nagoya University", "role": "Associate Professor", "current": true},
		row{"person": "Lavrov", "organisation": "Japan", "role": "Foreign Minister", "current": true},
		row{"person": "Morgulov", "organisation": "the Kremlin", "role": "Deputy Foreign Minister", "current": true},
		row{"person": "Kishida", "organisation": "Russia", "role": "Foreign Minister", "current": true},
	)
	var claims []row
	for i, c := range g.Claims {
		speaker := c.Person
		switch i % 5 {
		case 0:
			continue // dropped
		case 1:
			claims = append(claims, row{"person": speaker, "statement": words(c.Statement, 0.7, false), "kind": c.Kind})
		case 2:
			claims = append(claims, row{"person": speaker, "statement": words(c.Statement, 0.4, true), "kind": c.Kind})
		case 3:
			other := g.Claims[(i+7)%len(g.Claims)].Person
			claims = append(claims, row{"person": other, "statement": c.Statement, "kind": c.Kind})
		case 4:
			parts := strings.Fields(speaker)
			st := strings.ReplaceAll(c.Statement, "'", "’")
			claims = append(claims, row{"person": parts[len(parts)-1], "statement": st, "kind": c.Kind})
		}
	}
	// A direct quotation split into sentences: one claim per sentence.
	for _, s := range strings.SplitAfter(g.Claims[6].Statement, ". ") {
		claims = append(claims, row{"person": "James Brown", "statement": s, "kind": "direct"})
	}
	variants := map[string][]string{
		"Japan":         {"the Japanese side", "Tokyo", "Japanese government", "Japan"},
		"Russia":        {"Russian side", "Moscow", "the Kremlin", "Russian Federation"},
		"United States": {"U.S.", "Washington", "the US", "America"},
	}
	stances := map[string][]string{
		"supports": {"Supports", " supports ", "SUPPORTS", "support"},
		"opposes":  {"Opposes", "opposes", "OPPOSES.", "opposes"},
	}
	var positions []row
	for i, q := range g.Positions {
		if i%6 == 5 {
			continue
		}
		country := variants[q.Country][i%4]
		stance := stances[q.Stance][i%4]
		issue := q.Issue
		switch i % 3 {
		case 1:
			issue = words(issue, 0.6, false)
		case 2:
			issue = words(issue, 0.5, true) + " and more"
		}
		if i%7 == 3 {
			if q.Stance == "supports" {
				stance = "opposes"
			} else {
				stance = "supports"
			}
		}
		positions = append(positions, row{"country": country, "stance": stance, "issue": issue})
	}
	return predSet{name: "degraded", gold: "seed.gold.json", files: map[string]string{
		"persons": persons, "affiliations": affiliations, "claims": jsonl(claims...), "positions": jsonl(positions...)}}
}

// garbageSet predicts nothing right.
func garbageSet(gold string) predSet {
	return predSet{name: "garbage-" + strings.TrimSuffix(gold, ".gold.json"), gold: gold, files: map[string]string{
		"persons": jsonl(row{"name": ""}, row{"name": `""`}, row{"name": "The President"}, row{"name": "Minister"},
			row{"name": "Lorem Ipsum"}, row{"name": "12345"}, row{"name": "<http://example.org/p1>"}, row{"name": nil}),
		"affiliations": jsonl(row{"person": "Lorem Ipsum", "organisation": "Acme Corp", "role": "CEO", "current": true},
			row{"person": "", "organisation": "", "role": "", "current": nil},
			row{"person": "The", "organisation": "the", "role": "of", "current": false}),
		"claims": jsonl(row{"person": "Lorem Ipsum", "statement": "dolor sit amet, consectetur adipiscing elit", "kind": "direct"},
			row{"person": "", "statement": "", "kind": ""},
			row{"person": "Minister", "statement": "the of and to a in", "kind": "indirect"}),
		"positions": jsonl(row{"country": "Atlantis", "stance": "maybe", "issue": "everything"},
			row{"country": "", "stance": "", "issue": ""},
			row{"country": "the", "stance": "supports", "issue": "the"}),
	}}
}

// oddSet exercises the input formats and field fallbacks: a JSON array,
// CRLF line ends, blank and comment lines, alternative field names, objects
// and non-strings as values, enclosing quotes and angle brackets, accents
// and curly quotes, and a missing positions file.
func oddSet(gold string) predSet {
	persons := `[{"person": "Sergey Lavrov"}, {"id": "Shoygu"}, {"name": {"name": "Fumio Kishida"}},
 {"name": "\"Tomomi Inada\""}, {"name": "<Igor Morgulov>"}, {"name": "Tákeo Akíba"}, {"name": "Abe’s"},
 {"name": null, "person": "James Brown"}, {"name": 42}, {"name": true}, {"name": ["Brown"]},
 {"name": "Nishihara", "name": "Masashi Nishihara"}, {"name": {"id": "Grant Newsham"}}, {"name": "José Manuel Barroso"},
 {"name": "Kim Jong-un’s"}, {"name": "John O'Neill"}, {"name": "Lord Smith"}, {"name": "Blair"}]`
	affiliations := strings.Join([]string{
		`{"person": "Sergey Lavrov", "organization": "Russia", "title": "Foreign Minister", "current": "yes"}`,
		``,
		`# a comment line`,
		`{"name": "Shoygu", "org": "Russian Defence Ministry", "current": 1}`,
		`   {"person": "Inada", "organisation": null, "org": "Japan", "current": null}`,
		`{"person": "Abe", "organisation": {"name": "Japan", "id": "q17"}, "current": {"since": 2012, "a": [true, 1.5e3]}}`,
		`{"person": "Barroso", "organisation": "the European Commission", "current": [true]}`,
		`{"person": "Merkel", "organisation": "Berlin", "role": "Chancellor", "current": 1.0}`,
		`{"person": "Kim", "organisation": "DPRK", "current": "\"former\""}`,
		`{"person": "John O’Neill", "organisation": "US State Department", "current": true}`,
		`{"person": "Tony Blair", "organisation": "Labour", "role": "Leader", "current": false}`,
		`{"person": "Merkel", "organisation": "CDU", "role": "Leader", "current": false}`,
		`{"person": "Nobody", "organisation": "CDU", "current": {"big": 1e400, "neg": -0.0, "s": "\u00e9\n"}}`,
		`not json at all`,
	}, "\r\n")
	claims := strings.Join([]string{
		`{"speaker": "Sérgey Lavróv", "text": "the parties have accumulated a lot of important topics", "kind": 1}`,
		`{"name": "James Brown", "quote": "\"there is no legal basis for such cooperation yet\""}`,
		`{"person": "Lavrov", "statement": "Moscow is ready to resume six-party talks with Pyongyang", "kind": "indirect"}`,
		`{"person": "Barroso", "statement": "Europe’s economies must grow together", "kind": "direct"}`,
		`{"person": "Merkel", "statement": "We won’t accept new sanctions on our companies", "kind": "direct"}`,
		`{"person": "Kim Jong-un", "statement": "the U.S. threatens the Korean peninsula", "kind": "indirect"}`,
		`{"person": "Blair", "statement": "Education, education, education!\u2028", "kind": "direct"}`,
		`{"person": "Tony Blair", "statement": "education", "kind": "direct"}`,
	}, "\n")
	return predSet{name: "odd-" + strings.TrimSuffix(gold, ".gold.json"), gold: gold, files: map[string]string{
		"persons": persons, "affiliations": affiliations, "claims": claims}}
}

// oddPositions adds position rows with alternative field names to a set.
func oddPositions(s predSet) predSet {
	s.name += "-positions"
	s.files["positions"] = "\n\n" + strings.Join([]string{
		`{"holder": "<Japan>", "polarity": "\"opposes\"", "topic": "Japanese companies' involvement in projects under Russian law"}`,
		`{"country": "Moscow", "stance": "Supports.", "issue": "six-party talks"}`,
		`{"country": "Germany", "stance": "opposes", "issue": "sanctions"}`,
		`{"country": "the EU", "stance": "supports", "issue": "economic growth"}`,
		`{"country": "Britain", "stance": "supports", "issue": "education reform"}`,
		`{"country": "Pyongyang", "stance": "opposes", "issue": "US troops on the Korean peninsula"}`,
		`{"country": "Tokyo", "stance": "supports", "topic": "the alliance with the US", "issue": null}`,
	}, "\n") + "\n\n"
	return s
}

// fuzzSet builds n random rows per relation by mixing and mutating the gold
// facts, with a fixed seed.
func fuzzSet(g Gold, gold string, seed uint64, n int) predSet {
	r := &splitMix{state: seed}
	pick := func(xs []string) string { return xs[r.IntN(len(xs))] }
	var names []string
	for _, p := range g.Persons {
		names = append(names, p.Name)
		names = append(names, p.Aliases...)
	}
	names = append(names, "Ivan Petrov", "Minister", "", "Lorem")
	prefixes := []string{"", "", "", "Mr ", "Prime Minister ", "Dr. ", "Former Deputy ", "the "}
	mutate := func(s string) string {
		rs := []rune(s)
		if len(rs) == 0 {
			return s
		}
		i := r.IntN(len(rs))
		switch r.IntN(6) {
		case 0: // substitute
			rs[i] = rune('a' + r.IntN(26))
		case 1: // delete
			rs = append(rs[:i], rs[i+1:]...)
		case 2: // insert
			rs = append(rs[:i], append([]rune{rune('a' + r.IntN(26))}, rs[i:]...)...)
		case 3:
			return s + "’s"
		case 4:
			return strings.ToUpper(s)
		}
		return string(rs)
	}
	person := func() string {
		s := pick(prefixes) + pick(names)
		if r.IntN(3) == 0 {
			s = mutate(s)
		}
		return s
	}
	var orgs, texts, countries, issues []string
	for _, a := range g.Affiliations {
		orgs = append(orgs, a.Organisation)
	}
	for _, c := range g.Claims {
		texts = append(texts, c.Statement)
		texts = append(texts, c.StatementAlt...)
	}
	for _, q := range g.Positions {
		countries = append(countries, q.Country)
		issues = append(issues, q.Issue)
	}
	countries = append(countries, "Russian side", "Japanese", "Tokyo", "U.S.", "us", "Kremlin", "Germany", "Britain",
		"Great Britain", "North Korean", "European Union", "the", "")
	fragment := func(s string) string {
		w := strings.Fields(s)
		if len(w) == 0 {
			return s
		}
		i := r.IntN(len(w))
		j := i + 1 + r.IntN(len(w)-i)
		if r.IntN(3) == 0 {
			i = 0
		}
		out := strings.Join(w[i:j], " ")
		if r.IntN(4) == 0 {
			out += " " + words(pick(texts), 0.3, r.IntN(2) == 0)
		}
		return out
	}
	var ps, as, cs, qs []row
	for range n {
		ps = append(ps, row{"name": person()})
		org := pick(orgs)
		if r.IntN(2) == 0 {
			org = fragment(org)
		}
		if r.IntN(4) == 0 {
			org = pick(countries) + " " + org
		}
		as = append(as, row{"person": person(), "organisation": org, "role": "x", "current": r.IntN(2) == 0})
		cs = append(cs, row{"person": person(), "statement": fragment(pick(texts)), "kind": "direct"})
		qs = append(qs, row{"country": pick(countries), "stance": pick([]string{"supports", "opposes", "Supports", "neutral"}),
			"issue": fragment(pick(issues))})
	}
	// Exact facts too, so that the matching has something to find.
	for _, a := range g.Affiliations {
		if r.IntN(2) == 0 {
			as = append(as, row{"person": a.Person, "organisation": a.Organisation, "role": a.Role, "current": a.Current})
		}
	}
	for _, c := range g.Claims {
		if r.IntN(2) == 0 {
			cs = append(cs, row{"person": person(), "statement": c.Statement, "kind": c.Kind})
		}
	}
	for _, q := range g.Positions {
		if r.IntN(2) == 0 {
			qs = append(qs, row{"country": q.Country, "stance": q.Stance, "issue": fragment(q.Issue)})
		}
	}
	r.Shuffle(len(as), func(i, j int) { as[i], as[j] = as[j], as[i] })
	r.Shuffle(len(cs), func(i, j int) { cs[i], cs[j] = cs[j], cs[i] })
	r.Shuffle(len(qs), func(i, j int) { qs[i], qs[j] = qs[j], qs[i] })
	return predSet{name: "fuzz-" + strings.TrimSuffix(gold, ".gold.json") + "-" + string(rune('0'+seed)), gold: gold,
		files: map[string]string{"persons": jsonl(ps...), "affiliations": jsonl(as...), "claims": jsonl(cs...), "positions": jsonl(qs...)}}
}

// allSets is every prediction set the tests use.
func allSets(t *testing.T) []predSet {
	seed := mustGold(t, "seed.gold.json")
	extra := mustGold(t, "extra.gold.json")
	sets := []predSet{
		perfectSet(seed, "perfect", "seed.gold.json", true, false),
		perfectSet(seed, "perfect-required-reversed", "seed.gold.json", false, true),
		perfectSet(extra, "perfect-extra", "extra.gold.json", true, false),
		degradedSeed(seed),
		garbageSet("seed.gold.json"),
		garbageSet("extra.gold.json"),
		oddSet("seed.gold.json"),
		oddPositions(oddSet("extra.gold.json")),
		{name: "empty", gold: "seed.gold.json", files: map[string]string{"persons": "", "affiliations": "  \n", "claims": "[]"}},
	}
	for s := uint64(1); s <= 4; s++ {
		sets = append(sets, fuzzSet(seed, "seed.gold.json", s, 60))
	}
	for s := uint64(5); s <= 6; s++ {
		sets = append(sets, fuzzSet(extra, "extra.gold.json", s, 30))
	}
	return sets
}

// splitMix is a small deterministic random generator (SplitMix64), so that
// the fuzz sets, and the recorded output of score.py for them, never change.
type splitMix struct{ state uint64 }

func (r *splitMix) next() uint64 {
	r.state += 0x9e3779b97f4a7c15
	z := r.state
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}

// IntN returns a number in [0, n).
func (r *splitMix) IntN(n int) int { return int(r.next() % uint64(n)) }

// Shuffle shuffles like rand.Shuffle.
func (r *splitMix) Shuffle(n int, swap func(i, j int)) {
	for i := n - 1; i > 0; i-- {
		swap(i, r.IntN(i+1))
	}
}
