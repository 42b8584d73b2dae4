"""Shortest paths between two entities, as hop lists and as nodes/edges to draw."""
from __future__ import annotations

from typing import Any

import streamlit as st

from cypher.model import TYPED_RELATIONS
from dashboard import links
from dashboard.db import rows
from dashboard.evidence_table import evidence_pairs, relation_detail

DEFAULT_HOPS = 4
MAX_HOPS = 6
PATH_CAP = 25


def clamp_hops(value: Any) -> int:
    """The hop limit from the URL or a widget, forced into 1..MAX_HOPS; the default when unreadable."""
    try:
        k = int(value)
    except (TypeError, ValueError):
        return DEFAULT_HOPS
    return max(1, min(MAX_HOPS, k))


def relation_types(rels: tuple[str, ...] | None) -> list[str]:
    """Types a path may use: the typed relations named in `rels` (all of them when it names none),
    plus CO_MENTIONED when `rels` names it. So rels=("CO_MENTIONED",) is "typed relations and co-mentions"."""
    typed = [t for t in TYPED_RELATIONS if rels and t in rels] or list(TYPED_RELATIONS)
    return typed + (["CO_MENTIONED"] if with_co_mentions(rels) else [])


def with_co_mentions(rels: tuple[str, ...] | None) -> bool:
    """Whether CO_MENTIONED edges are walked."""
    return rels is not None and "CO_MENTIONED" in rels


@st.cache_data(ttl=60, show_spinner=False)
def shortest_paths(src: str, dst: str, k: int, rels: tuple[str, ...] | None = None) -> list[dict[str, Any]]:
    """All shortest paths of at most k hops (each with `nodes` and `rels`), at most PATH_CAP of them."""
    types = relation_types(rels)
    if not types:
        return []
    return rows("paths_shortest", src=src, dst=dst, k=clamp_hops(k), types=types, cap=PATH_CAP)


def hop_rows(path: dict[str, Any]) -> list[dict[str, Any]]:
    """One row per hop (and per evidence sentence), in path order, with the relation's direction shown."""
    nodes, rels = path["nodes"], path["rels"]
    out = []
    for i, rel in enumerate(rels):
        here, there = nodes[i], nodes[i + 1]
        label = hop_label(rel, here["id"])
        pairs = evidence_pairs(rel.get("evidence"), rel.get("evidenceDocIds"), rel.get("docIds"))
        if rel["relation"] == "CO_MENTIONED" and pairs == [("", pairs[0][1])]:
            n = int(rel.get("weight") or 0)
            pairs = [(f"(named together in {n} sentence{'s' if n != 1 else ''})", pairs[0][1])]
        for sentence, doc_id in pairs:
            out.append({
                "hop": i + 1,
                "from": here["name"],
                "relation": label,
                "to": there["name"],
                "detail": relation_detail(rel),
                "docs": int(rel.get("docCount") or 0),
                "document": links.document(doc_id) if doc_id else None,
                "evidence": sentence,
            })
    return out


def hop_label(rel: dict[str, Any], here: str) -> str:
    """'LEADS →' when the hop follows the relation, '← LEADS' against it; co-mentions have no direction."""
    if rel["relation"] == "CO_MENTIONED":
        return "CO_MENTIONED"
    return f"{rel['relation']} →" if rel.get("sourceId") == here else f"← {rel['relation']}"


def path_title(path: dict[str, Any]) -> str:
    """'A -LEADS→ B ←SUPPORTS- C': node names with each hop's relation and direction."""
    nodes, rels = path["nodes"], path["rels"]
    parts = [str(nodes[0]["name"])]
    for i, rel in enumerate(rels):
        label = hop_label(rel, nodes[i]["id"])
        if label.endswith(" →"):
            parts.append(f"-{rel['relation']}→")
        elif label.startswith("← "):
            parts.append(f"←{rel['relation']}-")
        else:
            parts.append(f"-{rel['relation']}-")
        parts.append(str(nodes[i + 1]["name"]))
    return " ".join(parts)


def graph_of(paths: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The union of the paths' nodes and relationships, each once, in the shape graph.render_graph draws."""
    nodes: dict[str, dict[str, Any]] = {}
    edges: dict[tuple[str, str, str], dict[str, Any]] = {}
    ends = {p["nodes"][0]["id"] for p in paths} | {p["nodes"][-1]["id"] for p in paths}
    for path in paths:
        for n in path["nodes"]:
            nodes.setdefault(n["id"], {"id": n["id"], "label": n["name"], "type": n.get("type"),
                                       "size": 30 if n["id"] in ends else 18})
        for r in path["rels"]:
            edges.setdefault((r["sourceId"], r["relation"], r["targetId"]), {
                "source": r["sourceId"], "target": r["targetId"], "type": r["relation"],
                "docCount": r.get("docCount"), "docIds": r.get("docIds") or [],
                "evidence": r.get("evidence") or [], "evidenceDocIds": r.get("evidenceDocIds") or [],
            })
    return list(nodes.values()), list(edges.values())
