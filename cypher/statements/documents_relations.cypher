// Typed relations supported by one document (it is in their docIds), with their provenance.
// $id: document id; $types: relationship types (from cypher.model); $cap: row cap
MATCH (d:Document {id: $id})<-[:MENTIONED_IN]-(a)
MATCH (a)-[r:LEADS|MEMBER_OF|PART_OF|SUPPORTS|INVOLVED_IN|OCCURRED_IN|BASED_IN|ISSUED|TARGETS]->(b)
WHERE type(r) IN $types AND $id IN r.docIds
RETURN DISTINCT type(r) AS relation, a.id AS sourceId, coalesce(a.name, a.id) AS source,
       b.id AS targetId, coalesce(b.name, b.id) AS target,
       r.role AS role, r.former AS former, r.how AS how,
       coalesce(r.docCount, size(r.docIds)) AS docCount, r.docIds AS docIds,
       coalesce(r.evidence, []) AS evidence, coalesce(r.evidenceDocIds, []) AS evidenceDocIds
ORDER BY relation, source, target
LIMIT $cap
