"""Grouping mentions: the pieces of one model span, and the merges that make one node per real thing.

A `Form` is one cleaned mention; a `Group` is the forms of one real thing.
Merges here are within a document: a surname with the full name it shortens,
an acronym with its expansion, a headline's short form with the body's full one.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Span

from ingest.names import acronym_of, is_acronym, norm, surname_keys

@dataclass
class Form:
    """One cleaned mention before merging."""

    name: str
    type: str
    start: int
    end: int
    fixed: str | None = None  # canonical name from the gazetteer or alias table
    fixed_type: str | None = None
    aka: bool = False  # a nickname given after the real name: an alias, never the display name
    weak: bool = False  # only a modifier here ("U.S. Secretary of State"): counts when a full mention backs it


@dataclass
class Group:
    forms: list[Form] = field(default_factory=list)
    acronyms: list[str] = field(default_factory=list)

    @property
    def fixed(self) -> Form | None:
        return next((f for f in self.forms if f.fixed), None)

    def surnames_are_people(self) -> None:
        """A short form of a person's full name in the group is a person too ("Qanbar" tagged ORG)."""
        keys = {k for f in self.forms if f.type == "Person" and " " in f.name for k in surname_keys(f.name)}
        for f in self.forms:
            if norm(f.name) in keys:
                f.type = "Person"

    def type(self) -> str:
        fixed = next((f.fixed_type for f in self.forms if f.fixed_type), None)
        if fixed:
            return fixed
        if len(self.forms) == 1:  # asked for every group at every form while grouping: skip the tally
            return self.forms[0].type
        votes = Counter(f.type for f in self.forms)
        best = max(votes.values())
        return next(f.type for f in self.forms if votes[f.type] == best)

    def name(self) -> str:
        fixed = self.fixed
        if fixed and fixed.fixed:
            return fixed.fixed
        kind = self.type()
        names = [f.name for f in self.forms if f.type == kind and not f.aka] or [f.name for f in self.forms]
        full = [n for n in names if not is_acronym(n)] or names
        return max(full, key=lambda n: (len(n.split()), len(n), -names.index(n)))



def pieces(span: Span) -> list[tuple[int, int]]:
    """Char ranges of the names in one model span: split at list commas and 'and' between capitalised
    names ("Iraqi Armed Forces, Popular Mobilization Forces"), cut at a possessive ("State Department's Flickr")."""
    text = span.text
    cut = re.search(r"['’]s\s", text)
    if cut:
        text = text[:cut.start()]
    out, pos = [], 0
    for m in re.finditer(r",\s+(?:and\s+)?(?=[A-Z])|\s+and\s+(?=[A-Z][a-z]+\s[A-Z])", text):
        left = text[pos:m.start()]
        if len(left.split()) >= 2 or out:
            out.append((pos, m.start()))
            pos = m.end()
    out.append((pos, len(text)))
    if len(out) > 1 and span.label_ in ("GPE", "LOC"):
        out = out[:1]  # "Anbar, Iraq": the place, then where it is
    return [(span.start_char + a, span.start_char + b) for a, b in out if b > a]


def split_people(forms: list[Form]) -> list[Form]:
    """'Minister for the Middle East Tobias Ellwood' tagged ORG: a known person's name at the end wins."""
    people = {f.name for f in forms if f.type == "Person" and not f.fixed}
    surnames = {p.split()[-1] for p in people}
    for form in forms:
        if form.fixed or form.type == "Person":
            continue
        words = form.name.split()
        whole = next((p for p in people if " " in p and form.name != p and form.name.endswith(" " + p)), None)
        if whole is None and len(words) >= 3 and words[-1] in surnames and words[-2][:1].isupper():
            whole = " ".join(words[-2:])
        if whole:
            form.start = form.end - len(whole)
            form.name, form.type = whole, "Person"
    return forms


def parenthetical_acronym(text: str, end_char: int) -> str | None:
    """'Islamic State of Iraq and the Levant (ISIL)': the acronym right after a name, in brackets."""
    rest = text[end_char:end_char + 16]
    if not rest.startswith(" (") and not rest.startswith("("):
        return None
    inner = rest.lstrip(" (").split(")", 1)
    if len(inner) < 2:
        return None
    acronym = inner[0].strip()
    return acronym if is_acronym(acronym) else None


def by_surname(groups: list[Group], word: str, at: int | None = None) -> Group | None:
    """The person whose longer name ends with `word` ('Zawahiri', 'bin Laden'); when several do
    ('Sirajuddin' and 'Jalaluddin Haqqani'), the one whose full name was written last before `at`."""
    key = norm(word)
    hits = [(f.start, g) for g in groups if g.type() == "Person" for f in g.forms
            if " " in f.name and key in surname_keys(f.name) and norm(f.name) != key]
    if not hits:
        return None
    if len({id(g) for _, g in hits}) == 1:
        return hits[0][1]
    before = [h for h in hits if at is not None and h[0] < at]
    return max(before, key=lambda h: h[0])[1] if before else None


def merge_late(groups: list[Group]) -> list[Group]:
    """Merge a surname or acronym seen before its full form (a headline's "Ellwood", then "Tobias Ellwood")."""
    absorbed: set[int] = set()
    for i, group in enumerate(groups):
        names = {f.name for f in group.forms}
        if len(names) != 1:
            continue
        only = next(iter(names))
        others = [g for j, g in enumerate(groups) if j != i and j not in absorbed]
        target = None
        if is_acronym(only) and group.fixed is None:
            target = next((g for g in others if any(acronym_of(only, f.name) for f in g.forms)), None)
        elif len(only.split()) <= 2 and group.type() in ("Person", "Organization"):
            target = by_surname(others, only)
            if target is not None:
                for form in group.forms:
                    form.type = "Person"
        if target is not None:
            target.forms.extend(group.forms)
            target.acronyms.extend(group.acronyms)
            absorbed.add(i)
    return [g for i, g in enumerate(groups) if i not in absorbed]

