"""Time until a 500-node view is drawn in headless Chromium, against a 50-node view in the same run.

Page: `dashboard.graph.graph_html` for a generated neighbourhood (a focus, its
neighbours, cross edges: 500 nodes / 1,000 edges, and 50 / 100 for the
baseline), written to bench/out/ and opened as a local file. An init script
records, in page time (ms since navigation start):

- built: `new vis.Network(...)` returned (the global `network` is assigned);
- ready: `window.kgReady` set, graph.py's own signal that the layout finished
  (`stabilizationIterationsDone`, or inside the constructor for small graphs);
- drawn: the first vis `afterDrawing` at or after ready: the picture the user sees.

`--app` also times the whole dashboard: a generated neighbourhood is loaded
into Neo4j (wiped before and after), `streamlit run dashboard/app.py` is
started, and the Explore page focused on the 500-node (then 50-node)
neighbourhood is opened; the time runs from navigation to the graph drawn in
the page's iframe (queries, Streamlit rerun, iframe and layout included).

    .venv/bin/python bench/draw.py [--quick] [--repeats R] [--app] [--wipe]
"""
from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import (check_wipe_allowed, clean_database, log, open_driver, OUT, report,  # noqa: E402
                          use_database)

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
SIZES = (500, 50)  # measured, baseline
EDGES_PER_NODE = 2
TIMEOUT_MS = 120_000
AIM_S = 3.0
SEED = 500

# Runs in every frame before its scripts: timestamps for the network's construction, layout and first draw.
INIT_SCRIPT = """
(() => {
  const mark = (k) => { if (window[k] === undefined) window[k] = performance.now(); };
  let net, ready = false;
  window.__kgDraws = 0;
  Object.defineProperty(window, 'network', {configurable: true, enumerable: true,
    get() { return net; },
    set(v) {
      net = v;
      if (!v || !v.on) return;
      mark('__kgBuilt');
      v.on('afterDrawing', () => { window.__kgDraws++; if (ready) mark('__kgDrawn'); });
    }});
  Object.defineProperty(window, 'kgReady', {configurable: true, enumerable: true,
    get() { return ready; },
    set(v) {
      ready = v;
      if (v) { mark('__kgReadyAt'); if (net && net.redraw) { requestAnimationFrame(() => net.redraw()); } }
    }});
})();
"""
TIMES_JS = ("() => ({built: window.__kgBuilt, ready: window.__kgReadyAt, drawn: window.__kgDrawn,"
            " draws: window.__kgDraws, origin: performance.timeOrigin})")

TYPES = ("Person", "Organization", "Location", "Incident")
RELS = ("MEMBER_OF", "LEADS", "SUPPORTS", "BASED_IN", "INVOLVED_IN", "PART_OF")


def neighbourhood(n_nodes: int, seed: int = SEED, prefix: str = "n") -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """A focus, its neighbours and cross edges among them: n nodes, about 2n edges, no duplicate pair."""
    rng = random.Random(seed + n_nodes)
    ids = [f"person:{prefix}{n_nodes}-focus"] + [
        f"{TYPES[i % 4].lower()}:{prefix}{n_nodes}-{i}" for i in range(1, n_nodes)]
    nodes = [{"id": i, "label": f"{i.split(':')[1].replace('-', ' ').title()} Example Name",
              "type": TYPES[0] if k == 0 else TYPES[k % 4], "mentionCount": rng.randint(1, 60),
              "degree": rng.randint(1, 40)} for k, i in enumerate(ids)]
    pairs: set[tuple[str, str]] = set()
    edges = []

    def add(a: str, b: str) -> None:
        if a == b or (a, b) in pairs or (b, a) in pairs:
            return
        pairs.add((a, b))
        docs = 1 + int(5 * rng.random() ** 3)
        edges.append({"source": a, "target": b, "type": rng.choice(RELS), "docCount": docs,
                      "docIds": [f"doc-{rng.randrange(5000)}" for _ in range(docs)],
                      "evidence": [f"Officials said {a} worked closely with {b} for several years, the report said."],
                      "evidenceDocIds": ["doc-1"]})

    for other in ids[1:]:
        add(ids[0], other)
    while len(edges) < EDGES_PER_NODE * n_nodes:
        add(ids[1 + rng.randrange(n_nodes - 1)], ids[1 + int((n_nodes - 1) * rng.random() ** 1.5)])
    return nodes, edges


def _launch(p: Any) -> Any:
    return p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


def _draw_times(frame: Any, timeout_ms: int = TIMEOUT_MS) -> dict[str, float]:
    frame.wait_for_function("() => window.__kgDrawn !== undefined", timeout=timeout_ms, polling=50)
    return frame.evaluate(TIMES_JS)


def time_file(browser: Any, path: Path) -> dict[str, float]:
    """In-page milliseconds to built / ready / drawn, plus wall-clock from goto, for one fresh page."""
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    try:
        context.add_init_script(INIT_SCRIPT)
        page = context.new_page()
        start = time.perf_counter()
        page.goto(path.as_uri(), wait_until="commit", timeout=TIMEOUT_MS)
        t = _draw_times(page.main_frame)
        t["wall"] = (time.perf_counter() - start) * 1000
        return t
    finally:
        context.close()


def _med(values: list[float]) -> float:
    return round(statistics.median(values), 1)


def run_files(repeats: int) -> dict[str, Any]:
    from playwright.sync_api import sync_playwright

    from dashboard.graph import graph_html

    OUT.mkdir(parents=True, exist_ok=True)
    pages: dict[int, Path] = {}
    info: dict[int, dict[str, Any]] = {}
    for n in SIZES:
        nodes, edges = neighbourhood(n)
        start = time.perf_counter()
        html = graph_html(nodes, edges)
        t_html = time.perf_counter() - start
        pages[n] = OUT / f"draw-{n}.html"
        pages[n].write_text(html, encoding="utf-8")
        info[n] = {"nodes": len(nodes), "edges": len(edges), "html_bytes": len(html.encode()),
                   "graph_html_ms": round(t_html * 1000, 1)}
    samples: dict[int, list[dict[str, float]]] = {n: [] for n in SIZES}
    with sync_playwright() as p:
        browser = _launch(p)
        try:
            for n in SIZES:  # warm-up: Chromium's caches, not counted
                time_file(browser, pages[n])
            for r in range(repeats):
                for n in (SIZES if r % 2 == 0 else SIZES[::-1]):
                    samples[n].append(time_file(browser, pages[n]))
        finally:
            browser.close()
    out: dict[str, Any] = {}
    for n in SIZES:
        s = samples[n]
        out[str(n)] = {**info[n], "repeats": len(s),
                       "built_ms": _med([x["built"] for x in s]), "ready_ms": _med([x["ready"] for x in s]),
                       "drawn_ms": _med([x["drawn"] for x in s]), "wall_ms": _med([x["wall"] for x in s]),
                       "drawn_ms_all": [round(x["drawn"], 1) for x in s]}
    big, small = out[str(SIZES[0])], out[str(SIZES[1])]
    out["ratio"] = round(big["drawn_ms"] / small["drawn_ms"], 2)
    return out


# --- the whole app ----------------------------------------------------------------------------

def _load_views(driver: Any) -> dict[int, str]:
    """Two disjoint neighbourhoods in Neo4j (the project's schema); returns the focus id per size."""
    from cypher.model import check_label, check_relation
    from cypher.statements import schema_statements

    with driver.session() as session:
        for text in schema_statements():
            session.run(text).consume()
    focus: dict[int, str] = {}
    for n in SIZES:
        nodes, edges = neighbourhood(n, prefix="app")
        focus[n] = nodes[0]["id"]
        for etype in TYPES:
            rows = [{"id": x["id"], "name": x["label"], "aliases": [], "aliasText": x["label"],
                     "mentionCount": x["mentionCount"], "docCount": 1} for x in nodes if x["type"] == etype]
            driver.execute_query(f"UNWIND $rows AS row CREATE (e:Entity:{check_label(etype)}) SET e = row", rows=rows)
        for rtype in RELS:
            rows = [{"s": e["source"], "t": e["target"],
                     "p": {"docIds": e["docIds"], "docCount": e["docCount"], "evidence": e["evidence"],
                           "evidenceDocIds": e["evidenceDocIds"], "extractor": "bench", "confidence": 0.8}}
                    for e in edges if e["type"] == rtype]
            driver.execute_query("UNWIND $rows AS row MATCH (a:Entity {id: row.s}) MATCH (b:Entity {id: row.t}) "
                                 f"CREATE (a)-[r:{check_relation(rtype)}]->(b) SET r = row.p", rows=rows)
    return focus


def _graph_frame_times(page: Any, timeout_ms: int = TIMEOUT_MS) -> tuple[Any, dict[str, float]]:
    """The iframe holding the drawn graph, and its timestamps (epoch ms)."""
    deadline = time.monotonic() + timeout_ms / 1000
    while time.monotonic() < deadline:
        for frame in page.frames:
            if frame is page.main_frame:
                continue
            try:
                t = frame.evaluate(TIMES_JS)
            except Exception:  # a frame being replaced by a rerun
                continue
            if t.get("drawn") is not None:
                return frame, t
        page.wait_for_timeout(50)  # polling interval
    raise TimeoutError("no drawn graph appeared in the app")


def time_app_view(browser: Any, base: str, url: str) -> dict[str, float]:
    """Milliseconds from navigation to the graph drawn in the Explore page's iframe; node count drawn."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    try:
        context.add_init_script(INIT_SCRIPT)
        page = context.new_page()
        start = time.perf_counter()
        page.goto(base + url, wait_until="commit", timeout=TIMEOUT_MS)
        origin = page.evaluate("() => performance.timeOrigin")
        frame, t = _graph_frame_times(page)
        wall = (time.perf_counter() - start) * 1000
        nodes = frame.evaluate("() => network.body.data.nodes.length")
        return {"drawn": t["origin"] + t["drawn"] - origin, "ready": t["origin"] + t["ready"] - origin,
                "iframe_built": t["origin"] + t["built"] - origin, "wall": wall, "nodes": nodes}
    finally:
        context.close()


def run_app(repeats: int, wipe_ok: bool) -> dict[str, Any]:
    from playwright.sync_api import sync_playwright

    from dashboard.links import ViewState
    from tests.browser import free_port, start_app, stop_app

    uri = use_database()
    driver = open_driver()
    samples: dict[int, list[dict[str, float]]] = {n: [] for n in SIZES}
    try:
        check_wipe_allowed(driver, uri, wipe_ok)
        with clean_database(driver):
            focus = _load_views(driver)
            port = free_port()
            proc = start_app(port)
            base = f"http://127.0.0.1:{port}/"
            try:
                with sync_playwright() as p:
                    browser = _launch(p)
                    try:
                        for n in SIZES:  # warm-up: first page load imports the page modules
                            time_app_view(browser, base, ViewState(focus=focus[n], cap=n + 100).url())
                        for r in range(repeats):
                            for n in (SIZES if r % 2 == 0 else SIZES[::-1]):
                                # a cap not used before: the page's query cache (ttl 60 s) cannot answer
                                url = ViewState(focus=focus[n], cap=n + r + 1).url()
                                samples[n].append(time_app_view(browser, base, url))
                    finally:
                        browser.close()
            finally:
                stop_app(proc)
    finally:
        driver.close()
    out: dict[str, Any] = {}
    for n in SIZES:
        s = samples[n]
        out[str(n)] = {"nodes_drawn": s[0]["nodes"], "repeats": len(s),
                       "drawn_ms": _med([x["drawn"] for x in s]), "ready_ms": _med([x["ready"] for x in s]),
                       "iframe_built_ms": _med([x["iframe_built"] for x in s]), "wall_ms": _med([x["wall"] for x in s]),
                       "drawn_ms_all": [round(x["drawn"], 1) for x in s]}
    out["ratio"] = round(out[str(SIZES[0])]["drawn_ms"] / out[str(SIZES[1])]["drawn_ms"], 2)
    return out


def run(quick: bool = False, repeats: int | None = None, app: bool = False, wipe_ok: bool = False) -> dict[str, Any]:
    reps = repeats or (3 if quick else 5)
    log(f"draw: graph_html pages of {SIZES[0]} and {SIZES[1]} nodes, {reps} repeat(s) each")
    result: dict[str, Any] = {"aim_s": AIM_S, "page": run_files(reps)}
    if app:
        log("draw: the Explore page in the running app")
        result["app"] = run_app(max(2, reps - 2), wipe_ok)
    return result


def rows_for_table(r: dict[str, Any]) -> list[list[str]]:
    big, small = str(SIZES[0]), str(SIZES[1])
    page = r["page"]
    out = [[f"draw {page[big]['nodes']} nodes/{page[big]['edges']} edges (graph_html page)",
            f"drawn {page[big]['drawn_ms'] / 1000:.2f} s (layout done {page[big]['ready_ms'] / 1000:.2f} s)",
            f"{small} nodes: {page[small]['drawn_ms'] / 1000:.2f} s", f"{page['ratio']:.1f}x", f"< {AIM_S:.0f} s"]]
    if "app" in r:
        app = r["app"]
        out.append([f"draw {app[big]['nodes_drawn']} nodes in the Explore page (app)",
                    f"drawn {app[big]['drawn_ms'] / 1000:.2f} s",
                    f"{app[small]['nodes_drawn']} nodes: {app[small]['drawn_ms'] / 1000:.2f} s",
                    f"{app['ratio']:.1f}x", "-"])
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="3 repeats instead of 5")
    parser.add_argument("--repeats", type=int)
    parser.add_argument("--app", action="store_true", help="also time the Explore page of the running app")
    parser.add_argument("--wipe", action="store_true", help="allow wiping a non-empty database other than the test one")
    args = parser.parse_args(argv)
    result = run(args.quick, args.repeats, args.app, args.wipe)
    return report("draw", result, rows_for_table(result))


if __name__ == "__main__":
    raise SystemExit(main())
