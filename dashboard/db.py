"""The dashboard's one connection, and reads that fail as a message, never a traceback."""
from __future__ import annotations

from typing import Any

import streamlit as st
from neo4j import Driver

from cypher.connection import connect
from cypher.errors import DatabaseUnavailable, KgError
from cypher.messages import fix, user_message, way_out
from cypher.reader import read
from cypher.statements import statement


@st.cache_resource(show_spinner=False)
def _driver() -> Driver:
    return connect()


def driver() -> Driver:
    """The cached driver; on failure shows what to do and stops the page."""
    try:
        return _driver()
    except DatabaseUnavailable as exc:
        st.error(f"error: cannot reach Neo4j at {exc.uri} ({exc.reason}).")
        st.info(f"To fix: {fix(exc)}, then reload this page.")
        st.stop()
        raise  # unreachable: st.stop() raises
    except KgError as exc:
        st.error(user_message(exc))
        st.info(f"To fix: {way_out()}, then reload this page.")
        st.stop()
        raise  # unreachable: st.stop() raises


def rows(name: str, **params: Any) -> list[dict[str, Any]]:
    """Run the saved statement `cypher/statements/<name>.cypher` with parameters; stop the page on failure."""
    try:
        return read(driver(), statement(name), params)
    except KgError as exc:
        st.error(user_message(exc))
        st.stop()
        raise
