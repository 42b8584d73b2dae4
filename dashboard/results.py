"""Show a query's result: a table always, a graph when it holds nodes, relationships or paths,
a timeline or bar chart when the query's header asks for one, and CSV/JSON downloads.
"""
from __future__ import annotations

from typing import Any

import altair as alt
import streamlit as st

from cypher import records
from cypher.guard import Outcome
from cypher.library import Display
from dashboard import links
from dashboard.graph import render_graph
from dashboard.timeline import event_date

MAX_GRAPH_NODES = 300


def show(outcome: Outcome, display: Display, *, key: str, name: str = "query") -> None:
    """Everything about one result; `key` keeps widgets of different results apart."""
    plain = records.rows(outcome.records)
    note = f"{len(plain)} row{'s' if len(plain) != 1 else ''}"
    if outcome.truncated:
        note += " (stopped at the row cap; raise it in the sidebar to see more)"
    st.caption(note)
    if not plain:
        st.info("The query returned no rows.")
        return
    if display.kind == "bar":
        _bar(plain, outcome.columns, display)
    elif display.kind == "timeline":
        _timeline(plain, outcome.columns, display)
    if records.has_graph(outcome.records):
        _graph(outcome, key=key, first=display.kind == "graph")
    st.dataframe(records.table(plain), column_order=outcome.columns, hide_index=True, key=f"{key}_table")
    left, right = st.columns(2)
    left.download_button("Download CSV", records.to_csv(outcome.columns, plain), file_name=f"{name}.csv",
                         mime="text/csv", key=f"{key}_csv", on_click="ignore")
    right.download_button("Download JSON", records.to_json(plain), file_name=f"{name}.json",
                          mime="application/json", key=f"{key}_json", on_click="ignore")


def _graph(outcome: Outcome, *, key: str, first: bool) -> None:
    nodes, edges = records.graph(outcome.records)
    if len(nodes) > MAX_GRAPH_NODES:
        st.caption(f"The graph shows the first {MAX_GRAPH_NODES} of {len(nodes)} nodes.")
        nodes = nodes[:MAX_GRAPH_NODES]
    render_graph(nodes, edges, key=f"{key}_graph", height=500 if first else 400, click=links.open_templates(),
                 click_mode="open")


def _column(columns: list[str], plain: list[dict[str, Any]], wanted: str | None, numeric: bool) -> str | None:
    """The header's column if present, else the first column of the right kind."""
    if wanted in columns:
        return wanted
    for c in columns:
        value = next((r[c] for r in plain if r.get(c) is not None), None)
        if numeric == (isinstance(value, (int, float)) and not isinstance(value, bool)):
            return c
    return None


def _bar(plain: list[dict[str, Any]], columns: list[str], display: Display) -> None:
    label = _column(columns, plain, display.options.get("label"), numeric=False)
    value = _column(columns, plain, display.options.get("value"), numeric=True)
    if not label or not value:
        return
    data = [{label: str(records.cell(r.get(label))), value: r.get(value) or 0} for r in plain[:50]]
    chart = alt.Chart(alt.Data(values=data)).mark_bar().encode(
        x=alt.X(f"{value}:Q", title=value), y=alt.Y(f"{label}:N", sort="-x", title=label), tooltip=[f"{label}:N", f"{value}:Q"])
    st.altair_chart(chart, width="stretch")


def _timeline(plain: list[dict[str, Any]], columns: list[str], display: Display) -> None:
    date_col = display.options.get("date", "date")
    label = _column(columns, plain, display.options.get("label"), numeric=False)
    if date_col not in columns or not label:
        return
    data = [{"when": event_date(r.get(date_col)), "date": str(r.get(date_col)), label: str(records.cell(r.get(label)))}
            for r in plain]
    data = [d for d in data if d["when"]]
    if not data:
        return
    chart = alt.Chart(alt.Data(values=data)).mark_circle(size=90).encode(
        x=alt.X("when:T", title="date"), y=alt.Y(f"{label}:N", title=label, sort=None), tooltip=["date:N", f"{label}:N"])
    st.altair_chart(chart, width="stretch")
