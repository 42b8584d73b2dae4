"""Entity page (?id=...): what one thing is, what it is linked to and why, and when things happened to it."""
from __future__ import annotations

from typing import Any

import streamlit as st

from cypher.model import ENTITY_TYPES, TYPED_RELATIONS
from dashboard import links
from dashboard.db import rows
from dashboard.evidence_table import COLUMNS, link_row, markdown_safe, relation_rows, show_table, web_url
from dashboard.search import search_box
from dashboard.share import share_link
from dashboard.views.overview import most_connected
from dashboard.timeline import timeline_chart, timeline_rows

# ISSUED and TARGETS lead to Designation nodes: they are shown in the timeline instead.
RELATIONS_SHOWN = tuple(t for t in TYPED_RELATIONS if t not in ("ISSUED", "TARGETS"))
HIDDEN_PROPERTIES = {"id", "name", "aliases", "aliasText"}
RELATION_CAP = 500
START_CAP = 20  # entities offered on the page opened without one


@st.cache_data(ttl=60, show_spinner=False)
def load(entity_id: str) -> dict[str, Any] | None:
    """Everything the page shows about one entity, or None when no entity has that id."""
    found = rows("entity_detail", id=entity_id)
    if not found:
        return None
    return {
        "entity": found[0],
        "relations": rows("entity_relations", id=entity_id, types=list(RELATIONS_SHOWN), cap=RELATION_CAP),
        "designations": rows("entity_designations", id=entity_id),
        "incidents": rows("entity_incidents", id=entity_id),
        "documents": rows("entity_documents", id=entity_id, cap=RELATION_CAP),
    }


def _jump(key: str, current: str | None) -> None:
    """A sidebar search; picking a new entity switches the page (and the URL) to it."""
    with st.sidebar:
        picked = search_box(key, "Find another entity" if current else "Find an entity")
    last = st.session_state.get(f"{key}_applied")
    if picked and picked != current and picked != last:
        st.session_state[f"{key}_applied"] = picked
        st.query_params["id"] = picked
        st.rerun()


def _header(entity: dict[str, Any]) -> None:
    st.title(markdown_safe(entity["name"] or entity["id"]))
    st.caption(f"{entity['type']} · {markdown_safe(entity['id'])}")
    aliases = ", ".join(str(a) for a in entity["aliases"]) or "(no other names seen)"
    st.markdown("**Also known as:** " + markdown_safe(aliases))
    props = {k: v for k, v in sorted(entity["properties"].items()) if k not in HIDDEN_PROPERTIES}
    if props:
        st.dataframe([{"property": k, "value": str(v)} for k, v in props.items()], hide_index=True,
                     key="entity_properties")
    link_row([("Explore this entity", links.explore(entity["id"])),
              ("Find paths from here", links.paths(entity["id"], None))])
    share_link(links.entity(entity["id"]), "Link to this entity (copy with the button on the right):")


def _relations(relations: list[dict[str, Any]]) -> None:
    st.header("Relations")
    if not relations:
        st.info("No typed relations yet: this entity is only mentioned, not linked.")
        return
    for rtype in RELATIONS_SHOWN:
        group = [r for r in relations if r["relation"] == rtype]
        if group:
            st.subheader(f"{rtype} ({len(group)})")
            show_table(relation_rows(group), key=f"relations_{rtype}",
                       columns={"relation": None})


def _timeline(designations: list[dict[str, Any]], incidents: list[dict[str, Any]]) -> None:
    st.header("Timeline")
    events = timeline_rows(designations, incidents)
    if not events:
        st.info("No designations or incidents recorded for this entity.")
        return
    st.caption("Ordered by when it happened, not when it was reported.")
    chart = timeline_chart(events)
    if chart is not None:
        st.altair_chart(chart, width="stretch")
    for e in events:
        e["document"] = links.document(e["_doc"]) if e["_doc"] else None
    order = ["date", "event", "what", "place", "killed", "role", "kind", "authority", "reason", "status",
             "document", "evidence"]
    st.dataframe(events, hide_index=True, width="stretch", column_order=order, key="timeline",
                 column_config={"document": COLUMNS["document"], "evidence": COLUMNS["evidence"]})


def _documents(documents: list[dict[str, Any]]) -> None:
    st.header(f"Documents that mention it ({len(documents)})")
    if not documents:
        st.info("No document mentions this entity.")
        return
    table = [
        {"publishedAt": d["publishedAt"], "title": d["title"], "source": d["source"], "mentions": d["mentions"],
         "as": ", ".join(d["surfaceForms"]), "document": links.document(d["id"]), "url": web_url(d["url"])}
        for d in documents
    ]
    show_table(table, key="entity_documents", columns={"url": st.column_config.LinkColumn("original")})


def _start() -> None:
    """The page without an entity: where to begin (and, by reading the graph, says at once if Neo4j is down)."""
    st.title("Entity")
    top = most_connected(tuple(ENTITY_TYPES), START_CAP)
    st.info("Search for an entity in the sidebar, or open one of the most connected entities below.")
    if not top:
        st.warning("No entity has a typed relation yet. Run `kg ingest examples/news`, then reload this page.")
        return
    show_table([{"name": e["name"], "type": e["type"], "degree": e["degree"], "open": links.entity(e["id"])}
                for e in top], key="entity_start")


def render() -> None:
    """Draw the page for the entity named by `?id=`."""
    entity_id = st.query_params.get("id")
    _jump("entity_jump", entity_id)
    if not entity_id:
        _start()
        st.stop()
    data = load(entity_id)
    if data is None:
        st.error(f"No entity found with id {entity_id!r}. It may have been removed by a re-ingest.")
        st.info("Search for it by name in the sidebar, or go back to the Overview page.")
        link_row([("Go to the Overview", links.ViewState(page="overview").url())])
        st.stop()
    _header(data["entity"])
    _relations(data["relations"])
    _timeline(data["designations"], data["incidents"])
    _documents(data["documents"])
