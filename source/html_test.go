package source

import (
	"errors"
	"net/url"
	"strings"
	"testing"
	"time"
)

// para is a paragraph long enough for readability to keep.
const para = "Foreign and Defense Ministers of Russia and Japan held their first talks in the two-plus-two format since November 2013, discussing regional security, confidence-building measures and joint economic activities."

// page builds an HTML page with the given head and article body.
func page(head, body string) string {
	return "<!DOCTYPE html><html><head>" + head + "</head><body>" +
		`<nav><a href="/">Home</a> | <a href="/politics">Politics</a></nav>` +
		"<article>" + body + "</article><footer>© 2017 Example News</footer></body></html>"
}

func TestExtractHTML(t *testing.T) {
	body := "<h1>Talks in Tokyo</h1><p>" + para + "</p><p>Second " + para + "</p>" +
		"<ul><li>First point of the talks.</li><li>Second point.</li></ul>" +
		"<blockquote>“Cooperation is necessary,” he said.</blockquote><p>Last <b>bold</b> words.<br>New line.</p>"
	head := `<title>Talks in Tokyo | Example News</title>
		<meta property="og:site_name" content="Example News">
		<meta property="article:published_time" content="2017-03-28T23:45:00+03:00">
		<link rel="canonical" href="/en/talks-in-tokyo">
		<script>var ads = "not text";</script><style>p { color: red }</style>`
	base, _ := url.Parse("https://example.com/some/path?utm=1")
	art, err := extractHTML(page(head, body), base)
	if err != nil {
		t.Fatal(err)
	}
	// The <h1> repeats the title: readability leaves it out of the text.
	want := para + "\n\nSecond " + para + "\n\nFirst point of the talks.\n\nSecond point.\n\n" +
		"“Cooperation is necessary,” he said.\n\nLast bold words.\nNew line."
	if art.Text != want {
		t.Errorf("text:\n got %q\nwant %q", art.Text, want)
	}
	if art.Title != "Talks in Tokyo" {
		t.Errorf("title = %q", art.Title)
	}
	if art.Date != "2017-03-28" {
		t.Errorf("date = %q", art.Date)
	}
	if art.Publisher != "Example News" {
		t.Errorf("publisher = %q", art.Publisher)
	}
	if art.Canonical != "https://example.com/en/talks-in-tokyo" {
		t.Errorf("canonical = %q", art.Canonical)
	}
	for _, bad := range []string{"ads", "color", "Home", "©"} {
		if strings.Contains(art.Text, bad) {
			t.Errorf("text holds %q: %q", bad, art.Text)
		}
	}
}

func TestExtractHTMLMetadataSources(t *testing.T) {
	body := "<p>" + para + "</p><p>" + para + "</p>"
	tests := []struct {
		name, head, body     string
		date, publisher, url string
	}{
		{name: "JSON-LD", head: `<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Site"},{"@type":"NewsArticle","headline":"H","datePublished":"2020-05-06T10:00:00Z","publisher":{"@type":"Organization","name":"The Daily"}}]}</script>`,
			date: "2020-05-06", publisher: "The Daily"},
		{name: "time element", body: `<p><time datetime="2019-01-02T08:00:00+01:00">2 Jan</time></p>`, date: "2019-01-02"},
		{name: "time pubdate wins", body: `<p><time datetime="2019-01-01">x</time> <time pubdate datetime="2019-02-03">y</time></p>`, date: "2019-02-03"},
		{name: "meta name date", head: `<meta name="pubdate" content="Tue, 28 Mar 2017 20:45:00 GMT">`, date: "2017-03-28"},
		{name: "itemprop", head: `<meta itemprop="datePublished" content="2016-07-08">`, date: "2016-07-08"},
		{name: "og:url", head: `<meta property="og:url" content="https://example.org/a#top">`, url: "https://example.org/a"},
		{name: "relative canonical without base ignored", head: `<link rel="canonical" href="/a">`},
		{name: "javascript canonical ignored", head: `<link rel="canonical" href="javascript:alert(1)">`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			art, err := extractHTML(page(tt.head, body+tt.body), nil)
			if err != nil {
				t.Fatal(err)
			}
			if art.Date != tt.date || art.Publisher != tt.publisher || art.Canonical != tt.url {
				t.Fatalf("got date %q publisher %q url %q, want %q %q %q", art.Date, art.Publisher, art.Canonical, tt.date, tt.publisher, tt.url)
			}
		})
	}
}

func TestExtractHTMLErrors(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		wantErr error
		errHas  string
	}{
		{name: "only scripts and styles", in: "<html><head><style>body{}</style></head><body><script>var a = 'text text';</script><style>p{}</style><noscript></noscript></body></html>",
			wantErr: ErrNoText, errHas: "no article text found"},
		{name: "empty body", in: "<html><body>   </body></html>", wantErr: ErrNoText},
		{name: "100,000 nested divs", in: strings.Repeat("<div>", 100_000) + para + strings.Repeat("</div>", 100_000),
			wantErr: ErrInvalidHTML, errHas: "HTML elements nested more than 512 deep"},
		{name: "100,000 nested spans", in: "<p>" + strings.Repeat("<span>", 100_000) + para,
			wantErr: ErrInvalidHTML, errHas: "HTML elements nested more than 512 deep"},
		{name: "deep and large", in: strings.Repeat("<div>", 500) + strings.Repeat("<p>"+para+"</p>", 2000) + strings.Repeat("</div>", 500),
			wantErr: ErrInvalidHTML, errHas: "too deeply nested"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start := time.Now()
			_, err := extractHTML(tt.in, nil)
			if !errors.Is(err, tt.wantErr) || !strings.Contains(err.Error(), tt.errHas) {
				t.Fatalf("got %v, want %v with %q", err, tt.wantErr, tt.errHas)
			}
			if d := time.Since(start); d > 5*time.Second {
				t.Fatalf("took %v", d)
			}
		})
	}
}

func TestExtractHTMLDivParagraphs(t *testing.T) {
	// Readability turns <div>s of text into <p>s: they stay paragraphs.
	art, err := extractHTML("<body><div>One, a sentence.</div><div>Two, another.</div><div>Three <b>x</b><br>y</div></body>", nil)
	if err != nil {
		t.Fatal(err)
	}
	if want := "One, a sentence.\n\nTwo, another.\n\nThree x\ny"; art.Text != want {
		t.Fatalf("text = %q, want %q", art.Text, want)
	}
}

func TestExtractHTMLModerateNesting(t *testing.T) {
	// 400 levels of wrappers around a short article is odd but fine.
	in := strings.Repeat("<div>", 400) + "<p>" + para + "</p>" + strings.Repeat("</div>", 400)
	art, err := extractHTML(in, nil)
	if err != nil {
		t.Fatal(err)
	}
	if art.Text != para {
		t.Fatalf("text = %q", art.Text)
	}
}

func TestRenderTextPre(t *testing.T) {
	art, err := extractHTML(page("", "<p>"+para+"</p><pre>line 1\n  line 2\n</pre><p>"+para+"</p>"), nil)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(art.Text, "\n\nline 1\n  line 2\n\n") {
		t.Fatalf("pre not kept: %q", art.Text)
	}
}
