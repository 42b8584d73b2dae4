// Relationships touching a set of entities (or designations), with their provenance, for the Explore graph.
// $ids: the ids to expand from; $within: only edges whose other end is in this list, or null for any
// $relTypes: relationship types to follow (from cypher.model); $types: labels the other end may carry, or null
// $minDocs: least number of supporting documents; $dateFrom/$dateTo: ISO dates on Document.publishedAt, or null
// $limit: row cap
UNWIND $ids AS id
CALL (id) {
  MATCH (a:Entity {id: id}) RETURN a
  UNION
  MATCH (a:Designation {id: id}) RETURN a
}
MATCH (a)-[r]-(b)
WHERE type(r) IN $relTypes
  AND (b:Entity OR b:Designation)
  AND ($within IS NULL OR b.id IN $within)
  AND ($types IS NULL OR b.id IN $ids OR any(l IN labels(b) WHERE l IN $types))
  AND coalesce(r.docCount, size(coalesce(r.docIds, []))) >= $minDocs
  AND (($dateFrom IS NULL AND $dateTo IS NULL) OR any(docId IN coalesce(r.docIds, []) WHERE EXISTS {
        MATCH (d:Document {id: docId})
        WHERE ($dateFrom IS NULL OR substring(d.publishedAt, 0, size($dateFrom)) >= $dateFrom)
          AND ($dateTo IS NULL OR substring(d.publishedAt, 0, size($dateTo)) <= $dateTo) }))
WITH DISTINCT r, b
RETURN elementId(r) AS rid, type(r) AS type, startNode(r).id AS source, endNode(r).id AS target,
       coalesce(r.docCount, size(coalesce(r.docIds, []))) AS docCount,
       coalesce(r.docIds, []) AS docIds, coalesce(r.evidence, []) AS evidence,
       coalesce(r.evidenceDocIds, []) AS evidenceDocIds, r.weight AS weight,
       r.role AS role, r.how AS how, r.former AS former,
       b.id AS otherId, coalesce(b.name, b.id) AS otherName,
       [l IN labels(b) WHERE l <> 'Entity'][0] AS otherType,
       coalesce(b.mentionCount, 0) AS otherMentions, COUNT { (b)--() } AS otherDegree
LIMIT $limit
