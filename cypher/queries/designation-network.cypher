// title: Designation network
// description: Authorities, the designations they issued and their targets, as a graph.
// param: kind type=string default="" help="Only this kind (terrorism, sanctions, ...); empty for all"
// display: graph
MATCH p = (a)-[:ISSUED]->(g:Designation)-[:TARGETS]->(t)
WHERE $kind = '' OR g.kind = $kind
RETURN a.name AS authority, g.kind AS kind, g.date AS date, t.name AS target, p AS path
ORDER BY date, authority, target
