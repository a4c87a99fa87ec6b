// organisations: every organisation in the graph, with its other names (acronyms)
var T = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>", S = "http://schema.org/";
g.V().Has(T, "<" + S + "Organization>").Tag("id").Out("<" + S + "name>").Tag("name").ForEach(function (o) {
  var aliases = g.V(o.id).Out("<" + S + "alternateName>").ToArray();
  var row = {name: o.name};
  if (aliases.length > 0) { row.aliases = aliases.sort(); }
  g.emit(row);
});
