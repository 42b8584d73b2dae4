"""Load Extractions into Neo4j: constraints first, then UNWIND batches, one transaction per batch.

The storage model is docs/architecture.md. Labels and relationship types
reach statement text only through cypher.model's check_label/check_relation.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from neo4j import Driver, ManagedTransaction, Session
from neo4j.exceptions import ServiceUnavailable, SessionExpired

from cypher.errors import DatabaseUnavailable
from cypher.model import check_label, check_relation
from cypher.settings import Settings
from cypher.statements import schema_statements, statement
from ingest.records import Extraction
from ingest.retraction import retract_in
from ingest.rows import ENDPOINTS, EVIDENCE_CAP, Rows, add_extraction

DEFAULT_BATCH_SIZE = 1000


@contextmanager
def database_errors(settings: Settings) -> Iterator[None]:
    """A connection lost mid-run is DatabaseUnavailable (one line, exit 2), not a traceback."""
    try:
        yield
    except (ServiceUnavailable, SessionExpired) as exc:
        raise DatabaseUnavailable(settings.uri, f"connection lost ({type(exc).__name__})") from None


def _labelled(name: str, **slots: str) -> str:
    """A statement with its label placeholders filled from values already checked against the model."""
    text = statement(name)
    for slot, value in slots.items():
        text = text.replace(f"__{slot}__", value)
    return text


def _chunks(rows: list[Any], size: int) -> Iterator[list[Any]]:
    for start in range(0, len(rows), size):
        yield rows[start : start + size]


def batches(extractions: Iterable[Extraction], size: int) -> Iterator[list[Extraction]]:
    """Groups of documents holding about `size` rows each (a document counts its entities and relations)."""
    batch: list[Extraction] = []
    rows = 0
    for extraction in extractions:
        batch.append(extraction)
        rows += 1 + len(extraction.entities) + len(extraction.relations)
        if rows >= size:
            yield batch
            batch, rows = [], 0
    if batch:
        yield batch


class GraphWriter:
    """Writes batches of documents; each batch is one transaction, so a batch lands whole or not at all."""

    def __init__(self, driver: Driver, settings: Settings | None = None, batch_size: int = DEFAULT_BATCH_SIZE) -> None:
        self.driver = driver
        self.settings = settings or Settings.from_env()
        self.batch_size = max(1, batch_size)

    def _session(self) -> Session:
        # Server notifications (e.g. "relationship type does not exist yet") would be logged to stderr.
        return self.driver.session(database=self.settings.database, notifications_min_severity="OFF")

    def _write(self, work: Callable[[ManagedTransaction], Any]) -> Any:
        with database_errors(self.settings), self._session() as session:
            return session.execute_write(work)

    def _read(self, text: str, params: dict[str, Any]) -> list[dict[str, Any]]:
        def work(tx: ManagedTransaction) -> list[dict[str, Any]]:
            return [r.data() for r in tx.run(text, params)]  # type: ignore[arg-type]

        with database_errors(self.settings), self._session() as session:
            return session.execute_read(work)  # type: ignore[no-any-return]

    def ensure_schema(self) -> None:
        """Constraints and indexes before any MERGE (each schema statement is its own transaction)."""
        with database_errors(self.settings), self._session() as session:
            for text in schema_statements():
                session.run(text).consume()  # type: ignore[arg-type]

    def stored_hashes(self, doc_ids: Iterable[str]) -> dict[str, str | None]:
        """textHash of each document id already in the graph (None when a write never finished)."""
        ids = list(doc_ids)
        found: dict[str, str | None] = {}
        for chunk in _chunks(ids, self.batch_size):
            for row in self._read(statement("read_document_hashes"), {"ids": chunk}):
                found[row["id"]] = row["textHash"]
        return found

    def counts(self) -> dict[str, int]:
        """Graph totals for the summary line."""
        rows = self._read(statement("count_graph"), {})
        return dict(rows[0]) if rows else {}

    def retract(self, doc_ids: list[str]) -> None:
        """Remove what these documents contributed (see ingest.retraction), in batches."""
        for chunk in _chunks(doc_ids, self.batch_size):
            self._write(lambda tx: retract_in(tx, chunk))

    def write(self, extractions: list[Extraction], replace: Iterable[str] = ()) -> Rows:
        """Write one batch of documents in one transaction; documents in `replace` are retracted first."""
        rows = Rows()
        for extraction in extractions:
            add_extraction(rows, extraction)
        old = list(replace)

        def work(tx: ManagedTransaction) -> None:
            if old:
                retract_in(tx, old)
            self._run_rows(tx, rows)

        self._write(work)
        return rows

    def load(self, extractions: Iterable[Extraction], replace: Iterable[str] = ()) -> int:
        """Write a stream of documents in batches of about `batch_size` rows; returns documents written."""
        old = set(replace)
        written = 0
        for batch in batches(extractions, self.batch_size):
            self.write(batch, replace={e.article.id for e in batch} & old)
            written += len(batch)
        return written

    def _run(self, tx: ManagedTransaction, text: str, rows: list[dict[str, Any]], **extra: Any) -> None:
        for chunk in _chunks(rows, self.batch_size):
            tx.run(text, rows=chunk, **extra).consume()  # type: ignore[arg-type]

    def _run_rows(self, tx: ManagedTransaction, rows: Rows) -> None:
        """Nodes first, then edges between matched ends, then the recomputed entity fields, then the hashes."""
        self._run(tx, statement("write_documents"), rows.documents)
        for entity_type, entity_rows in sorted(rows.entities.items()):
            self._run(tx, _labelled("write_entities", LABEL=check_label(entity_type)), entity_rows)
        self._run(tx, statement("write_designations"), rows.designations)
        for label, mention_rows in sorted(rows.mentions.items()):
            self._run(tx, _labelled("write_mentions", LABEL=check_label(label)), mention_rows)
        for rel_type, rel_rows in rows.relation_rows().items():
            source, target = ENDPOINTS[rel_type]
            text = _labelled(
                "write_relations", SOURCE=check_label(source), TARGET=check_label(target), TYPE=check_relation(rel_type)
            )
            self._run(tx, text, rel_rows, cap=EVIDENCE_CAP)
        self._run(tx, statement("write_co_mentions"), rows.co_mention_rows())
        for chunk in _chunks(sorted(rows.entity_ids), self.batch_size):
            tx.run(statement("write_entity_stats"), ids=chunk).consume()  # type: ignore[arg-type]
        self._run(tx, statement("write_document_hashes"), rows.hashes)
