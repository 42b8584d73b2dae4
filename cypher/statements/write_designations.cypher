// Designations are acts, not named things: no :Entity label.
UNWIND $rows AS row
MERGE (g:Designation {id: row.id})
SET g += row.props
