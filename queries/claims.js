// claims: who said what, quoted (direct) or reported (indirect), with the article it is from
var T = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>", S = "http://schema.org/", N = "https://newsgraph.dev/ns#";
g.V().Has(T, "<" + S + "Quotation>").Tag("c")
  .Out("<" + S + "spokenByCharacter>").Out("<" + S + "name>").Tag("person").Back("c")
  .Out("<" + S + "text>").Tag("statement").Back("c")
  .Out("<" + N + "kind>").Tag("kind").Back("c")
  .Out("<" + S + "isPartOf>").Out("<" + N + "sourceId>").Tag("article")
  .ForEach(function (r) {
    g.emit({person: r.person, statement: r.statement, kind: r.kind, article: r.article});
  });
