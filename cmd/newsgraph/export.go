package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/newsgraph/newsgraph/graph"
)

func runExport(ctx context.Context, args []string, out, errOut io.Writer) error {
	fs := newFlags("export", errOut)
	var st storeFlags
	st.register(fs)
	format := fs.String("format", "nquads", "nquads (sorted, each quad labelled with its article) or jsonld")
	output := fs.StringP("output", "o", "", "write to FILE instead of standard output")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		fs.Usage()
		return errUsage
	}
	s, err := st.open(ctx, true)
	if err != nil {
		return err
	}
	defer s.Close()
	if *output == "" {
		bw := bufio.NewWriter(out)
		if err := graph.Export(ctx, s.QuadStore, bw, *format); err != nil {
			return err
		}
		return bw.Flush()
	}
	// write next to the target, then rename: no half-written export
	tmp, err := os.CreateTemp(filepath.Dir(*output), ".newsgraph-export-*")
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	defer os.Remove(tmp.Name())
	bw := bufio.NewWriter(tmp)
	if err := graph.Export(ctx, s.QuadStore, bw, *format); err != nil {
		tmp.Close()
		return err
	}
	if err := bw.Flush(); err != nil {
		tmp.Close()
		return fmt.Errorf("write %s: %w", *output, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("write %s: %w", *output, err)
	}
	return os.Rename(tmp.Name(), *output)
}
