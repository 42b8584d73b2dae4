"""Designation acts to graph records: one node per (authority, target, kind, date), with ISSUED and TARGETS.

A department's act is also issued by its country when the document names
that country (data/designation_authorities.json), so a question about what
'the United States' designated finds the State Department's listings.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from cypher.model import designation_id
from ingest.entities import EntityTable
from ingest.records import Entity, Mention, Relation
from ingest.vocabulary import load

if TYPE_CHECKING:
    from ingest.designation_act import Act


def _key(name: str) -> str:
    name = name.strip().lower()
    for prefix in ("the ", "us ", "u.s. ", "united states "):
        name = name.removeprefix(prefix)
    return name


def country_of(authority: Entity, table: EntityTable) -> Entity | None:
    """The state a department belongs to, if the document names that state."""
    data = load("designation_authorities.json")
    ministries = {_key(k): v for k, v in data["authorities"].items()}
    own = [authority.name, *authority.aliases]
    country = next((ministries[_key(n)] for n in own if _key(n) in ministries), None)
    if country is None:  # 'Washington' acts for the United States
        lowered = {n.lower().removeprefix("the ") for n in own}
        country = next((c for c, names in data["countries"].items() if lowered & {n.lower() for n in names}), None)
    if country is None:
        return None
    names = {n.lower() for n in data["countries"].get(country, [country])}
    for ent in table.entities:
        if ent.id != authority.id and ent.type in ("Location", "Organization") and \
                {n.lower().removeprefix("the ") for n in [ent.name, *ent.aliases]} & names:
            return ent
    return None


LISTINGS = ("terrorism", "sanctions", "asset_freeze")


def _group(kind: str) -> str:
    """Listings of one target count as one family: an undated mention repeats a dated one."""
    return "listing" if kind in LISTINGS else kind


def to_graph(acts: list["Act"], table: EntityTable) -> tuple[list[Entity], list[Relation]]:
    """Entities and edges for the acts, merging repeats (an undated mention joins its dated twin)."""
    rows: dict[str, tuple[Entity, list[str], str | None]] = {}
    dated = {(t.id, _group(a.kind)) for a in acts if a.dates for t in a.targets}
    for act in acts:
        for target in act.targets:
            dates = act.dates or [None]
            if not act.dates and (target.id, _group(act.kind)) in dated:
                continue  # 'the designation' again, without its date
            for date in dates:
                authority = act.authorities[0] if act.authorities else None
                kind_key = f"{act.kind}|{act.reason}" if act.reason else act.kind
                des_id = designation_id(authority.id if authority else "", target.id, kind_key, date)
                issuers = [a.id for a in act.authorities]
                if authority is not None:
                    country = country_of(authority, table)
                    if country is not None and country.id not in issuers:
                        issuers.append(country.id)
                have = rows.get(des_id)
                sentence = act.sentence.text.strip()
                if have is None:
                    label = act.kind.replace("_", " ")
                    name = f"{label}: {target.name}" + (f" by {authority.name}" if authority else "") + \
                        (f" ({date})" if date else "")
                    props = {"kind": act.kind, "status": act.status}
                    if act.reason:
                        props["reason"] = act.reason
                    if date:
                        props["date"] = date
                    if act.lifted:
                        props["liftedDate"] = act.lifted
                    if act.lifted_by:
                        props["liftedBy"] = act.lifted_by
                    ent = Entity(des_id, "Designation", name, [], props)
                    rows[des_id] = (ent, issuers, target.id)
                else:
                    ent = have[0]
                    have[1].extend(i for i in issuers if i not in have[1])
                    if act.status == "lifted":
                        ent.properties["status"] = "lifted"
                start = act.head.idx - act.sentence.start_char
                ent.mentions.append(Mention(act.head.text, sentence, start, start + len(act.head.text)))
    entities: list[Entity] = []
    relations: list[Relation] = []
    for ent, issuers, target_id in rows.values():
        entities.append(ent)
        evidence = list(dict.fromkeys(m.sentence for m in ent.mentions))[:3]
        for issuer in issuers:
            relations.append(Relation("ISSUED", issuer, ent.id, {}, evidence, "designation-authority", 0.7))
        relations.append(Relation("TARGETS", ent.id, target_id, {}, evidence, "designation-target", 0.7))
    return entities, relations
