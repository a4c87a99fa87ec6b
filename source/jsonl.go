package source

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/extract"
)

// The fields of an article that a JSON Lines corpus can hold, for FieldMap.
const (
	FieldText      = "text"
	FieldTitle     = "title"
	FieldID        = "id"
	FieldURL       = "url"
	FieldDate      = "date"
	FieldPublisher = "publisher"
)

// defaultFieldNames are the JSON keys looked for in a record, per field, in
// order. Keys match exactly first, then without regard to case.
var defaultFieldNames = map[string][]string{
	FieldText:      {"text", "body", "content", "article", "articleBody"},
	FieldTitle:     {"title", "headline"},
	FieldID:        {"id", "guid", "uuid"},
	FieldURL:       {"url", "link"},
	FieldDate:      {"date", "published", "datePublished", "pubDate"},
	FieldPublisher: {"source", "publisher", "site"},
}

// fieldAliases are other names accepted for a field in FieldMap.Set.
var fieldAliases = map[string]string{"source": FieldPublisher, "site": FieldPublisher, "body": FieldText, "headline": FieldTitle, "link": FieldURL}

// FieldMap tells which JSON keys of a JSON Lines corpus hold which field of
// an article: field (FieldText, FieldTitle, FieldID, FieldURL, FieldDate,
// FieldPublisher) → keys, tried in order. The keys given for a field replace
// the usual ones for that field (text: text, body, content, article,
// articleBody; title: title, headline; id: id, guid, uuid; url: url, link;
// date: date, published, datePublished, pubDate; publisher: source,
// publisher, site). A key matches exactly first, then without regard to
// case.
//
// *FieldMap implements flag.Value (and pflag.Value), so that a command can
// take flags like --field text=story.
type FieldMap map[string][]string

// Set adds one mapping written "field=key" or "field=key1,key2", e.g.
// "text=story". A field given again replaces the earlier keys.
func (m *FieldMap) Set(spec string) error {
	field, keys, ok := strings.Cut(spec, "=")
	field = strings.ToLower(strings.TrimSpace(field))
	if a, ok := fieldAliases[field]; ok {
		field = a
	}
	if !ok || field == "" {
		return fmt.Errorf("field mapping %q: want FIELD=KEY, e.g. text=story", spec)
	}
	if _, known := defaultFieldNames[field]; !known {
		return fmt.Errorf("field mapping %q: unknown field %q (want one of %s)", spec, field, strings.Join(fieldNames(), ", "))
	}
	var list []string
	for _, k := range strings.Split(keys, ",") {
		if k = strings.TrimSpace(k); k != "" {
			list = append(list, k)
		}
	}
	if len(list) == 0 {
		return fmt.Errorf("field mapping %q: no JSON key after '='", spec)
	}
	if *m == nil {
		*m = FieldMap{}
	}
	(*m)[field] = list
	return nil
}

// String returns the mappings as "field=key,..." joined by spaces, sorted
// by field.
func (m FieldMap) String() string {
	fields := make([]string, 0, len(m))
	for f := range m {
		fields = append(fields, f)
	}
	sort.Strings(fields)
	parts := make([]string, len(fields))
	for i, f := range fields {
		parts[i] = f + "=" + strings.Join(m[f], ",")
	}
	return strings.Join(parts, " ")
}

// Type names the flag's value type for pflag's help text.
func (m FieldMap) Type() string { return "field=key" }

// keys returns the JSON keys to look for for field.
func (m FieldMap) keys(field string) []string {
	if k, ok := m[field]; ok && len(k) > 0 {
		return k
	}
	return defaultFieldNames[field]
}

func fieldNames() []string {
	names := make([]string, 0, len(defaultFieldNames))
	for f := range defaultFieldNames {
		names = append(names, f)
	}
	sort.Strings(names)
	return names
}

// record is one article of a JSON Lines corpus.
type record struct {
	ID, Title, URL, Date, Publisher, Text string
}

// parseRecord reads one line of a JSON Lines corpus (UTF-8, without its
// newline) as an article. It fails with ErrInvalidJSON for a line that is
// not a JSON object and with ErrNoText for one without text. A text that is
// an HTML page or fragment is run through extractHTML.
func parseRecord(line []byte, fields FieldMap) (record, error) {
	var rec record
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(line, &obj); err != nil {
		var ute *json.UnmarshalTypeError
		if errors.As(err, &ute) && ute.Field == "" {
			return rec, fmt.Errorf("%w: a JSON %s, not an object", ErrInvalidJSON, ute.Value)
		}
		return rec, fmt.Errorf("%w: %v", ErrInvalidJSON, err)
	}
	if obj == nil {
		return rec, fmt.Errorf("%w: null, not an object", ErrInvalidJSON)
	}
	textKey, raw := lookupField(obj, fields.keys(FieldText))
	if raw != nil {
		text, ok := jsonText(raw)
		if !ok {
			return rec, reasonf(ErrNoText, "text field %q is not a string", textKey)
		}
		rec.Text = normaliseNewlines(text)
	}
	if strings.TrimSpace(rec.Text) == "" {
		what := "no text field"
		if raw != nil {
			what = fmt.Sprintf("empty text in field %q", textKey)
		}
		hint := ""
		if _, ld := obj["@context"]; ld {
			hint = "; the line looks like JSON-LD graph data"
		}
		return rec, reasonf(ErrNoText, "%s (looked for %s; map another with --field text=KEY)%s",
			what, strings.Join(fields.keys(FieldText), ", "), hint)
	}
	rec.ID = cleanSpace(fieldString(obj, fields.keys(FieldID)))
	rec.Title = cleanSpace(fieldString(obj, fields.keys(FieldTitle)))
	rec.URL = strings.TrimSpace(fieldString(obj, fields.keys(FieldURL)))
	rec.Date = normaliseDate(fieldString(obj, fields.keys(FieldDate)))
	rec.Publisher = cleanSpace(fieldString(obj, fields.keys(FieldPublisher)))
	if f, _ := sniff([]byte(rec.Text), true); f == formatHTML {
		art, err := extractHTML(rec.Text, nil)
		if err != nil {
			return rec, fmt.Errorf("text is HTML: %w", err)
		}
		rec.Text = art.Text
		setFirst(&rec.Title, art.Title)
		setFirst(&rec.Date, art.Date)
		setFirst(&rec.Publisher, art.Publisher)
		setFirst(&rec.URL, art.Canonical)
	}
	return rec, nil
}

// isCorpusHead reports whether the head of a .json file found in a folder
// starts a JSON Lines corpus of articles: its first line is an object with
// a text field, or is longer than the head. Other .json files in folders
// (package.json, settings) are not articles and are skipped.
func isCorpusHead(head []byte, complete bool, fields FieldMap) bool {
	head = bytes.TrimLeft(head, " \t\r\n\ufeff")
	i := bytes.IndexByte(head, '\n')
	if i < 0 && !complete {
		return true // a first line longer than the head
	}
	if i < 0 {
		i = len(head)
	}
	var obj map[string]json.RawMessage
	if json.Unmarshal(head[:i], &obj) != nil {
		return false
	}
	_, raw := lookupField(obj, fields.keys(FieldText))
	return raw != nil
}

// lookupField finds the first of keys in obj: exactly, then without regard
// to case (the smallest matching key, for a stable choice).
func lookupField(obj map[string]json.RawMessage, keys []string) (string, json.RawMessage) {
	for _, k := range keys {
		if v, ok := obj[k]; ok && !isNull(v) {
			return k, v
		}
	}
	for _, k := range keys {
		var found []string
		for ok := range obj {
			if strings.EqualFold(ok, k) && !isNull(obj[ok]) {
				found = append(found, ok)
			}
		}
		if len(found) > 0 {
			slices.Sort(found)
			return found[0], obj[found[0]]
		}
	}
	return "", nil
}

func isNull(v json.RawMessage) bool { return bytes.Equal(bytes.TrimSpace(v), []byte("null")) }

// jsonText reads an article text: a string, or an array of strings (the
// paragraphs), joined by blank lines.
func jsonText(raw json.RawMessage) (string, bool) {
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return s, true
	}
	var parts []string
	if json.Unmarshal(raw, &parts) == nil {
		kept := parts[:0]
		for _, p := range parts {
			if strings.TrimSpace(p) != "" {
				kept = append(kept, strings.TrimSpace(p))
			}
		}
		return strings.Join(kept, "\n\n"), true
	}
	return "", false
}

// fieldString reads a metadata field: a string, a number (as written), or
// an object's "name" (a publisher). Other values give "".
func fieldString(obj map[string]json.RawMessage, keys []string) string {
	_, raw := lookupField(obj, keys)
	if raw == nil {
		return ""
	}
	var v any
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	if dec.Decode(&v) != nil {
		return ""
	}
	switch x := v.(type) {
	case string:
		return x
	case json.Number:
		return x.String()
	case bool:
		return strconv.FormatBool(x)
	case map[string]any:
		if s, ok := x["name"].(string); ok {
			return s
		}
	}
	return ""
}

// jsonlStream reads the articles of one JSON Lines corpus, line by line.
type jsonlStream struct {
	br      *bufio.Reader
	closer  io.Closer // closed at the end; nil for stdin
	origin  string    // the corpus path (or "stdin") in messages
	prefix  string    // the ID prefix: corpus base name without extension
	max     int64     // MaxArticleBytes: the longest line
	fields  FieldMap
	line    int // number of the line read last
	records int // items given so far
	buf     []byte
	done    bool
}

// next returns the next item of the corpus: an article, or the error of
// one line. Blank lines are skipped. It returns false at the end.
func (s *jsonlStream) next() (Item, bool) {
	for !s.done {
		line, size, blank, err := s.readLine()
		if err == io.EOF {
			s.finish()
			if s.records == 0 {
				s.records++
				return Item{Origin: s.origin, Err: newError("read", s.origin, reasonf(ErrEmpty, "empty corpus: no JSON lines"))}, true
			}
			return Item{}, false
		}
		s.line++
		origin := s.origin + ":" + strconv.Itoa(s.line)
		if err != nil {
			s.finish()
			s.records++
			return Item{Origin: origin, Err: newError("read", origin, err)}, true
		}
		if blank {
			continue
		}
		if size > s.max {
			s.records++
			lim := &LimitError{What: "line", Size: size, Limit: s.max, Flag: FlagMaxArticleSize}
			return Item{Origin: origin, Err: newError("read", origin, lim)}, true
		}
		s.records++
		doc, err := s.parse(line)
		if err != nil {
			return Item{Origin: origin, Err: newError("read", origin, err)}, true
		}
		return Item{Doc: doc, Origin: origin}, true
	}
	return Item{}, false
}

// parse turns one non-blank line into a Document.
func (s *jsonlStream) parse(line []byte) (extract.Document, error) {
	if !utf8.Valid(line) {
		text, err := decodeBytes(line, "")
		if err != nil {
			var ue *utf8Error
			if errors.As(err, &ue) {
				ue.line = s.line
			}
			return extract.Document{}, err
		}
		line = []byte(text)
	}
	rec, err := parseRecord(line, s.fields)
	if err != nil {
		return extract.Document{}, err
	}
	id := rec.ID
	if id == "" {
		id = "line-" + strconv.Itoa(s.line)
	}
	return extract.Document{
		ID:        s.prefix + "/" + id,
		Title:     rec.Title,
		Date:      rec.Date,
		Publisher: rec.Publisher,
		URL:       rec.URL,
		Text:      rec.Text,
	}, nil
}

// readLine reads the next line without its "\n" (or "\r\n"), and tells
// whether it is blank (ASCII white space only, as countLines counts). A
// line longer than s.max is skipped up to its end and returned empty, with
// its size. It returns io.EOF after the last line.
func (s *jsonlStream) readLine() (line []byte, size int64, blank bool, err error) {
	s.buf = s.buf[:0]
	keep, newline := true, false
	blank = true
	for {
		chunk, err := s.br.ReadSlice('\n')
		size += int64(len(chunk))
		if blank && !isASCIISpace(chunk) {
			blank = false
		}
		if keep {
			if int64(len(s.buf)+len(chunk)) > s.max+2 { // room for "\r\n"
				keep = false
				s.buf = s.buf[:0]
			} else {
				s.buf = append(s.buf, chunk...)
			}
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		if err == io.EOF {
			if size == 0 {
				return nil, 0, true, io.EOF
			}
			break
		}
		if err != nil {
			return nil, size, blank, err
		}
		newline = true
		break
	}
	if keep {
		line = bytes.TrimSuffix(s.buf, []byte("\n"))
		line = bytes.TrimSuffix(line, []byte("\r"))
		size = int64(len(line))
	} else {
		// The size without the line end, for the message.
		if newline {
			size--
		}
		if size <= s.max { // only "\r\n" made it too long: say by how much
			size = s.max + 1
		}
	}
	if cap(s.buf) > 1<<20 && !keep {
		s.buf = nil // do not keep a huge buffer for a skipped line
	}
	return line, size, blank, nil
}

// isASCIISpace reports whether b holds only ASCII white space.
func isASCIISpace(b []byte) bool {
	for _, c := range b {
		switch c {
		case ' ', '\t', '\r', '\n', '\v', '\f':
		default:
			return false
		}
	}
	return true
}

// finish closes the corpus.
func (s *jsonlStream) finish() {
	s.done = true
	if s.closer != nil {
		s.closer.Close()
		s.closer = nil
	}
}
