"""Latency of every catalogue query: directly on the store vs over HTTP, in the same run.

    python bench/bench_queries.py [--store DIR] [--url http://host:port] [-n 20]

Without ``--store`` the five seed reports are built into a temporary store first; without
``--url`` an ``esgkg serve`` is started over the store on a free port. Direct = pyoxigraph
on the store opened read-only, the answer serialised to SPARQL results JSON (what the server
sends). HTTP = ``GET /queries/{name}`` with one keep-alive client, the same JSON. The ratio
is HTTP / direct per query (baseline: direct, measured here, now).
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from contextlib import nullcontext
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def build_seeds(folder: Path) -> Path:
    from kg.build import build
    from kg.store import OxigraphStore

    path = folder / "store"
    store = OxigraphStore(path)
    try:
        result = build([ROOT / "examples" / "reports"], store)
    finally:
        store.close()
    print(f"built {len(result.graphs)} seed reports, {result.quads} quads, in {result.seconds:.1f} s", file=sys.stderr)
    return path


def time_direct(store, sparql: str, n: int) -> tuple[list[float], int]:
    import pyoxigraph as ox

    times, size = [], 0
    for _ in range(n + 1):  # the first run warms caches and is dropped
        t0 = time.perf_counter()
        body = store.query(sparql).serialize(format=ox.QueryResultsFormat.JSON)
        times.append(time.perf_counter() - t0)
        size = len(body)
    return times[1:], size


def time_http(client, url: str, n: int) -> tuple[list[float], int]:
    times, size = [], 0
    for _ in range(n + 1):
        t0 = time.perf_counter()
        r = client.get(url, headers={"Accept": "application/sparql-results+json"})
        r.raise_for_status()
        times.append(time.perf_counter() - t0)
        size = len(r.content)
    return times[1:], size


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--store", type=Path, help="store folder (default: build the seeds into a temporary one)")
    ap.add_argument("--url", help="base URL of a running server (default: start one over the store)")
    ap.add_argument("-n", type=int, default=20, help="timed repetitions per query (default 20)")
    args = ap.parse_args()

    import httpx

    from api.app import serve_in_subprocess
    from api.catalogue import entries
    from kg.store import OxigraphStore

    with tempfile.TemporaryDirectory(prefix="esgkg-bench-") as tmp:
        store_path = args.store or build_seeds(Path(tmp))
        server = nullcontext(args.url) if args.url else serve_in_subprocess(store_path, Path(tmp) / "server.log")
        with server as base, httpx.Client(timeout=120) as client:
            store = OxigraphStore(store_path, read_only=True)
            rows = []
            for name, q in entries().items():
                direct, direct_size = time_direct(store, q.sparql, args.n)
                http, http_size = time_http(client, f"{base}/queries/{name}", args.n)
                rows.append((name, statistics.median(direct), statistics.median(http), http_size))
    print(f"{'query':34} {'direct ms':>10} {'http ms':>9} {'ratio':>7} {'bytes':>8}")
    for name, d, h, size in rows:
        print(f"{name:34} {d * 1000:10.2f} {h * 1000:9.2f} {h / d:7.1f} {size:8d}")
    total_d, total_h = sum(r[1] for r in rows), sum(r[2] for r in rows)
    print(f"{'sum of medians':34} {total_d * 1000:10.2f} {total_h * 1000:9.2f} {total_h / total_d:7.1f}")
    print(f"median ratio {statistics.median(r[2] / r[1] for r in rows):.1f}; "
          f"median HTTP overhead {statistics.median((r[2] - r[1]) * 1000 for r in rows):.1f} ms; n={args.n}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
