"""The entities of one document: spaCy NER mapped to the ontology, cleaned, merged into one node per thing.

`EntityTable(doc)` is the API every extraction rule shares:

- `.entities` -- the list of `records.Entity` (ids from `cypher.model.entity_id`,
  mentions with sentence-relative char offsets);
- `.lookup(span_or_char_range)` -- the entity whose mention overlaps a spaCy
  `Span`/`Token` or a `(start_char, end_char)` range of the doc, else None;
- `.get(id)` -- the entity with that id, else None;
- `.find(entity_type, name)` -- the entity known by that name or alias, else None;
- `.recent(before_char, entity_type)` -- entities of a type mentioned just before a point, nearest first;
- `.text` -- the doc text, read once (`Doc.text` rebuilds the string on every access);
- `.add(entity_type, name, span)` -- record an entity another rule found
  (incident, unit, ...), merged with an existing one of that type and name.

Ids are final once the table is built: merging (acronym <-> expansion,
surname -> full name, alias table, case/diacritic variants) happens in the
constructor, so rules may keep the ids they are given.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort
from collections.abc import Callable

from spacy.tokens import Doc, Span, Token

from cypher.model import entity_id
from ingest.aliases import canonical
from ingest.cues import head_word, modifier_only, type_cue
from ingest.gazetteer import LABEL_TYPES, kinds
from ingest.grouping import Form, Group, by_surname, merge_late, parenthetical_acronym, pieces, split_people
from ingest.names import acronym_of, clean, is_acronym, norm, not_names, plural_titles, strip_article
from ingest.pipeline import doc_text
from ingest.roles import demonyms
from ingest.records import Entity, Mention
from ingest.sentences import sentences

# NORP (nationalities, religious and political groups) is deliberately absent: "Syrian" is not an organisation.

# "X, also known as Y", "X (Arabic: ...), better known as Y", "X, alias Y"
_AKA = re.compile(r"^\s*(?:\([^)]*\))?\s*,?\s*(?:(?:also|better|commonly|widely|more commonly|locally|now|popularly)\s+)?"
                  r"(?:known as|called|nicknamed|a\.k\.a\.?|aka|alias)\s*$")
_PARTICLE = re.compile(r"^(al|el|bin|ibn|abu|de|van|von)[\s\-]")


class EntityTable:
    """People, organisations and places of one doc, one entry per real thing (see module docstring)."""

    def __init__(self, doc: Doc, skip_sentence: Callable[[Span], bool] | None = None, body_start: int = 0) -> None:
        """`body_start`: char offset where the body follows the title; title names count only when the body has them,
        as do names used only as modifiers ("U.S. Secretary of State Kerry", "the Trump administration")."""
        self.doc = doc
        self.text = doc_text(doc)  # Doc.text joins every token on each access: read it once
        self.body_start = body_start
        self.entities: list[Entity] = []
        self._by_id: dict[str, Entity] = {}
        self._index: dict[tuple[str, str], Entity] = {}
        self._ranges: list[tuple[int, int, str]] = []
        self._found: dict[tuple[int, int], str | None] = {}  # lookup's answers until the next mention
        self._starts: list[tuple[int, int]] = []  # (start, place in _ranges) of every mention, sorted
        self._longest = 0  # the longest mention, in chars: no mention starting further back can reach a range
        self._skip = skip_sentence
        self._sents = sentences(doc)
        self._sent_starts = [s.start_char for s in self._sents]
        self._sent_texts: dict[int, tuple[str, int]] = {}
        self._build()

    # ----- public API -------------------------------------------------------------------------
    def lookup(self, where: Span | Token | tuple[int, int]) -> Entity | None:
        """The entity with the largest mention overlap with a span, token or (start, end) char range
        (the tighter mention on a tie)."""
        start, end = _chars(where)
        key = (start, end)
        if key in self._found:  # every rule family asks about the same tokens
            best = self._found[key]
        else:
            best, best_key = None, (0, 0)
            # only mentions starting within the longest mention's length before `start` can overlap;
            # they are read in the order they were recorded, so the first of equals still wins
            first = bisect_left(self._starts, (start - self._longest, -1))
            last = bisect_left(self._starts, (end, -1))
            for n in sorted(n for _, n in self._starts[first:last]):
                s, e, ent_id = self._ranges[n]
                overlap = min(e, end) - max(s, start)
                # on equal overlap the tighter mention wins: a name inside a long incident phrase is the name
                if overlap > 0 and (overlap, s - e) > best_key:
                    best, best_key = ent_id, (overlap, s - e)
            self._found[key] = best
        return self._by_id.get(best) if best else None

    def get(self, ent_id: str) -> Entity | None:
        return self._by_id.get(ent_id)

    def find(self, entity_type: str, name: str) -> Entity | None:
        """The entity of that type known by that name or alias (canonical forms count), else None."""
        canon = canonical(name)
        for form in ([canon.name] if canon else []) + [name]:
            ent = self._index.get((entity_type, norm(form)))
            if ent is not None:
                return ent
        return None

    def add(self, entity_type: str, name: str, span: Span | Token | tuple[int, int] | None = None) -> Entity:
        """Record an entity found by another rule; merges with one of the same type and (canonical) name."""
        canon = canonical(name)
        if canon and (canon.type in (None, entity_type)):
            name = canon.name
        ent = self._index.get((entity_type, norm(name))) or self._by_id.get(entity_id(entity_type, name))
        if ent is None:
            ent = Entity(entity_id(entity_type, name), entity_type, name)
            self._register(ent)
        if span is not None:
            start, end = _chars(span)
            self._mention(ent, start, end)
        return ent

    def recent(self, before: int, entity_type: str, window: int = 600) -> list[Entity]:
        """Entities of a type mentioned in the `window` chars before `before`, nearest first (for anaphora)."""
        seen: list[Entity] = []
        for s, e, ent_id in sorted(self._ranges, key=lambda r: -r[1]):
            if e <= before and e > before - window:
                ent = self._by_id.get(ent_id)
                if ent is not None and ent.type == entity_type and ent not in seen:
                    seen.append(ent)
        return seen

    def _sentence_text(self, i: int) -> tuple[str, int]:
        """Sentence i stripped, and the char offset where the stripped text starts (cached: Span.text is slow)."""
        if i not in self._sent_texts:
            sent = self._sents[i]
            raw = self.text[sent.start_char:sent.end_char]
            self._sent_texts[i] = (raw.strip(), sent.start_char + len(raw) - len(raw.lstrip()))
        return self._sent_texts[i]

    def sentence_at(self, char: int) -> Span | None:
        """The sentence holding a char offset (one pass over the sentences, then a bisect)."""
        i = bisect_right(self._sent_starts, char) - 1
        return self._sents[i] if 0 <= i < len(self._sents) else None

    def mention_ids(self, sent: Span) -> list[str]:
        """Ids of the entities mentioned in a sentence, in order of first mention."""
        seen: list[str] = []
        for s, e, ent_id in sorted(self._ranges):
            if s >= sent.start_char and e <= sent.end_char and ent_id not in seen:
                seen.append(ent_id)
        return seen

    # ----- building -----------------------------------------------------------------------
    def _register(self, ent: Entity) -> None:
        self.entities.append(ent)
        self._by_id[ent.id] = ent
        for form in [ent.name, *ent.aliases]:
            self._index.setdefault((ent.type, norm(form)), ent)

    def _mention(self, ent: Entity, start: int, end: int) -> None:
        text = self.text[start:end]
        i = bisect_right(self._sent_starts, start) - 1
        if i < 0:
            ent.mentions.append(Mention(text, text, 0, len(text)))
        else:
            sentence_text, offset = self._sentence_text(i)
            ent.mentions.append(Mention(text, sentence_text, start - offset, end - offset))
        if text != ent.name and text not in ent.aliases and norm(text):
            ent.aliases.append(text)
            self._index.setdefault((ent.type, norm(text)), ent)
        insort(self._starts, (start, len(self._ranges)))
        self._longest = max(self._longest, end - start)
        self._ranges.append((start, end, ent.id))
        self._found.clear()

    def _forms(self) -> list[Form]:
        forms: list[Form] = []
        for span in self.doc.ents:
            kind = LABEL_TYPES.get(span.label_)
            if kind is None:
                continue
            sent = self.sentence_at(span.start_char)
            if self._skip is not None and sent is not None and self._skip(sent):
                continue
            if len(span) == 1 and not span.ent_id_ and (span[0].tag_ == "JJ" or span[0].lower_ in demonyms()):
                continue  # "the Belgian Abdelhamid Abaaoud", "the Kuwaiti island": a demonym, not a name
            if span[-1].lower_ in plural_titles():
                continue  # "the Foreign, Home and Defence Secretaries"
            span = self._facility(span)
            for start, end in [(span.start_char, span.end_char)] if span.ent_id_ else pieces(span):
                form = self._form(span, kind, start, end)
                if form is not None:
                    forms.append(form)
        return split_people(forms)

    def _form(self, span: Span, kind: str, start: int, end: int) -> Form | None:
        """One cleaned mention, or None when what is left is not a name."""
        raw = self.text[start:end]
        name = strip_article(raw.strip()) if span.ent_id_ else clean(raw, kind)
        key = norm(name)
        if not key or key in not_names() or sum(c.isalpha() for c in name) < 2:
            return None
        if not span.ent_id_ and (name[0].islower() and not _PARTICLE.match(name) or name[0] in "@#"):
            return None
        if len(name.split()) == 1 and head_word(name):
            return None  # "Barrage" alone is a word, not a name
        offset = raw.find(name)
        start = start + max(offset, 0)
        end = start + len(name) if offset >= 0 else end
        form = Form(name, kind, start, end)
        if span.ent_id_:
            form.fixed, form.fixed_type = span.ent_id_, kind
        canon = canonical(form.fixed or name)
        if canon:
            form.fixed = canon.name
            form.fixed_type = canon.type or form.fixed_type
        elif (cue := type_cue(self.doc, name, start, end, kind)) is not None:
            if cue.type == "none":
                return None
            form.type = form.fixed_type = cue.type
            if cue.extend_to:
                form.end = cue.extend_to
                form.name = self.text[form.start:form.end]
        form.weak = modifier_only(self.doc, form.type, form.start, form.end)
        return form

    def _facility(self, span: Span) -> Span:
        """'the Mosul Dam' tagged as 'Mosul': a capitalised head word right after a name joins it."""
        if span.end < len(self.doc):
            nxt = self.doc[span.end]
            cue = head_word(nxt.text)
            if cue not in (None, "none") and nxt.text[:1].isupper():
                return Span(self.doc, span.start, span.end + 1, label={"Location": "FAC"}.get(cue, "ORG"))
        return span

    def _build(self) -> None:
        groups: list[Group] = []
        index: dict[str, Group] = {}
        previous: tuple[Form, Group] | None = None
        for form in self._forms():
            key = norm(form.fixed or form.name)
            group = index.get(key) or index.get(norm(form.name))
            if group is None and previous is not None and previous[0].type == form.type and \
                    _AKA.match(self.text[previous[0].end:form.start]):
                group, form.aka = previous[1], True  # "Riduan Isamuddin, better known as Hambali"
            if group is None and is_acronym(form.name) and not form.fixed:
                group = next((g for g in groups if any(acronym_of(form.name, f.name) for f in g.forms)), None)
            if group is None and len(form.name.split()) <= 2 and form.type in ("Person", "Organization"):
                group = by_surname(groups, form.name, form.start)
                if group is not None:
                    form.type = "Person"
            if group is None:
                group = Group()
                groups.append(group)
            group.forms.append(form)
            index.setdefault(key, group)
            index.setdefault(norm(form.name), group)
            acr = parenthetical_acronym(self.text, form.end)
            if acr:
                group.acronyms.append(acr)
                index.setdefault(norm(acr), group)
            previous = (form, group)
        groups = [g for g in merge_late(groups)
                  if any(f.start >= self.body_start and not f.weak for f in g.forms)]
        for group in groups:
            group.surnames_are_people()
        for group in groups:
            kind, name = group.type(), group.name()
            ent = self.get(entity_id(kind, name)) or self._index.get((kind, norm(name)))
            if ent is None:
                ent = Entity(entity_id(kind, name), kind, name)
                if name in kinds():
                    ent.properties["kind"] = kinds()[name]
                self._register(ent)
            for acr in group.acronyms:
                if acr not in ent.aliases and acr != ent.name:
                    ent.aliases.append(acr)
                    self._index.setdefault((kind, norm(acr)), ent)
            for form in group.forms:
                self._mention(ent, form.start, form.end)
            for acr in group.acronyms:
                self._acronym_mentions(ent, acr)

    def _acronym_mentions(self, ent: Entity, acronym: str) -> None:
        """Every later use of an acronym the text defined ("... Command (BOC)"), which the model often misses."""
        taken = [(s, e) for s, e, _ in self._ranges]
        for m in re.finditer(rf"(?<![\w.]){re.escape(acronym)}(?![\w])", self.text):
            if not any(s < m.end() and m.start() < e for s, e in taken):
                self._mention(ent, m.start(), m.end())



def _chars(where: Span | Token | tuple[int, int]) -> tuple[int, int]:
    if isinstance(where, Span):
        return where.start_char, where.end_char
    if isinstance(where, Token):
        return where.idx, where.idx + len(where.text)
    return int(where[0]), int(where[1])


