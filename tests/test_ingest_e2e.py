"""`kg ingest` end to end on the sample corpus, with the real extractor and the real server.

One CLI run (a subprocess, as a user types it) loads the corpus for the read-only
checks; the incremental checks compare a re-ingest against a fresh load of the
same files, so "only what the document supported disappears" is tested exactly.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from neo4j import Driver

from cypher.settings import Settings
from kg.cli import main
from tests.conftest import ROOT, SAMPLE_CORPUS, wipe

pytestmark = pytest.mark.neo4j
CORPUS_DOCS = 16


def kg(*argv: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NEO4J_URI": Settings.from_env().uri}
    return subprocess.run([sys.executable, "-m", "kg", *argv], env=env, cwd=ROOT, capture_output=True, text=True,
                          timeout=600)


def rows(driver: Driver, query: str, **params: Any) -> list[dict[str, Any]]:
    records, _, _ = driver.execute_query(query, params, database_=Settings.from_env().database)
    return [r.data() for r in records]


def structure(driver: Driver) -> tuple[list[str], list[str]]:
    """What the graph says, independent of write order: nodes with names and counts, edges with their support."""
    nodes = rows(driver, "MATCH (n) RETURN labels(n) AS l, n.id AS id, n.name AS name, n.aliases AS aliases, "
                         "n.mentionCount AS mc, n.docCount AS dc, n.textHash AS hash, n.kind AS kind")
    rels = rows(driver, "MATCH (a)-[r]->(b) RETURN a.id AS a, type(r) AS t, b.id AS b, r.docIds AS docs, "
                        "r.weights AS ws, r.weight AS w, r.count AS c, r.aliases AS al, r.evidence AS ev, "
                        "r.evidenceDocIds AS evd, r.docCount AS dc")

    def node_key(n: dict[str, Any]) -> str:
        return repr((sorted(n["l"]), n["id"], n["name"], sorted(n["aliases"] or []), n["mc"], n["dc"], n["hash"],
                     n["kind"]))

    def rel_key(r: dict[str, Any]) -> str:
        support = sorted(zip(r["docs"] or [], r["ws"] or [None] * len(r["docs"] or [])))
        evidence = sorted(zip(r["ev"] or [], r["evd"] or []))
        return repr((r["a"], r["t"], r["b"], support, r["w"], r["c"], sorted(r["al"] or []), evidence, r["dc"]))

    return sorted(map(node_key, nodes)), sorted(map(rel_key, rels))


@pytest.fixture(scope="module")
def corpus(driver: Driver) -> Iterator[tuple[Driver, subprocess.CompletedProcess[str]]]:
    """The sample corpus loaded once through the CLI; emptied afterwards."""
    wipe(driver)
    done = kg("ingest", str(SAMPLE_CORPUS))
    yield driver, done
    wipe(driver)


def test_cli_loads_the_sample_corpus(corpus: tuple[Driver, Any]) -> None:
    driver, done = corpus
    assert done.returncode == 0, done.stderr
    assert done.stdout == ""
    assert f"{CORPUS_DOCS} documents read, {CORPUS_DOCS} loaded, 0 unchanged, 0 skipped" in done.stderr
    assert rows(driver, "MATCH (d:Document) RETURN count(d) AS n")[0]["n"] == CORPUS_DOCS
    doc = rows(driver, "MATCH (d:Document {id: 'quds-force-soleimani'}) RETURN properties(d) AS p")[0]["p"]
    assert doc["publishedAt"] == "2020-01-03" and doc["author"] == "John Roe" and len(doc["textHash"]) == 64


def test_an_acronym_and_its_full_name_are_one_node(corpus: tuple[Driver, Any]) -> None:
    driver, _ = corpus
    found = rows(driver, "MATCH (e:Organization) WHERE e.name = 'Jemaah Islamiyah' OR 'JI' IN e.aliases "
                         "RETURN e.name AS name, e.aliases AS aliases")
    assert len(found) == 1 and found[0]["name"] == "Jemaah Islamiyah" and "JI" in found[0]["aliases"]


def test_a_surname_joins_the_full_name(corpus: tuple[Driver, Any]) -> None:
    driver, _ = corpus
    people = rows(driver, "MATCH (p:Person) WHERE p.name CONTAINS 'Zawahiri' RETURN p.name AS name, p.aliases AS a, "
                          "p.id AS id")
    assert [p["name"] for p in people] == ["Ayman al-Zawahiri"] and "Zawahiri" in people[0]["a"]
    mention = rows(driver, "MATCH (:Person {id: $id})-[m:MENTIONED_IN]->(:Document {id: 'al-qaeda-leaders'}) "
                           "RETURN m.count AS c, m.aliases AS a", id=people[0]["id"])
    assert mention[0]["c"] >= 3 and "Zawahiri" in mention[0]["a"]


def test_co_mentions_are_weighted_and_stored_lower_to_higher(corpus: tuple[Driver, Any]) -> None:
    driver, _ = corpus
    pair = rows(driver, "MATCH (p:Person {name: 'Ayman al-Zawahiri'})-[r:CO_MENTIONED]-(k:Location {name: 'Kabul'}) "
                        "RETURN r.weight AS w, r.weights AS ws, r.docIds AS docs, startNode(r).id < endNode(r).id AS ordered")
    assert len(pair) == 1 and pair[0]["ordered"]
    assert "al-qaeda-leaders" in pair[0]["docs"] and pair[0]["w"] == sum(pair[0]["ws"]) >= 2
    assert not rows(driver, "MATCH (a)-[r:CO_MENTIONED]->(b) WHERE a.id >= b.id OR r.weight <> "
                            "reduce(s = 0, w IN r.weights | s + w) RETURN r LIMIT 1")


def test_typed_edges_carry_their_evidence(corpus: tuple[Driver, Any]) -> None:
    driver, _ = corpus
    typed = rows(driver, "MATCH ()-[r]->() WHERE NOT type(r) IN ['MENTIONED_IN', 'CO_MENTIONED'] "
                         "RETURN type(r) AS t, r.docIds AS docs, r.evidence AS ev, r.evidenceDocIds AS evd, "
                         "r.docCount AS dc, r.extractor AS x, r.confidence AS c")
    assert typed, "the extractor produced no typed relations"
    for r in typed:
        assert r["ev"] and len(r["ev"]) == len(r["evd"]) and set(r["evd"]) <= set(r["docs"])
        assert r["dc"] == len(r["docs"]) and r["x"] and 0 <= r["c"] <= 1
    assert {"ISSUED", "TARGETS"} <= {r["t"] for r in typed}


def test_a_second_run_changes_nothing(corpus: tuple[Driver, Any]) -> None:
    driver, _ = corpus
    before = rows(driver, "MATCH (n) OPTIONAL MATCH (n)-[r]->() RETURN count(DISTINCT n) AS n, count(r) AS r, "
                          "sum(size(keys(n))) AS np")
    snap = structure(driver)
    again = kg("ingest", str(SAMPLE_CORPUS))
    assert again.returncode == 0, again.stderr
    assert f"0 loaded, {CORPUS_DOCS} unchanged" in again.stderr
    assert structure(driver) == snap
    assert rows(driver, "MATCH (n) OPTIONAL MATCH (n)-[r]->() RETURN count(DISTINCT n) AS n, count(r) AS r, "
                        "sum(size(keys(n))) AS np") == before


CHANGED = "jemaah-islamiyah-bali.txt"
NEW_TEXT = ("Jemaah Islamiyah is dissolved\nPublished: 2024-07-05 | Source: kg-explorer sample desk\n\n"
            "Senior figures of Jemaah Islamiyah (JI) said in June 2024 that the group was being dissolved.\n")


def test_a_changed_document_leaves_the_graph_a_fresh_load_would_build(driver: Driver, tmp_path: Path,
                                                                      capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "news"
    shutil.copytree(SAMPLE_CORPUS, folder)
    wipe(driver)
    try:
        assert main(["ingest", str(folder)]) == 0
        assert rows(driver, "MATCH (e:Entity) WHERE e.name CONTAINS 'Bali' OR 'Hambali' IN e.aliases "
                            "OR e.name = 'Hambali' RETURN e.id AS id")
        (folder / CHANGED).write_text(NEW_TEXT)
        capsys.readouterr()
        assert main(["ingest", str(folder)]) == 0
        assert f"1 loaded, {CORPUS_DOCS - 1} unchanged" in capsys.readouterr().err
        incremental = structure(driver)
        assert not rows(driver, "MATCH (e:Entity) WHERE 'Hambali' IN e.aliases OR e.name = 'Hambali' RETURN e")
        wipe(driver)
        assert main(["ingest", str(folder)]) == 0
        assert incremental == structure(driver)
    finally:
        wipe(driver)


def test_kg_remove_leaves_the_graph_a_load_without_that_document_would_build(driver: Driver, tmp_path: Path) -> None:
    folder = tmp_path / "news"
    shutil.copytree(SAMPLE_CORPUS, folder)
    wipe(driver)
    try:
        assert main(["ingest", str(folder)]) == 0
        assert main(["remove", "jemaah-islamiyah-bali", "foiled-2010-cargo-bomb-plot"]) == 0
        removed = structure(driver)
        assert not rows(driver, "MATCH ()-[r]->() WHERE 'jemaah-islamiyah-bali' IN r.docIds RETURN r LIMIT 1")
        wipe(driver)
        (folder / CHANGED).unlink()
        lines = (folder / "foiled-plots.jsonl").read_text().splitlines()
        (folder / "foiled-plots.jsonl").write_text("\n".join(ln for ln in lines if "foiled-2010-cargo" not in ln))
        assert main(["ingest", str(folder)]) == 0
        assert removed == structure(driver)
    finally:
        wipe(driver)
