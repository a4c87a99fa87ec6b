// articles: every article with its headline, date and publisher
var T = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>", S = "http://schema.org/", N = "https://newsgraph.dev/ns#";
// Each property is read in one pass over its own quads (the store indexes
// quads by predicate; only articles have a sourceId), which is several
// times faster than a Save per article over all of its quads.
function byArticle(path) {
  var m = {};
  path.ForEach(function (r) { m[r.a] = r.v; });
  return m;
}
var head = byArticle(g.V().Tag("a").Out("<" + S + "headline>").Tag("v"));
var date = byArticle(g.V().Tag("a").Out("<" + S + "datePublished>").Tag("v"));
var pub = byArticle(g.V().Tag("a").Out("<" + S + "publisher>").Out("<" + S + "name>").Tag("v"));
var rows = [];
g.V().Tag("a").Out("<" + N + "sourceId>").Tag("article").ForEach(function (r) {
  rows.push({article: r.article, headline: head[r.a] || "", date: date[r.a] || "", publisher: pub[r.a] || ""});
});
// in the order of their ids (the scan's order is the store's)
rows.sort(function (x, y) { return x.article < y.article ? -1 : x.article > y.article ? 1 : 0; });
rows.forEach(function (row) { g.emit(row); });
