"""The read-only guard: lexical refusals, EXPLAIN's verdict, the read transaction, timeout and row cap."""
from __future__ import annotations

import pytest
from neo4j import Driver

from cypher import guard, library
from cypher.errors import QueryFailed, QueryRefused
from tests.queries_fixture import counts, queries_graph  # noqa: F401 - fixture

# (what the user tries, a word the refusal must contain)
WRITES = [
    ("CREATE (n:Person {name: 'x'})", "CREATE"),
    ("MERGE (n:Entity {id: 'x'}) RETURN n", "MERGE"),
    ("MATCH (n:Document) DELETE n", "DELETE"),
    ("MATCH (n) DETACH DELETE n", "DETACH DELETE"),
    ("MATCH (n:Entity) SET n.name = 'x'", "SET"),
    ("MATCH (n:Entity) REMOVE n.aliases", "REMOVE"),
    ("MATCH (n:Entity) REMOVE n:Entity", "REMOVE"),
    ("LOAD CSV FROM 'file:///etc/passwd' AS row RETURN row", "LOAD CSV"),
    ("CREATE INDEX evil IF NOT EXISTS FOR (n:Entity) ON (n.x)", "INDEX"),
    ("CREATE CONSTRAINT evil IF NOT EXISTS FOR (n:Entity) REQUIRE n.x IS UNIQUE", "CONSTRAINT"),
    ("DROP INDEX entity_name", "DROP"),
    ("DROP CONSTRAINT entity_id", "DROP"),
    ("CALL dbms.setConfigValue('db.logs.query.enabled', 'off')", "dbms"),
    ("CALL dbms.security.createUser('x', 'y', false)", "dbms"),
    ("CALL db.createLabel('Evil')", "writes"),
    ("CALL db . /* hidden */ `createLabel`('Evil')", "writes"),
    ("CALL db.clearQueryCaches()", "read-only procedures"),
    ("CALL apoc.create.node(['X'], {})", "apoc"),
    ("CALL apoc.periodic.iterate('MATCH (n) RETURN n', 'DETACH DELETE n', {})", "apoc"),
    ("RETURN apoc.cypher.runFirstColumnSingle('MATCH (n) DETACH DELETE n', {})", "apoc"),
    ("CALL `dbms`.components()", "quoted"),
    ("USE system SHOW USERS", "USE"),
    ("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS", "DETACH DELETE"),
    ("MATCH (n) CALL (n) { RETURN n.id AS i } IN TRANSACTIONS RETURN i", "IN TRANSACTIONS"),
    ("MATCH (n) RETURN n; MATCH (m) DETACH DELETE m", "more than one statement"),
    ("RETURN 1; /* */ CREATE (n)", "more than one statement"),
    ("RETURN 'a' ;; ", "more than one statement"),
    ("MATCH (n) FOREACH (x IN [1] | SET n.y = x)", "FOREACH"),
    ("TERMINATE TRANSACTIONS 'neo4j-transaction-1'", "TERMINATE"),
    ("SHOW USERS", "administers"),
    ("ALTER USER neo4j SET PASSWORD 'x'", "administration"),
]

READS = [
    "MATCH (n) RETURN count(n) AS c",
    "MATCH (n:Entity) RETURN n.set AS s, {create: 1} AS m LIMIT 1",
    "RETURN 'CREATE (n); MATCH (m) DETACH DELETE m' AS text // DROP INDEX x",
    "/* SET */ MATCH (n:Entity) RETURN n.name AS name ORDER BY name LIMIT 3;",
    "CALL db.labels() YIELD label RETURN label",
    "MATCH (n:Entity) CALL (n) { MATCH (n)--(m) RETURN count(m) AS deg } RETURN n.name, deg",
    "CALL db.index.fulltext.queryNodes('entity_search', 'qaeda') YIELD node RETURN node.name AS name",
]


@pytest.mark.parametrize(("cypher", "why"), WRITES)
def test_each_kind_of_write_is_refused_and_the_graph_is_unchanged(queries_graph: Driver, cypher: str, why: str) -> None:
    before = counts(queries_graph)
    with pytest.raises(QueryRefused) as info:
        guard.run(queries_graph, cypher)
    message = str(info.value)
    assert message.startswith("refused:") and why.lower() in message.lower()
    assert "\n" not in message
    assert counts(queries_graph) == before


@pytest.mark.parametrize("cypher", READS)
def test_reads_that_only_look_like_writes_are_allowed(queries_graph: Driver, cypher: str) -> None:
    assert guard.refusal(cypher) is None
    guard.run(queries_graph, cypher)


@pytest.mark.parametrize(("cypher", "query_type"), [
    ("MATCH (n) RETURN n", "r"),
    ("CREATE (n)", "w"),
    ("CALL db.createLabel('X')", "w"),
    ("CREATE INDEX x IF NOT EXISTS FOR (n:A) ON (n.b)", "s"),
    ("SHOW USERS", "s"),
    # EXPLAIN calls these "r": that is why the lexical check exists
    ("LOAD CSV FROM 'file:///x' AS r RETURN r", "r"),
    ("USE neo4j MATCH (n) RETURN n", "r"),
    ("TERMINATE TRANSACTION 'x'", "r"),
])
def test_explain_reports_the_query_type(driver: Driver, cypher: str, query_type: str) -> None:
    assert guard.explain(driver, cypher) == query_type


def test_explain_alone_refuses_a_write_the_lexical_check_missed(queries_graph: Driver, monkeypatch: pytest.MonkeyPatch
                                                                ) -> None:
    monkeypatch.setattr(guard, "refusal", lambda text: None)
    before = counts(queries_graph)
    with pytest.raises(QueryRefused, match="EXPLAIN says the query writes"):
        guard.run(queries_graph, "CREATE (n:Evil)")
    assert counts(queries_graph) == before


def test_the_read_transaction_alone_refuses_a_write(queries_graph: Driver, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(guard, "refusal", lambda text: None)
    monkeypatch.setattr(guard, "explain", lambda *a, **k: "r")
    before = counts(queries_graph)
    with pytest.raises(QueryRefused, match="read transaction"):
        guard.run(queries_graph, "MATCH (n:Entity) SET n.name = 'evil'")
    assert counts(queries_graph) == before
    assert guard.run(queries_graph, "MATCH (n:Entity {name: 'evil'}) RETURN n").records == []


def test_a_slow_query_is_stopped_by_a_one_second_timeout(driver: Driver) -> None:
    slow = "UNWIND range(1, 100000000) AS x WITH x WHERE x % 7 = 123456789 RETURN count(*) AS c"
    with pytest.raises(guard.QueryTimedOut) as info:
        guard.run(driver, slow, limits=guard.Limits(timeout=1))
    assert "stopped after the 1 s timeout" in str(info.value)


def test_the_row_cap_stops_reading_and_says_so(driver: Driver) -> None:
    outcome = guard.run(driver, "UNWIND range(1, 50) AS x RETURN x", limits=guard.Limits(row_cap=10))
    assert [r["x"] for r in outcome.records] == list(range(1, 11))
    assert outcome.truncated
    assert not guard.run(driver, "UNWIND range(1, 10) AS x RETURN x", limits=guard.Limits(row_cap=10)).truncated


@pytest.mark.parametrize(("cypher", "line", "column"), [
    ("RETURN 1 +", 1, 11),
    ("MATCH (n)\nWHERE n.x =\nRETURN n", 3, 8),
    ("MATCH (n)\nRETRUN n", 2, 1),
])
def test_syntax_errors_say_where_in_the_users_text(driver: Driver, cypher: str, line: int, column: int) -> None:
    with pytest.raises(guard.QuerySyntaxError) as info:
        guard.run(driver, cypher)
    assert (info.value.line, info.value.column) == (line, column)
    assert f"line {line}, column {column}" in str(info.value)


def test_a_parameter_value_that_looks_like_cypher_is_only_data(queries_graph: Driver) -> None:
    query = library.find("designations", library.file_queries())
    before = counts(queries_graph)
    outcome = guard.run(queries_graph, query.text, library.bind(query, {"kind": "x'}) DETACH DELETE n //"}))
    assert outcome.records == []
    assert counts(queries_graph) == before


def test_a_trailing_semicolon_is_allowed() -> None:
    assert guard.statement("RETURN 1; // done\n") == "RETURN 1"


@pytest.mark.parametrize(("timeout", "cap"), [(0, 10), (-1, 10), (1, 0)])
def test_limits_must_be_positive(timeout: float, cap: int) -> None:
    with pytest.raises(QueryRefused):
        guard.Limits(timeout=timeout, row_cap=cap)


def test_a_runtime_failure_is_a_query_failed_line(driver: Driver) -> None:
    with pytest.raises(QueryFailed) as info:
        guard.run(driver, "RETURN 1 / $zero AS x", {"zero": 0})
    assert "\n" not in str(info.value)
