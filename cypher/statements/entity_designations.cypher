// Designations that target this entity or that it issued, with authority, target and evidence.
// $id: entity id
MATCH (e:Entity {id: $id})
CALL (e) {
  MATCH (g:Designation)-[:TARGETS]->(e) RETURN g, 'target' AS side
  UNION
  MATCH (e)-[:ISSUED]->(g:Designation) RETURN g, 'authority' AS side
}
OPTIONAL MATCH (a)-[i:ISSUED]->(g)
OPTIONAL MATCH (g)-[t:TARGETS]->(tg)
WITH g, side, a, tg,
     coalesce(i.evidence, []) + coalesce(t.evidence, []) AS evidence,
     coalesce(i.evidenceDocIds, []) + coalesce(t.evidenceDocIds, []) AS evidenceDocIds
RETURN g.id AS id, g.kind AS kind, g.date AS date, g.reason AS reason, g.status AS status, side,
       coalesce(a.id, g.authorityId) AS authorityId, coalesce(a.name, g.authorityId) AS authority,
       coalesce(tg.id, g.targetId) AS targetId, coalesce(tg.name, g.targetId) AS target,
       evidence, evidenceDocIds
ORDER BY date
