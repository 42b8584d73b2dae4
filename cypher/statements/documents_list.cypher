// Ingested documents, newest first, filtered; with how many entities each mentions.
// $text: lower-case words to find in title, source or id ('' for all); $sources: sources to keep ([] for all)
// $since: earliest publishedAt (inclusive) or null; $before: publishedAt strictly before this, or null; $cap: row cap
MATCH (d:Document)
WHERE ($text = '' OR toLower(coalesce(d.title, '')) CONTAINS $text
       OR toLower(coalesce(d.source, '')) CONTAINS $text OR toLower(d.id) CONTAINS $text)
  AND (size($sources) = 0 OR d.source IN $sources)
  AND ($since IS NULL OR d.publishedAt >= $since)
  AND ($before IS NULL OR d.publishedAt < $before)
RETURN d.id AS id, d.title AS title, d.source AS source, d.publishedAt AS publishedAt, d.url AS url,
       COUNT { (d)<-[:MENTIONED_IN]-(:Entity) } AS entities
ORDER BY d.publishedAt DESC, d.id
LIMIT $cap
