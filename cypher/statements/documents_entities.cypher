// Entities one document mentions, with how often and under which names.
// $id: document id
MATCH (d:Document {id: $id})<-[m:MENTIONED_IN]-(e:Entity)
RETURN e.id AS id, e.name AS name, [l IN labels(e) WHERE l <> 'Entity'][0] AS type,
       m.count AS mentions, coalesce(m.aliases, []) AS surfaceForms
ORDER BY type, mentions DESC, name
