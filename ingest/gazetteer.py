"""The gazetteer: well-known groups, agencies and places as span_ruler patterns with ids.

The small model misses or mistypes many organisations of the news about armed
conflict (ISIL tagged as a place, Hizballah as a person). A span_ruler after
the NER adds or overrides those entities; each pattern's `id` is the canonical
name, so every surface form of one thing lands on one entity. Users extend
`data/gazetteer.jsonl` ({"label", "pattern", "id", "kind"}) without touching code.

String patterns are matched case-insensitively by a PhraseMatcher on LOWER (one
hash lookup per token, where ~800 token patterns cost about a third of the
model's own time), then each match is checked against its case rules: a
capitalised first word matches any case but lower case (so "Global Coalition"
matches "GLOBAL COALITION" and "Global coalition" but not "global coalition"),
all-capital acronyms match exactly, other words ignore case.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Any, Callable, Iterable

from spacy.language import Language
from spacy.pipeline import SpanRuler
from spacy.tokens import Doc, Span
from spacy.util import filter_spans, registry

from ingest.names import read_rows

DATA = "gazetteer.jsonl"
LABEL_TYPES = {"PERSON": "Person", "ORG": "Organization", "GPE": "Location", "LOC": "Location", "FAC": "Location"}
# A longer model entity of these labels keeps its span against a shorter gazetteer match inside it
# ("Gulf War" is an event, not the Gulf; "Mosul Dam" is not Mosul).
KEEP_LONGER = {"ORG", "FAC", "GPE", "LOC", "EVENT", "WORK_OF_ART", "LAW", "PRODUCT"}


@lru_cache(maxsize=1)
def load_rows() -> tuple[dict[str, Any], ...]:
    """The data file's rows (blank lines and # comments skipped)."""
    return tuple(read_rows(DATA))


@lru_cache(maxsize=1)
def kinds() -> dict[str, str]:
    """Canonical name -> kind ("country", "armed_group", ...)."""
    return {row["id"]: row["kind"] for row in load_rows() if row.get("kind")}


def token_pattern(nlp: Language, text: str) -> list[dict[str, Any]]:
    """A string pattern as token attributes, case-tolerant but acronym-exact."""
    out: list[dict[str, Any]] = []
    for i, tok in enumerate(nlp.make_doc(text)):
        t = tok.text
        letters = [c for c in t if c.isalpha()]
        if len(letters) >= 2 and all(c.isupper() for c in letters):
            out.append({"ORTH": t})
        elif t[:1].isupper() and i == 0:
            out.append({"LOWER": t.lower(), "IS_LOWER": False})
        else:
            out.append({"LOWER": t.lower()})
    return out


def fits(span: Span, pattern: list[dict[str, Any]]) -> bool:
    """Whether the tokens of `span` meet a token pattern of `token_pattern`'s three attributes."""
    if len(span) != len(pattern):
        return False
    for tok, spec in zip(span, pattern):
        if "ORTH" in spec and tok.text != spec["ORTH"]:
            return False
        if "LOWER" in spec and tok.lower_ != spec["LOWER"]:
            return False
        if spec.get("IS_LOWER") is False and tok.is_lower:
            return False
    return True


class GazetteerRuler(SpanRuler):
    """A span_ruler whose string patterns go to the PhraseMatcher (attr LOWER); a phrase match is kept
    when one of the patterns it came from accepts its case (`token_pattern`, checked by `fits`)."""

    def __init__(self, nlp: Language, name: str, **config: Any) -> None:
        super().__init__(nlp, name, phrase_matcher_attr="LOWER", **config)
        # (label, id, lower-case words) -> the token patterns of the strings that share them
        self.case_rules: dict[tuple[str, str, tuple[str, ...]], list[list[dict[str, Any]]]] = {}

    def add_patterns(self, patterns: list[dict[str, Any]]) -> None:  # type: ignore[override]
        for entry in patterns:
            if isinstance(entry["pattern"], str):
                rule = token_pattern(self.nlp, entry["pattern"])
                lowers = tuple(spec.get("LOWER") or spec["ORTH"].lower() for spec in rule)
                key = (entry["label"], entry.get("id", ""), lowers)
                self.case_rules.setdefault(key, []).append(rule)
        # the phrase patterns need only the tokenizer for LOWER, not a run of the model over every string
        with self.nlp.select_pipes(enable=[]):
            super().add_patterns(patterns)

    def match(self, doc: Doc) -> list[Span]:
        """Token-pattern matches as they are, phrase matches that fit their case rules; sorted, no repeats."""
        self._require_patterns()
        found = set()
        for matcher, checked in ((self.matcher, False), (self.phrase_matcher, True)):
            if not len(matcher):
                continue
            for m_id, start, end in matcher(doc):
                if start == end:
                    continue
                meta = self._match_label_id_map[m_id]
                span = Span(doc, start, end, label=meta["label"], span_id=meta["id"])
                if checked and not self._case_fits(span, meta["label"], meta["id"]):
                    continue
                found.add(span)
        return sorted(found)

    def _case_fits(self, span: Span, label: str, ent_id: str) -> bool:
        rules = self.case_rules.get((label, ent_id, tuple(t.lower_ for t in span)), ())
        return any(fits(span, rule) for rule in rules)


def patterns() -> list[dict[str, Any]]:
    """The data file's rows as span_ruler patterns (strings stay phrase patterns)."""
    return [{"label": row["label"], "pattern": row["pattern"], "id": row["id"]} for row in load_rows()]


@registry.misc("kg.gazetteer_ents_filter.v1")
def make_ents_filter() -> Callable[[Iterable[Span], Iterable[Span]], list[Span]]:
    """Gazetteer matches win, except inside a longer model entity of a KEEP_LONGER label; a model entity
    that merely runs into a match is trimmed rather than dropped ("Hizballah leader Hassan Nasrallah")."""

    def ents_filter(entities: Iterable[Span], spans: Iterable[Span]) -> list[Span]:
        # a match glued to a word before it by a hyphen is the end of another name ("Abdul-Malik al-Houthi")
        matches = filter_spans([m for m in spans if m.start == 0 or not (
            m.doc[m.start - 1].text == "-" and not m.doc[m.start - 1].whitespace_)])
        entities = list(entities)
        keep = [e for e in entities if e.label_ in KEEP_LONGER and any(
            e.start <= m.start and m.end <= e.end and len(e) > len(m) for m in matches)]
        taken = {i for e in keep for i in range(e.start, e.end)}
        matches = [m for m in matches if not taken.intersection(range(m.start, m.end))]
        taken |= {i for m in matches for i in range(m.start, m.end)}
        rest = []
        for e in entities:
            if e in keep:
                continue
            free = [i for i in range(e.start, e.end) if i not in taken]
            if not free:
                continue
            if len(free) == len(e):
                rest.append(e)
            elif free == list(range(free[0], free[-1] + 1)) and any(t.is_alpha for t in e.doc[free[0]:free[-1] + 1]):
                rest.append(Span(e.doc, free[0], free[-1] + 1, label=e.label_))
        return keep + matches + rest

    return ents_filter


@Language.factory("kg_gazetteer", default_config={"ents_filter": {"@misc": "kg.gazetteer_ents_filter.v1"}})
def make_gazetteer(nlp: Language, name: str,
                   ents_filter: Callable[[Iterable[Span], Iterable[Span]], list[Span]]) -> GazetteerRuler:
    """The gazetteer ruler: entities only (no doc.spans), model entities kept unless `ents_filter` says."""
    return GazetteerRuler(nlp, name, spans_key=None, annotate_ents=True, overwrite=False, ents_filter=ents_filter)


def add_gazetteer(nlp: Language) -> None:
    """Add the gazetteer ruler after the NER (see KEEP_LONGER for who wins an overlap)."""
    if "gazetteer" in nlp.pipe_names:
        return
    after = "ner" if "ner" in nlp.pipe_names else None
    ruler = nlp.add_pipe("kg_gazetteer", name="gazetteer", after=after)
    ruler.add_patterns(patterns())
