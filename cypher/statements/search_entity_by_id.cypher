// One entity's id, name and type, for labelling a chosen entity.
// $id: entity id
MATCH (e:Entity {id: $id})
RETURN e.id AS id, e.name AS name, [l IN labels(e) WHERE l <> 'Entity'][0] AS type,
       coalesce(e.aliases, []) AS aliases, coalesce(e.mentionCount, 0) AS mentionCount
