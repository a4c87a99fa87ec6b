package server

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/newsgraph/newsgraph/build"
	ngraph "github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/queries"
	"net"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	cdpruntime "github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

const chromiumPath = "/usr/bin/chromium"

// TestBrowserUI drives Cayley's UI, served by this package, in headless
// Chromium: it types queries into the Monaco editor with key events, runs
// them, and checks what each page shows. Screenshots of the four pages go to
// $NEWSGRAPH_SCREENSHOTS (or a temporary folder) and are logged.
//
// It skips when Chromium or the generated assets are missing, unless CI is
// set: then it fails.
func TestBrowserUI(t *testing.T) {
	ci := os.Getenv("CI") != ""
	if _, err := os.Stat(chromiumPath); err != nil {
		if ci {
			t.Fatalf("%s not found (CI is set): install it with `apt-get install -y chromium`", chromiumPath)
		}
		t.Skipf("%s not found: install it with `apt-get install -y chromium` to run the browser test", chromiumPath)
	}
	if testing.Short() && !ci {
		t.Skip("browser test skipped in -short mode")
	}
	s, err := New(seedGraph(t), Options{Logf: t.Logf, Timeout: 10 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	if !s.MonacoLocal() || !s.IconsLocal() {
		msg := "the Monaco editor / icon font assets were not generated: run `go generate ./...` (needs npm and the npm registry) before `go test`; without them the UI loads Monaco from cdn.jsdelivr.net and cannot work offline"
		if ci {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}

	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	if strings.HasSuffix(ln.Addr().String(), ":64210") { // the port the bundle hard-codes
		ln.Close()
		if ln, err = net.Listen("tcp", "127.0.0.1:0"); err != nil {
			t.Fatal(err)
		}
	}
	base := "http://" + ln.Addr().String()
	srvCtx, stopServer := context.WithCancel(context.Background())
	served := make(chan error, 1)
	go func() { served <- s.Serve(srvCtx, ln) }()
	defer func() {
		stopServer()
		if err := <-served; err != nil {
			t.Errorf("Serve: %v", err)
		}
	}()

	shots := os.Getenv("NEWSGRAPH_SCREENSHOTS")
	if shots == "" {
		shots = t.TempDir()
	} else if err := os.MkdirAll(shots, 0o755); err != nil {
		t.Fatal(err)
	}

	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(chromiumPath),
		chromedp.Flag("headless", true),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true),
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("hide-scrollbars", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 900),
	)
	defer cancelAlloc()
	bctx, cancelBrowser := chromedp.NewContext(allocCtx)
	defer cancelBrowser()

	// What the page does on the network, its JS errors and its dialogs.
	var (
		mu         sync.Mutex
		requests   []string
		failed     []string
		exceptions []string
		dialogs    []string
		writeCodes []int64
	)
	record := func(p *[]string, s string) { mu.Lock(); *p = append(*p, s); mu.Unlock() }
	if err := chromedp.Listen(bctx, func(ev any) {
		switch ev := ev.(type) {
		case *network.EventRequestWillBeSent:
			record(&requests, ev.Request.URL)
		case *network.EventLoadingFailed:
			record(&failed, fmt.Sprintf("%s %s", ev.RequestID, ev.ErrorText))
		case *network.EventResponseReceived:
			if strings.HasSuffix(ev.Response.URL, "/api/v2/write") {
				mu.Lock()
				writeCodes = append(writeCodes, ev.Response.Status)
				mu.Unlock()
			}
		case *cdpruntime.EventExceptionThrown:
			d := ev.ExceptionDetails
			text := d.Text
			if d.Exception != nil && d.Exception.Description != "" {
				text += " " + d.Exception.Description
			}
			record(&exceptions, text)
		}
	}); err != nil {
		t.Fatal(err)
	}
	dialogEvents := chromedp.Events(bctx, page.JavascriptDialogOpening)
	go func() {
		for ev, err := range dialogEvents {
			if err != nil {
				return
			}
			record(&dialogs, ev.Message)
			chromedp.Call(bctx, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: true})
		}
	}()

	ctx, cancel := context.WithTimeout(bctx, 60*time.Second)
	defer cancel()
	start := time.Now()
	step := func(name string, actions ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(ctx, actions...); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
	}
	screenshot := func(name string) {
		t.Helper()
		buf, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
		if err != nil {
			t.Fatalf("screenshot %s: %v", name, err)
		}
		path := filepath.Join(shots, name+".png")
		if err := os.WriteFile(path, buf, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("screenshot of the %s page: %s (at %v)", name, path, time.Since(start).Round(time.Millisecond))
	}
	poll := func(what, expr string) {
		t.Helper()
		_, err := chromedp.Run(ctx, chromedp.Poll[bool](expr,
			chromedp.WithPollingInterval(100*time.Millisecond), chromedp.WithPollingTimeout(15*time.Second)))
		if err != nil {
			if buf, serr := chromedp.Run(bctx, chromedp.CaptureScreenshot()); serr == nil {
				path := filepath.Join(shots, "failure.png")
				os.WriteFile(path, buf, 0o644)
				t.Logf("screenshot at failure: %s", path)
			}
			mu.Lock()
			defer mu.Unlock()
			t.Fatalf("%s: %v\n(JS exceptions: %q, dialogs: %q)", what, err, exceptions, dialogs)
		}
	}
	// typeInto focuses the page's first Monaco editor (the query or N-Quads
	// editor), clears it with Ctrl+A and Backspace, and types text with key
	// events. Escape before "(" and "." closes Monaco's suggestion widget, so
	// that no completion is accepted by a commit character.
	typeInto := func(text string) {
		t.Helper()
		// Click into the editor until it has the keyboard focus: right after
		// a page switch the editor may still be laying out.
		for i := 0; ; i++ {
			step("focus editor",
				chromedp.WaitVisible(chromedp.CSS("main .monaco-editor .view-lines")),
				chromedp.Click(chromedp.CSS("main .monaco-editor .view-lines")),
			)
			focused, err := chromedp.Run(ctx, chromedp.Evaluate[bool](
				`(() => { const a = document.activeElement; return !!a && a.tagName === "TEXTAREA" && a.closest(".monaco-editor") === document.querySelector("main .monaco-editor"); })()`))
			if err != nil {
				t.Fatal(err)
			}
			if focused {
				if i > 0 {
					t.Logf("editor focused after %d clicks", i+1)
				}
				break
			}
			if i == 50 {
				screenshot("failure")
				t.Fatal("cannot focus the Monaco editor")
			}
			step("wait", chromedp.Sleep(100*time.Millisecond))
		}
		step("clear editor",
			chromedp.KeyEvent("a", chromedp.KeyModifiers(chromedp.ModifierCtrl)),
			chromedp.KeyEvent(kb.Backspace),
		)
		for _, r := range text {
			if r == '(' || r == '.' {
				step("type", chromedp.KeyEvent(kb.Escape))
			}
			step("type", chromedp.KeyEvent(string(r)))
		}
		step("close suggestions", chromedp.KeyEvent(kb.Escape))
		// What the editor shows (Monaco renders on the next animation frame).
		want, _ := json.Marshal(text)
		shown := `document.querySelector("main .monaco-editor .view-lines").innerText.replace(/\u00a0/g, " ").trim()`
		if _, err := chromedp.Run(ctx, chromedp.Poll[bool](shown+" === "+string(want),
			chromedp.WithPollingInterval(50*time.Millisecond), chromedp.WithPollingTimeout(3*time.Second))); err != nil {
			got, _ := chromedp.Run(ctx, chromedp.Evaluate[string](shown))
			screenshot("failure")
			t.Fatalf("editor shows %q after typing %q", got, text)
		}
	}
	openPage := func(title string) {
		t.Helper()
		step("open "+title,
			chromedp.Click(chromedp.JSPath(fmt.Sprintf(
				`[...document.querySelectorAll("aside .mdc-list-item")].filter(e => e.textContent.trim() === %q)`, title))),
			chromedp.WaitVisible(chromedp.CSS("main .monaco-editor .view-lines")),
		)
	}
	run := func() { step("run", chromedp.Click(chromedp.CSS("main .actions button"))) }

	// 1. Query page, opened via 127.0.0.1 on a random port.
	step("load UI", chromedp.Navigate(base+"/"))
	poll("Monaco editor loads", `!!(window.monaco && document.querySelector("main .monaco-editor .view-lines"))`)
	poll("Material Icons font loads", `document.fonts.check('24px "Material Icons"') && [...document.fonts].some(f => f.family.includes("Material Icons") && f.status === "loaded")`)
	// who is affiliated with Temple University? (the answer is not in the query)
	typeInto(`g.V().Has("<http://schema.org/name>", "Temple University").In("<http://schema.org/affiliation>").Out("<http://schema.org/name>").All()`)
	run()
	// The results editor (second Monaco on the page) shows the name.
	poll("query results show James Brown", `(() => { const e = document.querySelectorAll("main .monaco-editor"); return e.length > 1 && e[1].innerText.replace(/\u00a0/g, " ").includes("James Brown"); })()`)
	screenshot("query")

	// 2. Query Shape page.
	openPage("Query Shape")
	typeInto(`g.V().Has("<http://schema.org/name>", "Sergey Lavrov").Out("<http://schema.org/affiliation>").Tag("org").All()`)
	run()
	poll("query shape shows nodes", `(() => { const e = document.querySelectorAll("main .monaco-editor"); return e.length > 1 && e[1].innerText.replace(/\u00a0/g, " ").includes("is_link_node"); })()`)
	raw, err := chromedp.Run(ctx, chromedp.Evaluate[string](
		`monaco.editor.getModels().map(m => m.getValue()).find(v => v.includes('"nodes"')) || ""`))
	if err != nil {
		t.Fatal(err)
	}
	var sh shapeResponse
	if err := json.Unmarshal([]byte(raw), &sh); err != nil || len(sh.Nodes) == 0 || len(sh.Links) == 0 {
		t.Fatalf("Query Shape page shows %q (%v)", raw, err)
	}
	t.Logf("Query Shape page: %d nodes, %d links", len(sh.Nodes), len(sh.Links))
	screenshot("query-shape")

	// 3. Visualize page: a canned visualization query, whose rows are
	// tagged source and target, is drawn.
	vq, err := queries.Get("graph-affiliations")
	if err != nil {
		t.Fatal(err)
	}
	nodes, links := drawnBy(t, s, vq.Script)
	openPage("Visualize")
	typeInto(oneLine(vq.Script))
	run()
	poll("graph is drawn", fmt.Sprintf(`document.querySelectorAll("main .graph svg circle").length >= %d`, nodes))
	step("let the layout settle", chromedp.Sleep(1500*time.Millisecond))
	counts, err := chromedp.Run(ctx, chromedp.Evaluate[map[string]int](
		`({circles: document.querySelectorAll("main .graph svg circle").length, lines: document.querySelectorAll("main .graph svg line").length, labels: [...document.querySelectorAll("main .graph svg text")].filter(e => e.textContent.includes("newsgraph.dev")).length})`))
	if err != nil {
		t.Fatal(err)
	}
	// one circle and label per person and organisation, one line per affiliation
	if counts["circles"] != nodes || counts["lines"] != links || counts["labels"] != nodes {
		t.Errorf("Visualize drew %v, want %d circles, %d lines, %d labels", counts, nodes, links, nodes)
	}
	t.Logf("Visualize page: %v", counts)
	screenshot("visualize")

	// 4. Write page: refused, the graph is read-only.
	openPage("Write")
	typeInto(`<https://newsgraph.dev/id/person/x> <http://schema.org/name> "X" .`)
	run()
	deadline := time.Now().Add(10 * time.Second)
	for {
		mu.Lock()
		n, d := len(writeCodes), len(dialogs)
		mu.Unlock()
		if n > 0 && d > 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("no answer to the write: codes %v, dialogs %q", writeCodes, dialogs)
		}
		time.Sleep(50 * time.Millisecond)
	}
	screenshot("write")

	mu.Lock()
	defer mu.Unlock()
	if writeCodes[0] != 403 {
		t.Errorf("write answered %d, want 403", writeCodes[0])
	}
	if !strings.Contains(dialogs[0], "read-only") {
		t.Errorf("Write page said %q", dialogs[0])
	}
	t.Logf("Write page: HTTP %d, the page said %q", writeCodes[0], dialogs[0])
	// Offline: everything came from the server.
	for _, u := range requests {
		if !strings.HasPrefix(u, base+"/") && !strings.HasPrefix(u, "data:") && !strings.HasPrefix(u, "blob:") {
			t.Errorf("the page fetched %s (not from the server)", u)
		}
	}
	if len(failed) > 0 {
		t.Errorf("failed requests: %q", failed)
	}
	if len(exceptions) > 0 {
		t.Errorf("JavaScript exceptions: %q", exceptions)
	}
	t.Logf("%d requests, all to %s; browser part took %v", len(requests), base, time.Since(start).Round(time.Millisecond))
	if err := ctx.Err(); errors.Is(err, context.DeadlineExceeded) {
		t.Error("browser test ran out of time")
	}
}

// seedGraph builds the seed article (data/articles) into a bbolt store the
// way newsgraph build does, and returns its handle.
func seedGraph(t *testing.T) *cgraph.Handle {
	t.Helper()
	ctx := context.Background()
	st, err := ngraph.Open(ctx, ngraph.Options{Path: filepath.Join(t.TempDir(), "seed")})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	sum, err := build.Run(ctx, st, []string{"../../data/articles"}, build.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Loaded != 1 || sum.Failed != 0 {
		t.Fatalf("seed build: %+v", sum)
	}
	return st.Handle
}

// drawnBy runs a visualization query and counts the distinct nodes and
// source-target links Visualize should draw.
func drawnBy(t *testing.T, s *Server, script string) (nodes, links int) {
	t.Helper()
	res, err := ngraph.Query(context.Background(), s.h.QuadStore, script, ngraph.QueryOptions{})
	if err != nil {
		t.Fatal(err)
	}
	ns, ls := map[string]bool{}, map[string]bool{}
	for _, r := range res.Rows {
		src, tgt := fmt.Sprint(r["source"]), fmt.Sprint(r["target"])
		ns[src], ns[tgt], ls[src+" "+tgt] = true, true, true
	}
	if len(ls) == 0 {
		t.Fatal("the visualization query returned nothing")
	}
	return len(ns), len(ls)
}

// oneLine joins a script's lines for typing into the editor, dropping
// comment lines.
func oneLine(script string) string {
	var parts []string
	for _, l := range strings.Split(script, "\n") {
		if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "//") {
			parts = append(parts, l)
		}
	}
	return strings.Join(parts, " ")
}
