// about: every claim and position that mentions an entity (--param entity=NAME), or that it made or holds
var T = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>", S = "http://schema.org/", N = "https://newsgraph.dev/ns#";
if (!params.entity) { throw new Error("about needs --param entity=NAME"); }
var who = g.V().Has("<" + S + "name>", params.entity).ToArray()
  .concat(g.V().Has("<" + S + "alternateName>", params.entity).ToArray());
var done = {};
var cache = {};
function first(id, pred) {
  var k = id + pred;
  if (!(k in cache)) { var v = g.V(id).Out(pred).ToArray(); cache[k] = v.length ? v[0] : ""; }
  return cache[k];
}
function name(id) { return first(id, "<" + S + "name>"); }
function article(f) { return first(first(f, "<" + S + "isPartOf>"), "<" + N + "sourceId>"); }
who.forEach(function (e) {
  var facts = g.V(e).In(["<" + S + "mentions>", "<" + S + "spokenByCharacter>", "<" + N + "holder>", "<" + N + "speaker>"]).ToArray();
  facts.forEach(function (f) {
    if (done[f]) { return; }
    done[f] = true;
    var type = g.V(f).Out(T).ToArray();
    if (type.indexOf("<" + S + "Quotation>") >= 0) {
      var sp = g.V(f).Out("<" + S + "spokenByCharacter>").ToArray();
      g.emit({type: "claim", person: sp.length ? name(sp[0]) : "", statement: g.V(f).Out("<" + S + "text>").ToArray()[0],
        kind: g.V(f).Out("<" + N + "kind>").ToArray()[0], article: article(f)});
    } else if (type.indexOf("<" + N + "Position>") >= 0) {
      var h = g.V(f).Out("<" + N + "holder>").ToArray();
      g.emit({type: "position", country: h.length ? name(h[0]) : "", stance: g.V(f).Out("<" + N + "stance>").ToArray()[0],
        issue: g.V(f).Out("<" + N + "issue>").ToArray()[0], article: article(f)});
    }
  });
});
