package eval

import (
	"slices"
	"testing"
)

// The expected values below were produced by Python 3.11.

func TestPyNumbers(t *testing.T) {
	tests := []struct {
		lit, str, dumps string
		truthy          bool
	}{
		{"1", "1", "1", true},
		{"-0", "0", "0", false},
		{"0", "0", "0", false},
		{"12345678901234567890", "12345678901234567890", "12345678901234567890", true},
		{"1.0", "1.0", "1.0", true},
		{"-0.0", "-0.0", "-0.0", false},
		{"0.1", "0.1", "0.1", true},
		{"1e16", "1e+16", "1e+16", true},
		{"1e15", "1000000000000000.0", "1000000000000000.0", true},
		{"123456789012345678.0", "1.2345678901234568e+17", "1.2345678901234568e+17", true},
		{"1.5e-5", "1.5e-05", "1.5e-05", true},
		{"0.0001", "0.0001", "0.0001", true},
		{"0.00001", "1e-05", "1e-05", true},
		{"1E400", "inf", "Infinity", true},
		{"-1e400", "-inf", "-Infinity", true},
		{"2.5", "2.5", "2.5", true},
		{"1e-400", "0.0", "0.0", false},
		{"3.14159", "3.14159", "3.14159", true},
	}
	for _, tt := range tests {
		v, err := parseJSON([]byte(tt.lit))
		if err != nil {
			t.Fatalf("parseJSON(%q): %v", tt.lit, err)
		}
		if got := pyStr(v); got != tt.str {
			t.Errorf("str(%s) = %q, want %q", tt.lit, got, tt.str)
		}
		if got := pyDumps(v); got != tt.dumps {
			t.Errorf("json.dumps(%s) = %q, want %q", tt.lit, got, tt.dumps)
		}
		if got := pyTruthy(v); got != tt.truthy {
			t.Errorf("bool(%s) = %v, want %v", tt.lit, got, tt.truthy)
		}
	}
}

func TestPyStrings(t *testing.T) {
	tests := []struct{ in, repr, dumps string }{
		{"plain", `'plain'`, `"plain"`},
		{"it's", `"it's"`, `"it's"`},
		{`say "hi"`, `'say "hi"'`, `"say \"hi\""`},
		{`both ' and "`, `'both \' and "'`, `"both ' and \""`},
		{"tab\tnl\nbs\\", `'tab\tnl\nbs\\'`, `"tab\tnl\nbs\\"`},
		{"\x00\x1f\x7f", `'\x00\x1f\x7f'`, `"\u0000\u001f` + "\x7f" + `"`},
		{"é\u00a0\u200b\u2028😀", `'é\xa0\u200b\u2028😀'`, "\"é\u00a0\u200b\u2028😀\""},
		{"\U000e0001", `'\U000e0001'`, "\"\U000e0001\""},
	}
	for _, tt := range tests {
		if got := pyStrRepr(tt.in); got != tt.repr {
			t.Errorf("repr(%q) = %s, want %s", tt.in, got, tt.repr)
		}
		if got := pyDumps(jval{kind: jStr, s: tt.in}); got != tt.dumps {
			t.Errorf("json.dumps(%q) = %s, want %s", tt.in, got, tt.dumps)
		}
	}
}

func TestPyObjects(t *testing.T) {
	v, err := parseJSON([]byte(`{"a": [1, 2.0, true, null, "x"], "b": {"c": "it's"}, "a": 3}`))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := pyStr(v), `{'a': 3, 'b': {'c': "it's"}}`; got != want {
		t.Errorf("str = %s, want %s", got, want)
	}
	if got, want := pyDumps(v), `{"a": 3, "b": {"c": "it's"}}`; got != want {
		t.Errorf("dumps = %s, want %s", got, want)
	}
	a, _ := parseJSON([]byte(`[1, 2.0, true, null, "x", {}]`))
	if got, want := pyStr(a), `[1, 2.0, True, None, 'x', {}]`; got != want {
		t.Errorf("str = %s, want %s", got, want)
	}
	for _, bad := range []string{``, `{`, `{} {}`, `[1,]`, `{"a" 1}`, `NaN`} {
		if _, err := parseJSON([]byte(bad)); err == nil {
			t.Errorf("parseJSON(%q) succeeded", bad)
		}
	}
}

func TestPySplitLines(t *testing.T) {
	got := pySplitLines("a\r\nb\rc\x0bd\x1ce\x1ff\u0085g\u2028h\n\n")
	want := []string{"a", "b", "c", "d", "e\x1ff", "g", "h", ""}
	if !slices.Equal(got, want) {
		t.Errorf("pySplitLines = %q, want %q", got, want)
	}
	if got := pyStrip("\x1c\u3000 x y\u2029\u0085"); got != "x y" {
		t.Errorf("pyStrip = %q", got)
	}
}

func TestFieldAndUnquote(t *testing.T) {
	tests := []struct {
		row   string
		names []string
		want  string
	}{
		{`{"name": "Lavrov"}`, []string{"name", "person", "id"}, "Lavrov"},
		{`{"name": null, "person": "Lavrov"}`, []string{"name", "person", "id"}, "Lavrov"},
		{`{"id": 42}`, []string{"name", "person", "id"}, "42"},
		{`{"name": {"name": "Lavrov", "id": "x"}}`, []string{"name"}, "Lavrov"},
		{`{"name": {"name": "", "id": "p1"}}`, []string{"name"}, "p1"},
		{`{"name": {"name": 0}}`, []string{"name"}, ""},
		{`{"name": {"name": {"k": 1}}}`, []string{"name"}, "{'k': 1}"},
		{`{"name": true}`, []string{"name"}, "True"},
		{`{"name": ["a", 1]}`, []string{"name"}, "['a', 1]"},
		{`{"name": "\"Lavrov\""}`, []string{"name"}, `"Lavrov"`},
		{`{"other": "x"}`, []string{"name"}, ""},
	}
	for _, tt := range tests {
		v, err := parseJSON([]byte(tt.row))
		if err != nil {
			t.Fatal(err)
		}
		if got := field(v, tt.names...); got != tt.want {
			t.Errorf("field(%s, %q) = %q, want %q", tt.row, tt.names, got, tt.want)
		}
	}
	for in, want := range map[string]string{`"Lavrov"`: "Lavrov", `""`: "", `"`: `"`, `""x""`: `"x"`, `x"`: `x"`, "": ""} {
		if got := unquote(in); got != want {
			t.Errorf("unquote(%q) = %q, want %q", in, got, want)
		}
	}
}
