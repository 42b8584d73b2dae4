"""Explore page: search, focus an entity, draw its neighbourhood, click to focus or expand, share, export.

The URL is the view (dashboard/links.py). Sidebar widgets are keyed by the
URL they were drawn from, so Back, a shared link or a node click (which
changes the URL from inside the graph) redraws every widget from the URL.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import replace
from typing import Any

import streamlit as st

from cypher.model import TYPED_RELATIONS
from dashboard import links
from dashboard.db import rows
from dashboard.export import download_buttons
from dashboard.graph import render_graph
from dashboard.legend import show_legend
from dashboard.links import MAX_CAP, MAX_HOPS, VIEW_RELATIONS, VIEW_TYPES, ViewState
from dashboard.neighbourhood import Subgraph, load, relations_for
from dashboard.relations_table import show_relations

GRAPH_HEIGHT = 650
_MARKDOWN = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:])")


def _text(value: object) -> str:
    """Article text for a Markdown element (header, caption): every Markdown character escaped."""
    return _MARKDOWN.sub(r"\\\1", str(value))


TOP_ENTITIES = 15


@st.cache_data(ttl=60, show_spinner=False)
def _typed_relations_exist() -> bool:
    found = rows("explore_relation_types", relTypes=list(TYPED_RELATIONS))
    return bool(found and found[0]["typed"])


@st.cache_data(ttl=60, show_spinner=False)
def _subgraph(state: ViewState, typed_exist: bool) -> Subgraph:
    return load(state, typed_exist, rows)


@st.cache_data(ttl=60, show_spinner=False)
def _overview() -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    return rows("explore_overview"), rows("explore_top_entities", relTypes=list(TYPED_RELATIONS), limit=TOP_ENTITIES)


def _search(state: ViewState) -> ViewState:
    """The sidebar search: picking an entity focuses it."""
    try:
        from dashboard.search import search_box
    except ImportError:  # the full-text search module is not there: no search, links still work
        return state
    with st.sidebar:
        picked = search_box("explore", "Find an entity", default=state.focus)
    last = st.session_state.get("explore_applied")
    if picked and picked != state.focus and picked != last:
        st.session_state["explore_applied"] = picked
        return state.focused_on(picked)
    return state


def _date_box(label: str, value: str | None, key: str) -> str | None:
    raw = st.text_input(label, value=value or "", key=key, placeholder="YYYY, YYYY-MM or YYYY-MM-DD").strip()
    if raw and links.valid_date(raw) is None:
        st.warning(f"{label}: use YYYY, YYYY-MM or YYYY-MM-DD.")
        return value
    return raw or None


def _filters(state: ViewState, typed_exist: bool, tag: str) -> ViewState:
    """Sidebar filters, drawn from the URL's state; returns the state the user asked for."""
    with st.sidebar:
        st.subheader("Filters")
        hops = st.slider("Hops from the focus", 1, MAX_HOPS, state.hops, key=f"hops@{tag}")
        types = st.multiselect("Entity types", VIEW_TYPES, default=list(state.types or VIEW_TYPES),
                               key=f"types@{tag}")
        rels = st.multiselect("Relationship types", VIEW_RELATIONS,
                              default=list(relations_for(state, typed_exist)), key=f"rels@{tag}",
                              help="Co-mentions (same sentence) are off by default once typed relations exist.")
        min_docs = st.number_input("At least this many documents per edge", 1, 1000, state.min_docs,
                                   key=f"min_docs@{tag}")
        c1, c2 = st.columns(2)
        with c1:
            date_from = _date_box("Published from", state.date_from, f"from@{tag}")
        with c2:
            date_to = _date_box("Published to", state.date_to, f"to@{tag}")
        cap = st.number_input("Node cap", 1, MAX_CAP, state.cap, step=50, key=f"cap@{tag}",
                              help="Keeps the best-connected nodes; says how many were left out.")
    new_types = None if set(types) == set(VIEW_TYPES) else tuple(t for t in VIEW_TYPES if t in types)
    chosen = tuple(r for r in VIEW_RELATIONS if r in rels)
    new_rels = None if state.rels is None and chosen == relations_for(state, typed_exist) else chosen
    return replace(state, hops=int(hops), types=new_types, rels=new_rels, min_docs=int(min_docs),
                   date_from=date_from, date_to=date_to, cap=int(cap))


def _removal(state: ViewState, sub: Subgraph, tag: str) -> ViewState:
    """A multiselect of nodes to take off the view (the focus cannot be removed)."""
    names = {n["id"]: f"{n['label']} ({n['type']})" for n in sub.nodes}
    options = [i for i in names if i != state.focus] + [r for r in state.removed if r not in names]
    with st.sidebar:
        removed = st.multiselect("Removed from the view", options, default=list(state.removed),
                                 format_func=lambda i: names.get(i, i), key=f"removed@{tag}")
    return replace(state, removed=tuple(removed))


def _overview_page() -> None:
    counts, top = _overview()
    if not counts:
        st.info("The graph is empty. Load the sample corpus with `kg ingest examples/news` "
                "(or `make demo`), then reload this page.")
        st.stop()
    st.caption("Search an entity in the sidebar, or start from one of the best-connected entities below.")
    for what, title in (("node", "Nodes"), ("relation", "Relations")):
        group = [c for c in counts if c["what"] == what]
        if group:
            st.markdown(f"**{title}**")
            cols = st.columns(6)
            for i, c in enumerate(group):
                cols[i % len(cols)].metric(c["kind"], c["count"])
    if top:
        st.subheader("Best-connected entities")
        st.dataframe(
            [{"entity": t["name"], "type": t["type"], "relations": t["degree"], "mentions": t["mentionCount"],
              "explore": links.explore(t["id"])} for t in top],
            hide_index=True, key="explore_top",
            column_config={"explore": st.column_config.LinkColumn("explore", display_text="focus")},
        )


def _share(state: ViewState) -> None:
    """The link that reopens this view, with the copy button st.code provides."""
    base = (st.context.url or "").split("?")[0]
    query = state.url().partition("?")[2]
    st.caption("Link to this view (copy with the button on the right):")
    st.code(base + ("?" + query if query else ""), language=None, wrap_lines=True)


def render() -> None:
    """Draw the Explore page."""
    state = ViewState.from_params(st.query_params)
    tag = hashlib.sha1(state.url().encode()).hexdigest()[:10]
    state = _search(state)
    typed_exist = _typed_relations_exist()
    mode = st.sidebar.radio("Clicking a node", ["focus", "expand"], horizontal=True, key="explore_click_mode",
                            format_func={"focus": "focuses on it", "expand": "adds its neighbours"}.get)
    state = _filters(state, typed_exist, tag)
    links.publish(state)
    if not state.focus:
        st.title("Explore")
        _overview_page()
        return

    with st.spinner("Reading the neighbourhood…"):
        sub = _subgraph(state, typed_exist)
    if state.focus in sub.missing:
        st.title("Explore")
        st.error(f"No entity has the id {_text(state.focus)}. It may have been removed by a re-ingest.")
        st.markdown(f"[Start again from the overview]({links.explore()})")
        st.stop()
    new_state = _removal(state, sub, tag)
    if new_state != state:
        links.publish(new_state)
        st.rerun()

    focus = next((n for n in sub.nodes if n["id"] == state.focus), None)
    st.header(_text(focus["label"] if focus else state.focus), anchor=False)
    notes = [f"{focus['type'] if focus else ''} · {len(sub.nodes)} nodes, {len(sub.edges)} edges"]
    if sub.left_out:
        notes.append(f"{sub.left_out} more left out by the node cap of {state.cap} (raise it in the sidebar)")
    if sub.truncated:
        notes.append("the neighbourhood was cut at the row limit: narrow the filters")
    st.caption(" · ".join(notes))
    if len(sub.nodes) <= 1:
        st.info("Nothing is linked to this entity with the current filters. Allow more relationship types "
                "(co-mentions, for example), lower the minimum documents or widen the dates.")
    render_graph(sub.nodes, sub.edges, key="explore_graph", height=GRAPH_HEIGHT,
                 click=links.click_templates(state), click_mode=mode)
    show_legend(sorted({n["type"] for n in sub.nodes if n.get("type")}))
    _share(state)
    names = {n["id"]: n["label"] for n in sub.nodes}
    st.subheader("Relations on screen", anchor=False)
    show_relations(sub.edges, names)
    st.subheader("Export this view", anchor=False)
    download_buttons(sub.nodes, sub.edges, state.url(), stem=f"kg-{state.focus.replace(':', '-')}")
