"""What every benchmark shares: timing statistics, results on disk, and the one database it may wipe.

Figures are noisy on a shared machine, so each benchmark times a baseline in
the same run and reports the ratio next to the raw numbers. The database
benchmarks wipe the server they write to: by default the project's `test`
instance (which `make test` wipes too); any other non-empty database is
refused unless `--wipe` is given.
"""
from __future__ import annotations

import json
import math
import os
import platform
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

OUT = ROOT / "bench" / "out"
TEST_PORT = os.environ.get("KG_TEST_BOLT_PORT", "7688")
DELETE_BATCH = 10_000


def now_iso() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def percentile(samples: list[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100) of a non-empty list."""
    ordered = sorted(samples)
    rank = max(1, min(len(ordered), math.ceil(q / 100 * len(ordered))))
    return ordered[rank - 1]


def summary_ms(samples_s: list[float]) -> dict[str, float]:
    """Median, p95, mean and max in milliseconds of timings given in seconds."""
    ms = [s * 1000 for s in samples_s]
    return {"n": len(ms), "median_ms": round(statistics.median(ms), 2), "p95_ms": round(percentile(ms, 95), 2),
            "mean_ms": round(statistics.fmean(ms), 2), "max_ms": round(max(ms), 2)}


def timed(work: Callable[[], Any]) -> tuple[float, Any]:
    """(seconds, result) of one call."""
    start = time.perf_counter()
    result = work()
    return time.perf_counter() - start, result


def machine() -> dict[str, Any]:
    """What the figures were measured on."""
    try:
        load = os.getloadavg()
    except OSError:
        load = (0.0, 0.0, 0.0)
    return {"cpus": os.cpu_count(), "loadavg": [round(x, 2) for x in load], "python": platform.python_version(),
            "platform": platform.platform(), "at": now_iso()}


def write_result(name: str, result: dict[str, Any]) -> Path:
    """bench/out/<name>-<UTC time>.json and bench/out/<name>-latest.json; returns the first."""
    OUT.mkdir(parents=True, exist_ok=True)
    result = {"benchmark": name, "machine": machine(), **result}
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    path = OUT / f"{name}-{stamp}.json"
    text = json.dumps(result, indent=2, default=str)
    path.write_text(text, encoding="utf-8")
    (OUT / f"{name}-latest.json").write_text(text, encoding="utf-8")
    return path


def log(message: str) -> None:
    print(f"[{datetime.now(timezone.utc):%H:%M:%S}] {message}", file=sys.stderr, flush=True)


# --- the database ---------------------------------------------------------------------------

def use_database() -> str:
    """NEO4J_URI when set; otherwise start (or find) the project's `test` instance and point NEO4J_URI at it."""
    uri = os.environ.get("NEO4J_URI")
    if uri:
        return uri
    kg = ROOT / ".venv" / "bin" / "kg"
    cmd = [str(kg)] if kg.exists() else [sys.executable, "-m", "kg"]
    subprocess.run(cmd + ["neo4j", "start", "--instance", "test"], cwd=ROOT, check=True,
                   env={**os.environ, "KG_TEST_BOLT_PORT": TEST_PORT})
    os.environ["NEO4J_URI"] = f"bolt://127.0.0.1:{TEST_PORT}"
    return os.environ["NEO4J_URI"]


def node_count(driver: Any) -> int:
    records, _, _ = driver.execute_query("MATCH (n) RETURN count(n) AS c")
    return int(records[0]["c"])


def check_wipe_allowed(driver: Any, uri: str, wipe: bool) -> None:
    """Refuse to wipe a database that holds data unless it is the test instance or --wipe was given."""
    if wipe or uri.rstrip("/").endswith(f":{TEST_PORT}"):
        return
    count = node_count(driver)
    if count:
        raise SystemExit(f"{uri} holds {count} nodes and this benchmark deletes everything in it: "
                         "pass --wipe, or point NEO4J_URI at an empty server (unset, it uses the test instance).")


def wipe(driver: Any) -> None:
    """Delete every relationship, then every node, in batches (auto-commit transactions).

    Relationships first: DETACH DELETE of a batch holding hubs would delete their thousands of
    relationships in one transaction and can exceed the server's transaction memory limit.
    """
    with driver.session() as session:
        session.run(f"MATCH ()-[r]->() CALL (r) {{ DELETE r }} IN TRANSACTIONS OF {DELETE_BATCH} ROWS").consume()
        session.run(f"MATCH (n) CALL (n) {{ DETACH DELETE n }} IN TRANSACTIONS OF {DELETE_BATCH} ROWS").consume()


@contextmanager
def clean_database(driver: Any) -> Iterator[None]:
    """An empty database for the block, and an empty one after it (even when it fails)."""
    wipe(driver)
    try:
        yield
    finally:
        wipe(driver)


def open_driver() -> Any:
    """A verified driver to the server in NEO4J_URI (cypher.connection.connect)."""
    import logging

    from cypher.connection import connect

    # "property key does not exist" notices (a generated graph lacks some optional properties) are noise here
    logging.getLogger("neo4j.notifications").setLevel(logging.ERROR)
    return connect()


def table(rows: list[list[str]], header: list[str]) -> str:
    """A plain-text table."""
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    line = lambda r: "  ".join(str(c).ljust(w) for c, w in zip(r, widths))  # noqa: E731
    return "\n".join([line(header), line(["-" * w for w in widths]), *(line(r) for r in rows)])


HEADER = ["benchmark", "measured", "baseline", "ratio", "aim"]


def report(name: str, result: dict[str, Any], rows: list[list[str]]) -> int:
    """Save one benchmark's result and print its table: the ending every bench script shares."""
    path = write_result(name, result)
    print(table(rows, HEADER))
    print(f"results: {path}")
    return 0
