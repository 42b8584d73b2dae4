// Entities (or designations) by id, for the Explore graph's seeds.
// $ids: list of ids
UNWIND $ids AS id
CALL (id) {
  MATCH (n:Entity {id: id}) RETURN n
  UNION
  MATCH (n:Designation {id: id}) RETURN n
}
RETURN n.id AS id, elementId(n) AS eid, coalesce(n.name, n.id) AS name, [l IN labels(n) WHERE l <> 'Entity'][0] AS type,
       coalesce(n.mentionCount, 0) AS mentionCount, COUNT { (n)--() } AS degree
