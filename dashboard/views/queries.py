"""Queries page: the query library (files plus queries saved in Neo4j) and a read-only Cypher editor.

The chosen query and its parameter values live in the URL (`q=NAME&p.NAME=VALUE`),
so a link reruns the same query. Values from the URL are typed by the query's
header and only ever passed as query parameters; `_` names are never read from it.
Every run goes through cypher.guard: lexical check, EXPLAIN == "r", then a read
transaction with the timeout and row cap set in the sidebar.
"""
from __future__ import annotations

import re
from typing import Any

import streamlit as st
from neo4j import Driver

from cypher import guard, library, saved
from cypher.errors import KgError, QueryRefused
from cypher.library import DISPLAYS, Param, Query
from cypher.messages import user_message
from cypher.parameters import coerce, infer, is_server_filled, named_parameters, to_text
from dashboard import links
from dashboard.db import driver
from dashboard.results import show

URL_QUERY = "q"
URL_PARAM = "p."
EXAMPLE = "MATCH (p:Person)-[l:LEADS]->(o:Organization)\nRETURN p.name AS leader, l.role AS role, o.name AS organization\nLIMIT 25"


def render() -> None:
    st.title("Queries")
    st.caption("Saved questions about the graph, and your own read-only Cypher. Nothing here can change the graph.")
    drv = driver()
    limits = _limits()
    if limits is None:
        return
    try:
        catalog = saved.catalog(drv)
    except KgError as exc:
        st.error(user_message(exc))
        catalog = library.file_queries()
    _library(drv, catalog, limits)
    st.divider()
    _editor(drv, limits)


def _limits() -> guard.Limits | None:
    """Timeout and row cap, shared by library runs and the editor."""
    st.sidebar.subheader("Query limits")
    timeout = st.sidebar.number_input("Timeout (seconds)", min_value=0.5, max_value=600.0, step=1.0,
                                      value=guard.DEFAULT_TIMEOUT, key="queries_timeout",
                                      help="The server stops a query that runs longer than this.")
    cap = st.sidebar.number_input("Row cap", min_value=1, max_value=100_000, step=100, value=guard.DEFAULT_ROW_CAP,
                                  key="queries_row_cap", help="At most this many rows are read.")
    try:
        return guard.Limits(timeout=float(timeout), row_cap=int(cap))
    except KgError as exc:
        st.error(user_message(exc))
        return None


# ---- the library ----

def _library(drv: Driver, catalog: list[Query], limits: guard.Limits) -> None:
    st.header("Library")
    flash = st.session_state.pop("queries_flash", None)
    if flash:
        st.success(flash)
    url_name = st.query_params.get(URL_QUERY)
    if url_name and not any(q.name == url_name for q in catalog):
        st.error(user_message(KgError(f"no query named {url_name!r} in the library or the database")))
        url_name = None
    search = st.text_input("Search the library", key="queries_search", placeholder="designation, incident, leader ...")
    found = library.search(catalog, search)
    if url_name and not any(q.name == url_name for q in found):
        found = [q for q in catalog if q.name == url_name] + found
    if not found:
        st.info("No query matches that search.")
        return
    names = [q.name for q in found]
    titles = {q.name: q.title + (" (saved)" if q.source == "saved" else "") for q in found}
    choice = st.selectbox("Query", names, index=names.index(url_name) if url_name in names else 0,
                          format_func=lambda n: f"{titles[n]}  ·  {n}", key="queries_choice")
    query = library.find(choice, found)
    _describe(query)
    url_values = _url_values(query) if choice == url_name else {}
    values = _widgets(drv, query, url_values)
    _publish(query, values)
    missing = [p.name for p in query.params if values.get(p.name) is None]
    if missing:
        st.info(f"Fill in {', '.join(missing)} to run this query.")
        return
    rerun = _manage(drv, query)
    try:
        params = library.bind(query, values)
        outcome = _cached_run(drv, query.text, params, limits, rerun=rerun)
    except KgError as exc:
        st.error(user_message(exc))
        return
    show(outcome, query.display, key=f"lib_{query.name}", name=query.name)


def _md(text: str) -> str:
    """Text shown as itself in Markdown: saved titles and entity names come from users and articles."""
    return re.sub(r"([\\`*_\[\]<>#|~$])", r"\\\1", text)


def _describe(query: Query) -> None:
    st.subheader(_md(query.title))
    if query.description:
        st.markdown(_md(query.description))
    where = (f"library file `cypher/queries/{query.name}.cypher`" if query.source == "file"
             else f"saved in the database{f' on {query.created_at}' if query.created_at else ''}")
    st.caption(f"`{query.name}` · {where} · shown as {query.display.kind}")
    with st.expander("Cypher"):
        st.code(query.text, language="cypher")


def _url_values(query: Query) -> dict[str, Any]:
    """Typed values for declared parameters from the URL; anything else in the URL is ignored."""
    out: dict[str, Any] = {}
    for key in st.query_params:
        if not key.startswith(URL_PARAM):
            continue
        name = key[len(URL_PARAM):]
        param = query.param(name)
        if param is None or is_server_filled(name):
            continue
        try:
            out[name] = coerce(st.query_params[key], param.type, name=name)
        except ValueError as exc:
            st.error(user_message(QueryRefused(f"the link's value for {name} is not usable ({exc}); using the default")))
    return out


def _widgets(drv: Driver, query: Query, url_values: dict[str, Any]) -> dict[str, Any]:
    """One widget per parameter, by type; returns typed values (None for a required one left empty)."""
    values: dict[str, Any] = {}
    for p in query.params:
        start = url_values.get(p.name, p.default)
        values[p.name] = _widget(p, start, key=f"qp_{query.name}_{p.name}")
        if p.type == "entity" and values[p.name]:
            _resolved(drv, values[p.name])
    return values


def _resolved(drv: Driver, value: str) -> None:
    """Say which entity an entity value picks, so a typo is visible before the empty result."""
    try:
        found = library.matching_entities(drv, value)
    except KgError as exc:
        st.error(user_message(exc))
        return
    if found:
        st.caption(_md("matches: " + "; ".join(f"{e['name']} ({e['type']}, {e['id']})" for e in found)))
    else:
        st.warning(f"No entity has the id, name or alias {value!r}.")


def _widget(p: Param, start: Any, *, key: str) -> Any:
    label = p.name + (" (required)" if p.required else "")
    helptext = p.help or None
    if p.type == "boolean":
        return st.checkbox(label, value=bool(start), help=helptext, key=key)
    if p.type == "integer":
        return st.number_input(label, value=None if start is None else int(start), step=1, help=helptext, key=key)
    if p.type == "float":
        return st.number_input(label, value=None if start is None else float(start), help=helptext, key=key)
    text = st.text_input(label, value=to_text(start, p.type), help=helptext, key=key,
                         placeholder={"entity": "id, name or alias", "date": "YYYY, YYYY-MM or YYYY-MM-DD",
                                      "list": "comma-separated"}.get(p.type, ""))
    if p.required and not text.strip():
        return None
    try:
        return coerce(text, p.type, name=p.name)
    except ValueError as exc:
        st.error(user_message(QueryRefused(str(exc))))
        return None


def _publish(query: Query, values: dict[str, Any]) -> None:
    """Put the query and its values in the URL so the address bar is a link to this result."""
    text_values = {p.name: to_text(values[p.name], p.type) for p in query.params if values.get(p.name) is not None}
    params = {URL_QUERY: query.name, **{URL_PARAM + k: v for k, v in text_values.items()}}
    current = {k: st.query_params[k] for k in st.query_params}
    if current != params:
        st.query_params.from_dict(params)
    st.caption(f"Link to this result: `{links.queries(query.name, text_values)}`")


def _manage(drv: Driver, query: Query) -> bool:
    """Run again, export as a .cypher file, and (saved queries) delete; True when "Run again" was pressed."""
    again, left, right = st.columns([1, 1, 3])
    rerun = again.button("Run again", key="queries_rerun")
    left.download_button("Export .cypher", library.file_text(query) if query.source == "saved" else query.text,
                         file_name=f"{query.name}.cypher", mime="text/plain", key=f"export_{query.name}",
                         on_click="ignore")
    if query.source == "saved" and right.button("Delete this saved query", key=f"delete_{query.name}"):
        try:
            saved.delete(drv, query.name)
        except KgError as exc:
            st.error(user_message(exc))
            return rerun
        st.query_params.clear()
        st.session_state.pop("queries_choice", None)
        st.session_state["queries_flash"] = f"Deleted saved query {query.name}."
        st.rerun()
    return rerun


def _cached_run(drv: Driver, text: str, params: dict[str, Any], limits: guard.Limits, *, rerun: bool) -> guard.Outcome:
    """Run once per (query, values, limits) in this session, so unrelated widgets do not rerun it."""
    key = repr((text, sorted(params.items()), limits))
    cache = st.session_state.setdefault("queries_results", {})
    if rerun or key not in cache:
        cache.clear()
        cache[key] = guard.run(drv, text, params, limits=limits)
    return cache[key]


# ---- the editor ----

def _editor(drv: Driver, limits: guard.Limits) -> None:
    st.header("Write your own")
    st.caption("Runs only if EXPLAIN says the query only reads; then in a read transaction with the sidebar's "
               "timeout and row cap. Use $name for values: they are passed as parameters.")
    cypher = st.text_area("Cypher", key="editor_cypher", height=180, placeholder=EXAMPLE)
    names = [n for n in named_parameters(cypher) if not is_server_filled(n)]
    values = {n: st.text_input(f"${n}", key=f"editor_param_{n}") for n in names}
    if st.button("Run", key="editor_run", type="primary"):
        st.session_state["editor_result"] = _attempt(drv, cypher, values, limits)
    result = st.session_state.get("editor_result")
    if result:
        outcome, error, where = result
        if error:
            st.error(error)
            if where:
                st.code(where, language=None)
        else:
            show(outcome, library.Display(), key="editor", name="query")
    _save_form(drv, cypher, values)


def _attempt(drv: Driver, cypher: str, values: dict[str, str], limits: guard.Limits
             ) -> tuple[guard.Outcome | None, str | None, str | None]:
    """(outcome, error line, the offending line with a caret) for one editor run."""
    try:
        return guard.run(drv, cypher, {k: infer(v)[1] for k, v in values.items()}, limits=limits), None, None
    except guard.QuerySyntaxError as exc:
        return None, user_message(exc), _caret(cypher, exc.line, exc.column)
    except KgError as exc:
        return None, user_message(exc), None


def _caret(text: str, line: int | None, column: int | None) -> str | None:
    lines = text.splitlines()
    if line is None or column is None or not 1 <= line <= len(lines):
        return None
    return f"{lines[line - 1]}\n{' ' * (column - 1)}^ line {line}, column {column}"


def _save_form(drv: Driver, cypher: str, values: dict[str, str]) -> None:
    with st.expander("Save this query for everyone using this database"):
        title = st.text_input("Title", key="save_title")
        description = st.text_area("Description", key="save_description", height=80)
        display = st.selectbox("Show as", DISPLAYS, key="save_display")
        if st.button("Save", key="editor_save"):
            try:
                query = saved.save(drv, title=title, description=description, cypher=cypher,
                                   params=values, display=display)
            except KgError as exc:
                st.error(user_message(exc))
                return
            st.success(f"Saved as `{query.name}`: it is now in the library for everyone using this database. "
                       f"Link: `{links.queries(query.name)}`")
