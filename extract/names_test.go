package extract

import "testing"

// TestSimilarWord checks which surnames are one person's written two ways:
// transliterations and one edit inside a longer name, but not two names
// that differ in their first letter ("Google" is no "Koogle").
func TestSimilarWord(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"Shoygu", "Shoigu", true},
		{"Sergey", "Sergei", true},
		{"Koogle", "Google", false},
		{"Hale", "Bale", false},
		{"Brown", "Browne", true},
		{"Smith", "Smyth", true},
	}
	for _, tt := range tests {
		if got := similarWord(tt.a, tt.b); got != tt.want {
			t.Errorf("similarWord(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
		if got := similarFolded(foldName(tt.a), foldName(tt.b)); got != tt.want {
			t.Errorf("similarFolded(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}
