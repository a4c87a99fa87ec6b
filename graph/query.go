package graph

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/query"
	"github.com/cayleygraph/cayley/query/gizmo"
)

// QueryOptions limit a query.
type QueryOptions struct {
	// Limit is the most rows returned; 0 means no limit.
	Limit int
	// Timeout stops a query that runs longer; 0 means none.
	Timeout time.Duration
	// Params are given to the script as the object "params".
	Params map[string]string
}

// QueryResult is what a query returned.
type QueryResult struct {
	Rows []map[string]any
	// Truncated is true when there were more rows than the limit.
	Truncated bool
}

// ErrTimeout is returned when a query runs out of time.
var ErrTimeout = errors.New("query timed out")

// QueryError is a Gizmo script that did not compile or failed while
// running, with the position in the script when known.
type QueryError struct {
	Line, Column int // 1-based; 0 when unknown
	Msg          string
}

func (e *QueryError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("gizmo: line %d, column %d: %s", e.Line, e.Column, e.Msg)
	}
	return "gizmo: " + e.Msg
}

// prelude defines the script's parameters; it takes one line, which
// error positions are corrected for.
func prelude(params map[string]string) string {
	if params == nil {
		params = map[string]string{}
	}
	b, _ := json.Marshal(params)
	return "var params = " + string(b) + ";\n"
}

// Query runs a Gizmo script on qs. Each result row is an object: the
// values the script tagged or emitted. A session is made per query (a
// Gizmo session cannot be used twice).
func Query(ctx context.Context, qs graph.QuadStore, script string, opt QueryOptions) (*QueryResult, error) {
	res := &QueryResult{}
	err := QueryEach(ctx, qs, script, opt, func(row map[string]any) error {
		res.Rows = append(res.Rows, row)
		return nil
	}, &res.Truncated)
	if err != nil {
		return nil, err
	}
	return res, nil
}

// QueryEach runs a Gizmo script and calls fn for each row as it comes;
// truncated, if not nil, is set when the limit cut the results.
func QueryEach(ctx context.Context, qs graph.QuadStore, script string, opt QueryOptions, fn func(map[string]any) error, truncated *bool) error {
	if opt.Timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, opt.Timeout)
		defer cancel()
	}
	sess := gizmo.NewSession(qs)
	qopt := query.Options{Collation: query.JSON}
	if opt.Limit > 0 {
		qopt.Limit = opt.Limit + 1 // one more, to know whether it was cut
	}
	it, err := sess.Execute(ctx, prelude(opt.Params)+script, qopt)
	if err != nil {
		return scriptError(err)
	}
	defer closeResults(it)
	n := 0
	for it.Next(ctx) {
		row := toRow(it.Result())
		if row == nil {
			continue
		}
		if opt.Limit > 0 && n >= opt.Limit {
			if truncated != nil {
				*truncated = true
			}
			return nil
		}
		n++
		if err := fn(row); err != nil {
			return err
		}
	}
	if err := it.Err(); err != nil {
		if errors.Is(err, context.DeadlineExceeded) || ctx.Err() != nil {
			return fmt.Errorf("%w after %s", ErrTimeout, opt.Timeout)
		}
		return scriptError(err)
	}
	return nil
}

// closeResults stops a query and waits until its script has stopped: the
// store must not be closed while the script still reads it (bbolt would
// wait forever for its read transaction).
func closeResults(it query.Iterator) {
	it.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	for it.Next(ctx) {
	}
}

// toRow turns a Gizmo result into a row.
func toRow(v any) map[string]any {
	switch r := v.(type) {
	case map[string]any:
		delete(r, "$_")
		return r
	case map[string]string:
		out := make(map[string]any, len(r))
		for k, s := range r {
			out[k] = s
		}
		return out
	case nil:
		return nil
	default:
		return map[string]any{"value": r}
	}
}

var (
	reLine    = regexp.MustCompile(`Line (\d+):(\d+)`)
	reAtPos   = regexp.MustCompile(`at <eval>:(\d+):(\d+)\(\d+\)|<eval>:(\d+):(\d+)`)
	reAnonPos = regexp.MustCompile(`\(anonymous\): `)
)

// scriptError makes a goja error a QueryError with the position in the
// user's script (the prelude line taken off).
func scriptError(err error) error {
	msg := err.Error()
	qe := &QueryError{}
	if m := reLine.FindStringSubmatch(msg); m != nil {
		qe.Line, _ = strconv.Atoi(m[1])
		qe.Column, _ = strconv.Atoi(m[2])
		msg = strings.TrimSpace(reLine.ReplaceAllString(msg, ""))
	} else if m := reAtPos.FindStringSubmatch(msg); m != nil {
		l, c := m[1], m[2]
		if l == "" {
			l, c = m[3], m[4]
		}
		qe.Line, _ = strconv.Atoi(l)
		qe.Column, _ = strconv.Atoi(c)
		msg = strings.TrimSpace(reAtPos.ReplaceAllString(msg, ""))
	}
	if qe.Line > 0 {
		qe.Line-- // the prelude
	}
	msg = reAnonPos.ReplaceAllString(msg, "")
	qe.Msg = strings.TrimRight(strings.TrimSpace(msg), ":")
	return qe
}

// Columns returns the keys of rows in a stable order: the keys of the
// first row in the order given, then any others sorted.
func Columns(rows []map[string]any, order []string) []string {
	seen := map[string]bool{}
	var cols []string
	for _, k := range order {
		for _, r := range rows {
			if _, ok := r[k]; ok && !seen[k] {
				seen[k] = true
				cols = append(cols, k)
			}
		}
	}
	var rest []string
	for _, r := range rows {
		for k := range r {
			if !seen[k] {
				seen[k] = true
				rest = append(rest, k)
			}
		}
	}
	sort.Strings(rest)
	return append(cols, rest...)
}
