"""Scheduled publishing and unpublishing by the real worker: on time, and after a restart.

An article's go-live and another's expiry are scheduled; the worker
(``manage.py worker``, its clock and its queue) must do both, never before
the time, and when it was killed (SIGKILL, as a crash or an out-of-memory
kill would) before the time and started again after it, once restarted.
How late it is belongs to benchmarks, not to these tests (shared, noisy
machines); the tests print it. The test reads the database directly
(SQLite file or PostgreSQL) rather than through ``manage.py`` subprocesses,
so polling costs no CPU the worker needs.
"""

import os
import signal
import sqlite3
import subprocess
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

import psycopg
import pytest

from .processes import PYTHON, ROOT, migrated_embedded_env, python


def clock_period() -> int:
    """How often the clock enqueues ``publish_scheduled``, in seconds."""
    from masthead.core.clock import periodic_tasks
    from masthead.core.tasks import publish_scheduled

    return next(
        item.every for item in periodic_tasks() if item.task.module_path == publish_scheduled.module_path
    )


SCHEDULE = """
import django, json
from datetime import timedelta
django.setup()
from django.utils import timezone
from masthead.articles.tests.factories import ArticleFactory, AuthorFactory, SectionFactory
section, author = SectionFactory(), AuthorFactory()
embargoed = ArticleFactory(parent=section, authors=[author], title="Embargoed: council budget")
embargoed.unpublish()
when = timezone.now() + timedelta(seconds={delay})
embargoed.go_live_at = when
embargoed.save_revision(approved_go_live_at=when)
expiring = ArticleFactory(parent=section, authors=[author], title="Ticket offer ends at noon")
expiring.expire_at = when
expiring.save_revision().publish()
print(json.dumps({{"embargoed": embargoed.pk, "expiring": expiring.pk, "when": when.timestamp()}}))
"""


class Database:
    """Reads pages' state and Wagtail's log of scheduled actions straight from the newsroom's database."""

    def __init__(self, env: dict) -> None:
        self.env = env

    def query(self, sql: str, params: tuple) -> list[tuple]:
        if "DATABASE_URL" in self.env:
            with psycopg.connect(self.env["DATABASE_URL"]) as conn:
                return conn.execute(sql.replace("?", "%s"), params).fetchall()
        path = Path(self.env["MASTHEAD_VAR_DIR"]) / "masthead.sqlite3"
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=20)
        try:
            return conn.execute(sql, params).fetchall()
        finally:
            conn.close()

    def live(self, pk: int) -> bool:
        return bool(self.query("SELECT live FROM wagtailcore_page WHERE id = ?", (pk,))[0][0])

    def logged_at(self, pk: int, action: str) -> float | None:
        rows = self.query(
            "SELECT timestamp FROM wagtailcore_pagelogentry WHERE page_id = ? AND action = ?", (pk, action)
        )
        if not rows:
            return None
        value = rows[0][0]
        if isinstance(value, str):  # SQLite keeps UTC as text
            value = datetime.fromisoformat(value).replace(tzinfo=UTC)
        return value.timestamp()

    def state(self, scheduled: dict) -> dict:
        return {
            "embargoed_live": self.live(scheduled["embargoed"]),
            "expiring_live": self.live(scheduled["expiring"]),
            "published_at": self.logged_at(scheduled["embargoed"], "wagtail.publish.scheduled"),
            "unpublished_at": self.logged_at(scheduled["expiring"], "wagtail.unpublish.scheduled"),
        }


class Worker:
    """``manage.py worker`` in its own process group, its output collected as it comes."""

    def __init__(self, env: dict) -> None:
        self.output: list[str] = []
        self.process = subprocess.Popen(
            [PYTHON, "manage.py", "worker"],
            cwd=ROOT,
            env={**env, "PYTHONUNBUFFERED": "1"},
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            start_new_session=True,
        )
        self.reader = threading.Thread(target=self.read, daemon=True)
        self.reader.start()

    def read(self) -> None:
        for line in self.process.stdout:
            self.output.append(line)

    def wait_started(self, timeout: float = 90) -> None:
        deadline = time.monotonic() + timeout
        while not any("Worker started" in line for line in self.output):
            assert self.process.poll() is None, "the worker exited:\n" + self.log()
            assert time.monotonic() < deadline, "the worker did not start:\n" + self.log()
            time.sleep(0.2)

    def stop(self, sig: int = signal.SIGTERM) -> int:
        if self.process.poll() is None:
            os.killpg(self.process.pid, sig)
        code = self.process.wait(timeout=60)
        self.reader.join(timeout=10)
        return code

    def log(self) -> str:
        return "".join(self.output)[-4000:]


def wait_until_done(database: Database, scheduled: dict, timeout: float) -> dict:
    deadline = time.monotonic() + timeout
    state = database.state(scheduled)
    while time.monotonic() < deadline and (state["expiring_live"] or not state["embargoed_live"]):
        time.sleep(0.5)
        state = database.state(scheduled)
    return state


@pytest.fixture(params=["embedded", "scaled"])
def newsroom_env(request, tmp_path):
    if request.param == "embedded":
        return migrated_embedded_env(tmp_path)
    return request.getfixturevalue("scaled_env")


def test_running_worker_publishes_and_unpublishes_when_the_time_comes(tmp_path):
    env = migrated_embedded_env(tmp_path)
    database = Database(env)
    worker = Worker(env)
    try:
        worker.wait_started()
        scheduled = python(env, SCHEDULE.format(delay=8))
        assert database.state(scheduled)["expiring_live"]
        assert not database.state(scheduled)["embargoed_live"]
        state = wait_until_done(database, scheduled, timeout=scheduled["when"] - time.time() + 90)
    finally:
        worker.stop()
    assert state["embargoed_live"], "the embargoed article was not published:\n" + worker.log()
    assert not state["expiring_live"], "the expiring article is still live:\n" + worker.log()
    for done in ("published_at", "unpublished_at"):
        late = state[done] - scheduled["when"]
        assert late >= 0, f"{done} {-late:.1f} s before the scheduled time"
        print(f"{done}: {late:.1f} s after the scheduled time (clock period {clock_period()} s)")


def test_worker_killed_before_the_time_catches_up_after_restart(newsroom_env):
    database = Database(newsroom_env)
    every = clock_period()
    first = Worker(newsroom_env)
    try:
        first.wait_started()
        time.sleep(2)  # its clock has ticked and claimed the current period
    finally:
        assert first.stop(signal.SIGKILL) == -signal.SIGKILL
    # Scheduled after the kill, so the time is still to come whatever the machine's speed.
    scheduled = python(newsroom_env, SCHEDULE.format(delay=5))

    # The time passes, and more than a clock period after it, with no worker.
    while time.time() < scheduled["when"] + every + 1:
        time.sleep(0.5)
    down = database.state(scheduled)
    assert not down["embargoed_live"] and down["expiring_live"], "something published without a worker"

    restarted_at = time.time()
    second = Worker(newsroom_env)
    try:
        second.wait_started()
        state = wait_until_done(database, scheduled, timeout=120)
    finally:
        second.stop()
    assert state["embargoed_live"], "not published after the restart:\n" + second.log()
    assert not state["expiring_live"], "not unpublished after the restart:\n" + second.log()
    for done in ("published_at", "unpublished_at"):
        after = state[done] - restarted_at
        assert after >= 0, f"{done} before the restart, with no worker running"
        print(f"{done}: {after:.1f} s after the restart (start-up included)")
