"""The extractor: articles in, one `Extraction` per article out (the JSON of shared/ontology.md).

Composition only: the spaCy pipeline (ingest.pipeline), the entity table
(ingest.entities), relation rules (ingest.relations), the
event rules (ingest.events: incidents, designations) and boilerplate filter
(ingest.boilerplate).

The title is parsed apart from the body (no entity or sentence runs across
the headline) and its names count only when the body names them too.
Measured on the dev sets (entity F1 docs / docs-incidents / sample corpus):
title ignored 0.861 / 0.898 / 0.895, title taken as it is 0.805 / 0.889 /
0.906, title confirmed by the body 0.852 / 0.898 / 0.902 -- headline case
("Robert Ford Returns to Syria") makes raw title names unreliable, and the
confirmed title still gives its sentences to event and relation rules.
"""
from __future__ import annotations

import math
import multiprocessing
import os
import sys
from collections.abc import Iterable, Iterator
from typing import Any

from spacy.tokens import Doc, Span

from ingest.boilerplate import byline_author
from ingest.entities import EntityTable
from ingest.events import find_events
from ingest.pipeline import load_nlp, model_name
from ingest.records import Article, Entity, Extraction, Relation
from ingest.relations import find_relations
from ingest.sentences import is_boilerplate_sentence

TITLE_SEPARATOR = "\n\n"


def document_text(article: Article) -> str:
    """The text extracted from: title, blank line, body (parsed apart, then joined; mention offsets are
    relative to their sentence)."""
    return article.title + TITLE_SEPARATOR + article.text if body_start(article) else article.text


def body_start(article: Article) -> int:
    """Char offset of the body in document_text(article)."""
    if article.title and not article.text.startswith(article.title):
        return len(article.title) + len(TITLE_SEPARATOR)
    return 0


def _parts(articles: Iterable[Article]) -> Iterator[tuple[str, tuple[Article, str]]]:
    """Title and body as separate texts, so no entity or sentence runs from the headline into the body."""
    for article in articles:
        start = body_start(article)
        if start:
            yield article.title + TITLE_SEPARATOR, (article, "title")
        yield article.text, (article, "body")


def _skip_sentence(sent: Span) -> bool:
    return is_boilerplate_sentence(sent)


class Extractor:
    """Rule-based extraction over a spaCy model; `workers` > 1 runs the whole per-article extraction
    (spaCy and our rules) in several processes, results in input order."""

    def __init__(self, model: str | None = None, workers: int = 1, batch_size: int = 32) -> None:
        self.model = model_name(model)
        self.workers = max(1, workers)
        self.batch_size = batch_size
        self.nlp = load_nlp(self.model)

    def extract(self, articles: Iterable[Article], workers: int | None = None) -> Iterator[Extraction]:
        """One Extraction per article, in input order."""
        n_process = max(1, workers or self.workers)
        if n_process > 1:
            articles = list(articles)
            if len(articles) > 1:
                yield from self._extract_pool(articles, n_process)
                return
        parts = self.nlp.pipe(_parts(articles), as_tuples=True, batch_size=self.batch_size)
        pending: Doc | None = None
        for doc, (article, part) in parts:
            if part == "title":
                pending = doc
                continue
            if pending is not None:
                doc = Doc.from_docs([pending, doc], ensure_whitespace=False)
                pending = None
            yield self.extract_doc(doc, article)

    def _extract_pool(self, articles: list[Article], n_process: int) -> Iterator[Extraction]:
        """Chunks of articles to worker processes (each loads the pipeline once), results in input order."""
        n_process = min(n_process, len(articles))
        size = max(1, min(self.batch_size, math.ceil(len(articles) / (n_process * 4))))
        chunks = [articles[i:i + size] for i in range(0, len(articles), size)]
        methods = multiprocessing.get_all_start_methods()
        context = multiprocessing.get_context("fork" if "fork" in methods else None)
        with context.Pool(n_process, initializer=_init_worker, initargs=(self.model, self.batch_size)) as pool:
            for extractions in pool.imap(_extract_chunk, chunks):
                yield from extractions

    def extract_doc(self, doc: Doc, article: Article) -> Extraction:
        """Entities, relations and events of one parsed article."""
        if not article.author:
            author = byline_author(article.text)
            if author:
                article.author = author
        table = EntityTable(doc, skip_sentence=_skip_sentence, body_start=body_start(article))
        relations: list[Relation] = find_relations(doc, table, skip_sentence=_skip_sentence)
        try:
            event_entities, event_relations = find_events(doc, table, article)
        except Exception as exc:  # one faulty event rule must not lose the document's other results
            if os.environ.get("KG_DEBUG"):
                raise
            print(f"warning: event rules failed on {article.id}: {exc!r}", file=sys.stderr)
            event_entities, event_relations = [], []
        known = {e.id for e in table.entities}
        entities: list[Entity] = table.entities + [e for e in event_entities if e.id not in known]
        relations.extend(event_relations)
        return Extraction(article, list(entities), _dedupe(relations))


_WORKER: Extractor | None = None


def _init_worker(model: str, batch_size: int) -> None:
    """Pool initializer: one single-process extractor per worker process."""
    global _WORKER
    _WORKER = Extractor(model, workers=1, batch_size=batch_size)


def _extract_chunk(articles: list[Article]) -> list[Extraction]:
    assert _WORKER is not None
    return list(_WORKER.extract(articles, workers=1))


def _dedupe(relations: list[Relation]) -> list[Relation]:
    """One relation per (type, source, target, properties): evidence sentences pooled, best confidence kept
    with the extractor that gave it (a relation named outright is not labelled "+anaphora" for an earlier "it")."""
    out: dict[tuple[Any, ...], Relation] = {}
    for rel in relations:
        if rel.source == rel.target:
            continue
        key = (rel.type, rel.source, rel.target, tuple(sorted((k, str(v)) for k, v in rel.properties.items())))
        have = out.get(key)
        if have is None:
            out[key] = rel
            continue
        have.evidence.extend(e for e in rel.evidence if e not in have.evidence)
        if rel.confidence > have.confidence:
            have.confidence, have.extractor = rel.confidence, rel.extractor
    return list(out.values())
