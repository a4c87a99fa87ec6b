package main

import (
	"context"
	"fmt"
	"io"
	"sort"

	"github.com/newsgraph/newsgraph/graph"
)

func runStats(ctx context.Context, args []string, out, errOut io.Writer) error {
	fs := newFlags("stats", errOut)
	var st storeFlags
	st.register(fs)
	top := fs.Int("top", 10, "how many entities and speakers to rank")
	if err := parse(fs, args); err != nil {
		return err
	}
	s, err := st.open(ctx, true)
	if err != nil {
		return err
	}
	defer s.Close()
	stats, err := graph.GraphStats(ctx, s.QuadStore, *top)
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "quads: %d\n\nnodes by type:\n", stats.Quads)
	var types []string
	for t := range stats.Counts {
		types = append(types, t)
	}
	sort.Strings(types)
	for _, t := range types {
		fmt.Fprintf(out, "  %-18s %d\n", t, stats.Counts[t])
	}
	fmt.Fprintf(out, "\nmost-mentioned entities (articles naming them):\n")
	for _, r := range stats.Mentioned {
		fmt.Fprintf(out, "  %6d  %s\n", r.Count, r.Name)
	}
	fmt.Fprintf(out, "\nmost-quoted speakers (claims):\n")
	for _, r := range stats.Quoted {
		fmt.Fprintf(out, "  %6d  %s\n", r.Count, r.Name)
	}
	return nil
}
