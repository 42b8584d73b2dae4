// One node per document; textHash is set last (write_document_hashes) so a half-written batch is redone.
UNWIND $rows AS row
MERGE (d:Document {id: row.id})
SET d += row.props
