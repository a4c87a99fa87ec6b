package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/queries"
)

func runQuery(ctx context.Context, args []string, out, errOut io.Writer) error {
	fs := newFlags("query", errOut)
	var st storeFlags
	st.register(fs)
	format := fs.String("format", "jsonl", "output: jsonl (one JSON object per line) or table")
	limit := fs.Int("limit", 0, "at most N rows (0: all)")
	params := fs.StringToString("param", nil, "a parameter for the script, as params.KEY (repeatable: --param entity=Putin)")
	timeout := fs.Duration("timeout", 30*time.Second, "stop the query after this long")
	list := fs.Bool("list", false, "list the canned queries")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *list {
		tw := tabwriter.NewWriter(out, 0, 4, 2, ' ', 0)
		for _, q := range queries.All() {
			fmt.Fprintf(tw, "%s\t%s\n", q.Name, q.Description)
		}
		return tw.Flush()
	}
	if fs.NArg() != 1 {
		fmt.Fprintln(errOut, "newsgraph query: give one canned query name, a .js file or - (newsgraph query --list shows the canned ones)")
		fs.Usage()
		return errUsage
	}
	if *format != "jsonl" && *format != "table" {
		fmt.Fprintf(errOut, "newsgraph query: unknown --format %q (jsonl or table)\n", *format)
		return errUsage
	}
	name, script, err := loadScript(fs.Arg(0))
	if err != nil {
		return err
	}
	s, err := st.open(ctx, true)
	if err != nil {
		return err
	}
	defer s.Close()
	opt := graph.QueryOptions{Limit: *limit, Timeout: *timeout, Params: *params}
	var truncated bool
	switch *format {
	case "jsonl":
		enc := json.NewEncoder(out)
		enc.SetEscapeHTML(false)
		err = graph.QueryEach(ctx, s.QuadStore, script, opt, func(row map[string]any) error { return enc.Encode(row) }, &truncated)
	case "table":
		var res *graph.QueryResult
		res, err = graph.Query(ctx, s.QuadStore, script, opt)
		if err == nil {
			truncated = res.Truncated
			err = writeTable(out, res.Rows)
		}
	}
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	if truncated {
		fmt.Fprintf(errOut, "newsgraph query: results cut at --limit %d\n", *limit)
	}
	return nil
}

// loadScript reads a canned query, a script file or standard input.
func loadScript(arg string) (name, script string, err error) {
	switch {
	case arg == "-":
		b, err := io.ReadAll(io.LimitReader(os.Stdin, 1<<20))
		if err != nil {
			return "", "", fmt.Errorf("read script from stdin: %w", err)
		}
		return "stdin", string(b), nil
	case strings.HasSuffix(arg, ".js") || strings.ContainsRune(arg, os.PathSeparator):
		b, err := os.ReadFile(arg)
		if err != nil {
			return "", "", fmt.Errorf("read script: %w", err)
		}
		return arg, string(b), nil
	default:
		q, err := queries.Get(arg)
		if err != nil {
			return "", "", err
		}
		return q.Name, q.Script, nil
	}
}

// writeTable prints rows as aligned columns.
func writeTable(w io.Writer, rows []map[string]any) error {
	cols := graph.Columns(rows, []string{"name", "person", "country", "organisation", "role", "current", "stance", "issue", "kind", "statement", "article", "headline", "date", "publisher"})
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, strings.Join(cols, "\t"))
	for _, r := range rows {
		cells := make([]string, len(cols))
		for i, c := range cols {
			cells[i] = cell(r[c])
		}
		fmt.Fprintln(tw, strings.Join(cells, "\t"))
	}
	return tw.Flush()
}

func cell(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		x = strings.ReplaceAll(x, "\t", " ")
		if len(x) > 80 {
			x = x[:77] + "..."
		}
		return x
	case []any:
		parts := make([]string, len(x))
		for i, e := range x {
			parts[i] = cell(e)
		}
		return strings.Join(parts, "; ")
	default:
		return fmt.Sprint(x)
	}
}
