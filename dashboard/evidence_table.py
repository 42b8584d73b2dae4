"""Relation tables with an evidence column: one row per evidence sentence, each with its document link.

Every relation table on the Entity, Documents and Paths pages is built here,
so each shows the sentence an edge came from and links to that document.
Article text stays plain data (st.dataframe shows it as text, never HTML).
"""
from __future__ import annotations

import re
from typing import Any

import streamlit as st

from dashboard import links

ARROW = {True: "→", False: "←"}


def evidence_pairs(
    evidence: list[str] | None, evidence_doc_ids: list[str] | None, doc_ids: list[str] | None = None
) -> list[tuple[str, str | None]]:
    """(sentence, document id) pairs without repeats; one empty pair when an edge has no evidence."""
    evidence = list(evidence or [])
    ev_docs = list(evidence_doc_ids or [])
    fallback = (doc_ids or [None])[0] if doc_ids else None
    pairs: list[tuple[str, str | None]] = []
    for i, sentence in enumerate(evidence):
        pair = (str(sentence), ev_docs[i] if i < len(ev_docs) else fallback)
        if pair not in pairs:
            pairs.append(pair)
    return pairs or [("", fallback)]


def relation_detail(rel: dict[str, Any]) -> str:
    """'role: leader, former' style summary of the relation's own properties."""
    parts = []
    if rel.get("role"):
        parts.append(str(rel["role"]))
    if rel.get("how"):
        parts.append(str(rel["how"]))
    if rel.get("former"):
        parts.append("former")
    return ", ".join(parts)


def relation_rows(relations: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rows for a relation table: relation, direction, other end, detail, docs, evidence, document link."""
    out = []
    for rel in relations:
        for sentence, doc_id in evidence_pairs(rel.get("evidence"), rel.get("evidenceDocIds"), rel.get("docIds")):
            out.append({
                "relation": rel["relation"],
                "dir": ARROW[bool(rel.get("outgoing", True))],
                "other": rel.get("other") or rel.get("otherId"),
                "type": rel.get("otherType") or "",
                "detail": relation_detail(rel),
                "docs": int(rel.get("docCount") or 0),
                "document": links.document(doc_id) if doc_id else None,
                "open": links.entity(rel["otherId"]) if rel.get("otherId") else None,
                "evidence": sentence,
            })
    return out


def edge_rows(edges: list[dict[str, Any]], *, only_doc: str | None = None) -> list[dict[str, Any]]:
    """Rows for a from -> relation -> to table; with `only_doc`, only the evidence read from that document."""
    out = []
    for rel in edges:
        pairs = evidence_pairs(rel.get("evidence"), rel.get("evidenceDocIds"), rel.get("docIds"))
        if only_doc:
            pairs = [p for p in pairs if p[1] == only_doc] or [("", only_doc)]
        for sentence, doc_id in pairs:
            out.append({
                "from": rel.get("source") or rel.get("sourceId"),
                "relation": rel["relation"],
                "to": rel.get("target") or rel.get("targetId"),
                "detail": relation_detail(rel),
                "docs": int(rel.get("docCount") or 0),
                "document": links.document(doc_id) if doc_id else None,
                "evidence": sentence,
            })
    return out


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:])")


def markdown_safe(text: object) -> str:
    """Text from an article, with every Markdown character escaped, for titles and captions."""
    return _MD_SPECIAL.sub(r"\\\1", str(text))


def web_url(url: object) -> str | None:
    """The URL if it is http(s), else None: a document's url is article metadata, not trusted."""
    text = str(url or "").strip()
    return text if text.lower().startswith(("https://", "http://")) else None


COLUMNS = {
    "dir": st.column_config.TextColumn("", width="small"),
    "docs": st.column_config.NumberColumn("docs", help="documents that support this relation", width="small"),
    "evidence": st.column_config.TextColumn("evidence", help="the sentence the relation was read from", width="large"),
    "document": st.column_config.LinkColumn("document", display_text=r"doc=([^&]+)", help="open the source document"),
    "open": st.column_config.LinkColumn("entity", display_text="open", width="small"),
}


def show_table(data: list[dict[str, Any]], *, key: str, columns: dict[str, Any] | None = None) -> None:
    """A read-only table with link columns configured; article text is shown as plain text."""
    st.dataframe(data, hide_index=True, width="stretch", column_config={**COLUMNS, **(columns or {})}, key=key)


def link_row(items: list[tuple[str, str]]) -> None:
    """A row of links; labels are fixed text written by us, URLs come from dashboard/links.py."""
    st.markdown(" · ".join(f"[{label}]({url})" for label, url in items))
