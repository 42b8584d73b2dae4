// What is in the graph: counts by node type and relationship type, for the Explore page before a focus.
CALL () {
  MATCH (n) WHERE n:Entity OR n:Designation OR n:Document
  WITH [l IN labels(n) WHERE l <> 'Entity'][0] AS kind
  RETURN kind, count(*) AS count
  UNION ALL
  MATCH ()-[r]->() WHERE type(r) <> 'MENTIONED_IN'
  RETURN type(r) AS kind, count(*) AS count
}
RETURN kind, sum(count) AS count
ORDER BY count DESC, kind
