// Stored once per pair, lower id -> higher id; each row carries one batch's documents and weights
// for the pair; weights stay parallel to docIds and weight is their sum.
UNWIND $rows AS row
MATCH (a:Entity {id: row.source})
MATCH (b:Entity {id: row.target})
MERGE (a)-[r:CO_MENTIONED]->(b)
WITH r, row, coalesce(r.docIds, []) AS docs, coalesce(r.weights, []) AS ws
WITH r, row, docs, ws, [i IN range(0, size(docs) - 1) WHERE NOT docs[i] IN row.docIds] AS keep
WITH r, [i IN keep | docs[i]] + row.docIds AS docIds, [i IN keep | ws[i]] + row.weights AS weights
SET r.docIds = docIds, r.weights = weights, r.weight = reduce(s = 0, w IN weights | s + w)
