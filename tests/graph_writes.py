"""Writes shared by the test fixture graphs (pages, queries, explore), stored as docs/architecture.md describes.

Labels and relationship types come from the fixtures' own constant tables, never from input.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from neo4j import Driver

from cypher.settings import Settings
from cypher.statements import schema_statements


def _db() -> str:
    return Settings.from_env().database


def provenance(doc_ids: list[str], evidence: list[str], evidence_doc_ids: list[str]) -> dict[str, Any]:
    """The provenance properties every fixture relationship carries."""
    return {"docIds": doc_ids, "evidence": evidence, "evidenceDocIds": evidence_doc_ids,
            "docCount": len(doc_ids), "extractor": "fixture", "confidence": 0.9}


def create_schema(driver: Driver, await_indexes: bool = False) -> None:
    """The constraints and indexes; optionally wait until the indexes are online."""
    for stmt in schema_statements():
        driver.execute_query(stmt, database_=_db())
    if await_indexes:
        await_all_indexes(driver)


def await_all_indexes(driver: Driver) -> None:
    driver.execute_query("CALL db.awaitIndexes(60)", database_=_db())


def write_documents(driver: Driver, docs: list[dict[str, Any]]) -> None:
    driver.execute_query("UNWIND $rows AS row CREATE (d:Document) SET d = row", rows=docs, database_=_db())


def write_entity(driver: Driver, etype: str, eid: str, name: str, aliases: list[str], mention_count: int,
                 doc_count: int, extra: dict[str, Any]) -> None:
    """One `:Entity:<etype>` node with its search text."""
    props = {"id": eid, "name": name, "aliases": aliases, "aliasText": " | ".join([name, *aliases]),
             "mentionCount": mention_count, "docCount": doc_count, **extra}
    driver.execute_query(f"CREATE (e:Entity:{etype}) SET e = $props", props=props, database_=_db())


def write_designation(driver: Driver, gid: str, auth: str, target: str, kind: str, date: str, reason: str,
                      status: str, issued: dict[str, Any], targets: dict[str, Any]) -> None:
    """A Designation node, ISSUED by `auth` (properties `issued`) and TARGETING `target` (properties `targets`)."""
    props = {"id": gid, "name": f"{kind} designation ({date})", "kind": kind, "reason": reason,
             "date": date, "status": status, "authorityId": auth, "targetId": target}
    driver.execute_query(
        "MATCH (a:Entity {id: $auth}), (t:Entity {id: $target}) "
        "CREATE (a)-[r1:ISSUED]->(g:Designation)-[r2:TARGETS]->(t) SET g = $props, r1 = $p1, r2 = $p2",
        auth=auth, target=target, props=props, p1=issued, p2=targets, database_=_db())


def write_relations(driver: Driver, rows: Iterable[tuple[str, str, str, dict[str, Any]]]) -> None:
    """Typed relations between entities: (type, source id, target id, properties)."""
    for rtype, src, dst, props in rows:
        driver.execute_query(
            f"MATCH (a:Entity {{id: $src}}), (b:Entity {{id: $dst}}) CREATE (a)-[r:{rtype}]->(b) SET r = $props",
            src=src, dst=dst, props=props, database_=_db())


def write_co_mentions(driver: Driver, rows: Iterable[tuple[str, str, list[str], list[int]]]) -> None:
    """CO_MENTIONED edges: (lower id, higher id, docIds, weights), weight the sum of the weights."""
    for low, high, doc_ids, weights in rows:
        driver.execute_query(
            "MATCH (a:Entity {id: $low}), (b:Entity {id: $high}) "
            "CREATE (a)-[:CO_MENTIONED {weight: $weight, docIds: $docIds, weights: $weights}]->(b)",
            low=low, high=high, weight=sum(weights), docIds=doc_ids, weights=weights, database_=_db())


def write_mentions(driver: Driver, rows: Iterable[Sequence[Any]]) -> None:
    """MENTIONED_IN edges: (entity or designation id, document id, count, aliases seen)."""
    driver.execute_query(
        "UNWIND $rows AS row MATCH (n {id: row[0]}) WHERE n:Entity OR n:Designation "
        "MATCH (d:Document {id: row[1]}) CREATE (n)-[:MENTIONED_IN {count: row[2], aliases: row[3]}]->(d)",
        rows=[list(m) for m in rows], database_=_db())
