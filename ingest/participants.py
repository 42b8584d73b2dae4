"""Who did what to whom, where and when: the participants, place, date, toll and status of one mention.

Roles follow grammar, not document wording: the subject of an incident verb
or the object of 'by' is the perpetrator; the object of 'against' a target;
the subject of the verb that governs the incident noun gets the role that
verb gives (data/incident_roles.json: 'carried out' -> perpetrator,
'arrested over' -> suspect, 'killed in' -> victim, 'took part in' -> linked). "He", "it", "they",
"the group", "its fighters" name whom ingest.parties says (the relation rules' resolver).
"""
from __future__ import annotations

from ingest.casualties import toll
from ingest.entities import EntityTable
from ingest.incident_context import context_roles
from ingest.incident_names import object_names, synthesise
from ingest.parties import party
from ingest.incident_timing import incident_date, incident_status
from ingest.incident_triggers import lexicon
from ingest.incidents import IncidentMention
from ingest.participant_phrases import ACTORS, add, entities, is_state, nested_places, place, possessors, prep_object
from ingest.polarity import asserted
from ingest.records import Article
from ingest.syntax import children, governor, is_passive, members, subject, subtree_entities, with_conjuncts
from ingest.vocabulary import base_of, governor_role, incident_roles

STOP = ("relcl", "acl", "appos", "prep")  # 'Minister for the Middle East' is not the minister's deed


def describe(m: IncidentMention, table: EntityTable, article: Article) -> None:
    """Fill in the mention's participants, place, date, toll and status from its sentence."""
    if m.agent:
        _agent_roles(m, table)
        verb, _ = governor(m.head)
        if verb is not None and governor_role(verb) == "suspect":
            incident_date(m, article)  # 'arrested the suspects in August 2006' dates a foiled plot
        return
    if m.verbal:
        _verb_roles(m, table)
    else:
        _noun_roles(m, table)
    context_roles(m, table)
    incident_date(m, article)
    m.killed = toll(m)
    incident_status(m)
    synthesise(m)


def _agent_roles(m: IncidentMention, table: EntityTable) -> None:
    """'the only gunman captured alive, Mohammed Ajmal Kasab' / 'linked the attackers to LeT'."""
    if m.head.pos_ == "VERB":  # 'Ali, the ringleader, Sarwar and Hussain planned to smuggle the devices'
        for subj in children(m.head, "nsubj"):
            # 'Ali, the ringleader, Sarwar and Hussain': the list may hang off the apposition
            for t in members(subj):
                ent = party(t, table)
                if ent is not None and ent.type in ACTORS:
                    add(m, ent, "suspect")
        return
    for aside in children(m.head, "appos"):
        ent = party(aside, table)
        if ent is not None and ent.type in ACTORS:
            add(m, ent, "perpetrator")
    verb, _ = governor(m.head)
    if verb is not None and base_of(verb, frozenset(incident_roles()["attribution_verbs"])) and asserted(verb):
        for p in children(verb, "prep"):
            if p.text.lower() in ("to", "with"):
                for ent in entities(p, table):
                    if ent.type in ACTORS:
                        add(m, ent, "perpetrator")


def _noun_roles(m: IncidentMention, table: EntityTable) -> None:
    lex = lexicon()
    for head in with_conjuncts(m.head):
        for child in head.children:
            if child.dep_ == "poss":
                ent = party(child, table)
                if ent is None:
                    continue
                if ent.type == "Location" and m.kind not in ("invasion", "airstrike"):
                    place(m, ent)
                elif ent.type == "Person" and m.kind in lex["person_object_kinds"]:
                    add(m, ent, "victim" if m.kind in ("killing", "massacre") else "target")
                else:
                    add(m, ent, "perpetrator")
            elif child.dep_ in ("compound", "amod", "nmod") and child.pos_ == "PROPN":
                ent = table.lookup(child)
                if ent is None:
                    continue
                if ent.type == "Location" and m.kind in lex["state_kinds"] and is_state(ent):
                    add(m, ent, "perpetrator")  # 'a US drone strike' is the United States' strike
                elif not place(m, ent):
                    add(m, ent, "perpetrator")
            elif child.dep_ in ("prep", "agent"):
                prep_object(m, child, table)
            elif child.dep_ in ("acl", "relcl") and child.pos_ == "VERB":
                purpose = child.dep_ == "acl" or any(a.dep_ == "aux" and a.text.lower() == "to" for a in child.children)
                for obj in children(child, "dobj"):  # 'operations to retake the city of Mosul'
                    ent = party(obj, table)
                    if ent is not None and not place(m, ent) and purpose:
                        add(m, ent, "target")
                    nested_places(m, obj, table)
                for prep in children(child, "prep", "agent"):
                    if prep.text.lower() in ("in", "at", "by", "against"):
                        prep_object(m, prep, table)
                if child.dep_ == "relcl" and governor_role(child) in ("perpetrator", "suspect"):
                    for subj in children(child, "nsubj"):  # 'the attack that Sinwar planned'
                        ent = party(subj, table)
                        if ent is not None and ent.type in ACTORS and subj.tag_ not in ("WDT", "WP"):
                            add(m, ent, governor_role(child) or "perpetrator")


def _verb_roles(m: IncidentMention, table: EntityTable) -> None:
    verb = m.head
    passive = is_passive(verb)
    harmed = "victim" if m.kind in ("killing", "massacre") else "target"
    own = [c for c in children(verb, "nsubj", "nsubjpass") if c.i < verb.i]
    subj = own[-1] if own else subject(verb)
    objects = children(verb, "dobj") if not passive else ([subj] if subj is not None else [])
    phrase_words = {p.split()[-1] for p in lexicon()["phrasal"]}
    if any(o.text.lower() in phrase_words for o in objects) and not passive:  # 'opened fire at a synagogue'
        objects = [o for p in children(verb, "prep") if p.text.lower() in ("at", "on", "into")
                   for o in children(p, "pobj")]
    if base_of(verb, frozenset(lexicon()["weapon_verbs"])):  # 'fired missiles at the base': the base
        objects = [o for p in children(verb, "prep") if p.text.lower() in ("at", "on", "into", "toward", "towards")
                   for o in children(p, "pobj")]
    if not passive and subj is not None:
        for t in members(subj):
            ent = party(t, table)
            for e in [ent] if ent else subtree_entities(t, table, STOP):
                if e.type in ACTORS:
                    add(m, e, "perpetrator")
    for obj in objects:
        m.object_names += object_names(obj, table)
        for t in with_conjuncts(obj):
            ent = party(t, table)
            if ent is not None and (ent.type in ("Location", "Person") or t.text.lower() in ("he", "she", "him", "her")):
                m.object_named = True
            found = [ent] if ent else subtree_entities(t, table, STOP)
            if ent is None and t.pos_ == "NOUN":  # 'the US embassy': the US is not the place
                found = [e for e in found if e.type != "Location" or not is_state(e) or e in possessors(t, table)]
            for e in found:
                if not place(m, e):
                    add(m, e, harmed)
            nested_places(m, t, table)
            for of in (c for c in t.children if c.dep_ == "prep" and c.text.lower() == "of"):
                named = [party(o, table) for o in children(of, "pobj")]
                if any(e is not None and e.type == "Location" for e in named):
                    m.object_named = True  # 'the city of Mosul', not '30% of territory ... in Iraq'
    if verb.dep_ == "conj":  # 'landed by boat in Mumbai on November 26 and attacked a station': shared adjuncts
        for prep in children(verb.head, "prep"):
            if prep.i < verb.i:
                if prep.text.lower() in ("in", "at", "near"):
                    prep_object(m, prep, table)
                for obj in children(prep, "pobj"):
                    nested_places(m, obj, table)
    for prep in children(verb, "prep", "agent"):
        prep_object(m, prep, table)
