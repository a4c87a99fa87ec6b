package bench

import (
	"bytes"
	"encoding/json"
	"math"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/extract"
)

func TestQuantityString(t *testing.T) {
	for _, c := range []struct {
		q    Quantity
		want string
	}{
		{Quantity{5e6, BytesPerSecond}, "5.00 MB/s"},
		{Quantity{24_400, BytesPerSecond}, "24.4 KB/s"},
		{Quantity{0.0123, Seconds}, "12.3 ms"},
		{Quantity{0.00123, Seconds}, "1.23 ms"},
		{Quantity{21.15, Seconds}, "21.15 s"},
		{Quantity{749_112 * 1024, Bytes}, "767 MB"},
		{Quantity{1.5e9, Bytes}, "1.50 GB"},
		{Quantity{148111, Number}, "148,111"},
		{Quantity{82.04, Number}, "82.0"},
		{Quantity{math.NaN(), Seconds}, "n/a"},
	} {
		if got := c.q.String(); got != c.want {
			t.Errorf("%#v: got %q, want %q", c.q, got, c.want)
		}
	}
}

func TestRatioAndMet(t *testing.T) {
	build := Row{
		Measure:  "build",
		Value:    Quantity{21, Seconds},
		Baseline: &Baseline{Quantity{4.2, Seconds}, "bulk"},
		Target:   Target{{OnRatio: true, Op: AtMost, Limit: 1.2}},
	}
	if x, ok := build.Ratio(); !ok || math.Abs(x-5) > 1e-9 {
		t.Errorf("ratio = %v, %v; want 5", x, ok)
	}
	if met, ok := build.Met(); !ok || met {
		t.Errorf("build 5× its baseline: met = %v, %v; want false, true", met, ok)
	}
	build.Value.V = 5.04 // exactly 1.2×
	if met, ok := build.Met(); !ok || !met {
		t.Errorf("build 1.2× its baseline: met = %v, %v; want true, true", met, ok)
	}

	// a ratio target without a baseline cannot be checked
	noBase := build
	noBase.Baseline = nil
	if _, ok := noBase.Met(); ok {
		t.Error("ratio target without baseline reported as checked")
	}
	if c := noBase.Cells(); c[3] != "–" || c[5] != "?" {
		t.Errorf("cells without baseline: %q", c)
	}

	// all conditions must hold
	rss := Row{
		Value:    Quantity{900e6, Bytes},
		Baseline: &Baseline{Quantity{600e6, Bytes}, "build ×1"},
		Target:   Target{{Op: Below, Limit: 1e9}, {OnRatio: true, Op: AtMost, Limit: 1.25}},
	}
	if met, ok := rss.Met(); !ok || met {
		t.Errorf("900 MB vs 600 MB: met = %v, %v; want false (1.5× > 1.25×)", met, ok)
	}
	rss.Baseline.V = 800e6
	if met, _ := rss.Met(); !met {
		t.Error("900 MB vs 800 MB: want met")
	}
	if got, want := rss.Target.String(Bytes), "< 1.00 GB and ≤ 1.25×"; got != want {
		t.Errorf("target = %q, want %q", got, want)
	}

	// a lower limit
	ex := Row{Value: Quantity{4.9e6, BytesPerSecond}, Target: Target{{Op: AtLeast, Limit: 5e6}}}
	if met, ok := ex.Met(); !ok || met {
		t.Errorf("4.9 MB/s ≥ 5 MB/s: met = %v, %v", met, ok)
	}
	// no target
	if _, ok := (Row{Value: Quantity{1, Number}}).Met(); ok {
		t.Error("row without target reported as checked")
	}
	// a zero baseline gives no ratio
	if _, ok := (Row{Value: Quantity{1, Number}, Baseline: &Baseline{}}).Ratio(); ok {
		t.Error("ratio to a zero baseline")
	}
}

func TestFailedRow(t *testing.T) {
	r := Row{Value: Quantity{0, Seconds}, Failed: "failed", Target: Target{{Op: Below, Limit: 0.1}},
		Baseline: &Baseline{Quantity{1, Seconds}, "x"}}
	if met, ok := r.Met(); !ok || met {
		t.Errorf("failed row with a target: met = %v, %v; want false, true", met, ok)
	}
	if _, ok := r.Ratio(); ok {
		t.Error("failed row has a ratio")
	}
	if c := r.Cells(); c[1] != "failed" || c[5] != "**NO**" {
		t.Errorf("cells: %q", c)
	}
}

func TestFormatRatio(t *testing.T) {
	for x, want := range map[float64]string{0.314: "0.31×", 1.2: "1.20×", 19.94: "19.9×", 420.4: "420×"} {
		if got := FormatRatio(x); got != want {
			t.Errorf("FormatRatio(%v) = %q, want %q", x, got, want)
		}
	}
}

func TestWriteTable(t *testing.T) {
	rows := []Row{
		{Measure: "extraction, 1 core", Value: Quantity{2.5e6, BytesPerSecond},
			Baseline: &Baseline{Quantity{25e3, BytesPerSecond}, "prose"}, Target: Target{{Op: AtLeast, Limit: 5e6}}},
		{Measure: "a|b", Value: Quantity{3, Number}},
	}
	var b bytes.Buffer
	if err := WriteTable(&b, rows); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimRight(b.String(), "\n"), "\n")
	if len(lines) != 4 {
		t.Fatalf("want header, rule and 2 rows, got:\n%s", b.String())
	}
	for _, l := range lines {
		// every line has the 6 columns (escaped pipes do not count)
		if n := strings.Count(strings.ReplaceAll(l, `\|`, ""), "|"); n != 7 {
			t.Errorf("%d pipes in %q", n, l)
		}
	}
	if !strings.Contains(lines[0], "| measure") || !strings.Contains(lines[0], "| met?") {
		t.Errorf("header: %q", lines[0])
	}
	want := []string{"extraction, 1 core", "2.50 MB/s", "25.0 KB/s (prose)", "100×", "≥ 5.00 MB/s", "**NO**"}
	for _, w := range want {
		if !strings.Contains(lines[2], w) {
			t.Errorf("row %q lacks %q", lines[2], w)
		}
	}
	if !strings.Contains(lines[3], `a\|b`) {
		t.Errorf("pipe not escaped: %q", lines[3])
	}

	rep := &Report{Rows: rows, Notes: []string{"a note"}}
	b.Reset()
	if err := rep.Write(&b); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "- a note") || !strings.Contains(b.String(), "Targets missed (1): extraction, 1 core.") {
		t.Errorf("report:\n%s", b.String())
	}
}

func TestParseBuildSummary(t *testing.T) {
	out := []byte(`articles:      2225 (2220 loaded, 0 unchanged, 5 failed)
persons:       7993
quads written: 148111 added, 0 removed
seconds:       20.97
`)
	s, err := parseBuildSummary(out)
	if err != nil {
		t.Fatal(err)
	}
	if s.Articles != 2225 || s.Failed != 5 || s.QuadsAdded != 148111 || s.Seconds != 20.97 {
		t.Errorf("got %+v", s)
	}
	if _, err := parseBuildSummary([]byte("nothing")); err == nil {
		t.Error("no error for output without a summary")
	}
}

func TestParseStatus(t *testing.T) {
	anon, file, ok := parseStatus(strings.NewReader("Name:\tnewsgraph\nVmHWM:\t  749112 kB\nRssAnon:\t  600000 kB\nRssFile:\t   20000 kB\n"))
	if !ok || anon != 600000*1024 || file != 20000*1024 {
		t.Errorf("got %d, %d, %v", anon, file, ok)
	}
}

func TestWriteCopies(t *testing.T) {
	in := `{"id": "business/001", "title": "T", "text": "A <b> & c"}
{"title": "no id", "text": "x"}
`
	var out bytes.Buffer
	if err := writeCopies(strings.NewReader(in), &out, 3); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimRight(out.String(), "\n"), "\n")
	if len(lines) != 6 {
		t.Fatalf("want 6 lines, got %d:\n%s", len(lines), out.String())
	}
	ids := []string{"business/001", "", "business/001~1", "", "business/001~2", ""}
	for i, l := range lines {
		var rec map[string]string
		if err := json.Unmarshal([]byte(l), &rec); err != nil {
			t.Fatalf("line %d: %v", i+1, err)
		}
		if rec["id"] != ids[i] {
			t.Errorf("line %d: id %q, want %q", i+1, rec["id"], ids[i])
		}
		if i%2 == 0 && rec["text"] != "A <b> & c" {
			t.Errorf("line %d: text changed: %q", i+1, rec["text"])
		}
	}
}

func TestMedianAndSample(t *testing.T) {
	if m := median([]float64{3, 1, 2}); m != 2 {
		t.Errorf("median = %v", m)
	}
	if m := median([]float64{4, 1, 2, 3}); m != 2.5 {
		t.Errorf("median = %v", m)
	}
	if !math.IsNaN(median(nil)) {
		t.Error("median of nothing is not NaN")
	}
	docs := make([]extract.Document, 2225)
	for i := range docs {
		docs[i].ID = string(rune('a' + i%26))
	}
	if n := len(sample(docs, 200)); n < 180 || n > 200 {
		t.Errorf("sample of 200 has %d", n)
	}
	if n := len(sample(docs, -1)); n != len(docs) {
		t.Errorf("sample of all has %d", n)
	}
}
