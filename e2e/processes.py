"""Helpers that run Masthead's real processes (manage.py, the worker) for end-to-end tests."""

import atexit
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psycopg
import redis

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
IN_CI = os.environ.get("CI", "").lower() == "true"
POSTGRES_ADMIN_URL = os.environ.get("POSTGRES_ADMIN_URL", "postgres://postgres@127.0.0.1:5432/postgres")
# One Redis database per pytest-xdist worker (15, 14, ...), so parallel tests
# that empty it never empty each other's.
_WORKER = int(os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw") or 0)
REDIS_URL = os.environ.get("TEST_REDIS_URL", f"redis://127.0.0.1:6379/{15 - _WORKER % 8}")

SCHEDULE_ARTICLE = """
import django, json
from datetime import timedelta
django.setup()
from django.utils import timezone
from masthead.articles.tests.factories import ArticleFactory, AuthorFactory, SectionFactory
page = ArticleFactory(parent=SectionFactory(), authors=[AuthorFactory()], title="Embargoed report")
page.unpublish()
go_live = timezone.now() + timedelta(seconds={delay})
page.go_live_at = go_live
page.save_revision(approved_go_live_at=go_live)
print(json.dumps({{"id": page.pk, "go_live": go_live.timestamp()}}))
"""

READ_STATE = """
import django, json
django.setup()
from masthead.articles.models import ArticlePage
page = ArticlePage.objects.get(pk={pk})
published = page.last_published_at and page.last_published_at.timestamp()
print(json.dumps({{"live": page.live, "published": published}}))
"""


def manage(env: dict, *args: str) -> str:
    result = subprocess.run(
        [PYTHON, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=900
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout


def python(env: dict, code: str) -> dict:
    import json

    result = subprocess.run(
        [PYTHON, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


def service_available(kind: str) -> bool:
    try:
        if kind == "postgres":
            psycopg.connect(POSTGRES_ADMIN_URL, connect_timeout=3).close()
        else:
            redis.Redis.from_url(REDIS_URL, socket_connect_timeout=3).ping()
    except Exception:
        return False
    return True


def run_worker_until_published(env: dict, delay: int = 6) -> tuple[dict, dict]:
    scheduled = python(env, SCHEDULE_ARTICLE.format(delay=delay))
    worker = subprocess.Popen(
        [PYTHON, "manage.py", "worker"], cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
    )
    try:
        before = python(env, READ_STATE.format(pk=scheduled["id"]))
        deadline = time.monotonic() + 90
        state = before
        while time.monotonic() < deadline and not state["live"]:
            time.sleep(1)
            state = python(env, READ_STATE.format(pk=scheduled["id"]))
    finally:
        worker.terminate()
        output = worker.communicate(timeout=30)[0].decode(errors="replace")
    assert state["live"], f"not published; worker said:\n{output[-3000:]}"
    return scheduled, {"before": before, "after": state}


def _embedded_env(var_dir: Path) -> dict:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "masthead.settings.embedded",
        "MASTHEAD_VAR_DIR": str(var_dir),
        # Editors in these tests sign in with a password only; two-factor
        # sign-in has its own tests (masthead/security/tests/test_two_factor.py).
        "MASTHEAD_2FA_REQUIRED": "0",
    }
    env.pop("DATABASE_URL", None)
    return env


_embedded_template: Path | None = None


def embedded_template() -> Path:
    """A ``var/`` migrated and with static files collected, made once per test process.

    Migrating takes about 20 s of CPU; every embedded newsroom of the e2e
    tests starts as a copy of this one instead.
    """
    global _embedded_template
    if _embedded_template is None:
        template = Path(tempfile.mkdtemp(prefix="masthead-e2e-template-"))
        atexit.register(shutil.rmtree, template, ignore_errors=True)
        env = _embedded_env(template)
        manage(env, "migrate", "--noinput", "-v", "0")
        manage(env, "collectstatic", "--noinput", "-v", "0")
        (template / "secret_key").unlink(missing_ok=True)
        _embedded_template = template
    return _embedded_template


def migrated_embedded_env(var_dir: Path) -> dict:
    """The environment of an embedded newsroom in ``var_dir``, its database migrated."""
    shutil.copytree(embedded_template(), var_dir, dirs_exist_ok=True)
    return _embedded_env(var_dir)
