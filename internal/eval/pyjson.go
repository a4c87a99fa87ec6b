package eval

// This file reproduces the parts of Python's json module and str()/repr()
// that score.py relies on: JSON objects keep their key order (and a repeated
// key keeps its first position but its last value), non-string values are
// turned into text the way Python's str() does, and values are printed back
// the way json.dumps(..., ensure_ascii=False) does.

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

type jkind uint8

const (
	jNull jkind = iota
	jBool
	jNum
	jStr
	jArr
	jObj
)

// jval is a decoded JSON value that keeps object key order, as Python's
// json.loads does.
type jval struct {
	kind jkind
	b    bool
	s    string // string value, or the literal of a number
	arr  []jval
	keys []string // object keys in first-seen order
	vals []jval   // object values, parallel to keys
}

// get returns the value of key in an object, and whether it is present.
func (v jval) get(key string) (jval, bool) {
	if v.kind != jObj {
		return jval{}, false
	}
	for i, k := range v.keys {
		if k == key {
			return v.vals[i], true
		}
	}
	return jval{}, false
}

// parseJSON decodes one JSON document; only whitespace may follow it.
func parseJSON(data []byte) (jval, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	v, err := decodeValue(dec)
	if err != nil {
		return jval{}, err
	}
	if _, err := dec.Token(); err != io.EOF {
		if err == nil {
			err = errors.New("extra data after JSON value")
		}
		return jval{}, err
	}
	return v, nil
}

func decodeValue(dec *json.Decoder) (jval, error) {
	tok, err := dec.Token()
	if err != nil {
		if err == io.EOF {
			err = io.ErrUnexpectedEOF
		}
		return jval{}, err
	}
	return decodeFrom(dec, tok)
}

func decodeFrom(dec *json.Decoder, tok json.Token) (jval, error) {
	switch t := tok.(type) {
	case nil:
		return jval{kind: jNull}, nil
	case bool:
		return jval{kind: jBool, b: t}, nil
	case json.Number:
		return jval{kind: jNum, s: string(t)}, nil
	case string:
		return jval{kind: jStr, s: t}, nil
	case json.Delim:
		switch t {
		case '[':
			v := jval{kind: jArr, arr: []jval{}}
			for dec.More() {
				e, err := decodeValue(dec)
				if err != nil {
					return jval{}, err
				}
				v.arr = append(v.arr, e)
			}
			if _, err := dec.Token(); err != nil { // ']'
				return jval{}, err
			}
			return v, nil
		case '{':
			v := jval{kind: jObj, keys: []string{}, vals: []jval{}}
			index := map[string]int{}
			for dec.More() {
				kt, err := dec.Token()
				if err != nil {
					return jval{}, err
				}
				k, ok := kt.(string)
				if !ok {
					return jval{}, fmt.Errorf("object key is %T, not a string", kt)
				}
				e, err := decodeValue(dec)
				if err != nil {
					return jval{}, err
				}
				if i, dup := index[k]; dup {
					v.vals[i] = e // Python dicts: first position, last value
					continue
				}
				index[k] = len(v.keys)
				v.keys = append(v.keys, k)
				v.vals = append(v.vals, e)
			}
			if _, err := dec.Token(); err != nil { // '}'
				return jval{}, err
			}
			return v, nil
		}
	}
	return jval{}, fmt.Errorf("unexpected JSON token %v", tok)
}

// jvalOf converts a Go value into a jval by way of encoding/json, keeping
// the key order of any json.RawMessage inside it.
func jvalOf(x any) jval {
	switch t := x.(type) {
	case nil:
		return jval{kind: jNull}
	case jval:
		return t
	case bool:
		return jval{kind: jBool, b: t}
	case string:
		return jval{kind: jStr, s: t}
	case json.Number:
		return jval{kind: jNum, s: string(t)}
	}
	data, err := json.Marshal(x)
	if err != nil {
		return jval{kind: jStr, s: fmt.Sprint(x)}
	}
	v, err := parseJSON(data)
	if err != nil {
		return jval{kind: jStr, s: fmt.Sprint(x)}
	}
	return v
}

// goValue turns a jval into the Go value stored in a prediction row's
// untyped field: nil, bool, string, json.Number, or json.RawMessage for
// arrays and objects (which keeps their key order).
func goValue(v jval) any {
	switch v.kind {
	case jNull:
		return nil
	case jBool:
		return v.b
	case jNum:
		return json.Number(v.s)
	case jStr:
		return v.s
	}
	var b strings.Builder
	writeJSON(&b, v, false)
	return json.RawMessage(b.String())
}

// isIntLiteral reports whether a JSON number literal decodes to a Python
// int (rather than a float).
func isIntLiteral(lit string) bool {
	return !strings.ContainsAny(lit, ".eE")
}

// pyInt is str() of a Python int parsed from a JSON integer literal.
func pyInt(lit string) string {
	if strings.TrimLeft(lit, "-0") == "" {
		return "0"
	}
	return lit
}

// pyFloat parses a JSON number literal the way Python's float() does
// (overflow gives an infinity).
func pyFloat(lit string) float64 {
	f, _ := strconv.ParseFloat(lit, 64)
	return f
}

// pyFloatRepr is Python's repr() of a float (also its str()).
func pyFloatRepr(f float64) string {
	switch {
	case math.IsInf(f, 1):
		return "inf"
	case math.IsInf(f, -1):
		return "-inf"
	case math.IsNaN(f):
		return "nan"
	}
	e := strconv.FormatFloat(f, 'e', -1, 64)
	exp, _ := strconv.Atoi(e[strings.IndexByte(e, 'e')+1:])
	if exp < -4 || exp >= 16 {
		return e
	}
	s := strconv.FormatFloat(f, 'f', -1, 64)
	if !strings.Contains(s, ".") {
		s += ".0"
	}
	return s
}

// pyNumStr is str() of the Python number a JSON number literal decodes to.
func pyNumStr(lit string) string {
	if isIntLiteral(lit) {
		return pyInt(lit)
	}
	return pyFloatRepr(pyFloat(lit))
}

// pyTruthy is Python's bool() of a decoded JSON value.
func pyTruthy(v jval) bool {
	switch v.kind {
	case jBool:
		return v.b
	case jNum:
		if isIntLiteral(v.s) {
			return pyInt(v.s) != "0"
		}
		f := pyFloat(v.s)
		return f != 0
	case jStr:
		return v.s != ""
	case jArr:
		return len(v.arr) > 0
	case jObj:
		return len(v.keys) > 0
	}
	return false
}

// pyStr is Python's str() of a decoded JSON value.
func pyStr(v jval) string {
	if v.kind == jStr {
		return v.s
	}
	return pyRepr(v)
}

// pyRepr is Python's repr() of a decoded JSON value.
func pyRepr(v jval) string {
	switch v.kind {
	case jNull:
		return "None"
	case jBool:
		if v.b {
			return "True"
		}
		return "False"
	case jNum:
		return pyNumStr(v.s)
	case jStr:
		return pyStrRepr(v.s)
	case jArr:
		parts := make([]string, len(v.arr))
		for i, e := range v.arr {
			parts[i] = pyRepr(e)
		}
		return "[" + strings.Join(parts, ", ") + "]"
	}
	parts := make([]string, len(v.keys))
	for i, k := range v.keys {
		parts[i] = pyStrRepr(k) + ": " + pyRepr(v.vals[i])
	}
	return "{" + strings.Join(parts, ", ") + "}"
}

// pyStrRepr is Python's repr() of a str.
func pyStrRepr(s string) string {
	quote := '\''
	if strings.ContainsRune(s, '\'') && !strings.ContainsRune(s, '"') {
		quote = '"'
	}
	var b strings.Builder
	b.WriteRune(quote)
	for _, r := range s {
		switch {
		case r == quote || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\t':
			b.WriteString(`\t`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r < ' ' || r == 0x7f:
			fmt.Fprintf(&b, `\x%02x`, r)
		case r < 0x7f || unicode.IsPrint(r):
			b.WriteRune(r)
		case r <= 0xff:
			fmt.Fprintf(&b, `\x%02x`, r)
		case r <= 0xffff:
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			fmt.Fprintf(&b, `\U%08x`, r)
		}
	}
	b.WriteRune(quote)
	return b.String()
}

// pyDumps is Python's json.dumps(v, ensure_ascii=False).
func pyDumps(v jval) string {
	var b strings.Builder
	writeJSON(&b, v, true)
	return b.String()
}

// writeJSON writes v in json.dumps's layout; numbers are written as Python
// prints them when python is true, and as their JSON literal otherwise.
func writeJSON(b *strings.Builder, v jval, python bool) {
	switch v.kind {
	case jNull:
		b.WriteString("null")
	case jBool:
		b.WriteString(strconv.FormatBool(v.b))
	case jNum:
		switch {
		case !python:
			b.WriteString(v.s)
		case isIntLiteral(v.s):
			b.WriteString(pyInt(v.s))
		default:
			b.WriteString(pyJSONFloat(pyFloat(v.s)))
		}
	case jStr:
		writeJSONString(b, v.s)
	case jArr:
		b.WriteByte('[')
		for i, e := range v.arr {
			if i > 0 {
				b.WriteString(", ")
			}
			writeJSON(b, e, python)
		}
		b.WriteByte(']')
	case jObj:
		b.WriteByte('{')
		for i, k := range v.keys {
			if i > 0 {
				b.WriteString(", ")
			}
			writeJSONString(b, k)
			b.WriteString(": ")
			writeJSON(b, v.vals[i], python)
		}
		b.WriteByte('}')
	}
}

// pyJSONFloat is how json.dumps prints a float.
func pyJSONFloat(f float64) string {
	switch {
	case math.IsInf(f, 1):
		return "Infinity"
	case math.IsInf(f, -1):
		return "-Infinity"
	case math.IsNaN(f):
		return "NaN"
	}
	return pyFloatRepr(f)
}

// writeJSONString writes s as json.dumps(s, ensure_ascii=False) does.
func writeJSONString(b *strings.Builder, s string) {
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '\\':
			b.WriteString(`\\`)
		case '"':
			b.WriteString(`\"`)
		case '\b':
			b.WriteString(`\b`)
		case '\f':
			b.WriteString(`\f`)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		case '\t':
			b.WriteString(`\t`)
		default:
			if r < 0x20 {
				fmt.Fprintf(b, `\u%04x`, r)
			} else {
				b.WriteRune(r)
			}
		}
	}
	b.WriteByte('"')
}

// pyTruncate is Python's s[:n] on a str (n code points).
func pyTruncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	i := 0
	for j := range s {
		if i == n {
			return s[:j]
		}
		i++
	}
	return s
}

// pyIsSpace is Python's str.isspace() for one character.
func pyIsSpace(r rune) bool {
	switch r {
	case '\t', '\n', '\v', '\f', '\r', 0x1c, 0x1d, 0x1e, 0x1f, ' ',
		0x85, 0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000:
		return true
	}
	return r >= 0x2000 && r <= 0x200a
}

// pyStrip is Python's str.strip() with no argument.
func pyStrip(s string) string {
	return strings.TrimFunc(s, pyIsSpace)
}

// pySplitLines is Python's str.splitlines().
func pySplitLines(s string) []string {
	var out []string
	start := 0
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch r {
		case '\n', '\v', '\f', 0x1c, 0x1d, 0x1e, 0x85, 0x2028, 0x2029:
			out = append(out, s[start:i])
			i += size
			start = i
		case '\r':
			out = append(out, s[start:i])
			i += size
			if i < len(s) && s[i] == '\n' {
				i++
			}
			start = i
		default:
			i += size
		}
	}
	if start < len(s) {
		out = append(out, s[start:])
	}
	return out
}

// pyIsWord reports whether r is a word character for Python's re module
// (str patterns): alphanumeric or underscore.
func pyIsWord(r rune) bool {
	return r == '_' || unicode.IsLetter(r) || unicode.IsNumber(r)
}
