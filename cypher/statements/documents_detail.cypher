// One document's stored metadata.
// $id: document id
MATCH (d:Document {id: $id})
RETURN d.id AS id, d.title AS title, d.url AS url, d.source AS source, d.author AS author,
       d.publishedAt AS publishedAt, d.ingestedAt AS ingestedAt, d.path AS path
