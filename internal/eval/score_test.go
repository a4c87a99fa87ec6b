package eval

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// goldenFile holds score.py's output for every prediction set of allSets;
// go test -run 'TestCrossCheck$' -update-golden rewrites it.
const goldenFile = "testdata/score.py.golden.json"

// goldenRun is score.py's output for one prediction set.
type goldenRun struct {
	Set    string `json:"set"`
	JSON   string `json:"json"`   // stdout of --json
	Errors string `json:"errors"` // stderr of --show-errors
	Table  string `json:"table"`  // stdout without --json
}

// TestScoreGolden requires Score to reproduce score.py's recorded output
// for every prediction set, without Python.
func TestScoreGolden(t *testing.T) {
	data, err := os.ReadFile(goldenFile)
	if err != nil {
		t.Fatal(err)
	}
	var runs []goldenRun
	if err := json.Unmarshal(data, &runs); err != nil {
		t.Fatal(err)
	}
	want := map[string]goldenRun{}
	for _, r := range runs {
		want[r.Set] = r
	}
	for _, s := range allSets(t) {
		t.Run(s.name, func(t *testing.T) {
			w, ok := want[s.name]
			if !ok {
				t.Fatalf("no recorded output for %s in %s", s.name, goldenFile)
			}
			rep := s.goScore(t, t.TempDir())
			if got := rep.JSON(); got != w.JSON {
				t.Errorf("JSON\n got: %s\nwant: %s", got, w.JSON)
			}
			if got := rep.Table(); got != w.Table {
				t.Errorf("Table\n got:\n%s\nwant:\n%s", got, w.Table)
			}
			got := strings.Join(rep.ErrorLines(), "\n")
			if got != strings.TrimSuffix(w.Errors, "\n") {
				t.Errorf("ErrorLines\n got:\n%s\nwant:\n%s", got, w.Errors)
			}
		})
	}
}

func TestLoadGold(t *testing.T) {
	g := mustGold(t, "seed.gold.json")
	if len(g.Persons) != 13 || len(g.Affiliations) != 15 || len(g.Claims) != 40 || len(g.Positions) != 20 {
		t.Errorf("seed gold has %d persons, %d affiliations, %d claims, %d positions",
			len(g.Persons), len(g.Affiliations), len(g.Claims), len(g.Positions))
	}
	if !strings.HasPrefix(g.Source, "seed article: PenzaNews") {
		t.Errorf("Source = %q", g.Source)
	}
	if got := g.Persons[1]; got.Name != "Sergey Shoygu" || !reflect.DeepEqual(got.Aliases, []string{"Sergei Shoigu", "Shoigu", "Shoygu"}) {
		t.Errorf("Persons[1] = %+v", got)
	}
	if a := g.Affiliations[2]; a.Person != "Fumio Kishida" || !a.Optional || !a.Current || a.Role != "Foreign Minister" {
		t.Errorf("Affiliations[2] = %+v", a)
	}
	if c := g.Claims[7]; c.Statement != "the results were mixed" || len(c.StatementAlt) != 1 || c.Kind != "indirect" {
		t.Errorf("Claims[7] = %+v", c)
	}

	x := mustGold(t, "extra.gold.json")
	if x.CorpusID != "politics/042" || x.Article != "" || !strings.HasPrefix(x.Source, "hand-made") {
		t.Errorf("CorpusID %q, Article %q, Source %q", x.CorpusID, x.Article, x.Source)
	}
	wantExtra := map[string]string{
		"corpus_id": `"politics/042"`,
		"article":   `{"title": "Ministers meet", "category": "politics"}`,
		"source":    `"hand-made test gold: extra fields, optional entries, aliases, Unicode"`,
		"notes":     `["not scored", 3, null]`,
	}
	if !reflect.DeepEqual(x.Extra, wantExtra) {
		t.Errorf("Extra = %q", x.Extra)
	}
	// "optional": false, 1, "true", "" and true, read as Python truth values.
	if x.Persons[2].Optional || !x.Persons[5].Optional || !x.Affiliations[3].Optional || x.Affiliations[6].Optional ||
		!x.Claims[3].Optional {
		t.Error("optional flags not read as Python truth values")
	}
	if !x.Affiliations[2].Current || x.Affiliations[4].Current {
		t.Error("current flags not read as Python truth values")
	}
}

func TestParseGoldErrors(t *testing.T) {
	for _, bad := range []string{
		`[]`,
		`{"persons": {}}`,
		`{"persons": ["Lavrov"]}`,
		`{"persons": [{"aliases": ["Lavrov"]}]}`,
		`{"persons": [{"name": "Sergey Lavrov", "aliases": "Lavrov"}]}`,
		`{"persons": [{"name": "Sergey Lavrov", "aliases": [1]}]}`,
		`{"affiliations": [{"person": "Lavrov"}]}`,
		`{"claims": [{"person": "Lavrov", "statement": null}]}`,
		`{"positions": [{"country": "Russia", "stance": "supports"}]}`,
		"{\"source\": \"\xff\"}",
		`{"persons": []`,
	} {
		if _, err := ParseGold([]byte(bad)); err == nil {
			t.Errorf("ParseGold(%s) succeeded", bad)
		}
	}
	g, err := ParseGold([]byte(`{"persons": null, "corpus_id": 17, "article": "Text."}`))
	if err != nil || g.CorpusID != "17" || g.Article != "Text." || len(g.Persons) != 0 {
		t.Errorf("ParseGold = %+v, %v", g, err)
	}
	if _, err := LoadGold(filepath.Join(t.TempDir(), "missing.json")); err == nil {
		t.Error("LoadGold of a missing file succeeded")
	}
}

func TestReadRows(t *testing.T) {
	persons, err := ReadPersons(strings.NewReader("\n{\"person\": \"Lavrov\"}\r\n# skipped\n{\"id\": {\"id\": \"p7\"}}\n[not read]\n"))
	if err != nil || !reflect.DeepEqual(persons, []PersonRow{{"Lavrov"}, {"p7"}}) {
		t.Errorf("ReadPersons = %+v, %v", persons, err)
	}
	affs, err := ReadAffiliations(strings.NewReader(`[{"name": "Abe", "organization": "Japan", "title": "PM", "current": true},
		{"person": "Kim", "org": "DPRK"}, {"person": "X", "organisation": "Y", "current": {"b": 1, "a": 2}}]`))
	want := []AffiliationRow{{"Abe", "Japan", "PM", true}, {"Kim", "DPRK", "", nil},
		{"X", "Y", "", json.RawMessage(`{"b": 1, "a": 2}`)}}
	if err != nil || !reflect.DeepEqual(affs, want) {
		t.Errorf("ReadAffiliations = %#v, %v", affs, err)
	}
	big, err := ReadAffiliations(strings.NewReader(`{"person": "X", "current": [1e400, 1E2, -0]}`))
	if err != nil || !reflect.DeepEqual(big[0].Current, json.RawMessage(`[1e400, 1E2, -0]`)) {
		t.Errorf("ReadAffiliations = %#v, %v", big, err)
	}
	if got := Score(Gold{}, Predictions{Affiliations: big}).ErrorLines(); !reflect.DeepEqual(got,
		[]string{`WRONG  affiliations: {"person": "X", "organisation": "", "role": "", "current": [Infinity, 100.0, 0]}`}) {
		t.Errorf("ErrorLines = %q", got)
	}
	claims, err := ReadClaims(strings.NewReader(`{"speaker": "Brown", "quote": "\"Yes.\"", "kind": 2}`))
	if err != nil || !reflect.DeepEqual(claims, []ClaimRow{{"Brown", `"Yes."`, "2"}}) {
		t.Errorf("ReadClaims = %+v, %v", claims, err)
	}
	positions, err := ReadPositions(strings.NewReader(`{"holder": "Japan", "polarity": "Supports", "topic": "trade"}`))
	if err != nil || !reflect.DeepEqual(positions, []PositionRow{{"Japan", "Supports", "trade"}}) {
		t.Errorf("ReadPositions = %+v, %v", positions, err)
	}
	for _, bad := range []string{`{"name": }`, `[{"name": "a"}, "b"]`, `[{"name": "a"}`, `{"name": "a"} {}`, "{\"name\": \"\xff\"}"} {
		if _, err := ReadPersons(strings.NewReader(bad)); err == nil {
			t.Errorf("ReadPersons(%q) succeeded", bad)
		}
	}
	p, err := LoadPredictions("", filepath.Join(t.TempDir(), "missing.jsonl"), "", "")
	if err != nil || !reflect.DeepEqual(p, Predictions{}) {
		t.Errorf("LoadPredictions of nothing = %+v, %v", p, err)
	}
	if _, err := LoadPredictions(t.TempDir(), "", "", ""); err == nil {
		t.Error("LoadPredictions of a directory succeeded")
	}
}

func TestScorePerfectAndEmpty(t *testing.T) {
	g := mustGold(t, "seed.gold.json")
	var p Predictions
	for _, x := range g.Persons {
		p.Persons = append(p.Persons, PersonRow{Name: x.Name})
	}
	for _, x := range g.Affiliations {
		p.Affiliations = append(p.Affiliations, AffiliationRow{Person: x.Person, Organisation: x.Organisation, Current: x.Current})
	}
	for _, x := range g.Claims {
		p.Claims = append(p.Claims, ClaimRow{Person: x.Person, Statement: x.Statement})
	}
	for _, x := range g.Positions {
		p.Positions = append(p.Positions, PositionRow{Country: x.Country, Stance: x.Stance, Issue: x.Issue})
	}
	r := Score(g, p)
	one := func(tp int) Counts { return Counts{TP: tp, Precision: 1, Recall: 1, F1: 1} }
	want := Report{Persons: one(13), Affiliations: one(11), Claims: one(40), Positions: one(14), Facts: one(65),
		ClaimAttributionAccuracy: 1, ClaimsFoundAnySpeaker: 40}
	if !reflect.DeepEqual(r, want) {
		t.Errorf("perfect predictions: %+v", r)
	}
	wantTable := `relation         tp   fp   fn       P       R      F1
persons          13    0    0   1.000   1.000   1.000
affiliations     11    0    0   1.000   1.000   1.000
claims           40    0    0   1.000   1.000   1.000
positions        14    0    0   1.000   1.000   1.000
facts            65    0    0   1.000   1.000   1.000
claim attribution accuracy (statement found, right speaker): 1.000 of 40
`
	if r.Table() != wantTable {
		t.Errorf("Table:\n%s", r.Table())
	}

	r = Score(g, Predictions{})
	if r.Facts != (Counts{FN: 65}) || r.Persons != (Counts{FN: 13}) || r.ClaimsFoundAnySpeaker != 0 ||
		len(r.Missed.Claims) != 40 || len(r.Missed.Affiliations) != 11 {
		t.Errorf("no predictions: %+v", r)
	}
	if got := r.ErrorLines()[0]; got != `MISSED persons: {"name": "Sergey Lavrov", "aliases": ["Lavrov"]}` {
		t.Errorf("first error line %s", got)
	}
}

func TestScoreDetails(t *testing.T) {
	g := Gold{
		Persons: []GoldPerson{{Name: "Sergey Shoygu", Aliases: []string{"Shoigu"}}, {Name: "Shinzo Abe", Aliases: []string{"Abe"}}},
		Affiliations: []GoldAffiliation{{Person: "Shoigu", Organisation: "Russia"},
			{Person: "Abe", Organisation: "Japan", Optional: true}},
		Claims: []GoldClaim{{Person: "Shinzo Abe", Statement: "we will sign a peace treaty with Russia soon"},
			{Person: "Sergey Shoygu", Statement: "the drills are defensive", StatementAlt: []string{"our exercises are purely defensive"}}},
		Positions: []GoldPosition{{Country: "Japan", Stance: "supports", Issue: "a peace treaty with Russia"}},
	}
	p := Predictions{
		// Two nodes for one person: once right, once wrong. Quotes are removed.
		Persons: []PersonRow{{`"Sergei Shoigu"`}, {"Shoigu"}, {""}, {`""`}},
		Affiliations: []AffiliationRow{
			{Person: "Prime Minister Abe", Organisation: "Tokyo"},  // optional: neither tp nor fp
			{Person: "Shoygu", Organisation: "the Russian side"},   // tp
			{Person: "Shoygu", Organisation: "the Kremlin"},        // gold used already: fp
			{Person: "Abe", Organisation: "Japan", Current: "yes"}, // optional gold used: fp
		},
		Claims: []ClaimRow{
			{Person: "Shoigu", Statement: "We will sign a peace treaty with Russia soon"}, // wrong speaker
			{Person: "Shoigu", Statement: "our exercises are purely defensive!"},          // alternative phrasing
		},
		Positions: []PositionRow{
			{Country: "the Japanese side", Stance: "supports", Issue: "peace treaty"}, // country tokens {japan, side}: fp
			{Country: "Tokyo", Stance: " Supports. ", Issue: "peace treaty"},
		},
	}
	r := Score(g, p)
	check := func(name string, got, want Counts) {
		t.Helper()
		if got.TP != want.TP || got.FP != want.FP || got.FN != want.FN {
			t.Errorf("%s = %+v, want tp %d fp %d fn %d", name, got, want.TP, want.FP, want.FN)
		}
	}
	check("persons", r.Persons, Counts{TP: 1, FP: 1, FN: 1})
	check("affiliations", r.Affiliations, Counts{TP: 1, FP: 2})
	check("claims", r.Claims, Counts{TP: 1, FP: 1, FN: 1})
	check("positions", r.Positions, Counts{TP: 1, FP: 1})
	check("facts", r.Facts, Counts{TP: 3, FP: 4, FN: 1})
	if r.ClaimsFoundAnySpeaker != 2 || r.ClaimAttributionAccuracy != 0.5 {
		t.Errorf("attribution %v of %d", r.ClaimAttributionAccuracy, r.ClaimsFoundAnySpeaker)
	}
	if r.Facts.Precision != 0.429 || r.Facts.Recall != 0.75 || r.Facts.F1 != 0.545 {
		t.Errorf("facts = %+v", r.Facts)
	}
	if !reflect.DeepEqual(r.Wrong.Persons, []PersonRow{{"Shoigu"}}) || r.Missed.Persons[0].Name != "Shinzo Abe" {
		t.Errorf("persons errors: missed %+v wrong %+v", r.Missed.Persons, r.Wrong.Persons)
	}
	wantLines := []string{
		`MISSED persons: {"name": "Shinzo Abe", "aliases": ["Abe"]}`,
		`WRONG  persons: "Shoigu"`,
		`WRONG  affiliations: {"person": "Shoygu", "organisation": "the Kremlin", "role": "", "current": null}`,
		`WRONG  affiliations: {"person": "Abe", "organisation": "Japan", "role": "", "current": "yes"}`,
		`MISSED claims: {"person": "Shinzo Abe", "kind": "", "statement": "we will sign a peace treaty with Russia soon"}`,
		`WRONG  claims: {"person": "Shoigu", "statement": "We will sign a peace treaty with Russia soon", "kind": ""}`,
		`WRONG  positions: {"country": "the Japanese side", "stance": "supports", "issue": "peace treaty"}`,
	}
	if got := r.ErrorLines(); !reflect.DeepEqual(got, wantLines) {
		t.Errorf("ErrorLines:\n%s", strings.Join(got, "\n"))
	}
	// A gold stance is compared verbatim: "Supports" never matches.
	g.Positions[0].Stance = "Supports"
	if r := Score(g, p); r.Positions.TP != 0 {
		t.Errorf("gold stance normalised: %+v", r.Positions)
	}
}

func TestRound3(t *testing.T) {
	for in, want := range map[float64]float64{2.0 / 3: 0.667, 0.0005: 0.001, 0.0015: 0.002, 0.0025: 0.003,
		1.0 / 8: 0.125, 0.1235: 0.123, 0.8 * 0.9 / 1.7: 0.424} {
		if got := round3(in); got != want {
			t.Errorf("round3(%v) = %v, want %v", in, got, want)
		}
	}
}
