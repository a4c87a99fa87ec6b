// positions: which country supports or opposes what, with the article it is from
var T = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>", S = "http://schema.org/", N = "https://newsgraph.dev/ns#";
g.V().Has(T, "<" + N + "Position>").Tag("p")
  .Out("<" + N + "holder>").Out("<" + S + "name>").Tag("country").Back("p")
  .Out("<" + N + "stance>").Tag("stance").Back("p")
  .Out("<" + N + "issue>").Tag("issue").Back("p")
  .Out("<" + S + "isPartOf>").Out("<" + N + "sourceId>").Tag("article")
  .ForEach(function (r) {
    g.emit({country: r.country, stance: r.stance, issue: r.issue, article: r.article});
  });
