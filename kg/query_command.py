"""`kg query list|show|run`: the saved query library and ad-hoc read-only Cypher from the command line."""
from __future__ import annotations

import argparse
import sys
from typing import Any

from neo4j import Driver

from cypher import guard, library, records, saved
from cypher.connection import connect
from cypher.errors import DatabaseUnavailable, QueryRefused
from cypher.parameters import infer, is_server_filled, named_parameters

FORMATS = ("table", "json", "csv")
MAX_CELL = 60


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    query = subparsers.add_parser("query", help="list, show and run saved Cypher queries (read-only)")
    sub = query.add_subparsers(dest="query_command", required=True)

    p_list = sub.add_parser("list", help="the library files and the queries saved in the database")
    p_list.add_argument("--search", default="", help="only queries whose name, title or description match")
    p_list.set_defaults(func=cmd_list)

    p_show = sub.add_parser("show", help="a query's header and Cypher")
    p_show.add_argument("name")
    p_show.set_defaults(func=cmd_show)

    p_run = sub.add_parser("run", help="run a library query by name, or --cypher text, read-only")
    p_run.add_argument("name", nargs="?", help="library or saved query name")
    p_run.add_argument("--cypher", help="ad-hoc Cypher instead of a named query (refused unless read-only)")
    p_run.add_argument("--param", action="append", default=[], metavar="KEY=VALUE",
                       help="a parameter value (repeatable); always passed as data, never as Cypher")
    p_run.add_argument("--format", choices=FORMATS, default="table")
    p_run.add_argument("--timeout", type=float, default=guard.DEFAULT_TIMEOUT, help="seconds before the server stops it")
    p_run.add_argument("--limit", type=int, default=guard.DEFAULT_ROW_CAP, help="most rows to return")
    p_run.set_defaults(func=cmd_run)


def cmd_list(args: argparse.Namespace) -> int:
    queries = library.file_queries()
    try:
        driver = connect()
    except DatabaseUnavailable as exc:
        print(f"note: saved queries not listed ({exc})", file=sys.stderr)
    else:
        with driver:
            queries += saved.saved_queries(driver)
    for q in library.search(queries, args.search):
        params = " ".join(f"{p.name}={'?' if p.required else p.default!r}" for p in q.params)
        where = "" if q.source == "file" else " [saved]"
        print(f"{q.name:28} {q.title}{where}" + (f"  ({params})" if params else ""))
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    query = _find(args.name)
    print(query.text if query.text.endswith("\n") else query.text + "\n", end="")
    return 0


def cmd_run(args: argparse.Namespace) -> int:
    if bool(args.name) == bool(args.cypher):
        raise QueryRefused("give a query NAME or --cypher TEXT (one of them)")
    given = _pairs(args.param)
    limits = guard.Limits(timeout=args.timeout, row_cap=args.limit)
    with connect() as driver:
        if args.cypher:
            text, params = args.cypher, adhoc_params(args.cypher, given)
        else:
            query = _find(args.name, driver)
            text, params = query.text, library.bind(query, given)
        outcome = guard.run(driver, text, params, limits=limits)
    _print(outcome, args.format)
    if outcome.truncated:
        print(f"note: stopped at {limits.row_cap} rows; raise --limit to see more", file=sys.stderr)
    return 0


def adhoc_params(cypher: str, given: dict[str, str]) -> dict[str, Any]:
    """Values for the $names an ad-hoc query uses, typed by their look; unknown or `_` names refused."""
    used = named_parameters(cypher)
    for key in given:
        if is_server_filled(key):
            raise QueryRefused(f"parameter {key} is filled by the app and cannot be given")
        if key not in used:
            raise QueryRefused(f"the query does not use ${key}")
    missing = [n for n in used if n not in given and not is_server_filled(n)]
    if missing:
        raise QueryRefused(f"the query needs --param {missing[0]}=...")
    return {k: infer(v)[1] for k, v in given.items()}


def _pairs(items: list[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise QueryRefused(f"--param needs KEY=VALUE, not {item!r}")
        out[key.strip()] = value
    return out


def _find(name: str, driver: Driver | None = None) -> library.Query:
    files = library.file_queries()
    if any(q.name == name for q in files):
        return library.find(name, files)
    if driver is not None:
        return library.find(name, files + saved.saved_queries(driver))
    with connect() as drv:
        return library.find(name, files + saved.saved_queries(drv))


def _print(outcome: guard.Outcome, fmt: str) -> None:
    plain = records.rows(outcome.records)
    if fmt == "json":
        print(records.to_json(plain))
    elif fmt == "csv":
        sys.stdout.write(records.to_csv(outcome.columns, plain))
    else:
        print(text_table(outcome.columns, records.table(plain)))


def text_table(columns: list[str], rows: list[dict[str, Any]]) -> str:
    """Aligned plain-text columns; long cells are cut with an ellipsis."""
    def fmt(v: Any) -> str:
        s = "" if v is None else str(v).replace("\n", " ")
        return s if len(s) <= MAX_CELL else s[: MAX_CELL - 1] + "\u2026"
    cells = [[fmt(r.get(c)) for c in columns] for r in rows]
    widths = [max([len(c)] + [len(row[i]) for row in cells]) for i, c in enumerate(columns)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(columns, widths)).rstrip(),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(v.ljust(w) for v, w in zip(row, widths)).rstrip() for row in cells]
    lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(lines)
