package source

import (
	"bytes"
	"encoding/json"
	"regexp"
)

// format is what an input holds, as told by its extension or its content.
type format int

const (
	formatText      format = iota // plain text (also Markdown)
	formatHTML                    // an HTML or XHTML page
	formatJSONLines               // JSON Lines: one JSON object per line
	formatJSON                    // a JSON document that is not JSON Lines
	formatJSONLD                  // a JSON-LD document (graph data)
	formatNQuads                  // N-Quads or N-Triples (graph data)
	formatXML                     // an XML document that is not XHTML (a feed...)
	formatBinary                  // binary data
)

var formatNames = [...]string{"text", "HTML", "JSON Lines", "JSON", "JSON-LD", "N-Quads", "XML", "binary"}

func (f format) String() string {
	if f < 0 || int(f) >= len(formatNames) {
		return "unknown"
	}
	return formatNames[f]
}

// sniffSize is how many leading bytes sniff is given.
const sniffSize = 64 << 10

// sniff tells the format of an input from its first bytes (at most
// sniffSize are looked at). complete reports whether head is the whole
// input. For formatBinary it also returns the kind of binary data.
func sniff(head []byte, complete bool) (format, string) {
	if len(head) > sniffSize {
		head, complete = head[:sniffSize], false
	}
	if enc, name, n := bomEncoding(head); name == "UTF-8" {
		head = head[n:]
	} else if enc != nil {
		unit := 2
		if name == "UTF-32BE" || name == "UTF-32LE" {
			unit = 4
		}
		even := head[:len(head)-len(head)%unit]
		out, err := enc.NewDecoder().Bytes(even)
		if err != nil {
			return formatText, ""
		}
		head = out
	} else if kind := binaryKind(head); kind != "" {
		return formatBinary, kind
	}
	t := bytes.TrimLeft(head, " \t\r\n\f\v")
	if len(t) == 0 {
		return formatText, ""
	}
	switch t[0] {
	case '{', '[':
		return sniffJSON(t, complete), ""
	case '<', '_':
		return sniffMarkup(t, complete), ""
	case '#':
		if looksLikeNQuads(t, complete) {
			return formatNQuads, ""
		}
	}
	return formatText, ""
}

// sniffJSON classifies text that starts with '{' or '['.
func sniffJSON(t []byte, complete bool) format {
	line, lineComplete := t, complete
	if i := bytes.IndexByte(t, '\n'); i >= 0 {
		line, lineComplete = t[:i], true
	}
	line = bytes.TrimRight(line, " \t\r")
	if lineComplete && t[0] == '{' && json.Valid(line) {
		if isJSONLD(line) {
			return formatJSONLD
		}
		return formatJSONLines
	}
	if complete && json.Valid(t) {
		if isJSONLD(t) {
			return formatJSONLD
		}
		return formatJSON
	}
	if !complete && bytes.Contains(t, []byte(`"@context"`)) {
		return formatJSONLD
	}
	objectStart := t[0] == '{' && len(bytes.TrimLeft(line[1:], " \t")) > 0 && bytes.TrimLeft(line[1:], " \t")[0] == '"'
	if objectStart {
		// A first line that opens an object: a JSON Lines corpus (whose bad
		// lines are reported one by one), or one whose first line is longer
		// than the head.
		return formatJSONLines
	}
	if !complete && (bytes.Equal(line, []byte("{")) || bytes.Equal(line, []byte("["))) {
		return formatJSON // pretty-printed JSON, longer than the head
	}
	return formatText
}

// jsonLDKeys are the keys that mark a JSON object as JSON-LD.
var jsonLDKeys = []string{"@context", "@graph", "@id"}

// isJSONLD reports whether a JSON value is a JSON-LD document: an object
// (or an array whose first element is an object) with one of the keys
// @context, @graph or @id, and none of the usual article text fields.
func isJSONLD(data []byte) bool {
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(data, &obj); err != nil {
		var arr []json.RawMessage
		if json.Unmarshal(data, &arr) != nil || len(arr) == 0 {
			return false
		}
		if json.Unmarshal(arr[0], &obj) != nil {
			return false
		}
	}
	if obj == nil {
		return false
	}
	for _, k := range defaultFieldNames[FieldText] {
		if _, ok := obj[k]; ok {
			return false
		}
	}
	for _, k := range jsonLDKeys {
		if _, ok := obj[k]; ok {
			return true
		}
	}
	return false
}

// htmlStarts are the tags an HTML document or fragment commonly starts with.
var htmlStarts = []string{
	"html", "head", "body", "meta", "title", "link", "script", "style", "base",
	"p", "div", "article", "section", "main", "header", "nav", "table", "span",
	"h1", "h2", "h3", "h4", "h5", "h6", "a", "b", "i", "em", "strong", "br",
	"ul", "ol", "li", "blockquote", "pre", "font", "center", "img", "iframe",
	"noscript", "form", "figure", "footer", "aside", "template", "svg",
}

// sniffMarkup classifies text that starts with '<' or '_': HTML, XML,
// N-Quads or plain text.
func sniffMarkup(t []byte, complete bool) format {
	if t[0] == '<' {
		for {
			lower := bytes.ToLower(t[:min(len(t), 16)])
			switch {
			case bytes.HasPrefix(lower, []byte("<!--")):
				end := bytes.Index(t, []byte("-->"))
				if end < 0 {
					return formatHTML // a comment longer than the head
				}
				t = bytes.TrimLeft(t[end+3:], " \t\r\n\f\v")
				if len(t) == 0 {
					return formatHTML
				}
				continue
			case bytes.HasPrefix(lower, []byte("<!doctype html")):
				return formatHTML
			case bytes.HasPrefix(lower, []byte("<?xml")), bytes.HasPrefix(lower, []byte("<!doctype")):
				if bytes.Contains(bytes.ToLower(t), []byte("<html")) {
					return formatHTML
				}
				return formatXML
			}
			break
		}
		for _, tag := range htmlStarts {
			if len(t) > len(tag)+1 && bytes.EqualFold(t[1:1+len(tag)], []byte(tag)) {
				switch t[1+len(tag)] {
				case '>', ' ', '\t', '\n', '\r', '/':
					return formatHTML
				}
			}
		}
	}
	if looksLikeNQuads(t, complete) {
		return formatNQuads
	}
	return formatText
}

// rxQuad matches one N-Quads (or N-Triples) statement line.
var rxQuad = func() *regexp.Regexp {
	iri := `<[^<>"{}|^` + "`" + `\\\s]*>`
	bnode := `_:[^\s.]\S*`
	lit := `"(?:[^"\\]|\\.)*"(?:@[a-zA-Z]+(?:-[a-zA-Z0-9]+)*|\^\^` + iri + `)?`
	subj := `(?:` + iri + `|` + bnode + `)`
	obj := `(?:` + iri + `|` + bnode + `|` + lit + `)`
	return regexp.MustCompile(`^\s*` + subj + `\s*` + iri + `\s*` + obj + `(?:\s*` + subj + `)?\s*\.\s*(?:#.*)?$`)
}()

// looksLikeNQuads reports whether most of the first lines of t (up to 20,
// blank lines and comments aside) are N-Quads statements.
func looksLikeNQuads(t []byte, complete bool) bool {
	seen, quads := 0, 0
	for len(t) > 0 && seen < 20 {
		i := bytes.IndexByte(t, '\n')
		var line []byte
		if i < 0 {
			if !complete {
				break // an incomplete last line
			}
			line, t = t, nil
		} else {
			line, t = t[:i], t[i+1:]
		}
		line = bytes.TrimSpace(line)
		if len(line) == 0 || line[0] == '#' {
			continue
		}
		seen++
		if rxQuad.Match(line) {
			quads++
		}
	}
	return seen > 0 && quads*5 >= seen*4
}
