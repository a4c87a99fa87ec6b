// graph-affiliations: for Visualize: persons linked to the organisations and countries they work for
var T = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>", S = "http://schema.org/";
g.V().Has(T, "<" + S + "Person>").Tag("source").Out("<" + S + "affiliation>").Tag("target").All();
