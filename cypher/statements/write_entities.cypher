// __LABEL__ is replaced by a type label from cypher.model.ENTITY_TYPES (check_label), never by input.
// name, aliases and the counts are recomputed from MENTIONED_IN by write_entity_stats.
UNWIND $rows AS row
MERGE (e:Entity {id: row.id})
ON CREATE SET e.name = row.name
SET e:__LABEL__, e += row.props
