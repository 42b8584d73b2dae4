"""The Explore page's messages, run with Streamlit's AppTest (no browser): empty graph, unknown entity."""
from __future__ import annotations

from neo4j import Driver
from streamlit.testing.v1 import AppTest

from tests.conftest import ROOT

APP = str(ROOT / "dashboard" / "app.py")


def _run(**params: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    for key, value in params.items():
        at.query_params[key] = value
    return at.run()


def test_an_empty_graph_says_how_to_load_data(empty_graph: Driver) -> None:
    at = _run()
    assert not at.exception
    assert any("kg ingest" in i.value for i in at.info)


def test_an_unknown_focus_says_so_and_offers_a_way_back(empty_graph: Driver) -> None:
    at = _run(focus="person:nobody")
    assert not at.exception
    assert any("No entity has the id" in e.value for e in at.error)
    assert any("Start again from the overview" in m.value for m in at.markdown)
