package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"

	"github.com/cayleygraph/quad/nquads"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/source"
)

func runExtract(ctx context.Context, args []string, out, errOut io.Writer) error {
	fs := newFlags("extract", errOut)
	format := fs.String("format", "json", "output: json (the facts) or nquads (the quads build would write)")
	explain := fs.Bool("explain", false, "print each fact with the rule that produced it and its evidence")
	var sopt source.Options
	fs.Var(&sopt.Fields, "field", "JSON Lines field mapping, e.g. --field text=story (repeatable)")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return errUsage
	}
	if *format != "json" && *format != "nquads" {
		fmt.Fprintf(errOut, "newsgraph extract: unknown --format %q (json or nquads)\n", *format)
		return errUsage
	}
	ex, err := extract.Default()
	if err != nil {
		return err
	}
	rd, err := source.Open(ctx, fs.Args(), sopt)
	if err != nil {
		return err
	}
	defer rd.Close()
	failed := 0
	for it := range rd.All() {
		if it.Err != nil {
			fmt.Fprintf(errOut, "newsgraph extract: %v\n", it.Err)
			failed++
			continue
		}
		f, err := ex.Extract(it.Doc)
		if err != nil {
			fmt.Fprintf(errOut, "newsgraph extract: %s: %v\n", it.Origin, err)
			failed++
			continue
		}
		switch {
		case *explain:
			explainFacts(out, f)
		case *format == "json":
			enc := json.NewEncoder(out)
			enc.SetIndent("", "  ")
			enc.SetEscapeHTML(false)
			if err := enc.Encode(f); err != nil {
				return err
			}
		default:
			w := nquads.NewWriter(out)
			if _, err := w.WriteQuads(graph.ArticleQuads(f, graph.NewIndex().Resolve(f), extract.Version())); err != nil {
				return err
			}
			if err := w.Close(); err != nil {
				return err
			}
		}
	}
	if err := rd.Err(); err != nil {
		return err
	}
	if failed > 0 {
		return exitError{1}
	}
	return nil
}

// explainFacts prints every fact with the rule that produced it and the
// evidence it was read from, with the evidence's offsets in the text.
func explainFacts(w io.Writer, f *extract.Facts) {
	a := f.Article
	fmt.Fprintf(w, "article %s\n  headline:  %s\n  date:      %s\n  publisher: %s\n", a.ID, a.Headline, a.Date, a.Publisher)
	if a.Dateline != "" {
		fmt.Fprintf(w, "  dateline:  %s\n", a.Dateline)
	}
	fmt.Fprintln(w, "\npersons")
	for _, p := range f.Persons {
		fmt.Fprintf(w, "  %s", p.Name)
		if len(p.Aliases) > 0 {
			fmt.Fprintf(w, " (also %q)", p.Aliases)
		}
		fmt.Fprintf(w, ", %d mentions\n", p.Mentions)
	}
	fmt.Fprintln(w, "\norganisations")
	for _, o := range f.Organisations {
		fmt.Fprintf(w, "  %s %q\n", o.Name, o.Aliases)
	}
	fmt.Fprintln(w, "\ncountries")
	for _, c := range f.Countries {
		fmt.Fprintf(w, "  %s %q, %d mentions\n", c.Name, c.Aliases, c.Mentions)
	}
	ev := func(e extract.Evidence) {
		fmt.Fprintf(w, "      rule:     %s\n      evidence: [%d:%d] %q\n", e.Rule, e.Start, e.End, e.Sentence)
	}
	fmt.Fprintln(w, "\naffiliations")
	for _, x := range f.Affiliations {
		state := "current"
		if !x.Current {
			state = "former"
		}
		fmt.Fprintf(w, "  %s — %s — %s (%s)\n", x.Person, x.Role, x.Organisation, state)
		ev(x.Evidence)
	}
	fmt.Fprintln(w, "\nclaims")
	for _, x := range f.Claims {
		fmt.Fprintf(w, "  %s (%s): %q\n", x.Person, x.Kind, x.Statement)
		ev(x.Evidence)
	}
	fmt.Fprintln(w, "\npositions")
	for _, x := range f.Positions {
		fmt.Fprintf(w, "  %s %s %q\n", x.Country, x.Stance, x.Issue)
		ev(x.Evidence)
	}
}
