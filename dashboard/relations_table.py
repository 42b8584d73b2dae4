"""The table under the Explore graph: one row per evidence sentence, with a link to its document."""
from __future__ import annotations

from typing import Any

import streamlit as st

from dashboard import links
from dashboard.evidence_table import evidence_pairs


def relation_rows(edges: list[dict[str, Any]], names: dict[str, str]) -> list[dict[str, Any]]:
    """from, relation, to, documents, evidence sentence and document link; one row per sentence."""
    out = []
    for e in edges:
        for sentence, doc in evidence_pairs(e.get("evidence"), e.get("evidenceDocIds"), e.get("docIds")):
            out.append({
                "from": names.get(e["source"], e["source"]),
                "relation": e["type"],
                "to": names.get(e["target"], e["target"]),
                "docs": int(e.get("docCount") or 0),
                "evidence": sentence,
                "document": links.document(doc) if doc else None,
            })
    return out


def show_relations(edges: list[dict[str, Any]], names: dict[str, str]) -> None:
    """The relations table (article text shown as plain text by st.dataframe)."""
    data = relation_rows(edges, names)
    if not data:
        st.caption("No relation on screen.")
        return
    st.dataframe(
        data, hide_index=True, key="explore_relations",
        column_config={
            "docs": st.column_config.NumberColumn("docs", help="documents that support this relation",
                                                  width="small"),
            "evidence": st.column_config.TextColumn("evidence", width="large"),
            "document": st.column_config.LinkColumn("document", display_text=r"documents\?doc=(.*)"),
        },
    )
