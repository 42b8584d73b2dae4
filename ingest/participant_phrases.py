"""Parties and places read from one phrase: the steps shared by every reader of incident roles."""
from __future__ import annotations

from spacy.tokens import Token

from ingest.anaphora import Referent
from ingest.entities import EntityTable
from ingest.parties import party
from ingest.incident_triggers import lexicon
from ingest.incidents import IncidentMention
from ingest.records import Entity
from ingest.syntax import children, subtree_entities, with_conjuncts
from ingest.vocabulary import incident_roles, load

ACTORS = ("Person", "Organization")


def add(m: IncidentMention, ent: Entity | None, role: str) -> None:
    if ent is None or (m.place is not None and ent.id == m.place.id):
        return
    if role in ("target", "victim") and ent.type == "Organization" and \
            ent.name.split()[-1].lower() in incident_roles()["facility_words"]:
        return  # 'attacked Garissa University College': the college is the scene, not a party
    if ent.type == "Location" and role in ("victim", "suspect"):
        return
    known = next((k for k, (e, _) in enumerate(m.participants) if e.id == ent.id), None)
    if known is None:
        m.participants.append((ent, role))
    elif isinstance(m.participants[known][0], Referent) and not isinstance(ent, Referent):
        m.participants[known] = (ent, m.participants[known][1])  # named here too: the edge needs no anaphor


def place(m: IncidentMention, ent: Entity | None) -> bool:
    """Record a place of the incident (the first named is its place; all are kept)."""
    if ent is None or ent.type != "Location":
        return False
    if m.place is None:
        m.place = ent
    if all(p.id != ent.id for p in m.places):
        m.places.append(ent)
    return True


def is_state(ent: Entity) -> bool:
    """A country or union acting as a state ('US', 'Israeli'), from the authorities data file."""
    data = load("designation_authorities.json")
    names = {n.lower() for names in data["countries"].values() for n in names}
    names |= {c.lower() for c in data["nationalities"].values()} | {c.lower() for c in data["countries"]}
    return ent.properties.get("kind") == "country" or any(n.lower() in names for n in [ent.name, *ent.aliases])


def possessors(token: Token, table: EntityTable) -> list[Entity]:
    """Entities in the possessive of a noun: "Kabul's international airport" -> Kabul."""
    return [e for c in token.children if c.dep_ == "poss" for e in [party(c, table)] if e is not None]


def nested_places(m: IncidentMention, token: Token, table: EntityTable) -> None:
    """Places inside a phrase: 'the Westgate shopping mall in Nairobi' -> Nairobi (and the mall if named)."""
    for t in token.subtree:
        direct_of = t.text.lower() == "of" and t.head.i == token.i  # 'the city of Mosul'
        if t.dep_ == "prep" and (t.text.lower() in ("in", "at", "near", "outside", "inside") or direct_of) \
                and t.i != token.i:
            for obj in children(t, "pobj"):
                ent = party(obj, table)
                for e in [ent] if ent else subtree_entities(obj, table, ("relcl", "acl", "appos", "prep")):
                    place(m, e)


def prep_object(m: IncidentMention, prep: Token, table: EntityTable) -> None:
    """An entity after a preposition attached to the incident word or verb."""
    word = prep.text.lower()
    lex = lexicon()
    rules = incident_roles()["prepositions"]
    objects = children(prep, "pobj") or [o for c in prep.conjuncts for o in children(c, "pobj")]
    for obj in objects:  # 'in and around Paris'
        if word == "at" and obj.text.lower() == "hands":
            for of in children(obj, "prep"):
                for ent in entities(of, table):
                    add(m, ent, "perpetrator")
            continue
        if word in incident_roles()["place_prepositions"] or word == "from":
            nested_places(m, obj, table)  # 'from the school in Chibok'
        heads = [party(t, table) for t in with_conjuncts(obj)]
        ents = [e for e in heads if e is not None]
        for t, e in zip(with_conjuncts(obj), heads):
            if e is None:
                found = subtree_entities(t, table, ("relcl", "acl", "appos", "prep"))
                if t.pos_ == "NOUN":  # 'the US embassy': a state modifies; 'the Ain al-Asad air base', "Kabul's airport" name a place
                    found = [x for x in found if x.type != "Location" or not is_state(x) or x in possessors(t, table)]
                    nested_places(m, t, table)
                ents += [x for x in found if x not in ents]
        for ent in ents:
            if ent.type == "Location":
                if word in incident_roles()["place_prepositions"] and (word != "of" or m.kind in lex["place_of_kinds"]
                                                               or m.verbal):
                    place(m, ent)
                elif word == "by" and ent in heads:
                    add(m, ent, "perpetrator")
                elif word in ("against", "on") and m.place is not None:
                    add(m, ent, "target")
                continue
            role = rules.get(word)
            if role == "object":
                role = "victim" if m.kind in ("killing", "massacre") else "target"
            if role == "target" and word == "from" and m.kind not in ("military_operation", "capture"):
                role = None
            if role:
                add(m, ent, role)


def entities(prep: Token, table: EntityTable) -> list[Entity]:
    out: list[Entity] = []
    for obj in children(prep, "pobj"):
        for t in with_conjuncts(obj):
            ent = party(t, table)
            out.extend([ent] if ent else subtree_entities(t, table))
    return out
