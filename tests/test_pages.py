"""Entity, Documents, Overview and Paths pages, run with AppTest against the real server and the pages fixture."""
from __future__ import annotations


import pytest
import streamlit as st
from neo4j import Driver
from streamlit.testing.v1 import AppTest

from cypher.model import TYPED_RELATIONS
from cypher.statements import statement
from dashboard import links
from dashboard.paths_data import clamp_hops, relation_types
from dashboard.timeline import event_date, timeline_rows
from tests.conftest import wipe
from tests.pages_fixture import load_pages_fixture

ZAWAHIRI = "person:ayman-al-zawahiri"
NASRALLAH = "person:hassan-nasrallah"


def page(module: str, **params: str) -> AppTest:
    at = AppTest.from_string(f"from dashboard.views.{module} import render\nrender()", default_timeout=30)
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    assert not at.exception, at.exception
    return at


def tables(at: AppTest) -> list:
    return [df.value for df in at.dataframe]


def texts(elements) -> list[str]:  # type: ignore[no-untyped-def]
    return [e.value for e in elements]


# Entity page

def test_entity_page_shows_name_type_aliases_and_properties(pages_graph: Driver) -> None:
    at = page("entity", id=ZAWAHIRI)
    assert texts(at.title) == ["Ayman al\\-Zawahiri"]
    assert any("Person" in c for c in texts(at.caption))
    assert any("Zawahiri, al\\-Zawahiri" in m for m in texts(at.markdown))
    props = tables(at)[0]
    assert dict(zip(props["property"], props["value"]))["mentionCount"] == "9"


def test_entity_page_groups_relations_by_type_with_evidence_and_document_links(pages_graph: Driver) -> None:
    at = page("entity", id=ZAWAHIRI)
    assert texts(at.subheader) == ["LEADS (1)", "INVOLVED_IN (2)"]
    leads = next(t for t in tables(at) if "relation" in t and set(t["relation"]) == {"LEADS"})
    assert list(leads["other"]) == ["al-Qaeda", "al-Qaeda"]
    assert "Zawahiri, the leader of al-Qaeda, was killed on Sunday." in list(leads["evidence"])
    assert "documents?doc=doc-zawahiri-2022" in list(leads["document"])
    assert all(t["evidence"].notna().all() for t in tables(at) if "relation" in t)


def test_entity_timeline_is_ordered_by_event_date_not_publication(pages_graph: Driver) -> None:
    at = page("entity", id=ZAWAHIRI)
    timeline = next(t for t in tables(at) if "event" in t)
    assert list(timeline["date"]) == ["1998-08-07", "2001-01-25", "2001-10-12", "2008-01"]
    assert list(timeline["event"]) == ["incident", "designation", "designation", "incident"]
    row = timeline.iloc[0]
    assert row["place"] == "Nairobi" and row["killed"] == 224 and row["role"] == "perpetrator"
    designation = timeline.iloc[2]
    assert designation["authority"] == "US Department of the Treasury"
    assert designation["kind"] == "terrorism" and designation["reason"] == "leader of al-Qaeda"
    assert designation["status"] == "active"


def test_entity_page_lists_documents_that_mention_it_and_links_to_explore(pages_graph: Driver) -> None:
    at = page("entity", id=ZAWAHIRI)
    docs = next(t for t in tables(at) if "publishedAt" in t)
    assert list(docs["document"]) == ["documents?doc=doc-embassy-2023", "documents?doc=doc-zawahiri-2022"]
    assert any(links.explore(ZAWAHIRI) in m for m in texts(at.markdown))


def test_authority_entity_shows_the_designations_it_issued(pages_graph: Driver) -> None:
    at = page("entity", id="organization:us-department-of-the-treasury")
    timeline = next(t for t in tables(at) if "event" in t)
    assert list(timeline["date"]) == ["1997-10-08", "2001-10-12"]
    assert set(timeline["role"]) == {"authority"}


def test_unknown_entity_is_a_message_with_a_way_out(pages_graph: Driver) -> None:
    at = page("entity", id="person:nobody")
    assert "No entity found" in at.error[0].value
    assert any("Overview" in m for m in texts(at.markdown))


def test_entity_page_without_id_asks_for_a_search_and_offers_the_most_connected(pages_graph: Driver) -> None:
    at = page("entity")
    assert "Search for an entity" in at.info[0].value
    assert links.entity(ZAWAHIRI) in list(tables(at)[0]["open"])


def test_sidebar_search_switches_the_entity_in_the_url(pages_graph: Driver) -> None:
    at = page("entity", id=ZAWAHIRI)
    at.sidebar.text_input(key="entity_jump_term").input("Hizballah").run()
    assert at.query_params["id"] == "organization:hezbollah"
    assert texts(at.title) == ["Hezbollah"]


# Documents page

def test_documents_page_lists_documents_newest_first_with_entity_counts(pages_graph: Driver) -> None:
    at = page("documents")
    docs = tables(at)[0]
    assert list(docs["publishedAt"]) == ["2023-08-07", "2022-08-02", "2019-07-09"]
    assert list(docs["entities"]) == [7, 8, 4]
    assert "Treasury targets Hezbollah financiers <b>bold</b>" in list(docs["title"])


def test_documents_filter_narrows_and_an_empty_filter_result_says_so(pages_graph: Driver) -> None:
    at = page("documents")
    at.text_input(key="documents_filter").input("hezbollah").run()
    assert list(tables(at)[0]["document"]) == ["documents?doc=doc-hezbollah-2019"]
    at.text_input(key="documents_filter").input("no such words").run()
    assert "No document out of 3" in at.warning[0].value


def test_one_document_shows_metadata_entities_by_type_and_its_relations(pages_graph: Driver) -> None:
    at = page("documents", doc="doc-zawahiri-2022")
    assert texts(at.subheader) == ["Person (1)", "Organization (3)", "Location (2)", "Incident (2)"]
    meta = tables(at)[0]
    assert dict(zip(meta["field"], meta["value"]))["source"] == "Example Wire"
    relations = tables(at)[-1]
    assert "al-Qaeda has long been based in Afghanistan." in list(relations["evidence"])
    # only evidence read from this document
    assert "al-Qaeda's current leader, Zawahiri, <script>x" not in list(relations["evidence"])
    assert set(relations["document"]) == {"documents?doc=doc-zawahiri-2022"}


def test_unknown_document_is_a_message_with_a_way_back(pages_graph: Driver) -> None:
    at = page("documents", doc="nope")
    assert "No document found" in at.error[0].value
    assert any("All documents" in m for m in texts(at.markdown))


# Overview page

def test_overview_counts_entities_and_relationships_by_type(pages_graph: Driver) -> None:
    at = page("overview")
    metrics = {m.label: m.value for m in at.metric}
    assert metrics == {"Person": "3", "Organization": "4", "Location": "5", "Incident": "2",
                       "Designation": "3", "Document": "3"}
    relations = next(t for t in tables(at) if list(t.columns) == ["relation", "count"])
    counts = dict(zip(relations["relation"], relations["count"]))
    assert counts["LEADS"] == 3 and counts["MEMBER_OF"] == 0 and counts["CO_MENTIONED"] == 2


def test_overview_lists_most_connected_newest_documents_and_designations(pages_graph: Driver) -> None:
    at = page("overview")
    top = next(t for t in tables(at) if "degree" in t)
    assert list(top["name"][:2]) == ["al-Qaeda", "Ayman al-Zawahiri"]
    assert "Atlantis" not in list(top["name"])
    newest = next(t for t in tables(at) if "publishedAt" in t)
    assert newest["publishedAt"].iloc[0] == "2023-08-07"
    auth = next(t for t in tables(at) if "authority" in t)
    assert dict(zip(auth["authority"], auth["designations"]))["US Department of the Treasury"] == 2


def test_most_connected_degree_counts_every_typed_relation() -> None:
    text = statement("overview_most_connected")
    assert all(t in text for t in TYPED_RELATIONS)
    assert "CO_MENTIONED" not in text.split("COUNT")[1]


# Paths page

def test_paths_page_lists_hops_in_order_with_evidence(pages_graph: Driver) -> None:
    at = page("paths", src=NASRALLAH, dst=ZAWAHIRI)
    hops = tables(at)[0]
    assert list(hops["hop"].drop_duplicates()) == [1, 2, 3]
    assert list(hops["relation"].drop_duplicates()) == ["LEADS →", "SUPPORTS →", "← LEADS"]
    assert list(hops["from"].drop_duplicates()) == ["Hassan Nasrallah", "Hezbollah", "al-Qaeda"]
    assert "Officials said Hezbollah provided training to al-Qaeda operatives." in list(hops["evidence"])
    assert "3 hops" in at.success[0].value
    assert at.query_params["src"] == NASRALLAH and at.query_params["dst"] == ZAWAHIRI
    assert at.query_params["k"] == "4"


def test_paths_use_typed_relations_unless_co_mentions_are_included(pages_graph: Driver) -> None:
    at = page("paths", src="location:kabul", dst=NASRALLAH)
    assert "No path of at most 4 hops" in at.info[0].value
    at = page("paths", src="location:kabul", dst=NASRALLAH, rels="CO_MENTIONED")
    hops = tables(at)[0]
    assert "CO_MENTIONED" in list(hops["relation"])
    assert "(named together in 3 sentences)" in list(hops["evidence"])


def test_paths_respect_the_hop_limit_and_say_when_there_is_none(pages_graph: Driver) -> None:
    at = page("paths", src=NASRALLAH, dst=ZAWAHIRI, k="2")
    assert "No path of at most 2 hops" in at.info[0].value
    at = page("paths", src="location:atlantis", dst="location:kabul", k="6", rels="CO_MENTIONED")
    assert "No path of at most 6 hops" in at.info[0].value


def test_paths_page_with_an_unknown_endpoint_says_so(pages_graph: Driver) -> None:
    at = page("paths", src="person:nobody", dst=ZAWAHIRI)
    assert "No entity found" in at.error[0].value


def test_hop_limit_from_the_url_is_clamped() -> None:
    assert [clamp_hops(v) for v in ("9", "0", "x", None, "3")] == [6, 1, 4, 4, 3]


def test_timeline_orders_partial_dates_and_puts_undated_last() -> None:
    assert event_date("1998") == "1998-01-01" and event_date("2013-09") == "2013-09-01"
    assert event_date("unknown") is None
    rows = timeline_rows([{"date": None, "kind": "x"}, {"date": "2001", "kind": "y"}],
                         [{"name": "i", "date": "1999-05-02"}])
    assert [r["date"] for r in rows] == ["1999-05-02", "2001", ""]


def test_paths_walk_typed_relations_and_co_mentions_only_when_named() -> None:
    assert relation_types(None) == list(TYPED_RELATIONS)
    assert relation_types(("CO_MENTIONED",)) == [*TYPED_RELATIONS, "CO_MENTIONED"]
    assert relation_types(("LEADS", "MENTIONED_IN")) == ["LEADS"]


def test_paths_are_drawn_from_the_union_of_their_nodes_and_edges(pages_graph: Driver) -> None:
    from dashboard.paths_data import graph_of, shortest_paths

    paths = shortest_paths("location:kabul", NASRALLAH, 6, ("CO_MENTIONED",))
    nodes, edges = graph_of(paths)
    assert len(paths) == 2
    assert {n["label"] for n in nodes} == {"Kabul", "Ayman al-Zawahiri", "al-Qaeda", "Hezbollah", "Hassan Nasrallah"}
    assert len(edges) == 5 and {e["type"] for e in edges} == {"CO_MENTIONED", "LEADS", "SUPPORTS"}
    assert all({"source", "target", "type", "evidence"} <= set(e) for e in edges)


# Expected failures: a message and a way out, never a traceback

@pytest.mark.parametrize(("module", "params"), [("overview", {}), ("documents", {}), ("entity", {"id": ZAWAHIRI}),
                                                ("entity", {}), ("paths", {"src": NASRALLAH, "dst": ZAWAHIRI})])
def test_neo4j_down_is_a_message_not_a_traceback(
    monkeypatch: pytest.MonkeyPatch, module: str, params: dict[str, str]
) -> None:
    monkeypatch.setenv("NEO4J_URI", "bolt://127.0.0.1:1")
    st.cache_resource.clear()
    st.cache_data.clear()
    try:
        at = page(module, **params)
        assert "cannot reach Neo4j" in at.error[0].value
        assert "kg neo4j start" in at.info[0].value
    finally:
        st.cache_resource.clear()
        st.cache_data.clear()


def test_empty_graph_pages_say_what_to_do(pages_graph: Driver) -> None:
    wipe(pages_graph)
    st.cache_data.clear()
    try:
        assert "kg ingest" in page("overview").info[0].value
        assert "kg ingest" in page("documents").info[0].value
        assert "No entity found" in page("entity", id=ZAWAHIRI).error[0].value
    finally:
        load_pages_fixture(pages_graph)
        st.cache_data.clear()


def test_overview_with_no_entity_type_chosen_says_so(pages_graph: Driver) -> None:
    at = page("overview")
    at.multiselect(key="overview_types").set_value([]).run()
    assert "Pick at least one entity type" in at.warning[0].value


@pytest.mark.parametrize("name", ["entity_relations", "documents_relations"])
def test_relation_statements_spell_out_every_typed_relation(name: str) -> None:
    assert "|".join(TYPED_RELATIONS) in statement(name)
