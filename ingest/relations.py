"""LEADS, MEMBER_OF, PART_OF, SUPPORTS and BASED_IN from small walks over the dependency parse.

Each rule reads one English construction and names itself in `extractor`:

- role-prefix     "al-Qaeda leader Ayman al-Zawahiri", "former Iraqi Prime Minister X"
- role-appositive "X, the leader of Y", "X, Y's chief", "the leader of Y, X"
- role-copula     "X is the leader of Y", "X became head of Y"
- role-verb       "X, who heads Y", "X led Y", "X joined Y"
- part-of         "X, the armed wing of Y", "Y's military wing, X", "X is part of Y"
- supports        "Iran funds and arms A, B and C", "Y provided weapons to X", "Iran-backed X", "X, backed by Y"
- based-in        "Y-based X", "X, based in Y", "X is headquartered in Y"

Words (roles, part nouns, support verbs) come from ingest.roles. Entities are
the EntityTable's; a token belongs to an entity when a mention covers it.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator

from spacy.tokens import Doc, Span, Token

from ingest.entities import EntityTable
from ingest.records import Entity, Relation
from ingest.roles import Role, demonyms, noun_role, role_table, singular, verb_base, words

AGENTS = ("Person", "Organization")
GROUPS = ("Organization",)
PLACES = ("Location",)
LED = ("Organization", "Location")


class Finder:
    """The relations of one doc; `run()` yields them sentence by sentence."""

    def __init__(self, doc: Doc, table: EntityTable) -> None:
        self.doc = doc
        self.table = table

    # ----- entities of tokens ----------------------------------------------------------------------
    def entity(self, token: Token | None, types: tuple[str, ...]) -> Entity | None:
        """The entity a token (or the compound/possessive words of its noun phrase) names."""
        if token is None:
            return None
        ent = self.table.lookup(token)
        if ent is None:
            # "the Islamic State group": the name sits in the head noun's compounds
            for child in token.children:
                if child.dep_ in ("compound", "nmod", "amod") and child.i < token.i:
                    ent = self.table.lookup(child)
                    if ent is not None:
                        break
        if ent is None and token.pos_ == "NOUN" and token.dep_ == "appos":
            ent = self.table.lookup(token.head)  # "Hezbollah, the movement backed by Iran"
        if ent is None and token.pos_ == "NOUN":
            appos = [c for c in token.children if c.dep_ == "appos"]  # "the group's wing, the Qassam Brigades"
            ent = self.table.lookup(appos[0]) if appos else None
        if ent is None and token.pos_ == "NOUN" and token.dep_ not in ("nsubj", "compound"):
            ent = self.before_comma(token, types)  # "Jamaat-ud-Dawa (JuD), the charity run by Saeed"
        if ent is not None and ent.type in types:
            return ent
        return None

    def before_comma(self, token: Token, types: tuple[str, ...]) -> Entity | None:
        """The entity just before the comma that opens this token's phrase: "AQAP, the Yemen-based branch"."""
        start = token.left_edge.i
        if start < 2 or self.doc[start - 1].text != ",":
            return None
        prev = self.doc[start - 2]
        if prev.text == ")":  # "Full Name (ACR), the ..."
            opening = next((t.i for t in reversed(self.doc[prev.sent.start:prev.i]) if t.text == "("), None)
            if opening is None or opening == 0:
                return None
            prev = self.doc[opening - 1]
        ent = self.table.lookup(prev)
        return ent if ent is not None and ent.type in types else None

    def subject_of(self, verb: Token) -> Token | None:
        """The subject of a verb; for a relative clause ("X, who heads Y"), the noun it modifies."""
        subj = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subj and subj[0].tag_ in ("WP", "WDT") and verb.dep_ == "relcl":
            return verb.head
        if not subj and verb.dep_ in ("relcl", "acl") and verb.head.pos_ in ("NOUN", "PROPN"):
            return verb.head
        return subj[0] if subj else None

    def entities(self, token: Token | None, types: tuple[str, ...]) -> list[Entity]:
        """The entities of a token and the tokens coordinated with it ("A, B and C")."""
        if token is None:
            return []
        out = []
        for tok in [token, *[c for c in token.conjuncts if c.i > token.i]]:
            ent = self.entity(tok, types)
            if ent is not None and ent not in out:
                out.append(ent)
        return out

    def owner(self, noun: Token) -> list[Entity]:
        """Who a role or part noun belongs to: "leader of Y", "Y's leader", "Y leader", "the Y operations chief"."""
        for child in noun.children:
            if child.dep_ == "prep" and child.lower_ in ("of", "for", "in", "within", "at"):
                pobj = [c for c in child.children if c.dep_ == "pobj"]
                if pobj:
                    # "Minister for the Middle East" is a portfolio, not a membership
                    return self.entities(pobj[0], LED if child.lower_ != "for" else GROUPS)
        for child in sorted((t for t in noun.subtree if t.i < noun.i), key=lambda t: -t.i):
            if any(t.is_punct and t.text not in "-'’" or t.pos_ in ("VERB", "AUX") for t in noun.doc[child.i + 1:noun.i]):
                break  # stay inside the noun phrase: "Ellwood, Minister for ..." must not reach back past the comma
            if child.dep_ not in ("poss", "compound", "nmod", "amod"):
                continue
            ent = self.table.lookup(child)
            if ent is None and child.pos_ == "PROPN":
                ent = next((e for t in LED if (e := self.table.find(t, child.text))), None)
            if ent is not None and ent.type in LED:
                return [ent]
            country = demonyms().get(child.lower_)
            if country and (ent := self.table.find("Location", country)) is not None:
                return [ent]
        return []

    def left_names(self, token: Token) -> list[Entity]:
        """Names compounding the same head before a role noun: "the UN Special Envoy X" (UN, Envoy -> X)."""
        for sib in sorted((c for c in token.head.children if c.i < token.i and c.dep_ in ("compound", "amod", "nmod")),
                          key=lambda t: -t.i):
            ent = self.table.lookup(sib)
            if ent is not None and ent.type in LED:
                return [ent]
            country = demonyms().get(sib.lower_)
            if country and (ent := self.table.find("Location", country)) is not None:
                return [ent]
        return []

    # ----- relations --------------------------------------------------------------------------------
    def run(self, skip: Callable[[Span], bool] | None = None) -> Iterator[Relation]:
        for sent in self.doc.sents:
            if skip is not None and skip(sent):
                continue
            for token in sent:
                yield from self.roles(token, sent)
                yield from self.parts(token, sent)
                yield from self.supports(token, sent)
                yield from self.based(token, sent)

    def make(self, rel: str, src: Entity, dst: Entity, sent: Span, rule: str, conf: float,
             **props: object) -> Relation:
        return Relation(rel, src.id, dst.id, dict(props), [sent.text.strip()], rule, conf)

    def role_relation(self, person: Entity, owners: list[Entity], found: tuple[Role, bool], sent: Span,
                      rule: str, conf: float) -> Iterator[Relation]:
        role, former = found
        for owner in owners:
            if owner.id == person.id:
                continue
            rel = role.relation
            if rel == "MEMBER_OF" and owner.type != "Organization" and role.role not in ("minister",) and \
                    not role.role.endswith("minister"):
                continue
            yield self.make(rel, person, owner, sent, rule, conf, role=role.role, former=former)

    def roles(self, token: Token, sent: Span) -> Iterator[Relation]:
        """LEADS / MEMBER_OF from a role noun or verb next to a person."""
        if token.pos_ in ("NOUN", "PROPN") and (found := noun_role(token)) is not None:
            # role-prefix: "al-Qaeda leader Ayman al-Zawahiri" (the role noun compounds the name)
            if token.dep_ == "compound" and (person := self.entity(token.head, ("Person",))):
                if self.table.lookup(token) is None:
                    owners = self.owner(token) or self.left_names(token)
                    yield from self.role_relation(person, owners, found, sent, "role-prefix", 0.75)
            # role-appositive: "X, the leader of Y" and "the leader of Y, X" ("X, the head of A and the founder of B")
            anchor = token
            while anchor.dep_ == "conj" and anchor.head.i < anchor.i:
                anchor = anchor.head
            if anchor.dep_ == "appos" and (person := self.entity(anchor.head, ("Person",))):
                yield from self.role_relation(person, self.owner(token), found, sent, "role-appositive", 0.8)
            for appos in (c for c in token.children if c.dep_ == "appos"):
                if (person := self.entity(appos, ("Person",))):
                    yield from self.role_relation(person, self.owner(token), found, sent, "role-appositive", 0.8)
            # "the leader of Y, X": the small model hangs the appositive on Y
            for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ in ("of", "for")):
                for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                    for appos in (c for c in pobj.children if c.dep_ == "appos"):
                        if (person := self.entity(appos, ("Person",))):
                            yield from self.role_relation(person, self.entities(pobj, LED), found, sent,
                                                          "role-appositive", 0.7)
            # the parser missed the appositive: "X, the leader of Y, said" read as subject "leader"
            if token.dep_ not in ("appos", "compound") and (person := self.before_comma(token, ("Person",))):
                yield from self.role_relation(person, self.owner(token), found, sent, "role-appositive", 0.65)
            # role-copula: "X is / was / became the leader of Y"
            if token.dep_ in ("attr", "oprd") and token.head.pos_ in ("AUX", "VERB"):
                subj_tok = self.subject_of(token.head)  # "Bashar, who would later become the President of Syria"
                if subj_tok is not None and (person := self.entity(subj_tok, ("Person",))):
                    role, former = found
                    former = former or token.head.tag_ == "VBD" and token.head.lower_ in ("was", "were")
                    yield from self.role_relation(person, self.owner(token), (role, former), sent,
                                                  "role-copula", 0.7)
            # role-as: "named X as the commander of Y", "the cleric regarded as Y's spiritual leader"
            if token.head.lower_ == "as" and token.head.head.pos_ in ("VERB", "AUX"):
                verb = token.head.head
                cands = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
                if verb.dep_ in ("acl", "relcl"):
                    cands.append(verb.head)
                person = next((p for c in cands if (p := self.entity(c, ("Person",)))), None)
                if person is not None:
                    yield from self.role_relation(person, self.owner(token), found, sent, "role-as", 0.7)
        if token.pos_ == "VERB":
            base = verb_base(token, set(role_table()["verbs"]))
            if base is None:
                return
            role = role_table()["verbs"][base]
            agent = [p for c in token.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
            if agent and role.relation == "LEADS":
                # "X was founded by P", "the Government, led by Prime Minister P"
                near = self.before_comma(token, LED) if token.dep_ in ("acl", "relcl", "advcl") else None
                led = self.subject_of(token)
                owners = [near] if near else (self.entities(led, LED) if led is not None else [])
                for person in self.entities(agent[0], ("Person",)):
                    yield from self.role_relation(person, owners, (role, False), sent, "role-verb-passive", 0.7)
                return
            subj_tok = self.subject_of(token)
            person = self.entity(subj_tok, ("Person",)) if subj_tok is not None else None
            if person is None:
                return
            objs = [c for c in token.children if c.dep_ == "dobj"]
            if not objs:
                objs = [p for prep in token.children if prep.dep_ == "prep" and prep.lower_ in ("in", "with")
                        for p in prep.children if p.dep_ == "pobj"] if base in ("join", "serve") else []
            former = token.tag_ == "VBD" and base not in ("found", "co-found", "join")
            for obj in objs:
                owners = self.entities(obj, LED if role.relation == "LEADS" else GROUPS)
                yield from self.role_relation(person, owners, (role, former), sent, "role-verb", 0.7)

    def parts(self, token: Token, sent: Span) -> Iterator[Relation]:
        """PART_OF: a part noun ("wing", "branch") between a unit and its parent."""
        if token.pos_ not in ("NOUN", "PROPN") or singular(token.text) not in words()["part_nouns"]:
            return
        if self.table.lookup(token) is not None:
            return
        parents = self.owner(token)
        units: list[Entity] = []
        if token.dep_ == "appos":
            units = self.entities(token.head, GROUPS)
        units += [e for c in token.children if c.dep_ == "appos" for e in self.entities(c, GROUPS)]
        if not units and token.dep_ not in ("appos", "pobj") and (near := self.before_comma(token, GROUPS)):
            units = [near]
        if token.dep_ in ("attr",) and token.head.pos_ in ("AUX", "VERB"):
            units += [e for c in token.head.children if c.dep_ == "nsubj" for e in self.entities(c, GROUPS)]
        if token.head.lower_ == "as" and token.dep_ == "pobj":
            # "The UK, as part of the Global Coalition, is ..."
            gov = token.head.head
            if gov.pos_ in ("NOUN", "PROPN"):
                units += self.entities(gov, GROUPS + PLACES)
            else:
                units += [e for c in gov.children if c.dep_ in ("nsubj", "nsubjpass") for e in self.entities(c, GROUPS + PLACES)]
        for unit in units:
            for parent in parents:
                if parent.id != unit.id and parent.type in GROUPS + PLACES:
                    yield self.make("PART_OF", unit, parent, sent, "part-of", 0.75)

    def supports(self, token: Token, sent: Span) -> Iterator[Relation]:
        """SUPPORTS from a support verb, a 'provide X to Y' phrase, or 'Y-backed X' / 'backed by Y'."""
        if token.pos_ != "VERB":
            yield from self.supports_sequence(token, sent)
            yield from self.supports_noun(token, sent)
            return
        w = words()
        base = verb_base(token, set(w["support_verbs"]))
        provide = verb_base(token, set(w["provide_verbs"]))
        if base is None and provide is None:
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

    def supports_noun(self, token: Token, sent: Span) -> Iterator[Relation]:
        """"UK support for Iraq", "Iran's funding of Hamas", "Iranian weapons to the Houthis"."""
        how = words()["support_nouns"].get(token.lower_)
        if token.pos_ != "NOUN" or how is None:
            return
        givers: list[Entity] = []
        for child in token.children:
            if child.dep_ in ("poss", "compound", "nmod", "amod") and child.i < token.i:
                ent = self.table.lookup(child)
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
        base = verb_base(token, set(w["support_verbs"]))
        if base is None or token.lower_ == base or token.i == sent.start or self.table.lookup(token) is not None:
            return  # a bare base form is too often the noun; "Iraqi Armed Forces" is a name
        giver = self.table.lookup(token.nbor(-1))
        if giver is None or giver.type not in AGENTS + PLACES:
            return
        recipients: list[Entity] = []
        i = token.i + 1
        while i < sent.end:
            tok = self.doc[i]
            ent = self.table.lookup(tok)
            if ent is not None:
                if ent.type in GROUPS and ent not in recipients:
                    recipients.append(ent)
            elif not (tok.lower_ in (",", "and", "the", "both", "as", "well") or verb_base(tok, set(w["support_verbs"]))):
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


def find_relations(doc: Doc, table: EntityTable, skip_sentence: Callable[[Span], bool] | None = None) -> list[Relation]:
    """Typed relations of one doc between the table's entities, each with its sentence as evidence."""
    return list(Finder(doc, table).run(skip_sentence))
