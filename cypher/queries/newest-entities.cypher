// title: Entities in the newest documents
// description: Who and what appears in the most recently published articles, by how many of them mention it.
// param: documents type=integer default=10 help="How many of the newest documents to look at"
// display: bar label=entity value=documents
MATCH (d:Document)
WITH d ORDER BY d.publishedAt DESC, d.id LIMIT $documents
MATCH (e:Entity)-[m:MENTIONED_IN]->(d)
WITH e, d, m ORDER BY d.publishedAt DESC
RETURN e.name AS entity, [l IN labels(e) WHERE l <> 'Entity'][0] AS type, count(d) AS documents,
       sum(m.count) AS mentions, max(d.publishedAt) AS latest, collect(d.title)[..3] AS titles
ORDER BY documents DESC, mentions DESC, entity
