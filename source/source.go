// Package source turns the arguments of `newsgraph build` into article
// documents for the extractor: files, folders, http(s) URLs and "-" for
// standard input.
//
// Open resolves the arguments; Reader.Next then gives one Item at a time,
// streaming, in a fixed order: arguments as given, files of a folder sorted
// by path, lines of a JSON Lines corpus in file order. An input that cannot
// be read gives an Item whose Err says where and why, and reading goes on
// with the next one, so one bad article never stops the others.
//
// # Inputs
//
//   - A file is read by its extension: .txt, .text, .md, .markdown as plain
//     text; .html, .htm, .xhtml as an HTML page; .jsonl, .ndjson as a JSON
//     Lines corpus (one article object per line); .json as a JSON Lines
//     corpus when it is one. A file given directly with another extension
//     has its format told from its content.
//   - A folder is read recursively: files with the extensions above, sorted
//     by path. A .json file there is read only when it is a corpus (its
//     first line an object with a text field), and skipped otherwise
//     (package.json, settings). Names starting with "." are skipped, and
//     symbolic links to folders are not followed.
//   - An http or https URL is fetched: text/html is read as HTML, text/plain
//     as text, other content types are refused.
//   - "-" reads standard input, whose format is told from its content
//     (text, HTML or JSON Lines).
//
// Every text is decoded the same way: UTF-8 (a byte-order mark is
// stripped), UTF-16 and UTF-32 with a byte-order mark, Windows-1252
// (Latin-1) for invalid UTF-8 that reads as such; "\r\n" becomes "\n".
// Binary data, empty text, graph data (N-Quads, JSON-LD) and inputs over the
// size limits of Options are refused with a clear error.
//
// HTML pages go through readability (codeberg.org/readeck/go-readability)
// for their main text, with a blank line between paragraphs, headings, list
// items and block quotes, and for their title, publication date, publisher
// (og:site_name) and canonical URL.
//
// # Document IDs
//
// IDs are stable: the same input gives the same ID.
//
//   - A file given directly: its base name ("article.txt").
//   - A file found under a folder argument: its slash path relative to that
//     folder ("2017/03/article.html").
//   - A JSON Lines record: "<corpus>/<id>", where <corpus> is the corpus's
//     base name without extension (its relative path without extension
//     when found under a folder) and <id> is the record's id field, or
//     "line-<N>" (N counts from 1) when it has none.
//   - A URL: the page's canonical link (<link rel="canonical">, else
//     og:url) when it is an absolute http(s) URL, else the URL after
//     redirects, without its #fragment.
//   - Standard input: "stdin-" and the first 16 hex digits of the SHA-256
//     of the bytes read, so that different inputs get different IDs;
//     a JSON Lines corpus on standard input uses the prefix "stdin".
package source

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"iter"
	"net/http"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"golang.org/x/text/transform"

	"github.com/newsgraph/newsgraph/extract"
)

// Default limits, used for the zero fields of Options.
const (
	// DefaultMaxArticleBytes bounds an article file, standard input, the
	// text of a page, and each line of a JSON Lines corpus: 16 MiB.
	DefaultMaxArticleBytes int64 = 16 << 20
	// DefaultMaxLineBytes bounds one line of a plain-text article: 1 MiB.
	DefaultMaxLineBytes int64 = 1 << 20
	// DefaultMaxURLBytes bounds the body of a URL's response: 32 MiB.
	DefaultMaxURLBytes int64 = 32 << 20
	// DefaultURLTimeout bounds the whole fetch of one URL: 30 seconds.
	DefaultURLTimeout = 30 * time.Second
)

// The command-line flags that set the limits, named in the errors of the
// limits so that a user knows what to raise. The CLI should use these names.
const (
	FlagMaxArticleSize = "--max-article-size"
	FlagMaxLineLength  = "--max-line-length"
	FlagMaxURLSize     = "--max-url-size"
	FlagURLTimeout     = "--url-timeout"
)

// articleExts lists the extensions of the files read from folders, for
// messages.
const articleExts = ".txt, .text, .md, .markdown, .html, .htm, .xhtml, .jsonl, .ndjson, .json"

// Options configure a Reader. The zero value is ready to use: zero (or
// negative) limits take the Default... values.
type Options struct {
	// MaxArticleBytes bounds an article file, standard input, the text of
	// a page, and each line of a JSON Lines corpus.
	MaxArticleBytes int64
	// MaxLineBytes bounds one line of a plain-text article.
	MaxLineBytes int64
	// MaxURLBytes bounds the body of a URL's response; reading stops there.
	MaxURLBytes int64
	// URLTimeout bounds the whole fetch of one URL, body included.
	URLTimeout time.Duration
	// Fields maps other JSON keys to article fields in JSON Lines corpora.
	Fields FieldMap
	// Client fetches URLs; nil means a client of this package's own. Its
	// redirect policy is replaced by this package's (at most MaxRedirects,
	// to http and https URLs only).
	Client *http.Client
	// Stdin is read for the argument "-"; nil means os.Stdin.
	Stdin io.Reader

	// open opens files; nil means os.Open. Tests replace it.
	open func(name string) (*os.File, error)
}

// withDefaults returns opt with its zero fields set.
func (opt Options) withDefaults() Options {
	if opt.MaxArticleBytes <= 0 {
		opt.MaxArticleBytes = DefaultMaxArticleBytes
	}
	if opt.MaxLineBytes <= 0 {
		opt.MaxLineBytes = DefaultMaxLineBytes
	}
	if opt.MaxURLBytes <= 0 {
		opt.MaxURLBytes = DefaultMaxURLBytes
	}
	if opt.URLTimeout <= 0 {
		opt.URLTimeout = DefaultURLTimeout
	}
	if opt.Client == nil {
		opt.Client = newHTTPClient()
	}
	if opt.Stdin == nil {
		opt.Stdin = os.Stdin
	}
	if opt.open == nil {
		opt.open = os.Open
	}
	return opt
}

// Item is one article read, or the error of one input.
type Item struct {
	// Doc is the article; its zero value when Err is not nil.
	Doc extract.Document
	// Origin names where the item comes from, for messages and progress:
	// the file path ("data/a.txt"), "path:line" for a JSON Lines record
	// ("corpus.jsonl:17"), the URL as given, or "stdin".
	Origin string
	// Err is nil for an article. Otherwise it is an *Error, whose message
	// names the origin and the reason in one line, and which wraps one of
	// the Err... sentinels (or an error of the operating system such as
	// fs.ErrNotExist or fs.ErrPermission).
	Err error
}

// argKind is the kind of a build argument.
type argKind int

const (
	argFile argKind = iota
	argDir
	argURL
	argStdin
	argError
)

// arg is one resolved build argument.
type arg struct {
	kind argKind
	text string // the argument as given
	err  error  // for argError
}

// Reader gives the articles of a list of build arguments, one at a time.
// Next must be called from one goroutine at a time; Total may be called
// from any goroutine, also while Next runs.
type Reader struct {
	ctx  context.Context
	opt  Options
	args []arg

	pos    int          // next argument
	walk   *dirWalk     // the folder being read, if any
	stream *jsonlStream // the corpus being read, if any
	err    error        // why reading stopped early (the context's error)
	closed bool

	totalOnce sync.Once
	total     int
}

// Open resolves build arguments: it tells files, folders, URLs and "-"
// (standard input) apart, and reads nothing yet. A path that does not
// exist or cannot be read comes out of Next as an Item with its error;
// Open itself fails only when args is empty. ctx bounds URL fetches and
// stops Next when done.
func Open(ctx context.Context, args []string, opt Options) (*Reader, error) {
	if len(args) == 0 {
		return nil, errors.New("no input: give article files, folders, http(s) URLs, or - for standard input")
	}
	r := &Reader{ctx: ctx, opt: opt.withDefaults(), total: -1}
	for _, a := range args {
		r.args = append(r.args, resolve(a))
	}
	return r, nil
}

// resolve tells what a build argument is.
func resolve(a string) arg {
	switch {
	case a == "-":
		return arg{kind: argStdin, text: a}
	case strings.TrimSpace(a) == "":
		return arg{kind: argError, text: a, err: newError("read", fmt.Sprintf("%q", a), reasonf(ErrUnsupported, "empty argument"))}
	case isURL(a):
		return arg{kind: argURL, text: a}
	}
	fi, err := os.Stat(a)
	if err != nil {
		return arg{kind: argError, text: a, err: newError("read", a, err)}
	}
	if fi.IsDir() {
		return arg{kind: argDir, text: a}
	}
	return arg{kind: argFile, text: a}
}

// Next returns the next item and true, or false when there is none left
// (or ctx is done: see Err). Items come in a fixed order; an item with an
// Err does not stop the ones after it.
func (r *Reader) Next() (Item, bool) {
	for {
		if r.err != nil || r.closed {
			return Item{}, false
		}
		if err := r.ctx.Err(); err != nil {
			r.stop(err)
			return Item{}, false
		}
		if r.stream != nil {
			if it, ok := r.stream.next(); ok {
				return it, true
			}
			r.stream = nil
			continue
		}
		if r.walk != nil {
			e, ok := r.walk.next()
			if !ok {
				r.walk = nil
				continue
			}
			if e.err != nil {
				return Item{Origin: e.path, Err: e.err}, true
			}
			it, ok := r.readFile(e.path, e.path, e.rel, true)
			if ok || r.stream != nil {
				r.walk.articles++
			}
			if ok {
				return it, true
			}
			continue
		}
		if r.pos >= len(r.args) {
			return Item{}, false
		}
		a := r.args[r.pos]
		r.pos++
		switch a.kind {
		case argError:
			origin := a.text
			var e *Error
			if errors.As(a.err, &e) {
				origin = e.Origin
			}
			return Item{Origin: origin, Err: a.err}, true
		case argDir:
			r.walk = newDirWalk(a.text)
		case argFile:
			if it, ok := r.readFile(a.text, a.text, filepath.Base(a.text), false); ok {
				return it, true
			}
		case argURL:
			it := r.readURL(a.text)
			if r.err != nil {
				return Item{}, false
			}
			return it, true
		case argStdin:
			if it, ok := r.readStdin(); ok {
				return it, true
			}
		}
	}
}

// All returns an iterator over the items Next gives.
func (r *Reader) All() iter.Seq[Item] {
	return func(yield func(Item) bool) {
		for {
			it, ok := r.Next()
			if !ok || !yield(it) {
				return
			}
		}
	}
}

// Err returns why Next stopped before the end: the context's error, or nil.
func (r *Reader) Err() error { return r.err }

// Close releases the open corpus file, if any, and idle connections. Items
// are not to be read after Close.
func (r *Reader) Close() error {
	if r.stream != nil {
		r.stream.finish()
		r.stream = nil
	}
	r.opt.Client.CloseIdleConnections()
	r.closed, r.walk = true, nil
	return nil
}

func (r *Reader) stop(err error) {
	r.err = err
	if r.stream != nil {
		r.stream.finish()
		r.stream = nil
	}
	r.walk = nil
}

// readFile reads one file. name is the path shown in messages, id the
// document ID (for a corpus: its prefix, from which the extension is cut).
// inFolder tells a file found under a folder, which is skipped, not
// refused, when it is a .json file that is not JSON Lines. It returns false
// when there is no item to give now: the file was skipped, or it is a
// corpus whose records r.stream now gives.
func (r *Reader) readFile(p, name, id string, inFolder bool) (Item, bool) {
	fail := func(err error) (Item, bool) {
		return Item{Origin: name, Err: newError("read", name, err)}, true
	}
	f, err := r.opt.open(p)
	if err != nil {
		return fail(err)
	}
	fi, err := f.Stat()
	if err != nil {
		f.Close()
		return fail(err)
	}
	if fi.IsDir() {
		f.Close()
		return fail(reasonf(ErrUnsupported, "a folder where a file was expected"))
	}
	fm, known := extFormat(filepath.Ext(p))
	prefix := strings.TrimSuffix(id, path.Ext(id))
	if fm == formatJSONLines {
		item, ok := r.startStream(f, f, name, prefix)
		return item, ok
	}
	br := bufio.NewReaderSize(f, sniffSize)
	sniffed := false
	if fm == formatJSON || !known {
		head, perr := br.Peek(sniffSize)
		if perr != nil && perr != io.EOF && perr != bufio.ErrBufferFull {
			f.Close()
			return fail(perr)
		}
		got, kind := sniff(head, perr == io.EOF)
		switch {
		case got == formatJSONLines && (!inFolder || isCorpusHead(head, perr == io.EOF, r.opt.Fields)):
			return r.startStream(br, f, name, prefix)
		case fm == formatJSON && inFolder:
			f.Close()
			return Item{}, false // a .json file that is not JSON Lines: not an article
		case got == formatBinary:
			f.Close()
			return fail(binaryError(kind))
		case fm == formatJSON && formatError(got) == nil:
			f.Close()
			return fail(reasonf(ErrNotArticle, "a .json file that is not JSON Lines (one article object per line)"))
		}
		if err := formatError(got); err != nil {
			f.Close()
			return fail(err)
		}
		fm, sniffed = got, true
	}
	defer f.Close()
	max := r.opt.MaxArticleBytes
	if fi.Mode().IsRegular() && fi.Size() > max {
		return fail(&LimitError{What: "article", Size: fi.Size(), Limit: max, Flag: FlagMaxArticleSize})
	}
	data, err := io.ReadAll(io.LimitReader(br, max+1))
	if err != nil {
		return fail(err)
	}
	if int64(len(data)) > max {
		return fail(&LimitError{What: "article", Size: -1, Limit: max, Flag: FlagMaxArticleSize})
	}
	doc, err := r.document(data, fm, sniffed, "", nil)
	if err != nil {
		return fail(err)
	}
	doc.ID = id
	return Item{Doc: doc, Origin: name}, true
}

// startStream begins reading a JSON Lines corpus from rd (closed with c at
// the end, unless c is nil). It refuses binary data, and decodes UTF-16 and
// UTF-32 corpora with a byte-order mark. The records then come from
// r.stream; it returns an item only when the corpus is refused whole.
func (r *Reader) startStream(rd io.Reader, c io.Closer, name, prefix string) (Item, bool) {
	br, ok := rd.(*bufio.Reader)
	if !ok || br.Size() < sniffSize {
		br = bufio.NewReaderSize(rd, sniffSize)
	}
	head, err := br.Peek(sniffSize)
	if err != nil && err != io.EOF && err != bufio.ErrBufferFull {
		if c != nil {
			c.Close()
		}
		return Item{Origin: name, Err: newError("read", name, err)}, true
	}
	if enc, bom, n := bomEncoding(head); bom == "UTF-8" {
		br.Discard(n)
	} else if enc != nil {
		br = bufio.NewReaderSize(transform.NewReader(br, enc.NewDecoder()), sniffSize)
	} else if kind := binaryKind(head); kind != "" {
		if c != nil {
			c.Close()
		}
		return Item{Origin: name, Err: newError("read", name, binaryError(kind))}, true
	}
	r.stream = &jsonlStream{br: br, closer: c, origin: name, prefix: prefix, max: r.opt.MaxArticleBytes, fields: r.opt.Fields}
	return Item{}, false
}

// formatError is the error for inputs of a format that holds no article,
// or nil.
func formatError(f format) error {
	switch f {
	case formatNQuads:
		return reasonf(ErrGraphData, "looks like N-Quads data, not an article; build reads articles (text, HTML, JSON Lines); to query a graph file, use newsgraph query --backend memstore --db FILE")
	case formatJSONLD:
		return reasonf(ErrGraphData, "looks like a JSON-LD document, not an article; build reads articles (text, HTML, JSON Lines)")
	case formatJSON:
		return reasonf(ErrNotArticle, "a JSON document, not JSON Lines (one article object per line)")
	case formatXML:
		return reasonf(ErrNotArticle, "looks like an XML document (a feed?), not an article")
	}
	return nil
}

// document decodes the bytes of one article and reads them as format fm.
// sniffed tells that fm was told from the content (standard input, a URL
// without content type, a file of unknown extension). charset is a
// declared charset (HTTP), pageURL the page's URL (nil for files).
func (r *Reader) document(data []byte, fm format, sniffed bool, charset string, pageURL *url.URL) (extract.Document, error) {
	var doc extract.Document
	text, err := decodeText(data, charset)
	if err != nil {
		return doc, err
	}
	if fm != formatHTML || sniffed {
		head := text[:min(len(text), sniffSize)]
		got, _ := sniff([]byte(head), len(head) == len(text))
		switch {
		case got == formatNQuads || got == formatJSONLD:
			return doc, formatError(got)
		case sniffed && got == formatJSONLines:
			return doc, reasonf(ErrUnsupported, "looks like JSON Lines; save it as a .jsonl file to read it as a corpus")
		case sniffed && (got == formatJSON || got == formatXML):
			return doc, formatError(got)
		case sniffed && got == formatHTML:
			fm = formatHTML
		}
	}
	if fm == formatHTML {
		art, err := extractHTML(text, pageURL)
		if err != nil {
			return doc, err
		}
		doc = extract.Document{Title: art.Title, Date: art.Date, Publisher: art.Publisher, URL: art.Canonical, Text: art.Text}
	} else {
		if err := checkLineLength(text, r.opt.MaxLineBytes); err != nil {
			return doc, err
		}
		doc.Text = text
	}
	if int64(len(doc.Text)) > r.opt.MaxArticleBytes {
		return doc, &LimitError{What: "article text", Size: int64(len(doc.Text)), Limit: r.opt.MaxArticleBytes, Flag: FlagMaxArticleSize}
	}
	return doc, nil
}

// readURL fetches one URL. When ctx is done it sets r.err instead.
func (r *Reader) readURL(raw string) Item {
	f, err := fetch(r.ctx, raw, &r.opt)
	if err == nil {
		var doc extract.Document
		doc, err = r.document(f.body, f.format, f.sniff, f.charset, f.final)
		if err == nil {
			final := *f.final
			final.Fragment, final.RawFragment = "", ""
			doc.ID = firstNonEmpty(doc.URL, final.String())
			doc.URL = doc.ID
			return Item{Doc: doc, Origin: raw}
		}
	}
	if ctxErr := r.ctx.Err(); ctxErr != nil && errors.Is(err, ctxErr) {
		r.stop(ctxErr)
		return Item{}
	}
	return Item{Origin: raw, Err: newError("fetch", raw, err)}
}

// readStdin reads standard input: a JSON Lines corpus (streamed), or one
// article, text or HTML.
func (r *Reader) readStdin() (Item, bool) {
	const name = "stdin"
	fail := func(err error) (Item, bool) {
		return Item{Origin: name, Err: newError("read", name, err)}, true
	}
	br := bufio.NewReaderSize(r.opt.Stdin, sniffSize)
	head, err := br.Peek(sniffSize)
	if err != nil && err != io.EOF && err != bufio.ErrBufferFull {
		return fail(err)
	}
	if got, kind := sniff(head, err == io.EOF); got == formatJSONLines {
		return r.startStream(br, nil, name, name)
	} else if got == formatBinary {
		return fail(binaryError(kind))
	}
	max := r.opt.MaxArticleBytes
	data, err := io.ReadAll(io.LimitReader(br, max+1))
	if err != nil {
		return fail(err)
	}
	if int64(len(data)) > max {
		return fail(&LimitError{What: "article", Size: -1, Limit: max, Flag: FlagMaxArticleSize})
	}
	doc, err := r.document(data, formatText, true, "", nil)
	if err != nil {
		return fail(err)
	}
	sum := sha256.Sum256(data)
	doc.ID = "stdin-" + hex.EncodeToString(sum[:8])
	return Item{Doc: doc, Origin: name}, true
}
