// Incidents this entity took part in, occurred in, or is: date, place, killed, role, evidence.
// $id: entity id
MATCH (e:Entity {id: $id})
CALL (e) {
  MATCH (e)-[r:INVOLVED_IN]->(x:Incident) RETURN x, r.role AS role, r.evidence AS evidence, r.evidenceDocIds AS evidenceDocIds
  UNION
  MATCH (x:Incident)-[r:OCCURRED_IN]->(e) RETURN x, 'place' AS role, r.evidence AS evidence, r.evidenceDocIds AS evidenceDocIds
  UNION
  MATCH (x:Incident) WHERE x = e RETURN x, 'this incident' AS role, null AS evidence, null AS evidenceDocIds
}
OPTIONAL MATCH (x)-[:OCCURRED_IN]->(loc:Location)
WITH x, role, evidence, evidenceDocIds, collect(DISTINCT loc.name) AS places
RETURN x.id AS id, x.name AS name, x.kind AS kind, x.date AS date, x.killed AS killed, x.status AS status,
       places, role, coalesce(evidence, []) AS evidence, coalesce(evidenceDocIds, []) AS evidenceDocIds
ORDER BY date
