"""Read-only access: every read the dashboard and `kg query` make goes through here."""
from __future__ import annotations

from typing import Any, LiteralString

from neo4j import Driver, Query, RoutingControl
from neo4j.exceptions import ClientError, Neo4jError, ServiceUnavailable, SessionExpired

from cypher.errors import DatabaseUnavailable, QueryFailed
from cypher.settings import Settings


def read(
    driver: Driver,
    text: LiteralString | str,
    params: dict[str, Any] | None = None,
    *,
    timeout: float = 10.0,
    database: str | None = None,
) -> list[dict[str, Any]]:
    """Run a parameterized read in a read transaction with a server-side timeout; rows as dicts."""
    db = database or Settings.from_env().database
    try:
        records, _, _ = driver.execute_query(
            Query(text, timeout=timeout),  # type: ignore[arg-type]
            parameters_=params or {},
            routing_=RoutingControl.READ,
            database_=db,
        )
    except (ServiceUnavailable, SessionExpired) as exc:
        raise DatabaseUnavailable(Settings.from_env().uri, "connection lost") from exc
    except ClientError as exc:
        raise QueryFailed(one_line(exc)) from exc
    except Neo4jError as exc:
        raise QueryFailed(one_line(exc)) from exc
    return [r.data() for r in records]


def one_line(exc: Neo4jError) -> str:
    """The server's message, first line only (the type name when it has none)."""
    msg = (exc.message or str(exc)).strip()
    return msg.splitlines()[0] if msg else type(exc).__name__
