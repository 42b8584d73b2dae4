// title: Shortest connection between two entities
// description: The shortest chain of relations (up to 6 hops) linking two entities, through
//   designations, incidents and organizations; co-mentions can be allowed as links.
// param: source type=entity help="First entity: id, name or alias"
// param: target type=entity help="Second entity: id, name or alias"
// param: coMentions type=boolean default=false help="Allow 'mentioned in the same sentence' as a link"
// display: graph
MATCH (a:Entity)
WHERE a.id = $source OR toLower(a.name) = toLower($source)
   OR toLower($source) IN [x IN coalesce(a.aliases, []) | toLower(x)]
MATCH (b:Entity)
WHERE (b.id = $target OR toLower(b.name) = toLower($target)
   OR toLower($target) IN [x IN coalesce(b.aliases, []) | toLower(x)]) AND a <> b
MATCH p = shortestPath((a)-[*..6]-(b))
WHERE all(r IN relationships(p) WHERE type(r) <> 'MENTIONED_IN' AND ($coMentions OR type(r) <> 'CO_MENTIONED'))
RETURN a.name AS source, b.name AS target, length(p) AS hops,
       [n IN nodes(p) | coalesce(n.name, n.title, n.id)] AS route, [r IN relationships(p) | type(r)] AS via, p AS path
ORDER BY hops, source, target
LIMIT 5
