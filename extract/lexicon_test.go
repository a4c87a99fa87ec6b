package extract_test

import (
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/newsgraph/newsgraph/data"
	"github.com/newsgraph/newsgraph/extract"
)

// TestLoadLexiconErrors checks that a broken lexicon line is reported with
// its file and line number, for each kind of line that can be wrong.
func TestLoadLexiconErrors(t *testing.T) {
	tests := []struct {
		file, text, want string
	}{
		{"organisations.tsv", "United Nations\tUN,,U.N.\n", "organisations.tsv:1: United Nations: empty other name"},
		{"organisations.tsv", "United Nations\n", "organisations.tsv:1: want 2 tab-separated columns"},
		{"titles.tsv", "# kinds\nbody\tCommissioner\tEuropean Union\n", "titles.tsv:2: body \"Commissioner\" needs a country and a body"},
		{"titles.tsv", "rank\tCaptain\n", "titles.tsv:1: unknown kind \"rank\""},
		{"stances.tsv", "favours\t{X} backs\n", "stances.tsv:1: stance \"favours\" is neither"},
		{"given-name-gender.tsv", "# genders\nTom\tx\n", "given-name-gender.tsv:2: Tom: gender \"x\" is neither m nor f"},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			fsys := lexiconFiles(t)
			fsys[tt.file] = &fstest.MapFile{Data: []byte(tt.text)}
			_, err := extract.LoadLexicon(fsys)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("got error %v, want one containing %q", err, tt.want)
			}
		})
	}
	if _, err := extract.LoadLexicon(lexiconFiles(t)); err != nil {
		t.Fatalf("the shipped lexicon: %v", err)
	}
}

// lexiconFiles copies the shipped lexicon into a map file system.
func lexiconFiles(t *testing.T) fstest.MapFS {
	t.Helper()
	out := fstest.MapFS{}
	err := fs.WalkDir(data.Lexicons, "lexicon", func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		b, err := fs.ReadFile(data.Lexicons, p)
		out[strings.TrimPrefix(p, "lexicon/")] = &fstest.MapFile{Data: b}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}
