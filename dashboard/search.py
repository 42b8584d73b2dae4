"""Search that forgives: prefixes, aliases, acronyms, misspellings and typed prefixes ("org:hez").

The user's words never reach Cypher text: they are split into word tokens,
escaped for Lucene, and sent as the `$query` parameter of a fixed statement
over the full-text index `entity_search` (name and aliasText).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import streamlit as st

from cypher.model import ENTITY_TYPES
from dashboard.db import rows

LUCENE_SPECIAL = re.compile(r'([+\-&|!(){}\[\]^"~*?:\\/])')
_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)
_TYPED = re.compile(r"^\s*([A-Za-z]+)\s*:\s*(.*)$", re.DOTALL)
MAX_TOKENS = 6


@dataclass(frozen=True)
class Term:
    """A parsed search box entry: the words to look for and the entity types to keep."""

    text: str
    types: tuple[str, ...] | None = None


def escape(text: str) -> str:
    """Escape every Lucene query-syntax character with a backslash."""
    return LUCENE_SPECIAL.sub(r"\\\1", text)


def type_for(prefix: str) -> str | None:
    """'per', 'org', 'l', 'incident' -> the entity type it starts; None if it names none."""
    p = prefix.lower()
    found = [t for t in ENTITY_TYPES if t.lower().startswith(p)]
    return found[0] if len(found) == 1 else None


def parse(term: str) -> Term:
    """Split typed prefixes off: 'org:hez' and 'type:organization hez' keep Organizations."""
    m = _TYPED.match(term)
    if not m:
        return Term(term.strip())
    head, rest = m.group(1), m.group(2)
    if head.lower() == "type":
        first, _, after = rest.strip().partition(" ")
        t = type_for(first) if first else None
        return Term(after.strip(), (t,)) if t else Term(term.strip())
    t = type_for(head)
    return Term(rest.strip(), (t,)) if t else Term(term.strip())


def tokens(text: str) -> list[str]:
    """Lower-case word tokens, as the index's standard analyzer sees them."""
    return [t.lower() for t in _TOKEN.findall(text)][:MAX_TOKENS]


def lucene_query(text: str) -> str:
    """Exact (boosted), prefix and fuzzy clauses per word, all words required; '' when no words."""
    words = tokens(text)
    if not words:
        return ""
    groups = []
    for w in words:
        e = escape(w)
        clauses = [f"{e}^4", f"{e}*^2"]
        if len(w) >= 4:
            clauses.append(f"{e}~{1 if len(w) < 6 else 2}")
        groups.append("(" + " OR ".join(clauses) + ")")
    query = " AND ".join(groups)
    if len(words) > 1:
        query = f'({query}) OR "{escape(" ".join(words))}"^6'
    return query


def _norm(text: str) -> str:
    return " ".join(tokens(text))


def rank(hits: list[dict[str, Any]], text: str) -> list[dict[str, Any]]:
    """Exact name or alias matches first, then by index score, then by mentions."""
    want = _norm(text)

    def key(h: dict[str, Any]) -> tuple[int, float, int, str]:
        names = [h.get("name") or "", *(h.get("aliases") or [])]
        exact = any(_norm(n) == want for n in names)
        return (0 if exact else 1, -float(h.get("score") or 0), -int(h.get("mentionCount") or 0), h.get("name") or "")

    return sorted(hits, key=key)


@st.cache_data(ttl=60, show_spinner=False)
def _search(term: str, limit: int, types: tuple[str, ...] | None) -> list[dict[str, Any]]:
    parsed = parse(term)
    wanted = parsed.types or types
    if parsed.types and types:
        wanted = tuple(t for t in parsed.types if t in types)
        if not wanted:
            return []
    query = lucene_query(parsed.text)
    if not query:
        return []
    hits = rows("search_entities", query=query, types=list(wanted) if wanted else None,
                fetch=max(limit * 4, 50), limit=max(limit * 2, 20))
    return rank(hits, parsed.text)[:limit]


def search(term: str, limit: int = 10, types: list[str] | tuple[str, ...] | None = None) -> list[dict[str, Any]]:
    """Entities matching `term` (id, name, type, aliases, mentionCount, score), best first."""
    if types:
        types = tuple(t for t in types if t in ENTITY_TYPES)
    return _search(term, int(limit), tuple(types) if types else None)


@st.cache_data(ttl=60, show_spinner=False)
def entity_label(entity_id: str) -> str | None:
    """'Name (Type)' for an entity id, or None when no entity has it."""
    found = rows("search_entity_by_id", id=entity_id)
    return f"{found[0]['name']} ({found[0]['type']})" if found else None


def _option_label(hit: dict[str, Any]) -> str:
    aliases = ", ".join((hit.get("aliases") or [])[:3])
    return f"{hit['name']} ({hit['type']})" + (f" · aka {aliases}" if aliases else "")


def search_box(
    key: str,
    label: str = "Find an entity",
    *,
    default: str | None = None,
    types: list[str] | None = None,
    limit: int = 15,
) -> str | None:
    """A search field and a pick list; returns the chosen entity id (or `default` while nothing is typed)."""
    term = st.text_input(
        label,
        key=f"{key}_term",
        placeholder="name, alias or acronym; per: org: loc: inc: to filter by type",
    )
    if not term.strip():
        if default:
            current = entity_label(default)
            st.caption(f"Current: {current}" if current else f"No entity has id {default!r}.")
        return default
    hits = search(term, limit=limit, types=types)
    if not hits:
        st.caption(f"No entity matches {term!r}. Try fewer letters, another alias, or drop the type prefix.")
        return default
    labels = {h["id"]: _option_label(h) for h in hits}
    return st.selectbox(
        f"{len(hits)} match{'es' if len(hits) != 1 else ''}",
        options=list(labels),
        format_func=lambda i: labels.get(i, i),
        key=f"{key}_pick",
    )
