"""Documents and Overview keep their filters in the URL, so a copied link reopens the same list."""
from __future__ import annotations

from neo4j import Driver
from streamlit.testing.v1 import AppTest

from tests.test_pages import page, tables


def _params(at: AppTest, key: str) -> list[str]:
    value = at.query_params.get(key, [])
    return [value] if isinstance(value, str) else list(value)


def test_a_documents_link_reopens_the_same_filtered_list(pages_graph: Driver) -> None:
    at = page("documents", q="hezbollah")
    assert at.text_input(key="documents_filter").value == "hezbollah"
    assert list(tables(at)[0]["document"]) == ["documents?doc=doc-hezbollah-2019"]
    at = page("documents", source="Example Wire", **{"from": "2023-01-01", "to": "2023-12-31"})
    assert list(tables(at)[0]["document"]) == ["documents?doc=doc-embassy-2023"]


def test_filtering_the_documents_writes_the_filter_into_the_url(pages_graph: Driver) -> None:
    at = page("documents")
    at.text_input(key="documents_filter").input("treasury").run()
    at.multiselect(key="documents_sources").set_value(["Example Times"]).run()
    assert _params(at, "q") == ["treasury"] and _params(at, "source") == ["Example Times"]


def test_a_documents_link_with_nothing_matching_offers_a_way_out(pages_graph: Driver) -> None:
    at = page("documents", q="no such words", source="Unknown source", **{"from": "not-a-date"})
    assert "No document out of 3" in at.warning[0].value
    assert any("Clear the filter" in m.value for m in at.markdown)


def test_an_overview_link_reopens_the_same_entity_types(pages_graph: Driver) -> None:
    at = page("overview", types="Person")
    assert at.multiselect(key="overview_types").value == ["Person"]
    assert set(tables(at)[1]["type"]) == {"Person"}
    at.multiselect(key="overview_types").set_value(["Person", "Location"]).run()
    assert _params(at, "types") == ["Person", "Location"]
