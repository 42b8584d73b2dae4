// The entities an `entity` parameter value picks: by id, name or alias (case-insensitive), as the library queries match.
// $value: what the user typed
MATCH (e:Entity)
WHERE e.id = $value OR toLower(e.name) = toLower($value)
   OR toLower($value) IN [a IN coalesce(e.aliases, []) | toLower(a)]
RETURN e.id AS id, e.name AS name, [l IN labels(e) WHERE l <> 'Entity'][0] AS type
ORDER BY coalesce(e.mentionCount, 0) DESC, id
LIMIT 5
