// claims: who said what, quoted (direct) or reported (indirect), with the article it is from
var T = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>", S = "http://schema.org/", N = "https://newsgraph.dev/ns#";
var cache = {};
function first(id, pred) {
  var k = id + pred;
  if (!(k in cache)) { var v = g.V(id).Out(pred).ToArray(); cache[k] = v.length ? v[0] : ""; }
  return cache[k];
}
g.V().Has(T, "<" + S + "Quotation>")
  .Save("<" + S + "spokenByCharacter>", "p").Save("<" + S + "text>", "statement").Save("<" + N + "kind>", "kind")
  .Save("<" + S + "isPartOf>", "a")
  .ForEach(function (r) {
    g.emit({person: first(r.p, "<" + S + "name>"), statement: r.statement, kind: r.kind, article: first(r.a, "<" + N + "sourceId>")});
  });
