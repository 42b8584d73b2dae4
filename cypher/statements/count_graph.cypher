// Totals for the ingest summary line.
CALL () { MATCH (d:Document) RETURN count(d) AS documents }
CALL () { MATCH (e:Entity) RETURN count(e) AS named }
CALL () { MATCH (i:Incident) RETURN count(i) AS incidents }
CALL () { MATCH (g:Designation) RETURN count(g) AS designations }
CALL () { MATCH ()-[r:LEADS|MEMBER_OF|PART_OF|SUPPORTS|INVOLVED_IN|OCCURRED_IN|BASED_IN|ISSUED|TARGETS]->() RETURN count(r) AS relations }
RETURN documents, named - incidents AS entities, relations, designations, incidents
