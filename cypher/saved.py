"""Queries users save from the page, stored in Neo4j as (:SavedQuery) so everyone on the database sees them.

Saving and deleting are writes the app makes with the fixed statements below;
the user's Cypher is only ever stored as a string property, after the same
read-only check that running it needs.
"""
from __future__ import annotations

import json
from dataclasses import replace
from datetime import datetime, timezone
from typing import Any, Final

from neo4j import Driver
from neo4j.exceptions import ConstraintError, Neo4jError

from cypher import guard
from cypher.errors import KgError, QueryFailed, QueryRefused
from cypher.library import DISPLAYS, NAME_RE, Display, Param, Query, file_queries, header
from cypher.model import slug
from cypher.parameters import infer, is_server_filled, named_parameters
from cypher.reader import read
from cypher.settings import Settings

_LIST: Final = "MATCH (q:SavedQuery) RETURN q {.*} AS q ORDER BY q.name"
_CREATE: Final = (
    "OPTIONAL MATCH (old:SavedQuery {name: $name}) "
    "WITH old WHERE old IS NULL "
    "CREATE (q:SavedQuery {name: $name}) SET q += $props "
    "RETURN q.name AS name"
)
_DELETE: Final = "MATCH (q:SavedQuery {name: $name}) WITH q, q.name AS name DELETE q RETURN name"


def saved_queries(driver: Driver) -> list[Query]:
    """Every query saved in the database, by name."""
    return [_query(row["q"]) for row in read(driver, _LIST)]


def catalog(driver: Driver | None) -> list[Query]:
    """The file library followed by the saved queries (files only when there is no database)."""
    return file_queries() + (saved_queries(driver) if driver is not None else [])


def name_for(title: str) -> str:
    """A query name from a title: 'Who funds Hezbollah?' -> 'who-funds-hezbollah'."""
    return slug(title)[:64].strip("-")


def save(driver: Driver, *, title: str, cypher: str, description: str = "", name: str | None = None,
         params: dict[str, str] | None = None, display: str = "table") -> Query:
    """Check the query is read-only, then store it; `params` are example values that become typed defaults."""
    title = _printable(title)
    description = _printable(description)
    if not title:
        raise QueryRefused("a saved query needs a title")
    name = name or name_for(title)
    if not NAME_RE.match(name):
        raise QueryRefused(f"query name {name!r} must be lower-case letters, digits, - or _ (at most 64)")
    if display not in DISPLAYS:
        raise QueryRefused(f"display must be one of {', '.join(DISPLAYS)}")
    if any(q.name == name for q in file_queries()):
        raise QueryRefused(f"{name!r} is a library file query; choose another name")
    values = params or {}
    declared = []
    for pname in named_parameters(cypher):
        if is_server_filled(pname):
            continue
        ptype, default = infer(values[pname]) if pname in values else ("string", None)
        declared.append({"name": pname, "type": ptype, "default": default, "help": ""})
    stmt = guard.check(driver, cypher, {p["name"]: p["default"] for p in declared})
    props = {"title": title, "description": description, "cypher": stmt.strip(),
             "params": json.dumps(declared), "display": display,
             "createdAt": datetime.now(timezone.utc).isoformat(timespec="seconds")}
    try:
        records, _, _ = driver.execute_query(_CREATE, name=name, props=props, database_=Settings.from_env().database)
    except ConstraintError:
        records = []
    except Neo4jError as exc:
        raise QueryFailed(f"could not save {name!r}: {exc.message}") from None
    if not records:
        raise QueryRefused(f"a saved query named {name!r} already exists; pick another title or delete it first")
    return _query({"name": name, **props})


def delete(driver: Driver, name: str) -> None:
    """Remove a saved query; library files cannot be deleted from here."""
    records, _, _ = driver.execute_query(_DELETE, name=name, database_=Settings.from_env().database)
    if not records:
        raise KgError(f"no saved query named {name!r}")


def _printable(text: str) -> str:
    """One line without control characters, so a title cannot rewrite someone's terminal or header."""
    return " ".join("".join(c if c.isprintable() else " " for c in text).split())


def _query(row: dict[str, Any]) -> Query:
    try:
        declared = json.loads(row.get("params") or "[]")
    except json.JSONDecodeError:
        declared = []
    params = tuple(Param(name=p["name"], type=p.get("type", "string"), default=p.get("default"), help=p.get("help", ""))
                   for p in declared)
    display = row.get("display") if row.get("display") in DISPLAYS else "table"
    q = Query(name=row["name"], title=row.get("title") or row["name"], description=row.get("description") or "",
              params=params, display=Display(kind=display), text="", source="saved", created_at=row.get("createdAt"))
    text = header(q) + "\n" + str(row.get("cypher") or "") + "\n"
    return replace(q, text=text)
