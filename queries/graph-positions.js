// graph-positions: for Visualize: countries linked to the entities named in the issues they support or oppose
var T = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>", N = "https://newsgraph.dev/ns#", S = "http://schema.org/";
g.V().Has(T, "<" + N + "Position>").Save("<" + N + "holder>", "source")
  .Out("<" + S + "mentions>").Tag("target").All();
