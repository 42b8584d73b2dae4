"""Sentences of a parsed doc and the entities inside each, listed once per Doc.

Every rule family (entity table, relations, incidents, designations) walks the
sentences, and spaCy rebuilds them on each `Doc.sents`; `Span.ents` even walks
all of `Doc.ents` for every sentence it is asked about. The rules do not change
sentence boundaries or entities, so both are listed once and kept in
`doc.user_data`. Results are the same Spans, in the same order, as spaCy's.
"""
from __future__ import annotations

from bisect import bisect_left

from spacy.tokens import Doc, Span

from ingest.boilerplate import is_boilerplate
from ingest.pipeline import doc_text


def sentences(doc: Doc) -> list[Span]:
    """`list(doc.sents)`, or the whole doc as one sentence when nothing set boundaries."""
    sents = doc.user_data.get("kg_sents")
    if sents is None:
        sents = doc.user_data["kg_sents"] = list(doc.sents) if doc.has_annotation("SENT_START") else [doc[:]]
    return sents


def ents_in(span: Span) -> list[Span]:
    """`span.ents` (the doc's entities that lie wholly inside the span), from one listing of `doc.ents`."""
    doc = span.doc
    listed = doc.user_data.get("kg_ents")
    if listed is None:
        ents = tuple(doc.ents)
        listed = doc.user_data["kg_ents"] = (ents, [e.start for e in ents])
    ents, starts = listed
    out = []
    for ent in ents[bisect_left(starts, span.start):]:
        if ent.end > span.end:
            break  # as Span.ents does: stop at the first entity that runs past the span
        out.append(ent)
    return out


def sentence_text(sent: Span) -> str:
    """`sent.text`, sliced from the doc text joined once (Span.text joins its tokens on every access)."""
    return doc_text(sent.doc)[sent.start_char:sent.end_char]


def is_boilerplate_sentence(sent: Span) -> bool:
    """The sentence is page furniture (ingest.boilerplate); the skip test every rule family applies,
    answered once per sentence (the entity table asks it for every entity)."""
    seen = sent.doc.user_data.setdefault("kg_boilerplate", {})
    key = (sent.start, sent.end)
    if key not in seen:
        seen[key] = is_boilerplate(sentence_text(sent))
    return seen[key]
