package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/nquads"

	"github.com/newsgraph/newsgraph/queries"
)

var update = flag.Bool("update", false, "rewrite golden files")

const seedArticle = "../../data/articles/penzanews-2017-03-28-russia-japan-two-plus-two.txt"

// ng runs newsgraph in process and returns its exit status, standard
// output and standard error.
func ng(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := run(context.Background(), args, &out, &errOut)
	return code, out.String(), errOut.String()
}

// mustNG runs newsgraph and fails the test unless it exits 0.
func mustNG(t *testing.T, args ...string) string {
	t.Helper()
	code, out, errOut := ng(t, args...)
	if code != 0 {
		t.Fatalf("newsgraph %s: exit %d\n%s", strings.Join(args, " "), code, errOut)
	}
	return out
}

// rows parses JSON Lines output.
func rows(t *testing.T, out string) []map[string]any {
	t.Helper()
	var rs []map[string]any
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		if line == "" {
			continue
		}
		var r map[string]any
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatalf("bad JSON line %q: %v", line, err)
		}
		rs = append(rs, r)
	}
	return rs
}

func buildSeed(t *testing.T) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "g")
	mustNG(t, "build", "--quiet", "--db", db, seedArticle)
	return db
}

func TestSeedQueries(t *testing.T) {
	db := buildSeed(t)
	for _, q := range queries.All() {
		t.Run(q.Name, func(t *testing.T) {
			args := []string{"query", "--db", db, q.Name}
			if q.Name == "about" {
				args = append(args, "--param", "entity=North Korea")
			}
			rs := rows(t, mustNG(t, args...))
			if len(rs) == 0 && q.Name != "merges" { // merges come with a second article
				t.Fatalf("%s returned no rows", q.Name)
			}
			for _, r := range rs {
				for k, v := range r {
					if s, ok := v.(string); ok && strings.HasPrefix(s, "<http") && !q.Visual {
						t.Errorf("%s: %s is an IRI (%s), not a name", q.Name, k, s)
					}
				}
			}
		})
	}
	// facts a reader of the seed expects
	has := func(query string, want map[string]any) {
		t.Helper()
		for _, r := range rows(t, mustNG(t, "query", "--db", db, query)) {
			ok := true
			for k, v := range want {
				if s, isStr := v.(string); isStr {
					if got, _ := r[k].(string); !strings.Contains(got, s) {
						ok = false
					}
				} else if r[k] != v {
					ok = false
				}
			}
			if ok {
				return
			}
		}
		t.Errorf("%s has no row like %v", query, want)
	}
	has("affiliations", map[string]any{"person": "James Brown", "organisation": "Temple University", "current": true})
	has("affiliations", map[string]any{"person": "Masashi Nishihara", "organisation": "National Defense Academy", "current": false})
	has("claims", map[string]any{"person": "Grant Newsham", "kind": "direct", "statement": "Sometimes a cordial meeting is enough"})
	has("positions", map[string]any{"country": "Japan", "stance": "supports", "issue": "special legal system"})
	has("persons", map[string]any{"name": "Sergey Shoygu"})
	has("articles", map[string]any{"date": "2017-03-28", "publisher": "PenzaNews"})

	// other names, listed once each (the article and the shared
	// description both give an acronym)
	hasAliases := func(query, name string, want ...string) {
		t.Helper()
		for _, r := range rows(t, mustNG(t, "query", "--db", db, query)) {
			if r["name"] == name {
				if got := fmt.Sprint(r["aliases"]); got != fmt.Sprint(want) {
					t.Errorf("%s: %s has aliases %s, want %v", query, name, got, want)
				}
				return
			}
		}
		t.Errorf("%s has no row named %s", query, name)
	}
	hasAliases("persons", "Sergey Shoygu", "Sergei Shoigu")
	hasAliases("organisations", "Research Institute for Peace and Security", "RIPS")
}

func TestExportGolden(t *testing.T) {
	db := buildSeed(t)
	out := mustNG(t, "export", "--db", db)
	golden := filepath.Join("testdata", "seed.nq")
	if *update {
		if err := os.WriteFile(golden, []byte(out), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if out != string(want) {
		t.Errorf("export differs from %s (run go test ./cmd/newsgraph -update after checking the change):\n%s", golden, firstDiff(string(want), out))
	}
	// it parses, every quad has a label, and the count matches the store
	n := 0
	r := nquads.NewReader(strings.NewReader(out), false)
	for {
		q, err := r.ReadQuad()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("export does not parse: %v", err)
		}
		if q.Label == nil {
			t.Errorf("quad without label: %v", q)
		}
		n++
	}
	stats := mustNG(t, "stats", "--db", db)
	if !strings.Contains(stats, "quads: "+itoa(n)+"\n") {
		t.Errorf("export has %d quads, stats says:\n%s", n, stats)
	}
	// sorted
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if !sort.StringsAreSorted(lines) {
		t.Error("export is not sorted")
	}
}

func itoa(n int) string { return strings.TrimSpace(strings.Repeat(" ", 0) + jsonNumber(n)) }

func jsonNumber(n int) string { b, _ := json.Marshal(n); return string(b) }

func firstDiff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := 0; i < len(al) && i < len(bl); i++ {
		if al[i] != bl[i] {
			return "want: " + al[i] + "\ngot:  " + bl[i]
		}
	}
	return "lengths differ"
}

func TestRebuildIsIdempotent(t *testing.T) {
	db := buildSeed(t)
	before := mustNG(t, "export", "--db", db)
	out := mustNG(t, "build", "--quiet", "--db", db, seedArticle)
	if !strings.Contains(out, "1 unchanged") || !strings.Contains(out, "0 added, 0 removed") {
		t.Errorf("second build changed something:\n%s", out)
	}
	if after := mustNG(t, "export", "--db", db); after != before {
		t.Error("export changed after rebuilding the same article")
	}
}

func TestEditedArticleReplacesItsFacts(t *testing.T) {
	dir := t.TempDir()
	text, err := os.ReadFile(seedArticle)
	if err != nil {
		t.Fatal(err)
	}
	art := filepath.Join(dir, "article.txt")
	if err := os.WriteFile(art, text, 0o644); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(dir, "g")
	mustNG(t, "build", "--quiet", "--db", db, art)
	// drop every paragraph that quotes Grant Newsham's experience onwards
	cut := strings.Index(string(text), "Meanwhile, Grant Newsham")
	edited := string(text[:cut])
	if err := os.WriteFile(art, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	mustNG(t, "build", "--quiet", "--db", db, art)
	got := mustNG(t, "export", "--db", db)
	if strings.Contains(got, "Newsham") {
		t.Error("facts of the removed paragraphs are still in the graph")
	}
	// the same as building the edited article from scratch
	fresh := filepath.Join(dir, "fresh")
	mustNG(t, "build", "--quiet", "--db", fresh, art)
	if want := mustNG(t, "export", "--db", fresh); got != want {
		t.Errorf("rebuilt graph differs from a fresh build of the edited article:\n%s", firstDiff(want, got))
	}
}

func TestBadInputsDoNotStopTheBuild(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty.txt")
	os.WriteFile(empty, nil, 0o644)
	png := filepath.Join(dir, "image.txt")
	os.WriteFile(png, []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), 0o644)
	missing := filepath.Join(dir, "missing.txt")
	db := filepath.Join(dir, "g")
	code, out, errOut := ng(t, "build", "--quiet", "--db", db, empty, seedArticle, png, missing)
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	for _, want := range []string{"empty.txt", "image.txt", "missing.txt"} {
		if !strings.Contains(errOut, want) {
			t.Errorf("no error naming %s:\n%s", want, errOut)
		}
	}
	if strings.Contains(errOut, "goroutine") || strings.Contains(errOut, "panic") {
		t.Errorf("a stack trace reached the user:\n%s", errOut)
	}
	if !strings.Contains(out, "1 loaded") {
		t.Errorf("the good article was not built:\n%s", out)
	}
	if rs := rows(t, mustNG(t, "query", "--db", db, "articles")); len(rs) != 1 {
		t.Errorf("%d articles in the graph, want 1", len(rs))
	}
}

func TestQueryErrors(t *testing.T) {
	db := buildSeed(t)
	script := filepath.Join(t.TempDir(), "bad.js")
	os.WriteFile(script, []byte("g.V().Has(\"<x>\",\n  ).All((;\n"), 0o644)
	code, _, errOut := ng(t, "query", "--db", db, script)
	if code != 1 || !strings.Contains(errOut, "line 2") {
		t.Errorf("bad script: exit %d, %q; want exit 1 and the error's line", code, errOut)
	}
	code, _, errOut = ng(t, "query", "--db", db, "no-such-query")
	if code != 1 || !strings.Contains(errOut, "no canned query") {
		t.Errorf("unknown query: exit %d, %q", code, errOut)
	}
	code, _, errOut = ng(t, "query", "--db", filepath.Join(t.TempDir(), "none"), "persons")
	if code != 1 || !strings.Contains(errOut, "no graph store") {
		t.Errorf("missing store: exit %d, %q", code, errOut)
	}
}

func TestQueryLimitAndTable(t *testing.T) {
	db := buildSeed(t)
	code, out, errOut := ng(t, "query", "--db", db, "--limit", "2", "claims")
	if code != 0 || len(rows(t, out)) != 2 || !strings.Contains(errOut, "cut at --limit 2") {
		t.Errorf("limit: exit %d, %d rows, %q", code, len(rows(t, out)), errOut)
	}
	out = mustNG(t, "query", "--db", db, "--format", "table", "persons")
	if !strings.HasPrefix(out, "name") || !strings.Contains(out, "Grant Newsham") {
		t.Errorf("table output:\n%s", out)
	}
	list := mustNG(t, "query", "--list")
	for _, q := range []string{"persons", "organisations", "affiliations", "claims", "positions", "articles", "about"} {
		if !strings.Contains(list, q) {
			t.Errorf("--list lacks %s", q)
		}
	}
}

func TestExtractFormats(t *testing.T) {
	out := mustNG(t, "extract", seedArticle)
	var f struct{ Claims []any }
	if err := json.Unmarshal([]byte(out), &f); err != nil || len(f.Claims) == 0 {
		t.Errorf("extract json: %v, %d claims", err, len(f.Claims))
	}
	out = mustNG(t, "extract", "--format", "nquads", seedArticle)
	r := nquads.NewReader(strings.NewReader(out), false)
	n := 0
	for {
		_, err := r.ReadQuad()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		n++
	}
	if n < 100 {
		t.Errorf("extract nquads: %d quads", n)
	}
	out = mustNG(t, "extract", "--explain", seedArticle)
	if !strings.Contains(out, "rule:") || !strings.Contains(out, "evidence: [") {
		t.Errorf("explain lacks rules and evidence:\n%.500s", out)
	}
}

var _ = quad.IRI("")
