"""Queries page with AppTest against the real server: links rerun queries, widgets by type, the editor's
read-only guard, syntax positions, timeout, and saved queries shared between sessions."""
from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from neo4j import Driver
from streamlit.testing.v1 import AppTest

from cypher import library, saved
from tests.queries_fixture import counts, queries_graph  # noqa: F401 - fixture
from tests.test_guard import WRITES


def page(**params: str) -> AppTest:
    at = AppTest.from_string("from dashboard.views.queries import render\nrender()", default_timeout=60)
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    assert not at.exception, at.exception
    return at


def errors(at: AppTest) -> list[str]:
    return [e.value for e in at.error]


def table(at: AppTest, index: int = 0) -> list[dict]:
    return at.dataframe[index].value.to_dict("records")


def run_editor(at: AppTest, cypher: str) -> AppTest:
    at.text_area(key="editor_cypher").input(cypher).run()
    at.button(key="editor_run").click().run()
    assert not at.exception, at.exception
    return at


@pytest.fixture
def no_saved_queries(queries_graph: Driver) -> Iterator[Driver]:
    queries_graph.execute_query("MATCH (q:SavedQuery) DELETE q")
    yield queries_graph
    queries_graph.execute_query("MATCH (q:SavedQuery) DELETE q")


def test_a_link_with_the_query_and_its_values_reruns_it_with_table_graph_and_downloads(queries_graph: Driver) -> None:
    at = page(q="supporters", **{"p.group": "Hezbollah"})
    assert at.selectbox(key="queries_choice").value == "supporters"
    assert at.text_input(key="qp_supporters_group").value == "Hezbollah"
    assert [r["supporter"] for r in table(at)] == ["Islamic Revolutionary Guard Corps"]
    frames = at.get("iframe")
    assert len(frames) == 1 and "Islamic Revolutionary Guard Corps" in frames[0].proto.srcdoc
    downloads = {b.key for b in at.get("download_button")}
    assert {"lib_supporters_csv", "lib_supporters_json", "export_supporters"} <= downloads


def test_parameters_become_widgets_by_type_and_the_url_follows_them(queries_graph: Driver) -> None:
    at = page(q="most-connected", **{"p.limit": "2"})
    assert at.number_input(key="qp_most-connected_limit").value == 2
    assert at.checkbox(key="qp_most-connected_coMentions").value is False
    assert [r["entity"] for r in table(at)] == ["al-Qaeda", "Hezbollah"]
    at.number_input(key="qp_most-connected_limit").set_value(3).run()
    assert len(table(at)) == 3
    assert at.query_params["q"] == "most-connected" and at.query_params["p.limit"] == "3"
    assert at.query_params["p.coMentions"] == "false"


def test_a_required_parameter_left_empty_asks_for_it_instead_of_running(queries_graph: Driver) -> None:
    at = page(q="entity-timeline")
    assert any("Fill in entity" in i.value for i in at.info)
    assert not at.dataframe


def test_url_values_are_only_data_and_underscore_names_are_ignored(queries_graph: Driver) -> None:
    before = counts(queries_graph)
    at = page(q="designations", **{"p.kind": "x'}) DETACH DELETE n //", "p._secret": "1", "p.other": "2"})
    assert errors(at) == []
    assert any("no rows" in i.value for i in at.info)
    assert counts(queries_graph) == before


def test_a_bad_url_value_or_unknown_query_is_an_error_not_a_traceback(queries_graph: Driver) -> None:
    at = page(q="most-connected", **{"p.limit": "lots"})
    assert any("whole number" in e for e in errors(at))
    at = page(q="no-such-query")
    assert any("no query named 'no-such-query'" in e for e in errors(at))


def test_search_narrows_the_library(queries_graph: Driver) -> None:
    at = page()
    at.text_input(key="queries_search").input("terrorism").run()
    assert at.selectbox(key="queries_choice").options == [
        f"{library.find('designated-for-terrorism', library.file_queries()).title}  ·  designated-for-terrorism"]


@pytest.mark.parametrize(("cypher", "why"), WRITES)
def test_every_kind_of_write_is_refused_in_the_editor_and_the_graph_is_unchanged(
        queries_graph: Driver, cypher: str, why: str) -> None:
    before = counts(queries_graph)
    at = run_editor(page(), cypher)
    assert len(errors(at)) == 1
    assert errors(at)[0].startswith("error: refused:") and why.lower() in errors(at)[0].lower()
    assert counts(queries_graph) == before


def test_the_editor_runs_a_read_with_parameters_and_draws_nodes(queries_graph: Driver) -> None:
    at = page()
    at.text_area(key="editor_cypher").input("MATCH p = (x:Person)-[:LEADS]->(o) WHERE o.name = $org RETURN x.name AS "
                                            "leader, p ORDER BY leader").run()
    at.text_input(key="editor_param_org").input("al-Qaeda").run()
    at.button(key="editor_run").click().run()
    assert errors(at) == []
    assert [r["leader"] for r in table(at, -1)] == ["Ayman al-Zawahiri", "Osama bin Laden"]
    assert at.get("iframe")


def test_a_syntax_error_shows_its_line_and_column(queries_graph: Driver) -> None:
    at = run_editor(page(), "MATCH (n)\nWHERE n.x =\nRETURN n")
    assert "syntax error at line 3, column 8" in errors(at)[0]
    assert any(c.value == "RETURN n\n       ^ line 3, column 8" for c in at.code)


def test_a_slow_query_is_stopped_by_the_timeout_set_in_the_sidebar(queries_graph: Driver) -> None:
    at = page()
    at.sidebar.number_input(key="queries_timeout").set_value(1.0).run()
    run_editor(at, "UNWIND range(1, 100000000) AS x WITH x WHERE x % 7 = 123456789 RETURN count(*)")
    assert errors(at) == ["error: the query was stopped after the 1 s timeout; narrow it (filters, LIMIT, "
                          "shorter paths) or raise the timeout"]


def test_the_row_cap_in_the_sidebar_limits_rows(queries_graph: Driver) -> None:
    at = page()
    at.sidebar.number_input(key="queries_row_cap").set_value(5).run()
    run_editor(at, "UNWIND range(1, 20) AS x RETURN x")
    assert [r["x"] for r in table(at, -1)] == [1, 2, 3, 4, 5]
    assert any("stopped at the row cap" in c.value for c in at.caption)


def save_from_page(at: AppTest, cypher: str, title: str, description: str = "") -> AppTest:
    at.text_area(key="editor_cypher").input(cypher).run()
    at.text_input(key="save_title").input(title).run()
    at.text_area(key="save_description").input(description).run()
    at.button(key="editor_save").click().run()
    assert not at.exception, at.exception
    return at


def test_a_saved_query_is_seen_by_another_session_exported_and_deleted(no_saved_queries: Driver) -> None:
    first = save_from_page(page(), "MATCH (o:Organization) WHERE o.kind = $kind RETURN o.name AS name ORDER BY name",
                           "Organizations of a kind", "Every organization of one kind.")
    assert any("Saved as `organizations-of-a-kind`" in s.value for s in first.success)
    second = page(q="organizations-of-a-kind", **{"p.kind": "government"})  # a separate session
    assert errors(second) == []
    assert [r["name"] for r in table(second)] == ["US Department of the Treasury", "United Nations Security Council"]
    assert any("saved in the database" in c.value for c in second.caption)
    query = saved.saved_queries(no_saved_queries)[0]
    exported = library.parse(library.file_text(query), name=query.name)
    assert (exported.title, exported.description, [p.name for p in exported.params]) == \
        ("Organizations of a kind", "Every organization of one kind.", ["kind"])
    assert library.problems(exported) == []
    second.button(key="delete_organizations-of-a-kind").click().run()
    assert any("Deleted saved query" in s.value for s in second.success)
    assert saved.saved_queries(no_saved_queries) == []


@pytest.mark.parametrize(("cypher", "title", "message"), [
    ("MATCH (n) DETACH DELETE n", "Wipe", "refused: DETACH DELETE"),
    ("RETURN 1", "", "needs a title"),
    ("RETURN 1", "Designations", "library file query"),
    ("RETURN 1 +", "Broken", "syntax error"),
])
def test_saving_refuses_writes_missing_titles_library_names_and_broken_cypher(
        no_saved_queries: Driver, cypher: str, title: str, message: str) -> None:
    at = save_from_page(page(), cypher, title)
    assert any(message in e for e in errors(at))
    assert saved.saved_queries(no_saved_queries) == []


def test_saving_the_same_title_twice_is_refused(no_saved_queries: Driver) -> None:
    save_from_page(page(), "RETURN 1 AS one", "One")
    at = save_from_page(page(), "RETURN 2 AS two", "One")
    assert any("already exists" in e for e in errors(at))
    stored = saved.saved_queries(no_saved_queries)
    assert [(q.name, q.body) for q in stored] == [("one", "RETURN 1 AS one")]


def test_example_values_given_when_saving_become_typed_defaults(no_saved_queries: Driver) -> None:
    query = saved.save(no_saved_queries, title="Top n", cypher="UNWIND range(1, 10) AS x RETURN x LIMIT $n",
                       params={"n": "3"})
    assert [(p.name, p.type, p.default) for p in query.params] == [("n", "integer", 3)]
    stored = no_saved_queries.execute_query("MATCH (q:SavedQuery {name: 'top-n'}) RETURN q.params AS p").records[0]["p"]
    assert json.loads(stored)[0]["default"] == 3
    at = page(q="top-n")
    assert [r["x"] for r in table(at)] == [1, 2, 3]


def test_an_entity_value_says_which_entity_it_picks(queries_graph: Driver) -> None:
    at = page(q="supporters", **{"p.group": "hizballah"})
    assert any("matches: Hezbollah (Organization, organization:hezbollah)" in c.value for c in at.caption)
    at = page(q="supporters", **{"p.group": "Hezbolah"})
    assert any("No entity has the id, name or alias 'Hezbolah'" in w.value for w in at.warning)


def test_saved_titles_and_descriptions_are_shown_as_text_not_markdown(no_saved_queries: Driver) -> None:
    saved.save(no_saved_queries, title="Look [here](http://evil.example) $x$", cypher="RETURN 1 AS one",
               description="![img](http://evil.example/p.png) **bold**")
    at = page(q=saved.name_for("Look [here](http://evil.example) $x$"))
    assert [s.value for s in at.subheader][0] == "Look \\[here\\](http://evil.example) \\$x\\$"
    assert any(m.value == "!\\[img\\](http://evil.example/p.png) \\*\\*bold\\*\\*" for m in at.markdown)
