// What is in the graph: counts by node type and by relationship type, for the Explore page before a focus.
CALL () {
  MATCH (n) WHERE n:Entity OR n:Designation OR n:Document
  WITH [l IN labels(n) WHERE l <> 'Entity'][0] AS kind
  RETURN 'node' AS what, kind, count(*) AS count
  UNION ALL
  MATCH ()-[r]->() WHERE type(r) <> 'MENTIONED_IN'
  RETURN 'relation' AS what, type(r) AS kind, count(*) AS count
}
RETURN what, kind, sum(count) AS count
ORDER BY what, count DESC, kind
