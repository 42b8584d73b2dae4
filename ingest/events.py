"""Events of one document: incidents and designations, as entities with their edges.

The extractor calls `find_events` after the entity table is built; the rules
may add entities they need (an authority named only by its country).
"""
from __future__ import annotations

from spacy.tokens import Doc

from ingest.entities import EntityTable
from ingest.incident_graph import cluster, to_graph
from ingest.incidents import find_mentions
from ingest.records import Article, Entity, Relation
from ingest.sentences import is_boilerplate_sentence

try:
    from ingest.designations import find_designations
except ImportError:  # pragma: no cover - lands after incidents
    find_designations = None  # type: ignore[assignment]


def _skip(sent) -> bool:  # type: ignore[no-untyped-def]
    return is_boilerplate_sentence(sent)


def find_events(doc: Doc, table: EntityTable, article: Article) -> tuple[list[Entity], list[Relation]]:
    """Incident and Designation entities of the document, with ISSUED/TARGETS/INVOLVED_IN/OCCURRED_IN edges."""
    entities, relations = to_graph(cluster(find_mentions(doc, table, article, skip=_skip)))
    if find_designations is not None:
        more, edges = find_designations(doc, table, article, skip=_skip)
        entities += more
        relations += edges
    return entities, relations
