// title: Relations backed by a single source only
// description: Extracted relations that only one document supports: the claims to check before relying on them,
//   with the sentence they came from.
// param: relation type=string default="" help="Only this relationship type (LEADS, SUPPORTS, ...); empty for all"
// display: table
MATCH (s)-[r]->(t)
WHERE type(r) IN ['LEADS', 'MEMBER_OF', 'PART_OF', 'SUPPORTS', 'INVOLVED_IN', 'OCCURRED_IN', 'BASED_IN', 'ISSUED', 'TARGETS']
  AND ($relation = '' OR type(r) = $relation)
  AND coalesce(r.docCount, size(r.docIds)) = 1
RETURN s.name AS source, type(r) AS relation, t.name AS target, r.docIds[0] AS document,
       r.evidence[0] AS evidence, r.extractor AS extractor, r.confidence AS confidence
ORDER BY relation, source, target
