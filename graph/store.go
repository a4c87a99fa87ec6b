package graph

import (
	"compress/gzip"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/cayleygraph/cayley/graph"
	ckv "github.com/cayleygraph/cayley/graph/kv"
	cbadger "github.com/cayleygraph/cayley/graph/kv/badger" // embedded backends
	cbbolt "github.com/cayleygraph/cayley/graph/kv/bbolt"
	cleveldb "github.com/cayleygraph/cayley/graph/kv/leveldb"
	_ "github.com/cayleygraph/cayley/graph/memstore"
	_ "github.com/cayleygraph/cayley/graph/sql/postgres" // PostgreSQL (and CockroachDB, same protocol)
	_ "github.com/cayleygraph/cayley/writer"
	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/nquads"
	hkv "github.com/hidal-go/hidalgo/kv"
)

// Backends.
const (
	// DefaultBackend is the embedded store newsgraph uses unless told
	// otherwise: go.etcd.io/bbolt through Cayley's kv layer, chosen by
	// measurement (see graph/storebench and the README).
	DefaultBackend = "bbolt"
	// Memstore keeps the graph in memory; with a --db file it is read from
	// and written back to that N-Quads file.
	Memstore = "memstore"
	// Postgres is Cayley's SQL backend on PostgreSQL; --db is a connection
	// URL (postgres://user@host:port/db?sslmode=disable).
	Postgres = "postgres"
)

// Backends lists the backends newsgraph supports.
func Backends() []string {
	return []string{DefaultBackend, "leveldb", "badger", Memstore, Postgres}
}

// Options says which store to open and how.
type Options struct {
	Backend string // one of Backends(); DefaultBackend when empty
	Path    string // a directory for embedded stores, a URL for postgres, an N-Quads file (optional) for memstore
	// ReadOnly opens an existing store for reading: it must exist, and
	// nothing is written back.
	ReadOnly bool
}

// ErrNoStore is returned when a store opened read-only does not exist.
var ErrNoStore = errors.New("no graph store there (build one with newsgraph build)")

// Store is an open graph store.
type Store struct {
	*graph.Handle
	opt  Options
	lock *fileLock
}

// Open opens (and for writing, creates) the store opt describes. An
// embedded store is locked for the process: a second process gets a clear
// error naming the process that holds it, at once.
func Open(ctx context.Context, opt Options) (*Store, error) {
	if opt.Backend == "" {
		opt.Backend = DefaultBackend
	}
	if !contains(Backends(), opt.Backend) && !graph.IsRegistered(opt.Backend) {
		return nil, fmt.Errorf("unknown backend %q (have %s)", opt.Backend, strings.Join(Backends(), ", "))
	}
	s := &Store{opt: opt}
	var err error
	switch {
	case opt.Backend == Memstore:
		err = s.openMemstore(ctx)
	case opt.Backend == Postgres || !graph.IsPersistent(opt.Backend) || strings.Contains(opt.Path, "://"):
		err = s.openRemote(ctx)
	default:
		err = s.openEmbedded()
	}
	if err != nil {
		if s.lock != nil {
			s.lock.release()
		}
		return nil, err
	}
	return s, nil
}

// Backend returns the store's backend name.
func (s *Store) Backend() string { return s.opt.Backend }

// Path returns the store's path or URL.
func (s *Store) Path() string { return s.opt.Path }

func (s *Store) openEmbedded() error {
	if s.opt.Path == "" {
		return errors.New("no store path (--db)")
	}
	if s.opt.ReadOnly {
		if _, err := os.Stat(s.opt.Path); errors.Is(err, os.ErrNotExist) {
			return fmt.Errorf("%s: %w", s.opt.Path, ErrNoStore)
		}
	}
	if err := os.MkdirAll(s.opt.Path, 0o755); err != nil {
		return fmt.Errorf("create store %s: %w", s.opt.Path, err)
	}
	l, err := acquireLock(filepath.Join(s.opt.Path, "newsgraph.lock"))
	if err != nil {
		return fmt.Errorf("store %s: %w", s.opt.Path, err)
	}
	s.lock = l
	if err := initKV(s.opt.Backend, s.opt.Path); err != nil && !errors.Is(err, graph.ErrDatabaseExists) {
		return fmt.Errorf("create %s store %s: %w", s.opt.Backend, s.opt.Path, err)
	}
	return s.openHandle()
}

// kvCreate opens or creates the key-value database of an embedded backend.
var kvCreate = map[string]func(string, graph.Options) (hkv.KV, error){
	"bbolt":   cbbolt.Create,
	"leveldb": cleveldb.Create,
	"badger":  cbadger.Create,
}

// QuadIndexes are the indexes of a new embedded store, in the order
// Cayley's planner tries them:
//
//   - object and predicate, first, so that a type or value look-up
//     (Has(type, Country), Has(name, "BBC")) is an exact index key whose
//     size Cayley knows. Cayley estimates any partial-key scan at half the
//     store, so without it the planner drives such a step from every quad
//     of the predicate instead (countries: 66 ms against 3 ms on the BBC
//     graph);
//   - Cayley's two: subject and predicate; object, predicate and subject;
//   - predicate and subject, so that one property of many nodes is read
//     from that property's quads (a prefix scan), not from all of them.
//     Not the predicate alone: before each write and delete Cayley checks
//     whether the quad exists by reading and intersecting its key's list
//     in every index, and a predicate-only key lists every quad of the
//     predicate (tens of thousands for rdf:type), so re-loading the BBC
//     corpus after a rule change took 44 s with it and 11 s with this;
//   - the label, so that an article's quads are found without a full scan.
//
// A store keeps the indexes it was made with (Cayley reads them from its
// metadata).
var QuadIndexes = []ckv.QuadIndex{
	{Dirs: []quad.Direction{quad.Object, quad.Predicate}},
	ckv.DefaultQuadIndexes[0],
	ckv.DefaultQuadIndexes[1],
	{Dirs: []quad.Direction{quad.Predicate, quad.Subject}},
	{Dirs: []quad.Direction{quad.Label}},
}

// initKV creates an embedded store with QuadIndexes. (Cayley takes its
// index list from the database's metadata, which it writes at creation
// with its defaults; here the list is rewritten before any quad is.)
func initKV(backend, path string) error {
	create, ok := kvCreate[backend]
	if !ok {
		return graph.InitQuadStore(backend, path, nil)
	}
	db, err := create(path, nil)
	if err != nil {
		return err
	}
	defer db.Close()
	if err := ckv.Init(db, nil); err != nil && !errors.Is(err, graph.ErrDatabaseExists) {
		return err
	}
	// Until a quad is written, the store has no quad count: Cayley's Stats
	// fails on it ("kv: no bucket"). A store without one gets newsgraph's
	// indexes and a count of 0 in one transaction, so that a process killed
	// during creation leaves a store the next open completes.
	ctx := context.Background()
	sizeKey := hkv.Key{[]byte("meta"), []byte("size")}
	empty := false
	err = hkv.View(ctx, db, func(tx hkv.Tx) error {
		_, err := tx.Get(ctx, sizeKey)
		if errors.Is(err, hkv.ErrNotFound) {
			empty, err = true, nil
		}
		return err
	})
	if err != nil || !empty {
		return err
	}
	data, err := json.Marshal(QuadIndexes)
	if err != nil {
		return err
	}
	err = hkv.Update(ctx, db, func(tx hkv.Tx) error {
		for _, ind := range QuadIndexes {
			key := make([]byte, len(ind.Dirs))
			for i, d := range ind.Dirs {
				key[i] = d.Prefix()
			}
			_ = hkv.CreateBucket(ctx, tx, hkv.Key{key}) // exists for Cayley's own
		}
		if err := tx.Put(ctx, hkv.Key{[]byte("meta"), []byte("indexes")}, data); err != nil {
			return err
		}
		return tx.Put(ctx, sizeKey, make([]byte, 8)) // int64 0, little-endian
	})
	if err != nil {
		return err
	}
	return db.Close()
}

func (s *Store) openRemote(ctx context.Context) error {
	if s.opt.Path == "" {
		return fmt.Errorf("the %s backend needs a connection URL (--db)", s.opt.Backend)
	}
	if s.opt.Backend == Postgres {
		if err := s.preparePostgres(ctx); err != nil {
			return err
		}
	} else if !s.opt.ReadOnly {
		if err := graph.InitQuadStore(s.opt.Backend, s.opt.Path, nil); err != nil && !errors.Is(err, graph.ErrDatabaseExists) {
			return fmt.Errorf("create %s store: %w", s.opt.Backend, redactURL(err, s.opt.Path))
		}
	}
	return s.openHandle()
}

// preparePostgres connects to the database and creates Cayley's tables
// when they are not there yet (ErrNoStore when opening read-only). It
// looks before Cayley does: Cayley's Init logs an ERROR line when the
// tables exist (every build after the first), its connect logs the URL
// with the password when the server cannot be reached, and queries on a
// database without the tables fail with SQL errors.
func (s *Store) preparePostgres(ctx context.Context) error {
	fail := func(err error) error {
		if strings.Contains(err.Error(), "SSL is not enabled on the server") {
			err = fmt.Errorf("%w (add sslmode=disable to the URL for a server without TLS)", err)
		}
		return fmt.Errorf("postgres %s: %w", redactPath(s.opt.Path), redactURL(err, s.opt.Path))
	}
	db, err := sql.Open("postgres", s.opt.Path) // lib/pq, registered by Cayley's postgres backend
	if err != nil {
		return fail(err)
	}
	defer db.Close()
	var n int
	err = db.QueryRowContext(ctx, `SELECT count(*) FROM information_schema.tables
		WHERE table_schema = current_schema() AND table_name = 'quads'`).Scan(&n)
	switch {
	case err != nil:
		return fail(err)
	case n > 0:
		return nil
	case s.opt.ReadOnly:
		return fmt.Errorf("%s: %w", redactPath(s.opt.Path), ErrNoStore)
	}
	if err := graph.InitQuadStore(s.opt.Backend, s.opt.Path, nil); err != nil {
		if errors.Is(err, graph.ErrDatabaseExists) { // created meanwhile by another build
			return nil
		}
		return fmt.Errorf("create postgres store: %w", redactURL(err, s.opt.Path))
	}
	// Cayley indexes subjects, predicates and objects, not labels; the
	// loader reads each article's quads by label.
	if _, err := db.ExecContext(ctx, `CREATE INDEX IF NOT EXISTS label_index ON quads (label_hash)`); err != nil {
		return fail(err)
	}
	return nil
}

func (s *Store) openHandle() error {
	qs, err := graph.NewQuadStore(s.opt.Backend, s.opt.Path, s.storeOptions())
	if err != nil {
		return fmt.Errorf("open %s store %s: %w", s.opt.Backend, redactPath(s.opt.Path), redactURL(err, s.opt.Path))
	}
	qw, err := graph.NewQuadWriter("single", qs, nil)
	if err != nil {
		qs.Close()
		return fmt.Errorf("open %s store: %w", s.opt.Backend, err)
	}
	s.Handle = &graph.Handle{QuadStore: qs, QuadWriter: qw}
	return nil
}

// openMemstore opens an in-memory store, loading opt.Path (N-Quads, maybe
// gzipped) when it exists.
func (s *Store) openMemstore(ctx context.Context) error {
	qs, err := graph.NewQuadStore(Memstore, "", nil)
	if err != nil {
		return err
	}
	qw, err := graph.NewQuadWriter("single", qs, nil)
	if err != nil {
		return err
	}
	s.Handle = &graph.Handle{QuadStore: qs, QuadWriter: qw}
	if s.opt.Path == "" {
		return nil
	}
	f, err := os.Open(s.opt.Path)
	if errors.Is(err, os.ErrNotExist) {
		if s.opt.ReadOnly {
			return fmt.Errorf("%s: %w", s.opt.Path, ErrNoStore)
		}
		return nil
	} else if err != nil {
		return err
	}
	defer f.Close()
	var r io.Reader = f
	if strings.HasSuffix(s.opt.Path, ".gz") {
		zr, err := gzip.NewReader(f)
		if err != nil {
			return fmt.Errorf("read %s: %w", s.opt.Path, err)
		}
		r = zr
	}
	qr := nquads.NewReader(r, false)
	w := graph.NewWriter(s.QuadWriter)
	if _, err := quad.CopyBatch(w, qr, quad.DefaultBatch); err != nil {
		return fmt.Errorf("read %s: %w", s.opt.Path, err)
	}
	return w.Close()
}

// Close closes the store; a memstore with a path is written back to it.
func (s *Store) Close() error {
	var err error
	if s.opt.Backend == Memstore && s.opt.Path != "" && !s.opt.ReadOnly && s.Handle != nil {
		err = s.saveMemstore()
	}
	if s.Handle != nil {
		if cerr := s.Handle.Close(); cerr != nil && err == nil {
			err = cerr
		}
	}
	if s.lock != nil {
		s.lock.release()
	}
	return err
}

func (s *Store) saveMemstore() error {
	tmp := s.opt.Path + ".tmp"
	f, err := os.Create(tmp)
	if err != nil {
		return err
	}
	var w io.WriteCloser = f
	if strings.HasSuffix(s.opt.Path, ".gz") {
		w = gzip.NewWriter(f)
	}
	if err := Export(context.Background(), s.QuadStore, w, "nquads"); err != nil {
		f.Close()
		return err
	}
	if w != io.WriteCloser(f) {
		if err := w.Close(); err != nil {
			f.Close()
			return err
		}
	}
	if err := f.Close(); err != nil {
		return err
	}
	return os.Rename(tmp, s.opt.Path)
}

// redactPath hides a password in a connection URL (user:PASSWORD@, or a
// password=PASSWORD parameter of a URL or of a key=value connection
// string).
func redactPath(p string) string {
	if i := strings.Index(p, "://"); i >= 0 {
		if at := strings.Index(p[i+3:], "@"); at >= 0 {
			cred := p[i+3 : i+3+at]
			if c := strings.Index(cred, ":"); c >= 0 {
				p = p[:i+3] + cred[:c] + ":***" + p[i+3+at:]
			}
		}
	}
	return rePassword.ReplaceAllString(p, "${1}***")
}

var rePassword = regexp.MustCompile(`(?i)(\bpassword\s*=\s*)('(?:[^'\\]|\\.)*'|[^\s&]*)`)

func redactURL(err error, p string) error {
	if r := redactPath(p); r != p && strings.Contains(err.Error(), p) {
		return errors.New(strings.ReplaceAll(err.Error(), p, r))
	}
	return err
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// storeOptions are the Cayley options a store is opened with. Cayley's kv
// stores keep bloom filters to speed up a bulk load into an empty store
// (about 450 MB for newsgraph's four indexes, whatever the corpus); they
// are left out so that a build stays well under 1 GB.
func (s *Store) storeOptions() graph.Options {
	if _, ok := kvCreate[s.opt.Backend]; ok {
		return graph.Options{ckv.OptNoBloom: true}
	}
	return nil
}
