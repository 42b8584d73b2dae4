"""Page furniture that is not news: donation appeals, sign-ups, photo credits, bylines.

Such sentences must yield no entities or relations (a photo agency is not an
actor in the story); a byline names the document's author instead.  The
patterns live in data/boilerplate_patterns.json so users can add their
sources' furniture without touching code.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources

_DATA = "boilerplate_patterns.json"
_NOT_NAMES = {"the", "a", "an", "staff", "our", "this"}


@lru_cache(maxsize=1)
def _patterns() -> tuple[list[re.Pattern[str]], list[re.Pattern[str]]]:
    raw = json.loads(resources.files("ingest").joinpath("data", _DATA).read_text(encoding="utf-8"))
    boiler = [re.compile(p, re.I) for p in raw["boilerplate"]]
    # Bylines are matched case-sensitively on the name, so "by the way ..." is not one.
    byline = [re.compile(p) for p in raw["byline"]]
    return boiler, byline


@lru_cache(maxsize=4096)
def is_boilerplate(sentence_text: str) -> bool:
    """True when the sentence is furniture (appeal, sign-up, credit, byline, copyright)."""
    text = sentence_text.strip()
    if not text:
        return True
    boiler, _ = _patterns()
    return any(p.search(text) for p in boiler) or byline_author(text) is not None


def byline_author(text: str) -> str | None:
    """The author named by a byline line ("By Jane Doe" -> "Jane Doe"), else None.

    Only the first few lines are read: a byline sits at the top of the story.
    """
    _, byline = _patterns()
    for line in text.strip().splitlines()[:6]:
        line = line.strip()
        if not line or len(line) > 120:
            continue
        for pattern in byline:
            m = pattern.match(line)
            if m:
                author = m.group("author").strip(" .,")
                if author.split()[0].lower() not in _NOT_NAMES:
                    return author
    return None
