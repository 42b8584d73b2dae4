// Constraints before MERGE: every MERGE below looks up by these keys.
CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (e:Entity) REQUIRE e.id IS UNIQUE;
CREATE CONSTRAINT document_id IF NOT EXISTS FOR (d:Document) REQUIRE d.id IS UNIQUE;
CREATE CONSTRAINT designation_id IF NOT EXISTS FOR (g:Designation) REQUIRE g.id IS UNIQUE;
CREATE CONSTRAINT saved_query_name IF NOT EXISTS FOR (q:SavedQuery) REQUIRE q.name IS UNIQUE;
CREATE INDEX entity_name IF NOT EXISTS FOR (e:Entity) ON (e.name);
CREATE INDEX document_published IF NOT EXISTS FOR (d:Document) ON (d.publishedAt);
CREATE FULLTEXT INDEX entity_search IF NOT EXISTS FOR (e:Entity) ON EACH [e.name, e.aliasText];
