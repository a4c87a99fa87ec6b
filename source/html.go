package source

import (
	"encoding/json"
	"net/url"
	"regexp"
	"strings"
	"unicode"

	readability "codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// MaxHTMLDepth is how deeply HTML elements may nest. golang.org/x/net/html
// refuses deeper documents, which keeps pathological pages (100,000 nested
// <div>) from taking quadratic time; such a page is reported as
// ErrInvalidHTML.
const MaxHTMLDepth = 512

// MaxHTMLElements is the largest number of elements a page may have for
// readability to look for its article; a larger page is reported as
// ErrInvalidHTML rather than taking minutes.
const MaxHTMLElements = 200_000

// htmlArticle is what extractHTML finds in a page.
type htmlArticle struct {
	Title     string
	Date      string // normalised by normaliseDate
	Publisher string
	Canonical string // absolute http(s) URL, or ""
	Text      string // paragraphs separated by blank lines
}

// extractHTML finds the article of an HTML page with readability and
// renders its text with a blank line between paragraphs, headings, list
// items and block quotes. pageURL (may be nil) resolves relative links. It
// also reads the page's metadata: title, publication date (meta
// article:published_time and the like, JSON-LD datePublished, <time>),
// publisher (og:site_name, JSON-LD publisher) and canonical URL.
func extractHTML(text string, pageURL *url.URL) (art htmlArticle, err error) {
	root, err := html.Parse(strings.NewReader(text))
	if err != nil {
		if strings.Contains(err.Error(), "open stack of elements exceeds") {
			return art, reasonf(ErrInvalidHTML, "HTML elements nested more than %d deep", MaxHTMLDepth)
		}
		return art, reasonf(ErrInvalidHTML, "cannot parse HTML: %v", err)
	}
	meta := scanHTMLMeta(root, pageURL)
	if meta.elements > MaxHTMLElements {
		return art, reasonf(ErrInvalidHTML, "HTML page with %d elements, more than the %d this reader handles", meta.elements, MaxHTMLElements)
	}
	// Readability's work grows with the depth of each element and of each
	// piece of text: refuse pages whose text is both deep and large (only
	// hostile or broken pages are), which would take minutes.
	if meta.elemDepth > maxElemDepthSum ||
		(meta.textDepth > maxTextDepthSum && meta.textDepth > 64*meta.textBytes) {
		return art, reasonf(ErrInvalidHTML, "HTML elements too deeply nested for the size of the page")
	}

	var ra readability.Article
	func() {
		defer func() {
			if r := recover(); r != nil {
				err = reasonf(ErrInvalidHTML, "%s: %v", readabilityPanic, r)
			}
		}()
		parser := readability.NewParser()
		ra, err = parser.ParseAndMutate(root, pageURL)
	}()
	if err != nil {
		if !strings.Contains(err.Error(), readabilityPanic) {
			err = reasonf(ErrInvalidHTML, "cannot parse HTML: %v", err)
		}
		return art, err
	}
	if ra.Node != nil {
		art.Text = renderText(ra.Node)
	}
	if art.Text == "" {
		return art, ErrNoText
	}
	art.Title = cleanSpace(ra.Title())
	if art.Title == "" {
		art.Title = meta.title
	}
	art.Publisher = firstNonEmpty(meta.siteName, meta.ldPublisher, cleanSpace(ra.SiteName()), meta.appName)
	art.Title = trimSiteName(art.Title, art.Publisher)
	art.Date = normaliseDate(firstNonEmpty(meta.published, meta.ldDate, meta.itempropDate, meta.otherDate, meta.timePub, meta.timeFirst))
	art.Canonical = meta.canonical
	return art, nil
}

// Bounds of the work readability is given (sums over elements, and over
// bytes of text, of their depth in the tree): with them a page takes a few
// seconds at most.
const (
	maxElemDepthSum = 16_000_000
	maxTextDepthSum = 128_000_000
)

// titleSeparators separate a page title from the site's name.
var titleSeparators = []string{" | ", " - ", " – ", " — ", " :: ", " · ", " » ", " / "}

// trimSiteName cuts the site's name off a title ("Talks | Example News" →
// "Talks"), when what is left is not empty.
func trimSiteName(title, site string) string {
	if site == "" {
		return title
	}
	for _, sep := range titleSeparators {
		if t, ok := strings.CutSuffix(title, sep+site); ok && strings.TrimSpace(t) != "" {
			return strings.TrimSpace(t)
		}
		if t, ok := strings.CutPrefix(title, site+sep); ok && strings.TrimSpace(t) != "" {
			return strings.TrimSpace(t)
		}
	}
	return title
}

// readabilityPanic marks the error of a panic inside readability, which is
// reported as an error of that page rather than crashing the run.
const readabilityPanic = "readability failed"

// htmlMeta is the metadata scanHTMLMeta reads from a page.
type htmlMeta struct {
	title, siteName, appName, canonical                            string
	published, itempropDate, otherDate, timePub, timeFirst, ldDate string
	ldPublisher                                                    string
	elements                                                       int
	elemDepth, textDepth, textBytes                                int // sums of depths, for the bounds of work
}

// Meta names (name=, property= or itemprop=, lower case) that give a
// publication date, by priority.
var (
	publishedMetas = map[string]bool{
		"article:published_time": true, "og:article:published_time": true,
		"og:published_time": true, "article.published": true,
	}
	otherDateMetas = map[string]bool{
		"pubdate": true, "publishdate": true, "publish-date": true, "publish_date": true,
		"date": true, "dc.date": true, "dc.date.issued": true, "dcterms.date": true,
		"dcterms.created": true, "dcterms.issued": true, "sailthru.date": true,
		"parsely-pub-date": true, "article_date_original": true, "original-publish-date": true,
	}
)

// scanHTMLMeta walks the parsed page (before readability changes it) for
// its metadata.
func scanHTMLMeta(root *html.Node, pageURL *url.URL) htmlMeta {
	var m htmlMeta
	var ogURL string
	type entry struct {
		n     *html.Node
		depth int
	}
	stack := []entry{{root, 0}}
	for len(stack) > 0 {
		e := stack[len(stack)-1]
		n := e.n
		stack = stack[:len(stack)-1]
		for c := n.LastChild; c != nil; c = c.PrevSibling {
			stack = append(stack, entry{c, e.depth + 1})
		}
		if n.Type == html.TextNode {
			m.textBytes += len(n.Data)
			m.textDepth += len(n.Data) * e.depth
		}
		if n.Type != html.ElementNode {
			continue
		}
		m.elements++
		m.elemDepth += e.depth
		switch elemAtom(n) {
		case atom.Title:
			if m.title == "" && n.Namespace == "" {
				m.title = cleanSpace(nodeText(n))
			}
		case atom.Meta:
			content := strings.TrimSpace(attr(n, "content"))
			if content == "" {
				continue
			}
			for _, key := range []string{attr(n, "property"), attr(n, "name"), attr(n, "itemprop")} {
				key = strings.ToLower(strings.TrimSpace(key))
				switch {
				case key == "":
				case publishedMetas[key]:
					setFirst(&m.published, content)
				case key == "datepublished":
					setFirst(&m.itempropDate, content)
				case otherDateMetas[key]:
					setFirst(&m.otherDate, content)
				case key == "og:site_name":
					setFirst(&m.siteName, cleanSpace(content))
				case key == "application-name":
					setFirst(&m.appName, cleanSpace(content))
				case key == "og:url":
					setFirst(&ogURL, content)
				}
			}
		case atom.Link:
			if m.canonical == "" && hasToken(attr(n, "rel"), "canonical") {
				m.canonical = absoluteHTTP(attr(n, "href"), pageURL)
			}
		case atom.Time:
			dt := strings.TrimSpace(attr(n, "datetime"))
			if dt == "" {
				dt = cleanSpace(nodeText(n))
			}
			if dt == "" {
				continue
			}
			if hasAttr(n, "pubdate") || strings.EqualFold(attr(n, "itemprop"), "datePublished") {
				setFirst(&m.timePub, dt)
			}
			if hasAttr(n, "datetime") {
				setFirst(&m.timeFirst, dt)
			}
		case atom.Script:
			if strings.EqualFold(strings.TrimSpace(attr(n, "type")), "application/ld+json") && (m.ldDate == "" || m.ldPublisher == "") {
				date, pub := scanJSONLD(nodeText(n))
				setFirst(&m.ldDate, date)
				setFirst(&m.ldPublisher, pub)
			}
		}
	}
	if m.canonical == "" && ogURL != "" {
		m.canonical = absoluteHTTP(ogURL, pageURL)
	}
	return m
}

var rxCDATA = regexp.MustCompile(`^\s*(?:<!\[CDATA\[)?|(?:\]\]>)?\s*$`)

// scanJSONLD reads a JSON-LD script for the datePublished and publisher
// name of its article (an object whose @type ends in Article, Posting or
// Report; any object with datePublished otherwise).
func scanJSONLD(src string) (date, publisher string) {
	var v any
	if json.Unmarshal([]byte(rxCDATA.ReplaceAllString(src, "")), &v) != nil {
		return "", ""
	}
	var anyDate, anyPub string
	budget := 10_000 // objects looked at, against pathological scripts
	var walk func(v any, depth int)
	walk = func(v any, depth int) {
		if budget <= 0 || depth > 64 {
			return
		}
		switch x := v.(type) {
		case []any:
			for _, e := range x {
				walk(e, depth+1)
			}
		case map[string]any:
			budget--
			d, _ := x["datePublished"].(string)
			p := jsonLDName(x["publisher"])
			if isArticleType(x["@type"]) {
				setFirst(&date, strings.TrimSpace(d))
				setFirst(&publisher, p)
			}
			setFirst(&anyDate, strings.TrimSpace(d))
			setFirst(&anyPub, p)
			for _, k := range []string{"@graph", "mainEntity", "mainEntityOfPage", "itemListElement"} {
				if c, ok := x[k]; ok {
					walk(c, depth+1)
				}
			}
		}
	}
	walk(v, 0)
	return firstNonEmpty(date, anyDate), firstNonEmpty(publisher, anyPub)
}

// jsonLDName returns a JSON-LD publisher's name: the string itself, or the
// "name" of an object (the first of an array).
func jsonLDName(v any) string {
	switch x := v.(type) {
	case string:
		return cleanSpace(x)
	case map[string]any:
		if s, ok := x["name"].(string); ok {
			return cleanSpace(s)
		}
	case []any:
		if len(x) > 0 {
			return jsonLDName(x[0])
		}
	}
	return ""
}

// isArticleType reports whether a JSON-LD @type names an article.
func isArticleType(v any) bool {
	switch x := v.(type) {
	case string:
		return strings.HasSuffix(x, "Article") || strings.HasSuffix(x, "Posting") || x == "Report"
	case []any:
		for _, e := range x {
			if isArticleType(e) {
				return true
			}
		}
	}
	return false
}

// absoluteHTTP resolves href against base and returns it when it is an
// absolute http or https URL, else "".
func absoluteHTTP(href string, base *url.URL) string {
	href = strings.TrimSpace(href)
	if href == "" {
		return ""
	}
	u, err := url.Parse(href)
	if err != nil {
		return ""
	}
	if base != nil {
		u = base.ResolveReference(u)
	}
	if (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return ""
	}
	u.Fragment = ""
	return u.String()
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Namespace == "" && strings.EqualFold(a.Key, key) {
			return a.Val
		}
	}
	return ""
}

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Namespace == "" && strings.EqualFold(a.Key, key) {
			return true
		}
	}
	return false
}

func hasToken(list, token string) bool {
	for _, f := range strings.Fields(list) {
		if strings.EqualFold(f, token) {
			return true
		}
	}
	return false
}

// nodeText is the concatenated text of n's descendant text nodes.
func nodeText(n *html.Node) string {
	var b strings.Builder
	stack := []*html.Node{n}
	for len(stack) > 0 {
		c := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if c.Type == html.TextNode {
			b.WriteString(c.Data)
			continue
		}
		for k := c.LastChild; k != nil; k = k.PrevSibling {
			stack = append(stack, k)
		}
	}
	return b.String()
}

func setFirst(dst *string, v string) {
	if *dst == "" {
		*dst = v
	}
}

func firstNonEmpty(vs ...string) string {
	for _, v := range vs {
		if v != "" {
			return v
		}
	}
	return ""
}

// cleanSpace collapses runs of white space into one space and trims.
func cleanSpace(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// Element classes for renderText.
var (
	// skipElems never hold article text.
	skipElems = map[atom.Atom]bool{
		atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
		atom.Head: true, atom.Iframe: true, atom.Svg: true, atom.Math: true,
		atom.Canvas: true, atom.Audio: true, atom.Video: true, atom.Object: true,
		atom.Embed: true, atom.Button: true, atom.Select: true, atom.Input: true,
		atom.Textarea: true, atom.Map: true,
	}
	// paraElems are separated from what surrounds them by a blank line.
	paraElems = map[atom.Atom]bool{
		atom.P: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true,
		atom.H5: true, atom.H6: true, atom.Li: true, atom.Blockquote: true,
		atom.Pre: true, atom.Ul: true, atom.Ol: true, atom.Dl: true, atom.Dt: true,
		atom.Dd: true, atom.Table: true, atom.Figure: true, atom.Figcaption: true,
		atom.Hr: true, atom.Div: true, atom.Section: true, atom.Article: true,
		atom.Header: true, atom.Footer: true, atom.Main: true, atom.Aside: true,
		atom.Nav: true, atom.Address: true, atom.Details: true, atom.Summary: true,
		atom.Form: true, atom.Fieldset: true, atom.Caption: true, atom.Center: true,
	}
	// lineElems start a new line.
	lineElems = map[atom.Atom]bool{atom.Tr: true, atom.Br: true}
)

// elemAtom is the atom of an element's tag. Readability renames elements
// (a <div> of text becomes a <p>) by their Data alone, so the DataAtom the
// parser gave may be stale or zero.
func elemAtom(n *html.Node) atom.Atom {
	if n.DataAtom != 0 && n.DataAtom.String() == n.Data {
		return n.DataAtom
	}
	return atom.Lookup([]byte(n.Data))
}

// textBuilder writes words with single spaces between them and at most one
// blank line between blocks.
type textBuilder struct {
	b     strings.Builder
	space bool // a space is due before the next word
	nl    int  // newlines due before the next word (0, 1 or 2)
}

func (t *textBuilder) breakLine(n int) {
	if n > t.nl {
		t.nl = n
	}
}

func (t *textBuilder) word(w string) {
	if t.b.Len() > 0 {
		switch {
		case t.nl > 0:
			t.b.WriteString("\n\n"[:t.nl])
		case t.space:
			t.b.WriteByte(' ')
		}
	}
	t.b.WriteString(w)
	t.nl, t.space = 0, false
}

// renderText renders the text of an article node: words separated by
// single spaces, a line break for <br> and table rows, a blank line between
// paragraphs, headings, list items, block quotes and other blocks, <pre>
// kept as it is. Non-breaking spaces become spaces.
func renderText(n *html.Node) string {
	var t textBuilder
	var walk func(n *html.Node, pre bool)
	walk = func(n *html.Node, pre bool) {
		switch n.Type {
		case html.TextNode:
			if pre {
				for i, line := range strings.Split(strings.ReplaceAll(n.Data, "\u00a0", " "), "\n") {
					if i > 0 {
						t.breakLine(1)
					}
					if strings.TrimSpace(line) != "" {
						t.word(strings.TrimRight(line, " \t"))
					}
				}
				return
			}
			start := -1
			for i, r := range n.Data {
				if unicode.IsSpace(r) {
					if start >= 0 {
						t.word(n.Data[start:i])
						start = -1
					}
					t.space = true
				} else if start < 0 {
					start = i
				}
			}
			if start >= 0 {
				t.word(n.Data[start:])
			}
			return
		case html.ElementNode:
			if skipElems[elemAtom(n)] || hasAttr(n, "hidden") || strings.EqualFold(attr(n, "aria-hidden"), "true") {
				return
			}
		case html.CommentNode, html.DoctypeNode, html.RawNode:
			return
		}
		a := elemAtom(n)
		para, line := paraElems[a], lineElems[a]
		switch {
		case para:
			t.breakLine(2)
		case line:
			t.breakLine(1)
		case a == atom.Td || a == atom.Th:
			if t.nl == 0 && t.b.Len() > 0 {
				t.space = true
			}
		}
		pre = pre || a == atom.Pre
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, pre)
		}
		if para {
			t.breakLine(2)
		} else if line {
			t.breakLine(1)
		}
	}
	walk(n, false)
	return t.b.String()
}
