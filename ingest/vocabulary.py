"""The vocabulary users tune (data/*.json), loaded once, and base forms of words.

The pipeline runs without spaCy's lemmatizer (it is the slowest component none
of the entity rules need), so event rules derive base forms themselves: a
word matches a listed base form when it is one of that form's regular
inflections or is listed as irregular.
"""
from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any

from spacy.tokens import Token


@lru_cache(maxsize=None)
def load(name: str) -> dict[str, Any]:
    """One data file from ingest/data, parsed."""
    text = resources.files("ingest").joinpath("data", name).read_text(encoding="utf-8")
    return json.loads(text)


def _inflections(base: str) -> set[str]:
    """Regular noun and verb forms of a base word: attack -> attacks, attacked, attacking."""
    forms = {base}
    if base.endswith("y") and base[-2:-1] not in "aeiou":
        forms |= {base[:-1] + "ies", base[:-1] + "ied", base + "ing"}
    elif base.endswith(("s", "x", "z", "ch", "sh")):
        forms |= {base + "es", base + "ed", base + "ing"}
    else:
        forms.add(base + "s")
    if base.endswith("e"):
        forms |= {base + "d", base[:-1] + "ing"}
    elif not base.endswith("y"):
        forms |= {base + "ed", base + "ing"}
        if len(base) >= 3 and base[-1] in "bdgmnprt" and base[-2] in "aeiou" and base[-3] not in "aeiou":
            forms |= {base + base[-1] + "ed", base + base[-1] + "ing"}
    return forms


@lru_cache(maxsize=None)
def _form_index(words: tuple[str, ...]) -> dict[str, str]:
    index: dict[str, str] = {}
    for word in words:
        for form in _inflections(word):
            index.setdefault(form, word)
    for form, base in load("incident_triggers.json")["irregular"].items():
        if base in words:
            index.setdefault(form, base)
    return index


def base_of(token: Token | str, words: tuple[str, ...] | frozenset[str]) -> str | None:
    """The listed base form that `token` inflects, or None."""
    text = (token if isinstance(token, str) else token.text).lower()
    return _index_of(words).get(text)


@lru_cache(maxsize=256)
def _index_of(words: tuple[str, ...] | frozenset[str]) -> dict[str, str]:
    """The form index of a word collection, without sorting the words again on every lookup."""
    return _form_index(tuple(sorted(words)))


def plural(noun: str) -> str:
    """'attack' -> 'attacks', 'massacre' -> 'massacres' (last word of a phrase)."""
    if noun.endswith("s"):
        return noun
    if noun.endswith("y") and noun[-2:-1] not in "aeiou":
        return noun[:-1] + "ies"
    if noun.endswith(("x", "ch", "sh")):
        return noun + "es"
    return noun + "s"


def incident_roles() -> dict[str, Any]:
    """data/incident_roles.json: how a sentence says who took part in an incident."""
    return load("incident_roles.json")


def governor_role(verb: Token) -> str | None:
    """The role a verb gives its subject towards the incident it governs ('carried out' -> perpetrator)."""
    groups = incident_roles()["governors"]
    for role in ("perpetrator", "suspect", "victim", "target", "linked"):
        if base_of(verb, frozenset(groups[role])):
            return role
    return None
