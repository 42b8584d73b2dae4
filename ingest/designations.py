"""Designations: every act of listing, sanctioning, proscribing or designating, as its own node.

An act is found from a verb ('The State Department designated X as an FTO in
1997', 'X was listed by the UN Security Council'), a list verb ('added X to
the sanctions list') or a noun ('the 2019 listing of X', "the EU's asset
freeze on X", 'Interpol issued a red notice for X').  Each target and each
date is one act.  A lifting verb ('revoked', 'lifted', 'delisted') marks the
acts it refers to as lifted.  Vocabulary: data/designation_vocabulary.json
and data/designation_authorities.json.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from ingest.dates import dates_in
from ingest.designation_graph import to_graph
from ingest.entities import EntityTable
from ingest.records import Article, Entity, Relation
from ingest.syntax import children, governor, is_passive, resolve, subject, subtree_entities, with_conjuncts
from ingest.vocabulary import base_of, load

STOP = ("relcl", "acl", "appos", "prep")
CLAUSES = ("relcl", "ccomp", "advcl", "parataxis", "conj", "csubj")


@dataclass
class Act:
    """One designation act as the sentence states it."""

    kind: str
    head: Token
    sentence: Span
    targets: list[Entity] = field(default_factory=list)
    authorities: list[Entity] = field(default_factory=list)
    dates: list[str] = field(default_factory=list)
    reason: str | None = None
    status: str = "active"
    lifted: str | None = None
    lifted_by: str | None = None
    anaphoric: bool = False
    reasons: list[str] = field(default_factory=list)  # 'as an FTO and as an SDGT': one act each


def vocab() -> dict:
    return load("designation_vocabulary.json")


def _set(key: str) -> frozenset[str]:
    return frozenset(vocab()[key])


def find_designations(doc: Doc, table: EntityTable, article: Article,
                      skip: Callable[[Span], bool] | None = None) -> tuple[list[Entity], list[Relation]]:
    """Designation entities with ISSUED and TARGETS edges for one document."""
    acts: list[Act] = []
    for sent in doc.sents:
        if skip is not None and skip(sent):
            continue
        for tok in sent:
            act = _verb_act(tok, table) or _noun_act(tok, table)
            if act is None:
                continue
            for one in _split(act):
                _finish(one, table, article)
                if one.status == "lifted" and _lift_earlier(one, acts):
                    continue
                if one.targets and not _joins_coordinated(one, acts):
                    acts.append(one)
    return to_graph(acts, table)


def _canonical_reason(text: str) -> str | None:
    for pattern, _, reason in vocab()["reasons"]:
        if re.search(pattern, text, re.I):
            return reason
    return None


def _split(act: Act) -> list[Act]:
    """'designated X as an FTO and as an SDGT' is two acts, one per listing category."""
    kinds = list(dict.fromkeys(r for r in (_canonical_reason(x) for x in act.reasons) if r))
    if len(kinds) < 2:
        return [act]
    out = []
    for reason in kinds:
        one = Act(act.kind, act.head, act.sentence, list(act.targets), list(act.authorities), [], reason,
                  act.status, act.lifted, act.lifted_by, act.anaphoric)
        out.append(one)
    return out


KIND_ORDER = ("terrorism", "sanctions", "red_notice", "wanted", "travel_ban", "asset_freeze", "reward")


def _joins_coordinated(act: Act, acts: list[Act]) -> bool:
    """'froze the assets of X in 2003 and named him an SDGT' is one act: merge into the earlier verb's act."""
    if act.head.dep_ != "conj" or not acts:
        return False
    prev = acts[-1]
    if prev.sentence != act.sentence or prev.head.i != act.head.head.i:
        return False
    if {e.id for e in prev.targets} != {e.id for e in act.targets} or (act.dates and prev.dates != act.dates):
        return False
    if act.kind == prev.kind and act.reason and prev.reason and act.reason != prev.reason:
        return False
    rank = lambda k: KIND_ORDER.index(k) if k in KIND_ORDER else len(KIND_ORDER)  # noqa: E731
    froze = any(a.kind == "asset_freeze" for a in (act, prev))
    reasons = [r for r in (act.reason, prev.reason) if r] if rank(act.kind) < rank(prev.kind) else \
        [r for r in (prev.reason, act.reason) if r]
    if rank(act.kind) < rank(prev.kind):
        prev.kind = act.kind
    labels = [r if r else "" for r in reasons]
    if froze and prev.kind != "asset_freeze" and "asset freeze" not in labels:
        labels.append("asset freeze")
    prev.reason = "; ".join(dict.fromkeys(l for l in labels if l)) or None
    prev.authorities += [a for a in act.authorities if a not in prev.authorities]
    return True


def _lemma_in(tok: Token, words: frozenset[str]) -> str | None:
    return base_of(tok, words)


def _verb_act(tok: Token, table: EntityTable) -> Act | None:
    if tok.pos_ != "VERB" or tok.dep_ == "amod":
        return None
    v = vocab()
    base = _lemma_in(tok, frozenset(v["verbs"]))
    lifting = _lemma_in(tok, _set("lifting"))
    if base is None and _lemma_in(tok, _set("list_verbs")) and (_onto_list(tok) or _names_as_listed(tok)):
        base = "list"
    if base is None and lifting and (_onto_list(tok) or lifting in ("delist", "de-list")):
        base = "list"
    if base is None:
        return None
    act = Act(v["verbs"].get(base, "auto"), tok, tok.sent)
    if lifting and base == "list" and not _lemma_in(tok, frozenset(v["verbs"])):
        act.status = "lifted"
    passive = is_passive(tok)
    own = [c for c in children(tok, "nsubj", "nsubjpass") if c.i < tok.i]
    subj = own[-1] if own else subject(tok)
    if passive:
        act.targets = _entities_of(subj, table) if subj is not None else []
        for agent in children(tok, "agent"):
            for obj in children(agent, "pobj"):
                act.authorities += _entities_of(obj, table)
    else:
        for obj in children(tok, "dobj", "xcomp", "oprd", "dative"):
            if obj.dep_ != "dobj" and obj.pos_ not in ("PROPN", "NOUN", "PRON"):
                continue
            if _canonical_reason(" ".join(t.text for t in obj.subtree)) and obj.dep_ != "dobj" or (
                    obj.dep_ == "dobj" and len(children(tok, "dobj", "xcomp", "oprd")) > 1
                    and _canonical_reason(" ".join(t.text for t in obj.subtree))):
                act.reason = act.reason or _phrase_token(obj)  # 'designated LeT a Foreign Terrorist Organization'
                act.reasons += [_phrase_token(t) for t in with_conjuncts(obj)]
                for inner in obj.subtree:  # a misparse that folds the target into the category
                    e = table.lookup(inner) if inner.pos_ == "PROPN" else None
                    if e is not None and not _canonical_reason(e.name) and e not in act.targets:
                        act.targets.append(e)
                continue
            act.targets += [e for e in _entities_of(obj, table, before=_subject_start(tok)) if e not in act.targets]
            if act.kind == "asset_freeze" and not act.targets:  # 'froze the assets of X', "X's assets"
                act.targets += [e for e in subtree_entities(obj, table) if e.type != "Location"]
        if subj is not None:
            act.authorities = _entities_of(subj, table)
    for prep in children(tok, "prep", "dative"):
        word = prep.text.lower()
        if word == "for" and not passive and not act.targets:
            for obj in children(prep, "pobj"):
                act.targets += _entities_of(obj, table)
        if word == "as":
            act.reason = _phrase(prep)
            for as_prep in with_conjuncts(prep):
                for obj in children(as_prep, "pobj"):
                    act.reasons += [_phrase_token(t) for t in with_conjuncts(obj)]
        elif word in ("under", "for") and act.reason is None:
            act.reason = _phrase(prep)
        elif word in ("to", "on", "onto") and _onto_list(tok):
            for obj in children(prep, "pobj"):
                act.authorities += [e for e in _modifier_entities(obj, table) if e not in act.authorities]
                act.reason = act.reason or _phrase(prep)
    for oprd in children(tok, "oprd", "attr"):
        if _canonical_reason(" ".join(t.text for t in oprd.subtree)):
            act.reason = act.reason or _phrase_token(oprd)
            act.reasons += [_phrase_token(t) for t in with_conjuncts(oprd)]
    act.anaphoric = subj is not None and subj.pos_ == "PRON" and passive and not act.targets
    act.authorities = [a for a in act.authorities if a not in act.targets]
    return act


def _subject_start(verb: Token) -> int:
    """Where the verb's subject begins: 'it' after it means something named earlier."""
    subj = children(verb, "nsubj", "nsubjpass")
    return subj[0].left_edge.i if subj else verb.i


def _names_as_listed(verb: Token) -> bool:
    """'named him a Specially Designated Global Terrorist': the complement is a listing category."""
    for comp in children(verb, "oprd", "attr", "ccomp", "xcomp", "dobj"):
        text = " ".join(t.text for t in comp.subtree)
        if any(re.search(p, text, re.I) for p, kind, _ in vocab()["reasons"] if kind == "terrorism"):
            return True
    return False


def _onto_list(verb: Token) -> bool:
    """'added X to the sanctions list', 'removed X from the list'."""
    for prep in children(verb, "prep"):
        if prep.text.lower() in ("to", "on", "onto", "from", "off"):
            for obj in children(prep, "pobj"):
                if base_of(obj, _set("list_nouns")):
                    return True
    return False


def _noun_act(tok: Token, table: EntityTable) -> Act | None:
    if tok.pos_ not in ("NOUN", "PROPN") or tok.dep_ == "compound":
        return None
    v = vocab()
    nouns = frozenset(v["nouns"])
    prev = tok.doc[tok.i - 1] if tok.i > 0 else None
    base = base_of(f"{prev.text.lower()} {tok.text.lower()}", nouns) if prev is not None else None
    base = base or base_of(tok, nouns)
    if base is None and base_of(tok, _set("list_nouns")):
        verb, _ = governor(tok)  # 'Hamas has been on the US list of Foreign Terrorist Organizations'
        if verb is None or not base_of(verb, _set("bearer_verbs")):
            return None
        base = "listing"
    if base is None:
        return None
    act = Act(v["nouns"][base], tok, tok.sent)
    targets: list[Entity] = []
    for prep in children(tok, "prep"):
        word = prep.text.lower()
        for obj in children(prep, "pobj"):
            if word in ("of", "on", "against", "for", "targeting", "upon"):
                targets += _entities_of(obj, table)
            elif word == "by":
                act.authorities += _entities_of(obj, table)
            elif word == "as":
                act.reason = _phrase(prep)
                for inner in obj.subtree:
                    if inner.dep_ in ("prep", "agent") and inner.text.lower() == "by":
                        for who in children(inner, "pobj"):
                            act.authorities += _entities_of(who, table)
    poss = [resolve(c, table) for c in tok.children if c.dep_ == "poss"]
    for c in tok.children:
        if c.dep_ in ("compound", "amod", "nmod") and c.pos_ in ("PROPN", "ADJ", "NOUN"):
            ent = table.lookup(c)
            if ent is not None and ent.type in ("Organization", "Location", "Person"):
                act.authorities.append(ent)
    verb, prep = governor(tok)
    if verb is not None:
        vbase = base_of(verb, _set("governors") | _set("lifting") | _set("restoring"))
        if vbase in vocab()["lifting"]:
            act.status = "lifted"
        if tok.dep_ in ("dobj",) and vbase is not None:
            s = subject(verb)
            if s is not None:
                act.authorities += _entities_of(s, table)
            for p in children(verb, "prep", "dative"):
                if p.text.lower() in ("on", "against", "for", "upon") or (
                        p.text.lower() == "to" and base_of(verb, frozenset(["extend", "apply"]))):
                    for obj in children(p, "pobj"):
                        targets += _entities_of(obj, table)
        elif tok.dep_ == "nsubjpass":
            for agent in children(verb, "agent"):
                for obj in children(agent, "pobj"):
                    act.authorities += _entities_of(obj, table)
            for p in children(verb, "prep"):
                if p.text.lower() in ("on", "against", "for", "upon"):
                    for obj in children(p, "pobj"):
                        targets += _entities_of(obj, table)
        elif vbase is None and base_of(verb, _set("bearer_verbs")) \
                and tok.dep_ in ("pobj", "dobj", "attr"):
            s = subject(verb)  # 'X is under UN sanctions', 'X faces a travel ban'
            if s is not None and not targets:
                targets += _entities_of(s, table)
    ents = [e for e in poss if e is not None]
    if not targets and ents:
        targets = ents
    elif ents:
        act.authorities += ents
    act.targets = [t for t in targets if t not in act.authorities]
    act.anaphoric = not act.targets and any(c.dep_ == "det" for c in tok.children)
    if act.status == "lifted" and not act.targets:
        act.anaphoric = True
    return act


def _entities_of(token: Token, table: EntityTable, before: int | None = None) -> list[Entity]:
    """The entities a noun phrase names, coordinated and apposed ones included.

    'Boko Haram and a splinter faction, Ansaru' -> both; 'its leader, Sanaullah Ghafari' -> the leader,
    not the group; 'it' -> the organisation named before the clause began.
    """
    out: list[Entity] = []
    for t in with_conjuncts(token):
        if t.pos_ == "PRON" and before is not None and t.text.lower() in ("it", "them"):
            ent = _last_listed(t.doc, before, table)
        elif t.text.lower() in load("incident_roles.json")["group_nouns"] and children(t, "poss"):
            owner = children(t, "poss")[0]  # "the group's military wing" -> the group
            ent = _last_listed(t.doc, before if before is not None else owner.i, table) \
                if owner.text.lower() in load("incident_roles.json")["group_nouns"] else resolve(owner, table)
        elif t.text.lower() in load("incident_roles.json")["group_nouns"] and before is not None and any(
                c.dep_ == "det" and c.text.lower() in ("the", "this", "that") for c in t.children):
            ent = _last_listed(t.doc, before, table)
        else:
            ent = resolve(t, table)
        found = [ent] if ent is not None else []
        for inner in _phrase_tokens(t):
            if inner.i == t.i:
                continue
            e = table.lookup(inner) if inner.pos_ == "PROPN" else None
            if e is not None and e not in found and (ent is None or inner.dep_ == "appos" or
                                                     any(a.dep_ == "appos" for a in inner.ancestors if a.i > t.i)):
                found.append(e)
        out += [e for e in found if e not in out and e.type in ("Person", "Organization", "Location")]
    return out


def _last_listed(doc: Doc, before: int, table: EntityTable) -> Entity | None:
    """The organisation 'it' stands for: a recent subject first (centering), else the last one named.

    Authorities are skipped: in 'the Council added it to the list', 'it' is not the Council.
    """
    fallback: Entity | None = None
    start = doc[before].sent.start if before < len(doc) else before
    previous = doc[start - 1].sent.start if start > 0 else start
    for i in range(before - 1, max(-1, before - 300), -1):
        tok = doc[i]
        if tok.pos_ not in ("PROPN", "NOUN"):
            continue
        ent = resolve(tok, table) if tok.pos_ == "NOUN" and tok.dep_ in ("nsubj", "nsubjpass") else table.lookup(tok)
        if ent is None or ent.type != "Organization" or _is_authority(ent):
            continue
        if i >= start or (tok.dep_ in ("nsubj", "nsubjpass") and i >= previous):
            return ent  # named earlier in this sentence, or the subject of the one before
        fallback = fallback or ent
    return fallback


def _phrase_tokens(token: Token) -> list[Token]:
    """Tokens of a noun phrase without clauses, possessors or ordinary prepositional phrases."""
    out = []
    for child in token.children:
        if child.dep_ in ("relcl", "acl", "poss", "cc", "conj", "punct"):
            continue
        if child.dep_ == "prep" and child.text.lower() not in ("including", "like", "such", "of"):
            continue
        out += _phrase_tokens(child)
    return [token, *out]


def _modifier_entities(token: Token, table: EntityTable) -> list[Entity]:
    """'the UN sanctions list' -> UN; 'its list' -> nothing."""
    out = []
    for c in token.children:
        if c.dep_ in ("compound", "poss", "nmod") and c.pos_ == "PROPN":
            ent = table.lookup(c)
            if ent is not None and (c.dep_ == "poss" or _is_authority(ent)):
                out.append(ent)  # 'the al-Qaeda sanctions list' is not al-Qaeda's list
    return out


def _is_authority(ent: Entity) -> bool:
    data = load("designation_authorities.json")
    names = {k.lower() for k in data["authorities"]} | {n.lower() for v in data["countries"].values() for n in v}
    names |= {k.lower() for k in data["countries"]}
    return ent.type == "Location" or any(n.lower().removeprefix("the ") in names for n in [ent.name, *ent.aliases]) \
        or any(w in ent.name for w in ("Council", "Department", "Ministry", "Office", "Treasury", "Union", "Nations"))


def _phrase(prep: Token) -> str | None:
    objs = children(prep, "pobj")
    return _phrase_token(objs[0]) if objs else None


def _phrase_token(tok: Token) -> str:
    """The reason phrase: 'a Foreign Terrorist Organization' -> 'Foreign Terrorist Organization' (no clauses or dates)."""
    cut = [a for a in tok.children if a.dep_ in ("relcl", "acl", "appos") or (a.dep_ == "prep" and a.text.lower() != "of")]
    toks = [t for t in tok.subtree if t.dep_ not in ("det", "poss") and t.tag_ != "PRP$"
            and not any(t in a.subtree for a in cut)]
    text = tok.doc[toks[0].i: toks[-1].i + 1].text if toks else tok.text
    return re.sub(r"^(a|an|the)\s+", "", text.strip(), flags=re.I)[:120]


def _finish(act: Act, table: EntityTable, article: Article) -> None:
    """Kind, reason and dates from the clause; the authority a reason implies when none is named."""
    clause = _clause_text(act.head)
    text = " ".join(filter(None, [act.reason or "", clause]))
    if act.kind == "auto" or act.kind in ("terrorism", "sanctions"):
        for pattern, kind, reason in vocab()["reasons"]:
            if re.search(pattern, text, re.I):
                if act.kind == "auto" or kind not in ("terrorism", "sanctions"):
                    act.kind = kind if act.kind == "auto" else act.kind
                own = _canonical_reason(act.reason) if act.reason else None
                act.reason = own if own and own not in ("terrorism", "sanctions") else (act.reason or reason)
                break
    if act.kind == "auto":
        act.kind = "terrorism" if re.search(r"terror", act.sentence.text, re.I) else "sanctions"
    act.dates = _clause_dates(act, article)
    if not act.authorities and act.reason:
        for name in vocab()["reason_authority"].get(act.reason, []):
            ent = _named(table, name)
            if ent is not None:
                act.authorities.append(ent)
                break


def _named(table: EntityTable, name: str) -> Entity | None:
    key = name.lower()
    for ent in table.entities:
        if ent.type in ("Organization", "Location") and key in {n.lower().removeprefix("the ")
                                                               for n in [ent.name, *ent.aliases]}:
            return ent
    return None


def _local(head: Token) -> list[Token]:
    roots = [head]
    verb, _ = governor(head) if head.pos_ != "VERB" else (None, None)
    if verb is not None:
        roots.append(verb)
        if verb.dep_ == "conj" and not any(e.label_ == "DATE" and e.root.i in {t.i for t in verb.subtree}
                                           for e in verb.sent.ents):
            roots.append(verb.head)
    if head.pos_ == "VERB" and head.dep_ in ("ccomp", "xcomp") and head.head.pos_ == "VERB":
        roots.append(head.head)  # 'announced in January 2024 that it would designate ...'
    if head.pos_ == "VERB" and head.dep_ == "conj" and not any(
            e.label_ == "DATE" and e.root.i in {t.i for t in head.subtree} for e in head.sent.ents):
        roots.append(head.head)  # 'In 2019 X designated A and listed B': the date is shared
    for root in list(roots):  # 'on the list since the State Department published it in October 1997'
        for clause in children(root, "advcl"):
            if any(c.dep_ == "mark" and c.text.lower() == "since" for c in clause.children):
                roots.append(clause)
    toks: dict[int, Token] = {}
    for root in roots:
        later = [c.i for c in root.children if c.dep_ in CLAUSES and c.i > root.i]
        cutoff = min(later) if later else len(root.doc)
        for child in [root, *root.children]:
            if child.i != root.i and child.dep_ in CLAUSES:
                continue
            for t in child.subtree:
                if t.i < cutoff:
                    toks[t.i] = t
    return [toks[i] for i in sorted(toks)]


def _clause_text(head: Token) -> str:
    return " ".join(t.text for t in _local(head))


def _clause_dates(act: Act, article: Article) -> list[str]:
    local = {t.i for t in _local(act.head)}
    before = act.sentence.doc.text[: act.sentence.start_char][-2000:]
    previous = (dates_in(before) or [None])[-1]
    found: list[str] = []
    for ent in act.sentence.ents:
        if ent.label_ != "DATE" or not any(t.i in local for t in ent):
            continue
        earlier = ent.doc.text[max(0, ent.start_char - 2000): ent.start_char]
        previous = (dates_in(earlier) or [previous])[-1]  # 'the same month' after 'in July 2009
        text = ent.text
        if ent.start > 0 and ent.doc[ent.start - 1].text.lower() in ("in", "on", "since", "last", "this"):
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


def _lift_earlier(act: Act, acts: list[Act]) -> bool:
    """Mark the earlier acts this lifting refers to; True when it referred to some."""
    date = act.dates[0] if act.dates else None
    by = act.authorities[0].name if act.authorities else None
    if act.targets:
        hits = [a for a in acts if {e.id for e in a.targets} & {e.id for e in act.targets}]
    else:  # 'revoked both designations': the acts of the latest sentence that made some
        latest = acts[-1].sentence if acts else None
        hits = [a for a in acts if latest is not None and a.sentence == latest]
    for a in hits:
        a.status, a.lifted, a.lifted_by = "lifted", date, by
    return bool(hits)
