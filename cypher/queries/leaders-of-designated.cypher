// title: Leaders of designated organizations
// description: People who lead (or led) an organization that some authority designated,
//   with the kinds of designation and who issued them.
// param: includeFormer type=boolean default=true help="Also list former leaders"
// display: table
MATCH (a)-[:ISSUED]->(g:Designation)-[:TARGETS]->(o:Organization)
MATCH (p:Person)-[l:LEADS]->(o)
WHERE $includeFormer OR NOT coalesce(l.former, false)
RETURN o.name AS organization, p.name AS leader, l.role AS role, coalesce(l.former, false) AS former,
       collect(DISTINCT g.kind) AS designations, collect(DISTINCT a.name) AS designatedBy
ORDER BY organization, former, leader
