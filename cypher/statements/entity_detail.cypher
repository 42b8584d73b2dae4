// One entity: type, name, aliases and all stored properties.
// $id: entity id
MATCH (e:Entity {id: $id})
RETURN e.id AS id, [l IN labels(e) WHERE l <> 'Entity'][0] AS type, e.name AS name,
       coalesce(e.aliases, []) AS aliases, properties(e) AS properties
