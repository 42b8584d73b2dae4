// title: Most connected entities
// description: Entities with the most distinct neighbours through extracted relations
//   (designations count as neighbours), optionally counting co-mentions too.
// param: coMentions type=boolean default=false help="Also count entities merely mentioned in the same sentence"
// param: limit type=integer default=20 help="How many entities to list"
// display: bar label=entity value=connections
MATCH (e:Entity)-[r]-(n)
WHERE (n:Entity OR n:Designation) AND type(r) <> 'MENTIONED_IN'
  AND ($coMentions OR type(r) <> 'CO_MENTIONED')
RETURN e.name AS entity, [l IN labels(e) WHERE l <> 'Entity'][0] AS type,
       count(DISTINCT n) AS connections, count(r) AS relations
ORDER BY connections DESC, relations DESC, entity
LIMIT $limit
