"""The links my pages emit (entity, document, explore focus, paths), delegating to dashboard/links.py.

Until links.py lands, the same URLs are built here from the page paths in app.py.
"""
from __future__ import annotations

from urllib.parse import urlencode


def _url(page: str, **params: object) -> str:
    kept = {k: v for k, v in params.items() if v not in (None, "", [])}
    return page + ("?" + urlencode(kept, doseq=True) if kept else "")


def entity(entity_id: str) -> str:
    """The Entity page for one entity."""
    return _url("entity", id=entity_id)


def document(doc_id: str) -> str:
    """The Documents page showing one document."""
    return _url("documents", doc=doc_id)


def explore(focus: str) -> str:
    """The Explore page focused on one entity."""
    return _url("explore", focus=focus)


def paths(src: str | None, dst: str | None, k: int | None = None) -> str:
    """The Paths page between two entities."""
    return _url("paths", src=src, dst=dst, k=k)


def overview() -> str:
    """The Overview page."""
    return "overview"


def show_links(items: list[tuple[str, str]]) -> None:
    """A row of links; labels are fixed text written by us, URLs come from the builders above."""
    import streamlit as st

    st.markdown(" · ".join(f"[{label}]({url})" for label, url in items))


def documents() -> str:
    """The Documents page (the list)."""
    return "documents"
