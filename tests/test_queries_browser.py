"""The Queries page in headless Chromium: a link draws the query's graph, and a query saved in one
browser session survives a dashboard restart and shows up in a second, separate session."""
from __future__ import annotations

from typing import Any

import pytest
from neo4j import Driver

from cypher import saved
from tests.browser import browser, click_node, free_port, graph_frame, node_ids, page, start_app, stop_app  # noqa: F401
from tests.queries_fixture import IRGC, HEZ, queries_graph  # noqa: F401 - fixture

pytestmark = pytest.mark.browser
WAIT = 60_000  # ms: an upper bound to wait for a condition, not a timing


def open_queries(page: Any, base: str, query: str = "") -> None:  # noqa: F811
    page.goto(f"{base}/queries{query}")
    page.get_by_text("Write your own").wait_for(timeout=WAIT)


def test_a_link_to_a_query_draws_its_graph_and_a_click_explores_a_node(queries_graph: Driver, page: Any) -> None:  # noqa: F811
    port = free_port()
    proc = start_app(port)
    try:
        open_queries(page, f"http://127.0.0.1:{port}", "?q=supporters&p.group=Hezbollah")
        frame = graph_frame(page)
        assert node_ids(frame) == sorted([IRGC, HEZ])
        assert "q=supporters" in page.url and "p.group=Hezbollah" in page.url
        click_node(page, frame, IRGC)  # a node of a query's graph opens Explore around it
        page.wait_for_url(lambda url: f"focus={IRGC}" in url and "/queries" not in url, timeout=WAIT)
        page.get_by_text("Relations on screen").wait_for(timeout=WAIT)
    finally:
        stop_app(proc)


def test_a_saved_query_survives_a_restart_and_is_visible_from_a_second_session(
        queries_graph: Driver, browser: Any) -> None:  # noqa: F811
    queries_graph.execute_query("MATCH (q:SavedQuery) DELETE q")
    port = free_port()
    proc = start_app(port)
    first = browser.new_context(viewport={"width": 1400, "height": 1000})
    try:
        pg = first.new_page()
        open_queries(pg, f"http://127.0.0.1:{port}")
        editor = pg.get_by_label("Cypher", exact=True)
        editor.fill("MATCH (p:Person) RETURN p.name AS person ORDER BY person")
        editor.press("Control+Enter")
        pg.get_by_text("Save this query for everyone using this database").click()
        title = pg.get_by_label("Title", exact=True)
        title.fill("People in the graph")
        title.press("Enter")
        pg.get_by_role("button", name="Save", exact=True).click()
        pg.get_by_text("Saved as").wait_for(timeout=WAIT)
    finally:
        first.close()
        stop_app(proc)
    assert [q.name for q in saved.saved_queries(queries_graph)] == ["people-in-the-graph"]

    port = free_port()
    proc = start_app(port)  # the restarted dashboard
    second = browser.new_context(viewport={"width": 1400, "height": 1000})
    try:
        pg = second.new_page()
        open_queries(pg, f"http://127.0.0.1:{port}", "?q=people-in-the-graph")
        pg.get_by_role("heading", name="People in the graph").wait_for(timeout=WAIT)
        pg.get_by_text("saved in the database").first.wait_for(timeout=WAIT)
        pg.get_by_text("3 rows", exact=True).wait_for(timeout=WAIT)
    finally:
        second.close()
        stop_app(proc)
        queries_graph.execute_query("MATCH (q:SavedQuery) DELETE q")
