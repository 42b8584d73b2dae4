"""Anaphora: relations whose argument is "he", "it", "they" or "the group".

News names a group or a person once, then goes on with "It is now led by X", "Iran arms and trains
the group", "US officials accuse it of arming Hezbollah". The relation rules need a named entity for
each argument; `referent(table, token)` gives them the one such a word points back to (found by
ingest.antecedents), as a `Referent`, so that the relation says it rests on a resolution (`anaphoric`:
extractor "<rule>+anaphora", lower confidence, the sentence naming the antecedent before its own).
`unresolved` tells the rules when grammar leaves the antecedent open, so that they do not guess.

The doc's antecedents are found once, in one pass, on the first question about a word that may be
an anaphor, and kept in `doc.user_data`.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from ingest.antecedents import Antecedents
from ingest.salience import may_refer
from ingest.entities import EntityTable
from ingest.records import Entity

CONFIDENCE = 0.8  # a relation through an anaphor keeps this share of its rule's confidence
KEY = "kg_antecedents"


@dataclass(eq=False)
class Referent(Entity):
    """An entity reached through an anaphor; `named_in` is the sentence that names it, `sent` and
    `named_sent` the indexes of the anaphor's sentence and of that one."""

    named_in: str = ""
    named_sent: int = -1
    sent: int = -1


def referent(table: EntityTable, token: Token) -> Referent | None:
    """The entity an anaphoric word stands for, else None (also for every word that is not one)."""
    found = _antecedents(table, token)
    hit = found.found.get(token.i) if found is not None else None
    if hit is None:
        return None
    phrase, sent = hit
    ent = phrase.entity
    assert ent is not None
    return Referent(ent.id, ent.type, ent.name, ent.aliases, ent.properties, ent.mentions,
                    named_in=phrase.named_in, named_sent=phrase.named_sent, sent=sent)


def unresolved(table: EntityTable, token: Token) -> bool:
    """The word is an anaphor whose antecedent grammar leaves open: better no relation than a guess."""
    found = _antecedents(table, token)
    return found is not None and token.i in found.unresolved


def _antecedents(table: EntityTable, token: Token) -> Antecedents | None:
    if not may_refer(token):
        return None
    found = token.doc.user_data.get(KEY)
    if found is None or found.table is not table:
        found = token.doc.user_data[KEY] = Antecedents(token.doc, table)
    return found


def anaphoric(rule: str, conf: float, sentence: str, *ends: Entity) -> tuple[str, float, list[str]]:
    """Extractor, confidence and evidence of a relation between `ends`: one that rests on a resolved
    anaphor is named "<rule>+anaphora", trusted less, and shows the sentence naming the antecedent first
    ("[...]" marks sentences left out between them)."""
    refs = sorted((e for e in ends if isinstance(e, Referent)), key=lambda r: r.named_sent)
    if not refs:
        return rule, conf, [sentence]
    parts: list[str] = []
    for ref in refs:
        if ref.named_in and ref.named_in != sentence and ref.named_in not in parts:
            parts += [ref.named_in] if ref.named_sent == ref.sent - 1 else [ref.named_in, "[...]"]
    return f"{rule}+anaphora", round(conf * CONFIDENCE, 2), [" ".join(parts + [sentence])]


def implied_subject(token: Token) -> Token | None:
    """Who does what a gerund after a preposition says: the object of the verb it completes
    ("accuse it of arming X", "designated the Quds Force for providing support"): object control,
    the anaphor English leaves unsaid."""
    prep = token.head
    if token.dep_ not in ("pobj", "pcomp") or not token.lower_.endswith("ing") or prep.lower_ not in ("of", "for", "with"):
        return None
    objects = [c for c in prep.head.children if c.dep_ == "dobj" and c.i < prep.i]
    return objects[0] if prep.head.pos_ == "VERB" and objects else None
