"""The gazetteer: well-known groups, agencies and places as span_ruler patterns with ids.

The small model misses or mistypes many organisations of the news about armed
conflict (ISIL tagged as a place, Hizballah as a person). A span_ruler after
the NER overwrites those entities; each pattern's `id` is the canonical name,
so every surface form of one thing lands on one entity. Users extend
`data/gazetteer.jsonl` ({"label", "pattern", "id"}) without touching code.
"""
from __future__ import annotations

from importlib import resources
import json

from spacy.language import Language

DATA = "gazetteer.jsonl"
LABELS = {"ORG": "Organization", "GPE": "Location", "LOC": "Location", "FAC": "Location", "PERSON": "Person"}


def load_patterns() -> list[dict]:
    """The span_ruler patterns from the data file (blank lines and # comments skipped)."""
    text = resources.files("ingest").joinpath("data", DATA).read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]


def add_gazetteer(nlp: Language) -> None:
    """Add the gazetteer span_ruler after the NER; on overlap the gazetteer wins."""
    if "gazetteer" in nlp.pipe_names:
        return
    after = "ner" if "ner" in nlp.pipe_names else None
    ruler = nlp.add_pipe(
        "span_ruler",
        name="gazetteer",
        after=after,
        config={"annotate_ents": True, "overwrite": False, "spans_key": None},
    )
    ruler.add_patterns(load_patterns())
