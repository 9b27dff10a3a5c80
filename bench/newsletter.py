"""Benchmark newsletter sending: one digest to many confirmed subscribers through a local SMTP sink.

Sets up a fresh newsroom (embedded SQLite in a temp dir, or PostgreSQL with
``--postgres``), adds N confirmed subscribers and a digest composed from a
few articles and News Feed items, starts W ``manage.py worker`` processes,
starts the send and prints messages per second, each worker's peak resident
memory, and how many subscribers the sink received exactly once (must be all).
A benchmark that prints figures, not a test.

The sink is Postfix's ``smtp-sink`` (Debian package ``postfix``), a C server
fast enough not to be what is measured; it appends every transaction to a
dump file, whose ``X-Rcpt-Args`` lines are counted per address. Without it,
a small asyncio sink in this file counts recipients instead (slower; the
output says which one ran).

    .venv/bin/python bench/newsletter.py --subscribers 100000 --workers 2
"""

import argparse
import asyncio
import collections
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
SMTP_SINK = shutil.which("smtp-sink") or "/usr/sbin/smtp-sink"
SHM = Path("/dev/shm")  # noqa: S108 (mkdtemp makes a private directory in it)

SETUP = """
import django, json, time
django.setup()
from django.utils import timezone
from masthead.articles.tests.factories import ArticleFactory, SectionFactory, hours_ago, paragraph
from masthead.newsfeed.models import NewsItem
from masthead.newsletters.composer import compose_issue
from masthead.newsletters.models import NewsletterList, Subscriber, Subscription
section = SectionFactory(title="City", slug="city")
for n in range(6):
    ArticleFactory(parent=section, title=f"Council story number {{n}} about the new tram depot",
                   standfirst="The city council approved the budget for the depot after a long debate.",
                   body=[paragraph("Text. " * 50)], published_at=hours_ago(n + 1))
for n in range(10):
    NewsItem.objects.create(text=f"Update {{n}}: power is back in the eastern districts after the repairs.",
                            posted_at=timezone.now() - timezone.timedelta(minutes=10 * n + 5))
daily = NewsletterList.objects.create(name="Korvany Daily", slug="daily", sender_name="The Korvany Ledger",
                                      sender_email="daily@ledger.example")
started = time.monotonic()
step = 5000
for start in range(0, {count}, step):
    made = Subscriber.objects.bulk_create(
        [Subscriber(email=f"reader{{n}}@bench.example", status="confirmed", confirmed_at=timezone.now())
         for n in range(start, min(start + step, {count}))]
    )
    ids = Subscriber.objects.filter(email__in=[s.email for s in made]).values_list("pk", flat=True)
    Subscription.objects.bulk_create([Subscription(subscriber_id=pk, newsletter_list=daily) for pk in ids])
issue = compose_issue(daily)
issue.intro = "Good morning. The council met, the trams run, and the lights are back on."
issue.save()
print(json.dumps({{"issue": issue.pk, "items": issue.items.count(), "setup_s": time.monotonic() - started}}))
"""

START = """
import django, json, time
django.setup()
from masthead.newsletters.models import Issue
from masthead.newsletters.sending import start_sending
start_sending(Issue.objects.get(pk={pk}))
print(json.dumps({{"started": time.time()}}))
"""

PROGRESS = """
import django, json
django.setup()
from django.db.models import Max, Min
from masthead.newsletters.models import Issue
issue = Issue.objects.get(pk={pk})
d = issue.deliveries.aggregate(first=Min("claimed_at"), last=Max("sent_at"))
times = {{"first": d["first"].timestamp(), "last": d["last"].timestamp()}}
print(json.dumps({{"status": issue.status, **issue.progress(), **times}}))
"""


def issue_status(env: dict, workdir: Path, issue: int) -> str:
    """Read the issue's status straight from the database (cheaper than starting Django)."""
    query = "SELECT status FROM newsletters_issue WHERE id = %s"
    if env["DJANGO_SETTINGS_MODULE"].endswith("production"):
        import psycopg

        with psycopg.connect(env["DATABASE_URL"]) as conn:
            return conn.execute(query, (issue,)).fetchone()[0]
    import sqlite3

    with sqlite3.connect(workdir / "masthead.sqlite3", timeout=30) as conn:
        return conn.execute(query.replace("%s", "?"), (issue,)).fetchone()[0]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def rss_mib(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except FileNotFoundError:
        pass
    return 0.0


def peak_rss_mib(pid: int) -> float:
    """The kernel's high-water mark of the process's resident memory (VmHWM), in MiB."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except FileNotFoundError:
        pass
    return 0.0


def cpu_seconds(pid: int) -> float:
    """User plus system CPU time a process has used so far (0 once it is gone)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except FileNotFoundError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def python(env: dict, code: str) -> dict:
    result = subprocess.run([PYTHON, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True)
    if result.returncode:
        sys.exit(result.stderr[-3000:])
    return json.loads(result.stdout.strip().splitlines()[-1])


class CountingSink:
    """A minimal asyncio SMTP sink (the fallback when smtp-sink is missing): counts RCPT TO."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.recipients: collections.Counter = collections.Counter()
        self.loop = asyncio.new_event_loop()
        threading.Thread(target=self.loop.run_forever, daemon=True).start()
        asyncio.run_coroutine_threadsafe(self.serve(), self.loop).result()

    async def serve(self) -> None:
        self.server = await asyncio.start_server(self.session, "127.0.0.1", self.port)

    async def session(self, reader, writer) -> None:
        writer.write(b"220 sink ESMTP\r\n")
        while line := await reader.readline():
            verb = line[:4].upper()
            if verb == b"DATA":
                writer.write(b"354 go ahead\r\n")
                while await reader.readline() not in (b".\r\n", b""):
                    pass
                writer.write(b"250 ok\r\n")
            elif verb == b"RCPT":
                self.recipients[line.split(b"<", 1)[1].split(b">", 1)[0].decode().lower()] += 1
                writer.write(b"250 ok\r\n")
            elif verb == b"QUIT":
                writer.write(b"221 bye\r\n")
                break
            elif verb == b"EHLO":
                writer.write(b"250-sink\r\n250 8BITMIME\r\n")
            else:
                writer.write(b"250 ok\r\n")
            await writer.drain()
        writer.close()

    def counts(self) -> collections.Counter:
        return self.recipients

    @property
    def pid(self) -> int:
        return os.getpid()  # it runs in this process

    def stop(self) -> None:
        self.loop.call_soon_threadsafe(self.server.close)


class PostfixSink:
    """Postfix's smtp-sink, appending every transaction to one dump file."""

    RCPT = re.compile(rb"^X-Rcpt-Args: (?:TO:)?<([^>]+)>", re.IGNORECASE)

    def __init__(self, port: int, dump_dir: Path, dump: bool = True) -> None:
        self.dump = dump_dir / "sink.dump" if dump else None
        dump_dir.chmod(0o777)
        command = [SMTP_SINK, "-m", "64"] + (["-D", str(self.dump)] if dump else [])
        if os.geteuid() == 0:
            command += ["-u", "nobody"]
        self.process = subprocess.Popen([*command, f"127.0.0.1:{port}", "256"])
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                return
            except OSError:
                time.sleep(0.1)
        sys.exit("smtp-sink did not start")

    @property
    def pid(self) -> int:
        return self.process.pid

    def counts(self) -> collections.Counter:
        counts: collections.Counter = collections.Counter()
        if self.dump is None:
            return counts
        with self.dump.open("rb") as dump:
            for line in dump:
                if line.startswith(b"X-Rcpt-Args:"):
                    match = self.RCPT.match(line)
                    if match:
                        counts[match.group(1).decode().lower()] += 1
        return counts

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--subscribers", type=int, default=100_000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--batch", type=int, default=200, help="messages per claimed batch")
    parser.add_argument(
        "--postgres", metavar="ADMIN_URL", help="e.g. postgres://postgres@127.0.0.1:5432/postgres"
    )
    parser.add_argument(
        "--db-prefix",
        default="masthead_newsletters_bench_",
        help="name prefix of the PostgreSQL database made",
    )
    parser.add_argument("--sink", choices=["auto", "postfix", "python"], default="auto")
    parser.add_argument(
        "--no-dump", action="store_true", help="smtp-sink only counts (faster); exactly-once is not checked"
    )
    args = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="masthead-bench-newsletter-"))
    port = free_port()
    use_postfix = args.sink == "postfix" or (args.sink == "auto" and os.path.exists(SMTP_SINK))
    # The sink's dump (every message, about 1.5 GB for 100,000) goes to memory
    # when it can: written to disk it cost the sink more CPU than receiving.
    dump_dir = Path(tempfile.mkdtemp(prefix="masthead-bench-sink-", dir=SHM if SHM.is_dir() else None))
    sink = PostfixSink(port, dump_dir, dump=not args.no_dump) if use_postfix else CountingSink(port)
    env = {
        **os.environ,
        "MASTHEAD_VAR_DIR": str(workdir),
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(port),
        "NEWSLETTER_BATCH_SIZE": str(args.batch),
        "NEWSLETTER_SENDERS": str(args.workers),
    }
    database = None
    if args.postgres:
        import psycopg

        database = f"{args.db_prefix}{uuid.uuid4().hex[:8]}"
        with psycopg.connect(args.postgres, autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{database}"')
        env |= {
            "DJANGO_SETTINGS_MODULE": "masthead.settings.production",
            "SECURE_SSL_REDIRECT": "0",
            "COOKIES_SECURE": "0",
            "SECRET_KEY": uuid.uuid4().hex * 2,
            "ALLOWED_HOSTS": "127.0.0.1",
            "DATABASE_URL": args.postgres.rsplit("/", 1)[0] + "/" + database,
        }
        env.pop("REDIS_URL", None)
        label = "PostgreSQL, database task queue"
    else:
        env["DJANGO_SETTINGS_MODULE"] = "masthead.settings.embedded"
        env.pop("DATABASE_URL", None)
        label = "embedded SQLite, database task queue"

    # The digest's articles are published in the setup: their narrations would keep the
    # workers busy (and the narration engine in their memory) while they send.
    env["AUDIO_NARRATE_ON_PUBLISH"] = "0"
    workers: list[subprocess.Popen] = []
    try:
        subprocess.run(
            [PYTHON, "manage.py", "migrate", "--noinput", "-v", "0"], cwd=ROOT, env=env, check=True
        )
        setup = python(env, SETUP.format(count=args.subscribers))
        print(
            f"setup: {args.subscribers} confirmed subscribers, a digest of {setup['items']} items "
            f"({setup['setup_s']:.0f}s)",
            flush=True,
        )
        logs = [workdir / f"worker{n}.log" for n in range(args.workers)]
        for log in logs:
            with log.open("wb") as output:
                workers.append(
                    subprocess.Popen(
                        [PYTHON, "manage.py", "worker", "--no-clock"],
                        cwd=ROOT,
                        env=env | {"PYTHONUNBUFFERED": "1"},
                        stdout=output,
                        stderr=subprocess.STDOUT,
                        start_new_session=True,
                    )
                )
        # Every worker must be up before the send starts, or the first takes all the work.
        deadline = time.monotonic() + 180
        while not all(b"Worker started" in log.read_bytes() for log in logs):
            if time.monotonic() > deadline or any(w.poll() is not None for w in workers):
                sys.exit("the workers did not start: " + logs[0].read_text()[-3000:])
            time.sleep(0.5)
        time.sleep(3)  # and polling the queue
        idle = [rss_mib(w.pid) for w in workers]
        peak = list(idle)
        cpu_before = [cpu_seconds(w.pid) for w in workers] + [cpu_seconds(sink.pid)]
        loads = [os.getloadavg()[0]]
        started = python(env, START.format(pk=setup["issue"]))["started"]
        last_check = last_load = 0.0
        status = "sending"
        while status != "sent":
            time.sleep(0.2)
            peak = [max(p, rss_mib(w.pid)) for p, w in zip(peak, workers, strict=True)]
            if time.monotonic() - last_load > 5:
                loads.append(os.getloadavg()[0])
                last_load = time.monotonic()
            if any(w.poll() is not None for w in workers):
                sys.exit("a worker died: " + "".join(log.read_text()[-3000:] for log in logs))
            if time.monotonic() - last_check > 1:
                status = issue_status(env, workdir, setup["issue"])
                last_check = time.monotonic()
        finished = time.time()
        # The sampled peak can miss a short spike; the kernel's high-water mark cannot.
        peak = [max(p, peak_rss_mib(w.pid)) for p, w in zip(peak, workers, strict=True)]
        cpu_after = [cpu_seconds(w.pid) for w in workers] + [cpu_seconds(sink.pid)]
        loads.append(os.getloadavg()[0])
        state = python(env, PROGRESS.format(pk=setup["issue"]))
    finally:
        for worker in workers:
            if worker.poll() is None:
                os.killpg(worker.pid, signal.SIGTERM)
        for worker in workers:
            try:
                worker.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(worker.pid, signal.SIGKILL)
                worker.wait()
        time.sleep(0.5)
        sink.stop()
        if database:
            import psycopg

            with psycopg.connect(args.postgres, autocommit=True) as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')

    counts = sink.counts()
    once = sum(1 for c in counts.values() if c == 1)
    twice = sum(1 for c in counts.values() if c > 1)
    sending_seconds = state["last"] - state["first"]
    print(
        f"configuration: {label}; {args.workers} workers; batches of {args.batch}; sink: "
        f"{'postfix smtp-sink' if use_postfix else 'asyncio counting sink (smtp-sink not installed)'}"
    )
    print(f"sent {state['sent']} of {args.subscribers}; failed {state['failed']}; unknown {state['unknown']}")
    print(
        f"time: {sending_seconds:.1f}s from first claim to last copy recorded "
        f"({finished - started:.1f}s from the editor's click to 'sent')"
    )
    print(
        f"throughput: {state['sent'] / sending_seconds:.0f} messages/s "
        f"({state['sent'] / (finished - started):.0f}/s end to end)"
    )
    print(
        "worker RSS MiB: idle "
        + ", ".join(f"{m:.0f}" for m in idle)
        + "; peak "
        + ", ".join(f"{m:.0f}" for m in peak)
    )
    cpu = [after - before for before, after in zip(cpu_before, cpu_after, strict=True)]
    print(
        "CPU per message (user + system): workers "
        + " + ".join(f"{1000 * c / max(state['sent'], 1):.2f}" for c in cpu[:-1])
        + f" ms, sink {1000 * cpu[-1] / max(state['sent'], 1):.2f} ms"
    )
    print(
        f"load average (1 min) while sending, on {os.cpu_count()} CPUs: "
        f"min {min(loads):.1f}, mean {sum(loads) / len(loads):.1f}, max {max(loads):.1f}"
    )
    if counts:
        print(
            f"sink: {sum(counts.values())} messages; delivered exactly once {once} of {args.subscribers}; "
            f"more than once {twice}; missing {args.subscribers - len(counts)}"
        )
    else:
        print("sink: not dumped (--no-dump), exactly-once not checked")
    shutil.rmtree(workdir, ignore_errors=True)
    shutil.rmtree(dump_dir, ignore_errors=True)
    if counts and (once != args.subscribers or state["sent"] != args.subscribers):
        sys.exit("FAILED: not every subscriber got exactly one copy")


if __name__ == "__main__":
    main()
