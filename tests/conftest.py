"""Shared fixtures. Storage tests use the real Neo4j server named by NEO4J_URI (make test starts one)."""
from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any
from pathlib import Path

import pytest
from neo4j import Driver

from cypher.connection import connect
from cypher.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_CORPUS = ROOT / "examples" / "news"


@pytest.fixture(scope="session")
def settings() -> Settings:
    return Settings.from_env()


@pytest.fixture(scope="session")
def driver(settings: Settings) -> Iterator[Driver]:
    """A real driver; the test fails (not skips) when the server is not there."""
    drv = connect(settings)
    yield drv
    drv.close()


def wipe(drv: Driver) -> None:
    """Delete everything, in batches (CALL IN TRANSACTIONS needs an auto-commit session)."""
    with drv.session(database=Settings.from_env().database) as session:
        session.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS").consume()


@pytest.fixture
def empty_graph(driver: Driver) -> Iterator[Driver]:
    """An empty database for the test, emptied again afterwards: tests clean up what they write."""
    wipe(driver)
    yield driver
    wipe(driver)


def loaded_graph(driver: Driver, load: Callable[[Driver], None], clear_cache: bool = False) -> Iterator[Driver]:
    """Empty the database, write a fixture graph with `load`, yield the driver, then empty it again.

    `clear_cache` also clears Streamlit's data cache on both sides, for tests that run pages in-process.
    """
    def clear() -> None:
        if clear_cache:
            import streamlit as st

            st.cache_data.clear()

    wipe(driver)
    load(driver)
    clear()
    yield driver
    wipe(driver)
    clear()


@pytest.fixture(scope="module")
def pages_graph(driver: Driver) -> Iterator[Driver]:
    """The pages fixture graph (tests/pages_fixture.py) for a test module, with a fresh Streamlit data cache."""
    from tests.pages_fixture import load_pages_fixture

    yield from loaded_graph(driver, load_pages_fixture, clear_cache=True)


@pytest.fixture(scope="module")
def explore_graph(driver: Driver) -> Iterator[Driver]:
    """The Explore fixture graph (tests/graph_fixture.py: the pages fixture plus hostile names) for a test module."""
    from tests.graph_fixture import load_graph_fixture

    yield from loaded_graph(driver, load_graph_fixture)


@pytest.fixture(scope="session")
def nlp() -> Any:
    """The default pipeline with our rules' components, loaded once for every rule test."""
    from ingest.pipeline import load_nlp

    return load_nlp()
