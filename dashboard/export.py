"""The current view as files: nodes and edges as CSV, the whole view as JSON and GraphML, the drawing as HTML."""
from __future__ import annotations

import csv
import io
import json
from typing import Any

import networkx as nx

from dashboard.graph import graph_html

NODE_COLUMNS = ("id", "label", "type", "mentionCount", "degree")
EDGE_COLUMNS = ("source", "type", "target", "docCount", "docIds", "evidence", "evidenceDocIds", "role", "how",
                "former")
_LISTS = ("docIds", "evidence", "evidenceDocIds")


def _cell(value: Any) -> Any:
    if isinstance(value, (list, tuple)):
        return " | ".join(str(v) for v in value)
    return "" if value is None else value


def _csv(records: list[dict[str, Any]], columns: tuple[str, ...]) -> bytes:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=list(columns), extrasaction="ignore")
    writer.writeheader()
    for r in records:
        # a leading =, +, - or @ would run as a formula in a spreadsheet
        writer.writerow({c: _defuse(_cell(r.get(c))) for c in columns})
    return buf.getvalue().encode("utf-8")


def _defuse(value: Any) -> Any:
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        return "'" + value
    return value


def nodes_csv(nodes: list[dict[str, Any]]) -> bytes:
    """One row per node."""
    return _csv(nodes, NODE_COLUMNS)


def edges_csv(edges: list[dict[str, Any]]) -> bytes:
    """One row per edge; list cells joined with ' | '."""
    return _csv(edges, EDGE_COLUMNS)


def view_json(nodes: list[dict[str, Any]], edges: list[dict[str, Any]], view_url: str) -> bytes:
    """Nodes, edges and the link that reopens the view."""
    doc = {"view": view_url,
           "nodes": [{c: n.get(c) for c in NODE_COLUMNS} for n in nodes],
           "edges": [{c: e.get(c) for c in EDGE_COLUMNS} for e in edges]}
    return json.dumps(doc, ensure_ascii=False, indent=2).encode("utf-8")


def graphml(nodes: list[dict[str, Any]], edges: list[dict[str, Any]]) -> bytes:
    """GraphML for Gephi, yEd or Cytoscape; list properties joined with ' | '."""
    g = nx.MultiDiGraph()
    for n in nodes:
        g.add_node(str(n["id"]), **{c: _cell(n.get(c)) for c in NODE_COLUMNS if c != "id"})
    for e in edges:
        attrs = {c: _cell(e.get(c)) for c in EDGE_COLUMNS if c not in ("source", "target")}
        g.add_edge(str(e["source"]), str(e["target"]), key=e.get("rid") or None, **attrs)
    buf = io.BytesIO()
    nx.write_graphml(g, buf, encoding="utf-8")
    return buf.getvalue()


def standalone_html(nodes: list[dict[str, Any]], edges: list[dict[str, Any]]) -> bytes:
    """The drawing as one HTML file that opens offline (no click navigation)."""
    return graph_html(nodes, edges).encode("utf-8")


def download_buttons(nodes: list[dict[str, Any]], edges: list[dict[str, Any]], view_url: str, stem: str) -> None:
    """A row of download buttons for the current view."""
    import streamlit as st

    cols = st.columns(5)
    files = (
        ("Nodes CSV", f"{stem}-nodes.csv", "text/csv", lambda: nodes_csv(nodes)),
        ("Edges CSV", f"{stem}-edges.csv", "text/csv", lambda: edges_csv(edges)),
        ("JSON", f"{stem}.json", "application/json", lambda: view_json(nodes, edges, view_url)),
        ("GraphML", f"{stem}.graphml", "application/xml", lambda: graphml(nodes, edges)),
        ("HTML", f"{stem}.html", "text/html", lambda: standalone_html(nodes, edges)),
    )
    for col, (label, name, mime, build) in zip(cols, files):
        col.download_button(label, data=build, file_name=name, mime=mime, key=f"export_{name}",
                            on_click="ignore", icon=":material/download:")
