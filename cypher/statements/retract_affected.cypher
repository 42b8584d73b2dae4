// Entities the documents mention: their names and counts are recomputed after retraction.
MATCH (d:Document)<-[:MENTIONED_IN]-(e:Entity)
WHERE d.id IN $docIds
RETURN collect(DISTINCT e.id) AS ids
