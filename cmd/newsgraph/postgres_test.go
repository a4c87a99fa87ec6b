package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/internal/pgtest"
	"github.com/newsgraph/newsgraph/queries"
)

// bbcSampleSize is how many politics articles of the BBC corpus the
// PostgreSQL test builds.
const bbcSampleSize = 60

// TestPostgres builds the same articles into the embedded store and into
// PostgreSQL (Cayley's SQL backend) and checks that every command gives
// the same answers on both. It needs a local PostgreSQL (see
// internal/pgtest): skipped without one, failed without one when $CI is
// set.
func TestPostgres(t *testing.T) {
	if testing.Short() {
		t.Skip("builds two stores and starts PostgreSQL")
	}
	srv := pgtest.StartServer(t)

	t.Run("same answers as bbolt", func(t *testing.T) {
		inputs := append([]string{seedArticle}, articleSample(t)...)
		bolt := filepath.Join(t.TempDir(), "g")
		pg := srv.CreateDB(t, "")
		start := time.Now()
		mustNG(t, append([]string{"build", "--quiet", "--db", bolt}, inputs...)...)
		tBolt := time.Since(start)
		start = time.Now()
		// the backend follows from the URL; say it anyway, as the README does
		mustNG(t, append([]string{"build", "--quiet", "--backend", "postgres", "--db", pg}, inputs...)...)
		t.Logf("build: bbolt %s, postgres %s", tBolt.Round(time.Millisecond), time.Since(start).Round(time.Millisecond))

		want := mustNG(t, "export", "--db", bolt)
		if got := mustNG(t, "export", "--db", pg); got != want {
			t.Errorf("postgres export differs from bbolt's (%d and %d lines):\n%s", strings.Count(got, "\n"), strings.Count(want, "\n"), firstDiff(want, got))
		}
		if got, want := mustNG(t, "export", "--format", "jsonld", "--db", pg), mustNG(t, "export", "--format", "jsonld", "--db", bolt); got != want {
			t.Errorf("postgres JSON-LD export differs from bbolt's:\n%s", firstDiff(want, got))
		}
		if got, want := mustNG(t, "stats", "--db", pg), mustNG(t, "stats", "--db", bolt); got != want {
			t.Errorf("stats differ:\npostgres:\n%s\nbbolt:\n%s", got, want)
		}

		aboutRows := 0
		for _, q := range queries.All() {
			var params [][]string
			if q.Name == "about" {
				for _, e := range aboutEntities(t, bolt) {
					params = append(params, []string{"--param", "entity=" + e})
				}
			} else {
				params = [][]string{nil}
			}
			for _, p := range params {
				name := q.Name
				if p != nil {
					name += " " + strings.TrimPrefix(p[1], "entity=")
				}
				t.Run(name, func(t *testing.T) {
					start := time.Now()
					want := canonicalRows(t, mustNG(t, append([]string{"query", "--db", bolt, q.Name}, p...)...))
					tBolt := time.Since(start)
					start = time.Now()
					got := canonicalRows(t, mustNG(t, append([]string{"query", "--db", pg, q.Name}, p...)...))
					t.Logf("%d rows; bbolt %s, postgres %s", len(want), tBolt.Round(time.Millisecond), time.Since(start).Round(time.Millisecond))
					if q.Name == "about" {
						aboutRows += len(want)
					} else if len(want) == 0 && q.Name != "merges" {
						t.Errorf("no rows on bbolt: the comparison proves nothing")
					}
					if diff := multisetDiff(want, got); diff != "" {
						t.Errorf("postgres rows differ from bbolt's (%d and %d rows):\n%s", len(got), len(want), diff)
					}
				})
			}
		}
		if aboutRows == 0 {
			t.Error("about gave no rows for any entity: the comparison proves nothing")
		}

		// building the same articles again changes nothing, quietly
		code, out, errOut := ng(t, append([]string{"build", "--quiet", "--db", pg}, inputs...)...)
		if code != 0 || !strings.Contains(out, "0 added, 0 removed") || !strings.Contains(out, "(0 loaded") {
			t.Errorf("second build on postgres: exit %d, or it changed something:\n%s%s", code, out, errOut)
		} else if errOut != "" {
			t.Errorf("second build on postgres wrote to stderr:\n%s", errOut)
		}
		if got := mustNG(t, "export", "--db", pg); got != want {
			t.Errorf("postgres export changed after building the same articles again:\n%s", firstDiff(want, got))
		}
	})

	t.Run("edited article replaces its facts", func(t *testing.T) {
		text, err := os.ReadFile(seedArticle)
		if err != nil {
			t.Fatal(err)
		}
		art := filepath.Join(t.TempDir(), "article.txt")
		if err := os.WriteFile(art, text, 0o644); err != nil {
			t.Fatal(err)
		}
		pg := srv.CreateDB(t, "")
		mustNG(t, "build", "--quiet", "--db", pg, art)
		cut := strings.Index(string(text), "Meanwhile, Grant Newsham")
		if err := os.WriteFile(art, text[:cut], 0o644); err != nil {
			t.Fatal(err)
		}
		out := mustNG(t, "build", "--quiet", "--db", pg, art)
		if !strings.Contains(out, "1 loaded") {
			t.Errorf("the edited article was not loaded again:\n%s", out)
		}
		got := mustNG(t, "export", "--db", pg)
		if strings.Contains(got, "Newsham") {
			t.Error("facts of the removed paragraphs are still in the graph")
		}
		// the same as building the edited article from scratch (on bbolt:
		// the stores are the same, as the test above shows)
		fresh := filepath.Join(t.TempDir(), "g")
		mustNG(t, "build", "--quiet", "--db", fresh, art)
		if want := mustNG(t, "export", "--db", fresh); got != want {
			t.Errorf("rebuilt graph differs from a fresh build of the edited article:\n%s", firstDiff(want, got))
		}
		// and no node is left over from the old facts: the SQL backend
		// counts references to nodes itself, and g.V() lists its nodes table
		all := filepath.Join(t.TempDir(), "all.js")
		if err := os.WriteFile(all, []byte("g.V().All();\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		if diff := multisetDiff(canonicalRows(t, mustNG(t, "query", "--db", fresh, all)), canonicalRows(t, mustNG(t, "query", "--db", pg, all))); diff != "" {
			t.Errorf("the nodes differ from a fresh build's:\n%s", diff)
		}
	})

	t.Run("errors", func(t *testing.T) {
		empty := srv.CreateDB(t, "")
		for _, cmd := range []string{"query", "stats", "export"} {
			args := []string{cmd, "--db", empty}
			if cmd == "query" {
				args = append(args, "persons")
			}
			code, _, errOut := ng(t, args...)
			if code != 1 || !strings.Contains(errOut, "no graph store") {
				t.Errorf("%s on an empty database: exit %d, %q; want exit 1 and no graph store", cmd, code, errOut)
			}
		}
		// a missing database, named with a password in each form lib/pq takes
		for _, bad := range []string{
			strings.Replace(srv.URL("nosuchdb"), "postgres@", "postgres:s3cret@", 1),
			srv.URL("nosuchdb") + "&password=s3cret",
			fmt.Sprintf("host=127.0.0.1 port=%d user=postgres password='s3cret' dbname=nosuchdb sslmode=disable", srv.Port),
		} {
			code, _, errOut := ng(t, "build", "--quiet", "--backend", "postgres", "--db", bad, seedArticle)
			if code != 1 || !strings.Contains(errOut, `database "nosuchdb" does not exist`) {
				t.Errorf("missing database: exit %d, %q", code, errOut)
			}
			if strings.Contains(errOut, "s3cret") {
				t.Errorf("the password reached the output: %q", errOut)
			}
		}
	})

	t.Run("serve", func(t *testing.T) {
		pg := srv.CreateDB(t, "")
		mustNG(t, "build", "--quiet", "--db", pg, seedArticle)
		want := canonicalRows(t, mustNG(t, "query", "--db", pg, "persons"))
		q, _ := queries.Get("persons")
		body := postQuery(t, serveAddr(t, pg), q.Script)
		var res struct {
			Result []map[string]any `json:"result"`
			Error  string           `json:"error"`
		}
		if err := json.Unmarshal(body, &res); err != nil || res.Error != "" {
			t.Fatalf("query through serve: %v %s\n%s", err, res.Error, body)
		}
		var lines []string
		for _, r := range res.Result {
			b, _ := json.Marshal(r)
			lines = append(lines, string(b))
		}
		if diff := multisetDiff(want, canonicalRows(t, strings.Join(lines, "\n"))); diff != "" {
			t.Errorf("serve answers differently from query:\n%s", diff)
		}
	})
}

// articleSample returns the articles built besides the seed: the first
// politics articles of the BBC corpus when it is on this machine (it may
// not be committed), the project's own test articles otherwise.
func articleSample(t *testing.T) []string {
	t.Helper()
	corpus := os.Getenv("NEWSGRAPH_BBC_CORPUS")
	if corpus == "" {
		corpus = filepath.Join("..", "..", "..", "shared", "corpus", "bbc-fulltext", "articles.jsonl")
	}
	f, err := os.Open(corpus)
	if err != nil {
		t.Logf("sample: extract/testdata/articles (no BBC corpus: %v)", err)
		return []string{filepath.Join("..", "..", "extract", "testdata", "articles")}
	}
	defer f.Close()
	var sample bytes.Buffer
	n := 0
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<24)
	for sc.Scan() && n < bbcSampleSize {
		var a struct{ Category string }
		if json.Unmarshal(sc.Bytes(), &a) == nil && a.Category == "politics" {
			sample.Write(sc.Bytes())
			sample.WriteByte('\n')
			n++
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatalf("read %s: %v", corpus, err)
	}
	if n == 0 {
		t.Fatalf("%s has no politics articles", corpus)
	}
	path := filepath.Join(t.TempDir(), "bbc-politics.jsonl")
	if err := os.WriteFile(path, sample.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("sample: the first %d politics articles of %s", n, corpus)
	return []string{path}
}

// aboutEntities are the entities the "about" query is asked about: the
// seed's North Korea and the graph's five most-mentioned entities.
func aboutEntities(t *testing.T, db string) []string {
	t.Helper()
	out := []string{"North Korea"}
	stats := mustNG(t, "stats", "--top", "6", "--db", db)
	_, ranked, _ := strings.Cut(stats, "most-mentioned entities")
	ranked, _, _ = strings.Cut(ranked, "\n\n")
	for _, m := range regexp.MustCompile(`(?m)^ +\d+  (.+)$`).FindAllStringSubmatch(ranked, -1) {
		if m[1] != "North Korea" && len(out) < 6 {
			out = append(out, m[1])
		}
	}
	if len(out) == 1 {
		t.Errorf("no most-mentioned entities in stats:\n%s", stats)
	}
	return out
}

// canonicalRows turns JSON Lines into one canonical JSON text per row
// (object keys sorted), sorted: rows compared as a multiset.
func canonicalRows(t *testing.T, out string) []string {
	t.Helper()
	var rs []string
	for _, r := range rows(t, out) {
		b, err := json.Marshal(r) // maps marshal with sorted keys
		if err != nil {
			t.Fatal(err)
		}
		rs = append(rs, string(b))
	}
	sort.Strings(rs)
	return rs
}

// multisetDiff describes how two sorted lists differ: the rows only in
// one of them, a few of each.
func multisetDiff(want, got []string) string {
	var missing, extra []string
	i, j := 0, 0
	for i < len(want) || j < len(got) {
		switch {
		case j == len(got) || i < len(want) && want[i] < got[j]:
			missing = append(missing, want[i])
			i++
		case i == len(want) || got[j] < want[i]:
			extra = append(extra, got[j])
			j++
		default:
			i++
			j++
		}
	}
	if len(missing) == 0 && len(extra) == 0 {
		return ""
	}
	var b strings.Builder
	show := func(what string, rs []string) {
		if len(rs) == 0 {
			return
		}
		fmt.Fprintf(&b, "%d rows %s, e.g.:\n", len(rs), what)
		for k, r := range rs {
			if k == 5 {
				break
			}
			fmt.Fprintf(&b, "  %.300s\n", r)
		}
	}
	show("only on bbolt", missing)
	show("only on postgres", extra)
	return b.String()
}

// serveAddr starts newsgraph serve on db in process, on a free port, and
// returns its address; the server stops when the test ends.
func serveAddr(t *testing.T, db string) string {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	pr, pw := io.Pipe()
	done := make(chan int, 1)
	var errOut bytes.Buffer
	go func() {
		code := run(ctx, []string{"serve", "--db", db, "--addr", "127.0.0.1:0"}, pw, &errOut)
		pw.Close()
		done <- code
	}()
	t.Cleanup(func() {
		cancel()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			t.Error("serve did not stop")
		}
	})
	line, err := bufio.NewReader(pr).ReadString('\n')
	go io.Copy(io.Discard, pr)
	m := regexp.MustCompile(`at http://([^/]+)/`).FindStringSubmatch(line)
	if m == nil {
		cancel()
		<-done
		t.Fatalf("serve did not start: %q %v\n%s", line, err, errOut.String())
	}
	return m[1]
}

func postQuery(t *testing.T, addr, script string) []byte {
	t.Helper()
	resp, err := http.Post("http://"+addr+"/api/v2/query?lang=gizmo", "application/javascript", strings.NewReader(script))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
