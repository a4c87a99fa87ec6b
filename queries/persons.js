// persons: every person in the graph, one row per person, with the other names the articles use
var T = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>", S = "http://schema.org/";
g.V().Has(T, "<" + S + "Person>").Tag("id").Out("<" + S + "name>").Tag("name").ForEach(function (p) {
  var aliases = g.V(p.id).Out("<" + S + "alternateName>").ToArray();
  var row = {name: p.name};
  if (aliases.length > 0) { row.aliases = aliases.sort(); }
  g.emit(row);
});
