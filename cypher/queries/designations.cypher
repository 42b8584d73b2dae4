// title: Who designated whom, and when
// description: Every designation act: the authority that issued it, the target, the kind, the date
//   and whether it is still active. Newest first.
// param: kind type=string default="" help="Only this kind (terrorism, sanctions, asset_freeze, ...); empty for all"
// display: timeline date=date label=target
MATCH (a)-[:ISSUED]->(g:Designation)-[:TARGETS]->(t)
WHERE $kind = '' OR g.kind = $kind
RETURN a.name AS authority, t.name AS target, [l IN labels(t) WHERE l <> 'Entity'][0] AS targetType,
       g.kind AS kind, g.date AS date, g.status AS status, g.reason AS reason
ORDER BY date DESC, authority, target
