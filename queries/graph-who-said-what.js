// graph-who-said-what: for Visualize: speakers linked to the persons, organisations and countries their statements name
var S = "http://schema.org/";
// Only quotations have a speaker (spokenByCharacter): driven from that
// predicate's quads, not from every quotation's.
g.V().Tag("q").Out("<" + S + "spokenByCharacter>").Tag("source")
  .Back("q").Out("<" + S + "mentions>").Tag("target")
  .ForEach(function (r) { g.emit({id: r.id, source: r.source, target: r.target}); });
