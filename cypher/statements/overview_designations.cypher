// Designations by authority and kind, with how many are still active.
MATCH (g:Designation)
OPTIONAL MATCH (a)-[:ISSUED]->(g)
RETURN coalesce(a.name, g.authorityId, 'unknown') AS authority, a.id AS authorityId,
       coalesce(g.kind, 'unspecified') AS kind, count(*) AS designations,
       sum(CASE g.status WHEN 'lifted' THEN 0 ELSE 1 END) AS active
ORDER BY designations DESC, authority, kind
