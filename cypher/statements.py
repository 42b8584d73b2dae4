"""Read the fixed Cypher statements kept as `.cypher` files beside this module.

Statement text is never built from user input: it is read from these files,
and values always travel as parameters.
"""
from __future__ import annotations

from functools import cache
from pathlib import Path

STATEMENTS_DIR = Path(__file__).parent / "statements"


@cache
def statement(name: str) -> str:
    """The text of `statements/<name>.cypher`."""
    path = STATEMENTS_DIR / f"{name}.cypher"
    return path.read_text(encoding="utf-8")


def schema_statements() -> list[str]:
    """Constraints and indexes, one statement each, from `statements/schema.cypher`."""
    text = statement("schema")
    lines = [ln for ln in text.splitlines() if not ln.strip().startswith("//")]
    return [s.strip() for s in "\n".join(lines).split(";") if s.strip()]
