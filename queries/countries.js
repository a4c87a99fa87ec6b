// countries: every country the articles name
var T = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>", S = "http://schema.org/";
g.V().Has(T, "<" + S + "Country>").Unique().Save("<" + S + "name>", "name").ForEach(function (r) {
  g.emit({name: r.name});
});
