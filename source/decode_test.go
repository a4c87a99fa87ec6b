package source

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf16"
)

// utf16Bytes encodes s as UTF-16 with a byte-order mark.
func utf16Bytes(s string, bigEndian bool) []byte {
	units := utf16.Encode([]rune(s))
	out := make([]byte, 0, 2+2*len(units))
	if bigEndian {
		out = append(out, 0xFE, 0xFF)
	} else {
		out = append(out, 0xFF, 0xFE)
	}
	for _, u := range units {
		if bigEndian {
			out = append(out, byte(u>>8), byte(u))
		} else {
			out = append(out, byte(u), byte(u>>8))
		}
	}
	return out
}

func TestDecodeText(t *testing.T) {
	tests := []struct {
		name    string
		in      []byte
		charset string
		want    string // expected text when wantErr is nil
		wantErr error
		errHas  string // substring of the error message
	}{
		{name: "utf8", in: []byte("Hello, world.\n"), want: "Hello, world.\n"},
		{name: "utf8 BOM stripped", in: []byte("\xEF\xBB\xBFHello"), want: "Hello"},
		{name: "CRLF normalised", in: []byte("a\r\nb\r\n\r\nc"), want: "a\nb\n\nc"},
		{name: "lone CR normalised", in: []byte("a\rb"), want: "a\nb"},
		{name: "UTF-16LE BOM", in: utf16Bytes("Moscow – Tokyo talks\r\n", false), want: "Moscow – Tokyo talks\n"},
		{name: "UTF-16BE BOM", in: utf16Bytes("Señor “quoted” 😀", true), want: "Señor “quoted” 😀"},
		{name: "UTF-32LE BOM", in: []byte("\xFF\xFE\x00\x00A\x00\x00\x00b\x00\x00\x00"), want: "Ab"},
		{name: "Latin-1", in: []byte("Caf\xe9 costs \xa35 in M\xfcnchen.\n"), want: "Café costs £5 in München.\n"},
		{name: "Windows-1252 quotes", in: []byte("He said \x93no\x94 \x96 twice\x85"), want: "He said “no” – twice…"},
		{name: "declared charset", in: []byte("\xcf\xf0\xe8\xe2\xe5\xf2"), charset: "windows-1251", want: "Привет"},
		{name: "meta charset", in: []byte(`<meta charset="koi8-r"><p>` + "\xf0\xd2\xc9\xd7\xc5\xd4"), want: `<meta charset="koi8-r"><p>Привет`},
		{name: "invalid with control chars", in: []byte("line one\nline \x01two \xff\n"), wantErr: ErrInvalidUTF8, errHas: "invalid UTF-8 at line 2, column 11 (byte 0xFF)"},
		{name: "broken UTF-8 among valid", in: []byte("“quoted” and “more” é é \xff"), wantErr: ErrInvalidUTF8, errHas: "line 1"},
		{name: "undefined 1252 byte", in: []byte("abc \x81 def"), wantErr: ErrInvalidUTF8},
		{name: "empty", in: nil, wantErr: ErrEmpty, errHas: "empty article"},
		{name: "whitespace only", in: []byte(" \n\t\r\n  "), wantErr: ErrEmpty, errHas: "empty article"},
		{name: "BOM only", in: []byte("\xEF\xBB\xBF"), wantErr: ErrEmpty},
		{name: "PNG", in: []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), wantErr: ErrBinary, errHas: "binary file (PNG image), not an article"},
		{name: "JPEG", in: []byte("\xFF\xD8\xFF\xE0\x00\x10JFIF"), wantErr: ErrBinary, errHas: "JPEG image"},
		{name: "GIF", in: []byte("GIF89a\x01\x00"), wantErr: ErrBinary, errHas: "GIF image"},
		{name: "PDF", in: []byte("%PDF-1.7\n%\xe2\xe3\xcf\xd3"), wantErr: ErrBinary, errHas: "PDF document"},
		{name: "ZIP", in: []byte("PK\x03\x04\x14\x00\x00\x00"), wantErr: ErrBinary, errHas: "ZIP archive"},
		{name: "gzip", in: []byte("\x1f\x8b\x08\x00\x00\x00"), wantErr: ErrBinary, errHas: "gzip archive"},
		{name: "NUL bytes", in: []byte("text\x00with nul"), wantErr: ErrBinary, errHas: "contains NUL bytes"},
		{name: "BZh text is text", in: []byte("BZh, said the bee."), want: "BZh, said the bee."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := decodeText(tt.in, tt.charset)
			if tt.wantErr != nil {
				if !errors.Is(err, tt.wantErr) {
					t.Fatalf("decodeText() error = %v, want %v", err, tt.wantErr)
				}
				if !strings.Contains(err.Error(), tt.errHas) {
					t.Fatalf("error %q does not contain %q", err, tt.errHas)
				}
				return
			}
			if err != nil {
				t.Fatalf("decodeText() error = %v", err)
			}
			if got != tt.want {
				t.Fatalf("decodeText() = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestCheckLineLength(t *testing.T) {
	if err := checkLineLength("short\nlines\n", 10); err != nil {
		t.Fatal(err)
	}
	err := checkLineLength("ok\n"+strings.Repeat("x", 11)+"\nok", 10)
	var le *LimitError
	if !errors.As(err, &le) || !errors.Is(err, ErrTooLarge) {
		t.Fatalf("got %v, want a *LimitError", err)
	}
	if want := "line 2 is 11 B long, over the limit of 10 B (raise it with --max-line-length)"; err.Error() != want {
		t.Fatalf("got %q, want %q", err, want)
	}
}

func TestFormatSize(t *testing.T) {
	for n, want := range map[int64]string{0: "0 B", 1023: "1023 B", 1024: "1.0 KiB", 16 << 20: "16.0 MiB", 50 << 20: "50.0 MiB", 1 << 30: "1.0 GiB"} {
		if got := formatSize(n); got != want {
			t.Errorf("formatSize(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestNormaliseDate(t *testing.T) {
	for in, want := range map[string]string{
		"2017-03-28T23:45:00+03:00":       "2017-03-28",
		"2017-03-28T23:45:00.000Z":        "2017-03-28",
		"2017-03-28T23:45:00+0300":        "2017-03-28",
		"2017-03-28":                      "2017-03-28",
		"2017-03-28 23:45:00":             "2017-03-28",
		"Tue, 28 Mar 2017 20:45:00 GMT":   "2017-03-28",
		"Tue, 28 Mar 2017 20:45:00 +0000": "2017-03-28",
		"28 March 2017":                   "2017-03-28",
		"March 28, 2017":                  "2017-03-28",
		"28.03.2017":                      "2017-03-28",
		"1490733900":                      "2017-03-28",
		"1490733900000":                   "2017-03-28",
		"  ":                              "",
		"last Tuesday":                    "last Tuesday",
		strings.Repeat("x", 200):          "",
	} {
		if got := normaliseDate(in); got != want {
			t.Errorf("normaliseDate(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestSniff(t *testing.T) {
	nquads := "<http://ex.org/a> <http://ex.org/p> \"lit\"@en <http://ex.org/g> .\n" +
		"_:b0 <http://ex.org/p> <http://ex.org/o> .\n" +
		"<http://ex.org/a> <http://ex.org/q> \"1\"^^<http://www.w3.org/2001/XMLSchema#integer> .\n"
	tests := []struct {
		name     string
		in       string
		complete bool
		want     format
	}{
		{"plain text", "Moscow, March 28. Talks were held.", true, formatText},
		{"text starting with bracket", "[Reuters] Moscow talks", true, formatText},
		{"text starting with brace", "{Editor's note} The talks", true, formatText},
		{"html doctype", "\n<!DOCTYPE html><html><body>x", true, formatHTML},
		{"html comment first", "<!-- saved from url --><html>", true, formatHTML},
		{"html fragment", "<p>Hello</p>", true, formatHTML},
		{"xhtml", `<?xml version="1.0"?><!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0//EN"><html xmlns="http://www.w3.org/1999/xhtml">`, true, formatHTML},
		{"rss", `<?xml version="1.0"?><rss version="2.0"><channel>`, true, formatXML},
		{"jsonl", "{\"id\": 1, \"text\": \"a\"}\n{\"id\": 2, \"text\": \"b\"}\n", true, formatJSONLines},
		{"jsonl long first line", "{\"id\": 1, \"text\": \"aaaaaaaa", false, formatJSONLines},
		{"jsonl broken first line", "{\"id\": 1, \"text\": \"a\n{\"id\": 2}\n", true, formatJSONLines},
		{"json document", "{\n  \"a\": 1\n}\n", true, formatJSON},
		{"json array", "[{\"text\": \"a\"},\n{\"text\": \"b\"}]", true, formatJSON},
		{"json-ld", "{\"@context\": \"https://schema.org\", \"@type\": \"Person\", \"name\": \"X\"}", true, formatJSONLD},
		{"json-ld pretty", "{\n \"@context\": \"https://schema.org\",\n \"@graph\": []\n}", true, formatJSONLD},
		{"json-ld with articleBody is a record", "{\"@context\": \"https://schema.org\", \"articleBody\": \"x\"}\n", true, formatJSONLines},
		{"n-quads", nquads, true, formatNQuads},
		{"n-quads with comments", "# dump\n\n" + nquads, true, formatNQuads},
		{"tag-like text", "<b>Bold</b> statement: not quads .", true, formatHTML},
		{"angle text", "<<Quoted>> in text, not markup.", true, formatText},
		{"png", "\x89PNG\r\n\x1a\n....", true, formatBinary},
		{"utf16 html", string(utf16Bytes("<html><body>hi", false)), true, formatHTML},
		{"empty", "", true, formatText},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got, _ := sniff([]byte(tt.in), tt.complete); got != tt.want {
				t.Fatalf("sniff(%q) = %v, want %v", tt.in, got, tt.want)
			}
		})
	}
}
