// affiliations: who works (or worked) where, in which role; one row per distinct affiliation
var T = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>", S = "http://schema.org/", N = "https://newsgraph.dev/ns#";
var seen = {};
g.V().Has(T, "<" + S + "OrganizationRole>").Tag("a")
  .Out("<" + N + "person>").Out("<" + S + "name>").Tag("person").Back("a")
  .Out("<" + N + "organization>").Out("<" + S + "name>").Tag("organisation").Back("a")
  .Out("<" + N + "current>").Tag("current").Back("a")
  .SaveOpt("<" + S + "roleName>", "role")
  .ForEach(function (r) {
    var row = {person: r.person, organisation: r.organisation, role: r.role || "", current: r.current};
    var key = JSON.stringify(row);
    if (!seen[key]) { seen[key] = true; g.emit(row); }
  });
