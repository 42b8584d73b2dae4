"""Overview page: how big the graph is, who is most connected, what came in last, who designates whom."""
from __future__ import annotations

from typing import Any

import streamlit as st

from cypher.model import ENTITY_TYPES, RELATION_TYPES
from dashboard import links
from dashboard.db import rows
from dashboard.evidence_table import link_row, show_table
from dashboard.views.documents import document_table, documents

TOP_CAP = 25
NEWEST_CAP = 10


@st.cache_data(ttl=60, show_spinner=False)
def counts() -> dict[str, dict[str, int]]:
    """Node counts by label and relationship counts by type (every type of the model, zeros included)."""
    labels = {r["label"]: int(r["count"]) for r in rows("overview_label_counts")}
    found = {r["relation"]: int(r["count"]) for r in rows("overview_relation_counts")}
    return {"labels": labels, "relations": {t: found.get(t, 0) for t in RELATION_TYPES}}


@st.cache_data(ttl=60, show_spinner=False)
def most_connected(types: tuple[str, ...], cap: int = TOP_CAP) -> list[dict[str, Any]]:
    """Entities with the most typed relations."""
    return rows("overview_most_connected", types=list(types), cap=cap)


@st.cache_data(ttl=60, show_spinner=False)
def designations() -> list[dict[str, Any]]:
    """Designations grouped by authority and kind."""
    return rows("overview_designations")


def _counts(c: dict[str, dict[str, int]]) -> None:
    labels = c["labels"]
    cols = st.columns(len(labels))
    for col, (label, n) in zip(cols, labels.items()):
        col.metric(label, f"{n:,}")
    left, right = st.columns(2)
    with left:
        st.subheader("Entities by type")
        st.bar_chart({t: labels.get(t, 0) for t in ENTITY_TYPES}, horizontal=True, height=220)
    with right:
        st.subheader("Relationships by type")
        show_table([{"relation": t, "count": n} for t, n in c["relations"].items()], key="overview_relations")


def _most_connected() -> None:
    st.header("Most connected entities")
    raw = st.query_params.get_all("types")
    url_types = [] if raw == ["none"] else [t for t in ENTITY_TYPES if t in raw] or list(ENTITY_TYPES)
    types = st.multiselect("Entity types", ENTITY_TYPES, default=url_types,
                           key="overview_types")
    wanted = [] if set(types) == set(ENTITY_TYPES) else [t for t in ENTITY_TYPES if t in types] or ["none"]
    if raw != wanted:  # the list's filter lives in the URL, so a link reopens it
        if wanted:
            st.query_params["types"] = wanted
        else:
            del st.query_params["types"]
    if not types:
        st.warning("Pick at least one entity type to list the most connected entities.")
        return
    top = most_connected(tuple(types))
    if not top:
        st.info("No entity of these types has a typed relation yet.")
        return
    st.caption("Degree counts typed relations only (not co-mentions or mentions).")
    show_table([{"name": e["name"], "type": e["type"], "degree": e["degree"], "mentions": e["mentionCount"],
                 "documents": e["docCount"], "open": links.entity(e["id"]),
                 "explore": links.explore(e["id"])} for e in top], key="overview_top",
               columns={"explore": st.column_config.LinkColumn("explore", display_text="explore", width="small")})


def _designations() -> None:
    st.header("Designations by authority")
    found = designations()
    if not found:
        st.info("No designation has been extracted yet.")
        return
    show_table([{"authority": d["authority"], "kind": d["kind"], "designations": d["designations"],
                 "active": d["active"], "open": links.entity(d["authorityId"]) if d["authorityId"] else None}
                for d in found], key="overview_designations")


def render() -> None:
    """Counts, most connected entities, newest documents and designations by authority."""
    st.title("Overview")
    c = counts()
    if not any(c["labels"].values()):
        st.info("The graph is empty. Run `kg ingest examples/news`, then reload this page.")
        st.stop()
    _counts(c)
    _most_connected()
    st.header("Newest documents")
    newest = documents(cap=NEWEST_CAP)
    if newest:
        document_table(newest, key="overview_newest")
        link_row([("All documents", links.ViewState(page="documents").url())])
    else:
        st.info("No document has been ingested yet.")
    _designations()
