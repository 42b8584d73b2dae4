"""Bad input through `kg ingest`: one line per problem, the rest loads, exit codes 1 and 2."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from neo4j import Driver

import ingest.command
from kg.cli import main
from tests.conftest import ROOT
from tests.extraction_stub import StubExtractor

BAD = ROOT / "tests" / "fixtures" / "bad"


@pytest.fixture
def stub(monkeypatch: pytest.MonkeyPatch) -> None:
    """The gazetteer stub instead of spaCy: these tests are about input handling."""
    monkeypatch.setattr(ingest.command, "load_extractor", lambda model, workers: StubExtractor(model))


def documents(driver: Driver) -> list[str]:
    records, _, _ = driver.execute_query("MATCH (d:Document) RETURN d.id AS id ORDER BY id")
    return [r["id"] for r in records]


@pytest.mark.neo4j
def test_bad_files_each_give_one_line_and_the_rest_loads(empty_graph: Driver, stub: None,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["ingest", str(BAD), str(BAD / "does-not-exist.txt")])
    err = capsys.readouterr().err.strip().splitlines()
    problems = [line for line in err if line.startswith("error: ")]
    assert code == 1
    assert sorted(p.split(": ")[1] for p in problems) == sorted([
        f"{BAD}/binary.txt", f"{BAD}/broken.jsonl:2", f"{BAD}/broken.jsonl:3", f"{BAD}/does-not-exist.txt",
        f"{BAD}/empty.txt", f"{BAD}/latin1.txt:1"])
    assert documents(empty_graph) == ["good", "good-1", "good-4"]
    assert err[-1].startswith("ingest: 3 documents read, 3 loaded, 0 unchanged, 6 skipped")


def test_dry_run_prints_only_json_lines_and_connects_to_nothing(stub: None, monkeypatch: pytest.MonkeyPatch,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("NEO4J_URI", "bolt://127.0.0.1:9")  # nothing listens there
    code = main(["ingest", "--dry-run", str(BAD)])
    out, err = capsys.readouterr()
    objects = [json.loads(line) for line in out.splitlines()]
    assert code == 1
    assert [o["document"]["id"] for o in objects] == ["good-1", "good-4", "good"]
    assert set(objects[0]) == {"document", "entities", "relations"}
    assert "cannot reach" not in err and "5 skipped" in err


@pytest.mark.neo4j
def test_remove_unknown_id_is_one_line_and_exit_1(empty_graph: Driver, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["remove", "no-such-document"])
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 1
    assert err[0] == "error: no-such-document: no document with this id in the graph"


def test_unreachable_database_is_one_line_naming_the_uri_and_exit_2(tmp_path: Path) -> None:
    env = {**os.environ, "NEO4J_URI": "bolt://127.0.0.1:9"}
    for argv in (["ingest", str(BAD / "good.txt")], ["remove", "good"]):
        done = subprocess.run([sys.executable, "-m", "kg", *argv], env=env, cwd=ROOT, capture_output=True, text=True,
                              timeout=120)
        lines = done.stderr.strip().splitlines()
        assert done.returncode == 2, done.stderr
        assert len(lines) == 1 and "bolt://127.0.0.1:9" in lines[0] and "Traceback" not in done.stderr
        assert done.stdout == ""
