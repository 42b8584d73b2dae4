// title: Everything designated for terrorism
// description: Every person, organization or area designated as terrorist, with who designated it,
//   when first, and whether any designation is still active.
// param: kind type=string default=terrorism help="Designation kind to list (terrorism by default)"
// display: table
MATCH (a)-[:ISSUED]->(g:Designation {kind: $kind})-[:TARGETS]->(t)
WITH t, a, g ORDER BY g.date
RETURN t.name AS target, [l IN labels(t) WHERE l <> 'Entity'][0] AS type,
       collect(DISTINCT a.name) AS designatedBy, min(g.date) AS firstDesignated,
       any(x IN collect(g.status) WHERE x = 'active') AS active, count(g) AS designations
ORDER BY firstDesignated, target
