"""The benchmarks' generated data: deterministic, and valid for the writer and the storage model (no database)."""
from __future__ import annotations

from bench.common import percentile, summary_ms
from bench.draw import neighbourhood
from bench.graph_queries import RELATIONS, generate, hub_ids, search_term
from bench.load import synthetic_corpus
from cypher.model import ENTITY_TYPES, TYPED_RELATIONS
from ingest.rows import Rows, add_extraction


def test_percentile_nearest_rank() -> None:
    samples = [float(i) for i in range(1, 101)]
    assert percentile(samples, 50) == 50.0
    assert percentile(samples, 95) == 95.0
    assert percentile([3.0], 95) == 3.0
    s = summary_ms([0.001, 0.002, 0.003])
    assert s["median_ms"] == 2.0 and s["n"] == 3


def test_synthetic_corpus_is_deterministic_and_nothing_is_dropped() -> None:
    a, b = synthetic_corpus(40), synthetic_corpus(40)
    assert [e.to_json() for e in a] == [e.to_json() for e in b]
    rows = Rows()
    for extraction in a:
        add_extraction(rows, extraction, ingested_at="2026-01-01T00:00:00+00:00")
    assert rows.dropped == 0
    assert all(len(e.relations) == 5 for e in a)
    assert 10 <= sum(len(e.entities) for e in a) / len(a) <= 20
    assert rows.co_mention_rows()  # entities share sentences
    for e in a:
        for ent in e.entities:
            for m in ent.mentions:
                assert m.sentence[m.start:m.end] == ent.name[: m.end - m.start]


def test_generated_graph_sizes_types_and_endpoints() -> None:
    g = generate(2_000, 10_000)
    entities = {e["id"]: t for t, rows in g["entities"].items() for e in rows}
    assert len(entities) == 2_000 and set(g["entities"]) == set(ENTITY_TYPES)
    assert sum(len(r) for r in g["relations"].values()) == 10_000
    allowed = {name: (srcs, dsts) for name, srcs, dsts, _ in RELATIONS}
    for rtype, rows in g["relations"].items():
        assert rtype in TYPED_RELATIONS or rtype == "CO_MENTIONED"
        for r in rows:
            if rtype == "CO_MENTIONED":
                assert r["s"] < r["t"]
                assert len(r["p"]["weights"]) == len(r["p"]["docIds"])
            else:
                assert entities[r["s"]] in allowed[rtype][0] and entities[r["t"]] in allowed[rtype][1]
                assert r["p"]["docCount"] == len(r["p"]["docIds"])
    assert g == generate(2_000, 10_000)
    assert len(hub_ids(g)) >= 10


def test_search_terms_come_from_the_name() -> None:
    import random

    rng = random.Random(1)
    entity = {"name": "Kaka Vikkristen"}
    for _ in range(20):
        term = search_term(rng, entity)
        assert term and len(term) >= 3


def test_draw_neighbourhood_shape() -> None:
    nodes, edges = neighbourhood(500)
    assert len(nodes) == 500 and len(edges) == 1000
    ids = {n["id"] for n in nodes}
    assert all(e["source"] in ids and e["target"] in ids for e in edges)
    assert len({frozenset((e["source"], e["target"])) for e in edges}) == 1000
