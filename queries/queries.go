// Package queries holds newsgraph's canned Gizmo queries, one .js file
// each, embedded in the binary. A query's first line is a comment giving
// its one-line description: "// persons: every person ...".
package queries

import (
	"embed"
	"fmt"
	"io/fs"
	"sort"
	"strings"
)

//go:embed *.js
var files embed.FS

// Query is a canned query.
type Query struct {
	Name        string
	Description string
	Script      string
	// Visual is true for queries that tag "source" and "target" for the
	// web UI's Visualize page.
	Visual bool
}

// All returns the canned queries sorted by name.
func All() []Query {
	entries, err := fs.ReadDir(files, ".")
	if err != nil {
		panic(err) // embedded: cannot fail
	}
	var out []Query
	for _, e := range entries {
		q, err := Get(strings.TrimSuffix(e.Name(), ".js"))
		if err != nil {
			panic(err)
		}
		out = append(out, q)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// Get returns the canned query called name.
func Get(name string) (Query, error) {
	b, err := files.ReadFile(name + ".js")
	if err != nil {
		return Query{}, fmt.Errorf("no canned query %q (newsgraph query --list shows them)", name)
	}
	script := string(b)
	first, _, _ := strings.Cut(script, "\n")
	desc := strings.TrimSpace(strings.TrimPrefix(first, "//"))
	if _, d, ok := strings.Cut(desc, ":"); ok && strings.HasPrefix(desc, name) {
		desc = strings.TrimSpace(d)
	}
	return Query{Name: name, Description: desc, Script: script, Visual: strings.Contains(script, `"source"`) && strings.Contains(script, `"target"`)}, nil
}
