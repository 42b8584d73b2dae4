"""Designation acts to graph records: one node per (authority, target, kind, date), with ISSUED and TARGETS.

A department's act is also issued by its country when the document names
that country (data/designation_authorities.json), so a question about what
'the United States' designated finds the State Department's listings.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from cypher.model import designation_id
from ingest.anaphora import Referent, anaphoric
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


End = tuple[Entity, str]  # an end of a designation and the sentence that names it (or the anaphor for it)


def to_graph(acts: list["Act"], table: EntityTable) -> tuple[list[Entity], list[Relation]]:
    """Entities and edges for the acts, merging repeats (an undated mention joins its dated twin).

    An end reached through an anaphor ('The State Department designated it ...') is a `Referent`: the edges
    resting on it say so (see `_edge`: TARGETS on the target, ISSUED on both ends), unless another mention
    names that end outright.
    """
    rows: dict[str, tuple[Entity, dict[str, End], End]] = {}
    dated = {(t.id, _group(a.kind)) for a in acts if a.dates for t in a.targets}
    for act in acts:
        sentence = act.sentence.text.strip()
        for target in act.targets:
            dates = act.dates or [None]
            if not act.dates and (target.id, _group(act.kind)) in dated:
                continue  # 'the designation' again, without its date
            for date in dates:
                authority = act.authorities[0] if act.authorities else None
                kind_key = f"{act.kind}|{act.reason}" if act.reason else act.kind
                des_id = designation_id(authority.id if authority else "", target.id, kind_key, date)
                issuers: dict[str, End] = {a.id: (a, sentence) for a in act.authorities}
                if authority is not None:
                    country = country_of(authority, table)
                    if country is not None and country.id not in issuers:
                        issuers[country.id] = (authority, sentence)  # the country acts through its department
                have = rows.get(des_id)
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
                    rows[des_id] = (ent, issuers, (target, sentence))
                else:
                    ent = have[0]
                    for key, end in issuers.items():
                        have[1][key] = _plainer(have[1].get(key), end)
                    if _plainer(have[2], (target, sentence)) is not have[2]:
                        rows[des_id] = (ent, have[1], (target, sentence))
                    if act.status == "lifted":
                        ent.properties["status"] = "lifted"
                start = act.head.idx - act.sentence.start_char
                ent.mentions.append(Mention(act.head.text, sentence, start, start + len(act.head.text)))
    entities: list[Entity] = []
    relations: list[Relation] = []
    for ent, issuers, target in rows.values():
        entities.append(ent)
        evidence = list(dict.fromkeys(m.sentence for m in ent.mentions))[:3]
        for issuer_id, via in issuers.items():
            relations.append(_edge("ISSUED", issuer_id, ent.id, "designation-authority", evidence, via, target))
        relations.append(_edge("TARGETS", ent.id, target[0].id, "designation-target", evidence, target))
    return entities, relations


def _plainer(have: End | None, new: End) -> End:
    """The end to keep: a plain name over one reached through an anaphor, else the first seen."""
    if have is None or isinstance(have[0], Referent) and not isinstance(new[0], Referent):
        return new
    return have


def _edge(kind: str, source: str, target: str, rule: str, evidence: list[str], *ends: End) -> Relation:
    """One ISSUED or TARGETS edge; one resting on an anaphor ('designated it', 'He was listed by X') is marked
    like a relation: "<rule>+anaphora", less confidence, the sentence naming the antecedent first."""
    refs = [(e, said) for e, said in ends if isinstance(e, Referent)]
    if not refs:
        return Relation(kind, source, target, {}, evidence, rule, 0.7)
    said = refs[0][1]
    rule, conf, shown = anaphoric(rule, 0.7, said, *(e for e, s in refs if s == said))
    return Relation(kind, source, target, {}, (shown + [s for s in evidence if s != said])[:3], rule, conf)
