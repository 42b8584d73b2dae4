"""Score extraction against the gold annotations: `make eval` (or `python tools/evaluate.py`).

Runs `kg ingest --dry-run` over each development set (the product's own path,
readers included), keeps the predictions in .eval/ and prints the scorer's
figures. The shared folder is ../shared next to the repository, or $KG_SHARED.
`--model md` (or KG_SPACY_MODEL=md) scores the medium model; predictions of a model other than
the default go to their own files (.eval/docs-en_core_web_md.jsonl), so two models can be compared.
`--baseline` scores raw spaCy NER instead (each distinct name and label one
entity), the reference the rules are measured against.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / ".eval"
BASELINE_TYPES = {"PERSON": "Person", "ORG": "Organization", "GPE": "Location", "LOC": "Location", "FAC": "Location"}


def shared_dir() -> Path:
    return Path(os.environ.get("KG_SHARED") or ROOT.parent / "shared").resolve()


def datasets() -> list[tuple[str, Path, Path]]:
    """(name, folder of texts, gold file) for each set present."""
    dev = shared_dir() / "eval" / "dev"
    sets = [("docs", dev / "docs", dev / "re3d-state-department.gold.json"),
            ("docs-incidents", dev / "docs-incidents", dev / "incidents-dev.gold.json"),
            ("sample", ROOT / "examples" / "news", ROOT / "examples" / "gold" / "sample.gold.json")]
    return [s for s in sets if s[1].is_dir() and s[2].is_file()]


def predict(folder: Path, out: Path, model: str | None, workers: int) -> None:
    """Write the dry-run JSON Lines of `kg ingest` for a folder (the extractor in-process without the CLI)."""
    if not (ROOT / "ingest" / "command.py").is_file():
        predict_in_process(folder, out, model, workers)
        return
    cmd = [sys.executable, "-m", "kg", "ingest", "--dry-run", str(folder), "--workers", str(workers)]
    if model:
        cmd += ["--model", model]
    with out.open("w", encoding="utf-8") as fh:
        subprocess.run(cmd, stdout=fh, cwd=ROOT, check=False)


def predict_in_process(folder: Path, out: Path, model: str | None, workers: int) -> None:
    sys.path.insert(0, str(ROOT))
    from ingest.extractor import Extractor
    from ingest.readers import read_articles
    from ingest.records import Article

    articles = [a for a in read_articles([str(folder)]) if isinstance(a, Article)]
    with out.open("w", encoding="utf-8") as fh:
        for extraction in Extractor(model, workers=workers).extract(articles):
            fh.write(json.dumps(extraction.to_json(), ensure_ascii=False) + "\n")


def predict_baseline(folder: Path, out: Path, model: str | None) -> None:
    """Raw NER: every distinct (label, text) is one entity, no cleanup, no merging, no relations."""
    sys.path.insert(0, str(ROOT))
    import spacy

    from ingest.extractor import document_text
    from ingest.pipeline import model_source
    from ingest.readers import read_articles
    from ingest.records import Article

    nlp = spacy.load(model_source(model))
    articles = [a for a in read_articles([str(folder)]) if isinstance(a, Article)]
    with out.open("w", encoding="utf-8") as fh:
        for doc, article in nlp.pipe(((document_text(a), a) for a in articles), as_tuples=True):
            seen: dict[tuple[str, str], dict] = {}
            for ent in doc.ents:
                kind = BASELINE_TYPES.get(ent.label_)
                if kind:
                    seen.setdefault((kind, ent.text), {"id": f"{kind}:{ent.text}", "type": kind, "name": ent.text,
                                                       "aliases": [], "mentions": []})
            fh.write(json.dumps({"document": article.document(), "entities": list(seen.values()),
                                 "relations": []}) + "\n")


def score(gold: Path, pred: Path, verbose: bool) -> str:
    scorer = shared_dir() / "eval" / "score.py"
    result = subprocess.run([sys.executable, str(scorer), str(gold), str(pred)], capture_output=True, text=True)
    lines = result.stdout.strip().splitlines()
    return "\n".join(lines if verbose else lines[:5] + lines[-1:])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default=None,
                        help="spaCy model: sm (the default), md (needs `make setup-md`), or a spaCy model name")
    parser.add_argument("--baseline", action="store_true", help="score raw spaCy NER instead of the extractor")
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("-v", "--verbose", action="store_true", help="also print misses and spurious entities")
    parser.add_argument("--only", default=None, help="run only the named set (docs, docs-incidents, sample)")
    args = parser.parse_args(argv)
    OUT.mkdir(exist_ok=True)
    sets = [s for s in datasets() if not args.only or s[0] == args.only]
    if not sets:
        print(f"no evaluation sets found under {shared_dir()}", file=sys.stderr)
        return 1
    sys.path.insert(0, str(ROOT))
    from cypher.errors import KgError
    from cypher.messages import user_message
    from ingest.pipeline import DEFAULT_MODEL, model_name, model_source

    try:
        model_source(args.model)  # a model that is not installed: one line now, not once per set
    except KgError as exc:
        print(user_message(exc), file=sys.stderr)
        return 1
    model = model_name(args.model)
    tag = "" if model == DEFAULT_MODEL else f"-{Path(model).name}"
    failed = False
    for name, folder, gold in sets:
        pred = OUT / f"{name}{tag}{'-baseline' if args.baseline else ''}.jsonl"
        if args.baseline:
            predict_baseline(folder, pred, args.model)
        else:
            predict(folder, pred, args.model, args.workers)
        print(f"== {name} ({'baseline NER' if args.baseline else 'extractor'}, {model}): {gold.name}")
        if not pred.stat().st_size:
            print(f"no predictions in {pred}: extraction failed (see the messages above)", file=sys.stderr)
            failed = True
            continue
        print(score(gold, pred, args.verbose))
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
