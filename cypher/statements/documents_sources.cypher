// Every document source with its document count, and the total.
MATCH (d:Document)
RETURN coalesce(d.source, '') AS source, count(*) AS documents
ORDER BY documents DESC, source
