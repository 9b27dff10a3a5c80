"""Real worker processes are killed mid-batch; the others finish and every reader gets exactly one copy."""

import json
import os
import signal
import subprocess
import time

import pytest

from masthead.newsletters.tests.smtp import start_smtp_server

from .processes import PYTHON, ROOT, migrated_embedded_env, python

SUBSCRIBERS = 60
BATCH = 10

START_SENDING = """
import django, json
django.setup()
from masthead.newsletters.models import Issue, NewsletterList, Subscriber, Subscription
from masthead.newsletters.sending import start_sending
daily = NewsletterList.objects.create(name="Korvany Daily", slug="daily", sender_name="Ledger",
                                      sender_email="daily@ledger.example")
for n in range({count}):
    s = Subscriber.objects.create(email=f"reader{{n}}@example.org", status="confirmed")
    Subscription.objects.create(subscriber=s, newsletter_list=daily)
issue = Issue.objects.create(newsletter_list=daily, subject="Morning digest", intro="Hello.")
start_sending(issue)
print(json.dumps({{"issue": issue.pk}}))
"""

READ_PROGRESS = """
import django, json
django.setup()
from masthead.newsletters.models import Issue
issue = Issue.objects.get(pk={pk})
print(json.dumps({{"status": issue.status, **issue.progress()}}))
"""


def start_worker(env: dict) -> subprocess.Popen:
    return subprocess.Popen(
        [PYTHON, "manage.py", "worker"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )


def stop(worker: subprocess.Popen, sig: int = signal.SIGTERM) -> str:
    os.killpg(worker.pid, sig)
    return worker.communicate(timeout=60)[0].decode(errors="replace")


@pytest.fixture
def smtp():
    controller, handler = start_smtp_server()
    yield handler
    handler.release.set()
    controller.stop()


def test_killed_worker_resumes_and_every_reader_gets_exactly_one_copy(tmp_path, smtp):
    env = migrated_embedded_env(tmp_path) | {
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(smtp.port),
        "NEWSLETTER_BATCH_SIZE": str(BATCH),
        "NEWSLETTER_SENDERS": "1",
        # One connection, so the copies of a batch go out in order and the
        # counts below are exact (with two, the other thread keeps sending).
        "NEWSLETTER_CONNECTIONS": "1",
        "NEWSLETTER_STALE_SECONDS": "3",
    }
    issue = python(env, START_SENDING.format(count=SUBSCRIBERS))["issue"]
    # The server takes message 25 and then never answers: the worker is killed
    # waiting for the reply, the worst moment (the copy arrived, nothing recorded it).
    smtp.stall_after = 25
    worker = start_worker(env)
    try:
        assert smtp.stalled.wait(timeout=180), "the worker never reached message 25"
    finally:
        output = stop(worker, signal.SIGKILL)
    smtp.release.set()
    smtp.stall_after = None
    crashed = python(env, READ_PROGRESS.format(pk=issue))
    assert crashed["status"] == "sending"
    assert crashed["sent"] == 20 and crashed["sending"] == BATCH, (crashed, output[-2000:])

    worker = start_worker(env)
    try:
        deadline = time.monotonic() + 180
        state = crashed
        while time.monotonic() < deadline and state["status"] != "sent":
            time.sleep(1)
            state = python(env, READ_PROGRESS.format(pk=issue))
    finally:
        output = stop(worker)
    assert state["status"] == "sent", output[-3000:]

    # The killed batch's journal told the new worker that messages 21-25
    # had gone to the server whole (recorded as sent) and 26-30 never left
    # (sent by the new worker).
    assert smtp.copies_per_recipient() == {f"reader{n}@example.org": 1 for n in range(SUBSCRIBERS)}
    assert state["sent"] == SUBSCRIBERS
    assert state["unknown"] == state["remaining"] == state["failed"] == 0


SCHEDULED_LIST = """
import django, json
from datetime import timedelta
django.setup()
from django.utils import timezone
from masthead.newsfeed.models import NewsItem
from masthead.newsletters.models import NewsletterList, Subscriber, Subscription, newsroom_zone
now = timezone.now().astimezone(newsroom_zone())
daily = NewsletterList.objects.create(
    name="Korvany Daily", slug="daily", sender_name="Ledger", sender_email="daily@ledger.example",
    schedule="daily", send_time=(now - timedelta(minutes=2)).time().replace(second=0, microsecond=0),
    on_schedule="send",
)
NewsItem.objects.create(text="The night trams run again.", posted_at=timezone.now() - timedelta(hours=2))
Subscriber.objects.bulk_create(
    [Subscriber(email=f"reader{{n}}@example.org", status="confirmed") for n in range({count})]
)
Subscription.objects.bulk_create(
    [Subscription(subscriber=s, newsletter_list=daily) for s in Subscriber.objects.all()]
)
print(json.dumps({{"list": daily.pk}}))
"""

SCHEDULED_STATE = """
import django, json
django.setup()
from masthead.newsletters.models import Issue, ScheduledDigest
issues = list(Issue.objects.all())
state = {"issues": len(issues), "digests": list(ScheduledDigest.objects.values_list("outcome", flat=True))}
if issues:
    state |= {"status": issues[0].status, **issues[0].progress()}
print(json.dumps(state))
"""


def pid_with_local_port(pids: list[int], port: int) -> int | None:
    """Which of ``pids`` holds the TCP socket whose local port is ``port`` (read from /proc)."""
    inodes = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        with open(table) as rows:
            for row in list(rows)[1:]:
                fields = row.split()
                if int(fields[1].rsplit(":", 1)[1], 16) == port:
                    inodes.add(fields[9])
    for pid in pids:
        for fd in os.listdir(f"/proc/{pid}/fd"):
            try:
                target = os.readlink(f"/proc/{pid}/fd/{fd}")
            except OSError:
                continue
            if target.startswith("socket:[") and target[8:-1] in inodes:
                return pid
    return None


def wait_for(env: dict, done, seconds: int = 180) -> dict:
    deadline = time.monotonic() + seconds
    state = python(env, SCHEDULED_STATE)
    while time.monotonic() < deadline and not done(state):
        time.sleep(1)
        state = python(env, SCHEDULED_STATE)
    return state


def test_scaled_workers_send_the_scheduled_digest_once_and_a_killed_one_sends_nobody_two_copies(
    scaled_env, smtp
):
    """Production settings on PostgreSQL and Redis, two workers with their clocks.

    At the list's slot the digest is composed once and sent by both
    workers; the one whose mail server stalls mid-batch is killed, the
    other finishes, and every reader has exactly one copy.
    """
    env = scaled_env | {
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(smtp.port),
        "NEWSLETTER_BATCH_SIZE": str(BATCH),
        "NEWSLETTER_SENDERS": "2",
        "NEWSLETTER_CONNECTIONS": "1",
        "NEWSLETTER_STALE_SECONDS": "5",
    }
    python(env, SCHEDULED_LIST.format(count=SUBSCRIBERS))
    smtp.stall_after = 25
    workers = [start_worker(env), start_worker(env)]
    outputs = {}
    try:
        assert smtp.stalled.wait(timeout=180), "no worker reached message 25"
        victim = pid_with_local_port([w.pid for w in workers], smtp.stalled_peer[1])
        assert victim is not None, "the stalled connection belongs to no worker"
        killed = next(w for w in workers if w.pid == victim)
        outputs["killed"] = stop(killed, signal.SIGKILL)
        smtp.release.set()
        state = wait_for(env, lambda s: s.get("status") == "sent")
    finally:
        for worker in workers:
            if worker.poll() is None:
                outputs[worker.pid] = stop(worker)
    assert state.get("status") == "sent", (state, outputs)
    assert state["issues"] == 1 and state["digests"] == ["sent"]  # one slot, two clocks: one issue

    # The killed worker's batch is settled from its journal: what it had
    # handed to the server whole counts as sent, the rest was sent by the other.
    assert smtp.copies_per_recipient() == {f"reader{n}@example.org": 1 for n in range(SUBSCRIBERS)}
    assert state["sent"] == SUBSCRIBERS
    assert state["unknown"] == state["remaining"] == state["failed"] == 0


RACE_FOR_THE_SLOT = """
import django, json, time
django.setup()
from datetime import datetime
from masthead.newsletters.composer import compose_due_digests
now = datetime.fromisoformat("{now}")
time.sleep(max(0, {start} - time.time()))
print(json.dumps([d.outcome for d in compose_due_digests(now)]))
"""


def test_two_clocks_racing_for_one_slot_on_postgres_compose_one_issue(scaled_env):
    """No cache in between: both processes look at the same moment; the unique slot lets one through."""
    python(scaled_env, SCHEDULED_LIST.format(count=3))
    from datetime import UTC, datetime

    now = datetime.now(UTC).isoformat()
    start = time.time() + 8  # both processes set up by then
    racers = [
        subprocess.Popen(
            [PYTHON, "-c", RACE_FOR_THE_SLOT.format(now=now, start=start)],
            cwd=ROOT,
            env=scaled_env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        for _ in range(2)
    ]
    results = [racer.communicate(timeout=120) for racer in racers]
    assert all(racer.returncode == 0 for racer in racers), results
    handled = sorted(json.loads(out.decode().strip().splitlines()[-1]) for out, _err in results)
    assert handled == [[], ["sent"]]
    state = python(scaled_env, SCHEDULED_STATE)
    assert state["issues"] == 1 and state["digests"] == ["sent"]
