"""Benchmark the News Feed's live stream: delivery latency to many open pages.

Starts Masthead (embedded settings, a fresh database in a temp dir) under
granian, opens N Server-Sent Events streams from this process (asyncio, raw
sockets), posts items through the ORM, and prints the delay from each post
to its receipt by every subscriber (p50, p99, max), items lost or duplicated,
and the server's memory. A benchmark that prints figures, not a test.

    .venv/bin/python bench/newsfeed.py --subscribers 1000 --items 100
    .venv/bin/python bench/newsfeed.py --scaled --workers 2 --subscribers 5000

``--scaled`` runs the production settings on PostgreSQL (a database
``benchfeed``, dropped and created) and Redis (database 5, flushed), as the
scaled configuration does: the post reaches every worker through Redis.
"""

import argparse
import asyncio
import contextlib
import multiprocessing
import os
import resource
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def rss_mib(pid: int) -> float:
    """Resident memory of a process and its children, in MiB."""
    total = 0
    pids = [pid]
    children = Path(f"/proc/{pid}/task/{pid}/children")
    if children.exists():
        pids += [int(p) for p in children.read_text().split()]
    for p in pids:
        for line in Path(f"/proc/{p}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                total += int(line.split()[1])
    return total / 1024


class Subscriber:
    """One reader's page: an EventSource that reconnects with Last-Event-ID, as browsers do."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.seen: dict[int, float] = {}  # bench item -> when it arrived
        self.duplicates = 0
        self.reconnects = 0
        self.last_id: bytes | None = None

    async def run(self, opened: asyncio.Event, counter: list) -> None:
        first = True
        while True:
            with contextlib.suppress(OSError):
                await self.read(opened if first else None, counter)
            first = False
            self.reconnects += 1
            await asyncio.sleep(0.5)  # the stream's retry: hint is a few seconds; keep the bench short

    async def read(self, opened: asyncio.Event | None, counter: list) -> None:
        reader, writer = await asyncio.open_connection("127.0.0.1", self.port)
        try:
            request = b"GET /news-feed/stream/ HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n"
            if self.last_id is not None:
                request += b"Last-Event-ID: " + self.last_id + b"\r\n"
            writer.write(request + b"\r\n")
            await writer.drain()
            while (await reader.readline()) not in (b"\r\n", b""):
                pass  # response headers
            if opened is not None:
                counter[0] += 1
                if counter[0] == counter[1]:
                    opened.set()
            marker = b"bench-item-"
            while line := await reader.readline():
                if line.startswith(b"id: "):
                    self.last_id = line[4:].strip()
                start = line.find(marker)
                if line.startswith(b"data:") and start != -1:
                    end = line.find(b".", start)
                    key = int(line[start + len(marker) : end])
                    if key in self.seen:
                        self.duplicates += 1
                    else:
                        self.seen[key] = time.time()
        finally:
            writer.close()


async def client(port: int, count: int, pipe) -> None:
    """A client process: ``count`` subscribers; answers the parent's questions on ``pipe``."""
    _, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    opened, counter = asyncio.Event(), [0, count]
    subscribers = [Subscriber(port) for _ in range(count)]
    tasks = [asyncio.create_task(s.run(opened, counter)) for s in subscribers]
    await opened.wait()
    pipe.send("opened")
    while True:
        while not pipe.poll():
            await asyncio.sleep(0.1)
        question = pipe.recv()
        if question == "count":
            pipe.send(sum(len(s.seen) for s in subscribers))
        elif question == "stop":
            for task in tasks:
                task.cancel()
            pipe.send(
                {
                    "arrivals": [(key, when) for s in subscribers for key, when in s.seen.items()],
                    "duplicates": sum(s.duplicates for s in subscribers),
                    "reconnects": sum(s.reconnects for s in subscribers),
                }
            )
            return


def client_process(port: int, count: int, pipe) -> None:
    asyncio.run(client(port, count, pipe))


POSTGRES = "postgres://postgres@127.0.0.1:5432/"
REDIS = "redis://127.0.0.1:6379/5"


def scaled_env() -> dict:
    """Production settings on a fresh PostgreSQL database and an empty Redis database."""
    import psycopg
    import redis

    with psycopg.connect(POSTGRES + "postgres", autocommit=True) as conn:
        conn.execute("DROP DATABASE IF EXISTS benchfeed WITH (FORCE)")
        conn.execute("CREATE DATABASE benchfeed")
    redis.Redis.from_url(REDIS).flushdb()
    return {
        "DJANGO_SETTINGS_MODULE": "masthead.settings.production",
        "SECURE_SSL_REDIRECT": "0",
        "COOKIES_SECURE": "0",
        "SECRET_KEY": "bench-only-secret-key-" + "x" * 40,
        "ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": POSTGRES + "benchfeed",
        "REDIS_URL": REDIS,
    }


def post_items(env: dict, count: int, interval: float, posted: dict) -> None:
    os.environ.update(env)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from masthead.newsfeed.models import NewsItem

    for i in range(count):
        posted[i] = time.time()
        NewsItem.objects.create(text=f"bench-item-{i}. An update for the benchmark.")
        time.sleep(interval)


async def run(args: argparse.Namespace) -> None:
    _, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    tmp = Path(tempfile.mkdtemp(prefix="masthead-bench-feed-"))
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "masthead.settings.embedded",
        "MASTHEAD_VAR_DIR": str(tmp),
        # Every simulated reader comes from 127.0.0.1: lift the per-client cap on open streams.
        "MASTHEAD_STREAMS_PER_CLIENT": "1000000",
    }
    env.pop("DATABASE_URL", None)
    if args.scaled:
        env.update(scaled_env())
    subprocess.run([PYTHON, "manage.py", "migrate", "-v", "0"], cwd=ROOT, env=env, check=True)
    port = free_port()
    server = subprocess.Popen(
        [PYTHON, "-m", "granian", "--interface", "asginl", "--host", "127.0.0.1", "--port", str(port)]
        + ["--workers", str(args.workers), "--log-level", "warning", "--backlog", "4096"]
        + ["--backpressure", str(args.subscribers + 1000)]
        + ["masthead.asgi:application"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
                break
            except OSError:
                time.sleep(0.2)
        memory_idle = rss_mib(server.pid)
        shares = [
            args.subscribers // args.clients + (i < args.subscribers % args.clients)
            for i in range(args.clients)
        ]
        pipes, clients = [], []
        opening = time.time()
        for share in shares:
            ours, theirs = multiprocessing.Pipe()
            process = multiprocessing.Process(target=client_process, args=(port, share, theirs), daemon=True)
            process.start()
            pipes.append(ours)
            clients.append(process)
        for pipe in pipes:
            if not pipe.poll(args.connect_timeout):
                print(f"not every stream opened within {args.connect_timeout}s")
                raise SystemExit(1)
            pipe.recv()
        print(f"opened      {args.subscribers} streams in {time.time() - opening:.1f}s", flush=True)
        await asyncio.sleep(1)
        memory_open = rss_mib(server.pid)

        print(f"memory      server RSS with the streams open: {memory_open:.0f} MiB; posting", flush=True)
        posted: dict[int, float] = {}
        poster = threading.Thread(target=post_items, args=(env, args.items, args.interval, posted))
        poster.start()
        while poster.is_alive():
            await asyncio.sleep(0.2)
        expected = args.items * args.subscribers
        deadline = time.time() + args.grace
        while time.time() < deadline:
            for pipe in pipes:
                pipe.send("count")
            if sum(pipe.recv() for pipe in pipes) >= expected:
                break
            await asyncio.sleep(0.5)
        memory_after = rss_mib(server.pid)
        results = []
        for pipe in pipes:
            pipe.send("stop")
            results.append(pipe.recv())
        for process in clients:
            process.join(timeout=10)

        delays = sorted(when - posted[key] for r in results for key, when in r["arrivals"] if key in posted)
        duplicates = sum(r["duplicates"] for r in results)
        reconnects = sum(r["reconnects"] for r in results)
        lost = expected - len(delays)
        q = statistics.quantiles(delays, n=100) if len(delays) > 1 else [0] * 99
        print(
            f"subscribers {args.subscribers}, items {args.items} every {args.interval}s, "
            f"granian asginl x{args.workers}, "
            + ("production: PostgreSQL + Redis pub/sub" if args.scaled else "embedded SQLite")
            + f", poll {os.environ.get('NEWSFEED_POLL_SECONDS', '0.25')}s"
        )
        print(
            f"deliveries  {len(delays)} of {expected}; lost {lost}; duplicated {duplicates}; "
            f"reconnections {reconnects} ({args.clients} client processes)"
        )
        if delays:
            print(f"latency ms  p50 {q[49] * 1000:.0f}  p99 {q[98] * 1000:.0f}  max {delays[-1] * 1000:.0f}")
        print(
            f"server RSS  idle {memory_idle:.0f} MiB, {args.subscribers} open {memory_open:.0f} MiB, "
            f"after posting {memory_after:.0f} MiB"
        )
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--subscribers", type=int, default=1000)
    parser.add_argument("--items", type=int, default=100)
    parser.add_argument("--interval", type=float, default=0.1, help="seconds between posts")
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--scaled", action="store_true", help="PostgreSQL + Redis, production settings")
    parser.add_argument("--connect-timeout", type=float, default=120)
    parser.add_argument("--clients", type=int, default=2, help="client processes sharing the subscribers")
    parser.add_argument("--grace", type=float, default=60, help="seconds to wait for late deliveries")
    asyncio.run(run(parser.parse_args()))


if __name__ == "__main__":
    main()
