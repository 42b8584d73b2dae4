"""Constraints: whether a phrase may be what an anaphor means, the filters of resolution (ingest.salience
orders the phrases that pass them; ingest.antecedents takes the first).

- agreement: "he" a person, "it" one group or place, "they" a group, "the group" no public body...;
- binding: an anaphor never means a phrase it sits in ("Qassem, his deputy"), nor, unless it is a
  possessive, the subject of its own clause ("Iran arms it"); a possessive may ("Iran arms its proxies"),
  except the owner of property its verb takes away ("The Treasury froze its assets": not the Treasury's).
"""
from __future__ import annotations

from spacy.tokens import Token

from ingest.roles import singular
from ingest.salience import SUBJECTS, Phrase, vocabulary
from ingest.vocabulary import base_of


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
        if taker(tok) is not None:
            return "no"  # "The State Department listed X. The Treasury froze its assets": authorities take, targets own
        return "defer"  # "the State Department added its leader to the list": whose leader, grammar cannot tell
    return "yes" if ent.type in ("Organization", "Location") else "no"


def bound(tok: Token, p: Phrase) -> bool:
    """The phrase cannot be what tok means: tok sits inside it ("Qassem, his deputy"); tok is not a possessive
    and p is the subject of tok's own clause ("Iran arms it", "Washington holds the group"); or tok owns
    property and p is the subject of the verb that takes it ("The Treasury designated X and froze its assets")."""
    node = tok
    while node.head.i != node.i and node.pos_ not in ("VERB", "AUX"):
        node = node.head
        if node.i in (p.i, p.anchor):
            return True
    if tok.dep_ == "poss":
        verb = taker(tok)
        return verb is not None and _is_subject(p, verb, ("conj", "xcomp", "advcl"))
    return node.pos_ in ("VERB", "AUX") and _is_subject(p, node, ("conj", "xcomp"))


def taker(tok: Token) -> Token | None:
    """The verb that takes away the property a possessive owns ("froze its assets", "seized their funds"), else None."""
    words = vocabulary()
    owned = tok.head
    while owned.dep_ == "conj" and owned.head.i != owned.i:  # "froze its funds and its property"
        owned = owned.head
    if singular(tok.head.text) not in words["property_nouns"] or owned.dep_ != "dobj":
        return None
    return owned.head if base_of(owned.head, words["dispossession_verbs"]) is not None else None


def _is_subject(p: Phrase, verb: Token, through: tuple[str, ...]) -> bool:
    """p is the subject of the verb, or, where it has none, of the verb it is coordinated with or completes
    (`through`: "designated X and froze its assets", "placed X on the list, freezing its assets")."""
    while not any(c.dep_ in SUBJECTS for c in verb.children) and verb.dep_ in through and verb.head.i != verb.i:
        verb = verb.head
    return any(c.dep_ in SUBJECTS and c.i in (p.i, p.anchor) for c in verb.children)
