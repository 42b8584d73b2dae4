"""The part of the graph the Explore page draws: a neighbourhood read hop by hop, filtered and capped.

Reading: `hops` levels out from the focus, then one level from each expanded
entity, each level one fixed statement (`explore_edges`) with the filters as
parameters. Removed nodes are neither drawn nor walked through. Capping keeps
the focus and expanded entities, then grows outwards best-connected first, so
what stays is connected; the rest is counted, not silently dropped.

The server caps too: per entity walked from, `explore_edges` sends at most
`per_node(cap)` neighbours, best-connected first (degree, then id: the order
`cap_nodes` grows in, so the nodes kept are the same as with everything read),
and says how many there were; the ones it did not send count as left out. A
hub's thousands of relations are ranked on the server, not shipped.
"""
from __future__ import annotations

import heapq
from dataclasses import dataclass, field
from typing import Any

from cypher.model import TYPED_RELATIONS
from dashboard.links import ViewState

ROW_LIMIT = 20000  # per statement; when reached the view says so
PER_NODE_MIN = 150  # the server sends at least this many neighbours per entity (the default cap)


def per_node(cap: int) -> int:
    """Most neighbours the server sends per entity walked from: the cap, and never fewer than PER_NODE_MIN."""
    return max(int(cap), PER_NODE_MIN)


@dataclass
class Subgraph:
    """Nodes and edges ready for graph.py, plus what was left out and why."""

    nodes: list[dict[str, Any]] = field(default_factory=list)
    edges: list[dict[str, Any]] = field(default_factory=list)
    left_out: int = 0
    truncated: bool = False
    missing: list[str] = field(default_factory=list)  # seeds with no entity behind them


def default_relations(typed_exist: bool) -> tuple[str, ...]:
    """Typed relations; co-mentions only when the graph has no typed relation at all."""
    return TYPED_RELATIONS if typed_exist else TYPED_RELATIONS + ("CO_MENTIONED",)


def relations_for(state: ViewState, typed_exist: bool) -> tuple[str, ...]:
    """The relationship types the view follows."""
    return state.rels if state.rels is not None else default_relations(typed_exist)


def cap_nodes(seeds: list[str], adjacency: dict[str, set[str]], weight: dict[str, int], cap: int) -> list[str]:
    """Keep the seeds, then grow outwards best-connected first (by `weight`) until `cap` nodes are kept."""
    kept: list[str] = []
    seen: set[str] = set()
    for s in seeds:
        if s not in seen and s in adjacency:
            kept.append(s)
            seen.add(s)
    heap: list[tuple[int, str]] = []
    for s in kept:
        for n in adjacency.get(s, ()):
            heapq.heappush(heap, (-weight.get(n, 0), n))
    while heap and len(kept) < max(cap, len(seeds)):
        _, n = heapq.heappop(heap)
        if n in seen:
            continue
        seen.add(n)
        kept.append(n)
        for m in adjacency.get(n, ()):
            if m not in seen:
                heapq.heappush(heap, (-weight.get(m, 0), m))
    return kept


def _edge(row: dict[str, Any]) -> dict[str, Any]:
    return {k: row[k] for k in ("rid", "type", "source", "target", "docCount", "docIds", "evidence",
                                "evidenceDocIds", "weight", "role", "how", "former")}


def load(state: ViewState, typed_exist: bool, read: Any) -> Subgraph:
    """Read the view's neighbourhood with `read(statement, **params)` (dashboard.db.rows in the app)."""
    seeds = [s for s in state.seeds() if s not in state.removed or s == state.focus]
    found = {r["id"]: r for r in read("explore_nodes", ids=seeds)}
    out = Subgraph(missing=[s for s in seeds if s not in found])
    seeds = [s for s in seeds if s in found]
    if not seeds:
        return out
    removed = set(state.removed) - {state.focus}
    nodes: dict[str, dict[str, Any]] = {i: dict(found[i]) for i in seeds}
    adjacency: dict[str, set[str]] = {i: set() for i in seeds}
    params = dict(relTypes=list(relations_for(state, typed_exist)),
                  types=list(state.types) if state.types is not None else None,
                  minDocs=state.min_docs, dateFrom=state.date_from, dateTo=state.date_to,
                  removed=sorted(removed) or None, limit=ROW_LIMIT)
    unsent = 0  # neighbours the server counted but did not send (beyond per_node)

    def walk(frontier: list[str]) -> list[str]:
        nonlocal unsent
        found_rows = read("explore_edges", ids=frontier, within=None,
                          perNode=per_node(max(state.cap, len(seeds))), **params)
        out.truncated = out.truncated or len(found_rows) >= ROW_LIMIT
        new: list[str] = []
        total: dict[str, int] = {}
        sent: dict[str, set[str]] = {}
        for r in found_rows:
            total[r["fromId"]] = int(r["neighbours"])
            sent.setdefault(r["fromId"], set()).add(r["otherId"])
            other = r["otherId"]
            if other in removed:
                continue
            here = r["target"] if r["source"] == other else r["source"]
            if other not in nodes:
                nodes[other] = {"id": other, "eid": r["otherEid"], "name": r["otherName"], "type": r["otherType"],
                                "mentionCount": r["otherMentions"], "degree": r["otherDegree"]}
                adjacency[other] = set()
                new.append(other)
            adjacency.setdefault(here, set()).add(other)
            adjacency[other].add(here)
        if len(found_rows) < ROW_LIMIT:  # a cut-off read does not say what was unsent
            unsent += sum(max(0, n - len(sent[f])) for f, n in total.items())
        return new

    frontier = [state.focus] if state.focus in nodes else seeds[:1]
    for _ in range(state.hops):
        if not frontier:
            break
        frontier = walk(frontier)
    expanded = [s for s in seeds if s != state.focus]
    if expanded:
        walk(expanded)

    weight = {i: int(n.get("degree") or 0) for i, n in nodes.items()}
    kept = cap_nodes(seeds, adjacency, weight, state.cap)
    out.left_out = len(nodes) - len(kept) + unsent
    kept_rows = read("explore_edges", ids=kept, within=[nodes[i]["eid"] for i in kept], perNode=None, **params)
    out.truncated = out.truncated or len(kept_rows) >= ROW_LIMIT
    edges: dict[str, dict[str, Any]] = {}
    for r in kept_rows:
        edges.setdefault(r["rid"], _edge(r))
    out.nodes = [_node(nodes[i]) for i in kept]
    out.edges = sorted(edges.values(), key=lambda e: (e["source"], e["type"], e["target"]))
    return out


def _node(n: dict[str, Any]) -> dict[str, Any]:
    return {"id": n["id"], "label": n.get("name") or n["id"], "type": n.get("type"),
            "mentionCount": int(n.get("mentionCount") or 0), "degree": int(n.get("degree") or 0)}


__all__ = ["Subgraph", "load", "cap_nodes", "per_node", "relations_for", "default_relations"]
