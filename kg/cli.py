"""`kg`: one entry point; each sub-command lives in the module that owns it.

Every expected failure is a KgError and becomes one line on stderr here,
through cypher.messages, with its exit code; never a traceback.
"""
from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

from cypher.errors import KgError
from cypher.messages import exit_code, user_message

# module -> it defines register(subparsers); each parser sets `func(args) -> int`.
COMMAND_MODULES = (
    "kg.neo4j_command",   # kg neo4j start|stop|status
    "ingest.command",     # kg ingest, kg remove
    "kg.query_command",   # kg query list|show|run
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="kg", description="kg-explorer: news articles into a Neo4j knowledge graph.")
    sub = parser.add_subparsers(dest="command", required=True)
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name == name:
                continue  # a command not built yet
            raise
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # noqa: BLE001 - the one place errors become messages
        if os.environ.get("KG_DEBUG") and not isinstance(exc, KgError):
            raise  # KG_DEBUG: show the traceback of an unexpected failure
        print(user_message(exc), file=sys.stderr)
        return exit_code(exc)
