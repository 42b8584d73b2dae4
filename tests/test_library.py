"""The query library: headers parse, declare exactly the parameters used, pass EXPLAIN read-only,
and return the expected rows on the fixture graph (and sensible rows on the sample corpus)."""
from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from neo4j import Driver

from cypher import guard, library, records
from cypher.errors import KgError, QueryFailed, QueryRefused
from cypher.parameters import named_parameters
from tests.queries_fixture import queries_graph  # noqa: F401 - fixture

QUERIES = library.file_queries()
NAMES = [q.name for q in QUERIES]
TREASURY, UNSC = "US Department of the Treasury", "United Nations Security Council"
ZAWAHIRI, AQ, HEZ = "Ayman al-Zawahiri", "al-Qaeda", "Hezbollah"

# name -> (parameters given, columns compared, expected rows of those columns in order)
EXPECTED: dict[str, tuple[dict[str, Any], list[str], list[tuple[Any, ...]]]] = {
    "designations": ({}, ["authority", "target", "kind", "date"], [
        (TREASURY, ZAWAHIRI, "terrorism", "2001-10-12"), (TREASURY, AQ, "terrorism", "2001-09-23"),
        (UNSC, AQ, "sanctions", "1999-10-15"), (TREASURY, HEZ, "terrorism", "1997-10-08")]),
    "designations-by-authority": ({}, ["authority", "designations", "kinds"], [
        (TREASURY, 3, ["terrorism"]), (UNSC, 1, ["sanctions"])]),
    "designated-for-terrorism": ({}, ["target", "type", "designatedBy", "firstDesignated"], [
        (HEZ, "Organization", [TREASURY], "1997-10-08"), (AQ, "Organization", [TREASURY], "2001-09-23"),
        (ZAWAHIRI, "Person", [TREASURY], "2001-10-12")]),
    "incidents": ({}, ["incident", "date", "killed", "status", "places", "organizations", "people"], [
        ("1998 US embassy bombings", "1998-08-07", 224, "carried_out", ["Nairobi"], ["al-Qaeda (perpetrator)"],
         ["Ayman al-Zawahiri (perpetrator)"]),
        ("2008 Kabul hotel plot", "2008-01", 0, "foiled", ["Kabul"], [], ["Ayman al-Zawahiri (linked)"])]),
    "entity-timeline": ({"entity": "AQ"}, ["date", "event"], [
        ("1998-08-07", "incident"), ("1999-10-15", "designated"), ("2001-09-23", "designated"),
        ("2019-07-09", "article"), ("2022-08-02", "article"), ("2023-08-07", "article")]),
    "leaders-of-designated": ({"includeFormer": False}, ["organization", "leader", "role"], [
        (HEZ, "Hassan Nasrallah", "secretary-general"), (AQ, ZAWAHIRI, "leader")]),
    "supporters": ({"group": "hizballah"}, ["supporter", "how", "sources"], [
        ("Islamic Revolutionary Guard Corps", "weapons", 2)]),
    "most-connected": ({"limit": 3}, ["entity", "connections"], [(AQ, 7), (HEZ, 5), (ZAWAHIRI, 4)]),
    "shortest-connection": ({"source": "Nasrallah", "target": "location:kabul"}, ["hops", "route"], [
        (5, ["Hassan Nasrallah", HEZ, AQ, ZAWAHIRI, "2008 Kabul hotel plot", "Kabul"])]),
    "documents-mentioning-both": ({"x": "Zawahiri", "y": "organization:al-qaeda"}, ["document", "publishedAt"], [
        ("doc-embassy-2023", "2023-08-07"), ("doc-zawahiri-2022", "2022-08-02")]),
    "single-source-relations": ({"relation": "LEADS"}, ["source", "target", "document"], [
        ("Hassan Nasrallah", HEZ, "doc-hezbollah-2019"), ("Osama bin Laden", AQ, "doc-embassy-2023")]),
    "newest-entities": ({"documents": 1}, ["entity", "documents"], [
        ("1998 US embassy bombings", 1), (ZAWAHIRI, 1), ("Nairobi", 1), ("Osama bin Laden", 1),
        ("US Department of the Treasury", 1), (AQ, 1)]),
    "designation-network": ({"kind": "sanctions"}, ["authority", "target"], [(UNSC, AQ)]),
    "entity-neighbourhood": ({"entity": "Hassan Nasrallah"}, ["relation", "neighbour"], [("LEADS", HEZ)]),
}

# values for required parameters when only checking the plan
EXAMPLE_VALUES = {"entity": "al-Qaeda", "group": "al-Qaeda", "source": "al-Qaeda", "target": "Hezbollah",
                  "x": "al-Qaeda", "y": "Hezbollah"}


def test_the_library_has_at_least_twelve_queries_each_with_an_expected_result() -> None:
    assert len(QUERIES) >= 12
    assert sorted(EXPECTED) == sorted(NAMES)


@pytest.mark.parametrize("query", QUERIES, ids=NAMES)
def test_every_header_has_a_title_a_description_and_a_known_display(query: library.Query) -> None:
    assert query.title != query.name and query.description
    assert query.display.kind in library.DISPLAYS
    assert library.NAME_RE.match(query.name)


@pytest.mark.parametrize("query", QUERIES, ids=NAMES)
def test_every_query_declares_exactly_the_parameters_it_uses(query: library.Query) -> None:
    assert library.problems(query) == []
    assert sorted(p.name for p in query.params) == sorted(named_parameters(query.body))


@pytest.mark.parametrize("query", QUERIES, ids=NAMES)
def test_every_query_passes_explain_as_read_only(driver: Driver, query: library.Query) -> None:
    params = library.bind(query, {p.name: EXAMPLE_VALUES[p.name] for p in query.params if p.required})
    assert guard.refusal(query.text) is None
    assert guard.explain(driver, guard.statement(query.text), params) == "r"


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_query_returns_the_expected_rows_on_the_fixture_graph(queries_graph: Driver, name: str) -> None:
    given, columns, expected = EXPECTED[name]
    query = library.find(name, QUERIES)
    outcome = guard.run(queries_graph, query.text, library.bind(query, given))
    rows = records.rows(outcome.records)
    got = [tuple(sorted(r[c]) if isinstance(r[c], list) and c not in ("route",) else r[c] for c in columns)
           for r in rows]
    assert got == [tuple(sorted(v) if isinstance(v, list) and c != "route" else v for v, c in zip(row, columns))
                   for row in expected]


def test_graph_queries_return_nodes_and_relationships_to_draw(queries_graph: Driver) -> None:
    query = library.find("shortest-connection", QUERIES)
    outcome = guard.run(queries_graph, query.text, library.bind(query, {"source": "Nasrallah", "target": "Kabul"}))
    nodes, edges = records.graph(outcome.records)
    assert {n["label"] for n in nodes} == {"Hassan Nasrallah", HEZ, AQ, ZAWAHIRI, "2008 Kabul hotel plot", "Kabul"}
    assert sorted(e["type"] for e in edges) == ["INVOLVED_IN", "LEADS", "LEADS", "OCCURRED_IN", "SUPPORTS"]
    assert all(e["evidence"] for e in edges)


# header parsing

HEADER = """// title: Example
// description: First line,
//   second line.
// param: who type=entity help="Entity id, name or alias"
// param: n type=integer default=5
// param: on type=boolean default=false
// param: kinds type=list default="a,b"
// display: bar label=name value=n
MATCH (e:Entity) WHERE e.id = $who AND $on AND e.kind IN $kinds RETURN e.name AS name, $n AS n
"""


def test_a_header_gives_title_description_typed_params_and_display() -> None:
    q = library.parse(HEADER, name="example")
    assert (q.title, q.description) == ("Example", "First line, second line.")
    assert [(p.name, p.type, p.default, p.required) for p in q.params] == [
        ("who", "entity", None, True), ("n", "integer", 5, False), ("on", "boolean", False, False),
        ("kinds", "list", ["a", "b"], False)]
    assert q.params[0].help == "Entity id, name or alias"
    assert (q.display.kind, q.display.options) == ("bar", {"label": "name", "value": "n"})
    assert q.body.startswith("MATCH")


def test_an_exported_header_parses_back_to_the_same_query() -> None:
    q = library.parse(HEADER, name="example")
    again = library.parse(library.file_text(q), name="example")
    assert (again.title, again.description, again.params, again.display, again.body) == \
        (q.title, q.description, q.params, q.display, q.body)


@pytest.mark.parametrize("bad", [
    "// param: x type=colour\nRETURN $x",
    "// param: x kind=string\nRETURN $x",
    "// param: x type=integer default=many\nRETURN $x",
    "// param: type=string\nRETURN 1",
    "// display: pie\nRETURN 1",
    "// param: x\n// param: x\nRETURN $x",
    '// param: x help="unclosed\nRETURN $x',
])
def test_a_malformed_header_is_refused_with_where(bad: str) -> None:
    with pytest.raises(QueryFailed, match="bad"):
        library.parse(bad, name="bad")


@pytest.mark.parametrize(("text", "problem"), [
    ("// param: a\nRETURN $a, $b", "$b is used but not declared"),
    ("// param: a\n// param: b\nRETURN $a", "b is declared but never used"),
    ("// param: _a\nRETURN $_a", "_a starts with _"),
    ("// param: a\nRETURN '$b', $a // $c", None),
])
def test_problems_compare_the_header_with_the_detected_parameters(text: str, problem: str | None) -> None:
    found = library.problems(library.parse(text, name="q"))
    assert (problem in " ".join(found)) if problem else found == []


def test_bind_types_values_and_refuses_unknown_and_server_filled_names() -> None:
    q = library.parse(HEADER, name="example")
    assert library.bind(q, {"who": "x", "n": "7"}) == {"who": "x", "n": 7, "on": False, "kinds": ["a", "b"]}
    assert library.bind(q, {"who": "x"}, {"_today": "2026-11-25"})["_today"] == "2026-11-25"
    for given, message in [({"n": "7"}, "needs a value for who"), ({"who": "x", "n": "many"}, "whole number"),
                           ({"who": "x", "limit": "1"}, "no parameter 'limit'"), ({"who": "x", "_today": "1"}, "filled by the app")]:
        with pytest.raises(QueryRefused, match=message):
            library.bind(q, given)


def test_search_matches_every_word_in_name_title_or_description() -> None:
    assert [q.name for q in library.search(QUERIES, "terrorism designated")] == ["designated-for-terrorism"]
    assert library.search(QUERIES, "") == QUERIES
    with pytest.raises(KgError, match="kg query list"):
        library.find("nope", QUERIES)


# the sample corpus, ingested by the real `kg ingest`

CORPUS_VALUES = {"entity": "al-Qaeda", "group": "al-Qaeda", "source": "al-Qaeda", "target": "Islamic State",
                 "x": "al-Qaeda", "y": "Zawahiri"}


@pytest.fixture(scope="module")
def corpus_graph(driver: Driver) -> Iterator[Driver]:
    from kg.cli import main
    from tests.conftest import SAMPLE_CORPUS, wipe

    if not SAMPLE_CORPUS.is_dir():
        pytest.skip("no sample corpus in examples/news")
    wipe(driver)
    assert main(["ingest", str(SAMPLE_CORPUS)]) == 0
    yield driver
    wipe(driver)


def corpus_rows(driver: Driver, name: str, **given: Any) -> list[dict[str, Any]]:
    query = library.find(name, QUERIES)
    values = {p.name: CORPUS_VALUES[p.name] for p in query.params if p.required}
    return records.rows(guard.run(driver, query.text, library.bind(query, {**values, **given})).records)


@pytest.mark.parametrize("name", [n for n in NAMES if n != "supporters"])
def test_every_query_finds_rows_in_the_sample_corpus(corpus_graph: Driver, name: str) -> None:
    assert corpus_rows(corpus_graph, name)


def test_the_sample_corpus_answers_the_analysts_questions(corpus_graph: Driver) -> None:
    terror = {r["target"]: r for r in corpus_rows(corpus_graph, "designated-for-terrorism")}
    assert terror["al-Qaeda"]["firstDesignated"] == "1999-10"
    assert {"Islamic Revolutionary Guard Corps", "Abu Bakr al-Baghdadi", "al-Shabaab"} <= set(terror)
    bombing = [r for r in corpus_rows(corpus_graph, "incidents") if r["date"] == "1998-08-07"]
    assert bombing and bombing[0]["killed"] == 224
    leaders = {(r["organization"], r["leader"]) for r in corpus_rows(corpus_graph, "leaders-of-designated")}
    assert ("IRGC-Quds Force", "Qassem Soleimani") in leaders
    both = corpus_rows(corpus_graph, "documents-mentioning-both")
    assert "al-qaeda-leaders" in [r["document"] for r in both]
    timeline = corpus_rows(corpus_graph, "entity-timeline")
    dates = [r["date"] for r in timeline]
    dated = [d for d in dates if d]
    assert dates == dated + [None] * (len(dates) - len(dated)) and dated == sorted(dated)  # undated last
    assert ("1999-10", "designated") in {(r["date"], r["event"]) for r in timeline}
    authorities = corpus_rows(corpus_graph, "designations-by-authority")
    assert authorities[0]["designations"] == max(r["designations"] for r in authorities)
    newest = corpus_rows(corpus_graph, "newest-entities", documents=1)
    assert len({r["latest"] for r in newest}) == 1
    single = corpus_rows(corpus_graph, "single-source-relations")
    assert all(r["document"] for r in single)


def test_the_readme_documents_every_parameter_type_and_display() -> None:
    from cypher.parameters import PARAM_TYPES

    text = (library.QUERIES_DIR / "README.md").read_text(encoding="utf-8")
    for word in (*PARAM_TYPES, *library.DISPLAYS, "title", "description", "param", "display"):
        assert f"`{word}`" in text, f"cypher/queries/README.md does not document {word}"
