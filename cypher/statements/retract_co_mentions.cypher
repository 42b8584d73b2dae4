// Remove the documents' share of each co-mention weight; delete pairs no document supports any more.
// The lists are bound once (docs, ws): indexing r.docIds[i] inside a comprehension reads the property each time.
MATCH (d:Document)<-[:MENTIONED_IN]-(:Entity)-[r:CO_MENTIONED]-()
WHERE d.id IN $docIds AND any(x IN r.docIds WHERE x IN $docIds)
WITH DISTINCT r
WITH r, r.docIds AS docs, r.weights AS ws
WITH r, docs, ws, [i IN range(0, size(docs) - 1) WHERE NOT docs[i] IN $docIds] AS keep
WITH r, [i IN keep | docs[i]] AS docIds, [i IN keep | ws[i]] AS weights
SET r.docIds = docIds,
    r.weights = weights,
    r.weight = reduce(s = 0, w IN weights | s + w)
WITH r WHERE size(r.docIds) = 0
DELETE r
