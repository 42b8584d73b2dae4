"""`kg neo4j start|stop|status`: the project-managed local Neo4j, one instance per purpose."""
from __future__ import annotations

import argparse
import os

from kg import neo4j_home, server


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "neo4j",
        help="run the project's own Neo4j 5.26 Community server",
        description="Start, stop or inspect a local Neo4j whose jars are fetched with Maven and whose data "
        "lives in .neo4j/<instance>/. With NEO4J_URI set, `start` only checks that server.",
    )
    actions = parser.add_subparsers(dest="action", required=True)
    for name, func, text in (
        ("start", _start, "start the server in the background and wait until Bolt answers"),
        ("stop", _stop, "stop the server (SIGTERM, then wait)"),
        ("status", _status, "say whether the server runs, its pid and URI"),
    ):
        action = actions.add_parser(name, help=text, description=text)
        action.add_argument(
            "--instance", choices=sorted(neo4j_home.INSTANCES), default="dev",
            help="dev (Bolt 7687, the demo) or test (Bolt 7688, make test); default dev",
        )
        action.set_defaults(func=func)


def _start(args: argparse.Namespace) -> int:
    if os.environ.get("NEO4J_URI"):
        print(server.use_external())
        return 0
    print(server.start(neo4j_home.instance(args.instance)))
    return 0


def _stop(args: argparse.Namespace) -> int:
    print(server.stop(neo4j_home.instance(args.instance)))
    return 0


def _status(args: argparse.Namespace) -> int:
    print(server.status(neo4j_home.instance(args.instance)))
    uri = os.environ.get("NEO4J_URI")
    if uri:
        print(f"note: NEO4J_URI is set, so kg uses {uri}")
    return 0
