"""Draw a graph with pyvis as a self-contained page: no request leaves the machine.

`graph_html` is pure (nodes and edges in, HTML out) so it can be tested and
exported; `render_graph` puts it in the page. Article text reaches the page
only as JSON data that vis-network shows as plain text (labels on the canvas,
tooltips through innerText), so it is not HTML-escaped here; what is removed
is the substring "href", which would make pyvis switch to an innerHTML popup.

With `click` templates (see links.click_templates), clicking a node pushes a new
query string onto the parent page's history and fires popstate: Streamlit
reruns in the same session with the new URL, and Back restores the last view.
"""
from __future__ import annotations

import json
import re
from typing import Any

from pyvis.network import Network

from cypher.model import ENTITY_TYPES
from dashboard.links import NODE_PLACEHOLDER
from dashboard.style import edge_colour, edge_width, node_size, node_style

LAYOUT_SEED = 7
STABILISATION_ITERATIONS = 150
MAX_LABEL = 40
MAX_TITLE = 4000

_HREF = re.compile(r"h(?=ref)", re.IGNORECASE)
_EXTERNAL_TAG = re.compile(r"<(link|script)\b[^>]*\bhttps?://[^>]*>(\s*</script>)?", re.IGNORECASE | re.DOTALL)
_PANEL = "Hover or click an edge to read its evidence."
_PANEL_CLICK = " Click a node to {primary}; shift-click to {secondary}."  # only where clicks navigate
# ids a click navigates to: entities (documents and designations drawn by a saved query have no Explore view)
CLICKABLE = tuple(f"{t.lower()}:" for t in ENTITY_TYPES)
# what a click and a shift-click do, by the click mode; "open" leaves a read-only graph for another page
CLICK_WORDS = {"focus": ("focus on it", "add its neighbours"), "expand": ("add its neighbours", "focus on it"),
               "open": ("explore around it", "open its entity page")}


def plain(text: object, limit: int = MAX_TITLE) -> str:
    """Text for a label or tooltip: the word 'href' broken by a zero-width space, trimmed to `limit`."""
    s = "" if text is None else str(text)
    s = _HREF.sub("h\u200b", s)
    return s if len(s) <= limit else s[: limit - 1] + "…"


def node_title(node: dict[str, Any]) -> str:
    """Default tooltip of a node: name, type, mentions and degree, as plain text."""
    lines = [str(node.get("label") or node["id"]), f"{node.get('type') or 'Entity'} · {node['id']}"]
    if node.get("mentionCount") is not None:
        lines.append(f"mentions: {node['mentionCount']}")
    if node.get("degree") is not None:
        lines.append(f"relations: {node['degree']}")
    return "\n".join(lines)


def edge_title(edge: dict[str, Any]) -> str:
    """Default tooltip of an edge: its type, document count, then each evidence sentence with its document."""
    docs = int(edge.get("docCount") or 0)
    lines = [f"{edge['type']} · {docs} document{'s' if docs != 1 else ''}"]
    if edge.get("weight"):
        lines[0] += f" · {edge['weight']} shared sentence{'s' if edge['weight'] != 1 else ''}"
    ev_docs = edge.get("evidenceDocIds") or []
    for i, sentence in enumerate(edge.get("evidence") or []):
        where = f"  [{ev_docs[i]}]" if i < len(ev_docs) else ""
        lines.append(f"“{sentence}”{where}")
    if not edge.get("evidence") and edge.get("docIds"):
        lines.append("documents: " + ", ".join(str(d) for d in edge["docIds"][:10]))
    return "\n".join(lines)


def _options(seed: int) -> dict[str, Any]:
    return {
        "layout": {"randomSeed": seed, "improvedLayout": False},
        "physics": {
            "enabled": True,
            "solver": "barnesHut",
            "barnesHut": {"gravitationalConstant": -12000, "centralGravity": 0.3, "springLength": 170,
                          "springConstant": 0.04, "damping": 0.3, "avoidOverlap": 0.2},
            "stabilization": {"enabled": True, "iterations": STABILISATION_ITERATIONS, "fit": True},
            "minVelocity": 2,
        },
        "edges": {"smooth": False, "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
                  "font": {"size": 11, "align": "middle", "color": "#444444", "strokeWidth": 3}},
        "nodes": {"font": {"size": 17}, "borderWidth": 1},
        "interaction": {"hover": True, "tooltipDelay": 120, "hideEdgesOnDrag": True},
    }


_BRIDGE = """
    if (p.nodes.length && cfg.only.some(function (pre) { return String(p.nodes[0]).indexOf(pre) === 0; })) {
      var shift = p.event && p.event.srcEvent && p.event.srcEvent.shiftKey;
      var first = cfg.mode === "expand" ? "expand" : "focus";
      var mode = shift ? (first === "focus" ? "expand" : "focus") : first;
      var id = encodeURIComponent(String(p.nodes[0])).replace(/%3A/g, ":");
      var q = cfg.click[mode].split(cfg.placeholder).join(id);
      window.kgLastClick = q;
      keep();
      if (parent !== window && parent.location.search !== q) {
        parent.history.pushState(null, "", q);
        parent.dispatchEvent(new parent.PopStateEvent("popstate"));
      }
      return;
    }"""


# Positions survive a click: the clicked page stores where each node was drawn, and the next page puts
# the nodes it shares there, pinned while the new ones settle around them, so expanding does not move
# what the user was looking at. sessionStorage is per tab; failures (a sandbox) only lose the positions.
_KEEP = """  var KEPT = "kg-graph-positions";
  function keep() {
    try { sessionStorage.setItem(KEPT, JSON.stringify(network.getPositions())); } catch (e) {}
  }
  function placeKept() {
    var saved = {};
    try {  // read once: only the page a click opens uses them
      saved = JSON.parse(sessionStorage.getItem(KEPT) || "{}") || {};
      sessionStorage.removeItem(KEPT);
    } catch (e) { return false; }
    var known = nodes.getIds().filter(function (id) { return saved[id]; });
    if (!known.length) return false;
    nodes.update(known.map(function (id) {
      return {id: id, x: saved[id].x, y: saved[id].y, fixed: {x: true, y: true}};
    }));
    network.once("stabilizationIterationsDone", function () {
      nodes.update(known.map(function (id) { return {id: id, fixed: false}; }));
      network.fit();
      ready();
    });
    network.setOptions({physics: {enabled: true}});
    network.stabilize(""" + str(STABILISATION_ITERATIONS) + """);
    return true;
  }
"""


def _script(click: dict[str, str] | None, mode: str) -> str:
    """The page's own script: evidence panel, freeze after layout, and (with `click`) the click bridge."""
    data = json.dumps({"click": click, "mode": mode, "placeholder": NODE_PLACEHOLDER, "only": list(CLICKABLE)})
    return (
        "<script>\n(function () {\n  var cfg = " + data + ";\n"
        '  var panel = document.getElementById("kg-evidence");\n'
        "  function ready() {\n"
        "    if (window.kgReady) return;\n"
        "    network.setOptions({physics: {enabled: false}});\n"
        "    window.kgReady = true;\n  }\n"
        + _KEEP +
        "  // small graphs finish their layout inside the constructor, before this script runs\n"
        '  if (placeKept()) { /* ready() once the new nodes settle around the kept ones */ }\n'
        '  else if (network.physics && network.physics.stabilized) { ready(); }\n'
        '  else { network.once("stabilizationIterationsDone", ready); }\n'
        '  network.on("click", function (p) {' + (_BRIDGE if click else "") + """
    if (!p.nodes.length && p.edges.length && panel) {  // a node's click also lists its edges
      var edge = edges.get(p.edges[0]);
      panel.textContent = edge && edge.title ? edge.title : "";
    }
  });
})();
</script>
"""
    )


def graph_html(
    nodes: list[dict[str, Any]],
    edges: list[dict[str, Any]],
    *,
    height: int = 650,
    click: dict[str, str] | None = None,
    click_mode: str = "focus",
    seed: int = LAYOUT_SEED,
) -> str:
    """A standalone HTML page drawing the graph (vis-network inlined, no external tags).

    Nodes: id, label, type, size or degree/mentionCount, title. Edges: source, target,
    type, docCount, evidence, title; single-document edges are dashed, width grows with docCount.
    """
    net = Network(height=f"{height}px", width="100%", directed=True, cdn_resources="in_line")
    largest = max((_weight(n) for n in nodes), default=0)
    for n in sorted(nodes, key=lambda n: str(n["id"])):
        colour, shape = node_style(n.get("type"))
        label = plain(n.get("label") or n["id"], MAX_LABEL)
        net.add_node(
            str(n["id"]), label=label, shape=shape, color=colour,
            size=float(n["size"]) if n.get("size") is not None else node_size(_weight(n), largest),
            title=plain(n.get("title") or node_title(n)),
        )
    ids = {str(n["id"]) for n in nodes}
    for i, e in enumerate(sorted(edges, key=lambda e: (str(e["source"]), str(e["target"]), e["type"]))):
        if str(e["source"]) not in ids or str(e["target"]) not in ids:
            continue
        docs = int(e.get("docCount") or 0)
        net.edges.append({  # appended directly: pyvis drops parallel edges of different types otherwise
            "id": str(e.get("id") or e.get("rid") or f"e{i}"),
            "from": str(e["source"]), "to": str(e["target"]),
            "label": "" if e["type"] == "CO_MENTIONED" else e["type"],
            "title": plain(e.get("title") or edge_title(e)),
            "width": edge_width(docs), "dashes": docs <= 1, "color": edge_colour(e["type"]),
            "arrows": "" if e["type"] == "CO_MENTIONED" else "to",
        })
    net.options = _options(seed)
    html = _EXTERNAL_TAG.sub("", net.generate_html())
    primary, secondary = CLICK_WORDS[click_mode]
    hint = _PANEL_CLICK.format(primary=primary, secondary=secondary) if click else ""
    panel = (
        "<style>.vis-tooltip{white-space:pre-wrap !important;max-width:460px;font:13px sans-serif !important;"
        "line-height:1.35}</style>"
        '<div id="kg-evidence" style="font:13px sans-serif;white-space:pre-wrap;max-height:72px;'
        f'overflow:auto;padding:4px 6px;color:#333">{_PANEL}{hint}</div>'
    )
    return html.replace("</body>", panel + _script(click, click_mode) + "</body>", 1)


def _weight(node: dict[str, Any]) -> int:
    return int(node.get("mentionCount") or node.get("degree") or 0)


def render_graph(
    nodes: list[dict[str, Any]],
    edges: list[dict[str, Any]],
    *,
    key: str,
    height: int = 650,
    click: dict[str, str] | None = None,
    click_mode: str = "focus",
) -> None:
    """Draw the graph in the page (an iframe); with `click`, node clicks navigate the dashboard."""
    import streamlit as st

    with st.container(key=key):
        st.iframe(graph_html(nodes, edges, height=height, click=click, click_mode=click_mode),
                  height=height + 110)
