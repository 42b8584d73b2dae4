"""The alias table: variants and transliterations mapped to one canonical name, across documents.

`data/aliases.jsonl` holds one object per real thing: {"name", "type", "aliases": [...]}.
Any surface form (normalised) found there is replaced by the canonical name, so
"Usama bin Laden" and "Osama bin Laden" get the same deterministic id in every
document. Users extend the file; nothing else needs to change. The gazetteer's
string patterns count as aliases of their ids too.
"""
from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

from ingest.names import norm, read_rows

DATA = "aliases.jsonl"


class Canonical(NamedTuple):
    name: str
    type: str | None


@lru_cache(maxsize=1)
def alias_table() -> dict[str, Canonical]:
    """Normalised surface form -> canonical name and type (the alias file first, then the gazetteer)."""
    from ingest.gazetteer import LABEL_TYPES, load_rows

    table: dict[str, Canonical] = {}
    for row in read_rows(DATA):
        canon = Canonical(row["name"], row.get("type"))
        for form in [row["name"], *row.get("aliases", [])]:
            table.setdefault(norm(form), canon)
    for row in load_rows():
        if isinstance(row["pattern"], str):
            table.setdefault(norm(row["pattern"]), Canonical(row["id"], LABEL_TYPES.get(row["label"])))
    return table


def canonical(form: str) -> Canonical | None:
    """The canonical name and type for a surface form, or None when the table does not know it."""
    return alias_table().get(norm(form))
