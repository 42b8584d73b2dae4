"""The query library: `queries/<name>.cypher` files with a comment header, parsed into `Query` values.

The header syntax is documented in `queries/README.md`. Saved-in-Neo4j queries
(`cypher/saved.py`) use the same header, so one parser serves both and an
exported query is a valid library file.
"""
from __future__ import annotations

import re
import shlex
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

from cypher.errors import KgError, QueryFailed, QueryRefused
from neo4j import Driver

from cypher.parameters import PARAM_TYPES, coerce, is_server_filled, named_parameters, to_text
from cypher.reader import read
from cypher.statements import statement

QUERIES_DIR: Final = Path(__file__).parent / "queries"
DISPLAYS: Final = ("table", "graph", "timeline", "bar")
NAME_RE: Final = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")
_FIELD = re.compile(r"^//\s*(title|description|param|display)\s*:\s?(.*)$")


@dataclass(frozen=True)
class Param:
    """One declared parameter; `default` is already typed, None means required."""

    name: str
    type: str = "string"
    default: Any = None
    help: str = ""

    @property
    def required(self) -> bool:
        return self.default is None


@dataclass(frozen=True)
class Display:
    """How to show the result; `options` names columns, e.g. {"label": "authority", "value": "n"}."""

    kind: str = "table"
    options: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Query:
    """A library query: its header fields and the full text (header included) that is run."""

    name: str
    title: str
    description: str
    params: tuple[Param, ...]
    display: Display
    text: str
    source: str = "file"  # "file" or "saved"
    created_at: str | None = None

    def param(self, name: str) -> Param | None:
        return next((p for p in self.params if p.name == name), None)

    @property
    def body(self) -> str:
        """The Cypher without its header comment block."""
        lines = self.text.splitlines()
        i = 0
        while i < len(lines) and lines[i].lstrip().startswith("//"):
            i += 1
        return "\n".join(lines[i:]).strip()


def parse(text: str, *, name: str, source: str = "file", created_at: str | None = None) -> Query:
    """A Query from header + Cypher; QueryFailed naming the line when the header is malformed."""
    fields: dict[str, list[str]] = {"title": [], "description": [], "display": []}
    params: list[Param] = []
    last = ""
    for lineno, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line.startswith("//"):
            break
        m = _FIELD.match(line)
        if m:
            key, value = m.group(1), m.group(2).strip()
            if key == "param":
                params.append(_param(value, where=f"{name}:{lineno}"))
            else:
                fields[key].append(value)
            last = key
        elif last == "description" and line[2:].strip():
            fields["description"].append(line[2:].strip())  # continuation line
    title = " ".join(fields["title"]).strip() or name
    display = _display(" ".join(fields["display"]).strip() or "table", where=name)
    seen = [p.name for p in params]
    if len(set(seen)) != len(seen):
        raise QueryFailed(f"{name}: a parameter is declared twice ({', '.join(seen)})")
    return Query(name=name, title=title, description=" ".join(fields["description"]).strip(),
                 params=tuple(params), display=display, text=text, source=source, created_at=created_at)


def _param(spec: str, *, where: str) -> Param:
    """`name type=string default=x help="..."` -> Param."""
    try:
        tokens = shlex.split(spec)
    except ValueError as exc:
        raise QueryFailed(f"{where}: bad param line ({exc})") from None
    if not tokens or "=" in tokens[0]:
        raise QueryFailed(f"{where}: a param line starts with the parameter name")
    pname, opts = tokens[0], {}
    for tok in tokens[1:]:
        key, sep, value = tok.partition("=")
        if not sep or key not in ("type", "default", "help"):
            raise QueryFailed(f"{where}: unknown param option {tok!r} (use type=, default=, help=)")
        opts[key] = value
    ptype = opts.get("type", "string")
    if ptype not in PARAM_TYPES:
        raise QueryFailed(f"{where}: unknown type {ptype!r} for {pname} (use one of {', '.join(PARAM_TYPES)})")
    default = None
    if "default" in opts:
        try:
            default = coerce(opts["default"], ptype, name=pname)
        except ValueError as exc:
            raise QueryFailed(f"{where}: {exc}") from None
    return Param(name=pname, type=ptype, default=default, help=opts.get("help", ""))


def _display(spec: str, *, where: str) -> Display:
    tokens = spec.split()
    kind = tokens[0] if tokens else "table"
    if kind not in DISPLAYS:
        raise QueryFailed(f"{where}: unknown display {kind!r} (use one of {', '.join(DISPLAYS)})")
    options = dict(tok.partition("=")[::2] for tok in tokens[1:])
    return Display(kind=kind, options=options)


def header(query: Query) -> str:
    """The header block for a Query: what `kg query show` prints and what an exported file starts with."""
    lines = [f"// title: {query.title}"]
    if query.description:
        lines.append(f"// description: {query.description}")
    for p in query.params:
        parts = [p.name, f"type={p.type}"]
        if p.default is not None:
            parts.append("default=" + shlex.quote(to_text(p.default, p.type)))
        if p.help:
            parts.append("help=" + shlex.quote(p.help))
        lines.append("// param: " + " ".join(parts))
    opts = " ".join(f"{k}={v}" for k, v in query.display.options.items())
    lines.append(f"// display: {query.display.kind}" + (f" {opts}" if opts else ""))
    return "\n".join(lines)


def file_text(query: Query) -> str:
    """A complete `.cypher` file for the query: header, then body."""
    return header(query) + "\n" + query.body + "\n"


def problems(query: Query) -> list[str]:
    """Where the header and the Cypher disagree about parameters (empty when they agree)."""
    used = set(named_parameters(query.body))
    declared = {p.name for p in query.params}
    out = [f"{query.name}: ${n} is used but not declared" for n in sorted(used - declared) if not is_server_filled(n)]
    out += [f"{query.name}: {n} is declared but never used" for n in sorted(declared - used)]
    out += [f"{query.name}: {n} starts with _ (server-filled), so it cannot be declared" for n in sorted(declared)
            if is_server_filled(n)]
    return out


def file_queries(directory: Path = QUERIES_DIR) -> list[Query]:
    """Every library file, by name."""
    return [parse(p.read_text(encoding="utf-8"), name=p.stem) for p in sorted(directory.glob("*.cypher"))]


def find(name: str, queries: list[Query]) -> Query:
    """The query called `name`, or a KgError pointing at `kg query list`."""
    for q in queries:
        if q.name == name:
            return q
    raise KgError(f"no query named {name!r}; `kg query list` shows the library")


def search(queries: list[Query], text: str) -> list[Query]:
    """Queries whose name, title or description contain every word of `text` (case-insensitive)."""
    words = text.lower().split()
    return [q for q in queries if all(w in f"{q.name} {q.title} {q.description}".lower() for w in words)]


def bind(query: Query, given: dict[str, Any], server: dict[str, Any] | None = None) -> dict[str, Any]:
    """Parameter values for a run: defaults, then `given` (typed from text), then server-filled `_` values.

    Refuses unknown names and `_` names from the user, so a URL or --param can
    only ever supply data for a declared parameter.
    """
    values: dict[str, Any] = {}
    for key in given:
        if is_server_filled(key):
            raise QueryRefused(f"parameter {key} is filled by the app and cannot be given")
        if query.param(key) is None:
            known = ", ".join(p.name for p in query.params) or "none"
            raise QueryRefused(f"{query.name} has no parameter {key!r} (it takes: {known})")
    for p in query.params:
        if p.name in given:
            try:
                values[p.name] = coerce(given[p.name], p.type, name=p.name)
            except ValueError as exc:
                raise QueryRefused(str(exc)) from None
        elif p.default is not None:
            values[p.name] = p.default
        else:
            raise QueryRefused(f"{query.name} needs a value for {p.name} (--param {p.name}=...)")
    values.update(server or {})
    return values


def matching_entities(driver: Driver, value: str) -> list[dict[str, Any]]:
    """The entities an `entity` parameter value picks (by id, name or alias, as the library queries match)."""
    return read(driver, statement("matching_entities"), {"value": value})
