"""Print the dry-run JSON Lines for a folder of articles, for scoring events while developing.

usage: python tools/events_probe.py FOLDER > predicted.jsonl
"""
from __future__ import annotations

import json
import sys

from cypher.errors import InputSkipped
from ingest.extractor import Extractor
from ingest.readers import read_articles


def main(argv: list[str]) -> None:
    articles = [a for a in read_articles(argv[1:]) if not isinstance(a, InputSkipped)]
    for extraction in Extractor().extract(articles):
        print(json.dumps(extraction.to_json(), ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv)
