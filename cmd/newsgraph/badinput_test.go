package main

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// badInputs is the table of bad inputs of docs/bad-input.md: each is built
// next to a good article, and must fail alone, with a one-line error that
// names it and says why, and exit status 1.
func TestBadInputTable(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	// servers for the URL cases
	mux := http.NewServeMux()
	mux.HandleFunc("/hang", func(w http.ResponseWriter, r *http.Request) { <-r.Context().Done() })
	mux.HandleFunc("/huge", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		chunk := []byte(strings.Repeat("word ", 1<<14))
		for i := 0; i < (1<<30)/len(chunk); i++ { // 1 GB, written lazily
			if _, err := w.Write(chunk); err != nil {
				return
			}
		}
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()

	big := filepath.Join(dir, "big.txt")
	f, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	f.Truncate(50 << 20) // a sparse 50 MB file
	f.Close()
	nested := "<html><body>" + strings.Repeat("<div>", 100000) + "text" + strings.Repeat("</div>", 100000) + "</body></html>"
	cases := []struct {
		name, arg string
		flags     []string
		want      string // in the error line
	}{
		{"empty file", write("empty.txt", nil), nil, "empty article"},
		{"whitespace only", write("blank.txt", []byte(" \n\t\n ")), nil, "empty article"},
		{"PNG", write("image.txt", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")), nil, "binary file (PNG image)"},
		{"ZIP", write("archive.txt", []byte("PK\x03\x04\x14\x00\x00\x00\x08\x00")), nil, "binary file (ZIP archive)"},
		{"invalid UTF-8", write("invalid.txt", []byte("Talks in café\n\nThe naïve minister’s résumé said \xff was a byte.\n")), nil, "invalid UTF-8 at line 3"},
		{"50 MB article", big, nil, "over the limit of 16.0 MiB (raise it with --max-article-size)"},
		{"one 10 MB line", write("line.txt", []byte(strings.Repeat("x", 10<<20))), nil, "line 1 is 10.0 MiB long"},
		{"HTML with only scripts and styles", write("scripts.html", []byte("<html><head><style>p{}</style><script>x()</script></head><body><script>y()</script></body></html>")), nil, "no article text found"},
		{"deeply nested HTML", write("nested.html", []byte(nested)), nil, "nested more than 512 deep"},
		{"JSON Lines, broken line", write("broken.jsonl", []byte("{\"id\":\"1\",\"text\":\"x\"\n")), nil, "broken.jsonl:1: invalid JSON"},
		{"JSON Lines, line without text", write("notext.jsonl", []byte("{\"id\":\"1\",\"title\":\"t\"}\n")), nil, "notext.jsonl:1: no text field"},
		{"missing path", filepath.Join(dir, "missing.txt"), nil, "missing.txt: no such file or directory"},
		{"folder with no articles", filepath.Join(dir, "emptydir"), nil, "no articles"},
		{"URL answering 404", srv.URL + "/none", nil, "HTTP 404 Not Found"},
		{"URL that never answers", srv.URL + "/hang", []string{"--url-timeout", "500ms"}, "timed out"},
		{"URL sending 1 GB", srv.URL + "/huge", []string{"--max-url-size", "1048576"}, "over the limit"},
		{"N-Quads export", write("graph.nq", []byte(strings.Repeat("<https://e.org/a> <https://e.org/b> \"c\" <https://e.org/g> .\n", 20))), nil, "looks like N-Quads data"},
		{"JSON-LD export", write("graph.jsonld", []byte(`[{"@graph":[{"@id":"https://e.org/a","https://e.org/b":[{"@value":"c"}]}],"@id":"https://e.org/g"}]`)), nil, "looks like a JSON-LD document"},
	}
	os.Mkdir(filepath.Join(dir, "emptydir"), 0o755)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			db := filepath.Join(t.TempDir(), "g")
			args := append([]string{"build", "--quiet", "--db", db}, c.flags...)
			args = append(args, c.arg, seedArticle)
			start := time.Now()
			code, out, errOut := ng(t, args...)
			if code != 1 {
				t.Errorf("exit %d, want 1", code)
			}
			var line string
			for _, l := range strings.Split(errOut, "\n") {
				if strings.Contains(l, c.want) {
					line = l
				}
			}
			if line == "" {
				t.Fatalf("no error line with %q:\n%s", c.want, errOut)
			}
			name := filepath.Base(c.arg)
			if strings.HasPrefix(c.arg, "http") {
				name = c.arg
			}
			if !strings.Contains(line, name) {
				t.Errorf("the error does not name %s: %s", name, line)
			}
			if strings.Contains(errOut, "goroutine ") || strings.Contains(errOut, "panic") {
				t.Errorf("a stack trace reached the user:\n%s", errOut)
			}
			if !strings.Contains(out, "1 loaded") {
				t.Errorf("the good article was not built:\n%s", out)
			}
			t.Logf("%s (%v)", line, time.Since(start).Round(time.Millisecond))
		})
	}
}

// Articles that are odd but readable are built.
func TestOddButGoodInputs(t *testing.T) {
	dir := t.TempDir()
	cases := []struct {
		name string
		data []byte
		want string // a claim's statement
	}{
		{"utf16.txt", append([]byte{0xff, 0xfe}, utf16le("Talks fail\n\nThe minister, Jane Doe, said the talks had failed.")...), "the talks had failed"},
		{"latin1.txt", []byte("Caf\xe9 talks\n\nThe minister, Jos\xe9 P\xe9rez, said the caf\xe9 talks had failed.\n"), "the café talks had failed"},
		{"quotes.txt", []byte("Headline\n\n" + strings.Repeat("He said \" it is ", 3000) + ".\n"), ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := filepath.Join(dir, c.name)
			os.WriteFile(p, c.data, 0o644)
			db := filepath.Join(t.TempDir(), "g")
			mustNG(t, "build", "--quiet", "--db", db, p)
			if c.want == "" {
				return
			}
			out := mustNG(t, "query", "--db", db, "claims")
			if !strings.Contains(out, c.want) {
				t.Errorf("claims:\n%s\nwant %q", out, c.want)
			}
		})
	}
}

func utf16le(s string) []byte {
	var b []byte
	for _, r := range s {
		b = append(b, byte(r), byte(r>>8))
	}
	return b
}
