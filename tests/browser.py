"""Shared browser-test helpers: the dashboard as a subprocess on a free port, and headless Debian Chromium.

Use from a test module:

    from tests.browser import app_server, browser, page, graph_frame  # noqa: F401  (pytest fixtures)

`app_server` serves dashboard/app.py against the server in NEO4J_URI and yields
its base URL; load the data the test needs before opening pages. Nothing here
waits for a fixed time: helpers wait for a condition (health, canvas, a flag).
"""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
START_TIMEOUT = 60.0  # seconds until /_stcore/health answers
DRAW_TIMEOUT = 60_000  # milliseconds until a graph is drawn


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_app(port: int, env: dict[str, str] | None = None, script: str = "dashboard/app.py",
              extra_args: list[str] | None = None) -> subprocess.Popen[bytes]:
    """Start `streamlit run` on `port` and wait for its health check; raises if it never answers."""
    cmd = [str(ROOT / ".venv" / "bin" / "streamlit"), "run", script, "--server.port", str(port),
           "--server.address", "127.0.0.1", "--server.headless", "true", "--browser.gatherUsageStats", "false",
           "--server.fileWatcherType", "none", *(extra_args or [])]
    if not Path(cmd[0]).exists():
        cmd[0:1] = [sys.executable, "-m", "streamlit"]
    proc = subprocess.Popen(cmd, cwd=ROOT, env={**os.environ, **(env or {})},
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"streamlit exited: {proc.stderr.read().decode(errors='replace')[-2000:]}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2) as r:
                if r.status == 200:
                    return proc
        except OSError:
            time.sleep(0.2)  # polling interval, not an assertion
    stop_app(proc)
    raise RuntimeError(f"streamlit did not answer on port {port} within {START_TIMEOUT:.0f} s")


def stop_app(proc: subprocess.Popen[bytes]) -> None:
    """Stop the app started by start_app (only that process)."""
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


@pytest.fixture(scope="module")
def app_server() -> Iterator[str]:
    """The dashboard on a free port, for the whole test module; yields its base URL."""
    port = free_port()
    proc = start_app(port)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        stop_app(proc)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Headless Debian Chromium through Playwright (no `playwright install`)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield b
        finally:
            b.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    """A fresh browser context and page per test (no shared cookies, storage or history)."""
    context = browser.new_context(accept_downloads=True, viewport={"width": 1400, "height": 1000})
    pg = context.new_page()
    try:
        yield pg
    finally:
        context.close()


def graph_frame(page: Any, timeout: int = DRAW_TIMEOUT) -> Any:
    """The frame holding a drawn vis-network graph, once its canvas exists and layout has finished."""
    page.wait_for_selector("iframe", timeout=timeout)
    deadline = time.monotonic() + timeout / 1000
    while time.monotonic() < deadline:
        for frame in page.frames:
            if frame is page.main_frame:
                continue
            try:
                if frame.evaluate("() => !!(window.network && document.querySelector('canvas') && window.kgReady)"):
                    return frame
            except Exception:  # a frame being replaced by a rerun
                pass
        page.wait_for_timeout(100)  # polling interval, not an assertion
    raise AssertionError("no drawn graph appeared")


def node_ids(frame: Any) -> list[str]:
    """The ids of the nodes the drawn graph holds."""
    return sorted(frame.evaluate("() => network.body.data.nodes.getIds()"))


def click_node(page: Any, frame: Any, node_id: str, modifiers: list[str] | None = None) -> None:
    """Click a node with the mouse at the place it is drawn (the graph scrolled into view first)."""
    frame.frame_element().scroll_into_view_if_needed()
    pos = frame.evaluate(
        "(id) => { const p = network.getPositions([id])[id]; return network.canvasToDOM(p); }", node_id)
    box = frame.frame_element().bounding_box()
    canvas = frame.evaluate("() => { const r = document.querySelector('canvas').getBoundingClientRect();"
                            " return {x: r.left, y: r.top}; }")
    x, y = box["x"] + canvas["x"] + pos["x"], box["y"] + canvas["y"] + pos["y"]
    for key in modifiers or []:
        page.keyboard.down(key)
    page.mouse.click(x, y)
    for key in modifiers or []:
        page.keyboard.up(key)


def wait_for_graph_change(page: Any, before: list[str], timeout: int = DRAW_TIMEOUT) -> Any:
    """The graph frame once its node ids differ from `before`."""
    deadline = time.monotonic() + timeout / 1000
    while time.monotonic() < deadline:
        try:
            frame = graph_frame(page, timeout=timeout)
            if node_ids(frame) != before:
                return frame
        except Exception:
            pass
        page.wait_for_timeout(100)  # polling interval, not an assertion
    raise AssertionError("the graph did not change")
