// Marks documents as completely written: re-ingest skips a document whose hash matches.
UNWIND $rows AS row
MATCH (d:Document {id: row.id})
SET d.textHash = row.textHash
