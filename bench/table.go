package bench

import (
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Unit says what a Quantity measures and how it is printed. Values are
// kept in base units: bytes, seconds, bytes per second.
type Unit int

// Units.
const (
	// Number is a plain count or rate, printed as is (thousands grouped).
	Number Unit = iota
	// BytesPerSecond is a throughput, printed in KB/s or MB/s (10^3, 10^6).
	BytesPerSecond
	// Seconds is a duration, printed in ms or s.
	Seconds
	// Bytes is a size, printed in KB, MB or GB (10^3, 10^6, 10^9).
	Bytes
)

// Quantity is a measured value and its unit.
type Quantity struct {
	V    float64
	Unit Unit
}

// String formats q for the table.
func (q Quantity) String() string {
	v := q.V
	if math.IsNaN(v) {
		return "n/a"
	}
	switch q.Unit {
	case BytesPerSecond:
		if v >= 1e6 {
			return trim(v/1e6, 2) + " MB/s"
		}
		return trim(v/1e3, 1) + " KB/s"
	case Seconds:
		switch {
		case v < 0.01:
			return trim(v*1e3, 2) + " ms"
		case v < 1:
			return trim(v*1e3, 1) + " ms"
		case v < 100:
			return trim(v, 2) + " s"
		default:
			return trim(v, 0) + " s"
		}
	case Bytes:
		switch {
		case v >= 1e9:
			return trim(v/1e9, 2) + " GB"
		case v >= 1e6:
			return trim(v/1e6, 0) + " MB"
		default:
			return trim(v/1e3, 0) + " KB"
		}
	default:
		if v == math.Trunc(v) || math.Abs(v) >= 100 {
			return group(int64(math.Round(v)))
		}
		return trim(v, 1)
	}
}

// trim formats v with at most prec decimals.
func trim(v float64, prec int) string {
	return strconv.FormatFloat(v, 'f', prec, 64)
}

// group writes n with thousands separated by commas.
func group(n int64) string {
	s := strconv.FormatInt(n, 10)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

// Baseline is what a row's value is compared with, measured in the same
// run.
type Baseline struct {
	Quantity
	// Label says what the baseline is ("prose v2 NER", "Cayley bulk load").
	Label string
}

// Op compares a measure with a limit.
type Op int

// Comparisons.
const (
	AtLeast Op = iota // ≥
	AtMost            // ≤
	Below             // <
)

func (o Op) String() string {
	switch o {
	case AtLeast:
		return "≥"
	case AtMost:
		return "≤"
	default:
		return "<"
	}
}

func (o Op) holds(v, limit float64) bool {
	switch o {
	case AtLeast:
		return v >= limit
	case AtMost:
		return v <= limit
	default:
		return v < limit
	}
}

// Cond is one condition of a target: the row's value (or its ratio to
// the baseline) compared with a limit.
type Cond struct {
	OnRatio bool
	Op      Op
	// Limit is in the value's base unit, or a plain number for a ratio.
	Limit float64
	// Note is printed after the condition, e.g. "(5 per core)".
	Note string
}

// Target is what a row should reach: all its conditions must hold.
type Target []Cond

// Row is one line of the report.
type Row struct {
	Measure  string
	Value    Quantity
	Baseline *Baseline // nil: no baseline
	Target   Target    // nil: no target
	// Failed, if set, says why there is no value ("timed out after 10m0s");
	// it is printed in the value's place, and a row with a target then
	// misses it.
	Failed string
}

// Ratio returns the row's value divided by its baseline, and false when
// there is no usable baseline.
func (r Row) Ratio() (float64, bool) {
	if r.Failed != "" || r.Baseline == nil || r.Baseline.V == 0 || math.IsNaN(r.Baseline.V) || math.IsNaN(r.Value.V) {
		return 0, false
	}
	return r.Value.V / r.Baseline.V, true
}

// Met says whether the row reaches its target; ok is false when it has
// none, or when a condition cannot be checked (no value, no baseline).
func (r Row) Met() (met, ok bool) {
	if len(r.Target) == 0 {
		return false, false
	}
	if r.Failed != "" {
		return false, true
	}
	if math.IsNaN(r.Value.V) {
		return false, false
	}
	met = true
	for _, c := range r.Target {
		v := r.Value.V
		if c.OnRatio {
			ratio, has := r.Ratio()
			if !has {
				return false, false
			}
			v = ratio
		}
		if !c.Op.holds(v, c.Limit) {
			met = false
		}
	}
	return met, true
}

// FormatRatio prints a ratio with about three significant digits.
func FormatRatio(x float64) string {
	switch {
	case x >= 100:
		return trim(x, 0) + "×"
	case x >= 10:
		return trim(x, 1) + "×"
	default:
		return trim(x, 2) + "×"
	}
}

func (t Target) String(unit Unit) string {
	var parts []string
	for _, c := range t {
		var s string
		if c.OnRatio {
			s = c.Op.String() + " " + FormatRatio(c.Limit)
		} else {
			s = c.Op.String() + " " + Quantity{V: c.Limit, Unit: unit}.String()
		}
		if c.Note != "" {
			s += " " + c.Note
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, " and ")
}

// Cells returns the row's cells: measure, value, baseline, ratio, target,
// met?.
func (r Row) Cells() []string {
	base, ratio, target, met := "–", "–", "–", "–"
	if r.Baseline != nil {
		base = r.Baseline.Quantity.String()
		if r.Baseline.Label != "" {
			base += " (" + r.Baseline.Label + ")"
		}
	}
	if x, ok := r.Ratio(); ok {
		ratio = FormatRatio(x)
	}
	if len(r.Target) > 0 {
		target = r.Target.String(r.Value.Unit)
	}
	if m, ok := r.Met(); ok {
		met = "yes"
		if !m {
			met = "**NO**"
		}
	} else if len(r.Target) > 0 {
		met = "?"
	}
	value := r.Value.String()
	if r.Failed != "" {
		value = r.Failed
	}
	return []string{r.Measure, value, base, ratio, target, met}
}

// Header is the table's header row.
var Header = []string{"measure", "value", "baseline", "ratio", "target", "met?"}

// WriteTable writes rows as a Markdown table, columns padded so that it
// also reads well on a terminal.
func WriteTable(w io.Writer, rows []Row) error {
	cells := [][]string{Header}
	for _, r := range rows {
		cells = append(cells, r.Cells())
	}
	widths := make([]int, len(Header))
	for _, line := range cells {
		for i, c := range line {
			widths[i] = max(widths[i], utf8.RuneCountInString(escape(c)))
		}
	}
	var b strings.Builder
	writeLine := func(line []string) {
		b.WriteString("|")
		for i, c := range line {
			c = escape(c)
			b.WriteString(" ")
			b.WriteString(c)
			b.WriteString(strings.Repeat(" ", widths[i]-utf8.RuneCountInString(c)))
			b.WriteString(" |")
		}
		b.WriteString("\n")
	}
	writeLine(cells[0])
	b.WriteString("|")
	for i := range Header {
		b.WriteString(strings.Repeat("-", widths[i]+2))
		b.WriteString("|")
	}
	b.WriteString("\n")
	for _, line := range cells[1:] {
		writeLine(line)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// escape keeps a cell from ending the Markdown cell.
func escape(s string) string { return strings.ReplaceAll(s, "|", `\|`) }

// Report is the outcome of a run: where and how it was measured, the
// table, and notes that qualify the figures.
type Report struct {
	Env   [][2]string // key, value
	Rows  []Row
	Notes []string
}

// Missed returns the measures whose target was not met.
func (r *Report) Missed() []string {
	var out []string
	for _, row := range r.Rows {
		if m, ok := row.Met(); ok && !m {
			out = append(out, row.Measure)
		}
	}
	return out
}

// Write writes the report in Markdown.
func (r *Report) Write(w io.Writer) error {
	var b strings.Builder
	for _, kv := range r.Env {
		fmt.Fprintf(&b, "- %s: %s\n", kv[0], kv[1])
	}
	if len(r.Env) > 0 {
		b.WriteString("\n")
	}
	if _, err := io.WriteString(w, b.String()); err != nil {
		return err
	}
	if err := WriteTable(w, r.Rows); err != nil {
		return err
	}
	b.Reset()
	b.WriteString("\nratio = value ÷ baseline.\n")
	if len(r.Notes) > 0 {
		b.WriteString("\nNotes:\n")
		for _, n := range r.Notes {
			fmt.Fprintf(&b, "- %s\n", n)
		}
	}
	if m := r.Missed(); len(m) > 0 {
		fmt.Fprintf(&b, "\nTargets missed (%d): %s.\n", len(m), strings.Join(m, "; "))
	}
	_, err := io.WriteString(w, b.String())
	return err
}
