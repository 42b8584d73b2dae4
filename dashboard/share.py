"""The "link to this view" box: the page's own address with its view state, and st.code's copy button."""
from __future__ import annotations

import streamlit as st


def share_link(relative: str, label: str = "Link to this view (copy with the button on the right):") -> None:
    """Show the absolute link for `relative` (a page path plus query string, from dashboard.links)."""
    base = (st.context.url or "").split("?")[0]
    root = base.rsplit("/", 1)[0] if "/" in base.partition("://")[2] else base
    st.caption(label)
    st.code(f"{root.rstrip('/')}/{relative}", language=None, wrap_lines=True)
