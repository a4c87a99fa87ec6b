package extract

import (
	"slices"
	"strings"
	"testing"
)

// TestFieldsUpTo checks that fieldsUpTo splits as strings.Fields does, up
// to n fields, and says whether more follow.
func TestFieldsUpTo(t *testing.T) {
	tests := []struct {
		s string
		n int
	}{
		{"", 3},
		{"   ", 3},
		{"one", 3},
		{" one  two\tthree\n", 3},
		{"one two three four", 3},
		{"one\u00a0two\u2003three", 2}, // non-ASCII spaces
		{"Zürich’s café  déjà-vu", 5},
		{"a b c d e f g h i j k l", 11},
	}
	for _, tt := range tests {
		got, more := fieldsUpTo(tt.s, tt.n)
		all := strings.Fields(tt.s)
		want := all[:min(tt.n, len(all))]
		if !slices.Equal(got, want) || more != (len(all) > tt.n) {
			t.Errorf("fieldsUpTo(%q, %d) = %q, %v; want %q, %v", tt.s, tt.n, got, more, want, len(all) > tt.n)
		}
	}
}
