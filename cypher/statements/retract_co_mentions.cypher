// Remove the documents' share of each co-mention weight; delete pairs no document supports any more.
MATCH (d:Document)<-[:MENTIONED_IN]-(:Entity)-[r:CO_MENTIONED]-()
WHERE d.id IN $docIds AND any(x IN r.docIds WHERE x IN $docIds)
WITH DISTINCT r
WITH r, [i IN range(0, size(r.docIds) - 1) WHERE NOT r.docIds[i] IN $docIds] AS keep
SET r.docIds = [i IN keep | r.docIds[i]],
    r.weights = [i IN keep | r.weights[i]],
    r.weight = reduce(s = 0, i IN keep | s + r.weights[i])
WITH r WHERE size(r.docIds) = 0
DELETE r
