"""Death tolls: 'killed 12', '12 people were killed', 'left 30 dead', 'the death toll rose to 50'.

The toll belongs to the incident named in the same sentence; coordinated
victims add up ('120 soldiers and a senior general killed' -> 121).
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from spacy.tokens import Token

from ingest.dates import NUMBER_WORDS
from ingest.syntax import children, with_conjuncts
from ingest.vocabulary import base_of

if TYPE_CHECKING:
    from ingest.incidents import IncidentMention

KILL = frozenset(["kill", "murder", "slaughter", "slay", "execute", "massacre"])
WORDS = dict(NUMBER_WORDS, **{"thirteen": 13, "fourteen": 14, "fifteen": 15, "twenty": 20, "thirty": 30,
                              "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
                              "ninety": 90, "hundred": 100, "dozen": 12, "dozens": 24})
_NUM = r"(\d[\d,]*|" + "|".join(sorted(WORDS, key=len, reverse=True)) + r")"
_PATTERNS = [
    re.compile(rf"\bdeath toll\b[^.]{{0,90}}?\b(?:to|at|of|reached|hit|is|was)\s+(?:at least\s+|more than\s+|over\s+)?{_NUM}\b", re.I),
    re.compile(rf"\bleft\s+(?:at least\s+|more than\s+)?{_NUM}\s+(?:\w+\s+){{0,2}}dead\b", re.I),
    re.compile(rf"\b{_NUM}\s+(?:\w+\s+){{0,2}}(?:were|have been|had been|are|was)\s+(?:\w+\s+)?(?:killed|dead)\b", re.I),
    re.compile(rf"\b{_NUM}\s+(?:people\s+|civilians\s+|soldiers\s+)?dead\b", re.I),
]


def number(text: str) -> int | None:
    """'1,200' -> 1200, 'twelve' -> 12, 'a' -> 1."""
    t = text.lower().replace(",", "")
    if t.isdigit():
        if len(t) == 4 and "," not in text and 1800 <= int(t) <= 2100:
            return None  # a year, not a toll
        return int(t)
    return WORDS.get(t)


def _count(noun: Token) -> int | None:
    """How many the noun phrase counts: '70 members' -> 70, 'a senior general' -> 1, 'civilians' -> None."""
    total, known = 0, False
    for t in with_conjuncts(noun):
        nums = [c for c in t.children if c.dep_ == "nummod"]
        if nums:
            n = number(nums[0].text)
            if n is not None:
                total, known = total + n, True
                continue
        if t.pos_ == "NUM" and number(t.text) is not None:
            total, known = total + number(t.text), True  # type: ignore[operator]
            continue
        if any(c.dep_ == "det" and c.text.lower() in ("a", "an", "one") for c in t.children) or (
                t.i != noun.i and t.tag_ == "NN" and any(c.dep_ == "det" and c.text.lower() == "the"
                                                         for c in t.children)):
            total, known = total + 1, True  # '... and the Bulgarian driver' is one more
    return total if known else None


def _victims(verb: Token) -> list[Token]:
    objs = children(verb, "dobj", "nsubjpass")
    if not objs and verb.dep_ in ("acl", "relcl") and verb.tag_ == "VBN":
        objs = [verb.head]  # '120 soldiers killed'
    if not objs and verb.dep_ in ("ccomp", "oprd", "xcomp"):
        objs = children(verb, "nsubj") or children(verb.head, "dobj")  # 'saw 120 soldiers killed'
    return objs


def toll(m: "IncidentMention") -> int | None:
    """The number killed in the mention's incident, from its own sentence."""
    best: int | None = None
    for tok in m.sentence:
        if tok.pos_ != "VERB" or base_of(tok, KILL) is None:
            continue
        for victim in _victims(tok):
            n = _count(victim)
            if n is not None:
                best = max(best or 0, n)
    if best is None:
        for pattern in _PATTERNS:
            hit = pattern.search(m.sentence.text)
            if hit:
                best = number(hit.group(1))
                break
    return best
