"""One small error family. Everything the user may see derives from KgError."""
from __future__ import annotations


class KgError(Exception):
    """Base of every expected failure; its message is one line a user can act on."""

    exit_code = 1


class DatabaseUnavailable(KgError):
    """Neo4j could not be reached or refused the credentials."""

    exit_code = 2

    def __init__(self, uri: str, reason: str) -> None:
        self.uri = uri
        self.reason = reason
        super().__init__(f"cannot reach Neo4j at {uri}: {reason}")


class InputSkipped(KgError):
    """A file or line could not be read; the rest of the work goes on."""

    def __init__(self, path: str, reason: str, line: int | None = None) -> None:
        self.path = path
        self.line = line
        self.reason = reason
        where = f"{path}:{line}" if line is not None else path
        super().__init__(f"{where}: {reason}")


class QueryRefused(KgError):
    """A user query was refused before it ran (it writes, or is malformed)."""


class QueryFailed(KgError):
    """A query ran and failed: syntax error, timeout, unknown parameter."""


class ServerError(KgError):
    """The project-managed Neo4j server could not be provisioned or started."""
