// Entities with the most typed relations (co-mentions and mentions not counted).
// $types: entity types to keep (labels from cypher.model); $cap: row cap
MATCH (e:Entity)
WITH e, [l IN labels(e) WHERE l <> 'Entity'][0] AS type
WHERE type IN $types
WITH e, type, COUNT { (e)-[:LEADS|MEMBER_OF|PART_OF|SUPPORTS|INVOLVED_IN|OCCURRED_IN|BASED_IN|ISSUED|TARGETS]-() } AS degree
WHERE degree > 0
RETURN e.id AS id, e.name AS name, type, degree,
       coalesce(e.mentionCount, 0) AS mentionCount, coalesce(e.docCount, 0) AS docCount
ORDER BY degree DESC, mentionCount DESC, name
LIMIT $cap
