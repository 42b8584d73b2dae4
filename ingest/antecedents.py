"""Antecedents: for every anaphor of a doc, the phrase it points back to (a small form of centering).

Read from grammar alone, with the words of data/anaphora.json:

- agreement: he/she -> a person; it/its -> one organisation or place; they/them -> an organisation;
  there -> a place; "the group" -> an organisation, not a public body; "the cleric" -> a person;
  "the force" -> first the last organisation whose own name ends in "Force"; "whose" -> the noun its
  relative clause describes (grammar alone decides);
- order (ingest.salience): the sentence itself (never the subject of the anaphor's own clause, nor a
  phrase it sits in, nor, for the owner of what a verb takes away, its subject: ingest.constraints;
  "press the regime to end its attacks": the regime first), then the sentence before (main clause first,
  subjects before objects; after a verb of saying, what is said: "X was killed, Biden announced. ... him":
  X), then the one before that (subjects only), same paragraph;
- the first agreeing phrase decides: when it names no entity ("The ban froze its assets", "US
  officials say they ...") or another entity ties with it, nothing is resolved rather than guessed;
- an anaphor the sentence already continues with wins when no named subject competes ("push the
  group out of its stronghold");
- failing all that, a lone agreeing entity (else subject) in reach (at a paragraph's start, in the previous
  paragraph's last two sentences); "the group" with none, or opening a paragraph, is the group the
  story is about (the only one named so far, or the one named most, by a clear margin).

One pass over the doc's tokens: each anaphor is resolved as it is read, so a chain carries its entity along.
"""
from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc, Span, Token

from ingest.constraints import agreement, bound, taker
from ingest.entities import EntityTable
from ingest.pipeline import doc_text
from ingest.records import Entity
from ingest.roles import singular
from ingest.salience import INSIDE, NAMED, UNNAMED, Phrase, controller, given_name, grammatical_rank, in_main_clause, vocabulary
from ingest.sentences import sentence_text, sentences


class Antecedents:
    """Every anaphor of one doc and its antecedent (`found`: token index -> (antecedent phrase, index of the
    anaphor's sentence)); `unresolved`: anaphors left open; `deferred`: those grammar cannot settle."""

    def __init__(self, doc: Doc, table: EntityTable) -> None:
        self.table = table
        self.words = vocabulary()
        self.found: dict[int, tuple[Phrase, int]] = {}
        self.unresolved: set[int] = set()  # anaphors left open: a rule must not guess for them either
        self.deferred: set[int] = set()  # anaphors grammar cannot settle, left to the rules' own reading
        self.named_heads: dict[str, Phrase] = {}  # last word of an organisation's names -> its latest phrase
        self.counts: Counter[str] = Counter()  # organisation id -> sentences naming it so far
        self.seen: set[tuple[int, str]] = set()
        self.history: list[tuple[int, list[Phrase]]] = []  # (paragraph, phrases) of the sentences read
        self.surnames = _surnames(table)
        text = doc_text(doc)
        paragraph, previous = 0, None
        for n, sent in enumerate(sentences(doc)):
            if previous is not None and "\n" in text[previous.start_char:sent.start_char]:
                paragraph += 1
            self._read(sent, n, paragraph)
            previous = sent

    def _read(self, sent: Span, n: int, paragraph: int) -> None:
        """The phrases of sentence n, each anaphor among them resolved as it comes."""
        said = sentence_text(sent).strip()
        current: list[Phrase] = []
        for tok in sent:
            if tok.pos_ not in ("NOUN", "PROPN", "PRON") and tok.lower_ not in self.words["pronouns"] \
                    or tok.ent_type_ in UNNAMED:
                continue
            kind = self._kind(tok)
            if kind is None and tok.dep_ in INSIDE:
                if (modifier := self._modifier(tok, said, n)) is not None:
                    current.append(modifier)
                    self._count(modifier, n)
                continue
            if kind is None and tok.pos_ == "PRON":
                continue  # "who", "we", "itself": no antecedent for what follows
            ent: Entity | None = None
            named_in, named_sent = said, n
            if kind is None:
                ent = self._named(tok)
            elif (hit := self._resolve(tok, kind, current, paragraph)) is not None:
                ent, named_in, named_sent = hit.entity, hit.named_in, hit.named_sent
                assert ent is not None
                self.found[tok.i] = (hit, n)
            elif tok.i not in self.deferred:
                self.unresolved.add(tok.i)
            rank = grammatical_rank(tok)
            plural = tok.tag_ in ("NNS", "NNPS") or self.words["pronouns"].get(tok.lower_) == "plural"
            coordinated = tok.dep_ == "conj" or any(c.dep_ == "conj" for c in tok.children)
            person = (ent is not None and ent.type == "Person") or self.words["pronouns"].get(tok.lower_) == "person" \
                or singular(tok.text) in self.words["blocking_person_nouns"]
            phrase = Phrase(tok.i, ent, rank, plural, person, coordinated, singular(tok.text), kind is not None,
                            named_in, named_sent)
            if coordinated and tok.dep_ != "conj":
                current.append(Phrase(tok.i, None, rank, True, False, True, "", False, said, n))  # "A and B" as a whole
            phrase.main = in_main_clause(tok, sent)
            current.append(phrase)
            self._count(phrase, n)
        self.history.append((paragraph, current))

    def _count(self, phrase: Phrase, n: int) -> None:
        """Keep what "the group" and "the force" may later need: how often each group was named, and by what."""
        ent = phrase.entity
        if ent is not None and ent.type == "Organization":
            if ent.properties.get("kind") not in self.words["public_kinds"] and (n, ent.id) not in self.seen:
                self.seen.add((n, ent.id))  # sentences naming it: "al-Qaeda in Iraq" is one mention
                self.counts[ent.id] += 1
            for name in (ent.name, *ent.aliases):
                self.named_heads[singular(name.split()[-1])] = phrase

    def _kind(self, tok: Token) -> str | None:
        """What an anaphoric word agrees with ("person", "thing", "plural", "group", "person-noun", "name"), else None."""
        word = tok.lower_
        if word == "there":
            return "place" if tok.dep_ == "advmod" else None  # not "there is"
        if word == "whose":
            return "relative" if tok.dep_ == "poss" else None
        if tok.pos_ == "PRON" and word in self.words["pronouns"]:
            if word == "it" and (tok.head.lower_ in self.words["expletive_verbs"] or tok.dep_ == "nsubjpass") and \
                    any(c.dep_ in ("ccomp", "xcomp", "csubj") or c.dep_ == "advcl" and c.tag_ == "VB"
                        for c in tok.head.children if c.i > tok.i):
                return None  # "it is likely that ...", "it is imperative for all to ...", "made it a crime to ..."
            return str(self.words["pronouns"][word])
        head = singular(tok.text)
        if tok.pos_ != "NOUN" or tok.tag_ != "NN" or head not in self.words["nouns"] or self.table.lookup(tok):
            return None
        if tok.dep_ in INSIDE:
            return None  # "the terrorist group ISIL": the noun describes the name after it
        if not any(c.dep_ == "det" and c.lower_ in self.words["determiners"] for c in tok.children):
            return None
        if any(c.dep_ in ("compound", "nmod", "poss", "appos", "relcl", "acl", "prep", "nummod") or
               c.dep_ == "amod" and c.pos_ == "PROPN" for c in tok.children):
            return None  # "the Haqqani network", "the commander of the force", "the group behind the attack"
        if head in self.words["group_nouns"]:
            return "group"
        return "person-noun" if head in self.words["person_nouns"] else "name"

    def _modifier(self, tok: Token, said: str, n: int) -> Phrase | None:
        """A name modifying another noun ("Hezbollah financier Adham Tabaja", "Iran arms"): a phrase of the
        lowest rank; "Haqqani" in "the Haqqani network" is none (the network is named by the same entity)."""
        if tok.dep_ not in ("compound", "nmod") or tok.pos_ != "PROPN":
            return None
        ent = self.table.lookup(tok)
        if ent is None or ent.type not in NAMED or self._named(tok.head) is ent:
            return None
        anchor = tok.head
        while anchor.dep_ in INSIDE and anchor.head.i != anchor.i:
            anchor = anchor.head
        return Phrase(tok.i, ent, 2, False, ent.type == "Person", False, singular(tok.text), False, said, n, anchor.i)

    def _named(self, tok: Token) -> Entity | None:
        """The entity a phrase head names: itself, a surname the tagger missed ("Sinwar"), its name compounds
        ("the Islamic State group"), its apposition."""
        ent = self.table.lookup(tok)
        if ent is None and tok.pos_ == "PROPN":
            ent = self.surnames.get(tok.text)
        if ent is None and (tok.pos_ == "PROPN" or singular(tok.text) in self.words["group_nouns"]):
            ent = next((e for c in tok.lefts if c.dep_ in ("compound", "nmod") and (e := self.table.lookup(c))), None)
        if ent is None and tok.pos_ == "NOUN":
            ent = given_name(tok, self.table.lookup)
            if ent is None and tok.dep_ == "appos":
                ent = self.table.lookup(tok.head)  # "Hezbollah, the movement backed by Iran"
        return ent if ent is not None and ent.type in NAMED else None

    def _resolve(self, tok: Token, kind: str, current: list[Phrase], paragraph: int) -> Phrase | None:
        """The phrase naming what tok stands for (`current`: the phrases of its sentence read so far), else None."""
        if kind == "relative":  # "Al-Shabaab, whose leader ...": the noun the relative clause hangs on
            clause = next((t for t in tok.ancestors if t.dep_ == "relcl"), None)
            return next((p for p in current if clause is not None and p.i == clause.head.i and p.entity), None)
        if kind == "name" or kind == "group" and singular(tok.text) in self.words["name_heads"]:
            named = self.named_heads.get(singular(tok.text))
            if named is not None and named.entity is not None:
                return named  # "the force" -> the Quds Force, however far back
            if kind == "name":
                return None
        own = [p for p in current if not bound(tok, p)]
        if (ctrl := controller(tok)) is not None:  # "press the regime to end its attacks": the regime's, if anyone's
            decided, hit = self._first([p for p in own if p.i == ctrl], own, tok, kind)
            if decided:
                return hit
        if (centre := self._centre(own, tok, kind)) is not None:
            return centre
        nearest = sorted(own, key=lambda p: (p.rank > 0, -p.i))  # subjects, then the other phrases, nearest first
        if taker(tok) is not None:  # "designated X on a list and froze its assets": the object, the target, first
            nearest.sort(key=lambda p: p.rank)
        decided, hit = self._first(nearest, own, tok, kind)
        if decided:
            return hit
        back = [(par, phrases) for par, phrases in self.history[-2:] if par == paragraph]
        for depth, (_, phrases) in enumerate(reversed(back)):
            ranked = sorted((p for p in phrases if p.rank <= (1 if depth == 0 else 0)),
                            key=lambda p: (not p.main, p.rank, p.i))  # "X, which controls Y, was ...": X, not Y
            decided, hit = self._first(ranked, phrases, tok, kind)
            if decided:
                return hit
        # nothing in the phrases that count most: a lone candidate anywhere in reach will do (at the start of a
        # paragraph, in the previous paragraph's last two sentences; "the group" there is the story's group)
        if not back and kind == "group":
            return self._topic()
        if not back and self.history and self.history[-1][0] == paragraph - 1:
            back = [(par, phrases) for par, phrases in self.history[-2:] if par == paragraph - 1]
        verdicts = [(agreement(p, tok, kind), p) for p in own + [p for _, phrases in back for p in phrases]]
        for rank in (2, 0):  # a lone agreeing entity, else a lone agreeing subject ("Qanbar was decorated by Saddam. \n He")
            found = {p.entity.id: p for v, p in verdicts if v == "yes" and p.entity is not None and p.rank <= rank}
            if len(found) == 1 and not any(v == "block" and p.rank == 0 for v, p in verdicts):
                return next(iter(found.values()))
        return self._topic() if kind == "group" else None

    def _centre(self, own: list[Phrase], tok: Token, kind: str) -> Phrase | None:
        """The entity the sentence already continues with through an anaphor, when no other named subject agrees:
        "The coalition is working to push the group out of its last stronghold" -> its = the group."""
        agreeing = [p for p in own if p.entity is not None and agreement(p, tok, kind) == "yes"]
        centres = {p.entity.id: p for p in agreeing if p.anaphor}
        if len(centres) != 1:
            return None
        centre = next(iter(centres.values()))
        return None if any(p.rank == 0 and p.entity is not centre.entity for p in agreeing) else centre

    def _first(self, ranked: list[Phrase], whole: list[Phrase], tok: Token, kind: str) -> tuple[bool, Phrase | None]:
        """(decided, phrase): the first agreeing phrase of a sentence (`ranked`: the phrases in reach, best first;
        `whole`: all of them). A subject wins over other phrases, an object only when no other entity of its rank
        agrees; either ties with another agreeing anaphor of the sentence, resolved or not ("The US struck the
        group. X leads it": the group, or the US? "Iran funds it, and its commander": it, or Iran?)."""
        for p in ranked:
            verdict = agreement(p, tok, kind)
            if verdict == "defer":
                self.deferred.add(tok.i)
            if verdict in ("block", "defer"):
                return True, None
            if verdict == "yes":
                assert p.entity is not None
                rivals = {q.entity.id for q in ranked if q.rank == p.rank and q.entity is not None
                          and agreement(q, tok, kind) == "yes"}
                centre = [q for q in whole if q.anaphor and q.i != p.i and (q.entity is None or q.entity.id != p.entity.id)
                          and agreement(q, tok, kind) != "no"]
                return True, (p if (p.rank == 0 or len(rivals) == 1) and not centre else None)
        return False, None

    def _topic(self) -> Phrase | None:
        """The group the story is about: the only organisation (not a public body) named so far, or the one
        named in most sentences, at least two and more than any other."""
        top = [(n, i) for i, n in self.counts.most_common(2)]
        if not top or len(top) > 1 and (top[0][0] < 2 or top[1][0] == top[0][0]):
            return None
        org = top[0][1]
        return next((p for _, phrases in reversed(self.history) for p in reversed(phrases)
                     if p.entity is not None and p.entity.id == org), None)


def _surnames(table: EntityTable) -> dict[str, Entity]:
    """Last word of a person's name -> the person, where only one person has it."""
    seen: dict[str, list[Entity]] = {}
    for ent in table.entities:
        if ent.type == "Person":
            for name in {n.split()[-1] for n in (ent.name, *ent.aliases) if " " in n}:
                seen.setdefault(name, []).append(ent)
    return {name: ents[0] for name, ents in seen.items() if len(ents) == 1}
