"""Who a designation names: targets, authorities and the category, read from noun phrases.

'Boko Haram and a splinter faction, Ansaru' names two targets; "its leader,
Sanaullah Ghafari" names the leader, not the group; 'it' after 'the Council
added' is the group named before, never the Council; 'the al-Qaeda sanctions
list' is the Council's list, not al-Qaeda's. 'He', 'it', 'the group' name whom ingest.parties says
(the anaphora resolver), so that an edge resting on one says so (ingest.designation_graph).
"""
from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from ingest.entities import EntityTable
from ingest.parties import party
from ingest.records import Entity
from ingest.syntax import children, resolve, with_conjuncts
from ingest.vocabulary import load

STOP = ("relcl", "acl", "appos", "prep")


def entities_of(token: Token, table: EntityTable, before: int | None = None) -> list[Entity]:
    """The entities a noun phrase names, coordinated and apposed ones included.

    'Boko Haram and a splinter faction, Ansaru' -> both; 'its leader, Sanaullah Ghafari' -> the leader,
    not the group; 'it' -> the organisation named before the clause began.
    """
    out: list[Entity] = []
    for t in with_conjuncts(token):
        if any(c.dep_ in ("compound", "amod") and c.pos_ == "PROPN" for c in t.children):
            ent = resolve(t, table)  # 'the Haqqani network' is a name, not an anaphor
        else:  # 'it', 'he', 'the group': the resolver's antecedent; the older guess where it does not read the word
            ent = party(t, table, lambda word, tab: _guess(word, tab, before))
            if ent is not None and before is not None and t.pos_ == "PRON" and is_authority(ent):
                ent = last_listed(t.doc, before, table)  # 'and the Council added it to the list': what was listed
        found = [ent] if ent is not None else []
        for inner in phrase_tokens(t):
            if inner.i == t.i:
                continue
            e = table.lookup(inner) if inner.pos_ == "PROPN" else None
            own_name = inner.dep_ == "appos" or (inner.dep_ in ("compound", "flat") and inner.head.dep_ == "appos"
                                                 and inner.head.pos_ == "PROPN")
            if e is not None and e not in found and (ent is None or own_name):
                found.append(e)
        out += [e for e in found if e not in out and e.type in ("Person", "Organization", "Location")]
    return out


def _guess(t: Token, table: EntityTable, before: int | None) -> Entity | None:
    """The older reading of a word the resolver does not read: 'it' after the clause's start is the
    organisation last listed, "the group's military wing" the group."""
    groups = load("incident_roles.json")["group_nouns"]
    if t.pos_ == "PRON" and before is not None and t.text.lower() in ("it", "them"):
        return last_listed(t.doc, before, table)
    if t.text.lower() in groups and children(t, "poss"):
        owner = children(t, "poss")[0]  # "the group's military wing" -> the group
        if owner.text.lower() not in groups:
            return party(owner, table)
        start = before if before is not None else owner.i
        return party(owner, table, lambda word, tab: last_listed(word.doc, start, tab))
    if t.text.lower() in groups and before is not None and any(
            c.dep_ == "det" and c.text.lower() in ("the", "this", "that") for c in t.children):
        return last_listed(t.doc, before, table)
    return resolve(t, table)


def last_listed(doc: Doc, before: int, table: EntityTable) -> Entity | None:
    """The organisation 'it' stands for: a recent subject first (centering), else the last one named.

    Authorities are skipped: in 'the Council added it to the list', 'it' is not the Council.
    """
    fallback: Entity | None = None
    start = doc[before].sent.start if before < len(doc) else before
    previous = doc[start - 1].sent.start if start > 0 else start
    for i in range(before - 1, max(-1, before - 300), -1):
        tok = doc[i]
        if tok.pos_ not in ("PROPN", "NOUN"):
            continue
        if tok.pos_ == "NOUN" and tok.dep_ in ("nsubj", "nsubjpass"):
            ent = resolve(tok, table)
        else:
            ent = table.lookup(tok) or (resolve(tok, table) if tok.pos_ == "PROPN" else None)
        if ent is None or ent.type != "Organization" or is_authority(ent):
            continue
        if i >= start or (tok.dep_ in ("nsubj", "nsubjpass") and i >= previous):
            return ent  # named earlier in this sentence, or the subject of the one before
        fallback = fallback or ent
    return fallback


def phrase_tokens(token: Token) -> list[Token]:
    """Tokens of a noun phrase without clauses, possessors or ordinary prepositional phrases."""
    out = []
    for child in token.children:
        if child.dep_ in ("relcl", "acl", "poss", "cc", "conj", "punct"):
            continue
        if child.dep_ == "prep" and child.text.lower() not in ("including", "like", "such", "of") and not (
                token.text.lower() in ("information", "details", "capture", "arrest", "conviction")
                and child.text.lower() in ("on", "about", "of", "leading")):
            continue  # but 'information on X', 'the arrest of X' name X
        out += phrase_tokens(child)
    return [token, *out]


def modifier_entities(token: Token, table: EntityTable) -> list[Entity]:
    """'the UN sanctions list' -> UN; 'its list' -> nothing."""
    out = []
    for c in token.children:
        if c.dep_ in ("compound", "poss", "nmod") and c.pos_ == "PROPN":
            ent = table.lookup(c)
            if ent is not None and (c.dep_ == "poss" or is_authority(ent)):
                out.append(ent)  # 'the al-Qaeda sanctions list' is not al-Qaeda's list
    return out


def is_authority(ent: Entity) -> bool:
    data = load("designation_authorities.json")
    names = {k.lower() for k in data["authorities"]} | {n.lower() for v in data["countries"].values() for n in v}
    names |= {k.lower() for k in data["countries"]}
    return ent.type == "Location" or any(n.lower().removeprefix("the ") in names for n in [ent.name, *ent.aliases]) \
        or any(w in ent.name for w in ("Council", "Department", "Ministry", "Office", "Treasury", "Union", "Nations"))


def phrase(prep: Token) -> str | None:
    objs = children(prep, "pobj")
    return phrase_token(objs[0]) if objs else None


def phrase_token(tok: Token) -> str:
    """The reason phrase: 'a Foreign Terrorist Organization' -> 'Foreign Terrorist Organization' (no clauses or dates)."""
    cut = [a for a in tok.children if a.dep_ in ("relcl", "acl", "appos") or (a.dep_ == "prep" and a.text.lower() != "of")]
    toks = [t for t in tok.subtree if t.dep_ not in ("det", "poss") and t.tag_ != "PRP$"
            and not any(t in a.subtree for a in cut)]
    text = tok.doc[toks[0].i: toks[-1].i + 1].text if toks else tok.text
    return re.sub(r"^(a|an|the)\s+", "", text.strip(), flags=re.I)[:120]
