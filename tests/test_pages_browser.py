"""Entity, Documents and Overview pages in headless Chromium: they draw, links lead on, hostile text stays text."""
from __future__ import annotations

from typing import Any

import pytest

from tests.browser import app_server, browser, page  # noqa: F401
from tests.graph_fixture import BRIGADE_ID, IMG, KHAN_ID, SCRIPT

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("explore_graph")]

TIMEOUT = 60_000


@pytest.fixture
def dialogs(page: Any) -> list[str]:
    seen: list[str] = []
    page.on("dialog", lambda d: (seen.append(d.message), d.dismiss()))
    return seen


def test_entity_page_with_a_hostile_name_shows_it_as_text(app_server: str, page: Any, dialogs: list[str]) -> None:
    page.goto(f"{app_server}/entity?id={BRIGADE_ID}")
    heading = page.get_by_role("heading", level=1)
    heading.wait_for(timeout=TIMEOUT)
    assert heading.inner_text().strip() == IMG
    page.get_by_role("heading", name="Relations").wait_for(timeout=TIMEOUT)
    assert page.locator("img[src=x]").count() == 0
    assert dialogs == []


def test_entity_page_links_to_explore_with_focus(app_server: str, page: Any) -> None:
    page.goto(f"{app_server}/entity?id=person:ayman-al-zawahiri")
    link = page.get_by_role("link", name="Explore this entity")
    link.wait_for(timeout=TIMEOUT)
    assert link.get_attribute("href").endswith("explore?focus=person:ayman-al-zawahiri")
    page.get_by_role("heading", name="Timeline").wait_for(timeout=TIMEOUT)


def test_hostile_document_page_runs_nothing(app_server: str, page: Any, dialogs: list[str]) -> None:
    page.goto(f"{app_server}/documents?doc=doc-xss")
    page.get_by_role("heading", name="Relations read from it").wait_for(timeout=TIMEOUT)
    assert "<img src=x onerror=alert(1)>" in page.get_by_role("heading", level=1).inner_text()
    assert page.locator("img[src=x]").count() == 0
    assert dialogs == []


def test_documents_and_overview_pages_draw(app_server: str, page: Any, dialogs: list[str]) -> None:
    page.goto(f"{app_server}/documents")
    page.get_by_text("4 of 4 documents").wait_for(timeout=TIMEOUT)
    page.goto(f"{app_server}/overview")
    page.get_by_role("heading", name="Most connected entities").wait_for(timeout=TIMEOUT)
    page.get_by_role("heading", name="Designations by authority").wait_for(timeout=TIMEOUT)
    assert page.get_by_text("Traceback").count() == 0
    assert dialogs == []


def test_sidebar_search_opens_another_entity(app_server: str, page: Any) -> None:
    page.goto(f"{app_server}/entity?id={KHAN_ID}")
    page.get_by_role("heading", level=1).wait_for(timeout=TIMEOUT)
    assert page.get_by_role("heading", level=1).inner_text().strip() == SCRIPT
    box = page.get_by_label("Find another entity", exact=True)
    box.fill("hizbalah")
    box.press("Enter")
    page.get_by_role("heading", name="Hezbollah", exact=True).wait_for(timeout=TIMEOUT)
    assert "id=organization%3Ahezbollah" in page.url or "id=organization:hezbollah" in page.url
