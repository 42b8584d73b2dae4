// Relationships touching a set of entities (or designations), with their provenance, for the Explore graph.
// Per entity expanded from, the server keeps at most $perNode neighbours, best-connected first (degree, then
// id: the order the dashboard's node cap grows in), and says how many neighbours passed the filters in all.
// $ids: the ids to expand from; $within: only edges whose other end's elementId is in this list, or null for any
// (element ids, not ids: no property is read to test them, which matters when the ends are hubs)
// $relTypes: relationship types to follow (from cypher.model); $types: labels the other end may carry, or null
// $minDocs: least number of supporting documents; $dateFrom/$dateTo: ISO dates on Document.publishedAt, or null
// $removed: ids never returned nor counted (removed from the view), or null
// $perNode: most neighbours returned per id, or null for all; $limit: row cap
// Returns one row per edge; fromId/neighbours: the id expanded from and its number of neighbours in all.
UNWIND $ids AS id
CALL (id) {
  MATCH (a:Entity {id: id}) RETURN a
  UNION
  MATCH (a:Designation {id: id}) RETURN a
}
CALL (a) {
  MATCH (a)-[r]-(b)
  WHERE type(r) IN $relTypes
    AND (b:Entity OR b:Designation)
    AND ($within IS NULL OR elementId(b) IN $within)
    AND ($removed IS NULL OR NOT b.id IN $removed)
    AND ($types IS NULL OR b.id IN $ids OR any(l IN labels(b) WHERE l IN $types))
    AND coalesce(r.docCount, size(coalesce(r.docIds, []))) >= $minDocs
    AND (($dateFrom IS NULL AND $dateTo IS NULL) OR any(docId IN coalesce(r.docIds, []) WHERE EXISTS {
          MATCH (d:Document {id: docId})
          WHERE ($dateFrom IS NULL OR substring(d.publishedAt, 0, size($dateFrom)) >= $dateFrom)
            AND ($dateTo IS NULL OR substring(d.publishedAt, 0, size($dateTo)) <= $dateTo) }))
  WITH b, collect(DISTINCT r) AS rels
  WITH b, rels, COUNT { (b)--() } AS degree
  ORDER BY degree DESC, b.id
  WITH collect({b: b, rels: rels, degree: degree}) AS ranked
  RETURN size(ranked) AS neighbours,
         CASE WHEN $perNode IS NULL THEN ranked ELSE ranked[..$perNode] END AS near
}
UNWIND near AS n
WITH a, neighbours, n.b AS b, n.degree AS otherDegree, n.rels AS rels
UNWIND rels AS r
RETURN a.id AS fromId, neighbours,
       elementId(r) AS rid, type(r) AS type, startNode(r).id AS source, endNode(r).id AS target,
       coalesce(r.docCount, size(coalesce(r.docIds, []))) AS docCount,
       coalesce(r.docIds, []) AS docIds, coalesce(r.evidence, []) AS evidence,
       coalesce(r.evidenceDocIds, []) AS evidenceDocIds, r.weight AS weight,
       r.role AS role, r.how AS how, r.former AS former,
       b.id AS otherId, elementId(b) AS otherEid, coalesce(b.name, b.id) AS otherName,
       [l IN labels(b) WHERE l <> 'Entity'][0] AS otherType,
       coalesce(b.mentionCount, 0) AS otherMentions, otherDegree
LIMIT $limit
