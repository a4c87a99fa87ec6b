// Command newsgraph turns news articles into a knowledge graph in a Cayley
// store, answers Gizmo queries on it, serves Cayley's web UI and exports
// the graph.
//
//	newsgraph build [--db PATH] [--backend NAME] PATH...
//	newsgraph extract [--format json|nquads] [--explain] FILE
//	newsgraph query [--db PATH] [--format jsonl|table] [--limit N] [--param k=v]... NAME|FILE.js|-
//	newsgraph export [--db PATH] [--format nquads|jsonld] [-o FILE]
//	newsgraph serve [--db PATH] [--addr 127.0.0.1:64210] [--writable]
//	newsgraph stats [--db PATH]
//	newsgraph bench [--corpus FILE]
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"github.com/spf13/pflag"

	"github.com/newsgraph/newsgraph/graph"
)

// command is a subcommand: its usage line and what it does.
type command struct {
	name, usage, summary string
	run                  func(ctx context.Context, args []string, out, errOut io.Writer) error
}

var commands []command

func init() {
	commands = []command{
		{"build", "build [--db PATH] [--backend NAME] [flags] PATH...", "read articles (files, folders, JSON Lines corpora, URLs, -) into the graph", runBuild},
		{"extract", "extract [--format json|nquads] [--explain] FILE", "print the facts of an article without a store", runExtract},
		{"query", "query [--db PATH] [--format jsonl|table] [--limit N] [--param k=v]... NAME|FILE.js|-", "run a canned query (see --list), a Gizmo script file, or a script from stdin", runQuery},
		{"export", "export [--db PATH] [--format nquads|jsonld] [-o FILE]", "write the whole graph, sorted N-Quads by default", runExport},
		{"serve", "serve [--db PATH] [--addr 127.0.0.1:64210] [--writable] [--timeout 30s] [--limit N]", "serve Cayley's web UI and HTTP API on the graph", runServe},
		{"stats", "stats [--db PATH] [--top N]", "counts by type, most-mentioned entities, most-quoted speakers", runStats},
		{"bench", "bench [--corpus FILE] [--repeat 4] [--runs 3] [--skip-prose] [--out FILE] [--cpuprofile DIR]", "measure extraction, build, memory and queries on a corpus, next to baselines", runBench},
	}
}

// errUsage marks a usage error (exit status 2); its message has been
// printed with the usage.
var errUsage = errors.New("usage")

// exitError carries an exit status without a message of its own (the
// command already reported what failed).
type exitError struct{ code int }

func (e exitError) Error() string { return fmt.Sprintf("exit status %d", e.code) }

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// run runs the command line args and returns the exit status.
func run(ctx context.Context, args []string, out, errOut io.Writer) (code int) {
	defer func() {
		// no Go panic reaches the user as a stack trace
		if r := recover(); r != nil {
			fmt.Fprintf(errOut, "newsgraph: internal error: %v\n", r)
			code = 1
		}
	}()
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		usage(errOut)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	for _, c := range commands {
		if c.name != args[0] {
			continue
		}
		err := c.run(ctx, args[1:], out, errOut)
		var ee exitError
		switch {
		case err == nil:
			return 0
		case errors.Is(err, pflag.ErrHelp):
			return 0
		case errors.Is(err, errUsage):
			return 2
		case errors.As(err, &ee):
			return ee.code
		default:
			fmt.Fprintf(errOut, "newsgraph %s: %v\n", c.name, err)
			return 1
		}
	}
	fmt.Fprintf(errOut, "newsgraph: unknown command %q\n", args[0])
	usage(errOut)
	return 2
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "newsgraph turns news articles into a knowledge graph.\n\nUsage:")
	for _, c := range commands {
		fmt.Fprintf(w, "  newsgraph %s\n      %s\n", c.usage, c.summary)
	}
	fmt.Fprintln(w, "\nRun newsgraph COMMAND --help for a command's flags.")
}

// newFlags returns a flag set for a command that reports errors with its
// usage.
func newFlags(name string, errOut io.Writer) *pflag.FlagSet {
	fs := pflag.NewFlagSet(name, pflag.ContinueOnError)
	fs.SetOutput(errOut)
	fs.SortFlags = false
	for _, c := range commands {
		if c.name == name {
			fs.Usage = func() {
				fmt.Fprintf(errOut, "Usage: newsgraph %s\n\n%s.\n\nFlags:\n%s", c.usage, c.summary, fs.FlagUsages())
			}
		}
	}
	return fs
}

// parse parses flags, turning errors into errUsage.
func parse(fs *pflag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, pflag.ErrHelp) {
			return err
		}
		return errUsage
	}
	return nil
}

// storeFlags are the flags that say which store to use.
type storeFlags struct {
	db, backend string
}

func (s *storeFlags) register(fs *pflag.FlagSet) {
	fs.StringVar(&s.db, "db", "./newsgraph.db", "the store: a directory for embedded backends, a postgres:// URL, an N-Quads file for memstore")
	fs.StringVar(&s.backend, "backend", graph.DefaultBackend, "store backend: "+strings.Join(graph.Backends(), ", "))
}

func (s *storeFlags) options(readOnly bool) graph.Options {
	backend := s.backend
	if strings.HasPrefix(s.db, "postgres://") || strings.HasPrefix(s.db, "postgresql://") {
		if backend == graph.DefaultBackend {
			backend = graph.Postgres
		}
	}
	return graph.Options{Backend: backend, Path: s.db, ReadOnly: readOnly}
}

// open opens the store the flags name.
func (s *storeFlags) open(ctx context.Context, readOnly bool) (*graph.Store, error) {
	return graph.Open(ctx, s.options(readOnly))
}
