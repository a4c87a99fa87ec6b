// affiliations: who works (or worked) where, in which role; one row per distinct affiliation
var T = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>", S = "http://schema.org/", N = "https://newsgraph.dev/ns#";
var names = {};
function nameOf(id) {
  if (!(id in names)) { var n = g.V(id).Out("<" + S + "name>").ToArray(); names[id] = n.length ? n[0] : ""; }
  return names[id];
}
var seen = {};
g.V().Has(T, "<" + S + "OrganizationRole>")
  .Save("<" + N + "person>", "p").Save("<" + N + "organization>", "o").Save("<" + N + "current>", "current")
  .SaveOpt("<" + S + "roleName>", "role")
  .ForEach(function (r) {
    var row = {person: nameOf(r.p), organisation: nameOf(r.o), role: r.role || "", current: r.current};
    var key = JSON.stringify(row);
    if (!seen[key]) { seen[key] = true; g.emit(row); }
  });
