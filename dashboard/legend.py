"""The legend under a graph: one swatch per node type and the meaning of edge width and dashes."""
from __future__ import annotations

import streamlit as st

from dashboard.style import NODE_STYLE

_SYMBOL = {"dot": "●", "diamond": "◆", "triangle": "▲", "star": "★", "square": "■"}


def legend_html(types: list[str] | None = None) -> str:
    """The legend as HTML built only from our own fixed names and colours (no article text)."""
    shown = [t for t in NODE_STYLE if types is None or t in types]
    items = [
        f'<span style="margin-right:1.2em"><span style="color:{NODE_STYLE[t][0]};font-size:1.2em">'
        f'{_SYMBOL.get(NODE_STYLE[t][1], "●")}</span> {t}</span>'
        for t in shown
    ]
    items.append('<span style="margin-right:1.2em">━ thicker edge = more documents</span>')
    items.append('<span>┅ dashed edge = a single document</span>')
    return '<div style="font-size:0.9em">' + "".join(items) + "</div>"


def show_legend(types: list[str] | None = None) -> None:
    """Draw the legend for the node types on screen."""
    st.markdown(legend_html(types), unsafe_allow_html=True)
