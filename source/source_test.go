package source

import (
	"bytes"
	"context"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// goodText is a small valid article.
const goodText = "Moscow, March 28. Russia and Japan held talks.\n\nThe ministers met in Tokyo.\n"

// goodHTML is a small valid page.
var goodHTML = page(`<title>Good page</title>`, "<p>"+para+"</p><p>"+para+"</p>")

// write creates a file under dir with the given content.
func write(t *testing.T, dir, name string, content []byte) string {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, content, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// readAll opens args and returns every item, checking Total against the
// number of items.
func readAll(t *testing.T, args []string, opt Options) []Item {
	t.Helper()
	r, err := Open(context.Background(), args, opt)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	total := r.Total()
	var items []Item
	for it := range r.All() {
		items = append(items, it)
	}
	if r.Err() != nil {
		t.Fatalf("Err() = %v", r.Err())
	}
	if total != -1 && total != len(items) {
		t.Errorf("Total() = %d, but %d items came", total, len(items))
	}
	return items
}

// wantItem describes an expected item: an article (text prefix, ID) or an
// error (sentinel and message parts).
type wantItem struct {
	id, text string
	err      error
	errHas   []string
}

// checkItems compares items with wants.
func checkItems(t *testing.T, items []Item, wants []wantItem) {
	t.Helper()
	if len(items) != len(wants) {
		for _, it := range items {
			t.Logf("item %s: ID %q err %v", it.Origin, it.Doc.ID, it.Err)
		}
		t.Fatalf("got %d items, want %d", len(items), len(wants))
	}
	for i, w := range wants {
		it := items[i]
		if w.err != nil {
			if it.Err == nil || !errors.Is(it.Err, w.err) {
				t.Errorf("item %d (%s): error %v, want %v", i, it.Origin, it.Err, w.err)
				continue
			}
			var e *Error
			if !errors.As(it.Err, &e) || e.Origin != it.Origin {
				t.Errorf("item %d: error %v is not an *Error of origin %q", i, it.Err, it.Origin)
			}
			msg := it.Err.Error()
			if strings.Contains(msg, "\n") {
				t.Errorf("item %d: error message has several lines: %q", i, msg)
			}
			for _, part := range append([]string{it.Origin}, w.errHas...) {
				if !strings.Contains(msg, part) {
					t.Errorf("item %d: error %q does not contain %q", i, msg, part)
				}
			}
			continue
		}
		if it.Err != nil {
			t.Errorf("item %d (%s): unexpected error %v", i, it.Origin, it.Err)
			continue
		}
		if it.Doc.ID != w.id || !strings.HasPrefix(it.Doc.Text, w.text) {
			t.Errorf("item %d (%s): got ID %q text %.50q, want ID %q text %.50q", i, it.Origin, it.Doc.ID, it.Doc.Text, w.id, w.text)
		}
	}
}

// TestBadInputs gives each bad input between two good ones, and checks the
// error names the file and the reason, and that the good ones come through.
func TestBadInputs(t *testing.T) {
	nquads := "<http://ex.org/a> <http://ex.org/name> \"A\" <http://ex.org/g> .\n<http://ex.org/a> <http://ex.org/knows> <http://ex.org/b> <http://ex.org/g> .\n"
	jsonld := `{"@context": "https://schema.org", "@id": "http://ex.org/a", "@type": "Person", "name": "A"}`
	tests := []struct {
		name  string
		file  string                                  // created under the temp dir and given as argument
		make  func(t *testing.T, dir, p string) error // writes the file; nil: none
		wants []wantItem                              // for the bad file's items
	}{
		{name: "empty file", file: "empty.txt", wants: []wantItem{{err: ErrEmpty, errHas: []string{": empty article"}}}},
		{name: "whitespace only", file: "blank.txt", make: content(" \n\t\r\n   \n"), wants: []wantItem{{err: ErrEmpty, errHas: []string{"empty article"}}}},
		{name: "PNG", file: "photo.png", make: content("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00"), wants: []wantItem{{err: ErrBinary, errHas: []string{": binary file (PNG image), not an article"}}}},
		{name: "PNG named .txt", file: "photo.txt", make: content("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00"), wants: []wantItem{{err: ErrBinary, errHas: []string{"binary file (PNG image)"}}}},
		{name: "ZIP", file: "articles.zip", make: content("PK\x03\x04\x14\x00\x08\x00\x08\x00"), wants: []wantItem{{err: ErrBinary, errHas: []string{"binary file (ZIP archive), not an article"}}}},
		{name: "gzip JSONL", file: "corpus.jsonl", make: content("\x1f\x8b\x08\x00\x00\x00\x00\x00"), wants: []wantItem{{err: ErrBinary, errHas: []string{"binary file (gzip archive)"}}}},
		{name: "invalid UTF-8", file: "bad.txt", make: content("Fine first line.\nThen \x01 control and \xff\xfe bytes.\n"), wants: []wantItem{{err: ErrInvalidUTF8, errHas: []string{"invalid UTF-8 at line 2"}}}},
		{name: "UTF-16 with BOM decoded", file: "utf16.txt", make: content(string(utf16Bytes("Tokyo talks – “good”.\r\nSecond line.", false))), wants: []wantItem{{id: "utf16.txt", text: "Tokyo talks – “good”.\nSecond line."}}},
		{name: "Latin-1 decoded", file: "latin1.txt", make: content("The caf\xe9 charged \xa35.\n"), wants: []wantItem{{id: "latin1.txt", text: "The café charged £5.\n"}}},
		{name: "50 MB article", file: "huge.txt", make: func(t *testing.T, dir, p string) error {
			f, err := os.Create(p)
			if err != nil {
				return err
			}
			defer f.Close()
			return f.Truncate(50 << 20) // sparse: nothing written, nothing read
		}, wants: []wantItem{{err: ErrTooLarge, errHas: []string{"article is 50.0 MiB, over the limit of 16.0 MiB (raise it with --max-article-size)"}}}},
		{name: "one 10 MB line", file: "oneline.txt", make: content(strings.Repeat("word ", 2<<20)), wants: []wantItem{{err: ErrTooLarge, errHas: []string{"line 1 is 10.0 MiB long, over the limit of 1.0 MiB (raise it with --max-line-length)"}}}},
		{name: "HTML with only scripts and styles", file: "scripts.html", make: content("<html><head><style>body{margin:0}</style><script>var x = 'some words';</script></head><body><script src=a.js></script><style>p{}</style></body></html>"),
			wants: []wantItem{{err: ErrNoText, errHas: []string{"no article text found"}}}},
		{name: "deeply nested HTML", file: "nested.html", make: content(strings.Repeat("<div>", 100_000) + para + strings.Repeat("</div>", 100_000)),
			wants: []wantItem{{err: ErrInvalidHTML, errHas: []string{"HTML elements nested more than 512 deep"}}}},
		{name: "JSONL with a broken line and a line without text", file: "corpus.jsonl", make: content(
			`{"id": "one", "text": "First article."}` + "\n" +
				`{"id": "two", "text": "Second` + "\n" +
				`{"id": "three", "title": "No text here"}` + "\n" +
				`{"text": "Fourth article, no id."}` + "\n"),
			wants: []wantItem{
				{id: "corpus/one", text: "First article."},
				{err: ErrInvalidJSON, errHas: []string{"corpus.jsonl:2: invalid JSON"}},
				{err: ErrNoText, errHas: []string{"corpus.jsonl:3: no text field"}},
				{id: "corpus/line-4", text: "Fourth article, no id."},
			}},
		{name: "missing path", file: "missing.txt", make: func(*testing.T, string, string) error { return nil },
			wants: []wantItem{{err: fs.ErrNotExist, errHas: []string{"read ", "missing.txt: no such file or directory"}}}},
		{name: "empty folder", file: "emptydir", make: func(_ *testing.T, _, p string) error { return os.Mkdir(p, 0o755) },
			wants: []wantItem{{err: ErrNoArticles, errHas: []string{"no articles (.txt, ", ") under "}}}},
		{name: "folder without articles", file: "other", make: func(t *testing.T, _, p string) error {
			write(t, p, "image.png", []byte("\x89PNG\r\n\x1a\n"))
			write(t, p, "package.json", []byte(`{"name": "x"}`))
			write(t, p, ".hidden.txt", []byte(goodText))
			return nil
		}, wants: []wantItem{{err: ErrNoArticles, errHas: []string{"no articles"}}}},
		{name: "N-Quads file", file: "graph.nq", make: content(nquads), wants: []wantItem{{err: ErrGraphData, errHas: []string{"looks like N-Quads data, not an article; "}}}},
		{name: "N-Quads named .txt", file: "graph.txt", make: content(nquads), wants: []wantItem{{err: ErrGraphData, errHas: []string{"looks like N-Quads data"}}}},
		{name: "JSON-LD file", file: "graph.jsonld", make: content(jsonld), wants: []wantItem{{err: ErrGraphData, errHas: []string{"looks like a JSON-LD document, not an article"}}}},
		{name: "JSON-LD named .json", file: "graph.json", make: content("{\n  \"@context\": {\"@vocab\": \"http://schema.org/\"},\n  \"@graph\": []\n}\n"), wants: []wantItem{{err: ErrGraphData, errHas: []string{"JSON-LD"}}}},
		{name: "JSON document", file: "config.json", make: content("{\n  \"articles\": []\n}\n"), wants: []wantItem{{err: ErrNotArticle, errHas: []string{"not JSON Lines"}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			good1 := write(t, dir, "good1.txt", []byte(goodText))
			good2 := write(t, dir, "good2.html", []byte(goodHTML))
			p := filepath.Join(dir, tt.file)
			mk := tt.make
			if mk == nil {
				mk = content("")
			}
			if err := mk(t, dir, p); err != nil {
				t.Fatal(err)
			}
			items := readAll(t, []string{good1, p, good2}, Options{})
			wants := append([]wantItem{{id: "good1.txt", text: goodText}}, tt.wants...)
			wants = append(wants, wantItem{id: "good2.html", text: para})
			checkItems(t, items, wants)
		})
	}
}

// content returns a make function writing s.
func content(s string) func(*testing.T, string, string) error {
	return func(_ *testing.T, _, p string) error { return os.WriteFile(p, []byte(s), 0o644) }
}

func TestUnreadableFile(t *testing.T) {
	dir := t.TempDir()
	good := write(t, dir, "good.txt", []byte(goodText))
	secret := write(t, dir, "secret.txt", []byte(goodText))
	var opt Options
	if os.Geteuid() == 0 {
		// root reads files whatever their mode: make open fail the same way.
		opt.open = func(name string) (*os.File, error) {
			if name == secret {
				return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrPermission}
			}
			return os.Open(name)
		}
	} else if err := os.Chmod(secret, 0); err != nil {
		t.Fatal(err)
	}
	items := readAll(t, []string{secret, good}, opt)
	checkItems(t, items, []wantItem{
		{err: fs.ErrPermission, errHas: []string{"read " + secret + ": permission denied"}},
		{id: "good.txt", text: goodText},
	})
}

func TestFolder(t *testing.T) {
	dir := t.TempDir()
	root := filepath.Join(dir, "news")
	// Created out of order: the order of items must not depend on it.
	write(t, root, "b/z.txt", []byte("Z article."))
	write(t, root, "a.txt", []byte("A article."))
	write(t, root, "b/c.html", []byte(goodHTML))
	write(t, root, "b/d/e.md", []byte("# E\n\nE article."))
	write(t, root, "corpus.ndjson", []byte(`{"id":"x1","text":"X1"}`+"\n"+`{"id":"x2","text":"X2"}`+"\n"))
	write(t, root, "lines.json", []byte(`{"guid":"L","body":"Line json."}`+"\n"))
	write(t, root, "package.json", []byte("{\n \"name\": \"not articles\"\n}\n"))
	write(t, root, "notes.csv", []byte("a,b\n"))
	write(t, root, ".git/HEAD.txt", []byte("ref"))
	write(t, root, "b/.draft.txt", []byte("draft"))
	write(t, root, "empty.text", nil)
	if err := os.Symlink(filepath.Join(root, "a.txt"), filepath.Join(root, "link.txt")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(root, "b"), filepath.Join(root, "loop")); err != nil {
		t.Fatal(err)
	}
	want := []wantItem{
		{id: "a.txt", text: "A article."},
		{id: "b/c.html", text: para},
		{id: "b/d/e.md", text: "# E\n\nE article."},
		{id: "b/z.txt", text: "Z article."},
		{id: "corpus/x1", text: "X1"},
		{id: "corpus/x2", text: "X2"},
		{err: ErrEmpty, errHas: []string{filepath.Join(root, "empty.text") + ": empty article"}},
		{id: "lines/L", text: "Line json."},
		{id: "link.txt", text: "A article."},
	}
	items := readAll(t, []string{root}, Options{})
	checkItems(t, items, want)
	if items[4].Origin != filepath.Join(root, "corpus.ndjson")+":1" {
		t.Errorf("origin %q", items[4].Origin)
	}
	// The same input gives the same IDs, also from another working folder.
	t.Chdir(dir)
	again := readAll(t, []string{"news"}, Options{})
	for i := range items {
		if items[i].Doc != again[i].Doc {
			t.Errorf("item %d differs: %+v vs %+v", i, items[i].Doc, again[i].Doc)
		}
	}
	if again[0].Origin != filepath.Join("news", "a.txt") {
		t.Errorf("origin %q", again[0].Origin)
	}
}

func TestJSONLCorpusFields(t *testing.T) {
	dir := t.TempDir()
	p := write(t, dir, "bbc.jsonl", []byte(
		`{"story_id": 17, "story": "Text one.", "hed": "Head", "when": "2005-03-14"}`+"\n"+
			"\n"+
			`{"story_id": "18", "story": "Text two."}`+"\n"))
	var fields FieldMap
	for _, spec := range []string{"text=story", "id=story_id", "title=hed", "date=when"} {
		if err := fields.Set(spec); err != nil {
			t.Fatal(err)
		}
	}
	items := readAll(t, []string{p}, Options{Fields: fields})
	checkItems(t, items, []wantItem{{id: "bbc/17", text: "Text one."}, {id: "bbc/18", text: "Text two."}})
	if d := items[0].Doc; d.Title != "Head" || d.Date != "2005-03-14" {
		t.Errorf("got %+v", d)
	}
	if items[1].Origin != p+":3" {
		t.Errorf("origin %q, want line 3", items[1].Origin)
	}
}

func TestJSONLLongLines(t *testing.T) {
	dir := t.TempDir()
	// A 2 MiB article on one line is fine in a corpus (the limit is
	// MaxArticleBytes), a line over it is an error of that line only.
	long := strings.Repeat("word ", 2<<20/5)
	p := write(t, dir, "c.jsonl", []byte(`{"text":"`+long+`"}`+"\n"+`{"text":"`+long+long+`"}`+"\n"+`{"text":"end"}`))
	items := readAll(t, []string{p}, Options{MaxArticleBytes: 3 << 20})
	checkItems(t, items, []wantItem{
		{id: "c/line-1", text: "word word"},
		{err: ErrTooLarge, errHas: []string{"c.jsonl:2: line is 4.0 MiB long, over the limit of 3.0 MiB (raise it with --max-article-size)"}},
		{id: "c/line-3", text: "end"},
	})
}

func TestStdin(t *testing.T) {
	tests := []struct {
		name  string
		in    io.Reader
		opt   Options
		wants []wantItem
	}{
		{name: "text", in: strings.NewReader(goodText), wants: []wantItem{{id: "stdin-", text: goodText}}},
		{name: "HTML sniffed", in: strings.NewReader(goodHTML), wants: []wantItem{{id: "stdin-", text: para}}},
		{name: "UTF-16 HTML", in: bytes.NewReader(utf16Bytes(goodHTML, true)), wants: []wantItem{{id: "stdin-", text: para}}},
		{name: "JSON Lines", in: strings.NewReader(`{"id":"a","text":"A."}` + "\n" + `{"text":"B."}`), wants: []wantItem{{id: "stdin/a", text: "A."}, {id: "stdin/line-2", text: "B."}}},
		{name: "binary", in: strings.NewReader("GIF89a\x01\x00\x01\x00"), wants: []wantItem{{err: ErrBinary, errHas: []string{"read stdin: binary file (GIF image), not an article"}}}},
		{name: "empty", in: strings.NewReader(""), wants: []wantItem{{err: ErrEmpty, errHas: []string{"read stdin: empty article"}}}},
		{name: "JSON-LD", in: strings.NewReader(`{"@context":"https://schema.org","@type":"Thing"}`), wants: []wantItem{{err: ErrGraphData, errHas: []string{"read stdin: looks like a JSON-LD document"}}}},
		{name: "50 MB, read lazily", in: io.LimitReader(repeatReader('a'), 50<<20), wants: []wantItem{{err: ErrTooLarge, errHas: []string{"read stdin: article is over the limit of 16.0 MiB (raise it with --max-article-size)"}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.opt.Stdin = tt.in
			items := readAll(t, []string{"-"}, tt.opt)
			for i := range items {
				// IDs of stdin text hash its content: check the form only.
				if id := items[i].Doc.ID; strings.HasPrefix(id, "stdin-") && len(id) == len("stdin-")+16 {
					items[i].Doc.ID = "stdin-"
				}
			}
			checkItems(t, items, tt.wants)
		})
	}
	// Stable: the same input gives the same ID, another input another.
	id := func(s string) string {
		return readAll(t, []string{"-"}, Options{Stdin: strings.NewReader(s)})[0].Doc.ID
	}
	if a, b, c := id(goodText), id(goodText), id(goodText+"x"); a != b || a == c {
		t.Errorf("stdin IDs %q %q %q", a, b, c)
	}
}

// repeatReader reads the byte c forever.
type repeatReader byte

func (r repeatReader) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = byte(r)
	}
	return len(p), nil
}

func TestTotalAndOrder(t *testing.T) {
	dir := t.TempDir()
	a := write(t, dir, "a.txt", []byte(goodText))
	c := write(t, dir, "c.jsonl", []byte("{\"text\":\"1\"}\n\n  \n{\"text\":\"2\"}\n{broken\n"))
	d := filepath.Join(dir, "d")
	write(t, d, "x.html", []byte(goodHTML))
	write(t, d, "y.json", []byte(`{"text":"y"}`))
	r, err := Open(context.Background(), []string{a, c, d, filepath.Join(dir, "nope"), ""}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	// 1 + 3 (lines) + 2 (folder) + 1 (missing) + 1 (empty argument)
	if n := r.Total(); n != 8 {
		t.Errorf("Total() = %d, want 8", n)
	}
	var origins []string
	for it := range r.All() {
		origins = append(origins, it.Origin)
	}
	want := []string{a, c + ":1", c + ":4", c + ":5", filepath.Join(d, "x.html"), filepath.Join(d, "y.json") + ":1", filepath.Join(dir, "nope"), `""`}
	if strings.Join(origins, "\n") != strings.Join(want, "\n") {
		t.Errorf("origins:\n%s\nwant:\n%s", strings.Join(origins, "\n"), strings.Join(want, "\n"))
	}
	r2, _ := Open(context.Background(), []string{a, "-"}, Options{Stdin: strings.NewReader("x")})
	if n := r2.Total(); n != -1 {
		t.Errorf("Total() with stdin = %d, want -1", n)
	}
}

func TestOpenNoArgs(t *testing.T) {
	if _, err := Open(context.Background(), nil, Options{}); err == nil {
		t.Fatal("Open with no arguments succeeded")
	}
}

func TestCloseMidCorpus(t *testing.T) {
	dir := t.TempDir()
	c := write(t, dir, "c.jsonl", []byte("{\"text\":\"1\"}\n{\"text\":\"2\"}\n"))
	r, err := Open(context.Background(), []string{c}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := r.Next(); !ok {
		t.Fatal("no first item")
	}
	if err := r.Close(); err != nil {
		t.Fatal(err)
	}
	if _, ok := r.Next(); ok {
		t.Fatal("an item after Close")
	}
}

func TestErrorTypes(t *testing.T) {
	err := newError("read", "x.txt", &LimitError{What: "article", Size: 50 << 20, Limit: 16 << 20, Flag: FlagMaxArticleSize})
	var le *LimitError
	if !errors.Is(err, ErrTooLarge) || !errors.As(err, &le) || le.Size != 50<<20 {
		t.Fatalf("%v", err)
	}
	if want := "read x.txt: article is 50.0 MiB, over the limit of 16.0 MiB (raise it with --max-article-size)"; err.Error() != want {
		t.Fatalf("got %q", err)
	}
	var he *HTTPError
	err = newError("fetch", "http://x", &HTTPError{StatusCode: 503})
	if !errors.Is(err, ErrHTTPStatus) || !errors.As(err, &he) || err.Error() != "fetch http://x: HTTP 503 Service Unavailable" {
		t.Fatalf("%v", err)
	}
}

func TestTotalWhileReading(t *testing.T) {
	dir := t.TempDir()
	var lines strings.Builder
	for i := 0; i < 500; i++ {
		lines.WriteString(`{"text":"article"}` + "\n")
	}
	write(t, dir, "a/c.jsonl", []byte(lines.String()))
	write(t, dir, "a/b.txt", []byte(goodText))
	r, err := Open(context.Background(), []string{dir}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	done := make(chan int)
	go func() { done <- r.Total() }() // a progress bar asks while items are read
	n := 0
	for range r.All() {
		n++
	}
	if total := <-done; total != n || n != 501 {
		t.Fatalf("Total() = %d, items %d, want 501", total, n)
	}
}
