"""Hostile names from an article are shown as text in the Explore page: nothing they carry runs."""
from __future__ import annotations

from typing import Any

import pytest

from tests.browser import app_server, browser, click_node, graph_frame, node_ids, page  # noqa: F401
from tests.graph_fixture import BRIGADE_ID, IMG, KHAN_ID

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("explore_graph")]

INJECTED = """() => ({
  img: document.querySelectorAll('img[src="x"]').length,
  script: [...document.querySelectorAll('script')].filter(s => s.textContent.trim() === 'alert(1)').length,
  anchor: document.querySelectorAll('a[href^="javascript"]').length,
})"""


def _assert_nothing_injected(page: Any) -> None:
    for frame in page.frames:
        assert frame.evaluate(INJECTED) == {"img": 0, "script": 0, "anchor": 0}, frame.url


def test_hostile_names_do_not_run_on_the_explore_page(page: Any, app_server: str) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(f"{app_server}/?focus={BRIGADE_ID}")
    frame = graph_frame(page)
    assert {BRIGADE_ID, KHAN_ID} <= set(node_ids(frame))
    # hover the hostile node: its tooltip shows the name as text
    pos = frame.evaluate("(id) => network.canvasToDOM(network.getPositions([id])[id])", BRIGADE_ID)
    box = frame.frame_element().bounding_box()
    canvas = frame.evaluate("() => { const r = document.querySelector('canvas').getBoundingClientRect();"
                            " return {x: r.left, y: r.top}; }")
    page.mouse.move(box["x"] + canvas["x"] + pos["x"], box["y"] + canvas["y"] + pos["y"])
    tooltip = frame.locator(".vis-tooltip")
    tooltip.wait_for(state="visible")
    assert IMG in tooltip.inner_text()
    # click the edge with markup and an href in its evidence: the panel shows it as text
    frame.evaluate("""() => { const e = edges.get().find(e => e.label === 'LEADS');
        document.getElementById('kg-evidence').textContent = ''; network.selectEdges([e.id]);
        network.body.emitter.emit('click', {nodes: [], edges: [e.id]}); }""")
    assert "alert(1)" in frame.locator("#kg-evidence").inner_text()
    page.get_by_text("Relations on screen").wait_for()
    _assert_nothing_injected(page)
    # search for the hostile name: the pick list shows it as text
    box_input = page.get_by_label("Find an entity")
    box_input.fill("onerror brigade")
    box_input.press("Enter")
    page.get_by_text("Current:", exact=False).or_(page.get_by_text("match", exact=False)).first.wait_for()
    _assert_nothing_injected(page)
    click_node(page, frame, KHAN_ID)
    graph_frame(page)
    _assert_nothing_injected(page)
    assert dialogs == []
