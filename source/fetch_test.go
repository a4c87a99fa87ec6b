package source

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// testServer serves the pages of the URL tests. It counts the bytes the
// endless handler sent.
func testServer(t *testing.T) (*httptest.Server, *atomic.Int64) {
	t.Helper()
	var streamed atomic.Int64
	release := make(chan struct{})
	mux := http.NewServeMux()
	article := page(`<title>Remote</title><link rel="canonical" href="https://news.example/remote">`, "<p>"+para+"</p><p>"+para+"</p>")
	mux.HandleFunc("/article.html", func(w http.ResponseWriter, r *http.Request) {
		if !strings.HasPrefix(r.UserAgent(), "newsgraph/") {
			http.Error(w, "no user agent", http.StatusForbidden)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, article)
	})
	mux.HandleFunc("/plain.html", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, page("<title>Plain</title>", "<p>"+para+"</p>"))
	})
	mux.HandleFunc("/story.txt", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=windows-1251")
		w.Write([]byte("\xcf\xf0\xe8\xe2\xe5\xf2, world.\r\n"))
	})
	mux.HandleFunc("/image.png", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "image/png")
		w.Write([]byte("\x89PNG\r\n\x1a\n"))
	})
	mux.HandleFunc("/old", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/plain.html", http.StatusMovedPermanently)
	})
	mux.HandleFunc("/loop", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/loop", http.StatusFound)
	})
	mux.HandleFunc("/hang", func(w http.ResponseWriter, r *http.Request) {
		select { // never answers; ends when the client gives up
		case <-r.Context().Done():
		case <-release:
		}
	})
	mux.HandleFunc("/endless", func(w http.ResponseWriter, r *http.Request) {
		// 1 GB, written lazily 32 KiB at a time: never allocated.
		w.Header().Set("Content-Type", "text/plain")
		chunk := []byte(strings.Repeat("all work and no play\n", 32<<10/21))
		for sent := int64(0); sent < 1<<30; sent += int64(len(chunk)) {
			if _, err := w.Write(chunk); err != nil {
				return
			}
			streamed.Add(int64(len(chunk)))
		}
	})
	mux.HandleFunc("/declared-huge", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		w.Header().Set("Content-Length", fmt.Sprint(1<<30))
		w.Write([]byte("short"))
	})
	mux.HandleFunc("/no-type", func(w http.ResponseWriter, r *http.Request) {
		w.Header()["Content-Type"] = nil
		fmt.Fprint(w, page("<title>Sniffed</title>", "<p>"+para+"</p>"))
	})
	mux.HandleFunc("/quads", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		fmt.Fprint(w, "<http://a> <http://p> <http://o> .\n<http://a> <http://p> \"x\" .\n")
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(func() {
		close(release)
		srv.Close()
	})
	return srv, &streamed
}

func TestURLs(t *testing.T) {
	srv, streamed := testServer(t)
	u := srv.URL
	tests := []struct {
		path      string
		id, title string // for articles
		text      string // a prefix of the text
		wantErr   error
		errHas    string
	}{
		{path: "/article.html", id: "https://news.example/remote", title: "Remote", text: para},
		{path: "/plain.html#section-2", id: u + "/plain.html", title: "Plain", text: para},
		{path: "/story.txt", id: u + "/story.txt", text: "Привет, world.\n"},
		{path: "/old", id: u + "/plain.html", title: "Plain", text: para},
		{path: "/no-type", id: u + "/no-type", title: "Sniffed", text: para},
		{path: "/missing", wantErr: ErrHTTPStatus, errHas: "fetch " + u + "/missing: HTTP 404 Not Found"},
		{path: "/image.png", wantErr: ErrUnsupported, errHas: "unsupported content type image/png (only text/html and text/plain are read)"},
		{path: "/loop", wantErr: ErrTooManyRedirects, errHas: "fetch " + u + "/loop: too many redirects: stopped after 5"},
		{path: "/hang", wantErr: ErrTimeout, errHas: "fetch " + u + "/hang: timed out: no complete answer within 300ms (raise it with --url-timeout)"},
		{path: "/endless", wantErr: ErrTooLarge, errHas: "fetch " + u + "/endless: response is over the limit of 1.0 MiB (raise it with --max-url-size)"},
		{path: "/declared-huge", wantErr: ErrTooLarge, errHas: "response is 1.0 GiB, over the limit of 1.0 MiB"},
		{path: "/quads", wantErr: ErrGraphData, errHas: "looks like N-Quads data, not an article"},
	}
	args := make([]string, len(tests))
	for i, tt := range tests {
		args[i] = u + tt.path
	}
	args = append(args, "ftp://example.com/a.txt", "http:///nohost")
	start := time.Now()
	r, err := Open(context.Background(), args, Options{URLTimeout: 300 * time.Millisecond, MaxURLBytes: 1 << 20})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if n := r.Total(); n != len(args) {
		t.Errorf("Total() = %d, want %d", n, len(args))
	}
	var items []Item
	for it := range r.All() {
		items = append(items, it)
	}
	if len(items) != len(args) {
		t.Fatalf("got %d items, want %d", len(items), len(args))
	}
	for i, tt := range tests {
		it := items[i]
		t.Logf("%s: ID %q err %v", tt.path, it.Doc.ID, it.Err)
		if it.Origin != args[i] {
			t.Errorf("%s: origin %q", tt.path, it.Origin)
		}
		if tt.wantErr != nil || tt.errHas != "" {
			if it.Err == nil || (tt.wantErr != nil && !errors.Is(it.Err, tt.wantErr)) || !strings.Contains(it.Err.Error(), tt.errHas) {
				t.Errorf("%s: got error %v, want %v with %q", tt.path, it.Err, tt.wantErr, tt.errHas)
			}
			continue
		}
		if it.Err != nil {
			t.Errorf("%s: %v", tt.path, it.Err)
			continue
		}
		if it.Doc.ID != tt.id || it.Doc.URL != tt.id || it.Doc.Title != tt.title || !strings.HasPrefix(it.Doc.Text, tt.text) {
			t.Errorf("%s: got ID %q URL %q title %q text %.40q", tt.path, it.Doc.ID, it.Doc.URL, it.Doc.Title, it.Doc.Text)
		}
	}
	if err := items[len(tests)].Err; !errors.Is(err, ErrUnsupported) || !strings.Contains(err.Error(), `fetch ftp://example.com/a.txt: unsupported URL scheme "ftp" (only http and https URLs are read)`) {
		t.Errorf("ftp: %v", err)
	}
	if err := items[len(tests)+1].Err; !errors.Is(err, ErrUnsupported) {
		t.Errorf("no host: %v", err)
	}
	if n := streamed.Load(); n > 64<<20 {
		t.Errorf("the endless handler sent %d bytes before the client stopped", n)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("took %v", d)
	}
}

func TestURLCancel(t *testing.T) {
	srv, _ := testServer(t)
	ctx, cancel := context.WithCancel(context.Background())
	r, err := Open(ctx, []string{srv.URL + "/hang", srv.URL + "/plain.html"}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	time.AfterFunc(100*time.Millisecond, cancel)
	if it, ok := r.Next(); ok {
		t.Fatalf("got an item after cancel: %+v", it)
	}
	if !errors.Is(r.Err(), context.Canceled) {
		t.Fatalf("Err() = %v", r.Err())
	}
}
