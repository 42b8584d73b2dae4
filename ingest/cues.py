"""Type cues: words in or around a name that say what kind of thing it is.

The small model often labels a dam as a person or a town as an organisation;
the word "Barrage" at the end of the name, or "the town of" before it, says
otherwise. The cues live in `data/type_cues.jsonl` (see its header).
"""
from __future__ import annotations

from functools import lru_cache
from typing import Any, NamedTuple

from spacy.tokens import Doc, Span

from ingest.names import read_rows

DATA = "type_cues.jsonl"


class Cue(NamedTuple):
    type: str
    extend_to: int | None  # char offset the name should extend to, when the cue joins the name


@lru_cache(maxsize=1)
def cues() -> dict[str, dict[str, dict[str, Any]]]:
    """where -> word -> row."""
    table: dict[str, dict[str, dict[str, Any]]] = {}
    for row in read_rows(DATA):
        key = row["word"] if row["where"] in ("first", "last", "modifier") else row["word"].lower()
        table.setdefault(row["where"], {})[key] = row
    return table


def type_cue(doc: Doc, name: str, start: int, end: int, label_type: str) -> Cue | None:
    """The type the words of or around a name imply, or None when nothing does."""
    table = cues()
    words = name.split()
    if not words:
        return None
    for where, word in (("last", words[-1]), ("first", words[0])):
        row = table.get(where, {}).get(word)
        if row and len(words) > 1:
            return Cue(row["type"], None)
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    if span.end < len(doc):
        nxt = doc[span.end]
        row = table.get("after", {}).get(nxt.text)
        if row and nxt.is_lower:
            return Cue(row["type"], nxt.idx + len(nxt.text) if row.get("extend") else None)
    if (row := _appositive(doc, span)) is not None:
        return Cue(row["type"], None)
    if span.root.dep_ == "compound" and span.root.head.i >= span.end and span.root.head.is_lower:
        row = table.get("after", {}).get(span.root.head.text)  # "the Bataclan concert hall"
        if row and not row.get("extend"):
            return Cue(row["type"], None)
    possessive = span.end < len(doc) and doc[span.end].tag_ == "POS"
    if span.start > 0 and not possessive:
        prev = doc[span.start - 1]
        row = table.get("before", {}).get(prev.lower_)
        if row and label_type in row.get("from", []):
            wanted = row.get("preceded_by")
            if wanted is None or (span.start > 1 and doc[span.start - 2].lower_ in wanted):
                return Cue(row["type"], None)
    return None


def _appositive(doc: Doc, span: Span) -> dict[str, Any] | None:
    """The cue row for the head noun of ", a/the [words] NOUN" or ", Y's [words] NOUN" right after a name."""
    if span.end + 2 >= len(doc) or doc[span.end].text != ",":
        return None
    first = doc[span.end + 1]
    owner = first.pos_ == "PROPN" and span.end + 2 < len(doc) and doc[span.end + 2].tag_ == "POS"
    if first.lower_ not in ("a", "an", "the") and not owner:
        return None
    table = cues().get("appositive", {})
    for tok in doc[span.end + 2: min(len(doc), span.end + 7)]:
        if tok.is_punct:
            return None
        if tok.i + 1 < len(doc) and doc[tok.i + 1].text in ("'s", "’s"):
            continue  # "the group's chief": the owner, not the head
        if tok.pos_ == "NOUN":
            word = tok.lower_
            row = table.get(word) or table.get(word[:-1] if word.endswith("s") else word)
            if row:
                return row
            nxt = tok.nbor(1) if tok.i + 1 < len(doc) else None
            if nxt is None or nxt.pos_ != "NOUN":
                return None  # the phrase's head noun says nothing
    return None


def head_word(word: str) -> str | None:
    """The type a name's head word implies when it ends a name ("Dam" -> Location), else None."""
    row = cues().get("last", {}).get(word)
    return row["type"] if row else None


@lru_cache(maxsize=1)
def _modifier_heads() -> tuple[frozenset[str], frozenset[str]]:
    rows = cues().get("modifier", {})
    return (frozenset(w for w, r in rows.items() if "Location" in r["from"]),
            frozenset(w for w, r in rows.items() if "Person" in r["from"]))


def modifier_only(doc: Doc, kind: str, start: int, end: int) -> bool:
    """True when the name only modifies a title or office after it: "U.S. Secretary of State", "the Trump
    administration". Such a mention does not make an entity on its own."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or span.end >= len(doc):
        return False
    nxt = doc[span.end]
    places, people = _modifier_heads()
    if kind == "Location":
        return nxt.text in places
    if kind == "Person":
        return nxt.lower_ in people and nxt.is_lower
    return False
