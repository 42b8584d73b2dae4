// Best-connected entities by typed relations, as starting points.
// $relTypes: the typed relationship types (cypher.model.TYPED_RELATIONS); $limit: rows
MATCH (e:Entity)
WITH e, COUNT { (e)-[r]-() WHERE type(r) IN $relTypes } AS degree
ORDER BY degree DESC, e.mentionCount DESC, e.name
LIMIT $limit
RETURN e.id AS id, e.name AS name, [l IN labels(e) WHERE l <> 'Entity'][0] AS type,
       coalesce(e.mentionCount, 0) AS mentionCount, degree
