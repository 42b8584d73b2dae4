// title: Timeline of events for an entity
// description: What happened to or around one entity, in date order: incidents it was involved in,
//   designations it received or issued, and the articles that mention it.
// param: entity type=entity help="Entity id, name or alias, e.g. al-Qaeda"
// display: timeline date=date label=what
MATCH (e:Entity)
WHERE e.id = $entity OR toLower(e.name) = toLower($entity)
   OR toLower($entity) IN [a IN coalesce(e.aliases, []) | toLower(a)]
CALL (e) {
  MATCH (e)-[r:INVOLVED_IN]->(i:Incident)
  RETURN i.date AS date, 'incident' AS event, i.name + coalesce(' (' + r.role + ')', '') AS what
  UNION
  MATCH (e)<-[:TARGETS]-(g:Designation)<-[:ISSUED]-(a)
  RETURN g.date AS date, 'designated' AS event, g.kind + ' by ' + a.name AS what
  UNION
  MATCH (e)-[:ISSUED]->(g:Designation)-[:TARGETS]->(t)
  RETURN g.date AS date, 'designation issued' AS event, g.kind + ': ' + t.name AS what
  UNION
  MATCH (e)-[:MENTIONED_IN]->(d:Document)
  RETURN d.publishedAt AS date, 'article' AS event, d.title AS what
}
RETURN e.name AS entity, date, event, what
ORDER BY date, event, what
