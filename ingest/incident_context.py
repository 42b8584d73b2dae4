"""Roles given by the words around an incident noun: its governing verb, 'the architect of', 'where'."""
from __future__ import annotations

from spacy.tokens import Token

from ingest.entities import EntityTable
from ingest.parties import party
from ingest.incidents import IncidentMention
from ingest.participant_phrases import ACTORS, add, entities, nested_places, place, prep_object
from ingest.polarity import asserted
from ingest.syntax import children, governor, is_passive, members, subject, subtree_entities, with_conjuncts
from ingest.vocabulary import base_of, governor_role, incident_roles


def context_roles(m: IncidentMention, table: EntityTable) -> None:
    """The verb governing an incident noun gives its subject a role ('X carried out the attack')."""
    if m.verbal:
        return
    _agent_nouns(m, table)
    verb, prep = governor(m.head)
    if verb is None:
        return
    denied = not asserted(verb)  # 'X denied carrying out the attack', 'did not claim it': ingest.polarity
    role = None if denied else governor_role(verb)
    passive = is_passive(verb)
    if prep == "by" and passive:
        # 'cities such as Aleppo have been reduced to rubble by regime bombardment'
        for subj in children(verb, "nsubjpass"):
            for ent in subtree_entities(subj, table):
                place(m, ent)
    where = _where_clause(m.head)
    if where is not None:
        for ent in subtree_entities(where, table, ("relcl", "appos")):
            if place(m, ent):
                break
    if m.head.dep_ == "nsubj" and not passive:  # 'airstrikes killed 40 people in Gaza City'
        for p in children(verb, "prep"):
            if p.text.lower() in ("in", "at", "near", "across"):
                prep_object(m, p, table)
        for obj in children(verb, "dobj"):
            nested_places(m, obj, table)
    if m.head.dep_ == "nsubjpass" or (m.head.dep_ == "nsubj" and not passive):
        # 'the attack was carried out by X' / 'the attack killed 12 people'
        for agent in children(verb, "agent"):
            for ent in entities(agent, table):
                if role == "perpetrator" and not place(m, ent):
                    add(m, ent, "perpetrator")
        if m.head.dep_ == "nsubjpass":
            for p in children(verb, "prep"):
                if p.text.lower() in ("in", "at", "near"):
                    prep_object(m, p, table)
        return
    if denied:
        return
    if base_of(verb, frozenset(incident_roles()["attribution_verbs"])) and m.head.dep_ in ("dobj", "nsubjpass"):
        # 'investigators linked the bombing to Hezbollah'
        for p in children(verb, "prep"):
            if p.text.lower() in ("to", "on", "with"):
                for ent in entities(p, table):
                    if ent.type in ACTORS:
                        add(m, ent, "linked")
        return
    if role is None and prep == "during":
        role = "linked"
    if role is None:
        return
    if role in ("victim", "perpetrator"):  # 'was killed in an airstrike in Beirut'
        for p in children(verb, "prep"):
            if p.text.lower() in ("in", "at", "near") and m.head.i not in {t.i for t in p.subtree}:
                prep_object(m, p, table)
    subj = subject(verb)
    if subj is None:
        return
    if role == "victim" and not passive and children(verb, "dobj"):
        # 'SEALs killed bin Laden in a raid': the subject did it, the object suffered it
        for t in with_conjuncts(subj):
            ent = party(t, table)
            if ent is not None and ent.type in ACTORS:
                add(m, ent, "perpetrator")
        subj = children(verb, "dobj")[0]
    if role == "suspect" and not passive:
        subj = (children(verb, "dobj") or [None])[0]
        if subj is None:
            return
    for t in members(subj):
        ent = party(t, table)
        if ent is not None and ent.type in ACTORS:
            add(m, ent, role)
    if passive and role == "perpetrator":
        for agent in children(verb, "agent"):
            for ent in entities(agent, table):
                add(m, ent, "perpetrator")


def _agent_nouns(m: IncidentMention, table: EntityTable) -> None:
    """'Sinwar, the chief architect of the attack' and 'the group behind the bombing' are perpetrators."""
    prep = m.head.head if m.head.dep_ == "pobj" else None
    if prep is None or prep.dep_ != "prep":
        return
    noun = prep.head
    word = prep.text.lower()
    if word == "of" and noun.text.lower() in incident_roles()["agent_role_nouns"] or word == "behind":
        ent = party(noun, table)
        owner = noun
        while ent is None and owner.dep_ in ("conj", "appos") and owner.head.i != owner.i:
            owner = owner.head  # 'Sinwar, the leader of Hamas and the chief architect of the attack'
            if owner.dep_ != "conj":
                ent = party(owner.head if owner.dep_ == "appos" else owner, table)
        if ent is not None and ent.type in ACTORS:
            add(m, ent, "perpetrator")


def _where_clause(token: Token) -> Token | None:
    """'the Wadi Barada area of Damascus, where civilians face shelling' -> the noun phrase 'the ... area'."""
    node = token
    for _ in range(6):
        if node.dep_ == "relcl" and any(c.text.lower() == "where" for c in node.children):
            np = node.head
            while np.dep_ == "pobj" and np.head.dep_ == "prep" and np.head.head.pos_ in ("NOUN", "PROPN"):
                np = np.head.head
            return np
        if node.head.i == node.i:
            return None
        node = node.head
    return None
