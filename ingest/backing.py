"""SUPPORTS and BASED_IN rules: who backs whom, and where a group sits.

- supports          "Iran funds Hezbollah", "Y provided weapons to X", "provided X with money"
- supports-backed   "Iran-backed X", "X, backed by Y"
- supports-noun     "UK support for Iraq"
- supports-received "X receives funding from Y"
- supports-sequence "Iran funds and arms A, B and C" when the parser reads the verbs as nouns
- based-in          "Y-based X", "X, based in Y", "X is headquartered in Y"
- based-in-group    "X is an organization in Y"
- based-in-headquarters "Hamas's headquarters in Gaza"
"""
from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from ingest.anaphora import anaphoric, implied_subject, referent
from ingest.phrases import AGENTS, GROUPS, LED, PLACES, Phrases
from ingest.records import Entity, Relation
from ingest.roles import demonyms, singular, verb_base, word_set, words

RECEIVE_VERBS = frozenset({"receive", "get", "obtain", "accept", "seek"})


class Backing(Phrases):
    """Support and base rules; `make` comes from the relation finder."""

    def make(self, rel: str, src: Entity, dst: Entity, sent: Span, rule: str, conf: float,
             **props: object) -> Relation:
        rule, conf, evidence = anaphoric(rule, conf, sent.text.strip(), src, dst)  # "+anaphora" when src or dst is a Referent
        return Relation(rel, src.id, dst.id, dict(props), evidence, rule, conf)

    def supports(self, token: Token, sent: Span) -> Iterator[Relation]:
        """SUPPORTS from a support verb, a 'provide X to Y' phrase, or 'Y-backed X' / 'backed by Y'."""
        if token.pos_ != "VERB":
            yield from self.supports_sequence(token, sent)
            yield from self.supports_noun(token, sent)
            return
        w = words()
        base = verb_base(token, word_set("support_verbs"))
        provide = verb_base(token, word_set("provide_verbs"))
        if base is None and provide is None:
            yield from self.receives(token, sent)
            return
        kids = list(token.children)
        if base is not None and token.dep_ in ("amod", "acl") and token.tag_ == "VBN":
            # "Iran-backed Houthis", "the Houthis, backed by Iran"
            recipients = self.entities(token.head, GROUPS)
            backers = [e for c in kids if c.dep_ in ("npadvmod", "compound", "nmod") for e in self.entities(c, AGENTS + PLACES)]
            backers += [e for c in kids if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"
                        for e in self.entities(p, AGENTS + PLACES)]
            if not backers and token.i > 0 and token.nbor(-1).text == "-":
                ent = self.table.lookup(token.nbor(-1).nbor(-1)) if token.i > 1 else None
                backers = [ent] if ent is not None else []
            for b in backers:
                for r in recipients:
                    if b.id != r.id:
                        yield self.make("SUPPORTS", b, r, sent, "supports-backed", 0.75, how=w["support_verbs"][base])
            return
        agent = [p for c in kids if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
        passive = any(c.dep_ == "nsubjpass" for c in kids)
        subj_tok = self.subject_of(token) if not passive else None
        givers = self.entities(subj_tok, AGENTS + PLACES) if subj_tok is not None else []
        if not givers and token.dep_ == "pcomp" and token.head.lower_ in ("for", "by"):
            # "designated the Quds Force for providing support to the Taliban"
            gov = token.head.head
            givers = [e for c in gov.children if c.dep_ in ("dobj", "nsubjpass") for e in self.entities(c, AGENTS)]
        if passive and agent:
            givers = self.entities(agent[0], AGENTS + PLACES)
        if not givers and token.dep_ == "conj":
            head_subj = [c for c in token.head.children if c.dep_ == "nsubj"]
            givers = self.entities(head_subj[0], AGENTS + PLACES) if head_subj else []
        if not givers:
            return
        if base is not None:
            targets = [c for c in kids if c.dep_ == ("nsubjpass" if passive else "dobj")]
            how = w["support_verbs"][base]
            # "supplies the Houthis with missiles": what was given says how
            given = [p.lower_ for c in kids if c.dep_ == "prep" and c.lower_ == "with" for p in c.children if p.dep_ == "pobj"]
            how = next((w["support_nouns"][g] for g in given if g in w["support_nouns"]), how)
            targets += [p for c in kids if c.dep_ == "prep" and c.lower_ in ("to",) for p in c.children if p.dep_ == "pobj"] \
                if base in ("assist", "aid") else []
            recipients = [e for t in targets for e in self.entities(t, GROUPS)]
        else:
            objs = [c for c in kids if c.dep_ == "dobj"]
            how = None
            for obj in objs:
                phrase = " ".join(t.lower_ for t in obj.subtree if t.i <= obj.i and t.dep_ != "det")
                how = w["support_nouns"].get(phrase) or w["support_nouns"].get(obj.lower_) or how
            withs = [p for c in kids if c.dep_ == "prep" and c.lower_ == "with" for p in c.children if p.dep_ == "pobj"]
            if how is None and not any(p.lower_ in w["support_nouns"] for p in withs):
                return
            pobjs = [p for c in kids if c.dep_ in ("prep", "dative") and c.lower_ in ("to", "for")
                     for p in c.children if p.dep_ == "pobj"]
            pobjs += [p for obj in objs for c in obj.children if c.dep_ == "prep" and c.lower_ in ("to", "for")
                      for p in c.children if p.dep_ == "pobj"]
            pobjs += [c for c in kids if c.dep_ == "dative" and c.pos_ != "ADP"]
            recipients = [e for p in pobjs for e in self.entities(p, GROUPS)]
            # "provided Hamas with money and weapons"
            withs = [p for c in kids if c.dep_ == "prep" and c.lower_ == "with" for p in c.children if p.dep_ == "pobj"]
            if withs:
                how = w["support_nouns"].get(withs[0].lower_) or how
                if how is not None and withs[0].lower_ in w["support_nouns"]:
                    recipients += [e for o in objs for e in self.entities(o, GROUPS)]
        for giver in givers:
            for r in recipients:
                if giver.id != r.id:
                    yield self.make("SUPPORTS", giver, r, sent, "supports", 0.7, how=how)

    def receives(self, token: Token, sent: Span) -> Iterator[Relation]:
        """"X receives funding and weapons from Y": the giver is after "from"."""
        if verb_base(token, RECEIVE_VERBS) is None:
            return
        w = words()
        objs = [c for c in token.children if c.dep_ == "dobj"]
        how = next((w["support_nouns"][o.lower_] for o in objs if o.lower_ in w["support_nouns"]), None)
        if how is None:
            return
        froms = [p for c in [*token.children, *[k for o in objs for k in o.children]]
                 if c.dep_ == "prep" and c.lower_ == "from" for p in c.children if p.dep_ == "pobj"]
        givers = [e for p in froms for e in self.entities(p, AGENTS + PLACES)]
        subj = self.subject_of(token)
        for r in self.entities(subj, GROUPS) if subj is not None else []:
            for g in givers:
                if g.id != r.id:
                    yield self.make("SUPPORTS", g, r, sent, "supports-received", 0.65, how=how)

    def supports_noun(self, token: Token, sent: Span) -> Iterator[Relation]:
        """"UK support for Iraq", "Iran's funding of Hamas", "Iranian weapons to the Houthis"."""
        how = words()["support_nouns"].get(token.lower_)
        if token.pos_ != "NOUN" or how is None:
            return
        givers: list[Entity] = []
        for child in token.children:
            if child.dep_ in ("poss", "compound", "nmod", "amod") and child.i < token.i:
                ent = self.table.lookup(child) or referent(self.table, child)  # "its support for X"
                if ent is None and (country := demonyms().get(child.lower_)):
                    ent = self.table.find("Location", country)
                if ent is not None and ent.type in AGENTS + PLACES:
                    givers.append(ent)
        recipients = [e for c in token.children if c.dep_ == "prep" and c.lower_ in ("for", "to", "of")
                      for p in c.children if p.dep_ == "pobj" for e in self.entities(p, LED)]
        for giver in givers:
            for r in recipients:
                if giver.id != r.id:
                    yield self.make("SUPPORTS", giver, r, sent, "supports-noun", 0.6, how=how)

    def supports_sequence(self, token: Token, sent: Span) -> Iterator[Relation]:
        """"Iran funds and arms A, B and C" when the parser reads the verbs as nouns: NAME VERB(s) NAMES."""
        w = words()
        base = verb_base(token, word_set("support_verbs"))
        if base is None or token.lower_ == base or token.i == sent.start or self.table.lookup(token) is not None:
            return  # a bare base form is too often the noun; "Iraqi Armed Forces" is a name
        # "US officials accuse it of arming, funding and training X": the object does what the gerund says
        giver = self.table.lookup(token.nbor(-1)) or self.entity(implied_subject(token), AGENTS + PLACES)
        if giver is None or giver.type not in AGENTS + PLACES:
            return
        recipients: list[Entity] = []
        i = token.i + 1
        while i < sent.end:
            tok = self.doc[i]
            ent = self.table.lookup(tok) or referent(self.table, tok)  # "Iran arms and trains the group"
            if ent is not None:
                if ent.type in GROUPS and ent not in recipients:
                    recipients.append(ent)
            elif not (tok.lower_ in (",", "and", "the", "both", "as", "well") or verb_base(tok, word_set("support_verbs"))):
                break
            i += 1
        for r in recipients:
            if r.id != giver.id:
                yield self.make("SUPPORTS", giver, r, sent, "supports-sequence", 0.6, how=w["support_verbs"][base])

    def based(self, token: Token, sent: Span) -> Iterator[Relation]:
        """BASED_IN: "Y-based X", "X, based in Y", "X is headquartered in Y", "X is a group in Y"."""
        if token.lower_ in words()["group_nouns"] and token.dep_ in ("attr", "appos"):
            yield from self.group_in(token, sent)
            return
        if token.pos_ == "NOUN" and singular(token.text) in words()["base_nouns"]:
            yield from self.headquarters(token, sent)
            return
        if token.lower_ not in words()["base_words"]:
            return
        places: list[Entity] = []
        for c in token.children:
            if c.dep_ == "prep" and c.lower_ in ("in", "at", "near", "out"):
                for p in c.children:
                    if p.dep_ == "pobj":
                        places += self.entities(p, PLACES)
            if c.dep_ in ("npadvmod", "compound", "nmod") and c.i < token.i:
                places += self.entities(c, PLACES)
            if c.dep_ == "advmod" and c.lower_ == "there":  # "have been based there since": ingest.anaphora
                places += self.entities(c, PLACES)
        if not places and token.i > 1 and token.nbor(-1).text == "-":
            ent = self.table.lookup(token.nbor(-2))
            if ent is not None and ent.type in PLACES:
                places = [ent]
        head = token
        for _ in range(4):  # "a commander believed to be based in Iran": up to the noun the clause describes
            if head.dep_ in ("xcomp", "acl", "relcl", "advcl", "ccomp", "auxpass") and head.head.pos_ in ("VERB", "AUX"):
                head = head.head
            else:
                break
        if head is not token and head.dep_ in ("acl", "relcl") and head.head.pos_ in ("NOUN", "PROPN"):
            holders = self.entities(head.head, AGENTS)
        elif token.dep_ in ("amod", "acl", "advcl") or token.head.pos_ in ("NOUN", "PROPN"):
            holders = self.entities(token.head, AGENTS)
            if not holders and token.head.dep_ in ("attr", "appos"):
                # "X is a Pakistan-based group", "X, a Gaza-based group"
                anchor = token.head.head
                holders = [e for c in anchor.children if c.dep_ in ("nsubj", "nsubjpass") for e in self.entities(c, AGENTS)]
                if token.head.dep_ == "appos":
                    holders += self.entities(anchor, AGENTS)
        else:
            subj = [c for c in token.head.children if c.dep_ in ("nsubj", "nsubjpass")] + \
                   [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
            holders = [e for s in subj for e in self.entities(s, AGENTS)]
        for h in holders:
            for p in places:
                yield self.make("BASED_IN", h, p, sent, "based-in", 0.75)

    def headquarters(self, noun: Token, sent: Span) -> Iterator[Relation]:
        """"Hamas's headquarters in Gaza", "the group's stronghold of Raqqa"."""
        places = [e for c in noun.children if c.dep_ == "prep" and c.lower_ in ("in", "at", "of")
                  for p in c.children if p.dep_ == "pobj" for e in self.entities(p, PLACES)]
        places += [e for c in noun.children if c.dep_ == "appos" for e in self.entities(c, PLACES)]
        holders = [e for c in noun.children if c.dep_ == "poss" and (e := self.entity(c, AGENTS))]
        for h in holders:
            for p in places:
                yield self.make("BASED_IN", h, p, sent, "based-in-headquarters", 0.65)

    def group_in(self, noun: Token, sent: Span) -> Iterator[Relation]:
        """"The Syrian Computer Society is an organization in Syria", "X, a militia from Y"."""
        places = [e for c in noun.children if c.dep_ == "prep" and c.lower_ in ("in", "from")
                  for p in c.children if p.dep_ == "pobj" for e in self.entities(p, PLACES)]
        if not places:
            return
        if noun.dep_ == "appos":
            holders = self.entities(noun.head, GROUPS)
        else:
            holders = [e for c in noun.head.children if c.dep_ == "nsubj" for e in self.entities(c, GROUPS)]
        for h in holders:
            for p in places:
                yield self.make("BASED_IN", h, p, sent, "based-in-group", 0.6)


