// The stored text hash of each known document id (absent ids return no row).
UNWIND $ids AS id
MATCH (d:Document {id: id})
RETURN d.id AS id, d.textHash AS textHash
