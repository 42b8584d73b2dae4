"""The view state survives a trip through the URL, and a URL can only carry view state."""
from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from dashboard import links
from dashboard.links import NODE_PLACEHOLDER, ViewState

FULL = ViewState(page="explore", focus="person:ayman-al-zawahiri", expanded=("organization:al-qaeda",),
                 removed=("location:kabul", "designation:abc123"), hops=3, types=("Person", "Organization"),
                 rels=("LEADS", "CO_MENTIONED"), min_docs=2, date_from="2019", date_to="2023-08-07", cap=400,
                 src="person:osama-bin-laden", dst="location:nairobi", k=4)


def _parse(url: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(url).query)


@pytest.mark.parametrize("state", [ViewState(), FULL, ViewState(focus="x:1", types=(), rels=()),
                                   ViewState(page="paths", src="a:b", dst="c:d", k=2)])
def test_state_round_trips_through_params(state: ViewState) -> None:
    assert ViewState.from_params(state.to_params(), page=state.page) == state


def test_state_round_trips_through_a_url_string() -> None:
    assert ViewState.from_params(_parse(FULL.url()), page="explore") == FULL


def test_default_state_makes_a_bare_link() -> None:
    assert ViewState().url() == "explore"
    assert links.explore("person:x") == "explore?focus=person:x"


def test_urls_never_carry_credentials_or_server(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEO4J_URI", "bolt://secret-host:7687")
    monkeypatch.setenv("NEO4J_PASSWORD", "hunter2")
    url = FULL.url()
    assert set(_parse(url)) <= set(links.PARAMS)
    assert "secret-host" not in url and "hunter2" not in url and "bolt" not in url


@pytest.mark.parametrize("params, expected", [
    ({"hops": "9"}, ViewState(hops=3)),
    ({"hops": "0"}, ViewState(hops=1)),
    ({"hops": "two"}, ViewState()),
    ({"cap": "100000"}, ViewState(cap=1000)),
    ({"types": ["Person", "Robot"]}, ViewState(types=("Person",))),
    ({"rels": ["LEADS", "DROP DATABASE"]}, ViewState(rels=("LEADS",))),
    ({"rels": ["MENTIONED_IN"]}, ViewState(rels=())),
    ({"from": "yesterday"}, ViewState()),
    ({"focus": "a\nb"}, ViewState()),
    ({"password": "x", "uri": "bolt://h"}, ViewState()),
])
def test_bad_values_in_a_url_are_ignored_or_clamped(params: dict, expected: ViewState) -> None:
    assert ViewState.from_params(params) == expected


def test_ids_with_url_special_characters_survive() -> None:
    state = ViewState(focus="person:a&b=c#d?e f", removed=("x:%20",))
    assert ViewState.from_params(_parse(state.url())) == state


def test_focusing_drops_expansions_and_keeps_filters() -> None:
    moved = FULL.focused_on("organization:hezbollah")
    assert (moved.focus, moved.expanded, moved.removed) == ("organization:hezbollah", (), ())
    assert (moved.hops, moved.types, moved.cap) == (FULL.hops, FULL.types, FULL.cap)


def test_expanding_adds_once_and_unremoves() -> None:
    state = ViewState(focus="a:1", removed=("b:2",))
    once = state.expanded_with("b:2")
    assert once.expanded == ("b:2",) and once.removed == ()
    assert once.expanded_with("b:2") == once
    assert once.expanded_with("a:1") == once
    assert once.seeds() == ("a:1", "b:2")


def test_click_templates_put_the_node_where_the_id_goes() -> None:
    t = links.click_templates(ViewState(focus="a:1", hops=2))
    focus = _parse(t["focus"].replace(NODE_PLACEHOLDER, "n:9"))
    expand = _parse(t["expand"].replace(NODE_PLACEHOLDER, "n:9"))
    assert focus == {"focus": ["n:9"], "hops": ["2"]}
    assert expand == {"focus": ["a:1"], "expanded": ["n:9"], "hops": ["2"]}


def test_open_templates_lead_from_a_read_only_graph_to_explore_and_entity() -> None:
    t = links.open_templates()
    assert t["focus"].replace(NODE_PLACEHOLDER, "n:9") == "./?focus=n:9"  # the default page's own address
    assert t["expand"].replace(NODE_PLACEHOLDER, "n:9") == links.entity("n:9")


def test_page_links_match_what_the_pages_read() -> None:
    assert links.document("doc-1") == "documents?doc=doc-1"
    assert links.entity("person:x") == "entity?id=person:x"
    assert ViewState.from_params(_parse(links.paths("a:1", "b:2", 3)), page="paths") == \
        ViewState(page="paths", src="a:1", dst="b:2", k=3)
