package main

import (
	"context"
	"fmt"
	"io"
	"net"
	"time"

	"github.com/newsgraph/newsgraph/graph/server"
)

func runServe(ctx context.Context, args []string, out, errOut io.Writer) error {
	fs := newFlags("serve", errOut)
	var st storeFlags
	st.register(fs)
	addr := fs.String("addr", "127.0.0.1:64210", "address to listen on (loopback by default)")
	var opt server.Options
	fs.BoolVar(&opt.Writable, "writable", false, "allow writes and deletes through the API and the Write page")
	fs.DurationVar(&opt.Timeout, "timeout", server.DefaultTimeout, "stop a query after this long")
	fs.IntVar(&opt.Limit, "limit", server.DefaultLimit, "most results a query returns")
	fs.Int64Var(&opt.MaxBodyBytes, "max-body-size", server.DefaultMaxBodyBytes, "largest request body, in bytes")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		fs.Usage()
		return errUsage
	}
	s, err := st.open(ctx, !opt.Writable)
	if err != nil {
		return err
	}
	defer s.Close()
	opt.Logf = func(format string, a ...any) { fmt.Fprintf(errOut, "newsgraph serve: "+format+"\n", a...) }
	srv, err := server.New(s.Handle, opt)
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return err
	}
	if host, _, _ := net.SplitHostPort(ln.Addr().String()); !net.ParseIP(host).IsLoopback() {
		fmt.Fprintf(errOut, "newsgraph serve: warning: listening on %s, reachable from other machines; the graph has no authentication\n", ln.Addr())
	}
	if !srv.MonacoLocal() {
		fmt.Fprintln(errOut, "newsgraph serve: warning: the query editor (Monaco) was not built in; the UI loads it from a CDN and needs internet access. Run `go generate ./...` and rebuild to serve it locally.")
	}
	mode := "read-only"
	if opt.Writable {
		mode = "writable"
	}
	fmt.Fprintf(out, "serving %s graph %s (%s) at http://%s/ — Ctrl-C to stop\n", s.Backend(), s.Path(), mode, ln.Addr())
	start := time.Now()
	err = srv.Serve(ctx, ln)
	fmt.Fprintf(errOut, "newsgraph serve: stopped after %s\n", time.Since(start).Round(time.Second))
	return err
}
