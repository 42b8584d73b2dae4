"""The words relation rules read: role nouns and verbs, "former" words, part nouns, support and base words.

Loaded once from `data/roles.jsonl` and `data/relation_words.jsonl`, so users
add a role ("quartermaster") or a support verb without touching code.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Any, NamedTuple

from spacy.tokens import Token

from ingest.names import read_rows
from ingest.vocabulary import base_of

IRREGULAR = {"ran": "run", "gave": "give", "given": "give", "sent": "send", "fed": "feed", "built": "build"}


class Role(NamedTuple):
    relation: str  # LEADS or MEMBER_OF
    role: str


@lru_cache(maxsize=1)
def role_table() -> dict[str, Any]:
    """{"nouns": {noun: Role}, "verbs": {base: Role}, "demote", "former", "modifiers": sets}."""
    out: dict[str, Any] = {"nouns": {}, "verbs": {}, "demote": set(), "former": set(), "modifiers": set()}
    for row in read_rows("roles.jsonl"):
        if "noun" in row:
            role = Role(row["relation"], row["role"])
            if row["noun"].startswith("verb:"):
                out["verbs"][row["noun"][5:]] = role
            else:
                out["nouns"][row["noun"]] = role
        for key in ("demote", "former", "modifiers"):
            out[key] |= set(row.get(key, []))
    return out


@lru_cache(maxsize=1)
def words() -> dict[str, Any]:
    """The relation word lists (part_nouns, support_verbs, support_nouns, provide_verbs, base_words)."""
    out: dict[str, Any] = {}
    for row in read_rows("relation_words.jsonl"):
        out.update(row)
    return out


@lru_cache(maxsize=1)
def demonyms() -> dict[str, str]:
    """'iraqi' -> 'Iraq': nationality adjectives and the country they name."""
    return {row["demonym"].lower(): row["country"] for row in read_rows("demonyms.jsonl")}


@lru_cache(maxsize=None)
def word_set(key: str) -> frozenset[str]:
    """One word list of `words()` as a set, built once (the rules test it for every token)."""
    return frozenset(words()[key])


@lru_cache(maxsize=1)
def role_verbs() -> frozenset[str]:
    """The base verbs that name a role ("lead", "found")."""
    return frozenset(role_table()["verbs"])


def verb_base(token: Token, bases: frozenset[str] | set[str]) -> str | None:
    """The listed base verb `token` is a form of ('led' -> 'lead'), or None."""
    text = token.lower_
    if text in IRREGULAR and IRREGULAR[text] in bases:
        return IRREGULAR[text]
    return base_of(text, frozenset(bases))


def singular(word: str) -> str:
    """'leaders' -> 'leader', 'chiefs' -> 'chief' (role and part nouns are regular)."""
    w = word.lower()
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith("s") and not w.endswith("ss") and len(w) > 3:
        return w[:-1]
    return w


def noun_role(noun: Token) -> tuple[Role, bool] | None:
    """The role a head noun names, with its modifiers ('deputy leader', 'prime minister'), and whether former."""
    table = role_table()
    base = singular(noun.text)
    doc = noun.doc
    # the tokenizer splits hyphenated roles: "secretary - general", "co - founder"
    if noun.i + 2 < len(doc) and doc[noun.i + 1].text == "-" and not noun.whitespace_ \
            and f"{base}-{doc[noun.i + 2].lower_}" in table["nouns"]:
        base = f"{base}-{doc[noun.i + 2].lower_}"
    elif noun.i >= 2 and doc[noun.i - 1].text == "-" and not doc[noun.i - 2].whitespace_ \
            and f"{doc[noun.i - 2].lower_}-{base}" in table["nouns"]:
        base = f"{doc[noun.i - 2].lower_}-{base}"
    mods = [c for c in noun.children if c.dep_ in ("amod", "compound", "nmod") and c.i < noun.i]
    mod_words = [m.lower_ for m in mods]
    two = f"{mod_words[-1]} {base}" if mod_words else None
    role = table["nouns"].get(two) if two else None
    two_found = role is not None
    if role is None:
        role = table["nouns"].get(base)
        if role is None:
            return None
        kept = [w for w in mod_words if w in table["modifiers"]]
        if kept:
            role = Role(role.relation, " ".join(kept + [role.role]))
    if role.relation == "LEADS" and any(w in table["demote"] for w in mod_words):
        role = Role("MEMBER_OF", role.role)
    # "the operations chief", "its media chief": head of a department, a member of the whole
    desk = [m for m in mods if m.pos_ == "NOUN" and m.is_lower and m.dep_ == "compound"
            and m.lower_ not in table["modifiers"]]
    if role.relation == "LEADS" and desk and not two_found:
        role = Role("MEMBER_OF", f"{desk[-1].lower_} {role.role}")
    former = any(w in table["former"] for w in mod_words) or _former_prefix(noun)
    return role, former


def _former_prefix(noun: Token) -> bool:
    """'ex-leader', 'former al-Qaeda leader': a former word in the few words before the noun, modifying rightward."""
    former = role_table()["former"]
    doc = noun.doc
    for tok in doc[max(noun.sent.start, noun.i - 4):noun.i]:
        if tok.lower_ in former and noun.i >= tok.head.i > tok.i:
            return True
    return False
