"""Open a driver and prove it works, turning every way that fails into DatabaseUnavailable."""
from __future__ import annotations

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
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise DatabaseUnavailable(s.uri, f"not answering ({reason[:160]})") from None
    return driver
