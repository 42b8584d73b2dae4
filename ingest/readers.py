"""Find the files behind `kg ingest PATH...` and read them into Articles.

Every problem with one input becomes an InputSkipped (one line for the user)
and the rest goes on: a corpus with one broken file still loads.
"""
from __future__ import annotations

import glob
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from cypher.errors import InputSkipped
from ingest.formats import parse_html, parse_jsonl, parse_markdown, parse_text
from ingest.records import Article

Parser = Callable[[str, Path], "Article | Iterator[Article | InputSkipped]"]
PARSERS: dict[str, Parser] = {
    ".txt": parse_text,
    ".md": parse_markdown,
    ".markdown": parse_markdown,
    ".jsonl": parse_jsonl,
    ".html": parse_html,
    ".htm": parse_html,
}
_GLOB_CHARS = set("*?[")


def _walk(folder: Path) -> Iterator[Path]:
    """Readable files under a folder, sorted; hidden files and READMEs are not articles."""
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder).parts
        if any(part.startswith(".") for part in rel) or not path.is_file():
            continue
        if path.suffix.lower() in PARSERS and not path.name.upper().startswith("README"):
            yield path


def expand(args: Iterable[str]) -> Iterator[Path | InputSkipped]:
    """Files named by the arguments: files as given, folders recursively, globs expanded; each file once."""
    seen: set[Path] = set()

    def once(path: Path) -> Iterator[Path]:
        key = path.resolve()
        if key not in seen:
            seen.add(key)
            yield path

    for arg in args:
        path = Path(arg)
        if path.is_dir():
            for found in _walk(path):
                yield from once(found)
        elif path.is_file():
            yield from once(path)  # named explicitly: an unknown extension is reported when read
        elif _GLOB_CHARS & set(arg):
            matches = [Path(m) for m in sorted(glob.glob(arg, recursive=True))]
            files = [m for m in matches if m.is_file() and m.suffix.lower() in PARSERS]
            for folder in (m for m in matches if m.is_dir()):
                files.extend(_walk(folder))
            if not files:
                yield InputSkipped(arg, "no readable files match this pattern")
            for found in files:
                yield from once(found)
        else:
            yield InputSkipped(arg, "no such file or directory")


def decode(path: Path) -> str:
    """The file as text, or InputSkipped when it is empty, binary or not UTF-8."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputSkipped(str(path), f"cannot read ({exc.strerror or exc}), skipped") from None
    if not data.strip():
        raise InputSkipped(str(path), "empty file, skipped")
    if b"\x00" in data[:8192]:
        raise InputSkipped(str(path), "binary file (contains NUL bytes), skipped")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        byte = data[exc.start : exc.start + 1].hex()
        raise InputSkipped(str(path), f"not valid UTF-8 (byte 0x{byte} at offset {exc.start}), file skipped", line) from None


def read_file(path: Path) -> Iterator[Article | InputSkipped]:
    """Articles from one file (several for .jsonl), with problems yielded in place."""
    parser = PARSERS.get(path.suffix.lower())
    if parser is None:
        known = ", ".join(sorted(PARSERS))
        yield InputSkipped(str(path), f"unknown file type {path.suffix or '(none)'!r} (expected {known}), skipped")
        return
    try:
        text = decode(path)
        result = parser(text, path)
        if isinstance(result, Article):
            yield result
        else:
            yield from result
    except InputSkipped as skipped:
        yield skipped


def read_articles(args: Iterable[str]) -> Iterator[Article | InputSkipped]:
    """Every article the arguments name, in order; a document id seen twice is reported, not loaded twice."""
    first_seen: dict[str, str] = {}
    for item in expand(args):
        if isinstance(item, InputSkipped):
            yield item
            continue
        for got in read_file(item):
            if isinstance(got, Article):
                if got.id in first_seen:
                    yield InputSkipped(got.path, f"document id {got.id!r} already read from {first_seen[got.id]}, skipped")
                    continue
                first_seen[got.id] = got.path
            yield got
