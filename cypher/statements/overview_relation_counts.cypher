// How many relationships of each type (count store lookups, one per type of the model).
MATCH ()-[r:LEADS]->() RETURN 'LEADS' AS relation, count(r) AS count
UNION ALL MATCH ()-[r:MEMBER_OF]->() RETURN 'MEMBER_OF' AS relation, count(r) AS count
UNION ALL MATCH ()-[r:PART_OF]->() RETURN 'PART_OF' AS relation, count(r) AS count
UNION ALL MATCH ()-[r:SUPPORTS]->() RETURN 'SUPPORTS' AS relation, count(r) AS count
UNION ALL MATCH ()-[r:INVOLVED_IN]->() RETURN 'INVOLVED_IN' AS relation, count(r) AS count
UNION ALL MATCH ()-[r:OCCURRED_IN]->() RETURN 'OCCURRED_IN' AS relation, count(r) AS count
UNION ALL MATCH ()-[r:BASED_IN]->() RETURN 'BASED_IN' AS relation, count(r) AS count
UNION ALL MATCH ()-[r:ISSUED]->() RETURN 'ISSUED' AS relation, count(r) AS count
UNION ALL MATCH ()-[r:TARGETS]->() RETURN 'TARGETS' AS relation, count(r) AS count
UNION ALL MATCH ()-[r:MENTIONED_IN]->() RETURN 'MENTIONED_IN' AS relation, count(r) AS count
UNION ALL MATCH ()-[r:CO_MENTIONED]->() RETURN 'CO_MENTIONED' AS relation, count(r) AS count
