// graph-who-said-what: for Visualize: speakers linked to the persons, organisations and countries their statements name
var T = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>", S = "http://schema.org/";
g.V().Has(T, "<" + S + "Quotation>").Save("<" + S + "spokenByCharacter>", "source")
  .Out("<" + S + "mentions>").Tag("target").All();
