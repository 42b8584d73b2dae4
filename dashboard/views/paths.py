"""Paths page: the shortest paths between two entities, drawn and listed hop by hop with evidence.

The view lives in the URL through links.ViewState: src, dst, k, and rels
(absent: typed relations only; with CO_MENTIONED: co-mentions walked too).
"""
from __future__ import annotations

from dataclasses import replace

import streamlit as st

from dashboard import links
from dashboard.graph import render_graph
from dashboard.evidence_table import markdown_safe, show_table
from dashboard.paths_data import (
    DEFAULT_HOPS, MAX_HOPS, clamp_hops, graph_of, hop_rows, path_title, shortest_paths, with_co_mentions,
)
from dashboard.search import entity_label, search_box
from dashboard.share import share_link


def _controls(start: links.ViewState) -> links.ViewState:
    c1, c2 = st.columns(2)
    with c1:
        src = search_box("paths_src", "From", default=start.src)
    with c2:
        dst = search_box("paths_dst", "To", default=start.dst)
    c3, c4 = st.columns([3, 2])
    k = c3.slider("At most this many hops", 1, MAX_HOPS, value=clamp_hops(start.k or DEFAULT_HOPS), key="paths_k")
    co = c4.checkbox("Include co-mentions", value=with_co_mentions(start.rels), key="paths_co",
                     help="Also walk CO_MENTIONED edges (two names in one sentence), not only typed relations.")
    rels = start.rels if co and with_co_mentions(start.rels) else (("CO_MENTIONED",) if co else None)
    return replace(start, page="paths", src=src, dst=dst, k=clamp_hops(k), rels=rels)


def render() -> None:
    """Pick two entities, a hop limit and whether co-mentions count; show the paths between them."""
    st.title("Paths")
    view = _controls(links.current())
    links.publish(links.ViewState(page="paths", src=view.src, dst=view.dst, k=view.k, rels=view.rels))
    if not (view.src and view.dst):
        st.info("Pick two entities (search by name, alias or acronym) to see how they are connected.")
        return
    src_label, dst_label = entity_label(view.src), entity_label(view.dst)
    if src_label is None or dst_label is None:
        missing = view.src if src_label is None else view.dst
        st.error(f"No entity found with id {missing!r}. Search for it by name above.")
        st.stop()
    if view.src == view.dst:
        st.warning("Both ends are the same entity. Pick a different one for “To”.")
        return
    k = clamp_hops(view.k)
    paths = shortest_paths(view.src, view.dst, k, view.rels)
    co = with_co_mentions(view.rels)
    over = "typed relations and co-mentions" if co else "typed relations"
    if not paths:
        hint = "allow more hops" if k < MAX_HOPS else ("pick other entities" if co else "include co-mentions")
        st.info(f"No path of at most {k} hops between {src_label} and {dst_label} over {over}. Try to {hint}.")
        return
    hops = len(paths[0]["rels"])
    st.success(f"{len(paths)} shortest path{'s' if len(paths) != 1 else ''} of {hops} "
               f"hop{'s' if hops != 1 else ''} between {src_label} and {dst_label} over {over}.")
    nodes, edges = graph_of(paths)
    render_graph(nodes, edges, key="paths_graph", height=450, click=links.open_templates(), click_mode="open")
    share_link(links.ViewState(page="paths", src=view.src, dst=view.dst, k=k, rels=view.rels).url())
    for i, path in enumerate(paths, start=1):
        st.subheader(f"Path {i}: " + markdown_safe(path_title(path)))
        show_table(hop_rows(path), key=f"paths_hops_{i}")
