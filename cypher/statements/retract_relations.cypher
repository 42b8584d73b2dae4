// Remove the documents' ids and evidence from every typed relation they supported; delete relations left with none.
// Every such relation joins two nodes the document mentions, so the walk starts from its MENTIONED_IN edges.
MATCH (d:Document)<-[:MENTIONED_IN]-(n)-[r]-()
WHERE d.id IN $docIds AND NOT type(r) IN ['MENTIONED_IN', 'CO_MENTIONED'] AND any(x IN r.docIds WHERE x IN $docIds)
WITH DISTINCT r
WITH r, coalesce(r.evidence, []) AS ev, coalesce(r.evidenceDocIds, []) AS evDocs
WITH r, ev, evDocs,
     [x IN r.docIds WHERE NOT x IN $docIds] AS docIds,
     [i IN range(0, size(ev) - 1) WHERE NOT evDocs[i] IN $docIds] AS keep
SET r.docIds = docIds,
    r.docCount = size(docIds),
    r.evidence = [i IN keep | ev[i]],
    r.evidenceDocIds = [i IN keep | evDocs[i]]
WITH r WHERE size(r.docIds) = 0
DELETE r
