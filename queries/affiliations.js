// affiliations: who works (or worked) where, in which role; one row per distinct affiliation
var S = "http://schema.org/", N = "https://newsgraph.dev/ns#";
// Each property is read in one pass over its own quads (the store indexes
// quads by predicate) rather than by a Save per role over all its quads.
// Only roles (OrganizationRole) have a person and an organization.
function bySubject(path) {
  var m = {};
  path.ForEach(function (r) { m[r.s] = r.v; });
  return m;
}
var org = bySubject(g.V().Tag("s").Out("<" + N + "organization>").Tag("v"));
var current = bySubject(g.V().Tag("s").Out("<" + N + "current>").Tag("v"));
var role = bySubject(g.V().Tag("s").Out("<" + S + "roleName>").Tag("v"));
var name = bySubject(g.V().Tag("s").Out("<" + S + "name>").Tag("v"));
var seen = {};
g.V().Tag("s").Out("<" + N + "person>").Tag("v").ForEach(function (r) {
  if (!(r.s in org)) { return; }
  var row = {person: name[r.v] || "", organisation: name[org[r.s]] || "", role: role[r.s] || "", current: current[r.s]};
  var key = JSON.stringify(row);
  if (!seen[key]) { seen[key] = true; g.emit(row); }
});
