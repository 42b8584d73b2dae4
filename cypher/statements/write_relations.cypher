// __SOURCE__/__TARGET__ come from ingest.rows.ENDPOINTS and __TYPE__ from cypher.model.TYPED_RELATIONS
// (check_label/check_relation). One edge per (source, type, target); each row carries one batch's support
// for one edge (row.docIds, row.evidence with row.evidenceDocIds parallel). That support is appended,
// replacing whatever the same documents gave before; evidence is capped at $cap sentences.
UNWIND $rows AS row
MATCH (s:__SOURCE__ {id: row.source})
MATCH (t:__TARGET__ {id: row.target})
MERGE (s)-[r:__TYPE__]->(t)
WITH r, row, coalesce(r.evidence, []) AS ev, coalesce(r.evidenceDocIds, []) AS evDocs
WITH r, row, ev, evDocs,
     [d IN coalesce(r.docIds, []) WHERE NOT d IN row.docIds] + row.docIds AS docIds,
     [i IN range(0, size(ev) - 1) WHERE NOT evDocs[i] IN row.docIds] AS keep,
     r.confidence IS NULL OR row.confidence > r.confidence
       OR (row.confidence = r.confidence AND row.extractor < r.extractor) AS better
WITH r, row, docIds, better,
     [i IN keep | ev[i]] + row.evidence AS evidence,
     [i IN keep | evDocs[i]] + row.evidenceDocIds AS evidenceDocIds
SET r += row.props,
    r.docIds = docIds,
    r.docCount = size(docIds),
    r.evidence = evidence[0..$cap],
    r.evidenceDocIds = evidenceDocIds[0..$cap],
    r.extractor = CASE WHEN better THEN row.extractor ELSE r.extractor END,
    r.confidence = CASE WHEN better THEN row.confidence ELSE r.confidence END
