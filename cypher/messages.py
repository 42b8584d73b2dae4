"""The one place that turns errors into the line a user reads."""
from __future__ import annotations

import os

from cypher.errors import DatabaseUnavailable, KgError


def way_out() -> str:
    """How to get a server answering: the project's own, or the one NEO4J_URI names."""
    if os.environ.get("NEO4J_URI"):
        return "start the server NEO4J_URI names (or unset NEO4J_URI and run `kg neo4j start`)"
    return "start it with `kg neo4j start` (or `make neo4j`)"


def fix(exc: DatabaseUnavailable) -> str:
    """What to do when the database does not answer: the credentials, or the server itself."""
    reason = exc.reason.lower()
    return "check NEO4J_USER/NEO4J_PASSWORD" if "auth" in reason or "credential" in reason else way_out()


def user_message(exc: BaseException) -> str:
    """One line, no traceback, saying what went wrong and what to do."""
    if isinstance(exc, DatabaseUnavailable):
        return f"error: cannot reach Neo4j at {exc.uri} ({exc.reason}); {fix(exc)}"
    if isinstance(exc, KgError):
        return f"error: {exc}"
    return f"error: unexpected {type(exc).__name__}: {exc}"


def exit_code(exc: BaseException) -> int:
    """Exit code for an error: 2 for the database, 1 for the rest."""
    return exc.exit_code if isinstance(exc, KgError) else 1
