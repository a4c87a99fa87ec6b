package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/newsgraph/newsgraph/bench"
)

// defaultCorpus is the corpus bench reads unless told otherwise: the
// BBC corpus, from $NEWSGRAPH_BBC_CORPUS (as the tests read it) or where
// it sits beside a checkout of the project.
func defaultCorpus() string {
	if p := os.Getenv("NEWSGRAPH_BBC_CORPUS"); p != "" {
		return p
	}
	return filepath.Join("..", "shared", "corpus", "bbc-fulltext", "articles.jsonl")
}

func runBench(ctx context.Context, args []string, out, errOut io.Writer) error {
	fs := newFlags("bench", errOut)
	var opt bench.Options
	fs.StringVar(&opt.Corpus, "corpus", defaultCorpus(), "the corpus: a JSON Lines file (or anything build reads; --repeat needs JSON Lines)")
	fs.IntVar(&opt.Repeat, "repeat", bench.DefaultRepeat, "build the corpus repeated N times too, to see that memory does not grow (1: skip)")
	fs.IntVar(&opt.Runs, "runs", bench.DefaultRuns, "runs of each timed measurement (the median is reported)")
	fs.IntVar(&opt.QueryRuns, "query-runs", bench.DefaultQueryRuns, "timed runs of each query, in process and as a process")
	fs.BoolVar(&opt.SkipProse, "skip-prose", false, "leave out the prose v2 baseline of extraction")
	fs.IntVar(&opt.ProseSample, "prose-sample", bench.DefaultProseSample, "articles prose is timed on, spread over the corpus (-1: all)")
	output := fs.StringP("out", "o", "", "also write the report (Markdown) to FILE")
	fs.StringVar(&opt.ProfileDir, "cpuprofile", "", "write CPU profiles of extraction, build, bulk load and queries into DIR")
	fs.StringVar(&opt.TempDir, "tmp", "", "directory for the stores and files made while measuring (default: the system's)")
	bulk := fs.String(bench.InternalBulkFlag, "", "internal: bulk-load an N-Quads FILE into --db (the baseline bench measures)")
	db := fs.String("db", "", "internal: the store of --"+bench.InternalBulkFlag)
	_ = fs.MarkHidden(bench.InternalBulkFlag)
	_ = fs.MarkHidden("db")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(errOut, "newsgraph bench: unexpected arguments %s (the corpus is given with --corpus)\n", strings.Join(fs.Args(), " "))
		fs.Usage()
		return errUsage
	}
	if *bulk != "" {
		if *db == "" {
			return errors.New("--" + bench.InternalBulkFlag + " needs --db")
		}
		n, took, err := bench.BulkLoad(ctx, *bulk, *db)
		if err != nil {
			return err
		}
		return bench.WriteBulkResult(out, n, took)
	}
	exe, err := os.Executable()
	if err != nil {
		return fmt.Errorf("find the newsgraph binary: %w", err)
	}
	opt.Exe = exe
	opt.Log = errOut
	rep, err := bench.Run(ctx, opt)
	if err != nil {
		if rep != nil && len(rep.Rows) > 0 {
			fmt.Fprintln(out, "Measured before the error:")
			rep.Write(out)
		}
		return err
	}
	if err := rep.Write(out); err != nil {
		return err
	}
	if *output != "" {
		f, err := os.Create(*output)
		if err != nil {
			return err
		}
		if err := rep.Write(f); err != nil {
			f.Close()
			return err
		}
		return f.Close()
	}
	return nil
}
