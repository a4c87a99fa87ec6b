// graph-affiliations: for Visualize: persons linked to the organisations and countries they work for
var S = "http://schema.org/";
// Only persons have an affiliation: the predicate's own quads are the
// links, with no pass over every person.
g.V().Tag("source").Out("<" + S + "affiliation>").Tag("target").All();
