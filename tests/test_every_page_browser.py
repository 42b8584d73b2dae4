"""Every page in headless Chromium: nothing is fetched from outside, and a filtered list reopens from its link."""
from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect

from tests.browser import app_server, browser, page  # noqa: F401  (pytest fixtures)
from tests.graph_fixture import BRIGADE_ID, KHAN_ID

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("explore_graph")]

TIMEOUT = 60_000
LOCAL = ("http://127.0.0.1", "ws://127.0.0.1", "about:", "data:", "blob:")
PAGES = [
    ("/", "Explore"),
    (f"/?focus={KHAN_ID}", "Relations on screen"),
    (f"/entity?id={KHAN_ID}", "Relations"),
    (f"/paths?src={KHAN_ID}&dst={BRIGADE_ID}", "Paths"),
    ("/documents", "Documents"),
    ("/documents?doc=doc-xss", "Entities it mentions"),
    ("/overview", "Most connected entities"),
    ("/queries?q=most-connected", "Most connected entities"),
]


@pytest.mark.parametrize(("path", "heading"), PAGES)
def test_no_page_fetches_anything_from_outside(page: Any, app_server: str, path: str, heading: str) -> None:
    outside: list[str] = []
    page.on("request", lambda r: outside.append(r.url) if not r.url.startswith(LOCAL) else None)
    page.goto(app_server + path)
    page.get_by_role("heading", name=heading).first.wait_for(timeout=TIMEOUT)
    page.wait_for_load_state("networkidle")
    assert outside == []
    assert page.get_by_text("Traceback").count() == 0


def test_a_filtered_documents_link_reopens_the_same_list_in_a_fresh_browser(
        page: Any, browser: Any, app_server: str) -> None:
    page.goto(f"{app_server}/documents")
    page.get_by_text("4 of 4 documents").wait_for(timeout=TIMEOUT)
    page.get_by_label("Filter").fill("hezbollah")
    page.get_by_label("Filter").press("Enter")
    page.get_by_text("1 of 4 documents").wait_for(timeout=TIMEOUT)
    page.wait_for_function("() => location.search.includes('q=hezbollah')", timeout=TIMEOUT)
    link = page.url
    fresh = browser.new_context().new_page()
    try:
        fresh.goto(link)
        fresh.get_by_text("1 of 4 documents").wait_for(timeout=TIMEOUT)
        # the input fills in a moment after the list is drawn: wait for its value instead of reading it once
        expect(fresh.get_by_label("Filter")).to_have_value("hezbollah", timeout=TIMEOUT)
    finally:
        fresh.context.close()
