"""The path finder in headless Chromium: pick two entities, see the paths drawn and listed, the URL holds them."""
from __future__ import annotations

from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

from tests.browser import app_server, browser, click_node, graph_frame, node_ids, page  # noqa: F401
from tests.graph_fixture import KHAN_ID

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("explore_graph")]

ZAWAHIRI = "person:ayman-al-zawahiri"
NASRALLAH = "person:hassan-nasrallah"
PATH_IDS = sorted([NASRALLAH, "organization:hezbollah", "organization:al-qaeda", ZAWAHIRI])
TIMEOUT = 60_000


def _query(url: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(url).query)


def _pick(page: Any, label: str, term: str, expect: str) -> None:
    """Type into a search box and wait until the pick list shows `expect` as the chosen entity."""
    box = page.get_by_label(label, exact=True)
    box.fill(term)
    box.press("Enter")
    page.locator(f'input[role=combobox][value^="{expect}"]').wait_for(timeout=TIMEOUT)


def test_search_two_entities_then_paths_are_drawn_listed_and_in_the_url(app_server: str, page: Any) -> None:
    page.goto(f"{app_server}/paths")
    page.get_by_text("Pick two entities").wait_for(timeout=TIMEOUT)
    _pick(page, "From", "Nasralah", "Hassan Nasrallah (Person)")  # misspelt on purpose
    _pick(page, "To", "zawahiri", "Ayman al-Zawahiri (Person)")
    page.get_by_text("1 shortest path of 3 hops").wait_for(timeout=TIMEOUT)

    frame = graph_frame(page)
    assert node_ids(frame) == PATH_IDS
    heading = page.get_by_role("heading", name="Path 1")
    assert "Hassan Nasrallah -LEADS→ Hezbollah -SUPPORTS→ al-Qaeda ←LEADS- Ayman al-Zawahiri" in heading.inner_text()
    params = _query(page.url)
    assert params["src"] == [NASRALLAH] and params["dst"] == [ZAWAHIRI] and params["k"] == ["4"]


def test_a_paths_link_reopens_the_same_paths_in_a_fresh_page(app_server: str, page: Any) -> None:
    page.goto(f"{app_server}/paths?src={NASRALLAH}&dst={ZAWAHIRI}&k=3")
    page.get_by_text("1 shortest path of 3 hops").wait_for(timeout=TIMEOUT)
    assert node_ids(graph_frame(page)) == PATH_IDS
    assert page.get_by_text("Current: Hassan Nasrallah (Person)").is_visible()
    assert _query(page.url)["k"] == ["3"]


def test_clicking_a_node_on_a_path_explores_around_it_and_back_returns(app_server: str, page: Any) -> None:
    page.goto(f"{app_server}/paths?src={NASRALLAH}&dst={ZAWAHIRI}&k=3")
    page.get_by_text("1 shortest path of 3 hops").wait_for(timeout=TIMEOUT)
    click_node(page, graph_frame(page), "organization:al-qaeda")
    page.wait_for_url(lambda url: _query(url).get("focus") == ["organization:al-qaeda"], timeout=TIMEOUT)
    page.get_by_text("Relations on screen").wait_for(timeout=TIMEOUT)
    page.go_back()
    page.get_by_text("1 shortest path of 3 hops").wait_for(timeout=TIMEOUT)


def test_no_path_is_a_plain_message(app_server: str, page: Any) -> None:
    page.goto(f"{app_server}/paths?src=location:kabul&dst={NASRALLAH}")
    page.get_by_text("No path of at most 4 hops").wait_for(timeout=TIMEOUT)
    assert page.locator("iframe").count() == 0
    assert page.get_by_text("Traceback").count() == 0


def test_hostile_names_on_a_path_do_not_run(app_server: str, page: Any) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(f"{app_server}/paths?src={KHAN_ID}&dst={ZAWAHIRI}")
    page.get_by_text("shortest path").first.wait_for(timeout=TIMEOUT)
    frame = graph_frame(page)
    assert KHAN_ID in node_ids(frame)
    assert "</script><script>alert(1)</script>" in page.get_by_role("heading", name="Path 1").inner_text()
    assert dialogs == []
