package source

import (
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"regexp"
	"strings"
)

// MaxRedirects is how many redirects a URL may go through.
const MaxRedirects = 5

// UserAgent is the User-Agent header sent with every request.
const UserAgent = "newsgraph/1.0 (+https://github.com/newsgraph/newsgraph; news knowledge graph builder)"

// rxURL tells a URL argument from a path: it starts with a scheme and "://".
var rxURL = regexp.MustCompile(`^[a-zA-Z][a-zA-Z0-9+.-]*://`)

// isURL reports whether a build argument is a URL rather than a path.
func isURL(arg string) bool { return rxURL.MatchString(arg) }

// fetched is a URL's response body, read whole within the limits.
type fetched struct {
	final   *url.URL // the URL after redirects
	format  format   // formatHTML, formatText, or formatText with sniff=true
	sniff   bool     // no content type: tell the format from the body
	charset string   // the Content-Type charset, if any
	body    []byte
}

// fetch gets an http or https URL within opt's limits: at most MaxRedirects
// redirects, no more than opt.MaxURLBytes of body, all within
// opt.URLTimeout. A status other than 2xx is an *HTTPError; a content type
// other than HTML or plain text is ErrUnsupported.
func fetch(parent context.Context, raw string, opt *Options) (*fetched, error) {
	u, err := url.Parse(raw)
	if err != nil {
		return nil, reasonf(ErrUnsupported, "not a valid URL: %v", stripURLError(err))
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return nil, reasonf(ErrUnsupported, "unsupported URL scheme %q (only http and https URLs are read)", u.Scheme)
	}
	if u.Host == "" {
		return nil, reasonf(ErrUnsupported, "URL has no host")
	}
	ctx, cancel := context.WithTimeout(parent, opt.URLTimeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, reasonf(ErrUnsupported, "not a valid URL: %v", stripURLError(err))
	}
	req.Header.Set("User-Agent", UserAgent)
	req.Header.Set("Accept", "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.1")

	client := *opt.Client // a copy, to set the redirect policy
	client.CheckRedirect = checkRedirect
	resp, err := client.Do(req)
	if err != nil {
		return nil, fetchError(parent, err, opt)
	}
	defer resp.Body.Close()
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return nil, &HTTPError{StatusCode: resp.StatusCode}
	}
	f := &fetched{final: resp.Request.URL}
	ct := resp.Header.Get("Content-Type")
	mediaType, params, perr := mime.ParseMediaType(ct)
	switch {
	case ct == "":
		f.sniff = true
	case perr != nil && mediaType == "":
		return nil, reasonf(ErrUnsupported, "unsupported content type %q", ct)
	case mediaType == "text/html" || mediaType == "application/xhtml+xml":
		f.format = formatHTML
	case mediaType == "text/plain" || mediaType == "text/markdown":
		f.format = formatText
	default:
		return nil, reasonf(ErrUnsupported, "unsupported content type %s (only text/html and text/plain are read)", mediaType)
	}
	f.charset = params["charset"]
	if resp.ContentLength > opt.MaxURLBytes {
		return nil, &LimitError{What: "response", Size: resp.ContentLength, Limit: opt.MaxURLBytes, Flag: FlagMaxURLSize}
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, opt.MaxURLBytes+1))
	if err != nil {
		return nil, fetchError(parent, err, opt)
	}
	if int64(len(body)) > opt.MaxURLBytes {
		return nil, &LimitError{What: "response", Size: -1, Limit: opt.MaxURLBytes, Flag: FlagMaxURLSize}
	}
	f.body = body
	return f, nil
}

// checkRedirect follows at most MaxRedirects redirects, to http and https
// URLs only.
func checkRedirect(req *http.Request, via []*http.Request) error {
	if len(via) > MaxRedirects {
		return fmt.Errorf("%w: stopped after %d", ErrTooManyRedirects, MaxRedirects)
	}
	if req.URL.Scheme != "http" && req.URL.Scheme != "https" {
		return reasonf(ErrUnsupported, "redirect to unsupported URL scheme %q", req.URL.Scheme)
	}
	return nil
}

// fetchError turns an error of the request into the reason of an Item:
// the caller's own context error when that one is done, ErrTimeout when
// opt.URLTimeout ran out, and no repetition of the URL, which Item.Origin
// names.
func fetchError(parent context.Context, err error, opt *Options) error {
	if perr := parent.Err(); perr != nil {
		return perr
	}
	if errors.Is(err, context.DeadlineExceeded) {
		return reasonf(ErrTimeout, "timed out: no complete answer within %s (raise it with %s)", opt.URLTimeout, FlagURLTimeout)
	}
	var ue *url.Error
	if errors.As(err, &ue) {
		if ue.Timeout() {
			return reasonf(ErrTimeout, "timed out: no complete answer within %s (raise it with %s)", opt.URLTimeout, FlagURLTimeout)
		}
		err = ue.Err
	}
	return err
}

// stripURLError drops the URL from a *url.Error's message.
func stripURLError(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Err
	}
	return err
}

// newHTTPClient is the client used when Options.Client is nil: the
// default transport's settings (proxy from the environment, dial and TLS
// timeouts), with the request's context bounding the whole fetch.
func newHTTPClient() *http.Client {
	return &http.Client{Transport: http.DefaultTransport.(*http.Transport).Clone()}
}

// extFormat is the format of an input named by a file extension
// (lower case, with the dot).
func extFormat(ext string) (format, bool) {
	switch strings.ToLower(ext) {
	case ".txt", ".text", ".md", ".markdown":
		return formatText, true
	case ".html", ".htm", ".xhtml":
		return formatHTML, true
	case ".jsonl", ".ndjson":
		return formatJSONLines, true
	case ".json":
		return formatJSON, true
	}
	return 0, false
}
