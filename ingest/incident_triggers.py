"""Which words name an incident, and of what kind: data/incident_triggers.json applied to one token."""
from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Token

from ingest.entities import EntityTable
from ingest.syntax import children
from ingest.vocabulary import base_of, load

NOMINAL_DEPS = ("nsubj", "nsubjpass", "dobj", "pobj", "attr", "appos", "conj", "ROOT", "npadvmod", "dep")


def lexicon() -> dict:
    return load("incident_triggers.json")


@lru_cache(maxsize=None)
def words(key: str) -> frozenset[str]:
    """One word list of the lexicon as a set, built once (tested for every token)."""
    return frozenset(lexicon()[key])


@lru_cache(maxsize=1)
def _verb_bases() -> frozenset[str]:
    """Every base form verb_kind looks for: incident verbs, irregular bases, first words of phrasal verbs."""
    lex = lexicon()
    heads = frozenset(phrase.split()[0] for phrase in lex["phrasal"])
    return frozenset(lex["irregular"].values()) | words("verbs") | heads


def noun_kind(token: Token, table: EntityTable) -> tuple[str, str] | None:
    """(kind, noun) when the token is an incident noun in a nominal position, else None."""
    lex = lexicon()
    if token.pos_ not in ("NOUN", "PROPN") and not (token.tag_ == "VBG" and token.dep_ in NOMINAL_DEPS):
        return None
    if token.dep_ == "compound":
        return None
    nouns = words("nouns")
    prev = token.doc[token.i - 1] if token.i > 0 else None
    two = f"{prev.text.lower()} {token.text.lower()}" if prev is not None else ""
    base = base_of(two, nouns) if two else None
    base = base or base_of(token, nouns)
    if base is None:
        return None
    if token.pos_ == "PROPN" and table.lookup(token) is not None and token.ent_type_ != "EVENT":
        return None  # 'Tharthar Barrage' is a dam; 'Operation X' names come through as EVENT
    kind = lex["nouns"][base]
    mods = [c for c in token.children if c.dep_ in ("compound", "amod", "nmod")]
    refined = None
    known_mod = False
    for mod in mods:
        mbase = base_of(mod, words("modifiers"))
        if mbase is not None:
            known_mod = True
            refined = refined or lex["modifiers"][mbase]
    if base in lex["needs_context"] and not known_mod and _casualty_context(token, table):
        known_mod = True
    if base in lex["needs_context"] and not known_mod:
        acl = _purpose_verb(token)
        if acl is not None:
            kind = acl[0]
        elif not any(c.dep_ == "prep" and c.text.lower() in ("against", "on", "of") for c in token.children):
            return None
        elif base == "fall" and not _of_place(token, table):
            return None
    if refined:
        kind = refined
    return kind, base.split()[-1]


def plan_noun(token: Token) -> bool:
    """'a plan to attack', 'plans to carry out attacks', 'a scheme to', 'a conspiracy to murder': a noun of
    planning, which makes the deed of its infinitive a plot (a plan word, or a noun that names a plot)."""
    if token.pos_ not in ("NOUN", "PROPN"):
        return False
    lex = lexicon()
    plots = frozenset(n for n, kind in lex["nouns"].items() if kind in lex["status"]["plot_kinds"])
    return base_of(token, words("plan_verbs") | plots) is not None


def _casualty_context(token: Token, table: EntityTable) -> bool:
    """'killed in a US strike': a strike that kills, or one a state carries out, is an incident."""
    for c in token.children:
        if c.dep_ in ("compound", "amod", "nmod"):
            ent = table.lookup(c)
            if ent is not None and ent.type == "Location":
                return True
    if token.dep_ == "pobj" and token.head.head.pos_ == "VERB":
        return base_of(token.head.head, words("casualty_verbs") | {"die", "wound", "injure"}) is not None
    return False


def _purpose_verb(token: Token) -> tuple[str, Token] | None:
    """'operations to retake Mosul' -> the kind of 'retake'."""
    for acl in children(token, "acl", "relcl"):
        kind = verb_kind(acl)
        if kind is not None:
            return kind[0], acl
    return None


def _of_place(token: Token, table: EntityTable) -> bool:
    for prep in children(token, "prep"):
        if prep.text.lower() == "of":
            for obj in children(prep, "pobj"):
                ent = table.lookup(obj)
                if ent is not None and ent.type == "Location":
                    return True
    return False


def verb_kind(token: Token) -> tuple[str, str] | None:
    """(kind, base) when the token is an incident verb ('bombed', 'taken back', 'taken prisoner')."""
    if token.pos_ != "VERB":
        return None
    lex = lexicon()
    base = base_of(token, _verb_bases())
    if base is None:
        return None
    if any(c.dep_ in ("dobj", "prt") and c.text.lower() in lex["object_exclusions"] for c in token.children):
        return None  # 'struck a deal'
    for particle in token.children:
        if particle.dep_ in ("prt", "oprd", "dobj", "attr", "advmod", "prep"):
            phrase = f"{base} {particle.text.lower()}"
            if phrase in lex["phrasal"]:
                return lex["phrasal"][phrase], phrase
    if base in lex["verbs"]:
        return lex["verbs"][base], base
    return None


def weapon_verb(token: Token) -> tuple[str, str] | None:
    """'fired ballistic missiles at the base' -> an attack."""
    lex = lexicon()
    if token.pos_ != "VERB":
        return None
    base = base_of(token, words("weapon_verbs"))
    if base is None:
        return None
    for obj in children(token, "dobj"):
        if base_of(obj, words("weapons")):
            return lex["weapon_verbs"][base], base
    return None
