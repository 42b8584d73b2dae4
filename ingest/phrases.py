"""From tokens to the entities they name: the walks every relation rule shares.

A token names an entity when a mention covers it, when it heads a phrase whose
compounds do ("the Islamic State group"), or when it is a common noun in
apposition to a name ("Hezbollah, the movement backed by Iran").
"""
from __future__ import annotations

from spacy.tokens import Doc, Token

from ingest.anaphora import referent, unresolved
from ingest.entities import EntityTable
from ingest.records import Entity
from ingest.roles import demonyms, singular, words

AGENTS = ("Person", "Organization")
GROUPS = ("Organization",)
PLACES = ("Location",)
LED = ("Organization", "Location")


class Phrases:
    """Entity look-ups over one doc's parse."""

    def __init__(self, doc: Doc, table: EntityTable) -> None:
        self.doc = doc
        self.table = table

    def entity(self, token: Token | None, types: tuple[str, ...]) -> Entity | None:
        """The entity a token (or the compound/possessive words of its noun phrase) names."""
        if token is None:
            return None
        ent = self.table.lookup(token)
        if ent is None and (token.pos_ == "PROPN" or singular(token.text) in words()["group_nouns"]):
            # "the Islamic State group": the name sits in the head noun's compounds (not "the Baghdad crackdown")
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
        if ent is None and token.pos_ == "NOUN" and token.dep_ != "compound":
            # "Jamaat-ud-Dawa (JuD), the charity run by Saeed, ..." -- but not "Kabul, the group said"
            closed = token.right_edge.i + 1 < len(self.doc) and self.doc[token.right_edge.i + 1].text == ","
            if token.dep_ != "nsubj" or closed:
                ent = self.before_comma(token, types)
        if ent is None:
            ent = referent(self.table, token)  # "It is led by X", "Iran arms the group": ingest.anaphora
            if ent is None and unresolved(self.table, token):
                return None  # an anaphor grammar leaves open ("A commander said he ..."): no guess below
        if ent is None and "Organization" in types:
            ent = self.antecedent(token)
        if ent is None and "Person" in types and token.lower_ in ("he", "she", "him", "her"):
            people = self.table.recent(token.idx, "Person", window=400)
            # the person the passage is about: most mentions, then nearest
            ent = max(people, key=lambda e: (len(e.mentions), -people.index(e))) if people else None
        if ent is not None and ent.type in types:
            return ent
        return None

    def antecedent(self, token: Token) -> Entity | None:
        """The group a definite description or "its" points back to: "the force" -> the last group whose name
        ends in "Force"; "the group", "its" -> of the groups named shortly before, the one the story is about."""
        word = token.lower_
        pronoun = word in ("its", "their") and token.dep_ == "poss"
        definite = token.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ == "the" for c in token.children)
        if not (pronoun or definite):
            return None
        recent = self.table.recent(token.idx, "Organization")
        named = [e for e in recent if singular(e.name.split()[-1]) == singular(word)]
        if named:
            return named[0]
        if pronoun or singular(word) in words()["group_nouns"]:
            # the story's main group wins over one named in passing: most mentions, then nearest
            actors = [e for e in recent if e.properties.get("kind") not in ("government", "intergovernmental", "ngo")]
            return max(actors, key=lambda e: (len(e.mentions), -actors.index(e))) if actors else None
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

    def subject_of(self, verb: Token, depth: int = 0) -> Token | None:
        """The subject of a verb; for a relative clause ("X, who heads Y"), the noun it modifies; for an
        infinitive or coordinated verb ("the UK is working to support X"), the governing verb's subject."""
        subj = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subj and subj[0].tag_ in ("WP", "WDT") and verb.dep_ == "relcl":
            return verb.head
        if not subj and verb.dep_ in ("relcl", "acl") and verb.head.pos_ in ("NOUN", "PROPN"):
            return verb.head
        if not subj and verb.dep_ == "xcomp" and (objs := [c for c in verb.head.children if c.dep_ == "dobj"]):
            return objs[0]  # object control: "appointed Qaani to head the force" -> Qaani heads it
        if not subj and verb.dep_ in ("xcomp", "conj", "advcl") and verb.head.pos_ in ("VERB", "AUX") and depth < 3:
            return self.subject_of(verb.head, depth + 1)
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
                if pobj and singular(pobj[0].text) in words()["part_nouns"] and self.table.lookup(pobj[0]) is None:
                    # "spokesman for Hamas's armed wing": a member of the wing is a member of Hamas
                    whole = [e for c in pobj[0].children if c.dep_ == "poss" and (e := self.entity(c, GROUPS))]
                    if whole:
                        return whole
                if pobj:
                    # "Minister for the Middle East" is a portfolio, not a membership
                    return self.entities(pobj[0], LED if child.lower_ != "for" else GROUPS)
        for child in sorted((t for t in noun.subtree if t.i < noun.i), key=lambda t: -t.i):
            if any(t.is_punct and t.text not in "-'’" or t.pos_ in ("VERB", "AUX") for t in noun.doc[child.i + 1:noun.i]):
                break  # stay inside the noun phrase: "Ellwood, Minister for ..." must not reach back past the comma
            if child.dep_ not in ("poss", "compound", "nmod", "amod"):
                continue
            ent = self.table.lookup(child)
            if ent is None and child.dep_ == "poss":
                ent = referent(self.table, child) or (None if unresolved(self.table, child) else self.antecedent(child))
            if ent is None and child.pos_ == "PROPN":
                ent = next((e for t in LED if (e := self.table.find(t, child.text))), None)
            if (found := self._led_or_country(child, ent)) is not None:
                return [found]
        return []

    def left_names(self, token: Token) -> list[Entity]:
        """Names compounding the same head before a role noun: "the UN Special Envoy X" (UN, Envoy -> X)."""
        for sib in sorted((c for c in token.head.children if c.i < token.i and c.dep_ in ("compound", "amod", "nmod")),
                          key=lambda t: -t.i):
            if (found := self._led_or_country(sib, self.table.lookup(sib))) is not None:
                return [found]
        return []

    def _led_or_country(self, token: Token, ent: Entity | None) -> Entity | None:
        """The entity if it can lead or own something, else the country a demonym names ("Iranian" -> Iran)."""
        if ent is not None and ent.type in LED:
            return ent
        country = demonyms().get(token.lower_)
        return self.table.find("Location", country) if country else None

