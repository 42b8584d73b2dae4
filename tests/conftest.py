"""Shared fixtures. Storage tests use the real Neo4j server named by NEO4J_URI (make test starts one)."""
from __future__ import annotations

from collections.abc import Iterator
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
