"""LEADS, MEMBER_OF, PART_OF, SUPPORTS and BASED_IN from small walks over the dependency parse.

Each rule reads one English construction and names itself in `extractor`:

- role-prefix     "al-Qaeda leader Ayman al-Zawahiri", "former Iraqi Prime Minister X"
- role-appositive "X, the leader of Y", "X, Y's chief", "the leader of Y, X"
- role-copula     "X is the leader of Y", "X became head of Y"
- role-verb       "X, who heads Y", "X led Y", "X joined Y"
- role-as         "named X as the commander of Y", "the cleric regarded as Y's spiritual leader"
- part-of         "X, the armed wing of Y", "Y's military wing, X", "X is part of Y"
- part-of-affiliated "X, affiliated with Y"
- SUPPORTS and BASED_IN rules: see ingest.backing

Words (roles, part nouns, support verbs) come from ingest.roles. Entities are
the EntityTable's; a token belongs to an entity when a mention covers it.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator

from spacy.tokens import Doc, Span, Token

from ingest.backing import Backing
from ingest.entities import EntityTable
from ingest.phrases import GROUPS, LED, PLACES
from ingest.polarity import asserted, ceased
from ingest.records import Entity, Relation
from ingest.sentences import sentences
from ingest.roles import Role, noun_role, role_table, role_verbs, singular, verb_base, word_set, words


class Finder(Backing):
    """The relations of one doc; `run()` yields them sentence by sentence."""

    def run(self, skip: Callable[[Span], bool] | None = None) -> Iterator[Relation]:
        for sent in sentences(self.doc):
            if skip is not None and skip(sent):
                continue
            for token in sent:
                if not self.may_relate(token):
                    continue
                found = [*self.roles(token, sent), *self.parts(token, sent), *self.supports(token, sent),
                         *self.based(token, sent)]
                # polarity only where a rule fired: "Iran does not fund X", "denies arming X" (ingest.polarity)
                if found and asserted(token, attempts=False):
                    yield from found

    def may_relate(self, token: Token) -> bool:
        """Whether any rule below can start at this token: a noun, a verb, or a listed word (support verb
        forms, 'affiliated', group and base words). Most tokens are none of these, and skipping them
        saves four rule calls each."""
        if token.pos_ in ("NOUN", "PROPN", "VERB"):
            return True
        lower = token.lower_
        return lower == "affiliated" or lower in word_set("group_nouns") or lower in word_set("base_words") or \
            verb_base(token, word_set("support_verbs")) is not None

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
                    former = former or token.head.tag_ == "VBD" and token.head.lower_ in ("was", "were") \
                        or ceased(token.head)
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
            base = verb_base(token, role_verbs())
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
            former = token.tag_ == "VBD" and base not in ("found", "co-found", "join") or ceased(token)
            # "led the group as secretary-general": the "as" phrase names the role
            titled = [noun_role(p) for c in token.children if c.dep_ == "prep" and c.lower_ == "as"
                      for p in c.children if p.dep_ == "pobj"]
            if titled and titled[0] is not None and titled[0][0].relation == role.relation:
                role = titled[0][0]
            for obj in objs:
                owners = self.entities(obj, LED if role.relation == "LEADS" else GROUPS)
                yield from self.role_relation(person, owners, (role, former), sent, "role-verb", 0.7)

    def parts(self, token: Token, sent: Span) -> Iterator[Relation]:
        """PART_OF: a part noun ("wing", "branch") between a unit and its parent; "X, affiliated with Y"."""
        if token.lower_ == "affiliated":
            parents = [e for c in token.children if c.dep_ == "prep" and c.lower_ in ("with", "to")
                       for p in c.children if p.dep_ == "pobj" for e in self.entities(p, GROUPS)]
            holder = self.subject_of(token) if token.dep_ not in ("amod",) else token.head
            units = self.entities(holder, GROUPS) if holder is not None else []
            if not units and (near := self.before_comma(token, GROUPS)) is not None:
                units = [near]
            for unit in units:
                for parent in parents:
                    if parent.id != unit.id:
                        yield self.make("PART_OF", unit, parent, sent, "part-of-affiliated", 0.65)
            return
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


def find_relations(doc: Doc, table: EntityTable, skip_sentence: Callable[[Span], bool] | None = None) -> list[Relation]:
    """Typed relations of one doc between the table's entities, each with its sentence as evidence
    (none from a model without a dependency parser: every rule reads the parse)."""
    if not doc.has_annotation("DEP"):
        return []
    return list(Finder(doc, table).run(skip_sentence))
