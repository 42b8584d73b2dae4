"""The gazetteer's phrase matching keeps the case rules of its patterns: a blank tokenizer, no model."""
from __future__ import annotations

import spacy

from ingest.gazetteer import GazetteerRuler

PATTERNS = [
    {"label": "GPE", "pattern": "US", "id": "United States"},
    {"label": "ORG", "pattern": "Global Coalition", "id": "Global Coalition"},
    {"label": "ORG", "pattern": "ISIL", "id": "Islamic State"},
    {"label": "ORG", "pattern": [{"LOWER": "daesh"}], "id": "Islamic State"},
]


def matches(text: str) -> list[tuple[str, str]]:
    nlp = spacy.blank("en")
    ruler = GazetteerRuler(nlp, "gazetteer", spans_key=None, annotate_ents=True)
    ruler.add_patterns(PATTERNS)
    return [(m.text, m.id_) for m in ruler.match(nlp.make_doc(text))]


def test_acronyms_match_only_in_capitals() -> None:
    assert matches("the US told us that ISIL and Isil fled") == [("US", "United States"), ("ISIL", "Islamic State")]


def test_a_capitalised_name_matches_any_case_but_lower_case() -> None:
    found = matches("GLOBAL COALITION, Global coalition, global coalition")
    assert found == [("GLOBAL COALITION", "Global Coalition"), ("Global coalition", "Global Coalition")]


def test_token_patterns_are_matched_as_written() -> None:
    assert matches("DAESH and daesh") == [("DAESH", "Islamic State"), ("daesh", "Islamic State")]
