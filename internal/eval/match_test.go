package eval

import (
	"slices"
	"sort"
	"testing"
)

// The expected values below were produced by /work/shared/eval/score.py.

func TestNorm(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Sergey Lavrov", "sergey lavrov"},
		{"  Sérgéy  LAVRÓV ", "sergey lavrov"},
		{"Abe’s visit", "abe visit"},
		{"Abe's", "abe"},
		{"Abe'sx", "abe sx"},
		{"<Russia>", "russia"},
		{"<Russia", "russia"},
		{"U.S.-Japan alliance", "u s japan alliance"},
		{"two-plus-two", "two plus two"},
		{"„Zitat“ “quoted” ‘single’", "zitat quoted single"},
		{"ﬁnance №5", "finance no5"},
		{"Ｔｏｋｙｏ", "tokyo"},
		{"Lavrov's's", "lavrov"},
		{"it's_", "it s"},
		{"'s", ""},
		{"Straße", "stra e"},
		{"Æsir Øresund", "sir resund"},
		{"Ελλάδα", ""},
		{"x\u00a0y", "x y"},
		{"x\u2028y", "x y"},
		{"<>", ""},
		{"", ""},
		{"Shoigu,  Sergei", "shoigu sergei"},
		{"Kim Jong-un's", "kim jong un"},
		{"1,000 troops", "1 000 troops"},
		{"ǅemal", "dzemal"},
		{"x'sд y", "x s y"}, // д is a word character: no \b after 's
		{"x's1", "x s1"},
	}
	for _, tt := range tests {
		if got := Norm(tt.in); got != tt.want {
			t.Errorf("Norm(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestStem(t *testing.T) {
	tests := []struct{ in, want string }{
		{"ties", "tie"}, {"lies", "lie"}, {"series", "sery"}, {"bus", "bus"}, {"glass", "glass"},
		{"gas", "gas"}, {"news", "new"}, {"is", "is"}, {"companies", "company"}, {"talks", "talk"},
		{"as", "as"}, {"ss", "ss"}, {"yes", "yes"},
	}
	for _, tt := range tests {
		if got := Stem(tt.in); got != tt.want {
			t.Errorf("Stem(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func TestCountryizeAndTokens(t *testing.T) {
	tests := []struct {
		in, country     string
		ctoks, plainTok []string
	}{
		{"Russian side", "russia side", []string{"russia", "side"}, []string{"russian", "side"}},
		{"the Japanese government", "the japan government", []string{"government", "japan"}, []string{"government", "japanese"}},
		{"U.S. missile defense", "usa missile defense", []string{"defense", "missile", "usa"}, []string{"defense", "missile", "s", "u"}},
		{"United States of America", "usa", []string{"usa"}, []string{"america", "state", "united"}},
		{"Russian Federation", "russia", []string{"russia"}, []string{"federation", "russian"}},
		{"us us us", "usa us usa", []string{"us", "usa"}, []string{"us"}},
		{"Moscow and Tokyo", "russia and japan", []string{"japan", "russia"}, []string{"moscow", "tokyo"}},
		{"North Korean missiles", "north korea missiles", []string{"korea", "missile", "north"}, []string{"korean", "missile", "north"}},
		{"the European Union", "the eu", []string{"eu"}, []string{"european", "union"}},
		{"New Delhi talks", "india talks", []string{"india", "talk"}, []string{"delhi", "new", "talk"}},
		{"russians", "russia", []string{"russia"}, []string{"russian"}},
		{"Great Britain", "uk", []string{"uk"}, []string{"britain", "great"}},
		{"", "", []string{}, []string{}},
		{"Americans", "usa", []string{"usa"}, []string{"american"}},
	}
	for _, tt := range tests {
		if got := Countryize(tt.in); got != tt.country {
			t.Errorf("Countryize(%q) = %q, want %q", tt.in, got, tt.country)
		}
		if got := sortedKeys(Tokens(tt.in, true)); !slices.Equal(got, tt.ctoks) {
			t.Errorf("Tokens(%q, true) = %q, want %q", tt.in, got, tt.ctoks)
		}
		if got := sortedKeys(Tokens(tt.in, false)); !slices.Equal(got, tt.plainTok) {
			t.Errorf("Tokens(%q, false) = %q, want %q", tt.in, got, tt.plainTok)
		}
	}
}

func TestCountryOrder(t *testing.T) {
	// sorted(COUNTRY, key=len, reverse=True) in Python 3.
	want := []string{"united states of america", "russian federation", "united kingdom", "european union",
		"united states", "great britain", "north korean", "south korean", "washington", "americans", "pyongyang",
		"ukrainian", "new delhi", "russians", "japanese", "american", "damascus", "russian", "kremlin", "america",
		"chinese", "beijing", "british", "britain", "iranian", "turkish", "moscow", "london", "german", "berlin",
		"french", "syrian", "tehran", "ankara", "indian", "tokyo", "seoul", "paris", "u.s.", "dprk", "kiev", "kyiv",
		"u.s", "usa", "prc", "us", "uk", "eu"}
	if len(countryReplacements) != len(want) {
		t.Fatalf("%d replacements, want %d", len(countryReplacements), len(want))
	}
	for i, k := range want {
		if got := countryReplacements[i][0]; got != " "+Norm(k)+" " {
			t.Errorf("replacement %d is %q, want key %q", i, got, k)
		}
	}
}

func TestEditWithin(t *testing.T) {
	tests := []struct {
		a, b string
		k    int
		want bool
	}{
		{"shoigu", "shoygu", 1, true}, {"lavrov", "lavrova", 1, true}, {"abe", "abe", 0, true},
		{"sergey", "sergei", 2, true}, {"kishida", "kashida", 1, true}, {"ab", "ba", 1, false},
		{"ab", "ba", 2, true}, {"", "a", 1, true}, {"", "ab", 1, false}, {"inada", "inadaxx", 1, false},
		{"kitten", "sitting", 3, true}, {"kitten", "sitting", 2, false},
	}
	for _, tt := range tests {
		if got := EditWithin(tt.a, tt.b, tt.k); got != tt.want {
			t.Errorf("EditWithin(%q, %q, %d) = %v, want %v", tt.a, tt.b, tt.k, got, tt.want)
		}
	}
}

func TestNameParts(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Prime Minister Abe", []string{"abe"}},
		{"Former Defense Minister Sergey Shoygu", []string{"sergey", "shoygu"}},
		{"Dr. James Brown", []string{"james", "brown"}},
		{"The King", nil},
		{"Mr Trump", []string{"trump"}},
	}
	for _, tt := range tests {
		if got := NameParts(tt.in); !slices.Equal(got, tt.want) {
			t.Errorf("NameParts(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestPersonMatch(t *testing.T) {
	shoygu := GoldPerson{Name: "Sergey Shoygu", Aliases: []string{"Sergei Shoigu", "Shoigu", "Shoygu"}}
	abe := GoldPerson{Name: "Shinzo Abe", Aliases: []string{"Abe", "Prime Minister Abe"}}
	trump := GoldPerson{Name: "Trump", Aliases: []string{"President Trump", "Donald Trump"}}
	lavrov := GoldPerson{Name: "Sergey Lavrov", Aliases: []string{"Lavrov"}}
	tests := []struct {
		gold GoldPerson
		pred string
		want bool
	}{
		{shoygu, "Shoigu", true}, {shoygu, "Sergei Shoigu", true}, {shoygu, "S. Shoigu", true},
		{shoygu, "Sergey Shoyguu", true}, {shoygu, "Igor Shoigu", true},
		{abe, "Prime Minister Abe", true}, {abe, "Abe's", true}, {abe, "Akie Abe", true}, {abe, "Abel", true},
		{abe, "Shinzo", false},
		{trump, "Donald J. Trump", true}, {trump, "Melania Trump", true}, {trump, "Mr. Trump", true},
		{lavrov, "Lavrov", true}, {lavrov, "Sergei Lavrov", true}, {lavrov, "Lavrova", true},
		{lavrov, "Minister", false}, {lavrov, "", false}, {lavrov, "Lavrov Sergey", false},
		{GoldPerson{Name: "The President"}, "President", false},
	}
	for _, tt := range tests {
		if got := PersonMatch(tt.gold, tt.pred); got != tt.want {
			t.Errorf("PersonMatch(%q, %q) = %v, want %v", tt.gold.Name, tt.pred, got, tt.want)
		}
	}
}

func TestOrgMatch(t *testing.T) {
	tests := []struct {
		gold, pred string
		want       bool
	}{
		{"Russia", "Russian side", true},
		{"Russia", "Moscow", true},
		{"Russia", "the Kremlin", true},
		{"Japan", "Japanese government", true},
		{"Temple University, Japan Campus", "Temple University", true},
		{"Temple University, Japan Campus", "Temple", false},
		{"Japan Forum for Strategic Studies", "Forum for Strategic Studies", true},
		{"National Defense Academy", "Defense Academy of Japan", true},
		{"Research Institute for Peace and Security", "Institute for Peace", true},
		{"US Marines", "Marines", true},
		{"US", "U.S.", true},
		{"United States", "America", true},
		{"Nagoya Keizai University", "Nagoya University", true},
		{"Russia", "Japan", false},
		{"Russia", "", false},
		{"the", "the", false},
		{"Research Institute for Peace and Security", "Peace Research", true},
		{"A B C D", "A B X Y", false},
		{"A B C", "A B X Y", false},
	}
	for _, tt := range tests {
		if got := OrgMatch(tt.gold, tt.pred); got != tt.want {
			t.Errorf("OrgMatch(%q, %q) = %v, want %v", tt.gold, tt.pred, got, tt.want)
		}
	}
}

func TestTextMatch(t *testing.T) {
	tests := []struct {
		gold, pred string
		rg, rp     float64
		want       bool
	}{
		{"the results were mixed", "the results were mixed", 0.6, 0.6, true},
		{"the results were mixed", "results", 0.6, 0.6, false},
		{"the parties have accumulated a lot of important topics", "the parties accumulated topics", 0.6, 0.6, true},
		{"the parties have accumulated a lot of important topics",
			"parties have accumulated a lot of important topics that need discussion and development of common positions", 0.6, 0.6, false},
		{"missile defence", "missile defense", 0.5, 0.3, true},
		{"US missile defense systems in Asia", "American missile defense", 0.5, 0.3, true},
		{"sanctions on Russia", "sanctions against Moscow", 0.5, 0.3, true},
		{"sanctions on Russia", "sanctions", 0.5, 0.3, true},
		{"sanctions on Russia", "", 0.5, 0.3, false},
		{"a b c d e", "a b c", 0.6, 0.6, false},
		{"a b c d e", "a b c f g", 0.6, 0.6, false},
		{"one two three four five", "one two three x y z w", 0.6, 0.6, false},
	}
	for _, tt := range tests {
		if got := TextMatch(tt.gold, tt.pred, tt.rg, tt.rp); got != tt.want {
			t.Errorf("TextMatch(%q, %q, %v, %v) = %v, want %v", tt.gold, tt.pred, tt.rg, tt.rp, got, tt.want)
		}
	}
}
