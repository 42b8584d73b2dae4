"""`kg query list|show|run` end to end through kg.cli.main, against the real server and the fixture graph."""
from __future__ import annotations

import csv
import io
import json

import pytest
from neo4j import Driver

from cypher import saved
from kg.cli import main
from tests.queries_fixture import counts, queries_graph  # noqa: F401 - fixture
from tests.test_guard import WRITES


def kg(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_list_shows_every_library_query_and_saved_ones(queries_graph: Driver, capsys: pytest.CaptureFixture[str]) -> None:
    saved.save(queries_graph, title="CLI listed query", cypher="MATCH (o:Organization) RETURN o.name AS name")
    try:
        code, out, _ = kg(capsys, "query", "list")
        assert code == 0
        names = [line.split()[0] for line in out.splitlines()]
        assert "designations" in names and "shortest-connection" in names and "cli-listed-query" in names
        assert "[saved]" in next(line for line in out.splitlines() if line.startswith("cli-listed-query"))
        code, out, _ = kg(capsys, "query", "list", "--search", "terrorism")
        assert [line.split()[0] for line in out.splitlines()] == ["designated-for-terrorism"]
    finally:
        saved.delete(queries_graph, "cli-listed-query")


def test_show_prints_the_header_and_cypher(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = kg(capsys, "query", "show", "supporters")
    assert code == 0
    assert out.startswith("// title: Who supports a given group")
    assert "// param: group type=entity" in out and "MATCH p = (s)-[r:SUPPORTS]->(target)" in out


def test_run_a_named_query_as_a_table(queries_graph: Driver, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = kg(capsys, "query", "run", "supporters", "--param", "group=Hezbollah")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split()[:3] == ["supporter", "type", "supports"]
    assert lines[2].startswith("Islamic Revolutionary Guard Corps") and lines[-1] == "(1 row)"


def test_run_as_json_and_csv(queries_graph: Driver, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = kg(capsys, "query", "run", "most-connected", "--param", "limit=2", "--format", "json")
    assert code == 0
    assert [(r["entity"], r["connections"]) for r in json.loads(out)] == [("al-Qaeda", 7), ("Hezbollah", 5)]
    code, out, _ = kg(capsys, "query", "run", "designations", "--param", "kind=sanctions", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and [(r["authority"], r["target"]) for r in rows] == [("United Nations Security Council", "al-Qaeda")]


def test_json_keeps_nodes_and_paths_as_data(queries_graph: Driver, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = kg(capsys, "query", "run", "--cypher",
                      "MATCH p = (:Person {name: 'Hassan Nasrallah'})-[:LEADS]->(o) RETURN o, p", "--format", "json")
    row = json.loads(out)[0]
    assert code == 0 and row["o"]["name"] == "Hezbollah" and row["o"]["_labels"] == ["Entity", "Organization"]
    assert row["p"]["_relationships"][0]["_type"] == "LEADS"


@pytest.mark.parametrize(("cypher", "why"), WRITES)
def test_every_kind_of_write_is_refused_with_one_line_and_a_non_zero_exit(
        queries_graph: Driver, capsys: pytest.CaptureFixture[str], cypher: str, why: str) -> None:
    before = counts(queries_graph)
    code, out, err = kg(capsys, "query", "run", "--cypher", cypher)
    assert code != 0 and out == ""
    assert err.startswith("error: refused:") and err.count("\n") == 1 and why.lower() in err.lower()
    assert counts(queries_graph) == before


def test_a_parameter_value_that_looks_like_cypher_changes_nothing(
        queries_graph: Driver, capsys: pytest.CaptureFixture[str]) -> None:
    before = counts(queries_graph)
    code, out, _ = kg(capsys, "query", "run", "designations", "--param", "kind=x'}) DETACH DELETE n //")
    assert code == 0 and out.splitlines()[-1] == "(0 rows)"
    code, out, _ = kg(capsys, "query", "run", "--cypher", "RETURN $v AS v", "--param", "v=x'}) DETACH DELETE n //",
                      "--format", "json")
    assert code == 0 and json.loads(out) == [{"v": "x'}) DETACH DELETE n //"}]
    assert counts(queries_graph) == before


def test_a_slow_query_is_stopped_by_the_timeout(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = kg(capsys, "query", "run", "--cypher",
                      "UNWIND range(1, 100000000) AS x WITH x WHERE x % 7 = 123456789 RETURN count(*)", "--timeout", "1")
    assert code == 1
    assert err == ("error: the query was stopped after the 1 s timeout; narrow it (filters, LIMIT, shorter paths) "
                   "or raise the timeout\n")


def test_limit_caps_the_rows_and_says_so(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = kg(capsys, "query", "run", "--cypher", "UNWIND range(1, 20) AS x RETURN x", "--limit", "5",
                        "--format", "csv")
    assert code == 0 and out.split() == ["x", "1", "2", "3", "4", "5"]
    assert "stopped at 5 rows" in err


@pytest.mark.parametrize(("argv", "message"), [
    (["query", "run", "nope"], "no query named 'nope'"),
    (["query", "run"], "give a query NAME or --cypher"),
    (["query", "run", "supporters"], "needs a value for group"),
    (["query", "run", "supporters", "--param", "group"], "KEY=VALUE"),
    (["query", "run", "supporters", "--param", "group=x", "--param", "_secret=1"], "filled by the app"),
    (["query", "run", "most-connected", "--param", "limit=lots"], "whole number"),
    (["query", "run", "--cypher", "RETURN $a", "--param", "b=1"], "does not use $b"),
    (["query", "run", "--cypher", "RETURN 1 +"], "syntax error at line 1, column 11"),
    (["query", "run", "--cypher", "RETURN 1", "--timeout", "0"], "timeout must be more than 0"),
    (["query", "show", "nope"], "no query named"),
])
def test_mistakes_are_one_line_with_a_non_zero_exit(queries_graph: Driver, capsys: pytest.CaptureFixture[str],
                                                    argv: list[str], message: str) -> None:
    code, out, err = kg(capsys, *argv)
    assert code != 0 and out == ""
    assert err.count("\n") == 1 and message in err


def test_without_a_database_list_still_shows_the_files_and_run_says_how_to_fix_it(
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEO4J_URI", "bolt://127.0.0.1:1")
    code, out, err = kg(capsys, "query", "list")
    assert code == 0 and "designations" in out and err.startswith("note: saved queries not listed")
    code, out, err = kg(capsys, "query", "run", "designations")
    assert code == 2 and out == "" and err.count("\n") == 1 and "kg neo4j start" in err


def test_saved_titles_lose_control_characters(queries_graph: Driver) -> None:
    query = saved.save(queries_graph, title="Bad\x1b[2J title\nsecond line", cypher="RETURN 1 AS one",
                       description="x\x07y")
    try:
        assert (query.title, query.description) == ("Bad [2J title second line", "x y")
    finally:
        saved.delete(queries_graph, query.name)
