// Documents that mention one entity, newest first.
// $id: entity id; $cap: row cap
MATCH (e:Entity {id: $id})-[m:MENTIONED_IN]->(d:Document)
RETURN d.id AS id, d.title AS title, d.source AS source, d.publishedAt AS publishedAt, d.url AS url,
       m.count AS mentions, coalesce(m.aliases, []) AS surfaceForms
ORDER BY d.publishedAt DESC, d.id
LIMIT $cap
