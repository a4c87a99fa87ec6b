// Package pgtest starts throwaway PostgreSQL servers for tests.
//
// Start runs initdb and postgres from the local PostgreSQL installation
// (Debian: apt-get install postgresql) in the test's temporary directory,
// listening on a free port of 127.0.0.1 only, and stops the server when
// the test ends. It takes about a second.
//
// Without PostgreSQL the test is skipped, unless the environment variable
// CI is set: then it fails, so that CI never passes by skipping. The
// binaries are looked for in $PGBIN, then on $PATH, then where Debian and
// RHEL install them (/usr/lib/postgresql/*/bin, /usr/pgsql-*/bin).
//
// initdb refuses to run as root: as root, the server runs as the
// "postgres" user (which the Debian package creates).
package pgtest

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net"
	"net/url"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	_ "github.com/lib/pq" // database/sql driver "postgres"
)

// Server is a running throwaway PostgreSQL server.
type Server struct {
	Port    int
	Dir     string // the cluster's directory: data/ and log
	bin     string
	cmd     *exec.Cmd
	exited  chan struct{}
	waitErr error
	mu      sync.Mutex
	dbs     int
	initdb  time.Duration
}

// Start starts a server (see StartServer) and returns the URL of a new,
// empty database on it.
func Start(t testing.TB) string {
	t.Helper()
	return StartServer(t).CreateDB(t, "")
}

// StartServer starts a throwaway server in t.TempDir() and stops it when
// the test ends. Where PostgreSQL is missing or does not start, the test
// is skipped, or fails when $CI is set.
func StartServer(t testing.TB) *Server {
	t.Helper()
	start := time.Now()
	bin, err := findBin()
	if err != nil {
		unavailable(t, err)
	}
	s, err := startServer(t, bin)
	if err != nil {
		unavailable(t, err)
	}
	t.Logf("pgtest: PostgreSQL (%s) on 127.0.0.1:%d, started in %s (initdb %s)", bin, s.Port, time.Since(start).Round(time.Millisecond), s.initdb.Round(time.Millisecond))
	return s
}

// CreateDB creates a database on the server and returns its URL; an empty
// name picks a new one (db1, db2, ...).
func (s *Server) CreateDB(t testing.TB, name string) string {
	t.Helper()
	if name == "" {
		s.mu.Lock()
		s.dbs++
		name = "db" + strconv.Itoa(s.dbs)
		s.mu.Unlock()
	}
	db, err := sql.Open("postgres", s.URL("postgres"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec("CREATE DATABASE " + quoteIdent(name)); err != nil {
		t.Fatalf("pgtest: create database %s: %v\nserver log:\n%s", name, err, s.Log())
	}
	return s.URL(name)
}

// URL returns the connection URL of a database on the server.
func (s *Server) URL(db string) string {
	u := url.URL{Scheme: "postgres", User: url.User("postgres"), Host: net.JoinHostPort("127.0.0.1", strconv.Itoa(s.Port)), Path: "/" + db, RawQuery: "sslmode=disable"}
	return u.String()
}

// Log returns the end of the server's log.
func (s *Server) Log() string { return tail(filepath.Join(s.Dir, "log"), 60) }

// InCI says whether the tests run in CI ($CI set, and not "false" or "0"),
// where a missing PostgreSQL fails the test instead of skipping it.
func InCI() bool {
	v := os.Getenv("CI")
	return v != "" && v != "false" && v != "0"
}

func unavailable(t testing.TB, err error) {
	t.Helper()
	if InCI() {
		t.Fatalf("pgtest: PostgreSQL is needed in CI ($CI is set): %v", err)
	}
	t.Skipf("pgtest: skipped, PostgreSQL unavailable: %v", err)
}

// findBin returns the directory holding initdb and postgres.
func findBin() (string, error) {
	has := func(dir string) bool {
		for _, b := range []string{"initdb", "postgres"} {
			if fi, err := os.Stat(filepath.Join(dir, b)); err != nil || fi.IsDir() {
				return false
			}
		}
		return true
	}
	if d := os.Getenv("PGBIN"); d != "" {
		if has(d) {
			return d, nil
		}
		return "", fmt.Errorf("$PGBIN=%s has no initdb and postgres", d)
	}
	if p, err := exec.LookPath("initdb"); err == nil {
		if r, err := filepath.EvalSymlinks(p); err == nil {
			p = r // /usr/local/bin/initdb -> /usr/lib/postgresql/15/bin/initdb
		}
		if has(filepath.Dir(p)) {
			return filepath.Dir(p), nil
		}
	}
	for _, pattern := range []string{"/usr/lib/postgresql/*/bin", "/usr/pgsql-*/bin", "/usr/local/pgsql/bin"} {
		dirs, _ := filepath.Glob(pattern)
		// the newest version first: 16 before 9.6
		sort.Slice(dirs, func(i, j int) bool { return versionLess(dirs[j], dirs[i]) })
		for _, d := range dirs {
			if has(d) {
				return d, nil
			}
		}
	}
	return "", errors.New("initdb not found in $PGBIN, $PATH, /usr/lib/postgresql/*/bin or /usr/pgsql-*/bin (Debian: apt-get install postgresql)")
}

func versionLess(a, b string) bool {
	va, vb := versionOf(a), versionOf(b)
	if va != vb {
		return va < vb
	}
	return a < b
}

func versionOf(dir string) float64 {
	v := filepath.Base(filepath.Dir(dir))
	v = strings.TrimPrefix(v, "pgsql-")
	f, _ := strconv.ParseFloat(v, 64)
	return f
}

// runAs is the user the server runs as; nil for the current one.
type runAs struct{ uid, gid uint32 }

func startServer(t testing.TB, bin string) (*Server, error) {
	dir := t.TempDir()
	var as *runAs
	if os.Geteuid() == 0 {
		u, err := user.Lookup("postgres")
		if err != nil {
			return nil, fmt.Errorf("running as root, and initdb refuses root: need a \"postgres\" user to run the server as: %v", err)
		}
		uid, _ := strconv.ParseUint(u.Uid, 10, 32)
		gid, _ := strconv.ParseUint(u.Gid, 10, 32)
		as = &runAs{uint32(uid), uint32(gid)}
		// t.TempDir and its parent are 0700: let the postgres user through
		for _, d := range []string{dir, filepath.Dir(dir)} {
			if err := os.Chmod(d, 0o755); err != nil {
				return nil, err
			}
		}
		if d := unreachable(dir); d != "" {
			return nil, fmt.Errorf("the postgres user cannot reach %s (%s is not world-searchable): set TMPDIR elsewhere", dir, d)
		}
	}
	s := &Server{Dir: filepath.Join(dir, "pg"), bin: bin}
	if err := os.Mkdir(s.Dir, 0o755); err != nil {
		return nil, err
	}
	if as != nil {
		if err := os.Chown(s.Dir, int(as.uid), int(as.gid)); err != nil {
			return nil, err
		}
	}
	data := filepath.Join(s.Dir, "data")
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	initdb := exec.CommandContext(ctx, filepath.Join(bin, "initdb"), "-D", data, "-U", "postgres",
		"--auth=trust", "-E", "UTF8", "--no-locale", "--no-sync")
	initdb.Env = env()
	initdb.SysProcAttr = procAttr(as, false)
	t0 := time.Now()
	if out, err := initdb.CombinedOutput(); err != nil {
		return nil, fmt.Errorf("initdb: %v\n%s", err, out)
	}
	s.initdb = time.Since(t0)
	// a free port, found by asking the kernel; another process may take
	// it before postgres does, so try again a few times
	var err error
	for attempt := 0; attempt < 5; attempt++ {
		if err = s.start(as); err == nil {
			t.Cleanup(s.stop)
			return s, nil
		}
		if !strings.Contains(s.Log(), "could not bind") && !strings.Contains(s.Log(), "already in use") {
			break
		}
	}
	return nil, err
}

// start starts postgres on a free port and waits until it takes
// connections.
func (s *Server) start(as *runAs) error {
	port, err := freePort()
	if err != nil {
		return err
	}
	s.Port = port
	logf, err := os.Create(filepath.Join(s.Dir, "log"))
	if err != nil {
		return err
	}
	defer logf.Close()
	cmd := exec.Command(filepath.Join(s.bin, "postgres"), "-D", filepath.Join(s.Dir, "data"),
		"-p", strconv.Itoa(port),
		"-c", "listen_addresses=127.0.0.1",
		"-c", "unix_socket_directories=", // TCP only: no socket path length limit
		"-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off",
		"-c", "max_connections=50", "-c", "shared_buffers=32MB")
	cmd.Stdout, cmd.Stderr = logf, logf
	cmd.Env = env()
	cmd.SysProcAttr = procAttr(as, true)
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("start postgres: %v", err)
	}
	s.cmd = cmd
	s.exited = make(chan struct{})
	go func() { s.waitErr = cmd.Wait(); close(s.exited) }()

	db, err := sql.Open("postgres", s.URL("postgres"))
	if err != nil {
		s.stop()
		return err
	}
	defer db.Close()
	deadline := time.Now().Add(30 * time.Second)
	for {
		ctx, cancel := context.WithTimeout(context.Background(), time.Second)
		err = db.PingContext(ctx)
		cancel()
		if err == nil {
			return nil
		}
		select {
		case <-s.exited:
			return fmt.Errorf("postgres exited (%v) before taking connections; its log:\n%s", s.waitErr, s.Log())
		case <-time.After(20 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			s.stop()
			return fmt.Errorf("postgres took no connection on 127.0.0.1:%d in 30s (%v); its log:\n%s", port, err, s.Log())
		}
	}
}

// stop shuts the server down (fast shutdown: open connections are ended)
// and waits for it.
func (s *Server) stop() {
	if s.cmd == nil || s.cmd.Process == nil {
		return
	}
	select {
	case <-s.exited:
		return
	default:
	}
	s.cmd.Process.Signal(os.Interrupt)
	select {
	case <-s.exited:
	case <-time.After(10 * time.Second):
		s.cmd.Process.Kill()
		<-s.exited
	}
}

func freePort() (int, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port, nil
}

// env is the environment of initdb and postgres: the test's, without the
// PG* variables that could point them elsewhere.
func env() []string {
	var out []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "PG") {
			out = append(out, kv)
		}
	}
	return append(out, "LC_ALL=C")
}

// unreachable returns an ancestor of dir that other users cannot search.
func unreachable(dir string) string {
	for d := filepath.Dir(filepath.Dir(dir)); ; d = filepath.Dir(d) {
		if fi, err := os.Stat(d); err == nil && fi.Mode().Perm()&0o001 == 0 {
			return d
		}
		if d == filepath.Dir(d) {
			return ""
		}
	}
}

func tail(path string, n int) string {
	b, err := os.ReadFile(path)
	if err != nil {
		return "(no log: " + err.Error() + ")"
	}
	lines := bytes.Split(bytes.TrimRight(b, "\n"), []byte("\n"))
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return string(bytes.Join(lines, []byte("\n")))
}

func quoteIdent(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }
