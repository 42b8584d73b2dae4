// Recompute name (the fullest canonical form any document gave), aliases (every other form),
// aliasText, mentionCount and docCount from the MENTIONED_IN edges that remain.
UNWIND $ids AS id
MATCH (e:Entity {id: id})
CALL (e) {
  MATCH (e)-[m:MENTIONED_IN]->(:Document)
  RETURN sum(m.count) AS mentions, count(m) AS docs, collect(m.aliases) AS forms
}
WITH e, mentions, docs, forms,
     reduce(best = '', f IN forms |
       CASE WHEN size(f[0]) > size(best) OR (size(f[0]) = size(best) AND f[0] < best) THEN f[0] ELSE best END) AS name
CALL (forms, name) {
  UNWIND forms AS fs
  UNWIND fs AS alias
  WITH DISTINCT alias
  WITH alias WHERE alias <> name
  ORDER BY alias
  RETURN collect(alias) AS aliases
}
SET e.name = CASE WHEN name = '' THEN e.name ELSE name END,
    e.aliases = aliases,
    e.aliasText = reduce(s = CASE WHEN name = '' THEN e.name ELSE name END, a IN aliases | s + ' | ' + a),
    e.mentionCount = mentions,
    e.docCount = docs
