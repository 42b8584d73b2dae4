"""When a designation was made: dates from the clause that states the act.

A coordinated or reported act shares its governing clause's date ('In 2019
X designated A and listed B', 'announced in January 2024 that it would
designate'); a 'since' clause dates a standing listing; 'the same month' is
counted from the last date stated before it, in the same sentence if there.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from spacy.tokens import Token

from ingest.dates import dates_in
from ingest.pipeline import doc_text
from ingest.records import Article
from ingest.sentences import ents_in
from ingest.syntax import children, governor

if TYPE_CHECKING:
    from ingest.designation_act import Act

CLAUSES = ("relcl", "ccomp", "advcl", "parataxis", "conj", "csubj")


def _dated(verb: Token) -> bool:
    """A date stated in the verb's own clause (its coordinated clauses aside)."""
    own = {t.i for c in [verb, *verb.children] if c.i == verb.i or c.dep_ != "conj" for t in
           ([c] if c.i == verb.i else c.subtree)}
    return any(e.label_ == "DATE" and e.root.i in own for e in ents_in(verb.sent))


def _subject_of_own(verb: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)


def clause_start(verb: Token) -> int:
    """Where a coordinated clause with its own subject begins: 'and in April 2019 the Department designated'."""
    if not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return verb.i
    cc = [c.i for c in verb.head.children if c.dep_ == "cc" and c.i < verb.i]
    return max(cc) if cc else verb.left_edge.i


def local_tokens(head: Token) -> list[Token]:
    roots = [head]
    verb, _ = governor(head) if head.pos_ != "VERB" else (None, None)
    if verb is not None:
        roots.append(verb)
        if verb.dep_ == "conj" and not any(e.label_ == "DATE" and e.root.i in {t.i for t in verb.subtree}
                                           for e in ents_in(verb.sent)):
            roots.append(verb.head)
    if head.pos_ == "VERB" and head.dep_ in ("ccomp", "xcomp") and head.head.pos_ == "VERB":
        roots.append(head.head)  # 'announced in January 2024 that it would designate ...'
    if head.pos_ == "VERB" and head.dep_ == "conj" and not any(
            e.label_ == "DATE" and e.root.i in {t.i for t in head.subtree} for e in ents_in(head.sent)):
        roots.append(head.head)  # 'In 2019 X designated A and listed B': the date is shared
    if head.pos_ == "VERB" and not _dated(head):  # 'froze X's assets and banned him in 2022': shared too
        roots += [c for c in head.children if c.dep_ == "conj" and c.pos_ == "VERB" and not _subject_of_own(c)]
    for root in list(roots):  # 'on the list since the State Department published it in October 1997'
        for clause in children(root, "advcl"):
            if any(c.dep_ == "mark" and c.text.lower() == "since" for c in clause.children):
                roots.append(clause)
    toks: dict[int, Token] = {}
    if head.pos_ == "VERB" and head.dep_ == "conj":  # 'and on October 25, 2002 the Council added it'
        start = clause_start(head)
        for c in head.head.children:
            if start <= c.i < head.i and c.dep_ in ("prep", "npadvmod"):
                toks.update((t.i, t) for t in c.subtree)
    for root in roots:
        later = [c.i for c in root.children if c.dep_ in CLAUSES and c.i > root.i]
        later += [clause_start(c) for c in root.children if c.dep_ == "conj" and c.i > root.i]
        cutoff = min(later) if later else len(root.doc)
        for child in [root, *root.children]:
            if child.i != root.i and child.dep_ in CLAUSES:
                continue
            for t in child.subtree:
                if t.i < cutoff:
                    toks[t.i] = t
    return [toks[i] for i in sorted(toks)]


def clause_text(head: Token) -> str:
    return " ".join(t.text for t in local_tokens(head))


def clause_dates(act: "Act", article: Article) -> list[str]:
    local = {t.i for t in local_tokens(act.head)}
    previous: str | None = None
    first = True
    found: list[str] = []
    for ent in ents_in(act.sentence):
        if ent.label_ != "DATE" or not any(t.i in local for t in ent):
            continue
        earlier = doc_text(ent.doc)[max(0, ent.start_char - 2000): ent.start_char]
        dated = dates_in(earlier)
        if first and not dated:
            # the last date before the sentence: read only when needed (most clauses state no date)
            before = doc_text(act.sentence.doc)[: act.sentence.start_char][-2000:]
            previous = (dates_in(before) or [None])[-1]
        first = False
        previous = (dated or [previous])[-1]  # 'the same month' after 'in July 2009
        text = ent.text
        if ent.start > 0 and ent.doc[ent.start - 1].text.lower() in ("in", "on", "since", "last", "this", "within"):
            text = ent.doc[ent.start - 1].text + " " + text
        if ent.end < len(ent.doc) and ent.doc[ent.end].text.lower() in ("after", "later", "before", "earlier", "ago"):
            text = text + " " + ent.doc[ent.end].text  # 'five days after the strike'
        got = [d for d in dates_in(text, article.publishedAt or None, previous) if d not in found]
        if re.search(r"\b(1[89]|20)\d\d\b", ent.text) or not found:
            found += got
    explicit = [d for d in found if d]
    found = explicit
    years = {d[:4] for d in found}
    # 'in January 2021' and '2021' in one clause are one date: keep the most precise per year
    return [max((d for d in found if d[:4] == y), key=len) for y in sorted(years)]
