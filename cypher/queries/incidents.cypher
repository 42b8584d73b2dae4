// title: Incidents: where, when, how many killed, and who was behind them
// description: Attacks, bombings, plots and other incidents with their places, dates, death toll, status
//   and the organizations and people linked to them (with their role).
// param: kind type=string default="" help="Only this kind of incident (bombing, plot, ...); empty for all"
// display: timeline date=date label=incident
MATCH (i:Incident)
WHERE $kind = '' OR i.kind = $kind
OPTIONAL MATCH (i)-[:OCCURRED_IN]->(l:Location)
WITH i, collect(DISTINCT l.name) AS places
OPTIONAL MATCH (o:Organization)-[ro:INVOLVED_IN]->(i)
WITH i, places, collect(DISTINCT o.name + coalesce(' (' + ro.role + ')', '')) AS organizations
OPTIONAL MATCH (p:Person)-[rp:INVOLVED_IN]->(i)
RETURN i.name AS incident, i.kind AS kind, i.date AS date, i.killed AS killed, i.status AS status,
       places, organizations, collect(DISTINCT p.name + coalesce(' (' + rp.role + ')', '')) AS people
ORDER BY date, incident
