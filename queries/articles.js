// articles: every article with its headline, date and publisher
var T = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>", S = "http://schema.org/", N = "https://newsgraph.dev/ns#";
g.V().Has(T, "<" + S + "NewsArticle>").Tag("a")
  .Out("<" + N + "sourceId>").Tag("article").Back("a")
  .SaveOpt("<" + S + "headline>", "headline")
  .SaveOpt("<" + S + "datePublished>", "date")
  .ForEach(function (r) {
    var pub = g.V(r.a).Out("<" + S + "publisher>").Out("<" + S + "name>").ToArray();
    g.emit({article: r.article, headline: r.headline || "", date: r.date || "", publisher: pub.length ? pub[0] : ""});
  });
