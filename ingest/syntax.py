"""Small walks over a spaCy dependency parse that the event rules share.

Kept apart from the rules so each rule reads as grammar ("the subject of the
governing verb"), not as token bookkeeping.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.tokens import Doc, Token

from ingest.entities import EntityTable
from ingest.names import norm
from ingest.records import Entity

SUBJECTS = ("nsubj", "nsubjpass", "csubj")
CLAUSES = ("relcl", "ccomp", "advcl", "parataxis", "conj", "xcomp", "csubj", "acl")
PERSONAL = {"he", "she", "him", "her", "his"}
PLURAL = {"they", "them", "their"}


def with_conjuncts(token: Token) -> list[Token]:
    """The token and the words coordinated with it ('the Asad regime and militias')."""
    return [token, *[t for t in token.conjuncts if t.i > token.i]]


def members(token: Token) -> list[Token]:
    """Coordinated words, including a list that hangs off an apposition ('Ali, the ringleader, Sarwar and Hussain')."""
    return with_conjuncts(token) + [c for a in token.children if a.dep_ == "appos" for c in a.conjuncts]


def is_passive(verb: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


def children(token: Token, *deps: str) -> list[Token]:
    return [c for c in token.children if c.dep_ in deps]


def subject(verb: Token) -> Token | None:
    """The grammatical subject of a verb, looking through xcomp, advcl, conj and relative clauses.

    'he was appointed to lead the crackdown' -> he; 'After being captured, Qanbar ...' -> Qanbar;
    'militants who attacked the base' -> militants.
    """
    seen = 0
    while verb is not None and seen < 5:
        seen += 1
        if verb.pos_ == "ADP":  # 'After being captured, he ...'
            verb = verb.head
            continue
        subj = children(verb, "nsubj", "nsubjpass")
        if subj:
            s = subj[0]
            if s.tag_ in ("WP", "WDT") and verb.dep_ == "relcl":
                return verb.head
            return s
        if verb.dep_ == "relcl":
            return verb.head
        if verb.dep_ == "xcomp":
            obj = children(verb.head, "dobj")
            if obj and not is_passive(verb.head):
                return obj[0]
        if verb.dep_ == "advcl" and verb.head.pos_ not in ("VERB", "AUX"):
            return None
        if verb.dep_ in ("xcomp", "advcl", "conj", "pcomp") or (verb.dep_ == "pobj" and verb.tag_ == "VBG"):
            verb = verb.head
            continue
        if verb.dep_ == "pcomp" or verb.head.dep_ == "prep":
            verb = verb.head.head
            continue
        return None
    return None


def governor(token: Token) -> tuple[Token | None, str | None]:
    """The verb whose object (or prepositional object) `token` is, and the preposition between.

    'carried out the attack' -> (carried, None); 'killed in the attack' -> (killed, 'in');
    'claimed responsibility for the attack' -> (claimed, 'for').
    """
    prep = None
    node = token
    for _ in range(4):
        if node.dep_ == "conj":
            node = node.head
            continue
        head = node.head
        if head.i == node.i:
            return None, prep
        if node.dep_ == "pobj" and head.dep_ in ("prep", "agent"):
            prep = prep or head.text.lower()
            node = head.head if head.head.i != head.i else head
            if node.pos_ in ("VERB", "AUX"):
                return node, prep
            continue
        if node.dep_ in ("dobj", "nsubjpass", "attr", "oprd", "nsubj", "dative"):
            return (head, prep) if head.pos_ in ("VERB", "AUX") else (None, prep)
        if head.pos_ == "NOUN" and node.dep_ in ("prep",):
            node = head
            continue
        return None, prep
    return None, prep


def span_text(tokens: Iterable[Token]) -> str:
    """The text from the first to the last of the tokens, as written."""
    toks = sorted(tokens, key=lambda t: t.i)
    if not toks:
        return ""
    doc = toks[0].doc
    return doc[toks[0].i: toks[-1].i + 1].text


def subtree_entities(token: Token, table: EntityTable, stop: tuple[str, ...] = ("relcl", "acl", "appos")) -> list[Entity]:
    """Entities mentioned in the phrase headed by token, not descending into clauses."""
    found: list[Entity] = []
    for tok in _walk(token, stop):
        ent = table.lookup(tok)
        if ent is not None and ent not in found:
            found.append(ent)
    return found


EXAMPLES = ("like", "including", "such", "as")  # 'militias like Hezbollah' names Hezbollah


def _walk(token: Token, stop: tuple[str, ...]) -> Iterator[Token]:
    yield token
    for child in token.children:
        if child.dep_ in stop and not (child.dep_ == "prep" and child.text.lower() in EXAMPLES):
            continue
        yield from _walk(child, stop)


def resolve(token: Token, table: EntityTable) -> Entity | None:
    """The entity a word names: itself, or for 'he'/'she' the last person named before it."""
    ent = table.lookup(token)
    if ent is not None:
        return ent
    if token.text.lower() in PERSONAL:
        return last_person(token.doc, token.i, table)
    if token.text.lower() in ("it", "its") and token.dep_ in ("nsubj", "nsubjpass", "dobj", "poss"):
        return last_organization(token.doc, token.i, table)
    if token.pos_ == "NOUN":
        group = _group_reference(token, table)
        if group is not None:
            return group
    if token.pos_ in ("PROPN", "NOUN"):
        named = by_name(token, table)
        if named is not None:
            return named
    if token.text.lower() in REGIMES:
        return regime(token, table)
    if token.pos_ == "NOUN":  # 'its founder, Osama bin Laden'
        for aside in token.children:
            if aside.dep_ == "appos" and aside.pos_ == "PROPN":
                ent = table.lookup(aside) or by_name(aside, table)
                if ent is not None:
                    return ent
    return None


def _group_reference(token: Token, table: EntityTable) -> Entity | None:
    """'the group', 'the Somali group' -> the last organisation named; 'its fighters', 'gunmen from X' -> it."""
    from ingest.vocabulary import load

    data = load("incident_roles.json")
    word = token.text.lower()
    if any(c.dep_ in ("compound", "amod") and c.pos_ == "PROPN" for c in token.children):
        return None  # 'the Haqqani network' is a name
    for aside in token.children:  # 'the group, formally called Islamic State Khorasan Province'
        if aside.dep_ in ("appos", "acl"):
            named = next((table.lookup(t) for t in aside.subtree if t.pos_ == "PROPN" and table.lookup(t)), None)
            if named is not None and named.type == "Organization":
                return named
    dets = [c.text.lower() for c in token.children if c.dep_ in ("det", "poss")]
    if word in data["group_nouns"] and any(d in ("the", "this", "that") for d in dets):
        return last_organization(token.doc, token.i, table)
    if word in data["member_nouns"]:
        if any(d in ("its", "their") for d in dets):
            return last_organization(token.doc, token.i, table)
        for prep in token.children:
            if prep.dep_ == "prep" and prep.text.lower() in ("from", "of"):
                for obj in prep.children:
                    ent = table.lookup(obj) if obj.dep_ == "pobj" else None
                    if ent is not None and ent.type == "Organization":
                        return ent
    return None


def last_organization(doc: Doc, before: int, table: EntityTable) -> Entity | None:
    """The organisation named most recently before token index `before`."""
    for i in range(before - 1, max(-1, before - 300), -1):
        tok = doc[i]
        if tok.pos_ not in ("PROPN", "NOUN"):
            continue
        ent = table.lookup(tok)
        if ent is not None and ent.type == "Organization" and ent.properties.get("kind") not in GOVERNMENT:
            return ent  # 'the group' is never the State Department
    return None


GOVERNMENT = ("government", "intergovernmental", "court", "media", "agency", "ministry", "police", "military")


REGIMES = ("regime", "government", "administration", "junta")


def regime(token: Token, table: EntityTable) -> Entity | None:
    """'the Asad regime', "Assad's regime": a government named after its leader is an organisation.

    Recorded in the entity table, so the regime and its leader stay two nodes.
    """
    owner = next((c for c in token.children if c.dep_ in ("compound", "poss") and c.pos_ == "PROPN"), None)
    if owner is None:
        return None
    leader = table.lookup(owner) or by_name(owner, table)
    if leader is None or leader.type != "Person":
        return None
    name = f"{owner.text} {token.text.lower()}"
    start = owner.idx
    return table.add("Organization", name, (start, token.idx + len(token.text)))


def by_name(token: Token, table: EntityTable) -> Entity | None:
    """An entity named again where the tagger missed it: 'the Tharthar Barrage', "Assad's regime"."""
    words = [t for t in token.lefts if t.dep_ in ("compound", "poss", "amod") and t.pos_ == "PROPN"]
    if not words:
        if token.pos_ != "PROPN":
            return None
        key = norm(token.text)  # 'Sinwar' after 'Yahya Sinwar'
        for ent in table.entities:
            if ent.type == "Person" and key in {norm(n.split()[-1]) for n in [ent.name, *ent.aliases] if n.split()}:
                return ent
            if ent.type in ("Organization", "Location") and key in {norm(n) for n in ent.aliases}:
                return ent
        return None
    start = min(w.left_edge.i for w in words)
    toks = [t for t in token.doc[start: token.i + 1] if t.dep_ != "case" and t.pos_ != "DET"]
    key = norm(" ".join(t.text for t in toks))
    for ent in table.entities:
        if ent.type in ("Incident", "Designation"):
            continue
        if key in {norm(n) for n in [ent.name, *ent.aliases]}:
            return ent
    return None


def last_person(doc: Doc, before: int, table: EntityTable) -> Entity | None:
    """The person 'he'/'she' most likely means: the latest one named as a subject, else the latest named.

    Subjects win (centering): in 'Qanbar served during Saddam Hussein's reign. He was ...', he is Qanbar.
    """
    fallback: Entity | None = None
    for i in range(before - 1, max(-1, before - 250), -1):
        tok = doc[i]
        if tok.pos_ != "PROPN":
            continue
        ent = table.lookup(tok) or by_name(tok, table)
        if ent is None:
            continue
        subject_like = tok.dep_ in ("nsubj", "nsubjpass") or (tok.dep_ == "compound" and tok.head.dep_ in ("nsubj", "nsubjpass"))
        surname_like = ent.type == "Organization" and " " not in ent.name and not ent.properties.get("kind") \
            and not ent.name.isupper()
        if subject_like and (ent.type == "Person" or surname_like):
            return ent  # an Organization here is a surname the tagger mistook
        if fallback is None and ent.type == "Person":
            fallback = ent
    return fallback
