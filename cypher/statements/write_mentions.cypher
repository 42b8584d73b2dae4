// __LABEL__ is Entity or Designation (check_label). aliases: the surface forms seen in that document, its canonical name first.
UNWIND $rows AS row
MATCH (d:Document {id: row.docId})
MATCH (n:__LABEL__ {id: row.id})
MERGE (n)-[m:MENTIONED_IN]->(d)
SET m.count = row.count, m.aliases = row.aliases
