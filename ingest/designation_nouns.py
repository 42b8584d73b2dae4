"""Designation acts a noun states ('the 2019 listing of X', 'a reward for information on X'), and reward targets."""
from __future__ import annotations

from spacy.tokens import Token

from ingest.designation_act import Act, vocab, words
from ingest.designation_phrases import entities_of, phrase
from ingest.entities import EntityTable
from ingest.parties import party
from ingest.polarity import asserted
from ingest.records import Entity
from ingest.syntax import children, governor, subject, subtree_entities
from ingest.vocabulary import base_of


def noun_act(tok: Token, table: EntityTable) -> Act | None:
    if tok.pos_ not in ("NOUN", "PROPN") or tok.dep_ == "compound":
        return None
    v = vocab()
    nouns = words("nouns")
    prev = tok.doc[tok.i - 1] if tok.i > 0 else None
    base = base_of(f"{prev.text.lower()} {tok.text.lower()}", nouns) if prev is not None else None
    base = base or base_of(tok, nouns)
    if base is not None and table.lookup(tok) is not None:
        return None  # 'the Rewards for Justice programme' is a name, not a reward
    verb = None
    if base is None and base_of(tok, words("list_nouns")):
        verb, _ = governor(tok)  # 'Hamas has been on the US list of Foreign Terrorist Organizations'
        if verb is None or not base_of(verb, words("bearer_verbs")):
            return None
        base = "listing"
    if base is None:
        return None
    act = Act(v["nouns"][base], tok, tok.sent)
    if base == "listing" and verb is not None:  # '... since the State Department published the list'
        for clause in children(verb, "advcl"):
            if any(c.dep_ == "mark" and c.text.lower() == "since" for c in clause.children):
                for who in children(clause, "nsubj"):
                    act.authorities += entities_of(who, table)
    targets: list[Entity] = []
    for prep in children(tok, "prep"):
        word = prep.text.lower()
        for obj in children(prep, "pobj"):
            if word in ("of", "on", "against", "for", "targeting", "upon"):
                targets += entities_of(obj, table)
            elif word == "by":
                act.authorities += entities_of(obj, table)
            elif word == "as":
                act.reason = phrase(prep)
                for inner in obj.subtree:
                    if inner.dep_ in ("prep", "agent") and inner.text.lower() == "by":
                        for who in children(inner, "pobj"):
                            act.authorities += entities_of(who, table)
    poss = [party(c, table) for c in tok.children if c.dep_ == "poss"]  # 'its listing': the resolver's antecedent
    for c in tok.children:
        if c.dep_ in ("compound", "amod", "nmod") and c.pos_ in ("PROPN", "ADJ", "NOUN"):
            ent = table.lookup(c)
            if ent is not None and ent.type in ("Organization", "Location", "Person"):
                act.authorities.append(ent)
    verb, prep = governor(tok)
    if verb is not None:
        vbase = base_of(verb, words("governors") | words("lifting") | words("restoring"))
        if vbase in vocab()["lifting"] and asserted(verb):  # 'the ban was not lifted' stays active
            act.status = "lifted"
        if tok.dep_ in ("dobj",) and vbase is not None:
            s = subject(verb)
            if s is not None:
                act.authorities += entities_of(s, table)
            for p in children(verb, "prep", "dative"):
                if p.text.lower() in ("on", "against", "for", "upon") or (
                        p.text.lower() == "to" and base_of(verb, frozenset(["extend", "apply"]))):
                    for obj in children(p, "pobj"):
                        targets += entities_of(obj, table)
        elif tok.dep_ == "nsubjpass":
            for agent in children(verb, "agent"):
                for obj in children(agent, "pobj"):
                    act.authorities += entities_of(obj, table)
            for p in children(verb, "prep"):
                if p.text.lower() in ("on", "against", "for", "upon"):
                    for obj in children(p, "pobj"):
                        targets += entities_of(obj, table)
        elif vbase is None and base_of(verb, words("bearer_verbs")) \
                and tok.dep_ in ("pobj", "dobj", "attr"):
            s = subject(verb)  # 'X is under UN sanctions', 'X faces a travel ban'
            if s is not None and not targets:
                targets += entities_of(s, table)
    ents = [e for e in poss if e is not None]
    if not targets and ents:
        targets = ents
    elif ents:
        act.authorities += ents
    if act.kind == "reward" and not targets:  # 'a reward of $25 million for information on X'
        targets = bounty_targets(tok, table) + (bounty_targets(verb, table)
                                                 if verb is not None and tok.dep_ == "dobj" else [])
    act.targets = [t for t in targets if t.id not in {a.id for a in act.authorities}]
    act.anaphoric = not act.targets and any(c.dep_ == "det" for c in tok.children)
    if act.status == "lifted" and not act.targets:
        act.anaphoric = True
    return act


BOUNTY_NOUNS = ("information", "capture", "arrest", "conviction", "whereabouts", "location")


def _bounty_preps(head: Token) -> list[Token]:
    """'for information on X' / 'for the capture of X' anywhere under the offer or the sum."""
    return [p for p in head.subtree if p.dep_ == "prep" and p.text.lower() == "for"
            and any(o.text.lower() in BOUNTY_NOUNS for o in children(p, "pobj"))]


def bounty_for(verb: Token) -> bool:
    """A sum offered for information on someone, or for their capture, is a reward."""
    money = any(t.ent_type_ == "MONEY" for c in children(verb, "dobj") for t in c.subtree)
    return money and bool(_bounty_preps(verb))


def bounty_targets(head: Token, table: EntityTable) -> list[Entity]:
    """The people a reward is for: anywhere under 'for information leading to the capture of X'."""
    out: list[Entity] = []
    for p in _bounty_preps(head):
        for obj in children(p, "pobj"):
            out += [e for e in subtree_entities(obj, table, ("relcl",)) if e.type in ("Person", "Organization")
                    and e not in out]
    return out
