"""What a user reads when Neo4j does not answer: a short reason and a way out that fits their set-up."""
from __future__ import annotations

import pytest

from cypher.connection import connect
from cypher.errors import DatabaseUnavailable
from cypher.messages import user_message
from cypher.settings import Settings


def test_a_refused_connection_is_named_in_a_few_words(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEO4J_URI", "bolt://127.0.0.1:1")
    with pytest.raises(DatabaseUnavailable) as caught:
        connect(Settings.from_env(), timeout=2.0)
    line = user_message(caught.value)
    assert "(not answering (Connection refused))" in line
    assert "resolved to" not in line and "\n" not in line


def test_with_neo4j_uri_set_the_way_out_is_that_server(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEO4J_URI", "bolt://127.0.0.1:1")
    line = user_message(DatabaseUnavailable("bolt://127.0.0.1:1", "not answering"))
    assert "start the server NEO4J_URI names" in line and "kg neo4j start" in line


def test_without_neo4j_uri_the_way_out_is_the_projects_server(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NEO4J_URI", raising=False)
    line = user_message(DatabaseUnavailable("bolt://127.0.0.1:7687", "not answering"))
    assert line.endswith("start it with `kg neo4j start` (or `make neo4j`)")


def test_a_moved_dev_instance_is_where_kg_connects_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NEO4J_URI", raising=False)
    monkeypatch.setenv("KG_DEV_BOLT_PORT", "7699")
    assert Settings.from_env().uri == "bolt://127.0.0.1:7699"
    monkeypatch.delenv("KG_DEV_BOLT_PORT")
    assert Settings.from_env().uri == "bolt://127.0.0.1:7687"


def test_the_dashboard_says_the_failure_once_and_the_fix_once(monkeypatch: pytest.MonkeyPatch) -> None:
    from streamlit.testing.v1 import AppTest

    monkeypatch.setenv("NEO4J_URI", "bolt://127.0.0.1:1")
    at = AppTest.from_string("from dashboard.views.overview import render\nrender()", default_timeout=30)
    at.run()
    assert not at.exception
    assert at.error[0].value == "error: cannot reach Neo4j at bolt://127.0.0.1:1 (not answering (Connection refused))."
    assert at.info[0].value.startswith("To fix: start the server NEO4J_URI names")
