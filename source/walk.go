package source

import (
	"bufio"
	"bytes"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
)

// dirWalk lists the article files under a folder, depth first, sorted by
// name within each folder (the order of filepath.WalkDir), one at a time so
// that a huge tree is never held whole. Names starting with "." are
// skipped; symbolic links to files are followed, to folders not.
type dirWalk struct {
	root     string
	stack    []dirFrame
	started  bool
	articles int  // files that gave items, counted by the Reader
	ended    bool // the end (and any "no articles" error) was given
}

type dirFrame struct {
	dir, rel string // OS path, and slash path relative to root
	entries  []fs.DirEntry
	i        int
}

// walkEntry is a file to read, or the error of a file or folder.
type walkEntry struct {
	path string // OS path: root joined with rel
	rel  string // slash path relative to root
	err  error  // an *Error when the entry could not be listed
}

func newDirWalk(root string) *dirWalk { return &dirWalk{root: root} }

// next returns the next file with an article extension, or an error entry
// for a folder that cannot be listed or a broken link, and last, when no
// file gave an item, the ErrNoArticles error of the root.
func (w *dirWalk) next() (walkEntry, bool) {
	if !w.started {
		w.started = true
		entries, err := os.ReadDir(w.root)
		if err != nil {
			w.ended = true
			return walkEntry{path: w.root, err: newError("read", w.root, err)}, true
		}
		w.stack = append(w.stack, dirFrame{dir: w.root, entries: entries})
	}
	for len(w.stack) > 0 {
		top := &w.stack[len(w.stack)-1]
		if top.i >= len(top.entries) {
			w.stack = w.stack[:len(w.stack)-1]
			continue
		}
		e := top.entries[top.i]
		top.i++
		name := e.Name()
		if strings.HasPrefix(name, ".") {
			continue
		}
		p := filepath.Join(top.dir, name)
		rel := path.Join(top.rel, name)
		mode := e.Type()
		if mode&fs.ModeSymlink != 0 {
			if _, ok := extFormat(filepath.Ext(name)); !ok {
				continue
			}
			fi, err := os.Stat(p)
			if err != nil {
				return walkEntry{path: p, rel: rel, err: newError("read", p, err)}, true
			}
			if fi.IsDir() {
				continue // links to folders are not followed: no cycles
			}
			mode = fi.Mode().Type()
		}
		if mode.IsDir() {
			entries, err := os.ReadDir(p)
			if err != nil {
				return walkEntry{path: p, rel: rel, err: newError("read", p, err)}, true
			}
			w.stack = append(w.stack, dirFrame{dir: p, rel: rel, entries: entries})
			continue
		}
		if !mode.IsRegular() {
			continue
		}
		if _, ok := extFormat(filepath.Ext(name)); ok {
			return walkEntry{path: p, rel: rel}, true
		}
	}
	if !w.ended {
		w.ended = true
		if w.articles == 0 {
			err := reasonf(ErrNoArticles, "no articles (%s) under %s", articleExts, w.root)
			return walkEntry{path: w.root, err: newError("read", w.root, err)}, true
		}
	}
	return walkEntry{}, false
}

// Total returns the number of items Next gives in all, for a progress bar:
// one per article file and per URL, one per non-blank line of a JSON Lines
// corpus (found by a fast scan that counts lines without parsing them), one
// per error of an argument. It is -1 when standard input is among the
// arguments, whose length is not known before it is read. The count is
// made on the first call, which reads the folders and the corpora once
// (not the other files); later calls return it at once. The count is
// exact unless files change while they are read.
func (r *Reader) Total() int {
	r.totalOnce.Do(func() {
		n := 0
		for _, a := range r.args {
			switch a.kind {
			case argStdin:
				n = -1
			case argError, argURL:
				n++
			case argFile:
				n += countFile(a.text, false, &r.opt)
			case argDir:
				w := newDirWalk(a.text)
				for {
					e, ok := w.next()
					if !ok {
						break
					}
					if e.err != nil {
						n++
						continue
					}
					c := countFile(e.path, true, &r.opt)
					if c > 0 {
						w.articles++
					}
					n += c
				}
			}
			if n < 0 {
				break
			}
		}
		r.total = n
	})
	return r.total
}

// countFile returns how many items a file gives: its number of non-blank
// lines for a JSON Lines corpus (at least 1), 0 for a .json file under a
// folder that is not JSON Lines, else 1.
func countFile(p string, inFolder bool, opt *Options) int {
	fm, known := extFormat(filepath.Ext(p))
	if known && fm != formatJSONLines && fm != formatJSON {
		return 1
	}
	f, err := opt.open(p)
	if err != nil {
		return 1
	}
	defer f.Close()
	br := bufio.NewReaderSize(f, sniffSize)
	head, err := br.Peek(sniffSize)
	if err != nil && err != io.EOF && err != bufio.ErrBufferFull {
		return 1
	}
	if fm != formatJSONLines {
		if got, _ := sniff(head, err == io.EOF); got != formatJSONLines || (inFolder && !isCorpusHead(head, err == io.EOF, opt.Fields)) {
			if fm == formatJSON && inFolder {
				return 0
			}
			return 1
		}
	} else if _, bom, _ := bomEncoding(head); bom == "" && binaryKind(head) != "" {
		return 1 // refused whole
	}
	return max(1, countLines(br))
}

// countLines counts the lines of r that hold anything but ASCII white space
// (and a leading UTF-8 byte-order mark), as jsonlStream reads them.
func countLines(r io.Reader) int {
	buf := make([]byte, 64<<10)
	n, nonBlank, first := 0, false, true
	for {
		k, err := io.ReadAtLeast(r, buf, min(3, len(buf)))
		chunk := buf[:k]
		if first && bytes.HasPrefix(chunk, []byte("\xEF\xBB\xBF")) {
			chunk = chunk[3:]
		}
		first = first && k == 0
		for _, c := range chunk {
			switch c {
			case '\n':
				if nonBlank {
					n++
				}
				nonBlank = false
			case ' ', '\t', '\r', '\v', '\f':
			default:
				nonBlank = true
			}
		}
		if err != nil {
			break
		}
	}
	if nonBlank {
		n++
	}
	return n
}
