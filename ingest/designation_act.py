"""One designation act and its vocabulary, kept apart so the verb and the noun readers can share them."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Span, Token

from ingest.records import Entity
from ingest.vocabulary import load


@dataclass
class Act:
    """One designation act as the sentence states it."""

    kind: str
    head: Token
    sentence: Span
    targets: list[Entity] = field(default_factory=list)
    authorities: list[Entity] = field(default_factory=list)
    dates: list[str] = field(default_factory=list)
    reason: str | None = None
    status: str = "active"
    lifted: str | None = None
    lifted_by: str | None = None
    anaphoric: bool = False
    reasons: list[str] = field(default_factory=list)  # 'as an FTO and as an SDGT': one act each


def vocab() -> dict:
    return load("designation_vocabulary.json")


@lru_cache(maxsize=None)
def words(key: str) -> frozenset[str]:
    """One word list (or the keys of one table) of the vocabulary as a set, built once."""
    return frozenset(vocab()[key])
