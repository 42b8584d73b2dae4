"""Whole-pipeline extraction throughput (words per second) against bare `nlp.pipe` of the same model.

The texts are the sample corpus (examples/news) and the shared dev documents
(../shared/eval/dev/docs*) when present, replicated until the target word
count is reached (each copy gets its own id). In the same run, alternating:

- baseline: `nlp.pipe` of the same model with the same excluded components and no rules of ours,
  over the same texts (title and body joined, as the extractor sees them);
- pipeline: `ingest.extractor.Extractor.extract`, everything the ingest does before the writer.

Then the same pair with `workers` processes (spaCy `n_process`) on both sides.

    .venv/bin/python bench/extraction.py [--quick] [--words N] [--workers 2] [--repeats R] [--model md]
"""
from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import (log, report, ROOT, timed)  # noqa: E402

DEV_DOCS = ROOT.parent / "shared" / "eval" / "dev"
FULL_WORDS = 30_000
QUICK_WORDS = 12_000


def source_articles() -> list[Any]:
    """The sample corpus and the dev documents, read the way `kg ingest` reads them."""
    from ingest.readers import read_articles
    from ingest.records import Article

    paths = [str(ROOT / "examples" / "news")]
    paths += [str(p) for p in sorted(DEV_DOCS.glob("docs*")) if p.is_dir()]
    return [a for a in read_articles(paths) if isinstance(a, Article)]


def words(text: str) -> int:
    return len(text.split())


def corpus(target_words: int) -> list[Any]:
    """Copies of the source articles (fresh objects, distinct ids) until `target_words` words."""
    from ingest.extractor import document_text
    from ingest.records import Article

    base = source_articles()
    if not base:
        raise SystemExit("no articles found in examples/news")
    out: list[Article] = []
    total, copy = 0, 0
    while total < target_words:
        for a in base:
            out.append(Article(id=f"{a.id}-{copy}", text=a.text, title=a.title, url=a.url, source=a.source,
                               publishedAt=a.publishedAt, author=a.author, path=a.path))
            total += words(document_text(a))
            if total >= target_words:
                break
        copy += 1
    return out


def _pipe(nlp: Any, texts: list[str], workers: int, batch_size: int) -> int:
    n = 0
    for _doc in nlp.pipe(texts, n_process=workers, batch_size=batch_size):
        n += 1
    return n


def _extract(extractor: Any, articles: list[Any], workers: int) -> int:
    n = 0
    for _ex in extractor.extract(articles, workers=workers):
        n += 1
    return n


def run(quick: bool = False, target_words: int | None = None, workers: int = 2, repeats: int | None = None,
        model: str | None = None) -> dict[str, Any]:
    from ingest.extractor import Extractor, document_text
    from ingest.pipeline import load_nlp

    target = target_words or (QUICK_WORDS if quick else FULL_WORDS)
    reps = repeats or (1 if quick else 2)
    articles = corpus(target)
    texts = [document_text(a) for a in articles]
    n_words = sum(words(t) for t in texts)
    extractor = Extractor(model=model)
    bare = load_nlp(extractor.model, rules=False)
    batch = extractor.batch_size
    log(f"extraction: {len(articles)} articles, {n_words} words, model {extractor.model}, {reps} repeat(s)")

    # warm-up: model caches, rule tables, lazy imports
    _pipe(bare, texts[:20], 1, batch)
    _extract(extractor, corpus(2_000)[:20], 1)

    result: dict[str, Any] = {"model": extractor.model, "articles": len(articles), "words": n_words,
                              "repeats": reps, "batch_size": batch, "runs": {}}
    for w in sorted({1, max(1, workers)}):
        base_times: list[float] = []
        pipe_times: list[float] = []
        for r in range(reps):
            fresh = corpus(target)  # the extractor may set fields on articles (author from byline)
            t_base, _ = timed(lambda: _pipe(bare, texts, w, batch))
            t_pipe, _ = timed(lambda: _extract(extractor, fresh, w))
            log(f"  workers={w} repeat {r + 1}: nlp.pipe {n_words / t_base:,.0f} w/s, "
                f"Extractor {n_words / t_pipe:,.0f} w/s")
            base_times.append(t_base)
            pipe_times.append(t_pipe)
        tb, tp = statistics.median(base_times), statistics.median(pipe_times)
        result["runs"][f"workers={w}"] = {
            "workers": w,
            "baseline_seconds": [round(t, 3) for t in base_times],
            "pipeline_seconds": [round(t, 3) for t in pipe_times],
            "baseline_words_per_s": round(n_words / tb, 1),
            "pipeline_words_per_s": round(n_words / tp, 1),
            "ratio": round(tb / tp, 3),
        }
    one = result["runs"]["workers=1"]
    if f"workers={workers}" in result["runs"] and workers > 1:
        many = result["runs"][f"workers={workers}"]
        many["speedup_vs_1_worker"] = round(many["pipeline_words_per_s"] / one["pipeline_words_per_s"], 3)
    return result


def rows(result: dict[str, Any]) -> list[list[str]]:
    out = []
    for name, r in result["runs"].items():
        out.append([f"extraction {name}", f"{r['pipeline_words_per_s']:,.0f} words/s",
                    f"nlp.pipe {r['baseline_words_per_s']:,.0f} words/s", f"{r['ratio']:.2f}", ">= 0.80"])
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help=f"{QUICK_WORDS:,} words, one repeat")
    parser.add_argument("--words", type=int, help=f"words of text (default {FULL_WORDS:,})")
    parser.add_argument("--workers", type=int, default=2, help="processes for the second pair of runs (default 2)")
    parser.add_argument("--repeats", type=int, help="timed repeats per side (median kept)")
    parser.add_argument("--model", help="spaCy model: sm (the ingest default), md (`make setup-md`) or a spaCy model name")
    args = parser.parse_args(argv)
    result = run(args.quick, args.words, args.workers, args.repeats, args.model)
    return report("extraction", result, rows(result))


if __name__ == "__main__":
    raise SystemExit(main())
