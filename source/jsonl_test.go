package source

import (
	"bufio"
	"errors"
	"reflect"
	"strings"
	"testing"
)

func TestParseRecord(t *testing.T) {
	tests := []struct {
		name    string
		line    string
		fields  FieldMap
		want    record
		wantErr error
		errHas  string
	}{
		{name: "usual names", line: `{"id":"a1","title":"T","url":"https://x.org/a","date":"2017-03-28T10:00:00Z","source":"BBC","text":"Body.\r\nMore."}`,
			want: record{ID: "a1", Title: "T", URL: "https://x.org/a", Date: "2017-03-28", Publisher: "BBC", Text: "Body.\nMore."}},
		{name: "other usual names", line: `{"guid":7,"headline":"H","link":"L","pubDate":"Tue, 28 Mar 2017 20:45:00 GMT","publisher":{"name":"Reuters"},"body":"B"}`,
			want: record{ID: "7", Title: "H", URL: "L", Date: "2017-03-28", Publisher: "Reuters", Text: "B"}},
		{name: "case-insensitive keys", line: `{"ID":"x","Title":"T","URL":"u","Content":"C"}`,
			want: record{ID: "x", Title: "T", URL: "u", Text: "C"}},
		{name: "text as paragraphs", line: `{"article":["One."," ","Two."]}`, want: record{Text: "One.\n\nTwo."}},
		{name: "null text falls through", line: `{"text":null,"body":"B"}`, want: record{Text: "B"}},
		{name: "mapped field", line: `{"story":"S","text":"not this"}`, fields: FieldMap{"text": {"story"}}, want: record{Text: "S"}},
		{name: "mapped field replaces defaults", line: `{"text":"T"}`, fields: FieldMap{"text": {"story"}},
			wantErr: ErrNoText, errHas: "no text field (looked for story; map another with --field text=KEY)"},
		{name: "html text", line: `{"text":"<p>` + para + `</p><p>` + para + `</p>"}`, want: record{Text: para + "\n\n" + para}},
		{name: "no text", line: `{"id":"1","title":"T"}`, wantErr: ErrNoText, errHas: "no text field (looked for text, body, content, article, articleBody"},
		{name: "blank text", line: `{"text":"  \n "}`, wantErr: ErrNoText, errHas: `empty text in field "text"`},
		{name: "text not a string", line: `{"text":{"a":1}}`, wantErr: ErrNoText, errHas: `field "text" is not a string`},
		{name: "json-ld line", line: `{"@context":"https://schema.org","@type":"Person"}`, wantErr: ErrNoText, errHas: "looks like JSON-LD"},
		{name: "broken", line: `{"text": "a`, wantErr: ErrInvalidJSON, errHas: "invalid JSON: unexpected end of JSON input"},
		{name: "array", line: `[1,2]`, wantErr: ErrInvalidJSON, errHas: "a JSON array, not an object"},
		{name: "string", line: `"text"`, wantErr: ErrInvalidJSON, errHas: "not an object"},
		{name: "null", line: `null`, wantErr: ErrInvalidJSON, errHas: "null, not an object"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := parseRecord([]byte(tt.line), tt.fields)
			if tt.wantErr != nil {
				if !errors.Is(err, tt.wantErr) || !strings.Contains(err.Error(), tt.errHas) {
					t.Fatalf("got error %v, want %v with %q", err, tt.wantErr, tt.errHas)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Fatalf("got %+v, want %+v", got, tt.want)
			}
		})
	}
}

func TestFieldMap(t *testing.T) {
	var m FieldMap
	for _, spec := range []string{"text=story", "title = head , headline", "source=outlet", "ID=doc_id"} {
		if err := m.Set(spec); err != nil {
			t.Fatalf("Set(%q): %v", spec, err)
		}
	}
	if got, want := m.String(), "id=doc_id publisher=outlet text=story title=head,headline"; got != want {
		t.Fatalf("String() = %q, want %q", got, want)
	}
	for _, bad := range []string{"text", "=story", "colour=red", "text=", "text= , "} {
		if err := m.Set(bad); err == nil {
			t.Errorf("Set(%q) succeeded", bad)
		}
	}
}

// streamItems reads a corpus from a string with the given line limit.
func streamItems(corpus string, max int64) []Item {
	s := &jsonlStream{br: bufio.NewReaderSize(strings.NewReader(corpus), 16), origin: "c.jsonl", prefix: "c", max: max}
	var items []Item
	for {
		it, ok := s.next()
		if !ok {
			return items
		}
		items = append(items, it)
	}
}

func TestJSONLStream(t *testing.T) {
	corpus := `{"id":"a","text":"first"}` + "\r\n" +
		"\n   \n" + // blank lines: skipped, but counted
		`{"text":"` + strings.Repeat("x", 100) + `"}` + "\n" + // line 4: too long
		`{"text": broken}` + "\n" +
		`{"title":"no text"}` + "\n" +
		"{\"text\":\"caf\xe9\"}\n" + // Latin-1
		"{\"text\":\"\x01\xff\"}\n" + // not text at all
		`{"text":"last, no newline"}`
	items := streamItems(corpus, 60)
	type got struct{ origin, id, text, err string }
	want := []got{
		{"c.jsonl:1", "c/a", "first", ""},
		{"c.jsonl:4", "", "", "read c.jsonl:4: line is 111 B long, over the limit of 60 B (raise it with --max-article-size)"},
		{"c.jsonl:5", "", "", "read c.jsonl:5: invalid JSON: invalid character 'b' looking for beginning of value"},
		{"c.jsonl:6", "", "", "read c.jsonl:6: no text field (looked for text, body, content, article, articleBody; map another with --field text=KEY)"},
		{"c.jsonl:7", "c/line-7", "café", ""},
		{"c.jsonl:8", "", "", "read c.jsonl:8: invalid UTF-8 at line 8, column 11 (byte 0xFF), and not plausible Latin-1/Windows-1252 text"},
		{"c.jsonl:9", "c/line-9", "last, no newline", ""},
	}
	if len(items) != len(want) {
		t.Fatalf("got %d items, want %d: %+v", len(items), len(want), items)
	}
	for i, it := range items {
		g := got{it.Origin, it.Doc.ID, it.Doc.Text, ""}
		if it.Err != nil {
			g.err = it.Err.Error()
		}
		if g != want[i] {
			t.Errorf("item %d:\n got %+v\nwant %+v", i, g, want[i])
		}
	}
	if n := countLines(strings.NewReader(corpus)); n != len(want) {
		t.Errorf("countLines = %d, want %d", n, len(want))
	}
}

func TestJSONLStreamEmpty(t *testing.T) {
	items := streamItems("\n \n", 100)
	if len(items) != 1 || !errors.Is(items[0].Err, ErrEmpty) || items[0].Err.Error() != "read c.jsonl: empty corpus: no JSON lines" {
		t.Fatalf("got %+v", items)
	}
}
