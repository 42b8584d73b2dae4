// Entities matching a Lucene query over name and aliasText (index `entity_search`), best first.
// $query: Lucene query built by dashboard/search.py from escaped user input
// $types: list of entity type labels to keep, or null for all
// $fetch: hits to read from the index; $limit: rows to return
CALL db.index.fulltext.queryNodes('entity_search', $query, {limit: $fetch}) YIELD node, score
WITH node, score, [l IN labels(node) WHERE l <> 'Entity'][0] AS type
WHERE $types IS NULL OR type IN $types
RETURN node.id AS id, node.name AS name, type, coalesce(node.aliases, []) AS aliases,
       coalesce(node.mentionCount, 0) AS mentionCount, score
ORDER BY score DESC, mentionCount DESC, name
LIMIT $limit
