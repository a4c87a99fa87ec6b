// positions: which country supports or opposes what, with the article it is from
var T = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>", S = "http://schema.org/", N = "https://newsgraph.dev/ns#";
var cache = {};
function first(id, pred) {
  var k = id + pred;
  if (!(k in cache)) { var v = g.V(id).Out(pred).ToArray(); cache[k] = v.length ? v[0] : ""; }
  return cache[k];
}
g.V().Has(T, "<" + N + "Position>")
  .Save("<" + N + "holder>", "h").Save("<" + N + "stance>", "stance").Save("<" + N + "issue>", "issue")
  .Save("<" + S + "isPartOf>", "a")
  .ForEach(function (r) {
    g.emit({country: first(r.h, "<" + S + "name>"), stance: r.stance, issue: r.issue, article: first(r.a, "<" + N + "sourceId>")});
  });
