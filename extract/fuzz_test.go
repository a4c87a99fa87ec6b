package extract

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"reflect"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// FuzzExtract feeds arbitrary text and titles to the extractor and checks
// what every result must satisfy, beyond not panicking. Seeds are added
// here; real-looking articles and the inputs that once failed are kept
// under testdata/fuzz/FuzzExtract/.
//
// Time guard: while fuzzing (go test -fuzz), or when NEWSGRAPH_FUZZ_DEADLINE
// is set to a duration ("2s"), one Extract call of an input up to
// fuzzMaxInput bytes must take less than that (2 s by default under -fuzz):
// a slow input is a complexity bug. Both the wall time and the CPU time of
// the fuzzing process must pass the limit, so that a machine busy with
// other work does not fail it. The guard is off in ordinary test runs,
// where the seeds are only checked for the invariants.
func FuzzExtract(f *testing.F) {
	for _, s := range []struct{ title, text string }{
		{"", "Hello."},
		{"", "x"},
		{"", " \n\t "},
		{"", "\"\"\"\"\""},
		{"", "“"},
		{"", "”"},
		{"Talks", "Sergey Lavrov said: \"We are ready.\""},
		{"", "\"We are ready,\" Russian Foreign Minister Sergey Lavrov said."},
		{"", "“We are ready,” said Lavrov. “And we will remain so."},
		{"", "He said “nested ‘single’ quote” and left.”"},
		{"", "“Open without close, said Foreign Minister Fumio Kishida.\n\n“Second paragraph goes on.”"},
		{"", "Close without open,” Kishida said. ” ” “"},
		{"", "'Single quoted sentence that is long enough,' the minister said."},
		{"", "«Guillemets» dit le ministre. „German quotes“ said Angela Merkel."},
		{"", "Japanese Defense Minister Tomomi Inada, a lawyer, said Japan supports the deal."},
		{"", "Igor Morgulov, Russia's deputy foreign minister, and Takeo Akiba met in Tokyo."},
		{"", "Foreign and Defense Ministers of Russia and Japan met. Sergey Lavrov, Sergey Shoygu, Fumio Kishida and Tomomi Inada discussed security."},
		{"", "Inada said at the meeting with Russian counterpart Sergei Shoigu that talks went well."},
		{"", "MOSCOW, March 28 (TASS) - Russia opposes the deployment of missile defence systems in Japan."},
		{"", "28 March 2017. PenzaNews. Russia and Japan support closer ties."},
		{"", "BRUSSELS, Feb 3 (Reuters) — France backs tougher curbs, while Sweden opposes them."},
		{"", "Skip to main content\nHome\nWorld\nShare this article\n\nPhoto: Reuters\n\nThe United States welcomed the decision."},
		{"Steel curbs split EU ministers", "Steel curbs split EU ministers\n\nBy Jane Doe\n4 minute read\n\nThe European Commission said it would act, according to its spokesman."},
		{"", "17:07:42 Monday, October 18\n23:45 | 28.03.2017 | Analytic\n\nThe prime minister said he would visit."},
		{"", "He said that China would not accept the proposal. She added that it was unfair."},
		{"", "\u200b\u200d\ufeff\u00a0Zero\u2028width\u2029separators\u0085."},
		{"", "Ａｂｅ said ﬁne. Ǆemal Ĳssel, İstanbul’s mayor, said ß."},
		{"", "Mr. A. B. C. Smith Jr. said U.S. officials agreed. Dr. e.g. i.e."},
		{"", "caf\xe9 \xff\xfe broken \xc3 UTF-8 said \"\xe2\x80 quote."},
		{"", "\x00\x01\x02 control \r\n\r\ncharacters\r said Smith.\r\n"},
		{"", "Sergey Lavrov Sergey Lavrov Sergey Lavrov Sergey Lavrov"},
		{"", ", , , , , ,,,,,, \" , \" ,"},
		{"", "NATO (North Atlantic Treaty Organization) and the UN said the EU's plan was good."},
		{"", "- \n* \n• Bullet said.\n1. Numbered, said Lee."},
		{"", "(\"[{«‹“‘'\""},
		{"A “quoted” title", "“A “quoted” title”\n\nA “quoted” title is repeated, Putin said."},
	} {
		f.Add(s.title, s.text)
	}
	ex, err := Default()
	if err != nil {
		f.Fatal(err)
	}
	deadline := fuzzDeadline()
	f.Fuzz(func(t *testing.T, title, text string) {
		if len(title)+len(text) > fuzzMaxInput {
			t.Skip("input larger than fuzzMaxInput")
		}
		in := Document{ID: "fuzz", Title: title, Text: text}
		t0, c0 := time.Now(), processCPU()
		facts, err := ex.Extract(in)
		if el, cpu := time.Since(t0), processCPU()-c0; deadline > 0 && el > deadline && (cpu > deadline || cpu == 0) {
			t.Fatalf("Extract took %v (CPU %v, > %v) for %d bytes of text", el, cpu, deadline, len(text))
		}
		if err != nil {
			if !errors.Is(err, ErrNoText) {
				t.Fatalf("error other than ErrNoText: %v", err)
			}
			if facts != nil {
				t.Fatalf("facts with an error: %+v", facts)
			}
			return
		}
		if facts == nil {
			t.Fatal("nil facts without an error")
		}
		if strings.TrimSpace(text) == "" {
			t.Fatal("facts from a blank text")
		}
		checkFacts(t, in, facts)
		again, err := ex.Extract(in)
		if err != nil {
			t.Fatalf("second run: %v", err)
		}
		if !reflect.DeepEqual(facts, again) {
			t.Fatalf("not deterministic:\nfirst  %+v\nsecond %+v", facts, again)
		}
	})
}

// fuzzMaxInput is the largest input (title and text) FuzzExtract reads.
const fuzzMaxInput = 64 << 10

// fuzzDeadline returns how long one Extract call may take in FuzzExtract:
// NEWSGRAPH_FUZZ_DEADLINE if set, 2 s while fuzzing, no limit otherwise.
func fuzzDeadline() time.Duration {
	if v := os.Getenv("NEWSGRAPH_FUZZ_DEADLINE"); v != "" {
		d, err := time.ParseDuration(v)
		if err == nil {
			return d
		}
	}
	if fl := flag.Lookup("test.fuzz"); fl != nil && fl.Value.String() != "" {
		return 2 * time.Second
	}
	return 0
}

// checkFacts checks what every extraction result must satisfy.
func checkFacts(t *testing.T, in Document, f *Facts) {
	t.Helper()
	text := f.Article.Text
	if text != in.Text {
		t.Fatalf("Article.Text is not the input text")
	}
	// UTF-8 validity of what is read from the text can only be asked of
	// valid input: the decoders of package source guarantee it.
	validIn := utf8.ValidString(in.Text) && utf8.ValidString(in.Title)
	name := func(what, s string) {
		t.Helper()
		if strings.TrimSpace(s) == "" {
			t.Fatalf("%s: empty name or statement %q", what, s)
		}
		if validIn && !utf8.ValidString(s) {
			t.Fatalf("%s: invalid UTF-8 %q", what, s)
		}
	}
	evidence := func(what string, e Evidence) {
		t.Helper()
		if e.Start < 0 || e.Start > e.End || e.End > len(text) {
			t.Fatalf("%s: evidence [%d, %d) out of the text's %d bytes", what, e.Start, e.End, len(text))
		}
		if text[e.Start:e.End] != e.Sentence {
			t.Fatalf("%s: evidence sentence %q is not text[%d:%d] = %q", what, e.Sentence, e.Start, e.End, text[e.Start:e.End])
		}
		if e.Rule == "" {
			t.Fatalf("%s: evidence without a rule", what)
		}
	}
	if validIn {
		for _, s := range []string{f.Article.Headline, f.Article.Date, f.Article.Publisher, f.Article.Dateline} {
			if !utf8.ValidString(s) {
				t.Fatalf("invalid UTF-8 in article metadata %q", s)
			}
		}
	}
	persons, orgs, countries := map[string]bool{}, map[string]bool{}, map[string]bool{}
	for _, p := range f.Persons {
		name("person", p.Name)
		for _, a := range p.Aliases {
			name("person alias", a)
		}
		if persons[p.Name] {
			t.Fatalf("person %q listed twice", p.Name)
		}
		persons[p.Name] = true
	}
	for _, o := range f.Organisations {
		name("organisation", o.Name)
		for _, a := range o.Aliases {
			name("organisation alias", a)
		}
		if orgs[o.Name] {
			t.Fatalf("organisation %q listed twice", o.Name)
		}
		orgs[o.Name] = true
	}
	for _, c := range f.Countries {
		name("country", c.Name)
		if countries[c.Name] {
			t.Fatalf("country %q listed twice", c.Name)
		}
		countries[c.Name] = true
	}
	entity := func(what, s string) {
		t.Helper()
		if !persons[s] && !orgs[s] && !countries[s] {
			t.Fatalf("%s: %q is not a listed person, organisation or country", what, s)
		}
	}
	for _, a := range f.Affiliations {
		if !persons[a.Person] {
			t.Fatalf("affiliation of unlisted person %q", a.Person)
		}
		name("affiliation organisation", a.Organisation)
		if a.IsCountry && !countries[a.Organisation] || !a.IsCountry && !orgs[a.Organisation] {
			t.Fatalf("affiliation with unlisted %q (country: %v)", a.Organisation, a.IsCountry)
		}
		if validIn && !utf8.ValidString(a.Role) {
			t.Fatalf("affiliation: invalid UTF-8 role %q", a.Role)
		}
		evidence("affiliation", a.Evidence)
	}
	for _, c := range f.Claims {
		if !persons[c.Person] {
			t.Fatalf("claim of unlisted person %q", c.Person)
		}
		name("claim statement", c.Statement)
		if c.Kind != Direct && c.Kind != Indirect {
			t.Fatalf("claim of kind %q", c.Kind)
		}
		for _, m := range c.Mentions {
			entity("claim mention", m)
		}
		evidence("claim", c.Evidence)
	}
	for _, p := range f.Positions {
		if !countries[p.Country] {
			t.Fatalf("position of unlisted country %q", p.Country)
		}
		if p.Stance != Supports && p.Stance != Opposes {
			t.Fatalf("position of stance %q", p.Stance)
		}
		name("position issue", p.Issue)
		if p.Speaker != "" && !persons[p.Speaker] {
			t.Fatalf("position of unlisted speaker %q", p.Speaker)
		}
		for _, m := range p.Mentions {
			entity("position mention", m)
		}
		evidence("position", p.Evidence)
	}
}

// TestExtractPathological runs the extractor on inputs built to be slow
// or deep: it must finish and give valid facts. The deadline guards against
// hangs, not speed; the time each input takes is logged (go test -v) as a
// signal of anything worse than linear. With -short the large inputs are
// an eighth of their size.
func TestExtractPathological(t *testing.T) {
	ex, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	scale := 1
	if testing.Short() {
		scale = 8
	}
	const lead = "Talks on the islands resume\n\n" +
		"TOKYO, March 20 (Wire) - Russian Foreign Minister Sergey Lavrov said on Monday that Russia supports talks with Japan on joint economic activities in the islands.\n\n"
	sentence := "Japanese Foreign Minister Fumio Kishida said the “two-plus-two” talks were useful and that Japan supports closer ties with Russia. "
	for _, c := range []struct {
		name string
		text func() string
	}{
		{"unbalanced-quotes-3000", func() string {
			// marks of every kind, none of them closed where it should be
			return lead + strings.Repeat("“ Lavrov \" said ” ' « Kishida ‘ ", 500) + "ended.\n\nJapan agreed, Kishida said.\n"
		}},
		{"unclosed-quote-paragraphs-2000", func() string {
			var sb strings.Builder
			sb.WriteString(lead)
			for i := range 2000 {
				fmt.Fprintf(&sb, "“Russia supports point %d of the plan, and so does Japan, Lavrov said.\n\n", i)
			}
			return sb.String()
		}},
		{"repeated-sentence-2MB", func() string {
			return lead + strings.Repeat(sentence, (2<<20)/scale/len(sentence))
		}},
		{"capitalised-words-100k", func() string {
			var sb strings.Builder
			sb.WriteString(lead)
			words := []string{"Alpha ", "Bravo ", "Charlie ", "Delta ", "Sergey ", "Lavrov ", "Russia ", "Foreign ", "Minister ", "Japan "}
			for i := range 100000 / scale {
				sb.WriteString(words[i%len(words)])
			}
			return sb.String() + "said the talks were useful.\n"
		}},
		{"commas-200k", func() string {
			return lead + "Lavrov said " + strings.Repeat(",", 200000/scale) + " that Russia supports the talks.\n\n" +
				strings.Repeat(",", 200000/scale) + "\n\nKishida said Japan supports them too.\n"
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			in := Document{ID: c.name, Text: c.text()}
			var (
				facts *Facts
				xerr  error
				el    time.Duration
				cpu   time.Duration
			)
			done := make(chan struct{})
			go func() {
				defer close(done)
				t0, c0 := time.Now(), processCPU()
				facts, xerr = ex.Extract(in)
				el, cpu = time.Since(t0), processCPU()-c0
			}()
			select {
			case <-done:
			case <-time.After(20 * time.Second):
				t.Fatalf("Extract of %d bytes did not finish in 20 s", len(in.Text))
			}
			if xerr != nil {
				t.Fatal(xerr)
			}
			t.Logf("%d bytes: %v (CPU %v); %d persons, %d countries, %d claims, %d positions",
				len(in.Text), el, cpu, len(facts.Persons), len(facts.Countries), len(facts.Claims), len(facts.Positions))
			checkFacts(t, in, facts)
		})
	}
}
