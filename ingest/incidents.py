"""Incident mentions: the words that name an attack, bombing, plot, capture or war.

A mention is a noun ("the bombing in Baghdad", "last year's terror attacks in
Paris"), a named event ("the Iran-Iraq War") or a clause ("ISIL has killed 70
members of the tribe in Anbar", "Sinjar has been liberated").  Each gets a
kind from data/incident_triggers.json (ingest.incident_triggers), its
participants, place, date, toll and status (ingest.participants), and the
surface forms it may be known by.
ingest.incident_graph then merges mentions of one incident into one node.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from ingest.entities import EntityTable
from ingest.incident_timing import purpose_noun, refused_deed
from ingest.incident_triggers import lexicon, noun_kind, plan_noun, verb_kind, weapon_verb, words
from ingest.polarity import asserted
from ingest.records import Article, Entity
from ingest.sentences import ents_in, sentences
from ingest.syntax import children
from ingest.vocabulary import base_of

STOP_RIGHT = ("relcl", "punct", "cc", "conj", "appos", "advcl")


@dataclass
class IncidentMention:
    """One way the text names an incident, with what the sentence says about it."""

    kind: str
    head: Token
    noun: str  # the incident word as a noun: 'attack', 'killing', 'liberation'
    sentence: Span
    surfaces: list[str] = field(default_factory=list)
    proper: str | None = None  # a named event: 'Iran-Iraq War'
    definite: bool = False
    place: Entity | None = None
    places: list[Entity] = field(default_factory=list)  # every place named for it: 'the Bataclan', 'Paris'
    date: str | None = None
    years: tuple[int, int] | None = None
    killed: int | None = None
    status: str = "carried_out"
    evidence: str = "reported"  # what the status rests on (ingest.incident_timing.incident_status)
    participants: list[tuple[Entity, str]] = field(default_factory=list)
    object_names: list[str] = field(default_factory=list)
    verbal: bool = False
    agent: bool = False  # 'the attackers': stands for the incident's perpetrators
    anchor: str | None = None  # the date of the incident before: 'five days after the strike'
    object_named: bool = False  # a verb's object is a named place or person ('captured Mosul')


CLAIM_VERBS = frozenset(["claim", "carry", "perpetrate", "stage", "mastermind", "orchestrate"])
ARREST_VERBS = frozenset(["arrest", "detain", "charge", "capture", "seize"])
PLAN_VERBS = frozenset(["plan", "scheme", "prepare", "intend"])


def find_mentions(doc: Doc, table: EntityTable, article: Article, skip=None) -> list[IncidentMention]:
    """Every incident mention in the document, in text order."""
    from ingest.participants import describe

    casualty = words("casualty_verbs")
    mentions: list[IncidentMention] = []
    last_date: str | None = None
    for sent in sentences(doc):
        if skip is not None and skip(sent):
            continue
        found: list[IncidentMention] = []
        covered: set[int] = set()
        for ent in ents_in(sent):
            if ent.label_ == "EVENT" and noun_kind(ent.root, table) is not None:
                kind, noun = noun_kind(ent.root, table)  # type: ignore[misc]
                m = _noun_mention(ent.root, kind, noun, sent)
                m.proper = _strip_the(ent.text)
                m.surfaces.insert(0, m.proper)
                found.append(m)
                covered.update(range(ent.start, ent.end))
        for tok in sent:
            agent = _agent_anaphor(tok)
            if agent is not None:
                m = IncidentMention(agent, tok, lexicon()["kind_nouns"].get(agent, agent), sent, definite=True)
                m.agent = True
                found.append(m)
                continue
            if tok.i in covered:
                continue
            nk = noun_kind(tok, table)
            if nk is not None:
                if tok.dep_ == "conj" and any(m.head.i == tok.head.i for m in found):
                    continue  # 'shelling and airstrikes' is one mention
                if refused_deed(tok):
                    continue  # 'refused to carry out the bombing'
                found.append(_noun_mention(tok, nk[0], nk[1], sent))
                covered.update(t.i for t in tok.subtree if t.dep_ in ("acl",) or t.i == tok.i or (
                    t.dep_ == "relcl" and any(a.dep_ == "aux" and a.text.lower() == "to" for a in t.children)))
        for tok in sent:
            vk = verb_kind(tok) or weapon_verb(tok)
            if vk is None or tok.i in covered or tok.dep_ == "amod" or not asserted(tok):  # 'did not attack'
                continue
            if _inside_mention(tok, found):
                continue
            if vk[1] in casualty and any(_connected(tok, m.head) for m in found):
                continue  # 'killed in the attack': the toll of an incident named here
            nominal = lexicon()["nominal"].get(vk[1], vk[1])
            kind = _agent_kind(tok) if vk[1] in casualty else None
            found.append(IncidentMention(kind or vk[0], tok, nominal, sent, verbal=True))
        found += _claimed_pronouns(sent, found)
        found.sort(key=lambda m: m.head.i)
        for m in found:
            _planned(m)
            m.anchor = last_date
            describe(m, table, article)
            last_date = m.date or last_date
        mentions.extend(found)
    return mentions


def _agent_kind(verb: Token) -> str | None:
    """'A suicide bomber killed 25 people': the killer's noun says what the incident was."""
    agents = lexicon()["agent_nouns"]
    for subj in children(verb, "nsubj"):
        word = subj.text.lower()
        base = word if word in agents else word[:-1] if word[:-1] in agents else None
        if base is None:
            continue
        kind = agents[base]
        for mod in subj.children:
            refined = lexicon()["modifiers"].get(mod.text.lower()) if mod.dep_ in ("compound", "amod") else None
            kind = refined or kind
        return kind
    return None


def _planned(m: IncidentMention) -> None:
    """'conspiring to blow up airliners', 'planning suicide bombings', 'a plan to attack the embassy',
    'plans to carry out attacks': a plot, not a bombing or an attack. Not a state's planned operation:
    'plans to retake Mosul', 'planned to invade' (a kind of the 'military' family) are no plots."""
    if m.kind in lexicon()["families"]["military"]:
        return
    plans = words("plan_verbs")
    purpose = purpose_noun(m.head, m.verbal)
    if purpose is not None and plan_noun(purpose):
        m.kind = "plot"
        return
    foiled = frozenset(lexicon()["status"]["foiled"])
    if m.verbal and m.head.dep_ in ("advcl", "xcomp", "acl") and base_of(m.head.head, foiled) \
            and any(a.dep_ == "aux" and a.text.lower() == "to" for a in m.head.children):
        m.kind = "plot"  # 'foiled a plot to attack the embassy'
        return
    deeds = frozenset(lexicon()["status"]["deed_verbs"])
    node = m.head
    for _ in range(3):
        if node.dep_ in ("xcomp", "dobj", "pcomp", "acl", "advcl") and node.head.pos_ == "VERB" \
                and base_of(node.head, plans):
            m.kind = "plot"
            return
        if node.dep_ == "dobj" and not m.verbal and not base_of(node.head, deeds):
            return  # 'tried to claim the attack' plans no attack
        if node.dep_ in ("xcomp", "dobj", "pobj", "prep", "pcomp", "aux") and node.head.i != node.i:
            node = node.head
            continue
        return


def _claimed_pronouns(sent: Span, found: list[IncidentMention]) -> list[IncidentMention]:
    """'It was claimed by ISIS-K': 'it' is the incident just named; its claimant the perpetrator."""
    out = []
    for tok in sent:
        if tok.text.lower() == "it" and tok.dep_ == "nsubjpass" and base_of(tok.head, CLAIM_VERBS):
            m = IncidentMention("attack", tok, "attack", sent, definite=True)
            out.append(m)
    return out


def _agent_anaphor(token: Token) -> str | None:
    """'the attackers', 'the only gunman captured alive' -> the kind of the incident they refer back to.

    Also 'arrested him in September 2009' (the arrest that foiled a plot) and 'X and Y planned to
    smuggle the devices' (the plotters of the plot named before).
    """
    if token.pos_ == "PRON" and token.text.lower() in ("him", "her", "them") and token.dep_ == "dobj" \
            and base_of(token.head, ARREST_VERBS):
        return "plot"
    if token.pos_ == "VERB" and base_of(token, PLAN_VERBS) \
            and children(token, "xcomp") and not base_of(children(token, "xcomp")[0], words("verbs")):
        return "plot"
    if token.pos_ != "NOUN" or not any(c.dep_ == "det" and c.text.lower() in ("the", "these", "those")
                                       for c in token.children):
        return None
    word = token.text.lower()
    agents = lexicon()["agent_nouns"]
    base = word if word in agents else (word[:-1] if word.endswith("s") and word[:-1] in agents else None)
    return agents[base] if base else None


def _connected(verb: Token, head: Token) -> bool:
    """True when an incident noun hangs off this verb as subject, agent or prepositional object.

    Also 'attacked the town, killing 30': a participle of the incident verb tells its toll.
    """
    if verb.head.i == head.i and verb.dep_ in ("advcl", "conj", "xcomp") and verb.tag_ == "VBG":
        return True
    node = head
    for _ in range(5):
        if node.i == verb.i:
            return True
        if node.dep_ in ("appos", "relcl", "acl", "conj", "ccomp", "advcl") or node.head.i == node.i:
            return node.head.i == verb.i and node.dep_ in ("conj",)
        node = node.head
    return False


def _inside_mention(verb: Token, found: list[IncidentMention]) -> bool:
    """A verb inside or hanging off an incident noun ('attacks which have killed ...') adds to it."""
    found = [m for m in found if not m.agent]  # 'the gunman opened fire' is an incident of its own
    node = verb
    for _ in range(3):
        if any(node.i == m.head.i for m in found):
            return True
        if node.head.i == node.i:
            return False
        if node.dep_ in ("relcl", "acl", "nsubj") or node.head.dep_ in ("relcl", "acl"):
            node = node.head
            continue
        subj = children(verb, "nsubj")
        if subj and any(subj[0].i == m.head.i for m in found):
            return True
        return False
    return False


def _strip_the(text: str) -> str:
    return text[4:] if text.lower().startswith("the ") else text


def _noun_mention(head: Token, kind: str, noun: str, sent: Span) -> IncidentMention:
    m = IncidentMention(kind, head, noun, sent)
    m.definite = any(c.dep_ == "det" and c.text.lower() in ("the", "this", "that", "these", "those")
                     for c in head.children) or any(c.dep_ == "poss" and c.pos_ == "PRON" for c in head.children)
    from ingest.incident_names import noun_surfaces

    m.surfaces = noun_surfaces(head)
    return m


