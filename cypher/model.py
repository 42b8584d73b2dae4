"""Labels, relationship types and ids: the allowlists every Cypher string is built from.

Labels and relationship types cannot be query parameters, so anything that
interpolates one must take it from these tuples.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from typing import Final

ENTITY_TYPES: Final = ("Person", "Organization", "Location", "Incident")
NODE_LABELS: Final = ENTITY_TYPES + ("Entity", "Designation", "Document", "SavedQuery")

TYPED_RELATIONS: Final = (
    "LEADS",
    "MEMBER_OF",
    "PART_OF",
    "SUPPORTS",
    "INVOLVED_IN",
    "OCCURRED_IN",
    "BASED_IN",
    "ISSUED",
    "TARGETS",
)
RELATION_TYPES: Final = TYPED_RELATIONS + ("MENTIONED_IN", "CO_MENTIONED")

INVOLVEMENT_ROLES: Final = ("perpetrator", "suspect", "target", "victim", "linked")
INCIDENT_STATUSES: Final = ("carried_out", "foiled", "attempted")


def slug(text: str) -> str:
    """Lower-case ASCII slug: 'Ayman al-Zawahiri' -> 'ayman-al-zawahiri'."""
    norm = unicodedata.normalize("NFKD", text)
    norm = "".join(c for c in norm if not unicodedata.combining(c))
    norm = norm.replace("\u2019", "'").replace("'", "")
    return re.sub(r"[^a-z0-9]+", "-", norm.lower()).strip("-")


def entity_id(entity_type: str, name: str) -> str:
    """Deterministic id from type and canonical name, so ingest and dashboard agree without a lookup."""
    if entity_type not in ENTITY_TYPES and entity_type != "Designation":
        raise ValueError(f"unknown entity type {entity_type!r}")
    s = slug(name) or hashlib.sha1(name.encode("utf-8")).hexdigest()[:12]
    return f"{entity_type.lower()}:{s}"


def designation_id(authority_id: str, target_id: str, kind: str, date: str | None) -> str:
    """One designation act: the same authority, target, kind and date is the same act."""
    key = "|".join([authority_id, target_id, kind, date or ""])
    return "designation:" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def check_label(label: str) -> str:
    """Return the label if it is in the model, else raise: the only way a label reaches Cypher text."""
    if label not in NODE_LABELS:
        raise ValueError(f"label {label!r} is not in the graph model")
    return label


def check_relation(rel_type: str) -> str:
    """Return the relationship type if it is in the model, else raise."""
    if rel_type not in RELATION_TYPES:
        raise ValueError(f"relationship type {rel_type!r} is not in the graph model")
    return rel_type
