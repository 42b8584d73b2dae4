"""Paths page: the shortest paths between two entities, drawn and listed hop by hop with evidence."""
from __future__ import annotations

import streamlit as st

from dashboard.evidence_table import markdown_safe, show_table
from dashboard.paths_data import (
    DEFAULT_HOPS, MAX_HOPS, PathQuery, clamp_hops, graph_of, hop_rows, path_title, shortest_paths,
)
from dashboard.search import entity_label, search_box


def _from_url() -> PathQuery:
    q = st.query_params
    return PathQuery(q.get("src") or None, q.get("dst") or None, clamp_hops(q.get("k", DEFAULT_HOPS)),
                     q.get("co") == "1")


def _to_url(pq: PathQuery) -> None:
    """Keep the URL in step with the view, so the link reopens it."""
    wanted = {"src": pq.src, "dst": pq.dst, "k": str(pq.k), "co": "1" if pq.co_mentions else None}
    for key, value in wanted.items():
        if value is None:
            if key in st.query_params:
                del st.query_params[key]
        elif st.query_params.get(key) != value:
            st.query_params[key] = value


def _controls(start: PathQuery) -> PathQuery:
    c1, c2 = st.columns(2)
    with c1:
        src = search_box("paths_src", "From", default=start.src)
    with c2:
        dst = search_box("paths_dst", "To", default=start.dst)
    c3, c4 = st.columns([3, 2])
    k = c3.slider("At most this many hops", 1, MAX_HOPS, value=start.k, key="paths_k")
    co = c4.checkbox("Include co-mentions", value=start.co_mentions, key="paths_co",
                     help="Also walk CO_MENTIONED edges (two names in one sentence), not only typed relations.")
    return PathQuery(src, dst, clamp_hops(k), co)


def _draw(nodes: list[dict], edges: list[dict]) -> None:
    try:
        from dashboard.graph import render_graph
    except ModuleNotFoundError as exc:  # drawing lands with dashboard/graph.py; the hop list stands alone
        if exc.name != "dashboard.graph":
            raise
        st.caption("Graph drawing is not available in this build; the hops are listed below.")
        return
    render_graph(nodes, edges, key="paths_graph", height=450)


def render() -> None:
    """Pick two entities, a hop limit and whether co-mentions count; show the paths between them."""
    st.title("Paths")
    pq = _controls(_from_url())
    _to_url(pq)
    if not (pq.src and pq.dst):
        st.info("Pick two entities (search by name, alias or acronym) to see how they are connected.")
        return
    src_label, dst_label = entity_label(pq.src), entity_label(pq.dst)
    if src_label is None or dst_label is None:
        missing = pq.src if src_label is None else pq.dst
        st.error(f"No entity found with id {missing!r}. Search for it by name above.")
        st.stop()
    if pq.src == pq.dst:
        st.warning("Both ends are the same entity. Pick a different one for “To”.")
        return
    paths = shortest_paths(pq.src, pq.dst, pq.k, pq.co_mentions)
    over = "typed relations and co-mentions" if pq.co_mentions else "typed relations"
    if not paths:
        hint = "allow more hops" if pq.k < MAX_HOPS else "include co-mentions"
        if pq.co_mentions and pq.k >= MAX_HOPS:
            hint = "pick other entities"
        st.info(f"No path of at most {pq.k} hops between {src_label} and {dst_label} over {over}. "
                f"Try to {hint}.")
        return
    hops = len(paths[0]["rels"])
    st.success(f"{len(paths)} shortest path{'s' if len(paths) != 1 else ''} of {hops} "
               f"hop{'s' if hops != 1 else ''} between {src_label} and {dst_label} over {over}.")
    nodes, edges = graph_of(paths)
    _draw(nodes, edges)
    for i, path in enumerate(paths, start=1):
        st.subheader(f"Path {i}: " + markdown_safe(path_title(path)))
        show_table(hop_rows(path), key=f"paths_hops_{i}")
