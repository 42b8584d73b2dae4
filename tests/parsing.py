"""What the rule tests share: the relations a short text yields, by entity name, from a real parse."""
from __future__ import annotations

from spacy.language import Language

from ingest.entities import EntityTable
from ingest.records import Relation
from ingest.relations import find_relations


def relations(nlp: Language, text: str) -> tuple[EntityTable, list[Relation]]:
    """The entity table of `text` and the relations the rules find in it."""
    doc = nlp(text)
    table = EntityTable(doc)
    return table, find_relations(doc, table)


def triples(nlp: Language, text: str) -> set[tuple[str, str, str]]:
    """(type, source name, target name) of every relation found in `text`."""
    table, found = relations(nlp, text)
    return {(r.type, table.get(r.source).name, table.get(r.target).name) for r in found}
