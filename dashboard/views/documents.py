"""Documents page: what was ingested (filterable), and one document (?doc=ID) with its entities and relations."""
from __future__ import annotations

import datetime as dt
from typing import Any

import streamlit as st

from cypher.model import ENTITY_TYPES, TYPED_RELATIONS
from dashboard import links
from dashboard.db import rows
from dashboard.evidence_table import edge_rows, link_row, markdown_safe, show_table, web_url

LIST_CAP = 1000
RELATION_CAP = 1000


@st.cache_data(ttl=60, show_spinner=False)
def sources() -> list[dict[str, Any]]:
    """Every source with its document count."""
    return rows("documents_sources")


@st.cache_data(ttl=60, show_spinner=False)
def documents(text: str = "", chosen: tuple[str, ...] = (), since: str | None = None, until: str | None = None,
              cap: int = LIST_CAP) -> list[dict[str, Any]]:
    """Documents newest first, filtered by words in title/source/id, sources and a publishedAt range."""
    before = (dt.date.fromisoformat(until) + dt.timedelta(days=1)).isoformat() if until else None
    return rows("documents_list", text=text.strip().lower(), sources=list(chosen), since=since, before=before, cap=cap)


@st.cache_data(ttl=60, show_spinner=False)
def document(doc_id: str) -> dict[str, Any] | None:
    """One document with the entities it mentions and the relations it supports; None if unknown."""
    found = rows("documents_detail", id=doc_id)
    if not found:
        return None
    return {
        "document": found[0],
        "entities": rows("documents_entities", id=doc_id),
        "relations": rows("documents_relations", id=doc_id, types=list(TYPED_RELATIONS), cap=RELATION_CAP),
    }


def document_table(docs: list[dict[str, Any]], *, key: str) -> None:
    """Title, source, publishedAt, entity count and a link to each document."""
    table = [{"publishedAt": d["publishedAt"], "title": d["title"], "source": d["source"],
              "entities": d["entities"], "document": links.document(d["id"])} for d in docs]
    show_table(table, key=key)


def _date(raw: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(raw) if raw else None
    except ValueError:
        return None


def url_filters(options: list[str]) -> tuple[str, list[str], tuple[dt.date, ...]]:
    """The list's filter as the URL gives it (?q=, ?source=, ?from=, ?to=); unknown sources and bad dates dropped."""
    qp = st.query_params
    since, until = _date(qp.get("from")), _date(qp.get("to"))
    dates = (since, until) if since and until else (since,) if since else ()
    return (qp.get("q") or "")[:200], [c for c in qp.get_all("source") if c in options], dates


def publish_filters(text: str, chosen: list[str], since: str | None, until: str | None) -> None:
    """Put the list's filter in the URL, so a link reopens the same list."""
    params: dict[str, str | list[str]] = {}
    if text:
        params["q"] = text
    if chosen:
        params["source"] = list(chosen)
    if since:
        params["from"] = since
    if until:
        params["to"] = until
    qp = st.query_params
    if {k: (qp.get_all(k) if k == "source" else qp.get(k)) for k in qp} != params:
        qp.from_dict(params)


def _list() -> None:
    st.title("Documents")
    all_sources = sources()
    if not all_sources:
        st.info("No document has been ingested yet. Run `kg ingest examples/news`, then reload this page.")
        st.stop()
    total = sum(s["documents"] for s in all_sources)
    options = [s["source"] for s in all_sources]
    url_text, url_chosen, url_dates = url_filters(options)
    c1, c2, c3 = st.columns([2, 2, 2])
    text = c1.text_input("Filter", value=url_text, key="documents_filter",
                         placeholder="words in the title, source or id")
    chosen = c2.multiselect("Sources", options, default=url_chosen, key="documents_sources")
    dates = c3.date_input("Published between", value=url_dates, key="documents_dates")
    since = until = None
    if isinstance(dates, (tuple, list)) and dates:
        since = dates[0].isoformat()
        until = dates[-1].isoformat() if len(dates) > 1 else None
    publish_filters(text.strip(), chosen, since, until)
    found = documents(text, tuple(chosen), since, until)
    if not found:
        st.warning(f"No document out of {total} matches this filter.")
        link_row([("Clear the filter", links.ViewState(page="documents").url())])
        return
    more = " (the first ones)" if len(found) >= LIST_CAP else ""
    st.caption(f"{len(found)} of {total} documents{more}, newest first.")
    document_table(found, key="documents_list")


def _one(doc_id: str) -> None:
    data = document(doc_id)
    link_row([("All documents", links.ViewState(page="documents").url())])
    if data is None:
        st.error(f"No document found with id {doc_id!r}. It may have been removed or re-ingested.")
        st.stop()
    doc = data["document"]
    st.title(markdown_safe(doc["title"] or doc["id"]))
    meta = {k: doc[k] for k in ("source", "author", "publishedAt", "ingestedAt", "path", "id") if doc.get(k)}
    st.dataframe([{"field": k, "value": str(v)} for k, v in meta.items()], hide_index=True, key="document_meta")
    url = web_url(doc.get("url"))
    if url:
        st.link_button("Open the original article", url)
    elif doc.get("url"):
        st.text(f"url: {doc['url']}")

    entities = data["entities"]
    st.header(f"Entities it mentions ({len(entities)})")
    if not entities:
        st.info("No entity was found in this document.")
    for etype in ENTITY_TYPES:
        group = [e for e in entities if e["type"] == etype]
        if group:
            st.subheader(f"{etype} ({len(group)})")
            show_table([{"name": e["name"], "mentions": e["mentions"], "as": ", ".join(e["surfaceForms"]),
                         "open": links.entity(e["id"])} for e in group], key=f"document_entities_{etype}")

    relations = data["relations"]
    st.header(f"Relations read from it ({len(relations)})")
    if relations:
        show_table(edge_rows(relations, only_doc=doc_id), key="document_relations")
    else:
        st.info("No typed relation was extracted from this document.")


def render() -> None:
    """The document list, or one document when the URL names it with `?doc=`."""
    doc_id = st.query_params.get("doc")
    if doc_id:
        _one(doc_id)
    else:
        _list()
