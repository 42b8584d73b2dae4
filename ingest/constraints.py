"""Constraints: whether a phrase may be what an anaphor means, the filters of resolution (ingest.salience
orders the phrases that pass them; ingest.antecedents takes the first).

- agreement: "he" a person, "it" one group or place, "they" a group, "the group" no public body...;
- binding: an anaphor never means a phrase it sits in ("Qassem, his deputy"), nor, unless it is a
  possessive, the subject of its own clause ("Iran arms it").
"""
from __future__ import annotations

from spacy.tokens import Token

from ingest.roles import singular
from ingest.salience import SUBJECTS, Phrase, vocabulary


def agreement(p: Phrase, tok: Token, kind: str) -> str:
    """"yes" (p may be what tok means), "no" (it may not: look further), "block" (it likely is, and names no
    entity), "defer" (it may be, or not: leave it to the rule)."""
    words = vocabulary()
    ent = p.entity
    if kind in ("person", "person-noun"):
        if ent is not None:
            return "yes" if ent.type == "Person" and not p.coordinated else "no"
        if kind == "person-noun":
            return "block" if p.head == singular(tok.text) else "no"  # "a commander ... the commander"
        return "block" if p.person and p.rank == 0 else "no"
    if kind == "group":
        if ent is None:
            return "block" if p.head == singular(tok.text) else "no"  # "a new group ... the group"
        ok = ent.type == "Organization" and (ent.properties.get("kind") not in words["public_kinds"]
                                             or singular(tok.text) in words["any_body_nouns"])
        return "yes" if ok and not p.coordinated else "no"
    if kind == "plural":
        if ent is None:
            return "block" if p.plural or p.coordinated else "no"  # "officials ... they", "A and B ... they"
        return "yes" if ent.type == "Organization" and not p.coordinated else "no"
    if kind == "place":
        return "no" if ent is None or ent.type != "Location" else "block" if p.coordinated else "yes"
    # "thing": it / its ("the Syrian Democratic Forces ... it": a name's plural is no plural)
    if p.person or p.plural and (ent is None or ent.type != "Organization"):
        return "no"
    if ent is None or p.coordinated:
        return "block"  # "The ban froze its assets", "A and B"
    if tok.dep_ == "poss" and ent.properties.get("kind") in words["public_kinds"]:
        return "defer"  # "the State Department added its leader to the list": whose leader, grammar cannot tell
    return "yes" if ent.type in ("Organization", "Location") else "no"


def bound(tok: Token, p: Phrase) -> bool:
    """The phrase cannot be what tok means: tok sits inside it ("Qassem, his deputy"), or tok is not a
    possessive and p is the subject of tok's own clause ("Iran arms it", "Washington holds the group")."""
    node = tok
    while node.head.i != node.i and node.pos_ not in ("VERB", "AUX"):
        node = node.head
        if node.i in (p.i, p.anchor):
            return True
    if tok.dep_ == "poss" or node.pos_ not in ("VERB", "AUX"):
        return False
    verb = node
    while not any(c.dep_ in SUBJECTS for c in verb.children) and verb.dep_ in ("conj", "xcomp") and verb.head.i != verb.i:
        verb = verb.head
    return any(c.dep_ in SUBJECTS and c.i in (p.i, p.anchor) for c in verb.children)
