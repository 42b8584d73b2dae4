"""Paths and Entity pages offer the link that reopens them; graphs promise clicks only where clicks work."""
from __future__ import annotations

from neo4j import Driver

from dashboard.graph import graph_html
from dashboard.links import ViewState, click_templates
from tests.test_pages import NASRALLAH, ZAWAHIRI, page

NODES = [{"id": "person:a", "label": "A", "type": "Person"}, {"id": "person:b", "label": "B", "type": "Person"}]
EDGES = [{"source": "person:a", "target": "person:b", "type": "LEADS", "docCount": 1}]


def test_the_paths_page_shows_a_link_to_the_same_paths(pages_graph: Driver) -> None:
    at = page("paths", src=NASRALLAH, dst=ZAWAHIRI, k="5")
    links = [c.value for c in at.code]
    assert any(v.endswith(f"paths?src={NASRALLAH}&dst={ZAWAHIRI}&k=5") for v in links), links


def test_the_entity_page_shows_a_link_to_the_same_entity(pages_graph: Driver) -> None:
    at = page("entity", id=ZAWAHIRI)
    assert any(c.value.endswith(f"entity?id={ZAWAHIRI}") for c in at.code)


def test_a_graph_without_click_navigation_does_not_tell_the_user_to_click_nodes() -> None:
    assert "Click a node" not in graph_html(NODES, EDGES)
    assert "Click a node to focus on it" in graph_html(NODES, EDGES, click=click_templates(ViewState(focus="person:a")))
