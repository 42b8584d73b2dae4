"""Polarity: whether a sentence asserts what a trigger word says, or negates or denies it.

"Iran does not fund Hamas", "X never led the group", "Iran denies that it arms the Houthis",
"Iran has rejected claims that it supports Y", "there is no evidence that X funded Y": the relation
rules read the same words as in an assertion, so they ask `asserted(trigger)` first.

The walk follows English, not sentences: from the clause the trigger says something in, up through
the words that carry a statement (a complement clause, a gerund, a claim noun's content) to the root;
a `neg` dependent on the way ('not', 'never'), a negative determiner on a claim noun ('no evidence'),
or a verb of denial governing the statement takes it back. Vocabulary: data/denial_words.json.
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


@lru_cache(maxsize=None)
def _words(key: str) -> frozenset[str]:
    return frozenset(load("denial_words.json")[key])


def _is(word: Token, key: str) -> bool:
    """Whether the word is a form of one listed in data/denial_words.json under `key` ('denied' -> deny)."""
    irregular = load("denial_words.json")["irregular"]
    return base_of(word, _words(key)) is not None or irregular.get(word.lower_) in _words(key)


def asserted(trigger: Token) -> bool:
    """False when the statement the trigger makes is negated ('does not fund') or denied ('denies
    arming', 'rejected claims that', 'no evidence that'); True otherwise, and for a description."""
    node = _clause(trigger)
    if node is None:
        return True
    check = True  # a coordinate's head is not its governor: 'denied X and said it funds Y'
    while True:
        if check and negated(node):
            return _is(node, "negative_verbs")  # 'has not stopped funding X' asserts it
        head, dep = node.head, node.dep_
        if head.i == node.i:
            return True
        if dep == "conj":
            check = _or(node)  # 'does not fund or arm X' negates both; 'does not fund X but arms Y' one
            node = head
            continue
        steps = dep in STATEMENTS or (dep in ARGUMENTS and (_verbal(node) or _claim(node) or node.i == trigger.i)) or \
            (dep in CONTENT and _claim(head))
        if not steps:
            return True
        if head.pos_ in ("VERB", "AUX") and _is(head, "verbs"):
            return negated(head)  # 'Iran did not deny that it funds Hamas' takes nothing back
        if dep == "pobj" and head.dep_ == "prep":
            head = head.head  # 'allegations of funding X': on to the claim noun
            if not _claim(head) and head.pos_ in ("NOUN", "PROPN"):
                return True
        node, check = head, True


def negated(word: Token) -> bool:
    """A `neg` dependent ('not', 'never', "n't"), or 'no' before a noun ('no evidence', 'no support for'),
    unless the negation tells of a former state ('does not lead the group any more')."""
    if any(c.dep_ == "det" and c.lower_ in _words("negative_determiners") for c in word.children):
        return True
    return any(c.dep_ == "neg" for c in word.children) and not ceased(word)


def ceased(word: Token) -> bool:
    """'no longer leads', 'is no longer its leader', 'not ... any more', 'not ... anymore': a former state,
    so relation rules mark the edge former instead of dropping or asserting it."""
    return any(c.dep_ == "advmod" and c.lower_ in _words("not_any_more") and
               (c.lower_ == "anymore" or any(g.lower_ in ("any", "no") for g in c.children)) for c in word.children)


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


def _claim(word: Token) -> bool:
    return word.pos_ == "NOUN" and base_of(word, _words("claim_nouns")) is not None


def _or(conjunct: Token) -> bool:
    """Whether the coordination is 'or' / 'nor' (a negation above reaches every member)."""
    return any(c.dep_ == "cc" and c.lower_ in ("or", "nor") for c in conjunct.head.children)
