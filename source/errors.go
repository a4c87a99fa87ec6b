package source

import (
	"errors"
	"fmt"
	"io/fs"
	"net/http"
	"strconv"
	"strings"
	"unicode"
)

// Sentinel errors. Every error the package reports is an *Error that wraps
// one of these (or an error of the operating system, such as
// fs.ErrNotExist or fs.ErrPermission), so that callers can test the reason
// with errors.Is.
var (
	// ErrEmpty: the input has no text at all, or only whitespace.
	ErrEmpty = errors.New("empty article")
	// ErrBinary: the input is binary data (an image, an archive, a PDF...).
	ErrBinary = errors.New("binary file")
	// ErrInvalidUTF8: the input is neither valid UTF-8 nor plausible
	// Windows-1252 (Latin-1) text.
	ErrInvalidUTF8 = errors.New("invalid UTF-8")
	// ErrTooLarge: a size limit of Options was reached. The error is a
	// *LimitError, which names the limit and the flag that raises it.
	ErrTooLarge = errors.New("too large")
	// ErrTimeout: a URL gave no complete answer within Options.URLTimeout.
	ErrTimeout = errors.New("timed out")
	// ErrHTTPStatus: a URL answered with a status other than 2xx. The error
	// is an *HTTPError.
	ErrHTTPStatus = errors.New("HTTP error status")
	// ErrTooManyRedirects: a URL redirected more than MaxRedirects times.
	ErrTooManyRedirects = errors.New("too many redirects")
	// ErrUnsupported: an unsupported URL scheme, content type or file.
	ErrUnsupported = errors.New("unsupported input")
	// ErrNoText: an HTML page or a JSON Lines record without article text.
	ErrNoText = errors.New("no article text found")
	// ErrGraphData: the input is graph data (N-Quads, JSON-LD), not an
	// article.
	ErrGraphData = errors.New("graph data, not an article")
	// ErrNotArticle: the input is some other kind of structured data (a
	// JSON document that is not JSON Lines, an XML document).
	ErrNotArticle = errors.New("not an article")
	// ErrInvalidJSON: a JSON Lines record that is not a JSON object.
	ErrInvalidJSON = errors.New("invalid JSON")
	// ErrInvalidHTML: an HTML page that cannot be parsed, for example one
	// nested more deeply than MaxHTMLDepth elements.
	ErrInvalidHTML = errors.New("invalid HTML")
	// ErrNoArticles: a folder holds no file with an article extension.
	ErrNoArticles = errors.New("no articles")
)

// Error is the error of one input: an argument, a file, a line of a JSON
// Lines corpus or a URL. Its message is one line, "read ORIGIN: REASON"
// (or "fetch URL: REASON"), for example
//
//	read data/x.png: binary file (PNG image), not an article
type Error struct {
	// Op is "read" for files, corpus lines and stdin, "fetch" for URLs.
	Op string
	// Origin names the input as in Item.Origin: a path, "path:line", a URL
	// or "stdin".
	Origin string
	// Err is the reason. It wraps one of the Err... sentinels or an error of
	// the operating system.
	Err error
}

// Error returns "OP ORIGIN: REASON".
func (e *Error) Error() string {
	origin := e.Origin
	if strings.ContainsFunc(origin, unicode.IsControl) {
		origin = strconv.Quote(origin) // keep the message on one line
	}
	return e.Op + " " + origin + ": " + e.Err.Error()
}

// Unwrap returns the reason.
func (e *Error) Unwrap() error { return e.Err }

// LimitError reports that an input exceeds one of the size limits of
// Options. It matches ErrTooLarge with errors.Is.
type LimitError struct {
	// What was too large: "article", "line 3", "response", "record".
	What string
	// Size is the size in bytes when known, or -1 when reading stopped at
	// the limit.
	Size int64
	// Limit is the limit in bytes.
	Limit int64
	// Flag is the command-line flag that raises the limit, for example
	// "--max-article-size".
	Flag string
}

// Error returns e.g. "article is 50.0 MiB, over the limit of 16.0 MiB
// (raise it with --max-article-size)".
func (e *LimitError) Error() string {
	var b strings.Builder
	b.WriteString(e.What)
	if e.Size >= 0 {
		b.WriteString(" is ")
		b.WriteString(formatSize(e.Size))
		if strings.HasPrefix(e.What, "line") {
			b.WriteString(" long")
		}
		b.WriteString(",")
	} else {
		b.WriteString(" is")
	}
	b.WriteString(" over the limit of ")
	b.WriteString(formatSize(e.Limit))
	if e.Flag != "" {
		b.WriteString(" (raise it with ")
		b.WriteString(e.Flag)
		b.WriteString(")")
	}
	return b.String()
}

// Is reports whether target is ErrTooLarge.
func (e *LimitError) Is(target error) bool { return target == ErrTooLarge }

// HTTPError reports a response whose status is not 2xx. It matches
// ErrHTTPStatus with errors.Is.
type HTTPError struct {
	// StatusCode is the HTTP status code, e.g. 404.
	StatusCode int
}

// Error returns e.g. "HTTP 404 Not Found".
func (e *HTTPError) Error() string {
	text := http.StatusText(e.StatusCode)
	if text == "" {
		return "HTTP " + strconv.Itoa(e.StatusCode)
	}
	return "HTTP " + strconv.Itoa(e.StatusCode) + " " + text
}

// Is reports whether target is ErrHTTPStatus.
func (e *HTTPError) Is(target error) bool { return target == ErrHTTPStatus }

// formatSize renders a byte count for messages: "512 B", "3.2 KiB",
// "16.0 MiB", "1.0 GiB".
func formatSize(n int64) string {
	const unit = 1024
	if n < unit {
		return strconv.FormatInt(n, 10) + " B"
	}
	div, exp := int64(unit), 0
	for m := n / unit; m >= unit && exp < 4; m /= unit {
		div *= unit
		exp++
	}
	return fmt.Sprintf("%.1f %ciB", float64(n)/float64(div), "KMGTP"[exp])
}

// newError builds the *Error of one input. A *fs.PathError reason is
// unwrapped to its own reason, since the origin already names the path:
// "read x.txt: no such file or directory", not "read x.txt: open x.txt: ...".
func newError(op, origin string, err error) *Error {
	if pe, ok := err.(*fs.PathError); ok {
		err = pe.Err
	}
	return &Error{Op: op, Origin: origin, Err: err}
}

// reasonError is a reason with a message of its own that still matches its
// sentinel (kind) with errors.Is.
type reasonError struct {
	kind error
	err  error
}

func (e *reasonError) Error() string   { return e.err.Error() }
func (e *reasonError) Unwrap() []error { return []error{e.kind, e.err} }

// reasonf returns an error with the message fmt.Sprintf(format, args...)
// (%w is allowed) that matches kind with errors.Is.
func reasonf(kind error, format string, args ...any) error {
	return &reasonError{kind: kind, err: fmt.Errorf(format, args...)}
}
