// How many nodes of each kind (count store lookups, one per label of the model).
MATCH (n:Person) RETURN 'Person' AS label, count(n) AS count
UNION ALL MATCH (n:Organization) RETURN 'Organization' AS label, count(n) AS count
UNION ALL MATCH (n:Location) RETURN 'Location' AS label, count(n) AS count
UNION ALL MATCH (n:Incident) RETURN 'Incident' AS label, count(n) AS count
UNION ALL MATCH (n:Designation) RETURN 'Designation' AS label, count(n) AS count
UNION ALL MATCH (n:Document) RETURN 'Document' AS label, count(n) AS count
