"""Measure the two ways a node click can reach the dashboard (not a test; prints a table).

a) pyvis page in an iframe + `parent.history.pushState` / popstate bridge (what dashboard/graph.py does):
   the click changes the URL, Streamlit reruns, and a new iframe document is sent.
b) a Streamlit components v2 component with vis-network inline in its JS (bench/click_bridge_v2_app.py):
   the click is a trigger value; the network object survives and only gets new data.

For each: bytes the browser receives over Streamlit's websocket per click, and the time from the click
until the new neighbourhood is drawn (layout done). Usage, against a server holding the sample corpus:

    NEO4J_URI=bolt://127.0.0.1:7687 .venv/bin/python bench/click_bridge.py [--clicks 8] [--focus ID]
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from playwright.sync_api import sync_playwright  # noqa: E402

import pyvis  # noqa: E402
from tests.browser import CHROMIUM, CHROMIUM_ARGS, free_port, start_app, stop_app  # noqa: E402

VIEW = ("&rels=LEADS&rels=MEMBER_OF&rels=PART_OF&rels=SUPPORTS&rels=INVOLVED_IN&rels=OCCURRED_IN"
        "&rels=BASED_IN&rels=ISSUED&rels=TARGETS&rels=CO_MENTIONED")
# name -> (script, extra environment)
APPROACHES = {"pyvis iframe + history bridge (Explore page)": ("dashboard/app.py", {}),
              "pyvis iframe + history bridge (graph-only page)": ("bench/click_bridge_v2_app.py",
                                                                  {"KG_BENCH_VIS": "pyvis"}),
              "components v2, vis-network inline in the JS": ("bench/click_bridge_v2_app.py", {"KG_BENCH_VIS": "inline"}),
              "components v2, vis-network served once (static)": ("bench/click_bridge_v2_app.py",
                                                                  {"KG_BENCH_VIS": "static"})}
STATIC = Path(__file__).resolve().parent / "static"
VIS = Path(pyvis.__file__).parent / "templates" / "lib" / "vis-9.1.2" / "vis-network.min.js"


class Graph:
    """Where the network lives: inside the graph iframe (a) or in the page itself (b)."""

    def __init__(self, page: Any, in_iframe: bool) -> None:
        self.page, self.in_iframe = page, in_iframe

    def context(self) -> Any:
        if not self.in_iframe:
            return self.page.main_frame
        for frame in self.page.frames[1:]:
            try:
                if frame.evaluate("() => !!(window.network && window.kgReady)"):
                    return frame
            except Exception:
                pass
        return None

    def ready_ids(self) -> list[str] | None:
        ctx = self.context()
        try:
            if ctx and ctx.evaluate("() => !!(window.network && window.kgReady)"):
                return sorted(ctx.evaluate("() => network.body.data.nodes.getIds()"))
        except Exception:
            return None
        return None

    def wait(self, differs_from: list[str] | None = None, timeout: float = 60) -> list[str]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            ids = self.ready_ids()
            if ids and ids != differs_from:
                return ids
            self.page.wait_for_timeout(20)
        raise TimeoutError("graph not drawn")

    def click(self, node_id: str) -> None:
        ctx = self.context()
        pos = ctx.evaluate("(id) => network.canvasToDOM(network.getPositions([id])[id])", node_id)
        rect = ctx.evaluate("() => { const c = network.canvas.frame.canvas.getBoundingClientRect();"
                            " return {x: c.left, y: c.top}; }")
        x, y = rect["x"] + pos["x"], rect["y"] + pos["y"]
        if self.in_iframe:
            box = ctx.frame_element().bounding_box()
            x, y = x + box["x"], y + box["y"]
        self.page.mouse.click(x, y)


def measure(browser: Any, script: str, env: dict[str, str], focus: str, clicks: int) -> dict[str, Any]:
    port = free_port()
    proc = start_app(port, env=env, script=script, extra_args=["--server.enableStaticServing", "true"])
    received: list[int] = []
    try:
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.on("websocket", lambda ws: ws.on("framereceived", lambda payload: received.append(len(payload))))
        graph = Graph(page, in_iframe=script == "dashboard/app.py" or env.get("KG_BENCH_VIS") == "pyvis")
        page.goto(f"http://127.0.0.1:{port}/?focus={focus}{VIEW}")  # warm-up: imports, caches
        graph.wait()
        page.close()
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.on("websocket", lambda ws: ws.on("framereceived", lambda payload: received.append(len(payload))))
        received.clear()
        t0 = time.perf_counter()
        page.goto(f"http://127.0.0.1:{port}/?focus={focus}{VIEW}")
        graph = Graph(page, in_iframe=script == "dashboard/app.py" or env.get("KG_BENCH_VIS") == "pyvis")
        ids = graph.wait()
        first = (time.perf_counter() - t0, sum(received))
        times: list[float] = []
        sizes: list[int] = []
        current = focus
        tried: set[str] = set()
        while len(times) < clicks:
            candidates = [i for i in ids if i != current and i not in tried]
            if not candidates:
                break
            target = candidates[0]
            tried.add(target)
            received.clear()
            t = time.perf_counter()
            graph.click(target)
            deadline = time.monotonic() + 10
            while parse_qs(urlsplit(page.url).query).get("focus") != [target] and time.monotonic() < deadline:
                page.wait_for_timeout(20)
            if parse_qs(urlsplit(page.url).query).get("focus") != [target]:
                continue  # the click hit another node or an edge: not a measurement
            try:
                ids = graph.wait(differs_from=ids, timeout=20)
            except TimeoutError:
                ids = graph.wait()  # same neighbourhood drawn again: nothing to time
                current = target
                continue
            times.append(time.perf_counter() - t)
            page.wait_for_timeout(300)  # let trailing messages of this rerun arrive before counting them
            sizes.append(sum(received))
            current = target
        page.close()
        return {"first_s": first[0], "first_bytes": first[1], "times": times, "sizes": sizes}
    finally:
        stop_app(proc)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--clicks", type=int, default=8)
    ap.add_argument("--focus", default="organization:al-qaeda")
    args = ap.parse_args()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        print("| approach | first view: bytes, s | per click: bytes (median) | per click: s (median, max) |")
        print("|---|---|---|---|")
        STATIC.mkdir(exist_ok=True)
        vis = VIS.read_bytes()
        (STATIC / "vis-network.min.js").write_bytes(vis)
        try:
            results = {name: measure(browser, script, env, args.focus, args.clicks)
                       for name, (script, env) in APPROACHES.items()}
        finally:
            (STATIC / "vis-network.min.js").unlink()
            STATIC.rmdir()
        for name, r in results.items():
            print(f"| {name} | {r['first_bytes'] / 1000:.0f} KB, {r['first_s']:.2f} | "
                  f"{statistics.median(r['sizes']) / 1000:.1f} KB | "
                  f"{statistics.median(r['times']):.2f}, {max(r['times']):.2f} |")
        browser.close()


if __name__ == "__main__":
    main()
