"""When an incident happened and whether it was carried out.

The date comes from the incident's own phrase and the clause that states it
('the 2007 Baghdad crackdown', 'launched the attack on May 2'), never from an
aside or from a clause about something else ('linked the bombing to X in
2013'); a stated date beats one counted from another event, and a counted one
('five days after the strike') is anchored on the previous incident's date.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from spacy.tokens import Token

from ingest.dates import dates_in, parse_iso
from ingest.pipeline import doc_text
from ingest.polarity import asserted, refusal
from ingest.designation_dates import clause_start
from ingest.incident_triggers import plan_noun
from ingest.records import Article
from ingest.sentences import ents_in
from ingest.syntax import governor
from ingest.vocabulary import base_of, governor_role, load

if TYPE_CHECKING:
    from ingest.incidents import IncidentMention


def lexicon() -> dict:
    return load("incident_triggers.json")


def incident_date(m: "IncidentMention", article: Article) -> None:
    """The most precise date said about this incident, from the phrase or the clause around it."""
    verb, prep = governor(m.head) if not m.verbal else (None, None)
    roots = [m.head]
    status_verbs = frozenset(lexicon()["status"]["foiled"] + lexicon()["status"]["attempted"])
    if verb is not None and (m.head.dep_ in ("nsubj", "nsubjpass") or governor_role(verb) in ("perpetrator", "victim")
                             or base_of(verb, status_verbs) or (m.agent and governor_role(verb) == "suspect")):
        roots.append(verb)  # 'launched the attack on May 2'; not 'linked the bombing to X in 2013'
    if m.verbal and m.head.dep_ == "conj":
        roots.append(m.head.head)  # 'On November 26, gunmen landed ... and attacked ...'
    tokens: set[int] = set()
    for root in roots:
        later = [c.i for c in root.children if c.dep_ in ("conj", "parataxis", "advcl") and c.i > root.i]
        later += [clause_start(c) for c in root.children if c.dep_ == "conj" and c.i > root.i]
        cutoff = min(later) if later and root.i != m.head.i else len(root.doc)
        for child in [root, *root.children]:
            if child.dep_ in ("relcl", "ccomp", "advcl", "parataxis", "conj", "xcomp", "csubj") and child.i != root.i \
                    and not _infinitive(child):
                continue
            aside = {t.i for a in child.subtree if a.dep_ in ("appos", "relcl", "acl") and a.i != m.head.i
                     and not (_infinitive(a) and a.head.i == m.head.i)
                     for t in a.subtree if m.head.i not in {x.i for x in a.subtree}}
            tokens.update(t.i for t in child.subtree if t.i < cutoff and t.i not in aside)
    previous: str | None = None
    found: list[str] = []
    relative: list[str] = []
    for ent in ents_in(m.sentence):
        if ent.label_ != "DATE" or not any(t.i in tokens for t in ent):
            continue
        if previous is None:  # read only for a date of this incident (most sentences give none)
            previous = m.anchor or _previous_date(m, article)
        text = ent.text
        if ent.start > 0 and ent.doc[ent.start - 1].text.lower() in ("in", "on", "since", "last", "this", "within"):
            text = ent.doc[ent.start - 1].text + " " + text
        if ent.end < len(ent.doc) and ent.doc[ent.end].text.lower() in ("after", "later", "before", "earlier", "ago"):
            text = text + " " + ent.doc[ent.end].text  # 'five days after the strike'
        explicit = re.search(r"\b(1[89]|20)\d\d\b", ent.text)
        (found if explicit else relative).extend(dates_in(text, article.publishedAt or None, previous))
    found = found or relative  # a stated date beats one counted from another event
    if not found:
        return
    first = parse_iso(found[0])
    same = [d for d in found if parse_iso(d) and parse_iso(d)[0] == first[0]]  # type: ignore[index]
    m.date = max(same, key=len)
    start = int(m.date[:4])
    end = start
    for span in re.finditer(r"\b((?:1[89]|20)\d\d)\s*[-\u2013]\s*(\d{2,4})\b", m.sentence.text):
        if int(span.group(1)) == start:
            tail = span.group(2)
            end = int(tail) if len(tail) == 4 else int(str(start)[:2] + tail)
            break
    m.years = (start, max(end, start))


def _infinitive(verb: Token) -> bool:
    """'a plot to bomb airliners in 2006': the purpose clause belongs to the noun phrase."""
    return verb.dep_ in ("relcl", "acl") and any(a.dep_ == "aux" and a.text.lower() == "to" for a in verb.children)


def _previous_date(m: "IncidentMention", article: Article) -> str | None:
    """The last explicit date in the text before this sentence: the anchor of 'two years later'."""
    before = doc_text(m.sentence.doc)[: m.sentence.start_char]
    found = dates_in(before[-2000:], None, None)
    return found[-1] if found else None


def incident_status(m: "IncidentMention") -> None:
    """Foiled or attempted instead of carried out: from the words on the incident noun ('failed attack'),
    the verb that governs it ('thwarted the attack') or the verb above the infinitive or gerund that does
    it ('failed to carry out the attack', 'tried to bomb the embassy', 'prevented them from attacking').
    m.evidence says what the status rests on, for merging mentions that disagree (status.ranking)."""
    words = lexicon()["status"]
    nearby = [c.text.lower() for c in m.head.children if c.dep_ in ("amod", "compound", "advmod")]
    verb = status_verb(m)
    vbase = base_of(verb, frozenset(words["foiled"] + words["attempted"])) if verb is not None else None
    if vbase in words["foiled"] and not asserted(verb, attempts=False):  # type: ignore[arg-type]
        vbase = None  # 'failed to prevent the attack', 'did not stop the attack': it was carried out
    if any(w in words["foiled_words"] for w in nearby) or (vbase in words["foiled"]):
        m.status, m.evidence = "foiled", "foiling"
    elif any(w in words["attempted_words"] for w in nearby) or (vbase in words["attempted"]) \
            or (verb is not None and verb.pos_ == "NOUN" and base_of(verb, frozenset(words["attempt_nouns"]))):
        m.status, m.evidence = "attempted", "attempt"
    elif m.kind in words["plot_kinds"] and not (verb is not None and base_of(verb, frozenset(["carry"]))):
        m.status, m.evidence = "foiled", "plot"
    elif (m.killed or 0) > 0 or _completed(_deed(m.head, m.verbal)):
        m.evidence = "done"  # 'the attack killed five soldiers', 'gunmen stormed the hotel', 'carried out the attack'


def _completed(deed: Token | None) -> bool:
    """A deed stated as done: a past or perfect verb, asserted, with no modal ('stormed', 'has killed',
    'was bombed', 'carried out'); not 'designed to explode', 'would have exploded', 'did not attack'."""
    if deed is None or deed.tag_ not in ("VBD", "VBN") or deed.dep_ == "amod":
        return False
    return not any(a.dep_ == "aux" and a.tag_ == "MD" for a in deed.children) and asserted(deed)


def status_verb(m: "IncidentMention") -> Token | None:
    """The verb that says whether the incident was done: the one governing the noun ('thwarted the attack'),
    or, above the infinitive or gerund that does it, a verb of trying, planning or foiling ('failed to carry
    out the attack', 'planned to carry out an attack', 'tried to bomb', 'prevented them from attacking').
    Only a deed verb passes the question up: 'tried to claim the attack' says nothing of the attack."""
    deed = _deed(m.head, m.verbal)
    if deed is None:
        return governor(m.head)[0] if not m.verbal else None
    status = lexicon()["status"]
    for above, via in _controllers(deed):
        if via == "noun":  # 'an attempt to bomb the embassy'; 'thwarted an attempt to bomb', 'foiled a plan to', foiled
            purpose = base_of(above, frozenset(status["attempt_nouns"])) or plan_noun(above)
            foiler = governor(above)[0] if purpose else None
            return foiler if foiler is not None and base_of(foiler, frozenset(status["foiled"])) else above
        wanted = status["foiled"] if via == "from" else status["attempted"] + lexicon()["plan_verbs"]
        if base_of(above, frozenset(wanted)):
            return above
    if m.verbal:
        return deed.head if deed.dep_ == "xcomp" else None
    return deed


def purpose_noun(head: Token, verbal: bool) -> Token | None:
    """The noun whose infinitive does the incident: 'a plan to attack the embassy' -> plan, 'plans to carry
    out attacks' -> plans, 'an attempt to bomb' -> attempt; None when no noun governs the deed."""
    deed = _deed(head, verbal)
    return next((above for above, via in _controllers(deed) if via == "noun"), None) if deed is not None else None


def refused_deed(head: Token) -> bool:
    """'Hezbollah refused to carry out the bombing', 'declined to launch an attack': the noun names no deed
    that was done. Not 'denied carrying out the attack' (it happened, whoever did it), nor 'refused to claim
    the attack', nor 'did not refuse to carry out the attack'."""
    deed = _deed(head, False)
    return deed is not None and any(refusal(v) for v, _ in _controllers(deed)) and not asserted(deed)


def _deed(head: Token, verbal: bool) -> Token | None:
    """The verb that does the incident: the incident verb itself, or a deed verb governing the noun."""
    if verbal:
        return head
    verb, prep = governor(head)
    deeds = frozenset(lexicon()["status"]["deed_verbs"])
    return verb if verb is not None and prep is None and base_of(verb, deeds) else None


def _controllers(deed: Token) -> list[tuple[Token, str]]:
    """The verbs above an infinitive or gerund, nearest first, with how each governs it: 'to' ('tried to
    bomb', 'failed to carry out', 'denied carrying out'), 'from' ('prevented them from carrying out'), or
    'noun' for the noun whose purpose it is ('an attempt to bomb'), where the walk ends."""
    out: list[tuple[Token, str]] = []
    node = deed
    for _ in range(4):
        head = node.head
        if node.dep_ == "conj" and node.tag_ == "VB" and head.dep_ == "xcomp":
            node = head  # 'tried to enter the base and detonate the bomb'
            continue
        if node.dep_ == "xcomp" and node.tag_ in ("VB", "VBG") and head.pos_ in ("VERB", "AUX"):
            out.append((head, "to"))
            node = head
            continue
        if node.dep_ == "acl" and head.pos_ == "NOUN" and any(a.dep_ == "aux" and a.lower_ == "to"
                                                              for a in node.children):
            out.append((head, "noun"))  # 'an attempt to bomb the embassy'
            break
        if node.dep_ == "pcomp" and head.lower_ == "from" and head.head.pos_ in ("VERB", "AUX"):
            out.append((head.head, "from"))
            node = head.head
            continue
        break
    return out
