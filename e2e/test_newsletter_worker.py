"""The real worker process is killed mid-batch; a new one finishes and nobody gets two copies."""

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


def test_killed_worker_resumes_and_every_reader_gets_at_most_one_copy(tmp_path, smtp):
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

    copies = smtp.copies_per_recipient()
    assert max(copies.values()) == 1  # nobody got the issue twice
    # The batch in flight at the kill is "unknown" and was not sent again;
    # everybody else got exactly one copy.
    assert state["unknown"] == BATCH and state["sent"] == SUBSCRIBERS - BATCH
    assert state["remaining"] == 0 and state["failed"] == 0
    assert len(copies) == state["sent"] + 5  # messages 21-25 of the killed batch did arrive
