"""The one summary line `kg ingest` prints on stderr when it finishes."""
from __future__ import annotations

from dataclasses import dataclass, field

from cypher.model import ENTITY_TYPES
from ingest.records import Extraction


@dataclass
class Summary:
    """Document counters for this run, plus what was extracted (dry run) or what the graph now holds."""

    read: int = 0
    loaded: int = 0
    unchanged: int = 0
    skipped: int = 0
    totals: dict[str, int] = field(default_factory=dict)
    _ids: dict[str, set[str]] = field(default_factory=lambda: {k: set() for k in ("entities", "relations", "designations", "incidents")})

    def count_extraction(self, extraction: Extraction) -> None:
        """Tally distinct things extracted (used for the dry-run line)."""
        for ent in extraction.entities:
            if ent.type == "Incident":
                self._ids["incidents"].add(ent.id)
            elif ent.type == "Designation":
                self._ids["designations"].add(ent.id)
            elif ent.type in ENTITY_TYPES:
                self._ids["entities"].add(ent.id)
        for rel in extraction.relations:
            self._ids["relations"].add(f"{rel.source}|{rel.type}|{rel.target}")

    def line(self, dry_run: bool = False) -> str:
        docs = (
            f"{self.read} documents read, {self.loaded} {'extracted' if dry_run else 'loaded'}, "
            f"{self.unchanged} unchanged, {self.skipped} skipped"
        )
        if dry_run or not self.totals:
            n = {k: len(v) for k, v in self._ids.items()}
            where = "extracted"
        else:
            n, where = self.totals, "in graph"
        return (
            f"ingest: {docs}; {where}: {n.get('entities', 0)} entities, {n.get('relations', 0)} relations, "
            f"{n.get('designations', 0)} designations, {n.get('incidents', 0)} incidents"
        )
