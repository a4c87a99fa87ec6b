// merges: where an article's name for an entity was resolved to an entity known under another name, and why
var T = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>", S = "http://schema.org/", N = "https://newsgraph.dev/ns#";
var cache = {};
function first(id, pred) {
  var k = id + pred;
  if (!(k in cache)) { var v = g.V(id).Out(pred).ToArray(); cache[k] = v.length ? v[0] : ""; }
  return cache[k];
}
g.V().Has(T, "<" + N + "Merge>")
  .Save("<" + N + "entity>", "e").Save("<" + N + "surfaceForm>", "surface").Save("<" + N + "reason>", "reason")
  .Save("<" + S + "isPartOf>", "a")
  .ForEach(function (r) {
    g.emit({entity: first(r.e, "<" + S + "name>"), surface: r.surface, article: first(r.a, "<" + N + "sourceId>"), reason: r.reason});
  });
