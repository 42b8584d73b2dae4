// title: Designations by authority
// description: How many designations each authority (government, agency, UN body) issued, and of which kinds.
// param: kind type=string default="" help="Only this kind (terrorism, sanctions, ...); empty for all"
// display: bar label=authority value=designations
MATCH (a)-[:ISSUED]->(g:Designation)
WHERE $kind = '' OR g.kind = $kind
WITH a, g ORDER BY g.kind
RETURN a.name AS authority, count(g) AS designations, collect(DISTINCT g.kind) AS kinds,
       min(g.date) AS earliest, max(g.date) AS latest
ORDER BY designations DESC, authority
