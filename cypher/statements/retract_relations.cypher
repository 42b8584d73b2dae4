// Remove the documents' ids and evidence from every typed relation they supported; delete relations left with none.
// Every such relation joins two nodes the document mentions, so the walk starts from its MENTIONED_IN edges.
// The confidence and extractor are recomputed from the documents that remain (see write_relations.cypher).
MATCH (d:Document)<-[:MENTIONED_IN]-(n)-[r]-()
WHERE d.id IN $docIds AND NOT type(r) IN ['MENTIONED_IN', 'CO_MENTIONED'] AND any(x IN r.docIds WHERE x IN $docIds)
WITH DISTINCT r
WITH r, coalesce(r.evidence, []) AS ev, coalesce(r.evidenceDocIds, []) AS evDocs, r.docIds AS oldDocs,
     coalesce(r.docConfidences, []) AS oldConf, coalesce(r.docExtractors, []) AS oldExt
WITH r, ev, evDocs, oldDocs, oldConf, oldExt,
     [i IN range(0, size(oldDocs) - 1) WHERE NOT oldDocs[i] IN $docIds] AS keepDocs,
     [i IN range(0, size(ev) - 1) WHERE NOT evDocs[i] IN $docIds] AS keep
WITH r, ev, evDocs, keep,
     [i IN keepDocs | oldDocs[i]] AS docIds,
     [i IN keepDocs | coalesce(oldConf[i], r.confidence, 0.0)] AS confs,
     [i IN keepDocs | coalesce(oldExt[i], r.extractor, '')] AS exts
WITH r, ev, evDocs, keep, docIds, confs, exts,
     reduce(b = 0, i IN range(0, size(confs) - 1) |
       CASE WHEN confs[i] > confs[b] OR (confs[i] = confs[b] AND exts[i] < exts[b]) THEN i ELSE b END) AS best
SET r.docIds = docIds,
    r.docCount = size(docIds),
    r.docConfidences = confs,
    r.docExtractors = exts,
    r.confidence = CASE WHEN size(confs) > 0 THEN confs[best] ELSE r.confidence END,
    r.extractor = CASE WHEN size(exts) > 0 THEN exts[best] ELSE r.extractor END,
    r.evidence = [i IN keep | ev[i]],
    r.evidenceDocIds = [i IN keep | evDocs[i]]
WITH r WHERE size(r.docIds) = 0
DELETE r
