// articles: every article with its headline, date and publisher
var T = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>", S = "http://schema.org/", N = "https://newsgraph.dev/ns#";
var names = {};
function nameOf(id) {
  if (!(id in names)) { var n = g.V(id).Out("<" + S + "name>").ToArray(); names[id] = n.length ? n[0] : ""; }
  return names[id];
}
g.V().Has(T, "<" + S + "NewsArticle>")
  .Save("<" + N + "sourceId>", "article")
  .SaveOpt("<" + S + "headline>", "headline").SaveOpt("<" + S + "datePublished>", "date").SaveOpt("<" + S + "publisher>", "p")
  .ForEach(function (r) {
    g.emit({article: r.article, headline: r.headline || "", date: r.date || "", publisher: r.p ? nameOf(r.p) : ""});
  });
