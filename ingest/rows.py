"""Flatten Extractions into the parameter rows the write statements UNWIND.

Pure functions, no database: what goes into each row (and what is dropped
because the model does not allow it) is decided and tested here.
"""
from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from itertools import combinations
from typing import Any

from cypher.model import ENTITY_TYPES, TYPED_RELATIONS
from ingest.records import Article, Extraction

EVIDENCE_CAP = 10
_RESERVED = {"id", "name", "aliases", "aliasText", "mentionCount", "docCount"}
# Endpoint labels per relation type: the label each MATCH uses (and its unique index).
ENDPOINTS: dict[str, tuple[str, str]] = {rel: ("Entity", "Entity") for rel in TYPED_RELATIONS}
ENDPOINTS["ISSUED"] = ("Entity", "Designation")
ENDPOINTS["TARGETS"] = ("Designation", "Entity")


def text_hash(text: str) -> str:
    """sha256 of the article text: an unchanged document is skipped on re-ingest."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _storable(value: Any) -> bool:
    """Neo4j properties are primitives or homogeneous lists of primitives."""
    if isinstance(value, (str, int, float, bool)):
        return True
    if isinstance(value, list) and value:
        return all(isinstance(v, (str, int, float, bool)) for v in value) and len({type(v) for v in value}) == 1
    return False


def clean_props(props: dict[str, Any]) -> dict[str, Any]:
    """Properties that can be stored, minus the ones the writer computes itself."""
    return {k: v for k, v in props.items() if k not in _RESERVED and _storable(v)}


@dataclass
class Rows:
    """Parameter rows for one batch of documents, keyed by statement."""

    documents: list[dict[str, Any]] = field(default_factory=list)
    hashes: list[dict[str, Any]] = field(default_factory=list)
    entities: dict[str, list[dict[str, Any]]] = field(default_factory=lambda: defaultdict(list))  # by type label
    designations: list[dict[str, Any]] = field(default_factory=list)
    mentions: dict[str, list[dict[str, Any]]] = field(default_factory=lambda: defaultdict(list))  # Entity/Designation
    # One row per edge for the whole batch (several documents' support folded together), so no
    # statement touches one edge twice: rows of one UNWIND may not see each other's writes.
    relations: dict[str, dict[tuple[str, str], dict[str, Any]]] = field(default_factory=lambda: defaultdict(dict))
    co_mentions: dict[tuple[str, str], dict[str, Any]] = field(default_factory=dict)
    entity_ids: set[str] = field(default_factory=set)
    dropped: int = 0  # entities or relations outside the model

    def relation_rows(self) -> dict[str, list[dict[str, Any]]]:
        return {rel_type: list(edges.values()) for rel_type, edges in sorted(self.relations.items())}

    def co_mention_rows(self) -> list[dict[str, Any]]:
        return list(self.co_mentions.values())


def document_row(article: Article, ingested_at: str | None = None) -> dict[str, Any]:
    props = {k: v for k, v in article.document().items() if k != "id" and v}
    props["ingestedAt"] = ingested_at or datetime.now(timezone.utc).isoformat(timespec="seconds")
    return {"id": article.id, "props": props}


def _forms(name: str, aliases: Iterable[str]) -> list[str]:
    """The document's canonical name first, then its other surface forms, each once."""
    out = [name]
    for a in aliases:
        if a and a not in out:
            out.append(a)
    return out


def _better(confidence: float, extractor: str, than: dict[str, Any]) -> bool:
    """Higher confidence wins; on a tie the smaller extractor name, so the result does not depend on order."""
    return confidence > than["confidence"] or (confidence == than["confidence"] and extractor < than["extractor"])


def co_mentions(extraction: Extraction, known: set[str]) -> list[dict[str, Any]]:
    """Pairs of entities sharing a sentence, lower id first, weighted by the number of sentences."""
    by_sentence: dict[str, set[str]] = defaultdict(set)
    for ent in extraction.entities:
        if ent.id in known and ent.type in ENTITY_TYPES:
            for m in ent.mentions:
                if m.sentence:
                    by_sentence[m.sentence].add(ent.id)
    weights: Counter[tuple[str, str]] = Counter()
    for ids in by_sentence.values():
        weights.update(combinations(sorted(ids), 2))
    doc_id = extraction.article.id
    return [{"source": a, "target": b, "weight": w, "docId": doc_id} for (a, b), w in sorted(weights.items())]


def _fold_co_mention(rows: Rows, pair: dict[str, Any]) -> None:
    key = (pair["source"], pair["target"])
    row = rows.co_mentions.setdefault(key, {"source": key[0], "target": key[1], "docIds": [], "weights": []})
    row["docIds"].append(pair["docId"])
    row["weights"].append(pair["weight"])


def _fold_relation(rows: Rows, rel_type: str, doc: dict[str, Any]) -> None:
    """Add one document's support for an edge to the batch row for that edge."""
    key = (doc["source"], doc["target"])
    row = rows.relations[rel_type].get(key)
    if row is None:
        rows.relations[rel_type][key] = {
            "source": doc["source"], "target": doc["target"], "docIds": [doc["docId"]], "props": doc["props"],
            "evidence": doc["evidence"], "evidenceDocIds": [doc["docId"]] * len(doc["evidence"]),
            "confidences": [doc["confidence"]], "extractors": [doc["extractor"]],
        }
        return
    row["docIds"].append(doc["docId"])
    row["confidences"].append(doc["confidence"])  # per document, so a retraction can recompute the edge's
    row["extractors"].append(doc["extractor"])
    row["props"].update(doc["props"])
    room = max(0, EVIDENCE_CAP - len(row["evidence"]))
    row["evidence"].extend(doc["evidence"][:room])
    row["evidenceDocIds"].extend([doc["docId"]] * len(doc["evidence"][:room]))


def _relation_rows(extraction: Extraction, types: dict[str, str], rows: Rows) -> dict[str, dict[str, str]]:
    """Typed relations merged per (type, source, target); returns designation endpoints found."""
    doc_id = extraction.article.id
    merged: dict[tuple[str, str, str], dict[str, Any]] = {}
    endpoints: dict[str, dict[str, str]] = defaultdict(dict)
    for rel in extraction.relations:
        src_label, dst_label = ENDPOINTS.get(rel.type, ("", ""))
        src_type, dst_type = types.get(rel.source), types.get(rel.target)
        ok = (
            bool(src_label) and src_type is not None and dst_type is not None
            and (src_type == "Designation") == (src_label == "Designation")
            and (dst_type == "Designation") == (dst_label == "Designation")
        )
        if not ok:
            rows.dropped += 1
            continue
        key = (rel.type, rel.source, rel.target)
        row = merged.get(key)
        if row is None:
            row = merged[key] = {"source": rel.source, "target": rel.target, "docId": doc_id, "props": {},
                                 "evidence": [], "extractor": rel.extractor, "confidence": float(rel.confidence)}
        row["props"].update(clean_props(rel.properties))
        row["evidence"].extend(e for e in rel.evidence if e and e not in row["evidence"])
        if _better(float(rel.confidence), rel.extractor, row):
            row["confidence"], row["extractor"] = float(rel.confidence), rel.extractor
        if rel.type == "ISSUED":
            endpoints[rel.target].setdefault("authorityId", rel.source)
        elif rel.type == "TARGETS":
            endpoints[rel.source].setdefault("targetId", rel.target)
    for (rel_type, _, _), row in merged.items():
        row["evidence"] = row["evidence"][:EVIDENCE_CAP]
        _fold_relation(rows, rel_type, row)
    return endpoints


def add_extraction(rows: Rows, extraction: Extraction, ingested_at: str | None = None) -> None:
    """Append one document's rows: its node, entities, designations, mentions, relations, co-mentions."""
    article = extraction.article
    rows.documents.append(document_row(article, ingested_at))
    rows.hashes.append({"id": article.id, "textHash": text_hash(article.text)})
    types: dict[str, str] = {}
    for ent in extraction.entities:
        if ent.id in types:
            continue  # one node per id: the first type given wins
        if not ent.id or (ent.type not in ENTITY_TYPES and ent.type != "Designation"):
            rows.dropped += 1
            continue
        types[ent.id] = ent.type
    endpoints = _relation_rows(extraction, types, rows)
    seen: set[str] = set()
    for ent in extraction.entities:
        if types.get(ent.id) != ent.type or ent.id in seen:
            continue
        seen.add(ent.id)
        mention = {"id": ent.id, "docId": article.id, "count": max(1, len(ent.mentions)),
                   "aliases": _forms(ent.name, ent.aliases)}
        props = clean_props(ent.properties)
        if ent.type == "Designation":
            props = {**endpoints.get(ent.id, {}), **props}
            props.setdefault("status", "active")
            props["name"] = ent.name
            rows.designations.append({"id": ent.id, "props": props})
            rows.mentions["Designation"].append(mention)
        else:
            rows.entities[ent.type].append({"id": ent.id, "name": ent.name, "props": props})
            rows.mentions["Entity"].append(mention)
            rows.entity_ids.add(ent.id)
    for pair in co_mentions(extraction, set(types)):
        _fold_co_mention(rows, pair)
