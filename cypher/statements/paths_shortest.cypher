// All shortest paths between two entities over the allowed relationship types, up to 6 hops.
// $src, $dst: entity ids (distinct); $types: relationship types (from cypher.model); $k: hop limit (1..6); $cap: paths
// The hop limit is applied after the search: a path predicate inside it would force an exhaustive search.
MATCH (a:Entity {id: $src}), (b:Entity {id: $dst})
MATCH p = allShortestPaths((a)-[*..6]-(b))
WHERE ALL(r IN relationships(p) WHERE type(r) IN $types)
WITH p WHERE length(p) <= $k
WITH p LIMIT $cap
RETURN [n IN nodes(p) | {id: n.id, name: coalesce(n.name, n.id),
                         type: [l IN labels(n) WHERE l <> 'Entity'][0]}] AS nodes,
       [r IN relationships(p) | {relation: type(r), sourceId: startNode(r).id, targetId: endNode(r).id,
                                 role: r.role, former: r.former, how: r.how, weight: r.weight,
                                 docCount: coalesce(r.docCount, size(coalesce(r.docIds, []))),
                                 docIds: coalesce(r.docIds, []), evidence: coalesce(r.evidence, []),
                                 evidenceDocIds: coalesce(r.evidenceDocIds, [])}] AS rels
