"""Bench-only app: the Explore neighbourhood alone, drawn by a components v2 component (or by render_graph).

Clicks come back to Python as a trigger value; the focus goes into the URL.
Run by bench/click_bridge.py; not part of the dashboard.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

import streamlit as st

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from dashboard.db import rows  # noqa: E402
from dashboard.graph import _options, edge_title, node_title, plain  # noqa: E402
from dashboard.graph import render_graph  # noqa: E402
from dashboard.links import ViewState, click_templates  # noqa: E402
from dashboard.neighbourhood import load  # noqa: E402
from dashboard.style import edge_colour, edge_width, node_size, node_style  # noqa: E402

import pyvis  # noqa: E402

VIS = Path(pyvis.__file__).parent / "templates" / "lib" / "vis-9.1.2" / "vis-network.min.js"
# inline: vis-network travels inside the component's JS on every rerun;
# static: it is served once from Streamlit's static folder (bench/static/, written by the bench) and cached
LOADER = {"inline": VIS.read_text(encoding="utf-8") + "\nconst loadVis = async () => {};\n",
          "static": """
const loadVis = () => globalThis.vis ? Promise.resolve() : new Promise((resolve, reject) => {
  const s = document.createElement("script"); s.src = "/app/static/vis-network.min.js";
  s.onload = resolve; s.onerror = reject; document.head.appendChild(s);
});
"""}.get(os.environ.get("KG_BENCH_VIS", "inline"), "")
JS = LOADER + """
export default async function (component) {
  await loadVis();
  const { data, setTriggerValue, parentElement } = component;
  let box = parentElement.querySelector("#kg-net");
  if (!box) { box = document.createElement("div"); box.id = "kg-net"; box.style.height = "650px";
              parentElement.appendChild(box); }
  const ready = () => { window.kgReady = true; box.network.setOptions({physics: {enabled: false}}); };
  window.kgReady = false;
  if (!box.network) {
    box.network = new globalThis.vis.Network(box, {nodes: data.nodes, edges: data.edges}, data.options);
    box.network.on("click", (p) => { if (p.nodes.length) setTriggerValue("node_clicked", p.nodes[0]); });
    window.network = box.network;
  } else {
    box.network.setOptions({physics: {enabled: true}});
    box.network.setData({nodes: data.nodes, edges: data.edges});
  }
  if (box.network.physics.stabilized) ready(); else box.network.once("stabilizationIterationsDone", ready);
}
"""
graph = st.components.v2.component(f"kg_bench_graph_{os.environ.get('KG_BENCH_VIS', 'inline')}", js=JS)


def _clicked() -> None:
    clicked = st.session_state["graph"].get("node_clicked")
    if clicked:
        st.query_params["focus"] = clicked


state = ViewState.from_params(st.query_params)
if state.focus and os.environ.get("KG_BENCH_VIS") == "pyvis":  # the same minimal page, drawn like the dashboard
    sub = load(state, True, rows)
    render_graph(sub.nodes, sub.edges, key="graph", click=click_templates(state))
elif state.focus:
    sub = load(state, True, rows)
    largest = max((n["mentionCount"] for n in sub.nodes), default=0)
    nodes = [{"id": n["id"], "label": plain(n["label"], 40), "title": plain(node_title(n)),
              "color": node_style(n["type"])[0], "shape": node_style(n["type"])[1],
              "size": node_size(n["mentionCount"], largest)} for n in sub.nodes]
    edges = [{"id": e["rid"], "from": e["source"], "to": e["target"], "label": e["type"],
              "title": plain(edge_title(e)), "width": edge_width(e["docCount"]), "dashes": e["docCount"] <= 1,
              "color": edge_colour(e["type"]), "arrows": "to"} for e in sub.edges]
    graph(key="graph", data={"nodes": nodes, "edges": edges, "options": _options(7)}, on_node_clicked_change=_clicked)
