"""Salience: what a reader keeps of each noun phrase to tell what a later "it" or "the group" means.

Its rank (subject, object, other: centering prefers subjects), whether it sits in the main clause,
number and person, and the entity it names; and the words anaphors are made of (data/anaphora.json).
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from spacy.tokens import Span, Token

from ingest.records import Entity
from ingest.roles import role_table, singular
from ingest.vocabulary import base_of, load

SUBJECTS = ("nsubj", "nsubjpass")
OBJECTS = ("dobj", "attr", "oprd", "dative")
INSIDE = ("compound", "flat", "nmod", "amod", "det", "case")  # words inside a phrase, not its head
UNNAMED = ("DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY")
NAMED = ("Person", "Organization", "Location")


@dataclass
class Phrase:
    """A noun phrase an anaphor may point back to: its head token, entity (if it names one) and grammar;
    `named_in` and `named_sent` are the sentence that names the entity and its index."""

    i: int
    entity: Entity | None
    rank: int  # 0 subject, 1 object, 2 any other phrase
    plural: bool
    person: bool
    coordinated: bool
    head: str
    anaphor: bool  # a pronoun or description: the entity it stands for is the one the text is continuing with
    named_in: str
    named_sent: int
    anchor: int = -1  # for a name modifying a noun ("Hezbollah financier X"), that noun: the phrase it sits in
    main: bool = True  # in the main clause, not in a relative or subordinate one


@lru_cache(maxsize=1)
def vocabulary() -> dict[str, Any]:
    """data/anaphora.json with its word lists as sets (role nouns count as person nouns that block)."""
    data = load("anaphora.json")
    out: dict[str, Any] = {k: frozenset(v) if isinstance(v, list) else v for k, v in data.items()}
    out["blocking_person_nouns"] |= frozenset(role_table()["nouns"])
    out["nouns"] = out["group_nouns"] | out["person_nouns"] | out["name_heads"]
    return out


def may_refer(token: Token) -> bool:
    """Whether the word is one an anaphor can be (a listed pronoun or noun): a cheap test before any parse walk."""
    words = vocabulary()
    return token.lower_ in words["pronouns"] or token.pos_ == "NOUN" and singular(token.text) in words["nouns"]


NAMING = ("called", "known", "named", "dubbed")  # "the group, formally called X": the participle names the noun


def given_name(tok: Token, lookup: Callable[[Token], Entity | None]) -> Entity | None:
    """The entity a noun's own name beside it names: its apposition ("the group, Ansaru") or the object of a
    naming participle ("the group, formally called Islamic State Khorasan Province", "the cell known as X")."""
    for c in tok.children:
        if c.dep_ == "appos" and (ent := lookup(c)) is not None:
            return ent
    for c in tok.children:
        if c.dep_ == "acl" and c.lower_ in NAMING:
            for t in c.subtree:
                if t.pos_ == "PROPN" and t.i > c.i and (ent := lookup(t)) is not None:
                    return ent
    return None


def grammatical_rank(tok: Token) -> int:
    """0 for a subject (or the root of a sentence the parser found no verb in), 1 for an object, else 2;
    an apposition or conjunct ranks as the phrase it belongs to."""
    while tok.dep_ in ("appos", "conj") and tok.head.i != tok.i:
        tok = tok.head
    if tok.dep_ in SUBJECTS or tok.dep_ == "ROOT":
        return 0
    return 1 if tok.dep_ in OBJECTS or tok.head.dep_ == "agent" else 2


def in_main_clause(tok: Token, sent: Span) -> bool:
    """The first verb above the word is the main clause's verb (see `main_verb`), or a verb coordinated with it."""
    node = tok.head
    while node.pos_ not in ("VERB", "AUX") and node.head.i != node.i:
        node = node.head
    main = main_verb(sent)
    return node.i == main.i or node.dep_ == "conj" and node.head.i == main.i


def main_verb(sent: Span) -> Token:
    """The verb of what a sentence asserts: its root, or, when the root is a verb of saying, what is said
    ("Zawahiri was killed in Kabul, Biden announced": killed): the reporter is no main-clause subject."""
    root, words = sent.root, vocabulary()
    if base_of(root, words["reporting_verbs"]) is None and words["irregular"].get(root.lower_) not in words["reporting_verbs"]:
        return root
    said = [c for c in root.children if c.dep_ in ("ccomp", "parataxis") and c.pos_ in ("VERB", "AUX")]
    return said[0] if said else root


def controller(tok: Token) -> int | None:
    """The object that does what the infinitive around a possessive says, after a verb of object control
    ("press the regime to end its attacks", "call on Russia to use its influence"): the phrase "its"
    belongs to first (as a clause's subject would), else None."""
    verb = tok.head
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    if tok.dep_ != "poss" or verb.dep_ not in ("xcomp", "advcl") or any(c.dep_ in SUBJECTS for c in verb.children) \
            or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return None
    governor = verb.head
    if base_of(governor, vocabulary()["control_verbs"]) is None:
        return None
    objects = [c for c in governor.children if c.dep_ == "dobj"] + \
        [o for p in governor.children if p.dep_ == "prep" and p.lower_ == "on" for o in p.children if o.dep_ == "pobj"]
    return next((o.i for o in objects if o.i < verb.i), None)
