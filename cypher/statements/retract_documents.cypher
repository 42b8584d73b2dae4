// Drop the documents and their MENTIONED_IN edges, then entities and designations no document mentions any more.
MATCH (d:Document)
WHERE d.id IN $docIds
OPTIONAL MATCH (d)<-[:MENTIONED_IN]-(n)
WITH collect(DISTINCT d) AS docs, collect(DISTINCT n) AS nodes
FOREACH (d IN docs | DETACH DELETE d)
WITH nodes
UNWIND nodes AS n
WITH n WHERE NOT (n)-[:MENTIONED_IN]->()
DETACH DELETE n
RETURN count(n) AS orphans
