"""Requests/s and latency of Masthead's home and article pages, next to nginx.

Builds a throw-away copy of the demo newsroom in a temp dir (the developer's
``var/`` database, uploads and static files are not touched), serves it with
granian under the production settings, loads the home page and one article
with ``wrk``, then serves the same article HTML as a static file from nginx and
loads that too. Prints figures; it is a measurement, not a pass/fail test.

    .venv/bin/python bench/pages.py [--interface asginl|wsgi] [--workers 2]
        [--duration 10] [--database-url postgres://postgres@127.0.0.1:5432/masthead_bench]
        [--json] [--save]

See bench/README.md.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import http.client
import json
import os
import platform
import re
import resource
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from types import FrameType
from typing import Any
from urllib.parse import urlsplit

REPO = Path(__file__).resolve().parent.parent
VENV_BIN = REPO / ".venv" / "bin"
PYTHON = VENV_BIN / "python"
GRANIAN = VENV_BIN / "granian"
HOST = "127.0.0.1"
BENCH_SECRET_KEY = "bench-secret-key-" + "x" * 42  # noqa: S105 - a throw-away key for a local bench
WRK_THREADS = 2
WRK_CONNECTIONS = 32
WARMUP_ROUNDS = 5
APPS = {"asginl": "masthead.asgi:application", "wsgi": "masthead.wsgi:application"}
# Environment variables that would change what is measured if the caller had them set.
DROPPED_ENV_PREFIXES = ("GRANIAN_", "DJANGO_", "REDIS_URL", "WAGTAILADMIN_BASE_URL", "DATABASE_URL")

# load_demo keeps the demo admin's password in settings.VAR_DIR: on a fresh
# database it would overwrite the developer's var/admin-password.txt with a
# password that only exists in the bench database. MASTHEAD_VAR_DIR points
# VAR_DIR at the temp dir instead.

# With --log-errors the server runs with these settings: production, plus a
# handler that writes Django's request errors (500s) into the server log.
LOG_ERRORS_SETTINGS = """from masthead.settings.production import *  # noqa: F403

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"stderr": {"class": "logging.StreamHandler"}},
    "loggers": {"django.request": {"handlers": ["stderr"], "level": "ERROR", "propagate": False}},
}
"""


class BenchError(RuntimeError):
    """Something the benchmark needs did not work; the message says what."""


@dataclass
class WrkResult:
    target: str
    url: str
    requests_per_sec: float
    requests: int
    seconds: float
    latency_ms: dict[str, float]  # "50", "75", "90", "99"
    non_2xx_3xx: int = 0
    socket_errors: dict[str, int] = field(
        default_factory=lambda: {"connect": 0, "read": 0, "write": 0, "timeout": 0}
    )
    page_bytes: int = 0
    # CPU used while wrk ran, in cores (2.0 = both cores of a 2-core machine busy):
    # the server under test, wrk itself, PostgreSQL (if it runs here) and everything else.
    cpu_cores: dict[str, float] = field(default_factory=dict)

    @property
    def ok_per_sec(self) -> float:
        """Requests/s that got a 2xx or 3xx answer (wrk's req/s counts the 4xx/5xx too)."""
        return (self.requests - self.non_2xx_3xx) / self.seconds if self.seconds else 0.0

    @property
    def errors(self) -> int:
        return self.non_2xx_3xx + sum(self.socket_errors.values())

    def errors_text(self) -> str:
        parts = [f"non-2xx/3xx {self.non_2xx_3xx}"] if self.non_2xx_3xx else []
        parts += [f"{name} {count}" for name, count in self.socket_errors.items() if count]
        return ", ".join(parts) or "0"


# ---------------------------------------------------------------- wrk output


UNIT_TO_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0, "h": 3_600_000.0}


def duration_ms(text: str) -> float:
    """``'812.00us'`` -> 0.812, ``'1.20s'`` -> 1200.0 (wrk's latency units)."""
    match = re.fullmatch(r"([\d.]+)(us|ms|s|m|h)", text.strip())
    if not match:
        raise ValueError(f"not a wrk duration: {text!r}")
    return float(match[1]) * UNIT_TO_MS[match[2]]


def parse_wrk(output: str, target: str, url: str) -> WrkResult:
    """Read requests/s, the --latency distribution and the error counts."""
    rps = re.search(r"^Requests/sec:\s+([\d.]+)", output, re.M)
    total = re.search(r"^\s*(\d+) requests in ([\d.]+)(us|ms|s|m|h)", output, re.M)
    if not rps or not total:
        raise BenchError(f"could not read wrk's output:\n{output}")
    latency = {
        pct: duration_ms(value) for pct, value in re.findall(r"^\s+(50|75|90|99)%\s+(\S+)", output, re.M)
    }
    result = WrkResult(
        target=target,
        url=url,
        requests_per_sec=float(rps[1]),
        requests=int(total[1]),
        seconds=duration_ms(total[2] + total[3]) / 1000,
        latency_ms=latency,
    )
    socket_errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    if socket_errors:
        result.socket_errors = dict(
            zip(("connect", "read", "write", "timeout"), map(int, socket_errors.groups()), strict=True)
        )
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    if non_2xx:
        result.non_2xx_3xx = int(non_2xx[1])
    return result


def run_wrk(
    target: str, url: str, duration: int, server_pgid: int, timeout: float | None = None
) -> WrkResult:
    command = [
        "wrk",
        f"-t{WRK_THREADS}",
        f"-c{WRK_CONNECTIONS}",
        f"-d{duration}s",
        "--latency",
        *([f"--timeout={timeout:g}s"] if timeout else []),
        url,
    ]
    print(f"  wrk {target}: {url} ...", flush=True)
    busy_before, (server_before, db_before) = machine_busy_seconds(), processes_cpu_seconds(server_pgid)
    children_before, wall_before = children_cpu_seconds(), time.monotonic()
    done = subprocess.run(command, capture_output=True, text=True, timeout=duration + 60, check=False)
    wall = time.monotonic() - wall_before
    busy, (server, db) = machine_busy_seconds() - busy_before, processes_cpu_seconds(server_pgid)
    server, db = server - server_before, db - db_before
    wrk = children_cpu_seconds() - children_before
    if done.returncode != 0:
        raise BenchError(f"wrk failed ({done.returncode}):\n{done.stdout}{done.stderr}")
    result = parse_wrk(done.stdout, target, url)
    result.cpu_cores = {
        "server": round(server / wall, 2),
        "wrk": round(wrk / wall, 2),
        "postgres": round(db / wall, 2),
        "other": round(max(busy - server - wrk - db, 0) / wall, 2),
    }
    return result


# ---------------------------------------------------------------- CPU accounting


CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def machine_busy_seconds() -> float:
    """CPU seconds spent by the whole machine (all cores) outside idle and iowait."""
    fields = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:9]]
    user, nice, system, idle, iowait, irq, softirq, steal = fields
    return (user + nice + system + irq + softirq + steal) / CLOCK_TICKS


def processes_cpu_seconds(pgid: int) -> tuple[float, float]:
    """CPU seconds used so far by (the processes of group ``pgid``, PostgreSQL's processes).

    Each process counts with the children it has reaped, so PostgreSQL backends
    that come and go during a run stay counted through the postmaster.
    """
    group = postgres = 0
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        comm = stat[stat.index("(") + 1 : stat.rindex(")")]
        fields = stat.rsplit(")", 1)[1].split()  # fields[0] is the state, man 5 proc
        ticks = sum(int(v) for v in fields[11:15])  # utime, stime, cutime, cstime
        if int(fields[2]) == pgid:
            group += ticks
        elif comm == "postgres":
            postgres += ticks
    return group / CLOCK_TICKS, postgres / CLOCK_TICKS


def children_cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


# ---------------------------------------------------------------- helpers


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def http_get(port: int, path: str, timeout: float = 30) -> tuple[int, dict[str, str], bytes]:
    """One GET that does not follow redirects: (status, headers, body)."""
    conn = http.client.HTTPConnection(HOST, port, timeout=timeout)
    try:
        conn.request("GET", path, headers={"Host": f"{HOST}:{port}"})
        response = conn.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        conn.close()


def get_ok(port: int, path: str) -> bytes:
    status, headers, body = http_get(port, path)
    if status != 200:
        where = f" -> {headers.get('Location')}" if "Location" in headers else ""
        raise BenchError(f"GET {path} answered {status}{where}, expected 200")
    return body


def wait_until_up(
    proc: subprocess.Popen[bytes], port: int, log: Path, path: str = "/", timeout: float = 60
) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise BenchError(f"the server exited with {proc.returncode}:\n{tail(log)}")
        with contextlib.suppress(OSError, http.client.HTTPException):
            http_get(port, path, timeout=5)
            return
        time.sleep(0.2)
    raise BenchError(f"nothing answered on port {port} after {timeout:.0f}s:\n{tail(log)}")


def tail(path: Path, lines: int = 30) -> str:
    if not path.exists():
        return ""
    return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])


def start(command: list[str], env: dict[str, str] | None, log: Path) -> subprocess.Popen[bytes]:
    """Start a process in its own process group, output into ``log``."""
    with log.open("ab") as out:
        return subprocess.Popen(
            command,
            cwd=REPO,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )


def stop(proc: subprocess.Popen[bytes] | None, sig: int = signal.SIGTERM) -> None:
    """Stop a process started by ``start`` and everything in its group (granian's workers)."""
    if proc is None:
        return
    if proc.poll() is None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, sig)
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=5)
    # A worker of the group may outlive its parent: make sure none is left.
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(proc.pid, signal.SIGKILL)


def log_summary(path: Path) -> str:
    """``'(empty)'``, or its size, its errors and the distinct exception types named in it."""
    lines = path.read_text(errors="replace").splitlines() if path.exists() else []
    if not lines:
        return "(empty)"
    granian = sum(line.startswith(("[ERROR]", "[CRITICAL]")) for line in lines)
    django = sum(line.startswith("Internal Server Error:") for line in lines)
    kinds = sorted({m[1] for line in lines if (m := re.match(r"^([\w.]+(?:Error|Exception))\b", line))})
    summary = f"{len(lines)} lines, {granian} granian [ERROR] entries"
    if django:
        summary += f", {django} Django 'Internal Server Error' entries"
    return summary + (f"; exceptions: {', '.join(kinds)}" if kinds else "")


def output_of(command: list[str]) -> str:
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=30, check=False, cwd=REPO)
    except OSError:
        return "?"
    return (done.stdout + done.stderr).strip()


def pick_article(port: int, home_html: str) -> str:
    """The first /section/slug/ link on the home page whose page says "min read"."""
    seen: list[str] = []
    for href in re.findall(r'href="(/[^/"?#]+/[^/"?#]+/)"', home_html):
        if href in seen or href.startswith(("/admin/", "/static/", "/media/", "/documents/")):
            continue
        seen.append(href)
        status, _, body = http_get(port, href)
        if status == 200 and b"min read" in body:
            return href
        if len(seen) >= 20:
            break
    raise BenchError(f"no article link on the home page (looked at {seen})")


# ---------------------------------------------------------------- database


@dataclass
class Database:
    url: str
    label: str
    postgres: dict[str, str] | None = None  # host, port, user, name, password
    created: bool = False

    @classmethod
    def from_option(cls, url: str | None, tmp: Path) -> Database:
        if not url:
            path = tmp / "bench.sqlite3"
            return cls(url=f"sqlite:///{path}", label="SQLite (temp file)")
        parts = urlsplit(url)
        if parts.scheme not in ("postgres", "postgresql"):
            raise BenchError(f"--database-url must be postgres://...; got {parts.scheme}://")
        name = parts.path.lstrip("/")
        if not name:
            raise BenchError("--database-url needs a database name, e.g. .../masthead_bench")
        pg = {
            "host": parts.hostname or HOST,
            "port": str(parts.port or 5432),
            "user": parts.username or "postgres",
            "name": name,
            "password": parts.password or "",
        }
        label = f"PostgreSQL {name} at {pg['host']}:{pg['port']}"
        return cls(url=url, label=label, postgres=pg)

    def _pg(self, tool: str, *args: str) -> subprocess.CompletedProcess[str]:
        assert self.postgres
        pg = self.postgres
        env = {**os.environ, "PGPASSWORD": pg["password"]} if pg["password"] else None
        command = [tool, "-h", pg["host"], "-p", pg["port"], "-U", pg["user"], *args]
        return subprocess.run(command, capture_output=True, text=True, env=env, timeout=120, check=False)

    def create(self, drop_existing: bool) -> None:
        if not self.postgres:
            return
        name = self.postgres["name"]
        done = self._pg("createdb", name)
        if done.returncode != 0 and "already exists" in done.stderr and drop_existing:
            print(f"  database {name} exists: dropping it (--drop-existing)")
            self._pg("dropdb", "--force", name)
            done = self._pg("createdb", name)
        if done.returncode != 0:
            hint = " (pass --drop-existing to replace it)" if "already exists" in done.stderr else ""
            raise BenchError(f"createdb {name} failed{hint}: {done.stderr.strip()}")
        self.created = True

    def drop(self) -> None:
        if self.postgres and self.created:
            done = self._pg("dropdb", "--if-exists", "--force", self.postgres["name"])
            if done.returncode != 0:
                print(f"warning: dropdb {self.postgres['name']} failed: {done.stderr.strip()}")


def bench_env(tmp: Path, database: Database) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(DROPPED_ENV_PREFIXES)}
    env.update(
        DJANGO_SETTINGS_MODULE="masthead.settings.production",
        SECURE_SSL_REDIRECT="0",
        COOKIES_SECURE="0",
        SECRET_KEY=BENCH_SECRET_KEY,
        ALLOWED_HOSTS=f"{HOST},localhost",
        DATABASE_URL=database.url,
        MEDIA_ROOT=str(tmp / "media"),
        STATIC_ROOT=str(tmp / "static"),
        SERVE_MEDIA="1",
        MASTHEAD_VAR_DIR=str(tmp / "var"),
        PYTHONDONTWRITEBYTECODE="1",
    )
    return env


def effective_caches(env: dict[str, str]) -> str:
    """The cache backends the settings pick for this environment, e.g. ``default=DatabaseCache``."""
    code = (
        "import django; django.setup(); from django.conf import settings; "
        "print(', '.join(f\"{k}={v['BACKEND'].rsplit('.', 1)[-1]}\" for k, v in settings.CACHES.items()))"
    )
    done = subprocess.run(
        [str(PYTHON), "-c", code], cwd=REPO, env=env, capture_output=True, text=True, timeout=60, check=False
    )
    return done.stdout.strip() or "?"


def prepare(env: dict[str, str], tmp: Path, log: Path) -> None:
    (tmp / "var").mkdir()
    steps = [
        ["manage.py", "migrate", "--noinput"],
        ["manage.py", "createcachetable"],
        ["manage.py", "collectstatic", "--noinput"],
        ["manage.py", "load_demo"],
    ]
    for step in steps:
        name = " ".join(step[1:])
        print(f"  {name} ...", flush=True)
        with log.open("ab") as out:
            out.write(f"\n$ {name}\n".encode())
            out.flush()
            done = subprocess.run(
                [str(PYTHON), *step],
                cwd=REPO,
                env=env,
                stdout=out,
                stderr=subprocess.STDOUT,
                timeout=900,
                check=False,
            )
        if done.returncode != 0:
            raise BenchError(f"{name} failed ({done.returncode}):\n{tail(log)}")


# ---------------------------------------------------------------- nginx


def nginx_conf(tmp: Path, port: int) -> Path:
    user = "user root;\n" if os.geteuid() == 0 else ""
    conf = tmp / "nginx.conf"
    conf.write_text(
        f"""{user}daemon off;
worker_processes 2;
pid {tmp}/nginx.pid;
error_log {tmp}/nginx-error.log warn;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    sendfile on;
    tcp_nopush on;
    types {{ text/html html; }}
    default_type application/octet-stream;
    client_body_temp_path {tmp}/nginx-tmp/body;
    proxy_temp_path {tmp}/nginx-tmp/proxy;
    fastcgi_temp_path {tmp}/nginx-tmp/fastcgi;
    uwsgi_temp_path {tmp}/nginx-tmp/uwsgi;
    scgi_temp_path {tmp}/nginx-tmp/scgi;
    server {{
        listen {HOST}:{port};
        root {tmp}/static_html;
        index index.html;
    }}
}}
"""
    )
    (tmp / "nginx-tmp").mkdir(exist_ok=True)
    return conf


# ---------------------------------------------------------------- report


def machine_info() -> dict[str, Any]:
    return {
        "nproc": len(os.sched_getaffinity(0)),
        "cpu": cpu_model(),
        "os": f"{platform.system()} {platform.release()} {platform.machine()}",
        "python": output_of([str(PYTHON), "-c", "import platform; print(platform.python_version())"]),
        "granian": output_of([str(GRANIAN), "--version"]).removeprefix("granian "),
        "wrk": output_of(["wrk", "--version"]).split(" [")[0].removeprefix("wrk "),
        "nginx": output_of(["nginx", "-v"]).removeprefix("nginx version: nginx/"),
    }


def cpu_model() -> str:
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    return platform.processor() or "?"


def code_version() -> str:
    commit = output_of(["git", "rev-parse", "--short", "HEAD"])
    dirty = output_of(["git", "status", "--porcelain", "--untracked-files=no", "--", "masthead"])
    return commit + (" + uncommitted changes in masthead/" if dirty else "")


def table(results: list[WrkResult]) -> str:
    header = (
        "target",
        "req/s",
        "ok req/s",
        "p50 ms",
        "p90 ms",
        "p99 ms",
        "requests",
        "page KiB",
        "CPU server",
        "CPU wrk",
        "CPU pg",
        "CPU other",
        "errors",
    )
    rows = [header]
    for r in results:
        rows.append(
            (
                r.target,
                f"{r.requests_per_sec:,.1f}",
                f"{r.ok_per_sec:,.1f}",
                f"{r.latency_ms.get('50', 0):.2f}",
                f"{r.latency_ms.get('90', 0):.2f}",
                f"{r.latency_ms.get('99', 0):.2f}",
                f"{r.requests:,}",
                f"{r.page_bytes / 1024:.1f}",
                *(f"{r.cpu_cores.get(k, 0):.2f}" for k in ("server", "wrk", "postgres", "other")),
                r.errors_text(),
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    lines = []
    for n, row in enumerate(rows):
        cells = [row[0].ljust(widths[0])] + [c.rjust(w) for c, w in zip(row[1:-1], widths[1:-1], strict=True)]
        lines.append("  ".join([*cells, row[-1]]).rstrip())
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


# ---------------------------------------------------------------- main


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--interface", choices=sorted(APPS), default="asginl", help="granian interface")
    parser.add_argument("--workers", type=int, default=2, help="granian worker processes (default 2)")
    parser.add_argument("--duration", type=int, default=10, help="seconds per wrk run (default 10)")
    parser.add_argument(
        "--database-url",
        help="postgres://user@host:port/name: create that database, bench on it, drop it "
        "(default: SQLite in the temp dir)",
    )
    parser.add_argument(
        "--drop-existing", action="store_true", help="replace the PostgreSQL database if it already exists"
    )
    parser.add_argument(
        "--wrk-timeout",
        type=float,
        help="seconds before wrk gives up on a response and counts a timeout (wrk's default: 2); "
        "timed-out requests are left out of wrk's latency distribution",
    )
    parser.add_argument(
        "--log-errors",
        action="store_true",
        help="log Django's request errors (500s) with their tracebacks into the server log "
        "(production settings log nothing when DEBUG is off)",
    )
    parser.add_argument("--json", action="store_true", help="also print the figures as JSON")
    parser.add_argument("--save", action="store_true", help="also write the JSON to bench/results/")
    parser.add_argument("--keep", action="store_true", help="keep the temp dir (logs, database) for a look")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    for tool in ("wrk", "nginx"):
        if not shutil.which(tool):
            print(f"bench: {tool} is not installed (Debian: apt-get install {tool})", file=sys.stderr)
            return 2
    if not GRANIAN.exists():
        print("bench: .venv is missing; run `make install` first", file=sys.stderr)
        return 2

    # SIGTERM (e.g. from a CI timeout) unwinds through the finally below like Ctrl+C does.
    def terminate(signum: int, frame: FrameType | None) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, terminate)

    started = dt.datetime.now(dt.UTC)
    load_at_start = os.getloadavg()[0]
    tmp = Path(tempfile.mkdtemp(prefix="masthead-bench-"))
    server_log, nginx_log, setup_log = tmp / "server.log", tmp / "nginx.log", tmp / "setup.log"
    password_file = REPO / "var" / "admin-password.txt"
    password_before = password_file.read_bytes() if password_file.exists() else None
    server: subprocess.Popen[bytes] | None = None
    nginx: subprocess.Popen[bytes] | None = None
    database = Database.from_option(args.database_url, tmp)
    try:
        print(f"Preparing the demo newsroom in {tmp} ({database.label}):")
        database.create(args.drop_existing)
        env = bench_env(tmp, database)
        prepare(env, tmp, setup_log)
        caches = effective_caches(env)

        port = free_port()
        command = [
            str(GRANIAN),
            "--interface",
            args.interface,
            "--host",
            HOST,
            "--port",
            str(port),
            "--workers",
            str(args.workers),
            "--log-level",
            "warning",
            APPS[args.interface],
        ]
        print(f"Starting granian ({args.interface}, {args.workers} workers) on port {port} ...", flush=True)
        server_env = env
        if args.log_errors:
            (tmp / "pylib").mkdir()
            (tmp / "pylib" / "masthead_bench_settings.py").write_text(LOG_ERRORS_SETTINGS)
            server_env = env | {
                "DJANGO_SETTINGS_MODULE": "masthead_bench_settings",
                "PYTHONPATH": os.pathsep.join([str(tmp / "pylib"), str(REPO)]),
            }
        server = start(command, server_env, server_log)
        wait_until_up(server, port, server_log)

        status, headers, body = http_get(port, "/")
        if status != 200:
            raise BenchError(f"GET / answered {status} {headers.get('Location', '')}, expected 200")
        home_html = body.decode()
        article = pick_article(port, home_html)
        print(f"Warming up: / and {article} x{WARMUP_ROUNDS} ...", flush=True)
        for _ in range(WARMUP_ROUNDS):
            get_ok(port, "/")
            get_ok(port, article)
        home_bytes = len(get_ok(port, "/"))
        article_html = get_ok(port, article)

        print(f"Measuring (wrk -t{WRK_THREADS} -c{WRK_CONNECTIONS} -d{args.duration}s --latency):")
        results = [
            run_wrk("home /", f"http://{HOST}:{port}/", args.duration, server.pid, args.wrk_timeout),
            run_wrk(
                f"article {article}",
                f"http://{HOST}:{port}{article}",
                args.duration,
                server.pid,
                args.wrk_timeout,
            ),
        ]
        results[0].page_bytes, results[1].page_bytes = home_bytes, len(article_html)
        # Still serving, and with 200s, once the load is over?
        after_load = {path: http_get(port, path)[0] for path in ("/", article)}
        stop(server)
        server_exit = server.returncode
        server = None  # so that the finally does not stop it twice

        static = tmp / "static_html" / article.strip("/") / "index.html"
        static.parent.mkdir(parents=True)
        static.write_bytes(article_html)
        nginx_port = free_port()
        conf = nginx_conf(tmp, nginx_port)
        nginx = start(
            ["nginx", "-p", str(tmp), "-e", str(tmp / "nginx-error.log"), "-c", str(conf)], None, nginx_log
        )
        wait_until_up(nginx, nginx_port, nginx_log, article)
        if get_ok(nginx_port, article) != article_html:
            raise BenchError("nginx does not serve the saved article HTML byte for byte")
        results.append(
            run_wrk(
                "nginx, same article HTML",
                f"http://{HOST}:{nginx_port}{article}",
                args.duration,
                nginx.pid,
                args.wrk_timeout,
            )
        )
        results[2].page_bytes = len(article_html)
        stop(nginx, signal.SIGQUIT)
        nginx = None

        article_rps, article_ok = results[1].requests_per_sec, results[1].ok_per_sec
        ratio = results[2].requests_per_sec / article_rps if article_rps else 0.0
        ratio_ok = results[2].ok_per_sec / article_ok if article_ok else 0.0
        report: dict[str, Any] = {
            "date": started.strftime("%Y-%m-%d %H:%M UTC"),
            "machine": machine_info()
            | {
                "loadavg_1min_at_start": round(load_at_start, 2),
            },
            "config": {
                "server": f"granian --interface {args.interface} --workers {args.workers}",
                "settings": "masthead.settings.production (DEBUG off, SERVE_MEDIA=1, no REDIS_URL)"
                + (" + django.request errors logged" if args.log_errors else ""),
                "database": database.label,
                "caches": caches,
                "code": code_version(),
                "load": f"wrk -t{WRK_THREADS} -c{WRK_CONNECTIONS} -d{args.duration}s --latency"
                + (f" --timeout {args.wrk_timeout:g}s" if args.wrk_timeout else ""),
            },
            "results": [
                asdict(r) | {"ok_per_sec": round(r.ok_per_sec, 2), "errors": r.errors} for r in results
            ],
            "nginx_over_article": round(ratio, 1),
            "nginx_over_article_ok": round(ratio_ok, 1),
            "server_log": tail(server_log, 50),
            "server_log_summary": log_summary(server_log),
            "server_exit": server_exit,
            "status_after_load": after_load,
        }
        m, c = report["machine"], report["config"]
        print()
        print(f"Masthead pages, {report['date']}")
        print(f"machine:  nproc {m['nproc']} ({m['cpu']}), {m['os']}")
        print(
            f"load avg: {m['loadavg_1min_at_start']:.2f} (1 min) when the bench started; "
            "CPU columns below: cores used during each wrk run by the server, wrk, PostgreSQL, "
            "everything else"
        )
        print(f"software: Python {m['python']}, granian {m['granian']}, wrk {m['wrk']}, nginx {m['nginx']}")
        print(f"server:   {c['server']}, {c['settings']}")
        print(f"database: {c['database']}")
        print(f"caches:   {c['caches']}")
        print(f"code:     {c['code']}")
        print(f"load:     {c['load']}, wrk and server on the same machine")
        print()
        print(table(results))
        print()
        print(f"nginx / Masthead article: {ratio:.1f}x the requests per second")
        if results[1].non_2xx_3xx:
            against_ok = f"{ratio_ok:.1f}x" if ratio_ok else "none of them was a 2xx/3xx"
            print(
                f"  (the article's req/s counts its {results[1].non_2xx_3xx} 4xx/5xx answers; "
                f"against its 2xx/3xx answers only: {against_ok})"
            )
        if any(status != 200 for status in after_load.values()):
            answers = ", ".join(f"GET {path} {status}" for path, status in after_load.items())
            print(f"after the load, the server still answered: {answers}")
        summary = report["server_log_summary"]
        log = tail(server_log, 20)
        print(f"server log: {summary}" + (f", last lines:\n{log}" if log.strip() else ""))
        if any(r.non_2xx_3xx for r in results) and not args.log_errors:
            print("Some responses were 4xx/5xx: run again with --log-errors to see Django's tracebacks.")
        if args.json:
            print(json.dumps(report, indent=2))
        if args.save:
            out = REPO / "bench" / "results" / f"pages-{started:%Y%m%d-%H%M%S}-{args.interface}.json"
            out.parent.mkdir(exist_ok=True)
            out.write_text(json.dumps(report, indent=2) + "\n")
            print(f"saved {out.relative_to(REPO)}")
        return 0
    except BenchError as error:
        print(f"bench: {error}", file=sys.stderr)
        if server_log.exists() and server_log.stat().st_size:
            print(f"server log, last lines:\n{tail(server_log)}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("bench: interrupted", file=sys.stderr)
        return 130
    finally:
        stop(server)
        stop(nginx, signal.SIGQUIT)
        database.drop()
        password_after = password_file.read_bytes() if password_file.exists() else None
        if password_after != password_before:
            print(f"warning: {password_file} changed during the bench", file=sys.stderr)
        if args.keep:
            print(f"kept {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
