"""Every benchmark, one table: what `make bench` runs. See docs/benchmarks.md.

Default: the sizes issues #3 and #4 ask for (10,000 articles; 100,000
entities / 500,000 relations; 500-node view), about 10 minutes on an idle
2-core machine and 25 on a busy one. `--quick` runs smaller sizes in a few
minutes. Each benchmark writes bench/out/<name>-<time>.json and
bench/out/<name>-latest.json; this script adds bench/out/run-<time>.json.

    .venv/bin/python bench/run.py [--quick] [--only extraction,load,graph_queries,draw] [--no-app] [--wipe]

The database benchmarks wipe the server in NEO4J_URI; unset, they start and
use the project's `test` instance (Bolt 7688), which `make test` wipes as well.
"""
from __future__ import annotations

import argparse
import sys
import time
import traceback
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import draw, extraction, graph_queries, load  # noqa: E402
from bench.common import log, machine, table, write_result  # noqa: E402

NAMES = ("extraction", "load", "graph_queries", "draw")
HEADER = ["benchmark", "measured", "baseline (same run)", "ratio", "aim"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="smaller sizes, a few minutes")
    parser.add_argument("--only", help=f"comma-separated subset of {', '.join(NAMES)}")
    parser.add_argument("--no-app", action="store_true", help="skip timing the Explore page in the running app")
    parser.add_argument("--workers", type=int, default=2, help="processes for the parallel extraction run")
    parser.add_argument("--wipe", action="store_true", help="allow wiping a non-empty database other than the test one")
    args = parser.parse_args(argv)
    chosen = [n.strip() for n in args.only.split(",")] if args.only else list(NAMES)
    unknown = [n for n in chosen if n not in NAMES]
    if unknown:
        parser.error(f"unknown benchmark(s): {', '.join(unknown)}")

    results: dict[str, Any] = {}
    rows: list[list[str]] = []
    failed: list[str] = []
    started = time.perf_counter()
    steps = {
        "extraction": (lambda: extraction.run(args.quick, workers=args.workers), extraction.rows),
        "load": (lambda: load.run(args.quick, wipe_ok=args.wipe), load.rows_for_table),
        "graph_queries": (lambda: graph_queries.run(args.quick, wipe_ok=args.wipe), graph_queries.rows_for_table),
        "draw": (lambda: draw.run(args.quick, app=not args.no_app, wipe_ok=args.wipe), draw.rows_for_table),
    }
    for name in chosen:
        work, to_rows = steps[name]
        t0 = time.perf_counter()
        try:
            result = work()
        except (Exception, SystemExit) as exc:  # one broken benchmark must not lose the others' figures
            failed.append(name)
            log(f"{name} failed: {exc!r}")
            traceback.print_exc()
            rows.append([name, "FAILED", str(exc)[:60], "-", "-"])
            continue
        result["seconds"] = round(time.perf_counter() - t0, 1)
        write_result(name, result)
        results[name] = result
        rows.extend(to_rows(result))
        log(f"{name}: done in {result['seconds']:.0f} s")
    summary = {"quick": args.quick, "seconds": round(time.perf_counter() - started, 1), "table": rows,
               "failed": failed, "results": results}
    path = write_result("run", summary)
    m = machine()
    print(f"\nkg-explorer benchmarks ({'quick' if args.quick else 'full'} sizes), {m['cpus']} CPUs, "
          f"load average {m['loadavg'][0]}, {summary['seconds']:.0f} s")
    print(table(rows, HEADER))
    print(f"results: {path}")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
