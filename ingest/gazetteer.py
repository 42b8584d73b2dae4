"""The gazetteer: well-known groups, agencies and places as span_ruler patterns with ids.

The small model misses or mistypes many organisations of the news about armed
conflict (ISIL tagged as a place, Hizballah as a person). A span_ruler after
the NER adds or overrides those entities; each pattern's `id` is the canonical
name, so every surface form of one thing lands on one entity. Users extend
`data/gazetteer.jsonl` ({"label", "pattern", "id", "kind"}) without touching code.

String patterns become token patterns: a capitalised first word matches any
case but lower case (so "Global Coalition" matches "GLOBAL COALITION" and
"Global coalition" but not "global coalition"), all-capital acronyms match
exactly, other words ignore case.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Any, Callable, Iterable

from spacy.language import Language
from spacy.tokens import Span
from spacy.util import filter_spans, registry

from ingest.names import read_rows

DATA = "gazetteer.jsonl"
LABEL_TYPES = {"PERSON": "Person", "ORG": "Organization", "GPE": "Location", "LOC": "Location", "FAC": "Location"}
# A longer model entity of these labels keeps its span against a shorter gazetteer match inside it
# ("Gulf War" is an event, not the Gulf; "Mosul Dam" is not Mosul).
KEEP_LONGER = {"ORG", "FAC", "GPE", "LOC", "EVENT", "WORK_OF_ART", "LAW", "PRODUCT"}


@lru_cache(maxsize=1)
def load_rows() -> tuple[dict[str, Any], ...]:
    """The data file's rows (blank lines and # comments skipped)."""
    return tuple(read_rows(DATA))


@lru_cache(maxsize=1)
def kinds() -> dict[str, str]:
    """Canonical name -> kind ("country", "armed_group", ...)."""
    return {row["id"]: row["kind"] for row in load_rows() if row.get("kind")}


def token_pattern(nlp: Language, text: str) -> list[dict[str, Any]]:
    """A string pattern as token attributes, case-tolerant but acronym-exact."""
    out: list[dict[str, Any]] = []
    for i, tok in enumerate(nlp.make_doc(text)):
        t = tok.text
        letters = [c for c in t if c.isalpha()]
        if len(letters) >= 2 and all(c.isupper() for c in letters):
            out.append({"ORTH": t})
        elif t[:1].isupper() and i == 0:
            out.append({"LOWER": t.lower(), "IS_LOWER": False})
        else:
            out.append({"LOWER": t.lower()})
    return out


def patterns(nlp: Language) -> list[dict[str, Any]]:
    out = []
    for row in load_rows():
        pattern = row["pattern"]
        if isinstance(pattern, str):
            pattern = token_pattern(nlp, pattern)
        out.append({"label": row["label"], "pattern": pattern, "id": row["id"]})
    return out


@registry.misc("kg.gazetteer_ents_filter.v1")
def make_ents_filter() -> Callable[[Iterable[Span], Iterable[Span]], list[Span]]:
    """Gazetteer matches win, except inside a longer model entity of a KEEP_LONGER label; a model entity
    that merely runs into a match is trimmed rather than dropped ("Hizballah leader Hassan Nasrallah")."""

    def ents_filter(entities: Iterable[Span], spans: Iterable[Span]) -> list[Span]:
        # a match glued to a word before it by a hyphen is the end of another name ("Abdul-Malik al-Houthi")
        matches = filter_spans([m for m in spans if m.start == 0 or not (
            m.doc[m.start - 1].text == "-" and not m.doc[m.start - 1].whitespace_)])
        entities = list(entities)
        keep = [e for e in entities if e.label_ in KEEP_LONGER and any(
            e.start <= m.start and m.end <= e.end and len(e) > len(m) for m in matches)]
        taken = {i for e in keep for i in range(e.start, e.end)}
        matches = [m for m in matches if not taken.intersection(range(m.start, m.end))]
        taken |= {i for m in matches for i in range(m.start, m.end)}
        rest = []
        for e in entities:
            if e in keep:
                continue
            free = [i for i in range(e.start, e.end) if i not in taken]
            if not free:
                continue
            if len(free) == len(e):
                rest.append(e)
            elif free == list(range(free[0], free[-1] + 1)) and any(t.is_alpha for t in e.doc[free[0]:free[-1] + 1]):
                rest.append(Span(e.doc, free[0], free[-1] + 1, label=e.label_))
        return keep + matches + rest

    return ents_filter


def add_gazetteer(nlp: Language) -> None:
    """Add the gazetteer span_ruler after the NER (see KEEP_LONGER for who wins an overlap)."""
    if "gazetteer" in nlp.pipe_names:
        return
    after = "ner" if "ner" in nlp.pipe_names else None
    ruler = nlp.add_pipe(
        "span_ruler",
        name="gazetteer",
        after=after,
        config={"annotate_ents": True, "overwrite": False, "spans_key": None,
                "ents_filter": {"@misc": "kg.gazetteer_ents_filter.v1"}},
    )
    ruler.add_patterns(patterns(nlp))
