// __SOURCE__/__TARGET__ come from ingest.rows.ENDPOINTS and __TYPE__ from cypher.model.TYPED_RELATIONS
// (check_label/check_relation). One edge per (source, type, target); each row carries one batch's support
// for one edge (row.docIds, with row.confidences and row.extractors parallel to it; row.evidence with
// row.evidenceDocIds parallel). That support is appended, replacing whatever the same documents gave before;
// evidence is capped at $cap sentences. The edge's confidence and extractor are those of its best document
// (higher confidence, then the smaller extractor name), kept per document so a retraction can recompute them.
UNWIND $rows AS row
MATCH (s:__SOURCE__ {id: row.source})
MATCH (t:__TARGET__ {id: row.target})
MERGE (s)-[r:__TYPE__]->(t)
WITH r, row, coalesce(r.evidence, []) AS ev, coalesce(r.evidenceDocIds, []) AS evDocs,
     coalesce(r.docIds, []) AS oldDocs, coalesce(r.docConfidences, []) AS oldConf,
     coalesce(r.docExtractors, []) AS oldExt
WITH r, row, ev, evDocs, oldDocs, oldConf, oldExt,
     [i IN range(0, size(oldDocs) - 1) WHERE NOT oldDocs[i] IN row.docIds] AS keepDocs,
     [i IN range(0, size(ev) - 1) WHERE NOT evDocs[i] IN row.docIds] AS keep
WITH r, row,
     [i IN keepDocs | oldDocs[i]] + row.docIds AS docIds,
     [i IN keepDocs | coalesce(oldConf[i], r.confidence, 0.0)] + row.confidences AS confs,
     [i IN keepDocs | coalesce(oldExt[i], r.extractor, '')] + row.extractors AS exts,
     [i IN keep | ev[i]] + row.evidence AS evidence,
     [i IN keep | evDocs[i]] + row.evidenceDocIds AS evidenceDocIds
WITH r, row, docIds, confs, exts, evidence, evidenceDocIds,
     reduce(b = 0, i IN range(0, size(confs) - 1) |
       CASE WHEN confs[i] > confs[b] OR (confs[i] = confs[b] AND exts[i] < exts[b]) THEN i ELSE b END) AS best
SET r += row.props,
    r.docIds = docIds,
    r.docCount = size(docIds),
    r.docConfidences = confs,
    r.docExtractors = exts,
    r.evidence = evidence[0..$cap],
    r.evidenceDocIds = evidenceDocIds[0..$cap],
    r.extractor = exts[best],
    r.confidence = confs[best]
