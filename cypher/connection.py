"""Open a driver and prove it works, turning every way that fails into DatabaseUnavailable."""
from __future__ import annotations

import re

from neo4j import Driver, GraphDatabase
from neo4j.exceptions import AuthError, ServiceUnavailable, Neo4jError, DriverError

from cypher.errors import DatabaseUnavailable
from cypher.settings import Settings


def connect(settings: Settings | None = None, timeout: float = 5.0) -> Driver:
    """A verified driver, or DatabaseUnavailable naming the URI."""
    s = settings or Settings.from_env()
    try:
        driver = GraphDatabase.driver(
            s.uri, auth=(s.user, s.password), connection_timeout=timeout, max_transaction_retry_time=5.0
        )
    except (ValueError, DriverError) as exc:
        raise DatabaseUnavailable(s.uri, f"bad URI: {exc}") from None
    try:
        driver.verify_connectivity()
    except AuthError:
        driver.close()
        raise DatabaseUnavailable(s.uri, "authentication failed (wrong user or password)") from None
    except (ServiceUnavailable, OSError, DriverError, Neo4jError) as exc:
        driver.close()
        raise DatabaseUnavailable(s.uri, f"not answering ({short_reason(exc)})") from None
    return driver


def short_reason(exc: BaseException) -> str:
    """The driver's reason in a few words ("Connection refused"), without its address dumps."""
    text = str(exc)
    found = re.findall(r"\(reason (?:\[Errno -?\d+\] )?([^)]*)\)", text)
    if found:
        return found[-1][:160]
    first = text.splitlines()[0].rstrip(":") if text else type(exc).__name__
    return first[:160]
