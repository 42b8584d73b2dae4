"""What an incident is called: the forms an analyst would search for.

The text's own phrases ('last year's terror attacks in Paris', 'the Government
of Iraq's liberation of Tikrit') and the standard ways news name an incident
from its parts: '<place> <noun>s', '<noun> in <place>', '<noun> on <target>',
'<noun> of <victim>' ('Paris attacks', 'attack on the US embassy', 'killing of
Yahya Sinwar').  Nouns per kind and object prepositions: data/incident_triggers.json.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from ingest.entities import EntityTable
from ingest.parties import party
from ingest.syntax import span_text, with_conjuncts
from ingest.vocabulary import load, plural

if TYPE_CHECKING:
    from ingest.incidents import IncidentMention


def lexicon() -> dict:
    return load("incident_triggers.json")


def noun_surfaces(head: Token) -> list[str]:
    """The forms an incident noun phrase may be cited by, shortest core first.

    'the Government of Iraq's liberation of Tikrit' -> 'liberation', 'liberation of Tikrit',
    "Government of Iraq's liberation of Tikrit"; coordinated heads stay together
    ('shelling and airstrikes by the Asad regime').
    """
    heads = with_conjuncts(head)
    last = heads[-1]
    lefts = [t for c in heads for t in c.lefts if t.dep_ in ("compound", "amod", "nmod", "nummod", "npadvmod")]
    compounds = [t for c in heads for t in c.lefts if t.dep_ in ("compound", "nmod")]
    poss = [t for t in head.lefts if t.dep_ == "poss"]
    core_start = min([head.i] + [t.left_edge.i for t in compounds])
    adj_start = min([head.i] + [t.left_edge.i for t in lefts])
    doc = head.doc
    rights = [t for t in last.rights if (t.dep_ in ("prep", "acl", "agent") or t.dep_ == "relcl" and any(
        a.dep_ == "aux" and a.text.lower() == "to" for a in t.children)) and t.i > last.i]
    ends = [last.i]
    for r in rights:
        inner = sorted(t.i for t in r.subtree)
        cuts = sorted(t.i for t in r.subtree if t.i > r.i and (t.dep_ in ("prep", "cc", "relcl", "appos")
                                                                or t.is_punct or "\n" in t.text_with_ws))
        hard = [c for c in cuts if doc[c].dep_ in ("cc", "relcl", "appos") or doc[c].is_punct
                or "\n" in doc[c].text_with_ws]
        limit = min(hard) if hard else inner[-1] + 1  # nothing past 'and', a comma or a clause
        ends.extend(min(c, r.doc[c].left_edge.i) - 1 for c in cuts if c <= limit)
        if not hard:
            ends.append(inner[-1])
        if hard:
            break
    forms: list[str] = []
    for start in dict.fromkeys([core_start, adj_start]):
        for end in sorted(set(ends)):
            if end < head.i:
                continue
            toks = doc[start:end + 1]
            if "\n" in toks.text.strip():
                continue
            text = toks.text.strip().strip(" ,;:-\u2013")
            if len(heads) == 1 and text.lower() == head.text.lower():
                continue  # a bare 'attack' names nothing by itself
            if text and text not in forms:
                forms.append(text)
    if poss:
        for end in sorted(set(ends)):
            toks = doc[poss[0].left_edge.i: end + 1]
            if end >= head.i and "\n" not in toks.text.strip():
                forms.append(toks.text.strip().strip(" ,;:-\u2013"))
    return [f for f in dict.fromkeys(forms) if len(f) < 120]


def proper_chunk(token: Token) -> str:
    """The name inside an object: 'the Crocus City Hall concert venue near Moscow' -> 'Crocus City Hall'."""
    run: list[Token] = []
    for t in token.lefts:
        if t.dep_ in ("compound", "amod", "nmod") and t.pos_ == "PROPN":
            run.append(t)
        elif run:
            break
    if token.pos_ == "PROPN":
        run.append(token)
    if not run or (len(run) == 1 and token.pos_ != "PROPN"):
        return ""
    return token.doc[run[0].i: run[-1].i + 1].text


def object_text(token: Token) -> str:
    """The object phrase of a verb, cut before relative clauses, appositions and trailing commas."""
    cut = min([t.left_edge.i for t in token.subtree if t.dep_ in ("relcl", "appos", "acl") and t.i > token.i]
              + [t.i for t in token.subtree if t.is_punct and t.i > token.i] + [token.right_edge.i + 1])
    toks = [t for t in token.subtree if t.i < cut]
    return span_text(toks).strip(" ,;:")
def object_name(obj: Token, table: EntityTable) -> str:
    if obj.pos_ == "PRON":
        ent = party(obj, table)
        return ent.name if ent else ""
    return object_text(obj)


def object_names(obj: Token, table: EntityTable) -> list[str]:
    """The object as written, its first conjunct, its name alone, and without its article."""
    names = [object_name(obj, table), first_conjunct(obj), proper_chunk(obj)]
    for name in list(names):
        if name.lower().startswith(("the ", "a ", "an ")):
            names.append(name.split(" ", 1)[1])
    return [n for n in dict.fromkeys(names) if n]


def first_conjunct(obj: Token) -> str:
    """'the US embassy and the NATO headquarters in Kabul' -> 'the US embassy'."""
    if not obj.conjuncts:
        return ""
    stop = min([c.left_edge.i for c in obj.conjuncts] + [c.i for c in obj.children if c.dep_ == "cc"])
    toks = [t for t in obj.subtree if t.i < stop]
    text = obj.doc[toks[0].i: toks[-1].i + 1].text if toks else ""
    return text.strip(" ,")


def synthesise(m: "IncidentMention") -> None:
    """Names an analyst would search for: 'killing of 70 members of the tribe in Anbar', 'Anbar killings'."""
    forms = list(m.surfaces)
    for noun in dict.fromkeys([m.noun, lexicon()["kind_nouns"].get(m.kind, m.noun)]):
        forms += _forms_for(m, noun)
    if not m.verbal:
        forms.append(m.head.text)  # the bare word last: 'the attacks' is how the text refers back
    m.surfaces = list(dict.fromkeys(f for f in forms if f))


def _forms_for(m: "IncidentMention", noun: str) -> list[str]:
    forms: list[str] = []
    of = lexicon()["object_prepositions"].get(noun, "of")
    for obj in m.object_names:
        if not obj or "\n" in obj:
            continue
        forms.append(f"{noun} {of} {obj}")
        if m.place is not None and m.place.name not in obj:
            forms.append(f"{noun} {of} {obj} in {m.place.name}")
    for place in m.places:
        for n in (noun, plural(noun)):
            forms += [f"{place.name} {n}", f"{n} in {place.name}"]
        if m.kind in lexicon()["place_of_kinds"] or m.kind == "capture":
            forms.append(f"{noun} of {place.name}")
        elif of != "of":
            forms.append(f"{noun} {of} {place.name}")
    for ent, role in m.participants:
        if role in ("target", "victim") and ent.type == "Person":
            forms.append(f"{noun} of {ent.name}")
    return forms
