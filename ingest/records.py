"""The extraction result for one document, in the JSON shape of shared/ontology.md.

Extraction produces these; the writer loads them; `--dry-run` prints them.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class Article:
    """One input article, as read from a file, before extraction."""

    id: str
    text: str
    title: str = ""
    url: str = ""
    source: str = ""
    publishedAt: str = ""
    author: str = ""
    path: str = ""

    def document(self) -> dict[str, Any]:
        return {k: v for k, v in asdict(self).items() if k != "text"}


@dataclass
class Mention:
    text: str
    sentence: str
    start: int
    end: int


@dataclass
class Entity:
    """Person, Organization, Location, Incident or Designation (the last two carry fields in properties)."""

    id: str
    type: str
    name: str
    aliases: list[str] = field(default_factory=list)
    properties: dict[str, Any] = field(default_factory=dict)
    mentions: list[Mention] = field(default_factory=list)


@dataclass
class Relation:
    type: str
    source: str
    target: str
    properties: dict[str, Any] = field(default_factory=dict)
    evidence: list[str] = field(default_factory=list)
    extractor: str = ""
    confidence: float = 0.5


@dataclass
class Extraction:
    """Everything extracted from one article."""

    article: Article
    entities: list[Entity] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        """The dry-run JSON object for this document (see shared/ontology.md)."""
        return {
            "document": self.article.document(),
            "entities": [asdict(e) for e in self.entities],
            "relations": [asdict(r) for r in self.relations],
        }
