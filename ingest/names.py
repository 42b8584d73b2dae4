"""Surface forms to names: normalising, stripping titles and articles, acronyms, surnames.

Everything here works on plain strings so the rules are testable without a
model. The titles, and the words that are not names, live in data files.
"""
from __future__ import annotations

import json
import re
import unicodedata
from functools import lru_cache
from importlib import resources
from typing import Any

TITLES = "titles.txt"
NOT_NAMES = "not_names.txt"
_SMALL = {"of", "the", "and", "for", "in", "on", "to", "a", "an", "&", "de", "al", "el"}
_EDGE = " \t\n\"'“”‘’`.,;:!?()[]{}-–—*•|/"


def read_list(name: str) -> list[str]:
    """A data file of one entry per line; blank lines and # comments skipped."""
    text = resources.files("ingest").joinpath("data", name).read_text(encoding="utf-8")
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]


def read_rows(name: str) -> list[Any]:
    """A JSON Lines data file, parsed; blank lines and # comments skipped."""
    return [json.loads(ln) for ln in read_list(name)]


@lru_cache(maxsize=1)
def titles() -> tuple[str, ...]:
    """Titles and honorifics, longest first so "Lt. Col." wins over "Lt."."""
    return tuple(sorted({t for t in read_list(TITLES)}, key=len, reverse=True))


@lru_cache(maxsize=1)
def not_names() -> frozenset[str]:
    """Normalised forms the small model tags as names that never are (stop list)."""
    return frozenset(norm(t) for t in read_list(NOT_NAMES))


@lru_cache(maxsize=1)
def plural_titles() -> frozenset[str]:
    """Plural title words ("secretaries", "ministers"): a span ending in one names a group of people."""
    out = set()
    for t in titles():
        if " " in t or t.endswith("."):
            continue
        w = t.lower()
        out.add(w[:-1] + "ies" if w.endswith("y") else w + "s")
    return frozenset(out)


@lru_cache(maxsize=8192)
def norm(text: str) -> str:
    """Comparison key: ASCII, case-folded, punctuation as spaces, no leading "the" (cached: the entity
    table and grouping ask for the same few hundred names thousands of times per document)."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    text = re.sub(r"[^\w\s]", " ", text.casefold())
    text = re.sub(r"\s+", " ", text).strip()
    return re.sub(r"^the ", "", text)


def tidy(text: str) -> str:
    """Collapse whitespace, drop a possessive 's and edge punctuation the model swallowed."""
    text = text.split("\n", 1)[0] if text.strip() else text
    text = re.sub(r"\s+", " ", text).strip()
    text = re.sub(r"[,.;:]?\s*\[\d*\]?\s*$", "", text)  # a Wikipedia citation mark: "Abu Haidar,[1]"
    text = re.sub(r"['’]s?$", "", text)
    text = re.split(r"\s(?:a|an|as|is|was)\s(?=[A-Z])", text, maxsplit=1)[0]  # "Ansar Allah a Foreign ..."
    text = text.strip(_EDGE)
    text = re.sub(r"(\s+[a-z]+)+$", "", text)  # trailing common nouns: "Kataib Hezbollah militia"
    # an opening parenthesis or quote left unbalanced inside the span
    for open_, close in (("(", ")"), ("“", "”")):
        if text.count(open_) > text.count(close):
            text = text[: text.rfind(open_)].strip(_EDGE)
    return text


def strip_article(text: str) -> str:
    """'the Islamic State' -> 'Islamic State'."""
    return re.sub(r"^(the|The|THE)\s+", "", text)


@lru_cache(maxsize=1)
def _title_keys() -> dict[str, tuple[tuple[int, str, str, str], ...]]:
    """First word of each title in lower case -> (rank, title, "title ", " title ") of the titles it starts,
    rank being the title's place in titles(): a name is only compared with titles whose first word it has."""
    out: dict[str, list[tuple[int, str, str, str]]] = {}
    for rank, title in enumerate(titles()):
        t = title.lower()
        out.setdefault(t.split(" ")[0], []).append((rank, title, t + " ", " " + t + " "))
    return {word: tuple(keys) for word, keys in out.items()}


def _titles_in(lower: str) -> list[tuple[int, str, str, str]]:
    """The titles that can start at a word of `lower` (a title is matched only before a space), longest first."""
    keys = _title_keys()
    return sorted(k for word in set(lower.split()) for k in keys.get(word, ()))


def strip_titles(text: str) -> str:
    """Drop titles before a name, also behind an office: 'Foreign Office Minister Dr. Ali Khan' -> 'Ali Khan'."""
    changed = True
    while changed:
        changed = False
        lower = text.lower()
        for _, title, first, inner in _titles_in(lower):
            at = 0 if lower.startswith(first) else lower.rfind(inner) + 1
            if at < 0 or (at == 0 and not lower.startswith(first)):
                continue
            rest = text[at + len(title):].lstrip(" ,")
            if rest[:1].isupper() and len(rest.split()) >= (1 if at == 0 else 2):
                text, changed = rest, True
                break
    return text


def clean(text: str, entity_type: str) -> str:
    """The name a surface form stands for: tidied, no leading article, no titles on people."""
    text = strip_article(tidy(text))
    if entity_type == "Person":
        text = strip_titles(text)
        text = tidy(text)
    return text


def initials(name: str) -> str:
    """'Islamic State of Iraq and the Levant' -> 'ISIL'; 'Al-Qaeda in the Arabian Peninsula' -> 'AQAP'."""
    words = re.split(r"[\s\-]+", name)
    out = []
    for w in words:
        if not w:
            continue
        if w.lower() in _SMALL and w.lower() not in ("al",):
            continue
        out.append(w[0])
    return "".join(out).upper()


def initials_all(name: str) -> str:
    """Initials counting every word: 'Islamic State of Iraq and the Levant' -> 'ISOIATL'."""
    return "".join(w[0] for w in re.split(r"[\s\-]+", name) if w).upper()


@lru_cache(maxsize=4096)
def is_acronym(text: str) -> bool:
    """'ISIL', 'U.N.', 'AQAP': letters, mostly capitals, no spaces."""
    bare = text.replace(".", "").replace("&", "")
    return 2 <= len(bare) <= 8 and " " not in text and bare.isalpha() and sum(c.isupper() for c in bare) >= len(bare) - 1 and bare[0].isupper()


def acronym_of(acronym: str, name: str) -> bool:
    """True when `acronym` abbreviates `name` by its initials (with or without small words)."""
    bare = acronym.replace(".", "").upper()
    if len(bare) < 2 or " " not in name.strip():
        return False
    return bare in (initials(name), initials_all(name))


_PARTICLES = {"al", "el", "bin", "ibn", "abu", "abd", "de", "van", "von", "der", "da", "del", "la", "le", "ben", "bint"}


def surname(name: str) -> str:
    """Last word of a person's name, the form a story uses after the first mention."""
    parts = name.split()
    return parts[-1] if parts else name


@lru_cache(maxsize=4096)
def surname_keys(name: str) -> frozenset[str]:
    """Normalised short forms a story may use for a full name: 'al-Zawahiri', 'Zawahiri', 'bin Laden', 'Laden'
    (cached: grouping asks for every name of every group at each new mention)."""
    parts = name.split()
    if len(parts) < 2:
        return frozenset()
    last = parts[-1]
    keys = {norm(last)}
    if "-" in last and last.split("-", 1)[0].lower() in _PARTICLES:
        keys.add(norm(last.split("-", 1)[1]))
    if len(parts) >= 3 and parts[-2].lower() in _PARTICLES:
        keys.add(norm(" ".join(parts[-2:])))
    return frozenset(k for k in keys if k)
