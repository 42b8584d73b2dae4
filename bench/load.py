"""Load rate into Neo4j: the real writer against a bare UNWIND/CREATE of as many rows, same run.

A synthetic corpus of Extraction records (deterministic: seeded names and
relations; about 15 entities with 1 to 3 mentions each over a dozen sentences,
5 typed relations with one evidence sentence each, per article; entities
recur across articles with a skewed popularity, as real names do) is written
with `ingest.writer.GraphWriter` the way `kg ingest` does (schema, stored
hashes, then batches of about 1,000 rows, one transaction each). Rows are the
nodes plus relationships in the database afterwards.

The baseline creates the same number of nodes and relationships with
`UNWIND $rows AS row CREATE ...` in batches of 1,000, one transaction each
(relationships matched by an indexed id). The database is wiped before, between
and after (see bench/common.py for which servers it agrees to wipe).

    .venv/bin/python bench/load.py [--quick] [--articles N] [--wipe]
"""
from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import (check_wipe_allowed, clean_database, log, open_driver, report, timed,  # noqa: E402
                          use_database, wipe)

FULL_ARTICLES = 10_000
QUICK_ARTICLES = 1_000
BASELINE_BATCH = 1_000
SEED = 20261125

_SYL = ["al", "ba", "dar", "el", "fa", "gar", "ha", "ib", "ja", "ka", "lam", "ma", "na", "or", "qa", "ra", "sa",
        "ta", "um", "wa", "ya", "zan", "bre", "cor", "den", "fin", "gro", "hel", "kri", "lor", "mun", "nor", "pel",
        "ros", "sten", "tor", "vik", "wen"]
_ORG_WORDS = ["Front", "Brigade", "Movement", "Ministry", "Council", "Army", "Network", "Party", "Agency", "Group",
              "Bank", "Foundation", "Committee", "Battalion", "Union"]
_LOC_WORDS = ["", "", "City", "Province", "Valley", "Port", "District"]
_INCIDENTS = ["bombing", "attack", "kidnapping", "assassination", "plot", "raid"]
# (relation, source types, target types): endpoints the ontology allows
_RELATIONS = [
    ("LEADS", ("Person",), ("Organization",)),
    ("MEMBER_OF", ("Person",), ("Organization",)),
    ("PART_OF", ("Organization",), ("Organization",)),
    ("SUPPORTS", ("Organization", "Person"), ("Organization",)),
    ("INVOLVED_IN", ("Person", "Organization"), ("Incident",)),
    ("OCCURRED_IN", ("Incident",), ("Location",)),
    ("BASED_IN", ("Person", "Organization"), ("Location",)),
]
# entities per article by type, roughly: 6 people, 4 organisations, 4 places, 1 incident
_PER_DOC = {"Person": 6, "Organization": 4, "Location": 4, "Incident": 1}


def _word(rng: random.Random, parts: int) -> str:
    return "".join(rng.choice(_SYL) for _ in range(parts)).capitalize()


def entity_pool(rng: random.Random, articles: int) -> dict[str, list[tuple[str, str, list[str]]]]:
    """(id, name, aliases) per type; pool sizes grow with the corpus so names recur with a skew."""
    from cypher.model import entity_id

    sizes = {"Person": articles * 12 // 10, "Organization": articles // 2, "Location": articles // 4,
             "Incident": articles // 5}
    pool: dict[str, list[tuple[str, str, list[str]]]] = {}
    for etype, n in sizes.items():
        seen: set[str] = set()
        out = []
        while len(out) < max(n, 20):
            if etype == "Person":
                first, last = _word(rng, 2), _word(rng, rng.randint(2, 3))
                name, aliases = f"{first} {last}", [last]
            elif etype == "Organization":
                name = f"{_word(rng, 2)} {rng.choice(_ORG_WORDS)}"
                aliases = ["".join(w[0] for w in name.split()).upper() + rng.choice(["", "F", "M"])]
            elif etype == "Location":
                name = (_word(rng, 2) + " " + rng.choice(_LOC_WORDS)).strip()
                aliases = []
            else:
                name = f"{_word(rng, 2)} {rng.choice(_INCIDENTS)} of {rng.randint(1990, 2025)}"
                aliases = []
            eid = entity_id(etype, name)
            if eid in seen:
                continue
            seen.add(eid)
            out.append((eid, name, aliases))
        pool[etype] = out
    return pool


def _skewed(rng: random.Random, n: int) -> int:
    """An index in 0..n-1, low indexes much more likely (a few entities appear in many articles)."""
    return min(n - 1, int(n * rng.random() ** 2.5))


def synthetic_corpus(articles: int, seed: int = SEED) -> list[Any]:
    """Deterministic Extraction records for `articles` documents."""
    from ingest.records import Article, Entity, Extraction, Mention, Relation

    rng = random.Random(seed)
    pool = entity_pool(rng, articles)
    out: list[Extraction] = []
    for d in range(articles):
        n_sent = rng.randint(10, 14)
        chosen: dict[str, Entity] = {}
        for etype, mean in _PER_DOC.items():
            for _ in range(max(0, mean + rng.randint(-1, 1))):
                eid, name, aliases = pool[etype][_skewed(rng, len(pool[etype]))]
                if eid not in chosen:
                    props: dict[str, Any] = {}
                    if etype == "Incident":
                        props = {"kind": name.split()[1], "date": name[-4:], "status": "carried_out",
                                 "killed": rng.randint(0, 40)}
                    chosen[eid] = Entity(id=eid, type=etype, name=name, aliases=list(aliases), properties=props)
        ents = list(chosen.values())
        by_sentence: list[list[Entity]] = [[] for _ in range(n_sent)]
        for ent in ents:
            for s in rng.sample(range(n_sent), rng.randint(1, 3)):
                by_sentence[s].append(ent)
        sentences = []
        for s, present in enumerate(by_sentence):
            names = " and ".join(e.name for e in present) or "officials"
            sentences.append(f"In sentence {s} of report {d}, {names} were named by sources "
                             f"who described the events in some detail to reporters.")
        for s, present in enumerate(by_sentence):
            for ent in present:
                form = rng.choice([ent.name, *ent.aliases])
                start = sentences[s].find(ent.name)
                ent.mentions.append(Mention(text=form, sentence=sentences[s], start=start, end=start + len(form)))
        by_type: dict[str, list[Entity]] = {}
        for ent in ents:
            by_type.setdefault(ent.type, []).append(ent)
        rels: list[Relation] = []
        for _ in range(20):
            if len(rels) >= 5:
                break
            rtype, srcs, dsts = rng.choice(_RELATIONS)
            src_pool = [e for t in srcs for e in by_type.get(t, [])]
            dst_pool = [e for t in dsts for e in by_type.get(t, [])]
            if not src_pool or not dst_pool:
                continue
            a, b = rng.choice(src_pool), rng.choice(dst_pool)
            if a.id == b.id:
                continue
            props = {"role": rng.choice(["perpetrator", "suspect", "linked"])} if rtype == "INVOLVED_IN" else {}
            rels.append(Relation(type=rtype, source=a.id, target=b.id, properties=props,
                                 evidence=[rng.choice(a.mentions).sentence], extractor="bench",
                                 confidence=round(rng.uniform(0.5, 0.95), 2)))
        year = 2000 + d % 26
        article = Article(id=f"bench-{d:06d}", title=f"Report {d}", text=" ".join(sentences),
                          source="bench", publishedAt=f"{year}-{1 + d % 12:02d}-{1 + d % 28:02d}")
        out.append(Extraction(article, ents, rels))
    return out


def graph_size(driver: Any) -> tuple[int, int]:
    records, _, _ = driver.execute_query(
        "CALL () { MATCH (n) RETURN count(n) AS nodes } CALL () { MATCH ()-[r]->() RETURN count(r) AS rels } "
        "RETURN nodes, rels")
    return int(records[0]["nodes"]), int(records[0]["rels"])


def load_with_writer(driver: Any, extractions: list[Any], batch_size: int | None = None) -> float:
    """Seconds `kg ingest` spends writing these records: schema, stored hashes, batched writes."""
    from ingest.writer import DEFAULT_BATCH_SIZE, GraphWriter

    writer = GraphWriter(driver, batch_size=batch_size or DEFAULT_BATCH_SIZE)

    def work() -> None:
        writer.ensure_schema()
        writer.stored_hashes(e.article.id for e in extractions)
        if hasattr(writer, "load"):
            writer.load(extractions)
        else:  # older writer: one batch per ~batch_size rows, as kg ingest did
            batch: list[Any] = []
            rows = 0
            for e in extractions:
                batch.append(e)
                rows += 1 + len(e.entities) + len(e.relations)
                if rows >= writer.batch_size:
                    writer.write(batch)
                    batch, rows = [], 0
            if batch:
                writer.write(batch)

    seconds, _ = timed(work)
    return seconds


def baseline_create(driver: Any, nodes: int, rels: int, seed: int = SEED) -> float:
    """Seconds to CREATE `nodes` nodes and `rels` relationships with bare UNWIND batches."""
    rng = random.Random(seed)
    driver.execute_query("CREATE CONSTRAINT bench_row_id IF NOT EXISTS FOR (n:BenchRow) REQUIRE n.id IS UNIQUE")
    node_rows = [{"id": i, "name": f"row {i}"} for i in range(nodes)]
    rel_rows = [{"a": rng.randrange(nodes), "b": rng.randrange(nodes), "w": 1} for _ in range(rels)]

    def work() -> None:
        with driver.session() as session:
            for start in range(0, len(node_rows), BASELINE_BATCH):
                chunk = node_rows[start:start + BASELINE_BATCH]
                session.execute_write(lambda tx: tx.run(
                    "UNWIND $rows AS row CREATE (:BenchRow {id: row.id, name: row.name})", rows=chunk).consume())
            for start in range(0, len(rel_rows), BASELINE_BATCH):
                chunk = rel_rows[start:start + BASELINE_BATCH]
                session.execute_write(lambda tx: tx.run(
                    "UNWIND $rows AS row MATCH (a:BenchRow {id: row.a}) MATCH (b:BenchRow {id: row.b}) "
                    "CREATE (a)-[:BENCH_ROW {w: row.w}]->(b)", rows=chunk).consume())

    try:
        seconds, _ = timed(work)
    finally:
        wipe(driver)
        driver.execute_query("DROP CONSTRAINT bench_row_id IF EXISTS")
    return seconds


def run(quick: bool = False, articles: int | None = None, wipe_ok: bool = False) -> dict[str, Any]:
    n_articles = articles or (QUICK_ARTICLES if quick else FULL_ARTICLES)
    uri = use_database()
    driver = open_driver()
    try:
        check_wipe_allowed(driver, uri, wipe_ok)
        t_gen, corpus = timed(lambda: synthetic_corpus(n_articles))
        n_ent = sum(len(e.entities) for e in corpus)
        n_rel = sum(len(e.relations) for e in corpus)
        n_men = sum(len(x.mentions) for e in corpus for x in e.entities)
        log(f"load: {n_articles} articles generated in {t_gen:.1f} s ({n_ent} entity records, "
            f"{n_rel} relations, {n_men} mentions); writing to {uri}")
        with clean_database(driver):
            t_writer = load_with_writer(driver, corpus)
            nodes, rels = graph_size(driver)
            log(f"  writer: {nodes + rels} rows ({nodes} nodes, {rels} relationships) in {t_writer:.1f} s")
            wipe(driver)
            t_base = baseline_create(driver, nodes, rels)
            log(f"  baseline UNWIND/CREATE: {nodes + rels} rows in {t_base:.1f} s")
    finally:
        driver.close()
    rows = nodes + rels
    return {
        "articles": n_articles, "entity_records": n_ent, "relation_records": n_rel, "mentions": n_men,
        "nodes": nodes, "relationships": rels, "rows": rows,
        "writer_seconds": round(t_writer, 2), "baseline_seconds": round(t_base, 2),
        "writer_rows_per_s": round(rows / t_writer, 1), "baseline_rows_per_s": round(rows / t_base, 1),
        "writer_articles_per_s": round(n_articles / t_writer, 1),
        "ratio": round(t_base / t_writer, 3),
    }


def rows_for_table(r: dict[str, Any]) -> list[list[str]]:
    return [[f"load {r['articles']:,} articles ({r['rows']:,} rows)", f"{r['writer_rows_per_s']:,.0f} rows/s",
             f"UNWIND/CREATE {r['baseline_rows_per_s']:,.0f} rows/s", f"{r['ratio']:.2f}", "-"]]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help=f"{QUICK_ARTICLES:,} articles")
    parser.add_argument("--articles", type=int, help=f"articles to generate (default {FULL_ARTICLES:,})")
    parser.add_argument("--wipe", action="store_true", help="allow wiping a non-empty database other than the test one")
    args = parser.parse_args(argv)
    result = run(args.quick, args.articles, args.wipe)
    return report("load", result, rows_for_table(result))


if __name__ == "__main__":
    raise SystemExit(main())
