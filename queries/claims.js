// claims: who said what, quoted (direct) or reported (indirect), with the article it is from
var S = "http://schema.org/", N = "https://newsgraph.dev/ns#";
// Each property is read in one pass over its own quads (the store indexes
// quads by predicate): a Save per quotation reads all of its quads, which
// takes twice the time on a large graph. Only quotations have a kind.
function bySubject(path) {
  var m = {};
  path.ForEach(function (r) { m[r.s] = r.v; });
  return m;
}
var kind = bySubject(g.V().Tag("s").Out("<" + N + "kind>").Tag("v"));
var speaker = bySubject(g.V().Tag("s").Out("<" + S + "spokenByCharacter>").Tag("v"));
var from = bySubject(g.V().Tag("s").Out("<" + S + "isPartOf>").Tag("v"));
var name = bySubject(g.V().Tag("s").Out("<" + S + "name>").Tag("v"));
var source = bySubject(g.V().Tag("s").Out("<" + N + "sourceId>").Tag("v"));
g.V().Tag("s").Out("<" + S + "text>").Tag("v").ForEach(function (r) {
  if (!(r.s in kind)) { return; }
  g.emit({person: name[speaker[r.s]] || "", statement: r.v, kind: kind[r.s], article: source[from[r.s]] || ""});
});
