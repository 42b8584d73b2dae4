"""The Explore page in headless Chromium: search, focus, click, Back, shared links, cap, export."""
from __future__ import annotations

from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

from tests.browser import (  # noqa: F401  (pytest fixtures)
    app_server, browser, click_node, free_port, graph_frame, node_ids, page, start_app, stop_app, wait_for_graph_change,
)

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("explore_graph")]

ZAWAHIRI = "person:ayman-al-zawahiri"
AL_QAEDA = "organization:al-qaeda"


def _query(url: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(url).query)


def _open(page: Any, base: str, query: str) -> Any:
    page.goto(f"{base}/?{query}")
    return graph_frame(page)


def test_search_then_focus_draws_the_neighbourhood(page: Any, app_server: str) -> None:
    page.goto(app_server)
    page.get_by_text("Best-connected entities", exact=True).wait_for()
    box = page.get_by_label("Find an entity")
    box.fill("zawahiri")
    box.press("Enter")
    frame = graph_frame(page)
    ids = node_ids(frame)
    assert ZAWAHIRI in ids and AL_QAEDA in ids
    assert frame.evaluate("() => network.body.data.nodes.length") == len(ids)
    page.wait_for_url(lambda url: _query(url).get("focus") == [ZAWAHIRI])


def test_clicking_a_node_focuses_it_and_back_restores_the_view(page: Any, app_server: str) -> None:
    frame = _open(page, app_server, f"focus={ZAWAHIRI}")
    before = node_ids(frame)
    click_node(page, frame, AL_QAEDA)
    after = node_ids(wait_for_graph_change(page, before))
    assert _query(page.url)["focus"] == [AL_QAEDA]
    assert "location:afghanistan" in after and "location:afghanistan" not in before
    page.go_back()
    assert node_ids(wait_for_graph_change(page, after)) == before
    assert _query(page.url)["focus"] == [ZAWAHIRI]


def test_shift_click_expands_without_losing_what_is_on_screen(page: Any, app_server: str) -> None:
    frame = _open(page, app_server, f"focus={ZAWAHIRI}")
    before = node_ids(frame)
    where = frame.evaluate("() => network.getPositions()")
    click_node(page, frame, AL_QAEDA, modifiers=["Shift"])
    frame = wait_for_graph_change(page, before)
    after = node_ids(frame)
    assert set(before) < set(after)
    assert _query(page.url)["expanded"] == [AL_QAEDA]
    now = frame.evaluate("() => network.getPositions()")
    moved = [i for i in before if abs(now[i]["x"] - where[i]["x"]) > 1 or abs(now[i]["y"] - where[i]["y"]) > 1]
    assert moved == []  # what was on screen stays where it was; the new neighbours settle around it


def test_a_copied_link_reopens_the_same_view_in_a_fresh_browser(page: Any, browser: Any, app_server: str) -> None:
    frame = _open(page, app_server, f"focus={ZAWAHIRI}&hops=2&removed=organization:hezbollah&types=Person"
                                    "&types=Organization&types=Location&types=Incident")
    shown = node_ids(frame)
    assert "organization:hezbollah" not in shown and not any(i.startswith("designation:") for i in shown)
    link = page.get_by_test_id("stCode").filter(has_text="focus=").inner_text().strip()
    assert "bolt" not in link and "password" not in link
    fresh = browser.new_context()
    try:
        other = fresh.new_page()
        other.goto(link)
        again = graph_frame(other)
        assert node_ids(again) == shown
        positions = "() => JSON.stringify(network.getPositions())"
        assert again.evaluate(positions) == frame.evaluate(positions)  # same seed, same picture
    finally:
        fresh.close()


def test_the_node_cap_keeps_the_best_connected_and_says_how_many_were_left_out(page: Any, app_server: str) -> None:
    frame = _open(page, app_server, f"focus={ZAWAHIRI}&hops=2&cap=3")
    ids = node_ids(frame)
    assert len(ids) == 3 and ZAWAHIRI in ids and AL_QAEDA in ids
    page.get_by_text("left out by the node cap of 3").wait_for()


def test_an_export_downloads_a_file(page: Any, app_server: str) -> None:
    _open(page, app_server, f"focus={ZAWAHIRI}")
    with page.expect_download() as info:
        page.get_by_role("button", name="Nodes CSV").click()
    path = info.value.path()
    text = open(path, encoding="utf-8").read()
    assert text.startswith("id,label,type") and ZAWAHIRI in text


def test_the_page_and_its_graph_load_nothing_from_outside(page: Any, app_server: str) -> None:
    outside: list[str] = []
    page.on("request", lambda r: outside.append(r.url)
            if not r.url.startswith(("http://127.0.0.1", "ws://127.0.0.1", "about:", "data:", "blob:")) else None)
    _open(page, app_server, f"focus={ZAWAHIRI}")
    assert outside == []


def test_an_unknown_entity_says_so_with_a_way_out(page: Any, app_server: str) -> None:
    page.goto(f"{app_server}/?focus=person:nobody-at-all")
    page.get_by_text("No entity has the id").wait_for()
    page.get_by_role("link", name="Start again from the overview").wait_for()
    assert page.get_by_text("Traceback").count() == 0


def test_a_sidebar_filter_changes_the_url_and_the_graph(page: Any, app_server: str) -> None:
    frame = _open(page, app_server, f"focus={ZAWAHIRI}")
    before = node_ids(frame)
    page.get_by_role("slider", name="Hops from the focus").press("ArrowRight")
    after = node_ids(wait_for_graph_change(page, before))
    assert set(before) < set(after)
    page.wait_for_url(lambda url: _query(url).get("hops") == ["2"])


def test_neo4j_down_says_how_to_fix_it(page: Any) -> None:
    port = free_port()
    proc = start_app(port, env={"NEO4J_URI": "bolt://127.0.0.1:9"})  # nothing listens on the discard port
    try:
        page.goto(f"http://127.0.0.1:{port}/?focus={ZAWAHIRI}")
        page.get_by_text("kg neo4j start", exact=False).first.wait_for()
        assert page.get_by_text("Traceback").count() == 0
    finally:
        stop_app(proc)
