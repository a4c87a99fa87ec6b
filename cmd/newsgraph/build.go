package main

import (
	"context"
	"fmt"
	"io"

	"github.com/newsgraph/newsgraph/build"
	"github.com/newsgraph/newsgraph/internal/progress"
	"github.com/newsgraph/newsgraph/source"
)

func runBuild(ctx context.Context, args []string, out, errOut io.Writer) error {
	fs := newFlags("build", errOut)
	var st storeFlags
	st.register(fs)
	var opt build.Options
	fs.IntVar(&opt.Workers, "workers", 0, "extraction workers (default: one per core)")
	fs.IntVar(&opt.BatchQuads, "batch", build.DefaultBatchQuads, "quads per write transaction (whole articles)")
	quiet := fs.BoolP("quiet", "q", false, "no progress display")
	fs.Int64Var(&opt.Source.MaxArticleBytes, "max-article-size", source.DefaultMaxArticleBytes, "largest article (and JSON Lines line) read, in bytes")
	fs.Int64Var(&opt.Source.MaxLineBytes, "max-line-length", source.DefaultMaxLineBytes, "longest line of a text article, in bytes")
	fs.Int64Var(&opt.Source.MaxURLBytes, "max-url-size", source.DefaultMaxURLBytes, "largest response body read from a URL, in bytes")
	fs.DurationVar(&opt.Source.URLTimeout, "url-timeout", source.DefaultURLTimeout, "time allowed to fetch one URL")
	fs.Var(&opt.Source.Fields, "field", "JSON Lines field mapping, e.g. --field text=story --field title=hed (repeatable)")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		fmt.Fprintln(errOut, "newsgraph build: no articles given (files, folders, .jsonl corpora, URLs or -)")
		fs.Usage()
		return errUsage
	}
	s, err := st.open(ctx, false)
	if err != nil {
		return err
	}
	rep := progress.New(errOut, -1, "building", *quiet)
	opt.Progress = func(p build.Progress) { rep.Update(p.Done, p.Failed, p.Total) }
	opt.Errors = func(err error) { rep.Interrupt("newsgraph build: " + err.Error()) }
	sum, err := build.Run(ctx, s, fs.Args(), opt)
	rep.Finish()
	if cerr := s.Close(); cerr != nil && err == nil {
		err = fmt.Errorf("close store: %w", cerr)
	}
	if sum != nil {
		printSummary(out, sum)
	}
	if err != nil {
		return err
	}
	if sum.Failed > 0 {
		fmt.Fprintf(errOut, "newsgraph build: %d of %d inputs failed (see above); the others were built\n", sum.Failed, sum.Failed+sum.Articles)
		return exitError{1}
	}
	return nil
}

func printSummary(w io.Writer, s *build.Summary) {
	fmt.Fprintf(w, "articles:      %d (%d loaded, %d unchanged, %d failed)\n", s.Articles, s.Loaded, s.Unchanged, s.Failed)
	fmt.Fprintf(w, "persons:       %d\n", s.Persons)
	fmt.Fprintf(w, "organisations: %d\n", s.Organisations)
	fmt.Fprintf(w, "countries:     %d\n", s.Countries)
	fmt.Fprintf(w, "affiliations:  %d\n", s.Affiliations)
	fmt.Fprintf(w, "claims:        %d\n", s.Claims)
	fmt.Fprintf(w, "positions:     %d\n", s.Positions)
	fmt.Fprintf(w, "quads written: %d added, %d removed\n", s.QuadsAdded, s.QuadsRemoved)
	fmt.Fprintf(w, "seconds:       %.2f\n", s.Seconds)
}
