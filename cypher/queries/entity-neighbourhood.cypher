// title: Neighbourhood of an entity
// description: Everything directly linked to one entity by an extracted relation or a designation, as a graph.
// param: entity type=entity help="Entity id, name or alias"
// param: limit type=integer default=100 help="Most relations to show"
// display: graph
MATCH (e:Entity)
WHERE e.id = $entity OR toLower(e.name) = toLower($entity)
   OR toLower($entity) IN [a IN coalesce(e.aliases, []) | toLower(a)]
MATCH p = (e)-[r]-(n)
WHERE type(r) <> 'MENTIONED_IN' AND type(r) <> 'CO_MENTIONED'
RETURN e.name AS entity, type(r) AS relation, coalesce(n.name, n.id) AS neighbour, p AS path
ORDER BY relation, neighbour
LIMIT $limit
