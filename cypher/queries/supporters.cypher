// title: Who supports a given group
// description: Organizations and people that support a group (money, weapons, training, ...),
//   with how, how many sources say so, and one sentence of evidence.
// param: group type=entity help="Organization id, name or alias, e.g. al-Qaeda"
// display: graph
MATCH (target:Organization)
WHERE target.id = $group OR toLower(target.name) = toLower($group)
   OR toLower($group) IN [a IN coalesce(target.aliases, []) | toLower(a)]
MATCH p = (s)-[r:SUPPORTS]->(target)
RETURN s.name AS supporter, [l IN labels(s) WHERE l <> 'Entity'][0] AS type, target.name AS supports,
       r.how AS how, r.docCount AS sources, r.evidence[0] AS evidence, p AS path
ORDER BY sources DESC, supporter
