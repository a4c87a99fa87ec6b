package extract

import (
	"fmt"
	"runtime"
	"strings"
	"testing"
)

var syl = []string{"ka", "lo", "mi", "ne", "ru", "to", "va", "shi", "den", "bor", "gan", "tel"}

func nameOf(i int) string {
	s := ""
	for k := 0; k < 3; k++ {
		s += syl[i%len(syl)]
		i /= len(syl)
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

const zzlead = "Talks on the islands resume\n\n" +
	"TOKYO, March 20 (Wire) - Russian Foreign Minister Sergey Lavrov said on Monday that Russia supports talks with Japan on joint economic activities in the islands.\n\n"

func zzrun(t *testing.T, name string, txt string) {
	ex, _ := Default()
	runtime.GC()
	c0 := processCPU()
	f, err := ex.Extract(Document{Text: txt})
	if err != nil {
		t.Logf("%s: %v", name, err)
		return
	}
	t.Logf("%s %d bytes: cpu %v persons=%d claims=%d positions=%d", name, len(txt), processCPU()-c0, len(f.Persons), len(f.Claims), len(f.Positions))
}

func TestZZScale3(t *testing.T) {
	for _, n := range []int{250, 500, 1000, 2000} {
		var sb strings.Builder
		sb.WriteString(zzlead)
		for i := 0; i < n; i++ {
			fmt.Fprintf(&sb, "Foreign Minister %s %s said the talks were useful. ", nameOf(i+7), nameOf(i))
		}
		sb.WriteString("\n\n")
		for i := 0; i < n; i++ {
			fmt.Fprintf(&sb, "%s agreed. ", nameOf(i))
		}
		zzrun(t, fmt.Sprintf("persons-%d", n), sb.String())
	}
	sentence := "Japanese Foreign Minister Fumio Kishida said the “two-plus-two” talks were useful and that Japan supports closer ties with Russia. "
	for _, n := range []int{256 << 10, 512 << 10, 1 << 20, 2 << 20} {
		zzrun(t, "sentence", zzlead+strings.Repeat(sentence, n/len(sentence)))
	}
	s2 := "Lavrov said Russia supports the talks. Kishida said Japan opposes the plan. "
	for _, n := range []int{64 << 10, 128 << 10, 256 << 10, 512 << 10} {
		zzrun(t, "surnames", zzlead+strings.Repeat(s2, n/len(s2)))
	}
	for _, n := range []int{64 << 10, 128 << 10, 256 << 10, 512 << 10} {
		zzrun(t, "quotes", zzlead+strings.Repeat("“ Lavrov \" said ” ' « Kishida ‘ ", n/40)+"ended.\n\nJapan agreed, Kishida said.\n")
	}
}
