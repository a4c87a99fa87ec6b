package extract_test

import (
	"slices"
	"testing"
)

// TestOrganisationNames checks organisation names that join two fields
// with "and", and pairs of names that must stay apart.
func TestOrganisationNames(t *testing.T) {
	tests := []struct {
		name, text string
		want, not  []string
	}{
		{
			name: "after the",
			text: "The report was sent to the Food and Agriculture Organisation on Monday.",
			want: []string{"Food and Agriculture Organisation"},
			not:  []string{"Agriculture Organisation"},
		},
		{
			name: "acronym in the article",
			text: "The firm is facing Securities and Exchange Commission investigations. The SEC declined to comment.",
			want: []string{"Securities and Exchange Commission"},
			not:  []string{"Exchange Commission", "Securities"},
		},
		{
			name: "at the start of a sentence",
			text: "Ministers met union leaders on Monday.\n\nPublic and Commercial Services Union members have voted to strike, the PCS said.",
			want: []string{"Public and Commercial Services Union"},
			not:  []string{"and Commercial Services Union", "Commercial Services Union"},
		},
		{
			name: "an irregular plural's possessive inside the name",
			text: "More than one in ten of the state-owned People's Bank customers were hit. The Women's Widget Association agreed.",
			want: []string{"People's Bank", "Women's Widget Association"},
			not:  []string{"'s Bank", "Bank", "'s Widget Association", "Widget Association"},
		},
		{
			name: "a research firm, a trophy, a ballet company, a newspaper, a yard",
			text: "Tom Hale of Kestwick Research said sales rose. The Brekvik Trophy went to Leeds. The Kestwick Ballet toured. Anna Berg told the Jewish Chronicle she agreed. Brekvik Yard said there had been 11 arrests.",
			want: []string{"Kestwick Research", "Brekvik Trophy", "Kestwick Ballet", "Jewish Chronicle", "Brekvik Yard"},
		},
		{
			name: "two organisations",
			text: "Officials at the Electoral Commission and National Union of Journalists met on Monday.",
			want: []string{"Electoral Commission"},
			not:  []string{"Electoral Commission and National Union of Journalists"},
		},
		{
			name: "not a day",
			text: "The plan was put to the Competition Commission on Monday.",
			want: []string{"Competition Commission"},
		},
		{
			name: "an acronym and an organisation",
			text: "Delegates from the IMF and World Bank met in Washington on Monday.",
			want: []string{"World Bank"},
			not:  []string{"IMF and World Bank"},
		},
		{
			name: "two titles sharing a head",
			text: "He began the year as holder of the Wimbledon and Masters Cup titles.",
			not:  []string{"Wimbledon and Masters Cup"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var names []string
			for _, o := range extractText(t, tt.name, tt.text).Organisations {
				names = append(names, o.Name)
			}
			for _, w := range tt.want {
				if !slices.Contains(names, w) {
					t.Errorf("no organisation %q in %q", w, names)
				}
			}
			for _, n := range tt.not {
				if slices.Contains(names, n) {
					t.Errorf("organisation %q found in %q", n, names)
				}
			}
		})
	}
}
