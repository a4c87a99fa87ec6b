// merges: where an article's name for an entity was resolved to an entity known under another name, and why
var T = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>", S = "http://schema.org/", N = "https://newsgraph.dev/ns#";
g.V().Has(T, "<" + N + "Merge>").Tag("m")
  .Out("<" + N + "entity>").Out("<" + S + "name>").Tag("entity").Back("m")
  .Out("<" + N + "surfaceForm>").Tag("surface").Back("m")
  .Out("<" + N + "reason>").Tag("reason").Back("m")
  .Out("<" + S + "isPartOf>").Out("<" + N + "sourceId>").Tag("article")
  .ForEach(function (r) {
    g.emit({entity: r.entity, surface: r.surface, article: r.article, reason: r.reason});
  });
