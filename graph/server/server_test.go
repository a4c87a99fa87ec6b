package server

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/cayleygraph/cayley/graph"
	_ "github.com/cayleygraph/cayley/graph/kv/bbolt"
	"github.com/cayleygraph/cayley/ui"
	_ "github.com/cayleygraph/cayley/writer"
	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/nquads"
)

// testGraph returns the graph every test in this package serves: the
// hand-written testdata/seed.nq loaded into a bbolt store in a temporary
// folder. Switch this one function to the real seed build when it exists;
// the tests only assume the persons "Sergey Lavrov", "Tomomi Inada" and
// "Jeff Kingston", the organisations "Temple University" and "Ministry of
// Foreign Affairs of Russia", and the schema:name / schema:affiliation
// quads of testdata/seed.nq (TestHealth and TestNotFoundAndMethods count
// its 39 quads, TestShape and TestLimitCut its 3 affiliations).
//
// The backend must allow concurrent reads under -race: memstore does not
// (its read path sets a flag), and TestQueryTimeout runs queries in parallel.
func testGraph(t testing.TB) *graph.Handle {
	t.Helper()
	f, err := os.Open("testdata/seed.nq")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	dir := t.TempDir()
	if err := graph.InitQuadStore("bbolt", dir, nil); err != nil {
		t.Fatal(err)
	}
	qs, err := graph.NewQuadStore("bbolt", dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { qs.Close() })
	qw, err := graph.NewQuadWriter("single", qs, graph.Options{"ignore_duplicate": true, "ignore_missing": true})
	if err != nil {
		t.Fatal(err)
	}
	w := graph.NewWriter(qw)
	if _, err := quad.CopyBatch(w, nquads.NewReader(f, false), 0); err != nil {
		t.Fatalf("testdata/seed.nq: %v", err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return &graph.Handle{QuadStore: qs, QuadWriter: qw}
}

const (
	schemaName        = "<http://schema.org/name>"
	schemaAffiliation = "<http://schema.org/affiliation>"
	// the query the UI's Visualize page draws: rows tagged source and target
	visualizeQuery = `g.V().Tag("source").Out("<http://schema.org/affiliation>").Tag("target").All()`
)

type logBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (l *logBuffer) logf(format string, args ...any) {
	l.mu.Lock()
	defer l.mu.Unlock()
	fmt.Fprintf(&l.buf, format+"\n", args...)
}

func (l *logBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.String()
}

func newTestServer(t testing.TB, opt Options) (*Server, *httptest.Server, *logBuffer) {
	t.Helper()
	return newTestServerFor(t, testGraph(t), opt)
}

func newTestServerFor(t testing.TB, h *graph.Handle, opt Options) (*Server, *httptest.Server, *logBuffer) {
	t.Helper()
	logs := &logBuffer{}
	if opt.Logf == nil {
		opt.Logf = logs.logf
	}
	s, err := New(h, opt)
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(s.Handler())
	t.Cleanup(ts.Close)
	return s, ts, logs
}

type response struct {
	code   int
	header http.Header
	body   []byte
}

func (r response) json(t testing.TB) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(r.body, &m); err != nil {
		t.Fatalf("answer is not a JSON object: %v\n%s", err, r.body)
	}
	return m
}

func do(t testing.TB, method, url, body string, header ...string) response {
	t.Helper()
	var rd io.Reader
	if body != "" {
		rd = strings.NewReader(body)
	}
	req, err := http.NewRequest(method, url, rd)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return response{code: resp.StatusCode, header: resp.Header, body: data}
}

func gizmo(t testing.TB, base, q string) response {
	t.Helper()
	return do(t, "POST", base+"/api/v2/query?lang=gizmo", q, "Accept", "application/ld+json")
}

func TestBundleRewritten(t *testing.T) {
	s, ts, _ := newTestServer(t, Options{})
	web, _ := fs.Sub(ui.FS, "web")

	index := do(t, "GET", ts.URL+"/", "")
	if index.code != 200 || !bytes.Contains(index.body, []byte(`<div id="root">`)) {
		t.Fatalf("GET / = %d %q", index.code, index.body)
	}
	if ct := index.header.Get("Content-Type"); !strings.HasPrefix(ct, "text/html") {
		t.Errorf("GET / Content-Type = %q", ct)
	}
	get := func(glob string) []byte {
		t.Helper()
		names, _ := fs.Glob(web, glob)
		if len(names) != 1 {
			t.Fatalf("%s: %v", glob, names)
		}
		r := do(t, "GET", ts.URL+"/"+names[0], "")
		if r.code != 200 {
			t.Fatalf("GET /%s = %d", names[0], r.code)
		}
		return r.body
	}
	mainJS := get("static/js/main.*.chunk.js")
	if bytes.Contains(mainJS, []byte("localhost:64210")) {
		t.Error(`main chunk still contains "localhost:64210"`)
	}
	if !bytes.Contains(mainJS, []byte(`(n(83),"")`)) {
		t.Error("main chunk: API base URL was not rewritten to the empty string")
	}
	if !bytes.Contains(mainJS, []byte(`typeof o&&null!=o.source`)) || !bytes.Contains(mainJS, []byte("function ngReport(")) {
		t.Error("main chunk: Visualize / Write patches not applied")
	}
	vendorJS := get("static/js/2.*.chunk.js")
	mainCSS := get("static/css/main.*.chunk.css")
	if !s.MonacoLocal() {
		t.Logf("Monaco assets not generated (run `go generate ./graph/server/`): the UI uses the CDN")
		if !bytes.Contains(vendorJS, []byte(bundleMonacoCDN)) {
			t.Error("without local Monaco the CDN URL must stay")
		}
		return
	}
	if bytes.Contains(vendorJS, []byte("cdn.jsdelivr.net")) || !bytes.Contains(vendorJS, []byte(`monacoLoader:"/vendor/monaco/vs/loader.js"`)) {
		t.Error("2.*.chunk.js: Monaco CDN URL not rewritten")
	}
	if bytes.Contains(mainCSS, []byte("googleapis")) || !bytes.Contains(mainCSS, []byte("@import url(/vendor/material-icons/filled.css);")) {
		t.Errorf("main css: icon font not local: %.200s", mainCSS)
	}
	for path, ctype := range map[string]string{
		"/vendor/monaco/vs/loader.js":                          "text/javascript",
		"/vendor/monaco/vs/editor/editor.main.js":              "text/javascript",
		"/vendor/monaco/vs/editor/editor.main.css":             "text/css",
		"/vendor/monaco/vs/base/worker/workerMain.js":          "text/javascript",
		"/vendor/material-icons/filled.css":                    "text/css",
		"/vendor/material-icons/material-icons.woff2":          "font/woff2",
		"/vendor/monaco/vs/basic-languages/graphql/graphql.js": "text/javascript",
	} {
		r := do(t, "GET", ts.URL+path, "")
		if r.code != 200 || !strings.HasPrefix(r.header.Get("Content-Type"), ctype) || len(r.body) == 0 {
			t.Errorf("GET %s = %d %q (%d bytes)", path, r.code, r.header.Get("Content-Type"), len(r.body))
		}
	}
	if r := do(t, "GET", ts.URL+"/vendor/monaco/vs/", ""); r.code != 404 {
		t.Errorf("directory listing: GET /vendor/monaco/vs/ = %d", r.code)
	}
}

func TestReadOnlyRefusesWrites(t *testing.T) {
	_, ts, _ := newTestServer(t, Options{})
	want := `{"error":"` + ReadOnlyMessage + `"}`
	for _, path := range []string{"/api/v2/write", "/api/v2/delete", "/api/v2/node/delete"} {
		r := do(t, "POST", ts.URL+path, `<a> <b> <c> .`)
		if r.code != http.StatusForbidden || strings.TrimSpace(string(r.body)) != want {
			t.Errorf("POST %s = %d %s, want 403 %s", path, r.code, r.body, want)
		}
		if ct := r.header.Get("Content-Type"); ct != "application/json" {
			t.Errorf("POST %s: Content-Type %q", path, ct)
		}
	}
	// reads still work, nothing was written
	r := gizmo(t, ts.URL, `g.V("<a>").Out("<b>").All()`)
	if m := r.json(t); len(m["result"].([]any)) != 0 {
		t.Errorf("read-only graph changed: %s", r.body)
	}
}

func TestWritable(t *testing.T) {
	_, ts, _ := newTestServer(t, Options{Writable: true})
	nq := `<https://newsgraph.dev/id/person/yoko-kamikawa> <http://schema.org/name> "Yoko Kamikawa" <https://newsgraph.dev/id/article/x> .` + "\n"
	// The UI's Write page posts the editor text without a Content-Type.
	r := do(t, "POST", ts.URL+"/api/v2/write", nq)
	if r.code != 200 || r.json(t)["count"] != float64(1) {
		t.Fatalf("write = %d %s", r.code, r.body)
	}
	q := `g.V("<https://newsgraph.dev/id/person/yoko-kamikawa>").Out("<http://schema.org/name>").All()`
	if r := gizmo(t, ts.URL, q); !bytes.Contains(r.body, []byte("Yoko Kamikawa")) {
		t.Fatalf("written quad not found: %s", r.body)
	}
	r = do(t, "POST", ts.URL+"/api/v2/delete", nq, "Content-Type", "application/n-quads")
	if r.code != 200 || r.json(t)["count"] != float64(1) {
		t.Fatalf("delete = %d %s", r.code, r.body)
	}
	if r := gizmo(t, ts.URL, q); bytes.Contains(r.body, []byte("Yoko Kamikawa")) {
		t.Fatalf("deleted quad still there: %s", r.body)
	}
	// No CORS for anyone, and browsers on other origins cannot post.
	r = do(t, "POST", ts.URL+"/api/v2/write", nq, "Origin", "http://evil.example")
	if r.code != http.StatusForbidden {
		t.Errorf("cross-origin write = %d %s, want 403", r.code, r.body)
	}
	if got := r.header.Get("Access-Control-Allow-Origin"); got != "" {
		t.Errorf("Access-Control-Allow-Origin = %q", got)
	}
	r = do(t, "POST", ts.URL+"/api/v2/write", nq, "Origin", ts.URL)
	if r.code != 200 {
		t.Errorf("same-origin write = %d %s", r.code, r.body)
	}
	// DNS rebinding: a foreign name resolving to the loopback server
	req, _ := http.NewRequest("POST", ts.URL+"/api/v2/write", strings.NewReader(nq))
	req.Host = "evil.example:" + strings.Split(ts.URL, ":")[2]
	req.Header.Set("Origin", "http://"+req.Host)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusForbidden {
		t.Errorf("write with Host %s = %d, want 403", req.Host, resp.StatusCode)
	}
	req, _ = http.NewRequest("GET", ts.URL+"/health", nil)
	req.Host = "localhost:" + strings.Split(ts.URL, ":")[2]
	if resp, err := http.DefaultClient.Do(req); err != nil || resp.StatusCode != 200 {
		t.Errorf("GET /health with Host localhost = %v %v", resp, err)
	} else {
		resp.Body.Close()
	}
	r = do(t, "OPTIONS", ts.URL+"/api/v2/write", "", "Origin", "http://evil.example", "Access-Control-Request-Method", "POST")
	if got := r.header.Get("Access-Control-Allow-Origin"); got != "" {
		t.Errorf("preflight: Access-Control-Allow-Origin = %q", got)
	}
}

func TestQuery(t *testing.T) {
	_, ts, _ := newTestServer(t, Options{})
	r := gizmo(t, ts.URL, `g.V().Has("<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>", "<http://schema.org/Person>").Out("<http://schema.org/name>").All()`)
	if r.code != 200 || r.header.Get("Content-Type") != "application/ld+json" {
		t.Fatalf("query = %d %s %s", r.code, r.header.Get("Content-Type"), r.body)
	}
	for _, name := range []string{"Sergey Lavrov", "Tomomi Inada", "Jeff Kingston"} {
		if !bytes.Contains(r.body, []byte(name)) {
			t.Errorf("%q missing from %s", name, r.body)
		}
	}
	if m := r.json(t); m["truncated"] != nil {
		t.Errorf("small result marked truncated: %s", r.body)
	}

	// Visualize: rows with source and target as {"@id": ...}
	r = gizmo(t, ts.URL, visualizeQuery)
	var vis struct {
		Result []struct {
			Source map[string]string `json:"source"`
			Target map[string]string `json:"target"`
		} `json:"result"`
	}
	if err := json.Unmarshal(r.body, &vis); err != nil || len(vis.Result) != 3 {
		t.Fatalf("visualize query: %v %s", err, r.body)
	}
	for _, row := range vis.Result {
		if !strings.HasPrefix(row.Source["@id"], "https://newsgraph.dev/id/person/") ||
			!strings.HasPrefix(row.Target["@id"], "https://newsgraph.dev/id/organisation/") {
			t.Errorf("visualize row %v", row)
		}
	}

	// no results: an empty list, not null (the Visualize page iterates it)
	r = gizmo(t, ts.URL, `g.V("<nothing>").All()`)
	if strings.TrimSpace(string(r.body)) != `{"result":[]}` {
		t.Errorf("empty result = %s", r.body)
	}
	// errors are JSON
	r = gizmo(t, ts.URL, `g.V(`)
	if r.code != 400 || r.json(t)["error"] == nil {
		t.Errorf("syntax error = %d %s", r.code, r.body)
	}
	r = do(t, "POST", ts.URL+"/api/v2/query?lang=nope", "x")
	if r.code != 400 || r.json(t)["error"] == nil {
		t.Errorf("unknown language = %d %s", r.code, r.body)
	}
	// GET with qu, plain JSON collation
	r = do(t, "GET", ts.URL+`/api/v2/query?lang=gizmo&qu=`+strings.ReplaceAll(`g.V("<https://newsgraph.dev/id/person/tomomi-inada>").Out("<http://schema.org/name>").All()`, "#", "%23"), "")
	if r.code != 200 || !bytes.Contains(r.body, []byte(`"id":"Tomomi Inada"`)) {
		t.Errorf("GET query = %d %s", r.code, r.body)
	}
	// mql and graphql
	r = do(t, "POST", ts.URL+"/api/v2/query?lang=mql", `[{"id": null, "<http://schema.org/name>": "Temple University"}]`)
	if r.code != 200 || !bytes.Contains(r.body, []byte("temple-university")) {
		t.Errorf("mql = %d %s", r.code, r.body)
	}
	r = do(t, "POST", ts.URL+"/api/v2/query?lang=graphql", `{ nodes(<http://schema.org/name>: "Sergey Lavrov") { id <http://schema.org/affiliation> { <http://schema.org/name> } } }`)
	if r.code != 200 || !bytes.Contains(r.body, []byte("Ministry of Foreign Affairs of Russia")) {
		t.Errorf("graphql = %d %s", r.code, r.body)
	}
}

func TestLimitCut(t *testing.T) {
	_, ts, _ := newTestServer(t, Options{Limit: 3})
	r := gizmo(t, ts.URL, `g.V().All()`)
	m := r.json(t)
	if n := len(m["result"].([]any)); n != 3 || m["truncated"] != true || m["limit"] != float64(3) {
		t.Fatalf("g.V().All() with limit 3: %d results, %s", n, r.body)
	}
	if r.header.Get(HeaderTruncated) != "true" || r.header.Get(HeaderResultLimit) != "3" {
		t.Errorf("headers %v", r.header)
	}
	// past the limit the script is stopped: no need to wait for its end
	start := time.Now()
	r = gizmo(t, ts.URL, `g.V().All(); while(true){}`)
	if m := r.json(t); r.code != 200 || m["truncated"] != true || time.Since(start) > 2*time.Second {
		t.Errorf("limit then loop = %d %s after %v", r.code, r.body, time.Since(start))
	}
	// exactly at the limit: not truncated
	r = gizmo(t, ts.URL, visualizeQuery)
	if m := r.json(t); len(m["result"].([]any)) != 3 || m["truncated"] != nil || r.header.Get(HeaderTruncated) != "" {
		t.Errorf("3 results with limit 3 marked truncated: %s", r.body)
	}
	// arrays inside one result are cut too
	r = gizmo(t, ts.URL, `g.Emit(g.V().ToArray())`)
	if m := r.json(t); m["truncated"] != true || len(m["result"].([]any)[0].([]any)) != 3 {
		t.Errorf("ToArray not cut: %s", r.body)
	}
	r = do(t, "POST", ts.URL+"/api/v2/query?lang=graphql", `{ nodes { id } }`)
	if m := r.json(t); m["truncated"] != true || len(m["data"].(map[string]any)["nodes"].([]any)) != 3 {
		t.Errorf("graphql not cut: %s", r.body)
	}
}

func TestQueryTimeout(t *testing.T) {
	const timeout = time.Second
	_, ts, _ := newTestServer(t, Options{Timeout: timeout})

	timed := func(q string) (response, time.Duration) {
		start := time.Now()
		r := gizmo(t, ts.URL, q)
		return r, time.Since(start)
	}
	check := func(q string, r response, elapsed time.Duration) {
		t.Helper()
		if r.code != http.StatusGatewayTimeout || !strings.Contains(r.json(t)["error"].(string), "timed out") {
			t.Errorf("%s = %d %s", q, r.code, r.body)
		}
		if elapsed > timeout+time.Second {
			t.Errorf("%s answered after %v, want <= %v", q, elapsed, timeout+time.Second)
		}
	}

	// While a loop spins, the server answers other requests.
	type result struct {
		r       response
		elapsed time.Duration
	}
	done := make(chan result, 1)
	go func() {
		r, d := timed(`while(true){}`)
		done <- result{r, d}
	}()
	time.Sleep(200 * time.Millisecond)
	start := time.Now()
	if r := do(t, "GET", ts.URL+"/health", ""); r.code != 200 {
		t.Errorf("health during loop = %d", r.code)
	}
	if r := gizmo(t, ts.URL, `g.V("<https://newsgraph.dev/id/person/sergey-lavrov>").Out("<http://schema.org/name>").All()`); !bytes.Contains(r.body, []byte("Sergey Lavrov")) {
		t.Errorf("query during loop: %s", r.body)
	}
	if d := time.Since(start); d > timeout {
		t.Errorf("server slow during the loop: %v", d)
	}
	res := <-done
	check(`while(true){}`, res.r, res.elapsed)

	// Loops inside a callback and around a traversal are stopped too.
	for _, q := range []string{
		`g.V().ForEach(function(v){ while(true){} })`,
		`while(true){ g.V().ToArray() }`,
	} {
		r, d := timed(q)
		check(q, r, d)
	}
	// Shape requests are bounded too.
	r := do(t, "POST", ts.URL+"/api/v1/shape/gizmo", `while(true){}`)
	if r.code != http.StatusGatewayTimeout {
		t.Errorf("shape of a loop = %d %s", r.code, r.body)
	}

	// The JavaScript VMs were interrupted: the process is idle again
	// (measured as CPU time, which does not depend on the machine's load).
	if _, ok := processCPU(); ok {
		time.Sleep(100 * time.Millisecond) // let the interrupted VMs unwind
		before, _ := processCPU()
		time.Sleep(time.Second)
		after, _ := processCPU()
		if used := after - before; used > 300*time.Millisecond {
			t.Errorf("the process used %v of CPU in 1s after the loops were answered: a VM still spins", used)
		}
	}
}

func TestShape(t *testing.T) {
	_, ts, _ := newTestServer(t, Options{})
	var sh shapeResponse
	post := func(lang, q string) response {
		t.Helper()
		r := do(t, "POST", ts.URL+"/api/v1/shape/"+lang, q)
		if r.code != 200 {
			t.Fatalf("shape %s = %d %s", q, r.code, r.body)
		}
		sh = shapeResponse{}
		if err := json.Unmarshal(r.body, &sh); err != nil {
			t.Fatal(err)
		}
		return r
	}
	r := post("gizmo", `g.V().Has("<http://schema.org/name>", "Sergey Lavrov").Out("<http://schema.org/affiliation>").Tag("org").All()`)
	t.Logf("shape: %s", r.body)
	if len(sh.Nodes) < 4 || len(sh.Links) < 2 {
		t.Fatalf("shape too small: %+v", sh)
	}
	byID := map[int]*shapeNode{}
	for _, n := range sh.Nodes {
		byID[n.ID] = n
	}
	has := func(n *shapeNode, v string) bool {
		for _, x := range n.Values {
			if x == v {
				return true
			}
		}
		return false
	}
	// person --affiliation--> org(tag "org"); person --name--> "Sergey Lavrov"
	var sawAff, sawName bool
	for _, l := range sh.Links {
		src, dst, ln := byID[l.Source], byID[l.Target], byID[l.LinkNode]
		if src == nil || dst == nil || ln == nil || !ln.IsLinkNode {
			t.Fatalf("bad link %+v in %+v", l, sh)
		}
		if has(ln, schemaAffiliation) && len(dst.Tags) == 1 && dst.Tags[0] == "org" {
			sawAff = true
		}
		if has(ln, schemaName) && dst.IsFixed && has(dst, `"Sergey Lavrov"`) {
			sawName = true
		}
	}
	if !sawAff || !sawName {
		t.Errorf("shape lacks the affiliation or name hop: %+v", sh)
	}

	r = post("gizmo", visualizeQuery)
	t.Logf("visualize shape: %s", r.body)
	if len(sh.Nodes) != 3 || len(sh.Links) != 1 {
		t.Errorf("visualize query shape: %+v", sh)
	}
	post("gizmo", `g.V().All()`)
	if len(sh.Nodes) != 1 {
		t.Errorf("g.V() shape: %+v", sh)
	}
	r = post("mql", `[{"id": null, "<http://schema.org/name>": "Temple University"}]`)
	t.Logf("mql shape: %s", r.body)
	if len(sh.Nodes) == 0 || len(sh.Links) == 0 {
		t.Errorf("mql shape: %+v", sh)
	}
	// a shape request does not run the traversal: nothing is emitted
	post("gizmo", `var n = g.V().ToArray().length; if (n != 0) { throw new Error("traversed " + n) }; g.V().All()`)

	r = do(t, "POST", ts.URL+"/api/v1/shape/gizmo", `g.V(`)
	if r.code != 400 || r.json(t)["error"] == nil {
		t.Errorf("shape of a syntax error = %d %s", r.code, r.body)
	}
	r = do(t, "POST", ts.URL+"/api/v1/shape/nope", `x`)
	if r.code != 400 {
		t.Errorf("shape of unknown language = %d %s", r.code, r.body)
	}
}

func TestHealth(t *testing.T) {
	_, ts, _ := newTestServer(t, Options{})
	r := do(t, "GET", ts.URL+"/health", "")
	m := r.json(t)
	if r.code != 200 || m["status"] != "ok" || m["quads"] != float64(39) || m["writable"] != false {
		t.Fatalf("health = %d %s", r.code, r.body)
	}
}

func TestBodyLimit(t *testing.T) {
	_, ts, _ := newTestServer(t, Options{MaxBodyBytes: 1024, Writable: true})
	big := `g.V().All() // ` + strings.Repeat("x", 2048)
	r := gizmo(t, ts.URL, big)
	if r.code != http.StatusRequestEntityTooLarge || !strings.Contains(r.json(t)["error"].(string), "1024") {
		t.Errorf("big query = %d %s", r.code, r.body)
	}
	// without Content-Length (chunked)
	req, _ := http.NewRequest("POST", ts.URL+"/api/v2/write", io.MultiReader(strings.NewReader(strings.Repeat("<a> <b> <c> .\n", 200))))
	req.ContentLength = -1
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusRequestEntityTooLarge {
		t.Errorf("chunked big write = %d %s", resp.StatusCode, body)
	}
	// under the limit is fine
	if r := gizmo(t, ts.URL, `g.V().All()`); r.code != 200 {
		t.Errorf("small query = %d %s", r.code, r.body)
	}
}

// panicStore panics on Stats, as a buggy backend might.
type panicStore struct{ graph.QuadStore }

func (panicStore) Stats(ctx context.Context, exact bool) (graph.Stats, error) {
	panic("secret backend detail")
}

func TestPanicNoStackTrace(t *testing.T) {
	h := testGraph(t)
	_, ts, logs := newTestServerFor(t, &graph.Handle{QuadStore: panicStore{h.QuadStore}, QuadWriter: h.QuadWriter}, Options{})
	r := do(t, "GET", ts.URL+"/health", "")
	if r.code != 500 || strings.TrimSpace(string(r.body)) != `{"error":"internal server error"}` {
		t.Errorf("panic = %d %s", r.code, r.body)
	}
	if !strings.Contains(logs.String(), "secret backend detail") || !strings.Contains(logs.String(), "goroutine") {
		t.Errorf("panic not logged with stack: %s", logs)
	}
	// the server still works
	if r := gizmo(t, ts.URL, `g.V().All()`); r.code != 200 {
		t.Errorf("after panic: %d", r.code)
	}
}

func TestNotFoundAndMethods(t *testing.T) {
	_, ts, _ := newTestServer(t, Options{})
	if r := do(t, "GET", ts.URL+"/api/v2/nope", ""); r.code != 404 || r.json(t)["error"] == nil {
		t.Errorf("unknown API = %d %s", r.code, r.body)
	}
	if r := do(t, "POST", ts.URL+"/health", "x"); r.code != 405 {
		t.Errorf("POST /health = %d", r.code)
	}
	if r := do(t, "GET", ts.URL+"/api/v2/formats", ""); r.code != 200 || !bytes.Contains(r.body, []byte(`"nquads"`)) {
		t.Errorf("formats = %d %s", r.code, r.body)
	}
	if r := do(t, "GET", ts.URL+"/api/v2/read?format=nquads", ""); r.code != 200 || bytes.Count(r.body, []byte("\n")) != 39 {
		t.Errorf("read = %d %d lines", r.code, bytes.Count(r.body, []byte("\n")))
	}
}

func TestServeGracefulShutdown(t *testing.T) {
	s, err := New(testGraph(t), Options{Logf: t.Logf})
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	errc := make(chan error, 1)
	go func() { errc <- s.Serve(ctx, ln) }()
	if r := do(t, "GET", "http://"+ln.Addr().String()+"/health", ""); r.code != 200 {
		t.Fatalf("health = %d", r.code)
	}
	cancel()
	select {
	case err := <-errc:
		if err != nil {
			t.Errorf("Serve = %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Serve did not return after ctx ended")
	}
	if _, err := http.Get("http://" + ln.Addr().String() + "/health"); err == nil {
		t.Error("still serving after shutdown")
	}
}

func TestNewErrors(t *testing.T) {
	if _, err := New(nil, Options{}); err == nil {
		t.Error("New(nil) succeeded")
	}
	h := testGraph(t)
	if _, err := New(&graph.Handle{QuadStore: h.QuadStore}, Options{Writable: true}); err == nil {
		t.Error("writable without QuadWriter succeeded")
	}
}
