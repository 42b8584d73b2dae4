"""Polarity: whether a sentence asserts what a trigger word says, or negates or denies it.

"Iran does not fund Hamas", "X never led the group", "Iran denies that it arms the Houthis",
"Iran has rejected claims that it supports Y", "there is no evidence that X funded Y", "Iran refused to
fund Hamas": the relation rules read the same words as in an assertion, so they ask `asserted(trigger)` first.

The walk follows English, not sentences: from the clause the trigger says something in, up through
the words that carry a statement (a complement clause, a gerund, a claim noun's content) to the root.
Each of these takes the statement back, and two in a row give it again ('did not refuse to fund X',
'never denied that it funds X'): a `neg` dependent on the way ('not', 'never'), a negative determiner
on a claim noun ('no evidence'), a verb of denial governing the statement ('denies arming X'), a verb
of refusal governing the deed ('refused to fund X', 'declined to lead Y'; not a verb that is only about
it: 'declined to comment on reports that it funds X'). A verb of failure ('failed to fund X') takes
back a state but not a deed, which was attempted: callers say which they read. Once taken back, a
statement stays back through any other word above it ('said it does not fund X').
A verb of stopping presupposes that what it governs held ('stopped funding X', 'refused to stop funding
X', 'has not stopped funding X'), so the walk ends there asserting it; `ceased` says whether it still
holds, and the rules mark a ceased LEADS or MEMBER_OF former. SUPPORTS has no tense ('Iran funded X'
relates too), so a stopped support ('stopped funding X', 'no longer funds X') stays an edge.
Vocabulary: data/denial_words.json.
Descriptions are presupposed, so a role noun counts only as a predicate ("X is not the leader of Y"),
never in an apposition or a name ("Israel denied killing the leader of Hamas, X" still names him).
"""
from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Token

from ingest.roles import word_set
from ingest.vocabulary import base_of, load

STATEMENTS = ("ccomp", "xcomp", "pcomp", "csubj")  # a clause that completes the word above it
ARGUMENTS = ("dobj", "nsubjpass", "attr", "pobj")  # a gerund or claim noun as an argument: 'denied arming X'
CONTENT = ("acl", "relcl", "prep")  # a claim noun's content: 'claims that ...', 'reports it had ...', 'involvement in'
PREDICATES = ("attr", "oprd", "acomp")  # 'X is not the leader of Y', 'X is not affiliated with Y'
COMPLEMENTS = ("xcomp", "pcomp", "dobj")  # what a verb of stopping stops: 'stopped funding X', 'ceased to be'


@lru_cache(maxsize=None)
def _words(key: str) -> frozenset[str]:
    return frozenset(load("denial_words.json")[key])


@lru_cache(maxsize=None)
def _verbs_of(key: str) -> frozenset[str]:
    """The verbs of the phrases listed under `key` ('give up' -> give)."""
    return frozenset(w.split()[0] for w in _words(key))


def _is(word: Token, key: str) -> bool:
    """Whether the word is a form of one listed in data/denial_words.json under `key` ('denied' -> deny)."""
    irregular = load("denial_words.json")["irregular"]
    return base_of(word, _words(key)) is not None or irregular.get(word.lower_) in _words(key)


def asserted(trigger: Token, *, attempts: bool = True) -> bool:
    """False when the statement the trigger makes is negated ('does not fund'), denied ('denies arming',
    'rejected claims that', 'no evidence that') or refused ('refused to fund'); True otherwise, and for
    a description. `attempts`: whether a failed attempt still counts ('failed to carry out the attack'
    is an attempted attack; pass False for a state: 'failed to fund X' funds no one)."""
    node = _clause(trigger)
    if node is None:
        return True
    held = True  # whether the statement holds as far as the walk has read
    check = True  # a coordinate's head is not its governor: 'denied X and said it funds Y'
    topic = False  # the statement is what a verb is about, not its deed: 'declined to comment on its support for X'
    while True:
        if check and negated(node) and not _absorbs(node, attempts):
            held = not held  # 'does not fund X'; 'did not refuse to fund X' gives it back
        head, dep = node.head, node.dep_
        if head.i == node.i:
            return held
        if dep == "conj":
            if not held:
                return False
            check = _or(node)  # 'does not fund or arm X' negates both; 'does not fund X but arms Y' one
            if _finite(node) and head.tag_ in ("VB", "VBG") and head.dep_ in STATEMENTS:
                head, check = head.head, False  # 'declined to fund X but armed Y': a tensed verb is no infinitive
            node = head
            continue
        steps = dep in STATEMENTS or (dep in ARGUMENTS and (_verbal(node) or _claim(node) or node.i == trigger.i)) or \
            (dep in CONTENT and _claim(head)) or (dep == "prep" and _refuses(head, attempts))  # 'refrained from'
        if not steps:
            return held
        if dep in STATEMENTS + ARGUMENTS and _stops(head):
            return True  # 'stopped funding X', 'refused to stop funding X': it held (ceased says until when)
        if head.pos_ in ("VERB", "AUX") and (_is(head, "verbs") or not topic and _refuses(head, attempts)):
            held = not held  # 'denies that it arms X', 'refused to fund X', 'never denied arming X'
        elif not held:
            return False  # 'said it does not fund X': nothing above gives it back
        if dep == "pobj" and head.dep_ == "prep":
            head = head.head  # 'allegations of funding X': on to the claim noun
            if not _claim(head) and head.pos_ in ("NOUN", "PROPN"):
                return held
            topic = topic or _verbal(head)
        node, check = head, True


def negated(word: Token) -> bool:
    """A `neg` dependent ('not', 'never', "n't"), or 'no' before a noun ('no evidence', 'no support for'),
    unless the negation tells of a former state ('does not lead the group any more')."""
    if any(c.dep_ == "det" and c.lower_ in _words("negative_determiners") for c in word.children):
        return True
    return any(c.dep_ == "neg" for c in word.children) and not _no_longer(word)


def ceased(word: Token) -> bool:
    """'no longer leads', 'is no longer its leader', 'not ... any more', 'stopped leading', 'ceased to be its
    leader': a former state, so relation rules mark the edge former instead of dropping or asserting it.
    Not when the stopping is itself taken back: 'refused to stop leading', 'has not stopped leading'."""
    if _no_longer(word):
        return True
    head = word.head
    return head.i != word.i and word.dep_ in COMPLEMENTS and _verbal(word) and _stops(head) and asserted(head)


def refusal(verb: Token) -> bool:
    """A verb of refusal ('refused', 'declined', 'refrained'): what it governs was not done."""
    return verb.pos_ in ("VERB", "AUX") and _is(verb, "refusal_verbs")


def _no_longer(word: Token) -> bool:
    """'no longer', 'not ... any more', 'not ... anymore' on the word."""
    return any(c.dep_ == "advmod" and c.lower_ in _words("not_any_more") and
               (c.lower_ == "anymore" or any(g.lower_ in ("any", "no") for g in c.children)) for c in word.children)


def _stops(verb: Token) -> bool:
    """A verb of stopping, with its particle: 'stopped', 'ceased', 'gave up'; not 'ended up' (a result)."""
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    base = base_of(verb, _verbs_of("stopping_verbs")) or load("denial_words.json")["irregular"].get(verb.lower_)
    particle = next((c.lower_ for c in verb.children if c.dep_ == "prt"), None)
    return base is not None and (base if particle is None else f"{base} {particle}") in _words("stopping_verbs")


def _refuses(verb: Token, attempts: bool) -> bool:
    """A verb whose complement was not done: refusal ('declined to lead Y', 'refrained from arming X'), and
    failure when an attempt does not count ('failed to fund X')."""
    return _is(verb, "refusal_verbs") or (not attempts and _is(verb, "failure_verbs"))


def _absorbs(verb: Token, attempts: bool) -> bool:
    """A verb whose negation asserts what it governs without taking it back first: 'never hid its support
    for X', 'did not hesitate to arm X', 'never failed to carry out' when an attempt counts."""
    return _is(verb, "negative_verbs") or (attempts and _is(verb, "failure_verbs"))


def _clause(trigger: Token) -> Token | None:
    """The word whose polarity is the trigger's: a verb or an event noun itself ('support for X'), a
    predicate noun's copula ('is not part of Y'), the verb of 'as' ('did not name X as commander');
    None for a description ('X, the leader of Y', 'al-Qaeda leader X'), which is presupposed."""
    if trigger.pos_ in ("VERB", "AUX"):
        return trigger
    if trigger.dep_ in PREDICATES and trigger.head.pos_ in ("VERB", "AUX"):
        return trigger.head
    if trigger.dep_ == "pobj" and trigger.head.lower_ == "as" and trigger.head.head.pos_ in ("VERB", "AUX"):
        return trigger.head.head
    if trigger.lower_ in word_set("support_nouns") or base_of(trigger, word_set("support_verbs")):
        return trigger  # 'no support for X'; 'funds' read as a noun in 'Iran funds and arms X'
    return None


def _verbal(word: Token) -> bool:
    return word.pos_ in ("VERB", "AUX") or word.tag_ == "VBG"


def _finite(word: Token) -> bool:
    return word.tag_ in ("VBD", "VBZ", "VBP", "MD")


def _claim(word: Token) -> bool:
    return word.pos_ == "NOUN" and base_of(word, _words("claim_nouns")) is not None


def _or(conjunct: Token) -> bool:
    """Whether the coordination is 'or' / 'nor' (a negation above reaches every member)."""
    return any(c.dep_ == "cc" and c.lower_ in ("or", "nor") for c in conjunct.head.children)
