"""What the Explore page reads for a view: hops, filters, removal, expansion and the node cap, on the real server."""
from __future__ import annotations

from typing import Any

import pytest
from neo4j import Driver

from cypher.reader import read
from cypher.statements import statement
from dashboard.links import ViewState
from dashboard.neighbourhood import Subgraph, cap_nodes, load

ZAWAHIRI = "person:ayman-al-zawahiri"
AL_QAEDA = "organization:al-qaeda"


@pytest.fixture(scope="module")
def graph(explore_graph: Driver) -> Driver:
    return explore_graph


def _load(graph: Driver, typed_exist: bool = True, **state: Any) -> Subgraph:
    return load(ViewState(focus=ZAWAHIRI, **state), typed_exist, lambda name, **p: read(graph, statement(name), p))


def _ids(sub: Subgraph) -> set[str]:
    return {n["id"] for n in sub.nodes}


def test_one_hop_draws_the_typed_neighbours(graph: Driver) -> None:
    sub = _load(graph)
    assert _ids(sub) == {ZAWAHIRI, AL_QAEDA, "incident:1998-us-embassy-bombings", "incident:2008-kabul-hotel-plot",
                         "designation:treasury-zawahiri", "designation:unsc-zawahiri"}
    assert "location:kabul" not in _ids(sub)  # reached only by a co-mention, off by default


def test_co_mentions_are_followed_when_asked_or_when_nothing_typed_exists(graph: Driver) -> None:
    assert "location:kabul" in _ids(_load(graph, rels=("CO_MENTIONED",)))
    assert "location:kabul" in _ids(_load(graph, typed_exist=False))


def test_more_hops_reach_further_and_edges_among_shown_nodes_are_drawn(graph: Driver) -> None:
    sub = _load(graph, hops=2)
    assert {"organization:hezbollah", "location:afghanistan"} <= _ids(sub)
    assert any(e["source"] == AL_QAEDA and e["target"] == "incident:1998-us-embassy-bombings" for e in sub.edges)


def test_filters_on_types_documents_and_dates(graph: Driver) -> None:
    assert _ids(_load(graph, types=("Organization",))) == {ZAWAHIRI, AL_QAEDA}
    assert _ids(_load(graph, min_docs=2)) == {ZAWAHIRI, AL_QAEDA}  # only LEADS has two documents
    dated = _load(graph, date_from="2023")  # only the 2023 article's evidence
    assert _ids(dated) == {ZAWAHIRI, AL_QAEDA, "incident:1998-us-embassy-bombings"}
    assert _ids(_load(graph, date_to="2019")) == {ZAWAHIRI}


def test_removed_nodes_are_not_drawn_nor_walked_through(graph: Driver) -> None:
    sub = _load(graph, hops=2, removed=(AL_QAEDA,))
    assert AL_QAEDA not in _ids(sub) and "organization:hezbollah" not in _ids(sub)


def test_expanding_adds_neighbours_and_keeps_the_rest(graph: Driver) -> None:
    base = _ids(_load(graph))
    grown = _ids(_load(graph, expanded=(AL_QAEDA,)))
    assert base < grown and "organization:hezbollah" in grown


def test_the_cap_keeps_the_focus_and_counts_what_it_left_out(graph: Driver) -> None:
    full = _load(graph, hops=2)
    capped = _load(graph, hops=2, cap=3)
    assert len(capped.nodes) == 3 and ZAWAHIRI in _ids(capped) and AL_QAEDA in _ids(capped)
    assert capped.left_out == len(full.nodes) - 3


def test_a_focus_with_more_neighbours_than_the_cap_gets_at_most_the_cap_and_the_rest_counted(
        graph: Driver, monkeypatch: pytest.MonkeyPatch) -> None:
    full = _load(graph)
    assert len(full.nodes) > 3
    monkeypatch.setattr("dashboard.neighbourhood.PER_NODE_MIN", 0)  # the server caps at the cap itself
    sent: list[dict[str, Any]] = []

    def reading(name: str, **p: Any) -> list[dict[str, Any]]:
        rows = read(graph, statement(name), p)
        if name == "explore_edges" and p["within"] is None:
            sent.extend(rows)
        return rows

    capped = load(ViewState(focus=ZAWAHIRI, cap=3), True, reading)
    assert len({r["otherId"] for r in sent}) <= 3  # the server sent no more neighbours than the cap
    assert {r["neighbours"] for r in sent} == {len(full.nodes) - 1}  # and said how many there were
    assert len(capped.nodes) == 3 and capped.left_out == len(full.nodes) - 3
    assert _ids(capped) <= _ids(full)


def test_an_unknown_focus_is_reported_missing(graph: Driver) -> None:
    sub = load(ViewState(focus="person:nobody"), True, lambda name, **p: read(graph, statement(name), p))
    assert sub.missing == ["person:nobody"] and sub.nodes == []


def test_cap_grows_from_the_seeds_best_connected_first() -> None:
    adjacency = {"s": {"a", "b"}, "a": {"s", "c"}, "b": {"s"}, "c": {"a"}, "z": set()}
    weight = {"a": 1, "b": 5, "c": 9, "z": 100}
    assert cap_nodes(["s"], adjacency, weight, 3) == ["s", "b", "a"]
    assert cap_nodes(["s"], adjacency, weight, 10) == ["s", "b", "a", "c"]  # z is not connected
