"""Retract documents: everything only they supported disappears, shared things lose their share.

Used by `kg remove` and before re-writing a changed document. All of it is
Cypher with the document ids as a parameter, inside the caller's transaction.
"""
from __future__ import annotations

from neo4j import ManagedTransaction

from cypher.statements import statement


def retract_in(tx: ManagedTransaction, doc_ids: list[str]) -> None:
    """Strip the documents from relations and co-mentions, drop them and their orphans, recompute the rest."""
    record = tx.run(statement("retract_affected"), docIds=doc_ids).single()  # type: ignore[arg-type]
    affected: list[str] = record["ids"] if record else []
    tx.run(statement("retract_relations"), docIds=doc_ids).consume()  # type: ignore[arg-type]
    tx.run(statement("retract_co_mentions"), docIds=doc_ids).consume()  # type: ignore[arg-type]
    tx.run(statement("retract_documents"), docIds=doc_ids).consume()  # type: ignore[arg-type]
    if affected:
        tx.run(statement("write_entity_stats"), ids=affected).consume()  # type: ignore[arg-type]
