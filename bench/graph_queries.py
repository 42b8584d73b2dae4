"""The dashboard's own reads on a large generated graph: neighbourhood, search and path, median and p95.

A graph of 100,000 entities and 500,000 relations (400,000 typed, 100,000
CO_MENTIONED) is loaded directly with UNWIND batches in the storage model of
docs/architecture.md (`:Entity:<Type>` with id, name, aliases, aliasText,
mentionCount, docCount; typed relations with docIds, evidence, evidenceDocIds,
docCount, extractor, confidence, role; CO_MENTIONED lower id -> higher id with
weight/docIds/weights; 20,000 `:Document` nodes the docIds point at, no
MENTIONED_IN). Endpoints are drawn with a skew, so a few entities are hubs
with thousands of relations, as in news. Schema: cypher/statements/schema.cypher.

Then, over random entities, interleaved so noise spreads evenly, each through
`cypher.reader.read` (read transaction, server timeout) like the dashboard:

- baseline: `MATCH (e:Entity {id: $id}) RETURN e`;
- explore: `dashboard.neighbourhood.load` for a focus with the page's defaults (hops 1, cap 150,
  typed relations): explore_nodes + explore_edges twice, everything the Explore page reads;
- explore_hub: the same for one of the best-connected 1% of entities (hubs: what analysts open first);
- explore_edges: the one `explore_edges` statement for the focus alone;
- search: `search_entities` with the Lucene query `dashboard.search` builds (exact, prefix or
  misspelt forms of a random entity's name), ranked as the search box ranks;
- path: `paths_shortest` between two random entities (k 4, typed relations, cap 25, as the Paths page).

The database is wiped before and after.

    .venv/bin/python bench/graph_queries.py [--quick] [--entities N] [--relations N] [--samples N] [--wipe]
"""
from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import (check_wipe_allowed, clean_database, log, open_driver, report, summary_ms,  # noqa: E402
                          use_database)

FULL = {"entities": 100_000, "relations": 500_000, "samples": 200}
QUICK = {"entities": 20_000, "relations": 100_000, "samples": 50}
CO_MENTION_SHARE = 0.2
DOCUMENTS_PER_ENTITY = 0.2
LOAD_BATCH = 5_000
SEED = 7_2026
QUERY_TIMEOUT = 10.0  # seconds: what cypher.reader.read gives every dashboard read
KIND_BUDGET = 240.0  # seconds of query time per kind at most, so a pathological case cannot run for hours
AIM_P95_MS = 150

TYPE_SHARE = {"Person": 0.4, "Organization": 0.3, "Location": 0.2, "Incident": 0.1}
# (relation, source types, target types, share of typed relations)
RELATIONS = [
    ("MEMBER_OF", ("Person",), ("Organization",), 0.22),
    ("LEADS", ("Person",), ("Organization",), 0.08),
    ("PART_OF", ("Organization",), ("Organization",), 0.08),
    ("SUPPORTS", ("Organization", "Person"), ("Organization",), 0.10),
    ("INVOLVED_IN", ("Person", "Organization"), ("Incident",), 0.17),
    ("OCCURRED_IN", ("Incident",), ("Location",), 0.07),
    ("BASED_IN", ("Person", "Organization"), ("Location",), 0.28),
]
_SYL = ["al", "ba", "dar", "el", "fa", "gar", "ha", "ib", "ja", "ka", "lam", "ma", "na", "or", "qa", "ra", "sa",
        "ta", "um", "wa", "ya", "zan", "bre", "cor", "den", "fin", "gro", "hel", "kri", "lor", "mun", "nor", "pel",
        "ros", "sten", "tor", "vik", "wen", "ob", "ul", "ek", "is"]
_ORG = ["Front", "Brigade", "Movement", "Ministry", "Council", "Army", "Network", "Party", "Agency", "Group"]
_LOC = ["City", "Province", "Valley", "Port", "District", "Region"]
_INC = ["bombing", "attack", "kidnapping", "assassination", "plot", "raid"]


# --- the graph -------------------------------------------------------------------------------

def _word(rng: random.Random, parts: int) -> str:
    return "".join(rng.choice(_SYL) for _ in range(parts)).capitalize()


def _name(rng: random.Random, etype: str) -> tuple[str, list[str]]:
    if etype == "Person":
        last = _word(rng, rng.randint(2, 3))
        return f"{_word(rng, 2)} {last}", [last]
    if etype == "Organization":
        name = f"{_word(rng, 2)} {_word(rng, 2)} {rng.choice(_ORG)}"
        return name, ["".join(w[0] for w in name.split()).upper()]
    if etype == "Location":
        return f"{_word(rng, 3)} {rng.choice(_LOC)}", []
    return f"{_word(rng, 2)} {rng.choice(_INC)} {rng.randint(1990, 2025)}", []


def _skewed(rng: random.Random, n: int) -> int:
    """An index in 0..n-1, low indexes far more likely: hubs with thousands of relations."""
    return min(n - 1, int(n * rng.random() ** 2.2))


def generate(n_entities: int, n_relations: int, seed: int = SEED) -> dict[str, Any]:
    """Entities by type, relations by type, and documents: plain rows for UNWIND."""
    from cypher.model import entity_id

    rng = random.Random(seed)
    n_docs = max(100, int(n_entities * DOCUMENTS_PER_ENTITY))
    docs = [{"id": f"doc-{i:06d}", "title": f"Report {i}", "source": "bench",
             "publishedAt": f"{2000 + i % 26}-{1 + i % 12:02d}-{1 + i % 28:02d}"} for i in range(n_docs)]
    entities: dict[str, list[dict[str, Any]]] = {}
    seen: set[str] = set()
    for etype, share in TYPE_SHARE.items():
        rows = []
        while len(rows) < int(n_entities * share):
            name, aliases = _name(rng, etype)
            eid = entity_id(etype, name)
            if eid in seen:
                continue
            seen.add(eid)
            docs_n = 1 + int(40 * rng.random() ** 6)
            row = {"id": eid, "name": name, "aliases": aliases, "aliasText": " | ".join([name, *aliases]),
                   "mentionCount": docs_n + rng.randint(0, 3 * docs_n), "docCount": docs_n}
            if etype == "Incident":
                row.update(kind=name.split()[1], date=name.split()[-1], status="carried_out", killed=rng.randint(0, 50))
            rows.append(row)
        entities[etype] = rows

    def docs_for() -> list[str]:
        return sorted({docs[rng.randrange(n_docs)]["id"] for _ in range(1 + int(3 * rng.random() ** 3))})

    relations: dict[str, list[dict[str, Any]]] = {}
    pairs: set[tuple[str, str, str]] = set()
    n_typed = n_relations - int(n_relations * CO_MENTION_SHARE)
    for rtype, srcs, dsts, share in RELATIONS:
        rows = []
        src_pool = [e for t in srcs for e in entities[t]]
        dst_pool = [e for t in dsts for e in entities[t]]
        target = int(n_typed * share)
        while len(rows) < target:
            a = src_pool[_skewed(rng, len(src_pool))]["id"]
            b = dst_pool[_skewed(rng, len(dst_pool))]["id"]
            if a == b or (rtype, a, b) in pairs:
                continue
            pairs.add((rtype, a, b))
            doc_ids = docs_for()
            props: dict[str, Any] = {
                "docIds": doc_ids, "docCount": len(doc_ids), "extractor": "bench", "confidence": 0.8,
                "evidence": [f"Sources said {a} and {b} were linked, according to report {doc_ids[0]}."],
                "evidenceDocIds": [doc_ids[0]],
            }
            if rtype in ("LEADS", "MEMBER_OF"):
                props.update(role=rng.choice(["commander", "member", "spokesman"]), former=rng.random() < 0.2)
            elif rtype == "SUPPORTS":
                props["how"] = rng.choice(["funding", "weapons", "material support"])
            elif rtype == "INVOLVED_IN":
                props["role"] = rng.choice(["perpetrator", "suspect", "target", "victim", "linked"])
            rows.append({"s": a, "t": b, "p": props})
        relations[rtype] = rows
    everyone = [e["id"] for rows in entities.values() for e in rows]
    rows = []
    target = n_relations - sum(len(r) for r in relations.values())
    while len(rows) < target:
        a, b = sorted((everyone[_skewed(rng, len(everyone))], everyone[rng.randrange(len(everyone))]))
        if a == b or ("CO_MENTIONED", a, b) in pairs:
            continue
        pairs.add(("CO_MENTIONED", a, b))
        doc_ids = docs_for()
        weights = [rng.randint(1, 3) for _ in doc_ids]
        rows.append({"s": a, "t": b, "p": {"docIds": doc_ids, "weights": weights, "weight": sum(weights)}})
    relations["CO_MENTIONED"] = rows
    return {"documents": docs, "entities": entities, "relations": relations}


def _batched(driver: Any, text: str, rows: list[dict[str, Any]]) -> None:
    with driver.session() as session:
        for start in range(0, len(rows), LOAD_BATCH):
            chunk = rows[start:start + LOAD_BATCH]
            session.execute_write(lambda tx: tx.run(text, rows=chunk).consume())


def load_graph(driver: Any, graph: dict[str, Any]) -> None:
    """Schema first (the project's own), then nodes, then relationships, in UNWIND batches."""
    from cypher.model import check_label, check_relation
    from cypher.statements import schema_statements

    with driver.session() as session:
        for text in schema_statements():
            session.run(text).consume()
    _batched(driver, "UNWIND $rows AS row CREATE (d:Document) SET d = row", graph["documents"])
    for etype, rows in graph["entities"].items():
        _batched(driver, f"UNWIND $rows AS row CREATE (e:Entity:{check_label(etype)}) SET e = row", rows)
    for rtype, rows in graph["relations"].items():
        _batched(driver, "UNWIND $rows AS row MATCH (a:Entity {id: row.s}) MATCH (b:Entity {id: row.t}) "
                         f"CREATE (a)-[r:{check_relation(rtype)}]->(b) SET r = row.p", rows)
    driver.execute_query("CALL db.awaitIndexes(600)")


# --- the queries ----------------------------------------------------------------------------

def _misspell(rng: random.Random, word: str) -> str:
    if len(word) < 5:
        return word
    i = rng.randrange(1, len(word) - 1)
    return word[:i] + word[i + 1] + word[i] + word[i + 2:]  # two neighbouring letters swapped


def search_term(rng: random.Random, entity: dict[str, Any]) -> str:
    """What an analyst types: the full name, a prefix of one of its words, or a misspelt word."""
    words = entity["name"].split()
    pick = rng.randrange(3)
    if pick == 0:
        return entity["name"]
    word = rng.choice(words)
    if pick == 1:
        return word[: max(3, len(word) // 2)]
    return _misspell(rng, word)


class Queries:
    """Each query the benchmark times, as a call taking a random generator and an entity (or two)."""

    def __init__(self, driver: Any) -> None:
        from cypher.reader import read
        from cypher.statements import statement

        self.driver = driver
        self.read = read
        self.statement = statement

    def rows(self, name: str, **params: Any) -> list[dict[str, Any]]:
        return self.read(self.driver, self.statement(name), params, timeout=QUERY_TIMEOUT)

    def baseline(self, entity_id: str) -> int:
        return len(self.read(self.driver, "MATCH (e:Entity {id: $id}) RETURN e", {"id": entity_id},
                             timeout=QUERY_TIMEOUT))

    def explore(self, entity_id: str) -> int:
        from dashboard.links import ViewState
        from dashboard.neighbourhood import load

        sub = load(ViewState(focus=entity_id), True, self.rows)
        return len(sub.nodes)

    def explore_edges(self, entity_id: str) -> int:
        from cypher.model import TYPED_RELATIONS
        from dashboard.neighbourhood import ROW_LIMIT, per_node

        return len(self.rows("explore_edges", ids=[entity_id], within=None, relTypes=list(TYPED_RELATIONS),
                             types=None, minDocs=1, dateFrom=None, dateTo=None, removed=None,
                             perNode=per_node(150), limit=ROW_LIMIT))

    def search(self, term: str) -> int:
        from dashboard.search import lucene_query, parse, rank

        limit = 15  # search_box's default
        parsed = parse(term)
        query = lucene_query(parsed.text)
        if not query:
            return 0
        hits = self.rows("search_entities", query=query, types=list(parsed.types) if parsed.types else None,
                         fetch=max(limit * 4, 50), limit=max(limit * 2, 20))
        return len(rank(hits, parsed.text)[:limit])

    def path(self, src: str, dst: str) -> int:
        from dashboard.paths_data import DEFAULT_HOPS, PATH_CAP, relation_types

        return len(self.rows("paths_shortest", src=src, dst=dst, k=DEFAULT_HOPS, types=relation_types(None),
                             cap=PATH_CAP))


def hub_ids(graph: dict[str, Any], share: float = 0.01) -> list[str]:
    """The best-connected 1% of entities (by typed relations): the ones analysts open first."""
    degree: dict[str, int] = {}
    for rtype, rows in graph["relations"].items():
        if rtype == "CO_MENTIONED":
            continue
        for r in rows:
            degree[r["s"]] = degree.get(r["s"], 0) + 1
            degree[r["t"]] = degree.get(r["t"], 0) + 1
    ranked = sorted(degree, key=lambda i: (-degree[i], i))
    return ranked[: max(10, int(len(ranked) * share))]


def measure(driver: Any, graph: dict[str, Any], samples: int, seed: int = SEED) -> dict[str, Any]:
    """Interleaved timings of every query kind over `samples` random entities each."""
    from cypher.errors import KgError

    rng = random.Random(seed + 1)
    everyone = [e for rows in graph["entities"].values() for e in rows]
    q = Queries(driver)
    hubs = hub_ids(graph)
    kinds = ["baseline", "explore", "explore_hub", "explore_edges", "search", "path"]
    times: dict[str, list[float]] = {k: [] for k in kinds}
    sizes: dict[str, list[int]] = {k: [] for k in kinds}
    failures: dict[str, list[str]] = {k: [] for k in kinds}
    spent = {k: 0.0 for k in kinds}

    def call(kind: str) -> Any:
        e = rng.choice(everyone)
        if kind == "search":
            term = search_term(rng, e)
            return term, lambda: q.search(term)
        if kind == "path":
            other = rng.choice(everyone)
            return (e["id"], other["id"]), lambda: q.path(e["id"], other["id"])
        if kind == "explore_hub":
            hub = rng.choice(hubs)
            return hub, lambda: q.explore(hub)
        return e["id"], lambda: getattr(q, kind)(e["id"])

    for _ in range(10):  # warm-up: plans cached, pages in memory
        for kind in kinds:
            try:
                call(kind)[1]()
            except KgError:
                pass
    for i in range(samples):
        for kind in kinds[i % len(kinds):] + kinds[: i % len(kinds)]:  # rotate the order each round
            if spent[kind] > KIND_BUDGET:
                continue
            arg, work = call(kind)
            start = time.perf_counter()
            try:
                n = work()
            except KgError as exc:
                elapsed = time.perf_counter() - start
                failures[kind].append(f"{arg}: {exc}")
                n = -1
            else:
                elapsed = time.perf_counter() - start
            spent[kind] += elapsed
            times[kind].append(elapsed)
            sizes[kind].append(n)
        if (i + 1) % 50 == 0:
            log(f"  {i + 1}/{samples} rounds")
    base = summary_ms(times["baseline"])
    out: dict[str, Any] = {}
    for kind in kinds:
        s = summary_ms(times[kind])
        got = [n for n in sizes[kind] if n >= 0]
        s["ratio_median_to_baseline"] = round(s["median_ms"] / base["median_ms"], 2)
        s["ratio_p95_to_baseline"] = round(s["p95_ms"] / base["p95_ms"], 2)
        s["rows_median"] = sorted(got)[len(got) // 2] if got else 0
        s["rows_max"] = max(got) if got else 0
        s["empty"] = sum(1 for n in got if n == 0)
        s["failures"] = len(failures[kind])
        s["failure_examples"] = failures[kind][:3]
        s["stopped_by_budget"] = spent[kind] > KIND_BUDGET
        out[kind] = s
    return out


def run(quick: bool = False, entities: int | None = None, relations: int | None = None,
        samples: int | None = None, wipe_ok: bool = False, keep: bool = False) -> dict[str, Any]:
    scale = QUICK if quick else FULL
    n_ent, n_rel = entities or scale["entities"], relations or scale["relations"]
    n_samples = samples or scale["samples"]
    uri = use_database()
    driver = open_driver()
    try:
        check_wipe_allowed(driver, uri, wipe_ok)
        start = time.perf_counter()
        graph = generate(n_ent, n_rel)
        t_gen = time.perf_counter() - start
        log(f"graph queries: generated {n_ent} entities, {n_rel} relations in {t_gen:.1f} s; loading into {uri}")
        with clean_database(driver):
            start = time.perf_counter()
            load_graph(driver, graph)
            t_load = time.perf_counter() - start
            log(f"  loaded in {t_load:.1f} s ({(n_ent + n_rel) / t_load:,.0f} rows/s); measuring {n_samples} rounds")
            results = measure(driver, graph, n_samples)
            degree, _, _ = driver.execute_query(
                "MATCH (e:Entity) WITH COUNT { (e)--() } AS d RETURN max(d) AS max, avg(d) AS avg")
    finally:
        driver.close()
    return {"entities": n_ent, "relations": n_rel, "documents": len(graph["documents"]), "samples": n_samples,
            "load_seconds": round(t_load, 1), "max_degree": degree[0]["max"], "mean_degree": round(degree[0]["avg"], 1),
            "aim_p95_ms": AIM_P95_MS, "queries": results}


def rows_for_table(r: dict[str, Any]) -> list[list[str]]:
    out = []
    base = r["queries"]["baseline"]
    for kind, s in r["queries"].items():
        fail = f", {s['failures']} failed" if s["failures"] else ""
        out.append([f"query {kind} ({r['entities'] // 1000}k/{r['relations'] // 1000}k, n={s['n']}{fail})",
                    f"median {s['median_ms']:.0f} ms, p95 {s['p95_ms']:.0f} ms",
                    f"lookup median {base['median_ms']:.0f} ms, p95 {base['p95_ms']:.0f} ms",
                    f"{s['ratio_p95_to_baseline']:.1f}x (p95)", "-" if kind == "baseline" else f"p95 < {AIM_P95_MS} ms"])
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="20,000 entities, 100,000 relations, 50 rounds")
    parser.add_argument("--entities", type=int)
    parser.add_argument("--relations", type=int)
    parser.add_argument("--samples", type=int, help="rounds (each times every query kind once)")
    parser.add_argument("--wipe", action="store_true", help="allow wiping a non-empty database other than the test one")
    args = parser.parse_args(argv)
    result = run(args.quick, args.entities, args.relations, args.samples, args.wipe)
    return report("graph_queries", result, rows_for_table(result))


if __name__ == "__main__":
    raise SystemExit(main())
