"""Query results as plain data (tables, CSV, JSON) and as graph elements (pyvis), from driver records.

Nodes, relationships and paths keep their identity only here; everything
downstream gets dicts, lists and strings.
"""
from __future__ import annotations

import csv
import io
import json
from typing import Any

from neo4j import Record
from neo4j.graph import Node, Path, Relationship

MAX_EVIDENCE = 3


def plain(value: Any) -> Any:
    """A JSON-ready version of a driver value: nodes and relationships become dicts with their labels or type."""
    if isinstance(value, Node):
        return {"_labels": sorted(value.labels), **{k: plain(v) for k, v in value.items()}}
    if isinstance(value, Relationship):
        return {"_type": value.type, "_start": _node_key(value.start_node), "_end": _node_key(value.end_node),
                **{k: plain(v) for k, v in value.items()}}
    if isinstance(value, Path):
        return {"_nodes": [plain(n) for n in value.nodes], "_relationships": [plain(r) for r in value.relationships]}
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if hasattr(value, "iso_format"):  # neo4j.time types
        return value.iso_format()
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return str(value)


def rows(records: list[Record]) -> list[dict[str, Any]]:
    """One plain dict per record."""
    return [{k: plain(v) for k, v in r.items()} for r in records]


def cell(value: Any) -> Any:
    """A short table cell: a node by its name, a relationship by its type, lists joined."""
    if isinstance(value, dict) and "_labels" in value:
        return value.get("name") or value.get("title") or value.get("id") or ",".join(value["_labels"])
    if isinstance(value, dict) and "_type" in value:
        return f"{value['_start']} -[{value['_type']}]-> {value['_end']}"
    if isinstance(value, dict) and "_nodes" in value:
        return " - ".join(str(cell(n)) for n in value["_nodes"])
    if isinstance(value, list):
        return "; ".join("" if v is None else str(cell(v)) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return value


def table(plain_rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rows with every cell shortened for display."""
    return [{k: cell(v) for k, v in r.items()} for r in plain_rows]


def to_json(plain_rows: list[dict[str, Any]]) -> str:
    return json.dumps(plain_rows, ensure_ascii=False, indent=2)


def to_csv(columns: list[str], plain_rows: list[dict[str, Any]]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(columns)
    for r in table(plain_rows):
        writer.writerow(["" if r.get(c) is None else r.get(c) for c in columns])
    return buf.getvalue()


def has_graph(records: list[Record]) -> bool:
    """True when any value is (or contains) a node, relationship or path."""
    return any(_elements(v) for r in records for v in r.values())


def graph(records: list[Record]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Nodes and edges in the dicts `dashboard.graph.render_graph` takes, each once."""
    nodes: dict[str, dict[str, Any]] = {}
    edges: dict[str, dict[str, Any]] = {}
    for record in records:
        for value in record.values():
            for el in _elements(value):
                if isinstance(el, Node):
                    _add_node(nodes, el)
                else:
                    _add_node(nodes, el.start_node)
                    _add_node(nodes, el.end_node)
                    edges.setdefault(el.element_id, _edge(el))
    return list(nodes.values()), list(edges.values())


def _elements(value: Any) -> list[Node | Relationship]:
    if isinstance(value, (Node, Relationship)):
        return [value]
    if isinstance(value, Path):
        return [*value.nodes, *value.relationships]
    if isinstance(value, (list, tuple)):
        return [el for v in value for el in _elements(v)]
    if isinstance(value, dict):
        return [el for v in value.values() for el in _elements(v)]
    return []


def _node_key(node: Node | None) -> str:
    if node is None:
        return ""
    return str(node.get("id") or node.element_id)


def _add_node(nodes: dict[str, dict[str, Any]], node: Node | None) -> None:
    if node is None:
        return
    key = _node_key(node)
    if key in nodes:
        return
    labels = sorted(node.labels)
    typ = next((lab for lab in labels if lab != "Entity"), labels[0] if labels else "Node")
    label = str(node.get("name") or node.get("title") or node.get("id") or typ)
    title = "\n".join(f"{k}: {v}" for k, v in node.items() if k not in ("aliasText",) and v not in (None, [], ""))
    nodes[key] = {"id": key, "label": label, "type": typ, "size": None, "mentionCount": node.get("mentionCount"),
                  "title": f"{label}\n{typ}\n{title}"}


def _edge(rel: Relationship) -> dict[str, Any]:
    evidence = list(rel.get("evidence") or [])[:MAX_EVIDENCE]
    extra = ", ".join(f"{k}: {rel.get(k)}" for k in ("role", "how", "former", "weight") if rel.get(k) is not None)
    title = rel.type + (f" ({extra})" if extra else "") + "".join(f"\n- {e}" for e in evidence)
    return {"source": _node_key(rel.start_node), "target": _node_key(rel.end_node), "type": rel.type,
            "docCount": rel.get("docCount") or len(rel.get("docIds") or []) or 1, "evidence": evidence, "title": title}
