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

from spacy.tokens import Doc, Span, Token

from ingest.designation_act import Act, vocab, words
from ingest.designation_dates import clause_dates, clause_text
from ingest.designation_graph import to_graph
from ingest.designation_nouns import bounty_for, bounty_targets, noun_act
from ingest.designation_phrases import entities_of, modifier_entities, phrase, phrase_token
from ingest.entities import EntityTable
from ingest.polarity import asserted
from ingest.records import Article, Entity, Relation
from ingest.sentences import sentences
from ingest.syntax import children, governor, is_passive, subject, subtree_entities, with_conjuncts
from ingest.vocabulary import base_of

STOP = ("relcl", "acl", "appos", "prep")
CLAUSES = ("relcl", "ccomp", "advcl", "parataxis", "conj", "csubj")


def find_designations(doc: Doc, table: EntityTable, article: Article,
                      skip: Callable[[Span], bool] | None = None) -> tuple[list[Entity], list[Relation]]:
    """Designation entities with ISSUED and TARGETS edges for one document."""
    acts: list[Act] = []
    for sent in sentences(doc):
        if skip is not None and skip(sent):
            continue
        for tok in sent:
            act = _verb_act(tok, table) or noun_act(tok, table)
            if act is None:
                continue
            for one in _split(act):
                _finish(one, table, article)
                if one.status == "lifted" and _lift_earlier(one, acts):
                    continue
                if one.status == "lifted" and not one.dates:
                    continue  # 'delisted' with nothing earlier to lift and no date: nothing to record
                if one.status == "lifted":  # 'lifted sanctions on Iran in 2016': 2016 is when they ended
                    one.lifted, one.dates = one.dates[0], []
                    one.lifted_by = one.authorities[0].name if one.authorities else None
                if not one.targets and one.anaphoric and acts and _restores(one):
                    one.targets = list(acts[-1].targets)  # 'restored the FTO designation'
                if one.targets and not _joins_coordinated(one, acts):
                    acts.append(one)
    return to_graph(acts, table)


def _restores(act: Act) -> bool:
    verb, _ = governor(act.head) if act.head.pos_ != "VERB" else (None, None)
    return verb is not None and base_of(verb, words("restoring") | {"extend", "renew", "reimpose"}) is not None


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
    if {act.kind, prev.kind} - {"terrorism", "sanctions", "asset_freeze"} or act.kind == prev.kind == "asset_freeze":
        return False  # a freeze and a travel ban are two measures; a listing and its freeze are one
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


def _verb_act(tok: Token, table: EntityTable) -> Act | None:
    if tok.pos_ != "VERB" or tok.dep_ == "amod" or not asserted(tok):
        return None  # 'has not designated X', 'X has not been removed from the list': ingest.polarity
    v = vocab()
    base = base_of(tok, words("verbs"))
    lifting = base_of(tok, words("lifting"))
    if base is None and base_of(tok, words("list_verbs")) and (_onto_list(tok) or _names_as_listed(tok)):
        base = "list"
    if base is None and lifting and (_onto_list(tok) or lifting in ("delist", "de-list")):
        base = "list"
    nouns = words("nouns")
    named_measure = any(base_of(o, nouns) for o in children(tok, "dobj"))  # 'offered a reward': the noun's act
    if base is None and not named_measure and base_of(tok, frozenset(["offer", "announce", "post"])) \
            and bounty_for(tok):
        act = Act("reward", tok, tok.sent, reason="reward")  # 'offered up to $10 million for information on X'
        subj = subject(tok)
        act.authorities = entities_of(subj, table) if subj is not None else []
        act.targets = [e for e in bounty_targets(tok, table) if e not in act.authorities]
        return act
    if base is None:
        return None
    act = Act(v["verbs"].get(base, "auto"), tok, tok.sent)
    if lifting and base == "list" and not base_of(tok, words("verbs")):
        act.status = "lifted"
    passive = is_passive(tok)
    own = [c for c in children(tok, "nsubj", "nsubjpass") if c.i < tok.i]
    subj = own[-1] if own else subject(tok)
    if passive:
        act.targets = entities_of(subj, table) if subj is not None else []
        agents = children(tok, "agent") or [a for c in tok.conjuncts for a in children(c, "agent")]
        for agent in agents:  # 'listed, delisted and listed again by the United States'
            for obj in children(agent, "pobj"):
                act.authorities += entities_of(obj, table)
    else:
        for obj in children(tok, "dobj", "xcomp", "oprd", "dative"):
            if obj.dep_ != "dobj" and obj.pos_ not in ("PROPN", "NOUN", "PRON"):
                continue
            if _canonical_reason(" ".join(t.text for t in obj.subtree)) and obj.dep_ != "dobj" or (
                    obj.dep_ == "dobj" and len(children(tok, "dobj", "xcomp", "oprd")) > 1
                    and _canonical_reason(" ".join(t.text for t in obj.subtree))):
                act.reason = act.reason or phrase_token(obj)  # 'designated LeT a Foreign Terrorist Organization'
                act.reasons += [phrase_token(t) for t in with_conjuncts(obj)]
                for inner in obj.subtree:  # a misparse that folds the target into the category
                    e = table.lookup(inner) if inner.pos_ == "PROPN" else None
                    if e is not None and not _canonical_reason(e.name) and e not in act.targets:
                        act.targets.append(e)
                continue
            act.targets += [e for e in entities_of(obj, table, before=_subject_start(tok)) if e not in act.targets]
            if act.kind == "asset_freeze" and not act.targets:  # 'froze the assets of X', "X's assets"
                act.targets += [e for e in subtree_entities(obj, table) if e.type != "Location"]
        if subj is not None:
            act.authorities = entities_of(subj, table)
    for prep in children(tok, "prep", "dative"):
        word = prep.text.lower()
        if word == "for" and not passive and not act.targets:
            for obj in children(prep, "pobj"):
                act.targets += entities_of(obj, table)
        if word == "as":
            act.reason = phrase(prep)
            for as_prep in with_conjuncts(prep):
                for obj in children(as_prep, "pobj"):
                    act.reasons += [phrase_token(t) for t in with_conjuncts(obj)]
        elif word in ("under", "for") and act.reason is None:
            act.reason = phrase(prep)
        elif word in ("to", "on", "onto") and _onto_list(tok):
            for obj in children(prep, "pobj"):
                act.authorities += [e for e in modifier_entities(obj, table) if e not in act.authorities]
                act.reason = act.reason or phrase(prep)
    for oprd in children(tok, "oprd", "attr"):
        if _canonical_reason(" ".join(t.text for t in oprd.subtree)):
            act.reason = act.reason or phrase_token(oprd)
            act.reasons += [phrase_token(t) for t in with_conjuncts(oprd)]
    act.anaphoric = subj is not None and subj.pos_ == "PRON" and passive and not act.targets
    act.authorities = [a for a in act.authorities if a.id not in {t.id for t in act.targets}]
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
                if base_of(obj, words("list_nouns")):
                    return True
    return False


def _finish(act: Act, table: EntityTable, article: Article) -> None:
    """Kind, reason and dates from the clause; the authority a reason implies when none is named."""
    clause = clause_text(act.head)
    text = " ".join(filter(None, [act.reason or "", clause]))
    if act.kind == "auto" or act.kind in ("terrorism", "sanctions"):
        for pattern, kind, reason in vocab()["reasons"]:
            if re.search(pattern, text, re.I):
                if act.kind == "auto" or kind not in ("terrorism", "sanctions"):
                    act.kind = kind  # a specific measure ('banned him from entering') names the act
                own = _canonical_reason(act.reason) if act.reason else None
                act.reason = own if own and own not in ("terrorism", "sanctions") else (act.reason or reason)
                break
    if act.kind == "auto":
        act.kind = "terrorism" if re.search(r"terror", act.sentence.text, re.I) else "sanctions"
    act.dates = clause_dates(act, article)
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
