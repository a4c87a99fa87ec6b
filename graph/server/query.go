package server

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"runtime/debug"
	"strconv"
	"strings"

	"github.com/julienschmidt/httprouter"

	"github.com/cayleygraph/cayley/query"
)

// queryResponse is the answer of /api/v2/query for session languages
// (gizmo, mql): upstream's {"result": [...]}, plus "truncated" and "limit"
// when the server cut the results. The UI shows the whole object on the
// Query page and reads only "result" on the Visualize page.
type queryResponse struct {
	Result    []any `json:"result"`
	Truncated bool  `json:"truncated,omitempty"`
	Limit     int   `json:"limit,omitempty"`
}

type queryOutcome struct {
	rows      []any
	truncated bool
	err       error
}

// serveQuery replaces APIv2.ServeQuery: same request format (lang parameter,
// query in the body or in "qu" for GET, Accept: application/ld+json for
// JSON-LD values), but with the server's limit and a truncation flag, and a
// timeout that holds even if a language ignores its context.
func (s *Server) serveQuery(w http.ResponseWriter, r *http.Request, _ httprouter.Params) {
	lang := r.URL.Query().Get("lang")
	if lang == "" {
		writeError(w, http.StatusBadRequest, "query language not specified (lang parameter)")
		return
	}
	l := query.GetLanguage(lang)
	if l == nil {
		writeError(w, http.StatusBadRequest, fmt.Sprintf("unknown query language %q", lang))
		return
	}
	qu, ok := queryText(w, r)
	if !ok {
		return
	}
	ctx, cancel := context.WithTimeout(r.Context(), s.opt.Timeout)
	defer cancel()

	if l.HTTPQuery != nil { // graphql: its own answer format
		s.serveHTTPQueryLang(ctx, w, l, qu)
		return
	}
	if l.Session == nil {
		writeError(w, http.StatusBadRequest, "HTTP interface is not supported for this query language")
		return
	}
	col, ctype := query.JSON, "application/json"
	if acceptsJSONLD(r) {
		col, ctype = query.JSONLD, "application/ld+json"
	}
	out := s.runQuery(ctx, func() queryOutcome { return s.collect(ctx, l, qu, col) })
	if out.err != nil {
		s.writeQueryError(ctx, w, out.err)
		return
	}
	rows := out.rows
	truncated := out.truncated
	for i := range rows {
		var cut bool
		rows[i], cut = truncateArrays(rows[i], s.opt.Limit)
		truncated = truncated || cut
	}
	resp := queryResponse{Result: rows}
	w.Header().Set(HeaderResultLimit, strconv.Itoa(s.opt.Limit))
	if truncated {
		resp.Truncated, resp.Limit = true, s.opt.Limit
		w.Header().Set(HeaderTruncated, "true")
	}
	writeJSONType(w, http.StatusOK, ctype, resp)
}

// queryText reads the query from the body (POST) or the qu parameter (GET).
func queryText(w http.ResponseWriter, r *http.Request) (string, bool) {
	var qu string
	if r.Method == http.MethodGet {
		qu = r.URL.Query().Get("qu")
	} else {
		data, err := io.ReadAll(r.Body) // bounded by limitBody
		if err != nil {
			writeError(w, http.StatusBadRequest, "cannot read query")
			return "", false
		}
		qu = string(data)
	}
	if strings.TrimSpace(qu) == "" {
		writeError(w, http.StatusBadRequest, "query is empty")
		return "", false
	}
	return qu, true
}

func acceptsJSONLD(r *http.Request) bool {
	for _, a := range r.Header.Values("Accept") {
		for _, part := range strings.Split(a, ",") {
			mt, _, _ := strings.Cut(part, ";")
			if strings.TrimSpace(mt) == "application/ld+json" {
				return true
			}
		}
	}
	return false
}

// runQuery runs f in its own goroutine (which owns the query iterator) and
// waits for it or for ctx. A language that honours its context (gizmo
// interrupts its JavaScript VM) ends soon after; one that does not is left
// to finish in the background while the client gets the timeout error.
func (s *Server) runQuery(ctx context.Context, f func() queryOutcome) queryOutcome {
	done := make(chan queryOutcome, 1)
	go func() {
		defer func() {
			if p := recover(); p != nil {
				s.logf("server: panic in query: %v\n%s", p, debug.Stack())
				done <- queryOutcome{err: errQueryPanic}
			}
		}()
		unlock := s.rlock()
		defer unlock()
		done <- f()
	}()
	select {
	case out := <-done:
		return out
	case <-ctx.Done():
		return queryOutcome{err: ctx.Err()}
	}
}

var errQueryPanic = errors.New("internal error while running the query")

// collect runs a session query and gathers up to Limit non-null results.
func (s *Server) collect(ctx context.Context, l *query.Language, qu string, col query.Collation) queryOutcome {
	ses := l.Session(s.h.QuadStore)
	// One more than the limit, to know whether results were cut.
	it, err := ses.Execute(ctx, qu, query.Options{Limit: s.opt.Limit + 1, Collation: col})
	if err != nil {
		return queryOutcome{err: err}
	}
	defer it.Close()
	out := queryOutcome{rows: make([]any, 0)}
	for it.Next(ctx) {
		v := it.Result()
		if v == nil { // e.g. gizmo's "meta" result (the script's value)
			continue
		}
		if len(out.rows) == s.opt.Limit {
			out.truncated = true
			return out
		}
		out.rows = append(out.rows, v)
	}
	if err := it.Err(); err != nil {
		return queryOutcome{err: err}
	}
	if err := ctx.Err(); err != nil {
		return queryOutcome{err: err}
	}
	return out
}

// serveHTTPQueryLang runs a language with its own HTTP answer format
// (graphql: {"data": ...} or {"errors": [...]}) and cuts every array in the
// answer at the limit, adding "truncated": true when it did.
func (s *Server) serveHTTPQueryLang(ctx context.Context, w http.ResponseWriter, l *query.Language, qu string) {
	rec := &bufferWriter{code: http.StatusOK}
	out := s.runQuery(ctx, func() queryOutcome {
		l.HTTPQuery(ctx, s.h.QuadStore, rec, strings.NewReader(qu))
		return queryOutcome{}
	})
	if out.err == nil {
		out.err = ctx.Err()
	}
	if out.err != nil {
		s.writeQueryError(ctx, w, out.err)
		return
	}
	dec := json.NewDecoder(bytes.NewReader(rec.buf.Bytes()))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		s.logf("server: %s answer is not JSON: %v", l.Name, err)
		writeError(w, http.StatusInternalServerError, "query language returned an invalid answer")
		return
	}
	v, truncated := truncateArrays(v, s.opt.Limit)
	w.Header().Set(HeaderResultLimit, strconv.Itoa(s.opt.Limit))
	if truncated {
		w.Header().Set(HeaderTruncated, "true")
		if m, ok := v.(map[string]any); ok {
			m["truncated"] = true
			m["limit"] = s.opt.Limit
		}
	}
	writeJSONType(w, rec.code, "application/json", v)
}

// truncateArrays cuts every array in v (a decoded JSON value) to at most n elements.
func truncateArrays(v any, n int) (any, bool) {
	cut := false
	switch t := v.(type) {
	case []any:
		if len(t) > n {
			t, cut = t[:n], true
		}
		for i := range t {
			var c bool
			t[i], c = truncateArrays(t[i], n)
			cut = cut || c
		}
		return t, cut
	case map[string]any:
		for k, e := range t {
			var c bool
			t[k], c = truncateArrays(e, n)
			cut = cut || c
		}
		return t, cut
	case []map[string]any: // graphql builds these
		if len(t) > n {
			t, cut = t[:n], true
		}
		for _, m := range t {
			_, c := truncateArrays(m, n)
			cut = cut || c
		}
		return t, cut
	}
	return v, false
}

func (s *Server) writeQueryError(ctx context.Context, w http.ResponseWriter, err error) {
	switch {
	case errors.Is(err, context.DeadlineExceeded) || (ctx.Err() != nil && errors.Is(ctx.Err(), context.DeadlineExceeded)):
		writeError(w, http.StatusGatewayTimeout, fmt.Sprintf("query timed out after %s (server limit)", s.opt.Timeout))
	case errors.Is(err, context.Canceled):
		writeError(w, http.StatusServiceUnavailable, "query canceled")
	case errors.Is(err, errQueryPanic):
		writeError(w, http.StatusInternalServerError, err.Error())
	default:
		writeError(w, http.StatusBadRequest, err.Error())
	}
}

func writeJSONType(w http.ResponseWriter, code int, ctype string, v any) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		writeError(w, http.StatusInternalServerError, "cannot encode query results: "+err.Error())
		return
	}
	w.Header().Set("Content-Type", ctype)
	w.WriteHeader(code)
	w.Write(buf.Bytes())
}

// bufferWriter is a query.ResponseWriter that keeps the answer in memory.
type bufferWriter struct {
	buf  bytes.Buffer
	code int
}

func (b *bufferWriter) Write(p []byte) (int, error) { return b.buf.Write(p) }
func (b *bufferWriter) WriteHeader(code int)        { b.code = code }
