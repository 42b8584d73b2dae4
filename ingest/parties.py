"""Parties: the entity a word names, "he", "it", "they", "the group" included.

The incident and designation rules ask one question of every subject, object and possessive they read:
whom does this word name? A name answers itself. An anaphor ("It claimed the bombing", "he was charged
over the plot", "its fighters stormed the mall", "The State Department designated it a Foreign Terrorist
Organization", "Britain proscribed the group") is answered by ingest.anaphora, the resolver the relation
rules use (agreement, subjects first, same paragraph): its answer is a `Referent`, so that the edge says
it rests on a resolution. Where grammar leaves the antecedent open, the word names nobody. Only words that
resolver does not read ("the branch", "ISIS-K: the group behind the bombing", "Sinwar" after "Yahya
Sinwar") keep the rule's older reading (`guess`; by default ingest.syntax.resolve).
"""
from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from ingest.anaphora import referent, unresolved
from ingest.entities import EntityTable
from ingest.records import Entity
from ingest.syntax import resolve
from ingest.vocabulary import incident_roles

POSSESSIVES = ("its", "their")


def party(token: Token, table: EntityTable,
          guess: Callable[[Token, EntityTable], Entity | None] = resolve) -> Entity | None:
    """The entity the word names: a name, the antecedent of an anaphor, else `guess`, the rule's older reading
    (see above)."""
    ent = table.lookup(token)
    if ent is not None:
        return ent
    owner = _owner(token)  # "its fighters", "their gunmen": the group the possessive stands for
    word = owner if owner is not None else token
    found = referent(table, word)
    if found is not None:
        return found
    if unresolved(table, word):
        return None  # "A commander said he ...", "The branch has shown that it can strike": no guess
    return guess(token, table)


def _owner(token: Token) -> Token | None:
    """The possessive pronoun of a noun for a group's members ("its fighters"), else None."""
    owner = next((c for c in token.children if c.dep_ == "poss" and c.lower_ in POSSESSIVES), None)
    if owner is None or token.pos_ != "NOUN" or token.lower_ not in incident_roles()["member_nouns"]:
        return None
    return owner
