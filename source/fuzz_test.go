package source

import (
	"bufio"
	"bytes"
	"errors"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

// Fuzz targets of every decoder. Seeds are added here and kept under
// testdata/fuzz/<FuzzName>/, with the inputs that once failed.

func FuzzDecodeText(f *testing.F) {
	for _, s := range []string{
		"Hello, world.\r\n", "\xEF\xBB\xBFBOM", string(utf16Bytes("UTF-16 – text", false)),
		string(utf16Bytes("big endian", true)), "caf\xe9 \xa35", "\x93quoted\x94", "a\x01\xff",
		"\x89PNG\r\n\x1a\n", "PK\x03\x04", "%PDF-1.4", "\x1f\x8b\x08", "nul\x00byte", "", " \n\t",
		"\xFF\xFE\x00\x00A\x00\x00\x00", "\xFF\xFE\x00", "<meta charset=koi8-r>\xf0\xd2",
	} {
		f.Add([]byte(s), "")
	}
	f.Add([]byte("\xcf\xf0\xe8"), "windows-1251")
	f.Fuzz(func(t *testing.T, data []byte, charset string) {
		out, err := decodeText(data, charset)
		if err != nil {
			if !errors.Is(err, ErrEmpty) && !errors.Is(err, ErrBinary) && !errors.Is(err, ErrInvalidUTF8) && !errors.Is(err, ErrUnsupported) {
				t.Fatalf("error of no known kind: %v", err)
			}
			if strings.Contains(err.Error(), "\n") {
				t.Fatalf("error message of several lines: %q", err)
			}
			return
		}
		if !utf8.ValidString(out) {
			t.Fatalf("invalid UTF-8 out: %q", out)
		}
		if strings.Contains(out, "\r") {
			t.Fatalf("\\r in output: %q", out)
		}
		if strings.TrimSpace(out) == "" {
			t.Fatalf("blank output for %q", data)
		}
		_, bom, _ := bomEncoding(data)
		if bom == "" && utf8.Valid(data) && binaryKind(data) == "" && out != normaliseNewlines(string(data)) {
			t.Fatalf("valid UTF-8 changed: %q -> %q", data, out)
		}
		// Decoding the output again changes nothing.
		if _, bom2, _ := bomEncoding([]byte(out)); bom2 == "" && binaryKind([]byte(out)) == "" {
			again, err := decodeText([]byte(out), "")
			if err != nil || again != out {
				t.Fatalf("not idempotent: %q -> %q, %v", out, again, err)
			}
		}
	})
}

func FuzzSniff(f *testing.F) {
	for _, s := range []string{
		"plain text", "<!DOCTYPE html><html>", "<!-- c --><p>x", "<?xml version='1.0'?><rss>",
		"{\"text\":\"a\"}\n{\"text\":\"b\"}\n", "{\n\"a\":1\n}", "[1,2]", "{\"@context\":\"x\"}",
		"<http://a> <http://b> <http://c> .\n", "_:b <http://p> \"x\"@en .\n", "# c\n<a> <b> <c> .",
		"\x89PNG\r\n\x1a\n", string(utf16Bytes("<html>", false)), "  \n", "{\"text\": \"long",
	} {
		f.Add([]byte(s), true)
		f.Add([]byte(s), false)
	}
	f.Fuzz(func(t *testing.T, data []byte, complete bool) {
		got, kind := sniff(data, complete)
		if got2, kind2 := sniff(data, complete); got2 != got || kind2 != kind {
			t.Fatalf("not deterministic")
		}
		if got < formatText || got > formatBinary {
			t.Fatalf("format %d out of range", got)
		}
		if (got == formatBinary) != (kind != "") {
			t.Fatalf("format %v with kind %q", got, kind)
		}
		if _, bom, _ := bomEncoding(data); bom != "" {
			return
		}
		first := bytes.TrimLeft(data, " \t\r\n\f\v")
		if len(first) > 0 {
			switch got {
			case formatJSONLines, formatJSON:
				if first[0] != '{' && first[0] != '[' {
					t.Fatalf("%v starting with %q", got, first[0])
				}
			case formatHTML, formatXML:
				if first[0] != '<' {
					t.Fatalf("%v starting with %q", got, first[0])
				}
			}
		}
	})
}

func FuzzExtractHTML(f *testing.F) {
	for _, s := range []string{
		page(`<title>T | Site</title><meta property="og:site_name" content="Site"><meta property="article:published_time" content="2017-03-28T10:00:00Z">`, "<p>"+para+"</p><ul><li>a</li><li>b</li></ul>"),
		`<html><head><script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2020-01-02","publisher":{"name":"P"}}</script></head><body><p>` + para + `</p></body></html>`,
		"<p>short</p>", "<script>only</script><style>x</style>", "<pre>a\n  b</pre>", "<table><tr><td>a</td><td>b</td></tr></table>",
		strings.Repeat("<div>", 600) + "x", "<time datetime='2001-02-03'>t</time><p>" + para + "</p>",
		"<link rel=canonical href='//x.org/a'><p>" + para + "</p>", "<svg><p>in svg</p></svg>", "<math><mi>x</mi></math>",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		art, err := extractHTML(in, nil)
		if err != nil {
			if strings.Contains(err.Error(), readabilityPanic) {
				t.Fatalf("readability panicked: %v", err)
			}
			if !errors.Is(err, ErrInvalidHTML) && !errors.Is(err, ErrNoText) {
				t.Fatalf("error of no known kind: %v", err)
			}
			return
		}
		if strings.TrimSpace(art.Text) == "" {
			t.Fatal("no error but no text")
		}
		if strings.HasPrefix(art.Text, "\n") || strings.HasSuffix(art.Text, "\n") || strings.Contains(art.Text, "\n\n\n") {
			t.Fatalf("badly separated text: %q", art.Text)
		}
		if utf8.ValidString(in) && !utf8.ValidString(art.Text) {
			t.Fatalf("invalid UTF-8 text from valid input: %q", art.Text)
		}
		if len(art.Date) > maxRawDate || strings.Contains(art.Date, "\n") {
			t.Fatalf("bad date %q", art.Date)
		}
		if art.Canonical != "" && !strings.HasPrefix(art.Canonical, "http://") && !strings.HasPrefix(art.Canonical, "https://") {
			t.Fatalf("bad canonical %q", art.Canonical)
		}
	})
}

func FuzzJSONLines(f *testing.F) {
	for _, s := range []string{
		"{\"id\":\"a\",\"text\":\"first\"}\n{\"text\":\"second\"}\n",
		"{\"text\": broken}\n{\"title\":\"no text\"}\n\n  \n",
		"{\"guid\":7,\"body\":[\"p1\",\"p2\"],\"publisher\":{\"name\":\"P\"},\"pubDate\":\"Tue, 28 Mar 2017 20:45:00 GMT\"}",
		"{\"text\":\"caf\xe9\"}\r\n{\"text\":\"\x01\xff\"}", "\xEF\xBB\xBF{\"text\":\"bom\"}", "[1]\nnull\n\"s\"\n",
		"{\"text\":\"<p>html text</p>\"}", "{\"@context\":\"x\"}", "{\"text\":\"" + strings.Repeat("x", 300) + "\"}\n{\"text\":\"y\"}",
	} {
		f.Add([]byte(s), uint16(100))
	}
	f.Fuzz(func(t *testing.T, corpus []byte, limit uint16) {
		max := int64(16 + limit%4096)
		if _, bom, _ := bomEncoding(corpus); bom == "UTF-8" {
			corpus = corpus[3:] // startStream discards it
		}
		s := &jsonlStream{br: bufio.NewReaderSize(bytes.NewReader(corpus), 16), origin: "c.jsonl", prefix: "c", max: max}
		n, lastLine := 0, 0
		for {
			it, ok := s.next()
			if !ok {
				break
			}
			n++
			if it.Err == nil {
				if !strings.HasPrefix(it.Doc.ID, "c/") || strings.TrimSpace(it.Doc.Text) == "" || !utf8.ValidString(it.Doc.Text) {
					t.Fatalf("bad document %+v", it.Doc)
				}
			} else {
				var e *Error
				if !errors.As(it.Err, &e) || e.Origin != it.Origin {
					t.Fatalf("error %v is not an *Error of %q", it.Err, it.Origin)
				}
				known := false
				for _, k := range []error{ErrInvalidJSON, ErrNoText, ErrTooLarge, ErrInvalidUTF8, ErrEmpty, ErrInvalidHTML} {
					known = known || errors.Is(it.Err, k)
				}
				if !known || strings.Contains(it.Err.Error(), "\n") {
					t.Fatalf("error of no known kind or several lines: %q", it.Err)
				}
			}
			if it.Origin != "c.jsonl" {
				line, err := strconv.Atoi(strings.TrimPrefix(it.Origin, "c.jsonl:"))
				if err != nil || line <= lastLine {
					t.Fatalf("origin %q after line %d", it.Origin, lastLine)
				}
				lastLine = line
			}
		}
		if want := max1(countLines(bytes.NewReader(corpus))); n != want {
			t.Fatalf("%d items, but countLines (Total) says %d", n, want)
		}
	})
}

func max1(n int) int { return max(1, n) }

func FuzzNormaliseDate(f *testing.F) {
	for _, s := range []string{"2017-03-28T23:45:00+03:00", "Tue, 28 Mar 2017 20:45:00 GMT", "28.03.2017", "1490733900", "junk", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d := normaliseDate(s)
		if len(d) > maxRawDate || strings.ContainsAny(d, "\n\x00") {
			t.Fatalf("normaliseDate(%q) = %q", s, d)
		}
		if d != "" && normaliseDate(d) != d {
			t.Fatalf("not idempotent: %q -> %q -> %q", s, d, normaliseDate(d))
		}
	})
}
