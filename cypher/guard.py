"""Run user and library Cypher only when it cannot change anything.

Three layers, each sufficient on its own for the common cases:
1. a lexical check on the text with comments, strings and quoted names blanked
   (write clauses, schema and admin commands, `;`, `USE`, `IN TRANSACTIONS`,
   procedures not known to be read-only), because EXPLAIN calls some of these "r";
2. `EXPLAIN` must report `query_type == "r"`;
3. the run itself is a READ-mode transaction with a server-side timeout and a row cap.
Parameter values only ever travel as parameters.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Final

from neo4j import READ_ACCESS, Driver, NotificationMinimumSeverity, Record
from neo4j.exceptions import CypherSyntaxError, DriverError, Neo4jError, ServiceUnavailable, SessionExpired

from cypher.errors import DatabaseUnavailable, QueryFailed, QueryRefused
from cypher.parameters import blank_literals
from cypher.reader import one_line
from cypher.settings import Settings

DEFAULT_TIMEOUT: Final = 10.0
DEFAULT_ROW_CAP: Final = 1000
_EXPLAIN_PREFIX: Final = "EXPLAIN\n"  # on its own line, so the server's line numbers are ours plus one

# (pattern on the blanked, upper-cased text, why it is refused). A keyword must be a word on its own,
# not a property (`n.set`), label (`:Create`), parameter or map key (`{set: 1}`).
_KW = r"(?<![\w.:$])(?:{})(?![\w])(?!\s*:)"
_CLAUSES: Final[tuple[tuple[str, str], ...]] = (
    (r"CREATE\s+(?:OR\s+REPLACE\s+)?(?:(?:RANGE|TEXT|POINT|LOOKUP|FULLTEXT|VECTOR|BTREE)\s+)?(?:INDEX|CONSTRAINT)",
     "CREATE INDEX/CONSTRAINT changes the schema"),
    (r"CREATE\s+(?:OR\s+REPLACE\s+)?(?:COMPOSITE\s+)?(?:DATABASE|ALIAS|USER|ROLE)", "CREATE DATABASE/USER/ROLE administers the server"),
    (r"FOREACH", "FOREACH exists only to write"),
    (r"LOAD\s+CSV", "LOAD CSV reads files or URLs from the server"),
    (r"DROP", "DROP changes the schema or the server"),
    (r"ALTER|RENAME|GRANT|DENY|REVOKE|ENABLE|DEALLOCATE|REALLOCATE|DRYRUN",
     "administration commands are not allowed"),
    (r"START\s+DATABASE|STOP\s+DATABASE", "starting or stopping databases is administration"),
    (r"TERMINATE", "TERMINATE stops other users' transactions"),
    (r"DETACH\s+DELETE|NODETACH\s+DELETE", "DETACH DELETE deletes nodes and their relationships"),
    (r"CREATE", "CREATE writes to the graph"),
    (r"MERGE", "MERGE writes to the graph"),
    (r"DELETE", "DELETE removes data"),
    (r"SET", "SET writes properties or labels"),
    (r"REMOVE", "REMOVE deletes properties or labels"),
    (r"INSERT", "INSERT writes to the graph"),
    (r"USE", "USE switches the database; queries run against the configured one"),
    (r"IN\s+(?:\d+\s+)?(?:CONCURRENT\s+)?TRANSACTIONS", "CALL { } IN TRANSACTIONS commits batches"),
)
_RULES: Final = tuple((re.compile(_KW.format(p)), why) for p, why in _CLAUSES)

# Procedures known to only read. Everything else after CALL is refused by name.
READ_PROCEDURES: Final = (
    "db.labels", "db.relationshipTypes", "db.propertyKeys", "db.schema.visualization", "db.schema.nodeTypeProperties",
    "db.schema.relTypeProperties", "db.index.fulltext.queryNodes", "db.index.fulltext.queryRelationships",
    "db.index.vector.queryNodes", "db.info", "db.ping",
    "apoc.path.", "apoc.meta.", "apoc.coll.", "apoc.text.", "apoc.map.", "apoc.convert.", "apoc.date.",
    "apoc.algo.", "apoc.neighbors.", "apoc.help",
)
# Anywhere in the text (procedure or function): APOC that runs Cypher strings, loads, exports or schedules.
_APOC_ANYWHERE: Final = re.compile(
    r"(?<![\w.])apoc\s*\.\s*(cypher|periodic|do|trigger|load|export|import|systemdb|custom|create|merge|"
    r"refactor|lock|atomic|nodes\s*\.\s*delete|schema\s*\.\s*assert|uuid|ttl|log)\b", re.IGNORECASE)
_CALL: Final = re.compile(r"(?<![\w.])CALL\s+((?:[A-Za-z_][\w]*\s*\.\s*)*[A-Za-z_][\w]*)", re.IGNORECASE)
_CALL_QUOTED: Final = re.compile(r"(?<![\w.])CALL\s+`", re.IGNORECASE)
_POSITION: Final = re.compile(r"\(line (\d+), column (\d+) \(offset: (\d+)\)\)")


class QuerySyntaxError(QueryFailed):
    """Neo4j could not parse the query; `line` and `column` are 1-based, in the user's text."""

    def __init__(self, message: str, line: int | None, column: int | None) -> None:
        self.line = line
        self.column = column
        where = f" at line {line}, column {column}" if line is not None else ""
        super().__init__(f"syntax error{where}: {message}")


class QueryTimedOut(QueryFailed):
    """The server stopped the query at the timeout."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        super().__init__(
            f"the query was stopped after the {seconds:g} s timeout; "
            "narrow it (filters, LIMIT, shorter paths) or raise the timeout"
        )


@dataclass(frozen=True)
class Limits:
    """How long a query may run and how many rows it may return."""

    timeout: float = DEFAULT_TIMEOUT
    row_cap: int = DEFAULT_ROW_CAP

    def __post_init__(self) -> None:
        if not self.timeout > 0:
            raise QueryRefused(f"timeout must be more than 0 seconds, not {self.timeout}")
        if self.row_cap < 1:
            raise QueryRefused(f"row limit must be at least 1, not {self.row_cap}")


@dataclass
class Outcome:
    """Rows as the driver returned them (nodes, relationships and paths intact), capped."""

    columns: list[str]
    records: list[Record] = field(default_factory=list)
    truncated: bool = False


def statement(text: str) -> str:
    """The one statement in `text`, a trailing `;` removed; QueryRefused for more than one."""
    blanked = blank_literals(text, fill="_")  # a trailing 'string' must not look like trailing space
    stripped = blanked.rstrip()
    if stripped.endswith(";"):
        stripped = stripped[:-1]
    cut = len(stripped)
    if ";" in stripped:
        raise QueryRefused("refused: more than one statement (a `;` outside strings and comments)")
    if not stripped.strip():
        raise QueryRefused("refused: the query is empty")
    return text[:cut]


def refusal(text: str) -> str | None:
    """Why the text is refused before it reaches the server, or None if the lexical check passes."""
    blanked = blank_literals(text)
    if ";" in blanked.rstrip().rstrip(";"):
        return "more than one statement (a `;` outside strings and comments)"
    upper = blanked.upper()
    for rule, why in _RULES:
        if rule.search(upper):
            return why
    kept = blank_literals(text, names=False)  # procedure names may be `quoted`: check them unquoted
    named = kept.replace("`", "")
    if _CALL_QUOTED.search(kept):
        return "CALL of a quoted procedure name"
    found = _APOC_ANYWHERE.search(named)
    if found:
        return f"apoc.{found.group(1)} procedures can write, load files or run other Cypher"
    for m in _CALL.finditer(named):
        proc = re.sub(r"\s+", "", m.group(1))
        low = proc.lower()
        if low.startswith("dbms."):
            return f"CALL {proc}: dbms.* procedures administer the server"
        if low.startswith("db.create") or ".create" in low or ".drop" in low or ".set" in low:
            return f"CALL {proc} writes"
        if not any(low == r.lower().rstrip(".") or (r.endswith(".") and low.startswith(r.lower()))
                   for r in READ_PROCEDURES):
            return f"CALL {proc} is not on the list of read-only procedures"
    return None


def check(driver: Driver, text: str, params: dict[str, Any] | None = None, *, database: str | None = None) -> str:
    """The statement to run, after the lexical check and EXPLAIN; QueryRefused or QueryFailed otherwise."""
    why = refusal(text)
    if why:
        raise QueryRefused(f"refused: {why}; only read-only queries run here")
    stmt = statement(text)
    query_type = explain(driver, stmt, params, database=database)
    if query_type != "r":
        kind = {"w": "writes", "rw": "reads and writes", "s": "changes the schema or administers the server"}
        raise QueryRefused(f"refused: EXPLAIN says the query {kind.get(query_type, query_type)} "
                           f"(type {query_type!r}); only read-only queries run here")
    return stmt


def explain(driver: Driver, stmt: str, params: dict[str, Any] | None = None, *, database: str | None = None) -> str:
    """The query type EXPLAIN reports ("r", "w", "rw", "s"), with syntax errors placed in the user's text."""
    try:
        with driver.session(database=database or Settings.from_env().database,
                            default_access_mode=READ_ACCESS,
                            notifications_min_severity=NotificationMinimumSeverity.OFF) as session:
            summary = session.run(_EXPLAIN_PREFIX + stmt, params or {}).consume()  # type: ignore[arg-type]
    except CypherSyntaxError as exc:
        raise _syntax_error(exc) from None
    except (ServiceUnavailable, SessionExpired) as exc:
        raise DatabaseUnavailable(Settings.from_env().uri, "connection lost") from exc
    except Neo4jError as exc:
        if (exc.code or "").endswith("SyntaxError"):
            raise _syntax_error(exc) from None
        raise QueryFailed(one_line(exc)) from None
    return str(summary.query_type or "")


def run(driver: Driver, text: str, params: dict[str, Any] | None = None, *,
        limits: Limits = Limits(), database: str | None = None) -> Outcome:
    """Check, then run in a READ transaction with the timeout; at most `limits.row_cap` records."""
    stmt = check(driver, text, params, database=database)
    db = database or Settings.from_env().database
    try:
        with driver.session(database=db, default_access_mode=READ_ACCESS, fetch_size=min(limits.row_cap + 1, 1000),
                            notifications_min_severity=NotificationMinimumSeverity.OFF) as session:
            with session.begin_transaction(timeout=limits.timeout) as tx:
                result = tx.run(stmt, params or {})  # type: ignore[arg-type]
                out = Outcome(columns=list(result.keys()))
                for record in result:
                    if len(out.records) >= limits.row_cap:
                        out.truncated = True
                        break
                    out.records.append(record)
                tx.rollback()
    except (ServiceUnavailable, SessionExpired) as exc:
        raise DatabaseUnavailable(Settings.from_env().uri, "connection lost") from exc
    except Neo4jError as exc:
        code = exc.code or ""
        if "TransactionTimedOut" in code or "Terminated" in code:
            raise QueryTimedOut(limits.timeout) from None
        if "Forbidden" in code or "AccessMode" in code:
            raise QueryRefused(f"refused: the server refused a write in a read transaction ({one_line(exc)})") from None
        raise QueryFailed(one_line(exc)) from None
    except DriverError as exc:
        raise QueryFailed(f"{type(exc).__name__}: {exc}") from None
    return out


def _syntax_error(exc: Neo4jError) -> QuerySyntaxError:
    message = one_line(exc)
    m = _POSITION.search(message)
    line = column = None
    if m:
        line, column = max(int(m.group(1)) - 1, 1), int(m.group(2))  # minus the EXPLAIN line
        message = (message[: m.start()] + message[m.end():]).strip()
    return QuerySyntaxError(message, line, column)
