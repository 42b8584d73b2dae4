// title: Documents that mention both X and Y
// description: Articles in which both entities appear, newest first, with how often each is mentioned.
// param: x type=entity help="First entity: id, name or alias"
// param: y type=entity help="Second entity: id, name or alias"
// display: table
MATCH (a:Entity)
WHERE a.id = $x OR toLower(a.name) = toLower($x) OR toLower($x) IN [s IN coalesce(a.aliases, []) | toLower(s)]
MATCH (b:Entity)
WHERE (b.id = $y OR toLower(b.name) = toLower($y) OR toLower($y) IN [s IN coalesce(b.aliases, []) | toLower(s)])
  AND a <> b
MATCH (a)-[ma:MENTIONED_IN]->(d:Document)<-[mb:MENTIONED_IN]-(b)
RETURN DISTINCT d.title AS title, d.publishedAt AS publishedAt, d.source AS source, d.url AS url, d.id AS document,
       ma.count AS xMentions, mb.count AS yMentions
ORDER BY publishedAt DESC, title
