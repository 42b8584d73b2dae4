"""Who did what to whom, where and when: the participants, place, date, toll and status of one mention.

Roles follow grammar, not document wording: the subject of an incident verb
or the object of 'by' is the perpetrator; the object of 'against' a target;
the subject of the verb that governs the incident noun gets the role that
verb gives (data/incident_roles.json: 'carried out' -> perpetrator,
'arrested over' -> suspect, 'killed in' -> victim, 'took part in' -> linked).
"""
from __future__ import annotations


from spacy.tokens import Token

from ingest.casualties import toll
from ingest.entities import EntityTable
from ingest.incident_names import object_names, synthesise
from ingest.incident_timing import incident_date, incident_status
from ingest.incident_triggers import lexicon
from ingest.incidents import IncidentMention
from ingest.polarity import asserted
from ingest.records import Article, Entity
from ingest.syntax import children, governor, is_passive, members, resolve, subject, subtree_entities, with_conjuncts
from ingest.vocabulary import base_of, governor_role, incident_roles, load

ACTORS = ("Person", "Organization")
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
    _context_roles(m, table)
    incident_date(m, article)
    m.killed = toll(m)
    incident_status(m)
    synthesise(m)


def _add(m: IncidentMention, ent: Entity | None, role: str) -> None:
    if ent is None or (m.place is not None and ent.id == m.place.id):
        return
    if role in ("target", "victim") and ent.type == "Organization" and \
            ent.name.split()[-1].lower() in incident_roles()["facility_words"]:
        return  # 'attacked Garissa University College': the college is the scene, not a party
    if ent.type == "Location" and role in ("victim", "suspect"):
        return
    if all(e.id != ent.id for e, _ in m.participants):
        m.participants.append((ent, role))


def _place(m: IncidentMention, ent: Entity | None) -> bool:
    """Record a place of the incident (the first named is its place; all are kept)."""
    if ent is None or ent.type != "Location":
        return False
    if m.place is None:
        m.place = ent
    if all(p.id != ent.id for p in m.places):
        m.places.append(ent)
    return True


def _is_state(ent: Entity) -> bool:
    """A country or union acting as a state ('US', 'Israeli'), from the authorities data file."""
    data = load("designation_authorities.json")
    names = {n.lower() for names in data["countries"].values() for n in names}
    names |= {c.lower() for c in data["nationalities"].values()} | {c.lower() for c in data["countries"]}
    return ent.properties.get("kind") == "country" or any(n.lower() in names for n in [ent.name, *ent.aliases])


def _possessors(token: Token, table: EntityTable) -> list[Entity]:
    """Entities in the possessive of a noun: "Kabul's international airport" -> Kabul."""
    return [e for c in token.children if c.dep_ == "poss" for e in [resolve(c, table)] if e is not None]


def _nested_places(m: IncidentMention, token: Token, table: EntityTable) -> None:
    """Places inside a phrase: 'the Westgate shopping mall in Nairobi' -> Nairobi (and the mall if named)."""
    for t in token.subtree:
        direct_of = t.text.lower() == "of" and t.head.i == token.i  # 'the city of Mosul'
        if t.dep_ == "prep" and (t.text.lower() in ("in", "at", "near", "outside", "inside") or direct_of) \
                and t.i != token.i:
            for obj in children(t, "pobj"):
                ent = resolve(obj, table)
                for e in [ent] if ent else subtree_entities(obj, table, ("relcl", "acl", "appos", "prep")):
                    _place(m, e)


def _prep_object(m: IncidentMention, prep: Token, table: EntityTable) -> None:
    """An entity after a preposition attached to the incident word or verb."""
    word = prep.text.lower()
    lex = lexicon()
    rules = incident_roles()["prepositions"]
    objects = children(prep, "pobj") or [o for c in prep.conjuncts for o in children(c, "pobj")]
    for obj in objects:  # 'in and around Paris'
        if word == "at" and obj.text.lower() == "hands":
            for of in children(obj, "prep"):
                for ent in _entities(of, table):
                    _add(m, ent, "perpetrator")
            continue
        if word in incident_roles()["place_prepositions"] or word == "from":
            _nested_places(m, obj, table)  # 'from the school in Chibok'
        heads = [resolve(t, table) for t in with_conjuncts(obj)]
        ents = [e for e in heads if e is not None]
        for t, e in zip(with_conjuncts(obj), heads):
            if e is None:
                found = subtree_entities(t, table, ("relcl", "acl", "appos", "prep"))
                if t.pos_ == "NOUN":  # 'the US embassy': a state modifies; 'the Ain al-Asad air base', "Kabul's airport" name a place
                    found = [x for x in found if x.type != "Location" or not _is_state(x) or x in _possessors(t, table)]
                    _nested_places(m, t, table)
                ents += [x for x in found if x not in ents]
        for ent in ents:
            if ent.type == "Location":
                if word in incident_roles()["place_prepositions"] and (word != "of" or m.kind in lex["place_of_kinds"]
                                                               or m.verbal):
                    _place(m, ent)
                elif word == "by" and ent in heads:
                    _add(m, ent, "perpetrator")
                elif word in ("against", "on") and m.place is not None:
                    _add(m, ent, "target")
                continue
            role = rules.get(word)
            if role == "object":
                role = "victim" if m.kind in ("killing", "massacre") else "target"
            if role == "target" and word == "from" and m.kind not in ("military_operation", "capture"):
                role = None
            if role:
                _add(m, ent, role)


def _entities(prep: Token, table: EntityTable) -> list[Entity]:
    out: list[Entity] = []
    for obj in children(prep, "pobj"):
        for t in with_conjuncts(obj):
            ent = resolve(t, table)
            out.extend([ent] if ent else subtree_entities(t, table))
    return out


def _agent_roles(m: IncidentMention, table: EntityTable) -> None:
    """'the only gunman captured alive, Mohammed Ajmal Kasab' / 'linked the attackers to LeT'."""
    if m.head.pos_ == "VERB":  # 'Ali, the ringleader, Sarwar and Hussain planned to smuggle the devices'
        for subj in children(m.head, "nsubj"):
            # 'Ali, the ringleader, Sarwar and Hussain': the list may hang off the apposition
            for t in members(subj):
                ent = resolve(t, table)
                if ent is not None and ent.type in ACTORS:
                    _add(m, ent, "suspect")
        return
    for aside in children(m.head, "appos"):
        ent = resolve(aside, table)
        if ent is not None and ent.type in ACTORS:
            _add(m, ent, "perpetrator")
    verb, _ = governor(m.head)
    if verb is not None and base_of(verb, frozenset(incident_roles()["attribution_verbs"])) and asserted(verb):
        for p in children(verb, "prep"):
            if p.text.lower() in ("to", "with"):
                for ent in _entities(p, table):
                    if ent.type in ACTORS:
                        _add(m, ent, "perpetrator")


def _noun_roles(m: IncidentMention, table: EntityTable) -> None:
    lex = lexicon()
    for head in with_conjuncts(m.head):
        for child in head.children:
            if child.dep_ == "poss":
                ent = resolve(child, table)
                if ent is None:
                    continue
                if ent.type == "Location" and m.kind not in ("invasion", "airstrike"):
                    _place(m, ent)
                elif ent.type == "Person" and m.kind in lex["person_object_kinds"]:
                    _add(m, ent, "victim" if m.kind in ("killing", "massacre") else "target")
                else:
                    _add(m, ent, "perpetrator")
            elif child.dep_ in ("compound", "amod", "nmod") and child.pos_ == "PROPN":
                ent = table.lookup(child)
                if ent is None:
                    continue
                if ent.type == "Location" and m.kind in lex["state_kinds"] and _is_state(ent):
                    _add(m, ent, "perpetrator")  # 'a US drone strike' is the United States' strike
                elif not _place(m, ent):
                    _add(m, ent, "perpetrator")
            elif child.dep_ in ("prep", "agent"):
                _prep_object(m, child, table)
            elif child.dep_ in ("acl", "relcl") and child.pos_ == "VERB":
                purpose = child.dep_ == "acl" or any(a.dep_ == "aux" and a.text.lower() == "to" for a in child.children)
                for obj in children(child, "dobj"):  # 'operations to retake the city of Mosul'
                    ent = resolve(obj, table)
                    if ent is not None and not _place(m, ent) and purpose:
                        _add(m, ent, "target")
                    _nested_places(m, obj, table)
                for prep in children(child, "prep", "agent"):
                    if prep.text.lower() in ("in", "at", "by", "against"):
                        _prep_object(m, prep, table)
                if child.dep_ == "relcl" and governor_role(child) in ("perpetrator", "suspect"):
                    for subj in children(child, "nsubj"):  # 'the attack that Sinwar planned'
                        ent = resolve(subj, table)
                        if ent is not None and ent.type in ACTORS and subj.tag_ not in ("WDT", "WP"):
                            _add(m, ent, governor_role(child) or "perpetrator")


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
            ent = resolve(t, table)
            for e in [ent] if ent else subtree_entities(t, table, STOP):
                if e.type in ACTORS:
                    _add(m, e, "perpetrator")
    for obj in objects:
        m.object_names += object_names(obj, table)
        for t in with_conjuncts(obj):
            ent = resolve(t, table)
            if ent is not None and (ent.type in ("Location", "Person") or t.text.lower() in ("he", "she", "him", "her")):
                m.object_named = True
            found = [ent] if ent else subtree_entities(t, table, STOP)
            if ent is None and t.pos_ == "NOUN":  # 'the US embassy': the US is not the place
                found = [e for e in found if e.type != "Location" or not _is_state(e) or e in _possessors(t, table)]
            for e in found:
                if not _place(m, e):
                    _add(m, e, harmed)
            _nested_places(m, t, table)
            for of in (c for c in t.children if c.dep_ == "prep" and c.text.lower() == "of"):
                named = [resolve(o, table) for o in children(of, "pobj")]
                if any(e is not None and e.type == "Location" for e in named):
                    m.object_named = True  # 'the city of Mosul', not '30% of territory ... in Iraq'
    if verb.dep_ == "conj":  # 'landed by boat in Mumbai on November 26 and attacked a station': shared adjuncts
        for prep in children(verb.head, "prep"):
            if prep.i < verb.i:
                if prep.text.lower() in ("in", "at", "near"):
                    _prep_object(m, prep, table)
                for obj in children(prep, "pobj"):
                    _nested_places(m, obj, table)
    for prep in children(verb, "prep", "agent"):
        _prep_object(m, prep, table)


def _context_roles(m: IncidentMention, table: EntityTable) -> None:
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
                _place(m, ent)
    where = _where_clause(m.head)
    if where is not None:
        for ent in subtree_entities(where, table, ("relcl", "appos")):
            if _place(m, ent):
                break
    if m.head.dep_ == "nsubj" and not passive:  # 'airstrikes killed 40 people in Gaza City'
        for p in children(verb, "prep"):
            if p.text.lower() in ("in", "at", "near", "across"):
                _prep_object(m, p, table)
        for obj in children(verb, "dobj"):
            _nested_places(m, obj, table)
    if m.head.dep_ == "nsubjpass" or (m.head.dep_ == "nsubj" and not passive):
        # 'the attack was carried out by X' / 'the attack killed 12 people'
        for agent in children(verb, "agent"):
            for ent in _entities(agent, table):
                if role == "perpetrator" and not _place(m, ent):
                    _add(m, ent, "perpetrator")
        if m.head.dep_ == "nsubjpass":
            for p in children(verb, "prep"):
                if p.text.lower() in ("in", "at", "near"):
                    _prep_object(m, p, table)
        return
    if denied:
        return
    if base_of(verb, frozenset(incident_roles()["attribution_verbs"])) and m.head.dep_ in ("dobj", "nsubjpass"):
        # 'investigators linked the bombing to Hezbollah'
        for p in children(verb, "prep"):
            if p.text.lower() in ("to", "on", "with"):
                for ent in _entities(p, table):
                    if ent.type in ACTORS:
                        _add(m, ent, "linked")
        return
    if role is None and prep == "during":
        role = "linked"
    if role is None:
        return
    if role in ("victim", "perpetrator"):  # 'was killed in an airstrike in Beirut'
        for p in children(verb, "prep"):
            if p.text.lower() in ("in", "at", "near") and m.head.i not in {t.i for t in p.subtree}:
                _prep_object(m, p, table)
    subj = subject(verb)
    if subj is None:
        return
    if role == "victim" and not passive and children(verb, "dobj"):
        # 'SEALs killed bin Laden in a raid': the subject did it, the object suffered it
        for t in with_conjuncts(subj):
            ent = resolve(t, table)
            if ent is not None and ent.type in ACTORS:
                _add(m, ent, "perpetrator")
        subj = children(verb, "dobj")[0]
    if role == "suspect" and not passive:
        subj = (children(verb, "dobj") or [None])[0]
        if subj is None:
            return
    for t in members(subj):
        ent = resolve(t, table)
        if ent is not None and ent.type in ACTORS:
            _add(m, ent, role)
    if passive and role == "perpetrator":
        for agent in children(verb, "agent"):
            for ent in _entities(agent, table):
                _add(m, ent, "perpetrator")


def _agent_nouns(m: IncidentMention, table: EntityTable) -> None:
    """'Sinwar, the chief architect of the attack' and 'the group behind the bombing' are perpetrators."""
    prep = m.head.head if m.head.dep_ == "pobj" else None
    if prep is None or prep.dep_ != "prep":
        return
    noun = prep.head
    word = prep.text.lower()
    if word == "of" and noun.text.lower() in incident_roles()["agent_role_nouns"] or word == "behind":
        ent = resolve(noun, table)
        owner = noun
        while ent is None and owner.dep_ in ("conj", "appos") and owner.head.i != owner.i:
            owner = owner.head  # 'Sinwar, the leader of Hamas and the chief architect of the attack'
            if owner.dep_ != "conj":
                ent = resolve(owner.head if owner.dep_ == "appos" else owner, table)
        if ent is not None and ent.type in ACTORS:
            _add(m, ent, "perpetrator")


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


