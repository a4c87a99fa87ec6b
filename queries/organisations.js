// organisations: every organisation in the graph, with its other names (acronyms)
var T = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>", S = "http://schema.org/";
// The other names come first, in one pass over their own quads (the store
// indexes quads by predicate), not in a look-up per row: that costs twice
// the time. (SaveOpt would give a path per name; Cayley's SQL backend
// fails on such paths.) A name given by several articles is listed once.
var aliases = {};
g.V().Tag("e").Out("<" + S + "alternateName>").Tag("alias").ForEach(function (r) {
  var a = aliases[r.e] = aliases[r.e] || [];
  if (a.indexOf(r.alias) < 0) { a.push(r.alias); }
});
g.V().Has(T, "<" + S + "Organization>").Tag("e").Save("<" + S + "name>", "name").ForEach(function (r) {
  var row = {name: r.name};
  if (aliases[r.e]) { row.aliases = aliases[r.e].sort(); }
  g.emit(row);
});
