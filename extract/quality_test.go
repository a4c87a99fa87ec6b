package extract_test

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/internal/eval"
	"github.com/newsgraph/newsgraph/source"
)

// floors are the lowest F1 scores each annotated article may fall to, per
// relation (persons, affiliations, claims, positions). They sit a little
// under what the extractor reaches today, so that quality cannot fall
// silently; raise them when the extractor improves.
var floors = map[string][4]float64{
	"seed":                       {0.98, 0.98, 0.98, 0.88},
	"own/own-01-wire":            {0.91, 0.90, 0.98, 0.69},
	"own/own-02-state-agency":    {0.98, 0.98, 0.94, 0.98},
	"own/own-03-uk-paper":        {0.91, 0.84, 0.98, 0.55},
	"own/own-04-us-paper":        {0.98, 0.78, 0.94, 0.84},
	"own/own-05-web-page":        {0.98, 0.98, 0.98, 0.71},
	"own/own-06-analysis":        {0.98, 0.90, 0.98, 0.98},
	"bbc/business-111":           {0.98, 0.48, 0.98, 0.00},
	"bbc/entertainment-271":      {0.98, 0.65, 0.85, 0.00},
	"bbc/politics-058":           {0.98, 0.98, 0.93, 0.42},
	"bbc/politics-126":           {0.98, 0.98, 0.98, 0.00},
	"bbc/politics-184":           {0.98, 0.65, 0.98, 0.98},
	"bbc/politics-193":           {0.98, 0.78, 0.95, 0.00},
	"bbc/politics-373":           {0.98, 0.98, 0.95, 0.82},
	"bbc/tech-268":               {0.98, 0.73, 0.93, 0.00},
	"heldout/business-135":       {0.98, 0.98, 0.98, 0.00},
	"heldout/business-217":       {0.93, 0.92, 0.98, 0.98},
	"heldout/politics-139":       {0.98, 0.98, 0.98, 0.81},
	"heldout/politics-161":       {0.98, 0.98, 0.98, 0.00},
	"heldout/politics-189":       {0.98, 0.98, 0.93, 0.98},
	"heldout/politics-209":       {0.98, 0.78, 0.93, 0.98},
	"heldout/sport-170":          {0.90, 0.58, 0.98, 0.00},
	"heldout/tech-087":           {0.98, 0.84, 0.80, 0.00},
	"heldout2/business-008":      {0.98, 0.98, 0.98, 0.31},
	"heldout2/business-413":      {0.98, 0.84, 0.98, 0.65},
	"heldout2/entertainment-289": {0.98, 0.65, 0.98, 0.00},
	"heldout2/politics-149":      {0.90, 0.55, 0.98, 0.00},
	"heldout2/politics-192":      {0.94, 0.98, 0.94, 0.38},
	"heldout2/politics-280":      {0.98, 0.65, 0.87, 0.00},
	"dev12/business-076":         {0.98, 0.98, 0.98, 0.98},
	"dev12/business-314":         {0.98, 0.98, 0.98, 0.00},
	"dev12/politics-250":         {0.98, 0.00, 0.98, 0.00},
	"dev12/politics-290":         {0.82, 0.98, 0.18, 0.64},
	"dev12/politics-378":         {0.98, 0.98, 0.89, 0.83},
	"dev12/tech-322":             {0.98, 0.98, 0.98, 0.00},
	"heldout3/business-089":      {0.98, 0.65, 0.81, 0.00},
	"heldout3/business-446":      {0.98, 0.65, 0.98, 0.48},
	"heldout3/politics-082":      {0.98, 0.48, 0.88, 0.00},
	"heldout3/politics-127":      {0.98, 0.78, 0.75, 0.00},
	"heldout3/sport-137":         {0.98, 0.48, 0.98, 0.00},
	"heldout3/tech-350":          {0.84, 0.38, 0.71, 0.00},
	"dev4/business-222":          {0.98, 0.84, 0.89, 0.42},
	"dev4/business-320":          {0.98, 0.78, 0.98, 0.38},
	"dev4/politics-100":          {0.98, 0.98, 0.95, 0.65},
	"dev4/politics-142":          {0.98, 0.98, 0.91, 0.00},
	"dev4/politics-392":          {0.98, 0.98, 0.98, 0.38},
	"dev4/tech-082":              {0.98, 0.98, 0.98, 0.00},
	"dev5/business-491":          {0.98, 0.48, 0.98, 0.69},
	"dev5/business-501":          {0.87, 0.98, 0.86, 0.20},
	"dev5/politics-097":          {0.98, 0.98, 0.98, 0.65},
	"dev5/politics-155":          {0.98, 0.78, 0.93, 0.00},
	"dev5/sport-232":             {0.98, 0.41, 0.89, 0.00},
	"dev5/tech-383":              {0.98, 0.98, 0.98, 0.00},
	"dev6/business-469":          {0.98, 0.48, 0.98, 0.83},
	"dev6/entertainment-085":     {0.98, 0.98, 0.93, 0.00},
	"dev6/politics-197":          {0.98, 0.00, 0.00, 0.31},
	"dev6/politics-366":          {0.98, 0.78, 0.98, 0.73},
	"dev6/sport-043":             {0.98, 0.31, 0.98, 0.00},
	"dev6/tech-073":              {0.98, 0.98, 0.92, 0.00},
	"dev7/business-130":          {0.78, 0.48, 0.98, 0.65},
	"dev7/business-178":          {0.98, 0.48, 0.84, 0.78},
	"dev7/politics-093":          {0.98, 0.98, 0.98, 0.00},
	"dev7/politics-208":          {0.98, 0.98, 0.98, 0.48},
	"dev7/sport-208":             {0.98, 0.73, 0.98, 0.00},
	"dev7/tech-029":              {0.98, 0.78, 0.89, 0.00},
	"dev8/business-154":          {0.98, 0.48, 0.98, 0.00},
	"dev8/business-384":          {0.98, 0.98, 0.89, 0.00},
	"dev8/entertainment-248":     {0.34, 0.65, 0.98, 0.00},
	"dev8/politics-005":          {0.98, 0.87, 0.90, 0.00},
	"dev8/sport-386":             {0.98, 0.31, 0.78, 0.00},
	"dev8/tech-390":              {0.98, 0.78, 0.98, 0.00},
	"dev9/business-301":          {0.98, 0.00, 0.98, 0.00},
	"dev9/entertainment-339":     {0.98, 0.00, 0.78, 0.00},
	"dev9/entertainment-385":     {0.78, 0.00, 0.64, 0.00},
	"dev9/politics-260":          {0.98, 0.78, 0.89, 0.00},
	"dev9/sport-054":             {0.98, 0.00, 0.88, 0.00},
	"dev9/tech-055":              {0.98, 0.98, 0.98, 0.00},
	"dev10/business-306":         {0.98, 0.98, 0.98, 0.00},
	"dev10/entertainment-313":    {0.98, 0.00, 0.98, 0.00},
	"dev10/politics-204":         {0.98, 0.00, 0.98, 0.00},
	"dev10/politics-302":         {0.98, 0.48, 0.91, 0.00},
	"dev10/sport-486":            {0.81, 0.00, 0.98, 0.00},
	"dev10/tech-365":             {0.98, 0.98, 0.98, 0.00},
	"dev11/business-232":         {0.98, 0.64, 0.98, 0.00},
	"dev11/business-242":         {0.98, 0.26, 0.78, 0.00},
	"dev11/politics-052":         {0.98, 0.00, 0.86, 0.00},
	"dev11/politics-220":         {0.98, 0.98, 0.94, 0.38},
	"dev11/politics-380":         {0.85, 0.69, 0.98, 0.64},
	"dev11/sport-493":            {0.88, 0.64, 0.87, 0.00},
	"heldout4/business-181":      {0.98, 0.78, 0.98, 0.00},
	"heldout4/business-241":      {0.98, 0.98, 0.98, 0.00},
	"heldout4/politics-065":      {0.98, 0.00, 0.73, 0.00},
	"heldout4/politics-135":      {0.98, 0.98, 0.93, 0.00},
	"heldout4/politics-385":      {0.98, 0.65, 0.98, 0.53},
	"heldout4/sport-235":         {0.98, 0.65, 0.79, 0.00},
	"heldout5/business-290":      {0.98, 0.38, 0.98, 0.00},
	"heldout5/business-391":      {0.73, 0.65, 0.00, 0.00},
	"heldout5/entertainment-152": {0.98, 0.00, 0.84, 0.00},
	"heldout5/politics-121":      {0.98, 0.48, 0.98, 0.00},
	"heldout5/sport-415":         {0.98, 0.27, 0.81, 0.00},
	"heldout5/tech-297":          {0.98, 0.00, 0.86, 0.00},
	"heldout6/business-034":      {0.78, 0.38, 0.78, 0.00},
	"heldout6/business-308":      {0.98, 0.64, 0.78, 0.00},
	"heldout6/entertainment-128": {0.83, 0.00, 0.98, 0.00},
	"heldout6/politics-059":      {0.98, 0.98, 0.98, 0.00},
	"heldout6/sport-155":         {0.73, 0.98, 0.98, 0.00},
	"heldout6/tech-124":          {0.98, 0.64, 0.98, 0.00},
	"heldout7/business-303":      {0.98, 0.64, 0.98, 0.00},
	"heldout7/entertainment-071": {0.90, 0.00, 0.86, 0.00},
	"heldout7/politics-357":      {0.78, 0.64, 0.83, 0.98},
	"heldout7/politics-393":      {0.93, 0.00, 0.83, 0.00},
	"heldout7/sport-333":         {0.91, 0.14, 0.98, 0.00},
	"heldout7/tech-291":          {0.78, 0.98, 0.64, 0.00},
}

// blindSets are the annotated sets whose errors are not to be read while
// developing the extractor: a failing floor reports only their scores.
var blindSets = map[string]bool{"heldout3": true, "heldout4": true, "heldout5": true, "heldout6": true, "heldout7": true}

// annotated is an article with a gold annotation.
type annotated struct {
	name string
	gold string
	doc  extract.Document
}

// annotatedArticles finds the annotated articles: the seed, our own
// articles, and the BBC articles when the corpus is at hand (it may not be
// redistributed, so only the annotations are kept here). The BBC articles
// under heldout*/ and dev*/ were annotated after the extractor's rules were
// written, as a check of how they generalise; each set's README says which
// are still blind.
func annotatedArticles(t *testing.T) []annotated {
	t.Helper()
	var out []annotated
	seed, err := os.ReadFile("../data/articles/penzanews-2017-03-28-russia-japan-two-plus-two.txt")
	if err != nil {
		t.Fatal(err)
	}
	out = append(out, annotated{"seed", "testdata/gold/seed.json", extract.Document{ID: "seed", Text: string(seed)}})
	own, _ := filepath.Glob("testdata/gold/own/*.json")
	for _, g := range own {
		base := strings.TrimSuffix(filepath.Base(g), ".json")
		files, _ := filepath.Glob(filepath.Join("testdata/articles", base+".*"))
		if len(files) != 1 {
			t.Fatalf("%s: want one article file testdata/articles/%s.*, have %v", g, base, files)
		}
		out = append(out, annotated{"own/" + base, g, readArticle(t, files[0])})
	}
	corpus := bbcCorpus()
	var bbc []string
	// every set directory but own/ annotates BBC corpus articles
	golds, _ := filepath.Glob("testdata/gold/*/*.json")
	for _, g := range golds {
		if filepath.Base(filepath.Dir(g)) != "own" {
			bbc = append(bbc, g)
		}
	}
	if corpus == nil {
		t.Logf("BBC corpus not found (set NEWSGRAPH_BBC_CORPUS): %d BBC annotations not scored", len(bbc))
		return out
	}
	for _, g := range bbc {
		var meta struct {
			CorpusID string `json:"corpus_id"`
		}
		b, err := os.ReadFile(g)
		if err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(b, &meta); err != nil {
			t.Fatalf("%s: %v", g, err)
		}
		a, ok := corpus[meta.CorpusID]
		if !ok {
			t.Fatalf("%s: corpus id %q not in corpus", g, meta.CorpusID)
		}
		out = append(out, annotated{filepath.Base(filepath.Dir(g)) + "/" + strings.TrimSuffix(filepath.Base(g), ".json"), g, a})
	}
	return out
}

// readArticle reads an article file as newsgraph build does (HTML pages
// through readability).
func readArticle(t *testing.T, path string) extract.Document {
	t.Helper()
	rd, err := source.Open(context.Background(), []string{path}, source.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer rd.Close()
	it, ok := rd.Next()
	if !ok || it.Err != nil {
		t.Fatalf("read %s: %v", path, it.Err)
	}
	return it.Doc
}

// bbcCorpus reads the BBC corpus (JSON Lines) if it can be found.
func bbcCorpus() map[string]extract.Document {
	path := os.Getenv("NEWSGRAPH_BBC_CORPUS")
	if path == "" {
		path = "../../shared/corpus/bbc-fulltext/articles.jsonl"
	}
	f, err := os.Open(path)
	if err != nil {
		return nil
	}
	defer f.Close()
	out := map[string]extract.Document{}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		var a struct{ ID, Title, Text string }
		if json.Unmarshal(sc.Bytes(), &a) == nil {
			out[a.ID] = extract.Document{ID: a.ID, Title: a.Title, Text: a.Title + "\n\n" + a.Text}
		}
	}
	return out
}

// predictions turns facts into the rows the canned queries print.
func predictions(f *extract.Facts) eval.Predictions {
	var p eval.Predictions
	for _, x := range f.Persons {
		p.Persons = append(p.Persons, eval.PersonRow{Name: x.Name})
	}
	for _, x := range f.Affiliations {
		p.Affiliations = append(p.Affiliations, eval.AffiliationRow{Person: x.Person, Organisation: x.Organisation, Role: x.Role, Current: x.Current})
	}
	for _, x := range f.Claims {
		p.Claims = append(p.Claims, eval.ClaimRow{Person: x.Person, Statement: x.Statement, Kind: x.Kind})
	}
	for _, x := range f.Positions {
		p.Positions = append(p.Positions, eval.PositionRow{Country: x.Country, Stance: x.Stance, Issue: x.Issue})
	}
	return p
}

// TestQualityFloors scores the extractor on every annotated article and
// fails when a relation falls below its floor.
func TestQualityFloors(t *testing.T) {
	e, err := extract.Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range annotatedArticles(t) {
		t.Run(a.name, func(t *testing.T) {
			g, err := eval.LoadGold(a.gold)
			if err != nil {
				t.Fatal(err)
			}
			f, err := e.Extract(a.doc)
			if err != nil {
				t.Fatal(err)
			}
			r := eval.Score(g, predictions(f))
			got := [4]float64{r.Persons.F1, r.Affiliations.F1, r.Claims.F1, r.Positions.F1}
			t.Logf("%s: persons %.3f affiliations %.3f claims %.3f positions %.3f attribution %.3f",
				a.name, got[0], got[1], got[2], got[3], r.ClaimAttributionAccuracy)
			floor, ok := floors[a.name]
			if !ok {
				t.Fatalf("no floor for %s: add one", a.name)
			}
			errs := strings.Join(r.ErrorLines(), "\n")
			if set, _, _ := strings.Cut(a.name, "/"); blindSets[set] {
				errs = "(error list withheld: " + set + " is a blind test set, see its README)"
			}
			for i, rel := range []string{"persons", "affiliations", "claims", "positions"} {
				if got[i] < floor[i] {
					t.Errorf("%s F1 %.3f is below its floor %.2f\n%s", rel, got[i], floor[i], errs)
				}
			}
			if a.name == "seed" && r.ClaimAttributionAccuracy < 0.95 {
				t.Errorf("claim attribution accuracy %.3f < 0.95", r.ClaimAttributionAccuracy)
			}
		})
	}
}

func ExampleExtractor_Extract() {
	e, _ := extract.Default()
	f, _ := e.Extract(extract.Document{ID: "example", Text: `Talks end

LONDON, March 3 (Agency) - British Foreign Secretary Jane Miller said on Tuesday that the talks had failed.

"We will try again next month," she told reporters.`})
	for _, c := range f.Claims {
		fmt.Printf("%s (%s): %s\n", c.Person, c.Kind, c.Statement)
	}
	for _, a := range f.Affiliations {
		fmt.Printf("%s: %s, %s\n", a.Person, a.Role, a.Organisation)
	}
	// Output:
	// Jane Miller (indirect): the talks had failed
	// Jane Miller (direct): We will try again next month
	// Jane Miller: Foreign Secretary, United Kingdom
}
