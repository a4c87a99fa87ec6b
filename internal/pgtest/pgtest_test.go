package pgtest

import (
	"database/sql"
	"testing"
)

func TestStart(t *testing.T) {
	s := StartServer(t)
	for _, name := range []string{"", "other"} {
		u := s.CreateDB(t, name)
		db, err := sql.Open("postgres", u)
		if err != nil {
			t.Fatal(err)
		}
		var n int
		if err := db.QueryRow("SELECT 1 + 1").Scan(&n); err != nil || n != 2 {
			t.Errorf("%s: SELECT 1 + 1 = %d, %v", u, n, err)
		}
		if _, err := db.Exec("CREATE TABLE t (x int)"); err != nil {
			t.Errorf("%s: %v", u, err)
		}
		db.Close()
	}
}

func TestVersionOrder(t *testing.T) {
	if !versionLess("/usr/lib/postgresql/9.6/bin", "/usr/lib/postgresql/15/bin") {
		t.Error("9.6 sorts after 15")
	}
}
