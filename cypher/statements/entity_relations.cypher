// Typed relations of one entity, both directions, with their provenance.
// $id: entity id; $types: relationship types to show (from cypher.model); $cap: row cap
// The typed relations are spelled out in the pattern so only those edges are read (hubs have many co-mentions).
MATCH (e:Entity {id: $id})-[r:LEADS|MEMBER_OF|PART_OF|SUPPORTS|INVOLVED_IN|OCCURRED_IN|BASED_IN|ISSUED|TARGETS]-(o)
WHERE type(r) IN $types AND o <> e
RETURN type(r) AS relation, startNode(r) = e AS outgoing,
       o.id AS otherId, coalesce(o.name, o.id) AS other,
       [l IN labels(o) WHERE l <> 'Entity'][0] AS otherType,
       r.role AS role, r.former AS former, r.how AS how,
       coalesce(r.docCount, size(coalesce(r.docIds, []))) AS docCount,
       coalesce(r.docIds, []) AS docIds, coalesce(r.evidence, []) AS evidence,
       coalesce(r.evidenceDocIds, []) AS evidenceDocIds, r.confidence AS confidence
ORDER BY relation, docCount DESC, other
LIMIT $cap
