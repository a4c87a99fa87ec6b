package bench

import (
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/queries"
)

// queryCase is a canned query with the parameters it is run with.
type queryCase struct {
	queries.Query
	Params map[string]string
}

// QueryTimeout is how long a query may run, in process and as a process
// (newsgraph query --timeout), before it counts as failed.
const QueryTimeout = 5 * time.Minute

// args returns the newsgraph query arguments that run the case on db.
func (q queryCase) args(db string) []string {
	a := []string{"query", "--db", db, "--timeout", QueryTimeout.String()}
	for _, k := range sortedKeys(q.Params) {
		a = append(a, "--param", k+"="+q.Params[k])
	}
	return append(a, q.Name)
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// queryCases returns every canned query; "about" (the one query that
// needs a parameter) asks about entity.
func queryCases(entity string) []queryCase {
	var out []queryCase
	for _, q := range queries.All() {
		c := queryCase{Query: q}
		if q.Name == "about" {
			c.Params = map[string]string{"entity": entity}
		}
		out = append(out, c)
	}
	return out
}

// frequentEntity names the entity mentioned by the most articles of the
// store.
func frequentEntity(ctx context.Context, s *graph.Store) (string, int, error) {
	st, err := graph.GraphStats(ctx, s.QuadStore, 1)
	if err != nil {
		return "", 0, err
	}
	if len(st.Mentioned) == 0 {
		return "", 0, fmt.Errorf("no entity mentioned in the graph")
	}
	return st.Mentioned[0].Name, st.Mentioned[0].Count, nil
}

// queryTiming is the latency of one query.
type queryTiming struct {
	Rows    int
	Median  float64 // seconds, all rows
	Samples []float64
	// First is the median time to the first row, and Page the median time
	// for the first PageRows rows, in seconds; -1 when the query returns
	// no row.
	First, Page float64
}

// PageRows is a page of rows: the default limit of Cayley's own HTTP API.
const PageRows = 100

// timeQuery runs q once untimed (to warm caches and count its rows), then
// runs times timed, and returns the medians: all rows, the first row,
// and (in runs of their own, with a limit) the first PageRows rows.
func timeQuery(ctx context.Context, s *graph.Store, q queryCase, runs int) (queryTiming, error) {
	opt := graph.QueryOptions{Params: q.Params, Timeout: QueryTimeout}
	res, err := graph.Query(ctx, s.QuadStore, q.Script, opt)
	if err != nil {
		return queryTiming{}, fmt.Errorf("query %s: %w", q.Name, err)
	}
	t := queryTiming{Rows: len(res.Rows), First: -1, Page: -1}
	var first, page []float64
	for i := 0; i < runs; i++ {
		start := time.Now()
		var firstAt time.Duration = -1
		err := graph.QueryEach(ctx, s.QuadStore, q.Script, opt, func(map[string]any) error {
			if firstAt < 0 {
				firstAt = time.Since(start)
			}
			return nil
		}, nil)
		if err != nil {
			return t, fmt.Errorf("query %s: %w", q.Name, err)
		}
		t.Samples = append(t.Samples, time.Since(start).Seconds())
		if firstAt >= 0 {
			first = append(first, firstAt.Seconds())
		}
		popt := opt
		popt.Limit = PageRows
		start = time.Now()
		if _, err := graph.Query(ctx, s.QuadStore, q.Script, popt); err != nil {
			return t, fmt.Errorf("query %s --limit %d: %w", q.Name, PageRows, err)
		}
		page = append(page, time.Since(start).Seconds())
	}
	t.Median = median(t.Samples)
	if len(first) > 0 {
		t.First, t.Page = median(first), median(page)
	}
	return t, nil
}

// timeQueryProcess runs newsgraph query as a whole process, once untimed
// then runs times, its output discarded, and returns the median wall time.
func timeQueryProcess(ctx context.Context, exe, db string, q queryCase, runs int) (queryTiming, error) {
	var t queryTiming
	if _, err := run(ctx, exe, q.args(db), true, nil); err != nil {
		return t, err
	}
	for i := 0; i < runs; i++ {
		p, err := run(ctx, exe, q.args(db), true, nil)
		if err != nil {
			return t, err
		}
		t.Samples = append(t.Samples, p.Wall.Seconds())
	}
	t.Median = median(t.Samples)
	return t, nil
}

// median returns the median of xs (the mean of the middle two for an
// even count); NaN for none.
func median(xs []float64) float64 {
	if len(xs) == 0 {
		return nan
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}
