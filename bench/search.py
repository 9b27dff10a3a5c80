"""Search latency of Masthead's /search/ page over a newsroom of 10,000 articles.

For each database (SQLite, then PostgreSQL) it builds a throw-away demo
newsroom in a temp dir, grows it with ``grow_demo --articles N``, serves it
with granian under the production settings and sends a fixed list of
realistic searches through the real page, over HTTP:

1. **one reader**: every query in turn, ``--rounds`` times, one keep-alive
   connection, one request at a time: latency p50/p90/p99/mean/max and the
   queries per second that one reader gets;
2. **many readers**: ``--concurrency`` connections sending the same queries
   for ``--duration`` seconds: queries per second and latency under load.

It prints figures; it is a measurement, not a pass/fail test.

    .venv/bin/python bench/search.py [--articles 10000] [--databases sqlite,postgres]
        [--postgres-url postgres://postgres@127.0.0.1:5432/benchsearch] [--rounds 3]
        [--concurrency 4] [--duration 20] [--workers 2] [--json] [--keep]

See bench/README-search.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import http.client
import json
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from types import FrameType
from typing import Any
from urllib.parse import urlencode

from pages import (
    GRANIAN,
    HOST,
    PYTHON,
    REPO,
    BenchError,
    Database,
    bench_env,
    code_version,
    cpu_model,
    free_port,
    machine_busy_seconds,
    prepare,
    processes_cpu_seconds,
    start,
    stop,
    tail,
    wait_until_up,
)

DEFAULT_POSTGRES_URL = "postgres://postgres@127.0.0.1:5432/benchsearch"

# What readers of a city newsroom type: topics, names, places, phrases of two
# or three words, filtered by section or dates, page 2, newest first, and a
# few that find nothing. The generated archive (masthead/search/demo_growth.py)
# and the demo's own articles are what they search.
QUERIES: list[dict[str, str]] = [
    {"q": "tram"},
    {"q": "tram line"},
    {"q": "bus route changes"},
    {"q": "district heating"},
    {"q": "water main"},
    {"q": "housing estate"},
    {"q": "council budget"},
    {"q": "city council vote"},
    {"q": "Korvany City Council"},
    {"q": "election law"},
    {"q": "anti-corruption bill"},
    {"q": "pension reform"},
    {"q": "National Assembly"},
    {"q": "mayor"},
    {"q": "port"},
    {"q": "container terminal"},
    {"q": "grain exports"},
    {"q": "electricity prices"},
    {"q": "minimum wage"},
    {"q": "shipyard jobs"},
    {"q": "fraud trial"},
    {"q": "court of appeal"},
    {"q": "bribery"},
    {"q": "prosecutor"},
    {"q": "displaced families"},
    {"q": "aid convoy"},
    {"q": "border crossing"},
    {"q": "generator deliveries"},
    {"q": "flood"},
    {"q": "floods river Ivra"},
    {"q": "river mussel"},
    {"q": "air quality"},
    {"q": "stroke treatment hospital"},
    {"q": "vaccine trial"},
    {"q": "opera season"},
    {"q": "film festival"},
    {"q": "museum"},
    {"q": "book fair"},
    {"q": "derby match"},
    {"q": "FK Ivra Korvany"},
    {"q": "rowing regatta"},
    {"q": "basketball final"},
    {"q": "Irina Valcheva"},
    {"q": "Tomas Aldin energy"},
    {"q": "Mill Quarter"},
    {"q": "Zarichna substation"},
    {"q": "Guild Square market"},
    {"q": "power outage"},
    {"q": "the"},
    {"q": "residents complained"},
    {"q": "tram", "section": "city"},
    {"q": "budget", "section": "politics"},
    {"q": "prices", "section": "business"},
    {"q": "trial", "from": "2025-01-01", "to": "2025-12-31"},
    {"q": "flood", "from": "2024-06-01"},
    {"q": "council", "sort": "newest"},
    {"q": "festival", "page": "2"},
    {"q": "council budget", "page": "3"},
    {"q": "quokka"},
    {"q": "xylophone orchestra strike"},
]
COUNT = re.compile(rb"(\d[\d,]*) articles? match")


@dataclass
class Sample:
    query: str
    ms: float
    status: int
    results: int | None


@dataclass
class Figures:
    database: str
    grow_seconds: float
    articles_indexed: int
    floor: dict[str, float] = field(default_factory=dict)
    single: dict[str, float] = field(default_factory=dict)
    loaded: dict[str, float] = field(default_factory=dict)
    cpu_other_cores: float = 0.0
    slowest: list[tuple[str, float]] = field(default_factory=list)
    results_per_query: dict[str, int | None] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)


def percentile(values: list[float], pct: float) -> float:
    """The nearest-rank percentile of ``values``."""
    ordered = sorted(values)
    if not ordered:
        return 0.0
    rank = max(1, min(len(ordered), round(pct / 100 * len(ordered) + 0.5)))
    return ordered[rank - 1]


def summary(samples: list[Sample], seconds: float) -> dict[str, float]:
    ms = [s.ms for s in samples]
    return {
        "requests": len(samples),
        "p50_ms": round(percentile(ms, 50), 1),
        "p90_ms": round(percentile(ms, 90), 1),
        "p99_ms": round(percentile(ms, 99), 1),
        "mean_ms": round(statistics.fmean(ms), 1) if ms else 0.0,
        "max_ms": round(max(ms), 1) if ms else 0.0,
        "queries_per_s": round(len(samples) / seconds, 1) if seconds else 0.0,
        "non_200": sum(s.status != 200 for s in samples),
    }


def path_of(params: dict[str, str]) -> str:
    return "/search/?" + urlencode(params)


class Reader:
    """One reader on one keep-alive connection."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.conn = http.client.HTTPConnection(HOST, port, timeout=60)

    def get(self, params: dict[str, str]) -> Sample:
        path = path_of(params)
        started = time.perf_counter()
        try:
            self.conn.request("GET", path, headers={"Host": f"{HOST}:{self.port}"})
            response = self.conn.getresponse()
            body = response.read()
        except (OSError, http.client.HTTPException):
            self.conn.close()  # reconnect on the next request
            return Sample(path, (time.perf_counter() - started) * 1000, 0, None)
        elapsed = (time.perf_counter() - started) * 1000
        found = COUNT.search(body)
        results = int(found[1].replace(b",", b"")) if found else (0 if b"search-results" in body else None)
        return Sample(path, elapsed, response.status, results)

    def close(self) -> None:
        self.conn.close()


def one_reader(port: int, rounds: int) -> tuple[list[Sample], float]:
    reader = Reader(port)
    samples: list[Sample] = []
    started = time.perf_counter()
    for _ in range(rounds):
        for params in QUERIES:
            samples.append(reader.get(params))
    seconds = time.perf_counter() - started
    reader.close()
    return samples, seconds


def many_readers(port: int, concurrency: int, duration: float) -> tuple[list[Sample], float]:
    samples: list[Sample] = []
    lock = threading.Lock()
    deadline = time.perf_counter() + duration

    def read(offset: int) -> None:
        reader, mine, i = Reader(port), [], offset
        while time.perf_counter() < deadline:
            mine.append(reader.get(QUERIES[i % len(QUERIES)]))
            i += 1
        reader.close()
        with lock:
            samples.extend(mine)

    threads = [threading.Thread(target=read, args=(n * 7,)) for n in range(concurrency)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return samples, time.perf_counter() - started


def run_step(env: dict[str, str], log: Path, *args: str) -> tuple[float, str]:
    """Run ``manage.py args`` and return (seconds, its output); BenchError if it fails."""
    name = " ".join(args)
    print(f"  {name} ...", flush=True)
    started = time.monotonic()
    done = subprocess.run(
        [str(PYTHON), "manage.py", *args],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=3600,
        check=False,
    )
    with log.open("a") as out:
        out.write(f"\n$ {name}\n{done.stdout}{done.stderr}")
    if done.returncode != 0:
        raise BenchError(f"{name} failed ({done.returncode}):\n{tail(log)}")
    return time.monotonic() - started, done.stdout


def bench_database(label: str, url: str | None, args: argparse.Namespace) -> Figures:
    tmp = Path(tempfile.mkdtemp(prefix="masthead-bench-search-"))
    log = tmp / "setup.log"
    server = None
    database = Database.from_option(url, tmp)
    try:
        print(f"\n== {label}: {database.label}, temp dir {tmp}")
        database.create(args.drop_existing)
        env = bench_env(tmp, database)
        prepare(env, tmp, log)
        # No worker runs here: index the demo's own articles now.
        run_step(env, log, "update_index")
        grow_seconds, output = run_step(env, log, "grow_demo", "--articles", str(args.articles))
        print(f"    {output.strip().splitlines()[-1]}")
        _, count = run_step(
            env,
            log,
            "shell",
            "-v",
            "0",
            "-c",
            "from wagtail.search.models import IndexEntry; print(IndexEntry.objects.count())",
        )

        port = free_port()
        command = [str(GRANIAN), "--interface", "asginl", "--host", HOST, "--port", str(port)]
        command += ["--workers", str(args.workers), "--log-level", "warning", "masthead.asgi:application"]
        print(f"  granian ({args.workers} workers) on port {port} ...", flush=True)
        server = start(command, env, tmp / "server.log")
        wait_until_up(server, port, tmp / "server.log", path="/search/")

        print("  warming up: every query once per worker ...", flush=True)
        warm = Reader(port)
        for _ in range(args.workers):
            for params in QUERIES:
                warm.get(params)
        warm.close()

        print(f"  one reader: {len(QUERIES)} queries x {args.rounds} rounds ...", flush=True)
        busy_before, client_before = machine_busy_seconds(), time.process_time()
        server_before, pg_before = processes_cpu_seconds(server.pid)
        single, seconds = one_reader(port, args.rounds)
        server_after, pg_after = processes_cpu_seconds(server.pid)
        # CPU used by neither the server, PostgreSQL nor this client: other work on the machine.
        other = (machine_busy_seconds() - busy_before) - (server_after - server_before)
        other -= (pg_after - pg_before) + (time.process_time() - client_before)
        figures = Figures(
            database=database.label,
            grow_seconds=round(grow_seconds, 1),
            articles_indexed=int(count.split()[-1]),
        )
        figures.single = summary(single, seconds)
        figures.cpu_other_cores = round(max(other, 0) / seconds, 2)

        # The same page with the form only: what every page of the site costs.
        reader = Reader(port)
        started = time.perf_counter()
        floor = [reader.get({}) for _ in range(len(QUERIES))]
        figures.floor = summary(floor, time.perf_counter() - started)
        reader.close()

        print(f"  {args.concurrency} readers for {args.duration:g} s ...", flush=True)
        loaded, seconds = many_readers(port, args.concurrency, args.duration)
        figures.loaded = summary(loaded, seconds)

        by_query: dict[str, list[float]] = {}
        for sample in single:
            by_query.setdefault(sample.query, []).append(sample.ms)
            figures.results_per_query[sample.query] = sample.results
        figures.slowest = sorted(
            ((query, round(statistics.median(ms), 1)) for query, ms in by_query.items()),
            key=lambda item: -item[1],
        )[:5]
        figures.errors = sorted({f"{s.status} {s.query}" for s in single + loaded + floor if s.status != 200})
        return figures
    finally:
        stop(server)
        database.drop()
        if args.keep:
            print(f"  kept {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)


def print_report(results: list[Figures], args: argparse.Namespace, started: dt.datetime, load: float) -> None:
    print()
    print(f"Masthead search, {started:%Y-%m-%d %H:%M} UTC, code {code_version()}")
    print(f"machine:  nproc {len(os.sched_getaffinity(0))} ({cpu_model()}), load avg {load:.2f} at start")
    print(
        f"server:   granian --interface asginl --workers {args.workers}, production settings, "
        "no Redis; client on the same machine"
    )
    print(f"queries:  {len(QUERIES)} searches (bench/search.py QUERIES), through GET /search/ over HTTP")
    print()
    header = ("database", "articles", "grow s", "p50 ms", "p90 ms", "p99 ms", "mean ms", "max ms", "q/s")
    rows = [header]
    for r in results:
        for name, s in (("one reader", r.single), (f"{args.concurrency} readers", r.loaded)):
            rows.append(
                (
                    f"{r.database.split(' ')[0]}, {name}",
                    f"{r.articles_indexed:,}",
                    f"{r.grow_seconds:.0f}",
                    f"{s['p50_ms']:.1f}",
                    f"{s['p90_ms']:.1f}",
                    f"{s['p99_ms']:.1f}",
                    f"{s['mean_ms']:.1f}",
                    f"{s['max_ms']:.1f}",
                    f"{s['queries_per_s']:.1f}",
                )
            )
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    for n, row in enumerate(rows):
        print(
            "  ".join(
                [row[0].ljust(widths[0]), *(c.rjust(w) for c, w in zip(row[1:], widths[1:], strict=True))]
            )
        )
        if n == 0:
            print("  ".join("-" * w for w in widths))
    print()
    for r in results:
        one, many = r.single, r.loaded
        print(
            f"{r.database}: {one['requests']} + {many['requests']} requests, "
            f"non-200 answers {one['non_200'] + many['non_200']}; "
            f"other CPU on the machine during the one-reader run: {r.cpu_other_cores:.2f} cores"
        )
        print(
            f"  the page without a search (/search/, form only), one reader: p50 {r.floor['p50_ms']:.1f} ms, "
            f"p99 {r.floor['p99_ms']:.1f} ms"
        )
        print("  slowest queries (median ms): " + ", ".join(f"{q} {ms}" for q, ms in r.slowest))
        if r.errors:
            print("  errors: " + "; ".join(r.errors[:10]))
    print(
        "\n'articles' counts index entries (every indexed page and picture). "
        "'grow s' is how long grow_demo took to write and index the articles."
    )


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=10_000, help="generated articles (default 10000)")
    parser.add_argument(
        "--databases", default="sqlite,postgres", help="comma-separated: sqlite, postgres (default both)"
    )
    parser.add_argument(
        "--postgres-url",
        default=DEFAULT_POSTGRES_URL,
        help=f"database to create, bench on and drop (default {DEFAULT_POSTGRES_URL})",
    )
    parser.add_argument("--drop-existing", action="store_true", help="replace that database if it exists")
    parser.add_argument(
        "--rounds", type=int, default=3, help="one-reader rounds over the queries (default 3)"
    )
    parser.add_argument("--concurrency", type=int, default=4, help="readers in the load phase (default 4)")
    parser.add_argument("--duration", type=float, default=20, help="seconds of the load phase (default 20)")
    parser.add_argument("--workers", type=int, default=2, help="granian worker processes (default 2)")
    parser.add_argument("--json", action="store_true", help="also print the figures as JSON")
    parser.add_argument("--keep", action="store_true", help="keep the temp dirs (logs, SQLite file)")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if not GRANIAN.exists():
        print("bench: .venv is missing; run `make install` first", file=sys.stderr)
        return 2
    wanted = [name.strip() for name in args.databases.split(",") if name.strip()]
    if not wanted or any(name not in ("sqlite", "postgres") for name in wanted):
        print("bench: --databases takes sqlite, postgres or both", file=sys.stderr)
        return 2

    def terminate(signum: int, frame: FrameType | None) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, terminate)
    started, load = dt.datetime.now(dt.UTC), os.getloadavg()[0]
    results: list[Figures] = []
    try:
        for name in wanted:
            url = None if name == "sqlite" else args.postgres_url
            results.append(bench_database("SQLite" if name == "sqlite" else "PostgreSQL", url, args))
    except BenchError as error:
        print(f"bench: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("bench: interrupted", file=sys.stderr)
        return 130
    print_report(results, args, started, load)
    if args.json:
        report: dict[str, Any] = {
            "date": f"{started:%Y-%m-%d %H:%M} UTC",
            "code": code_version(),
            "queries": [path_of(q) for q in QUERIES],
            "results": [asdict(r) for r in results],
        }
        print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
