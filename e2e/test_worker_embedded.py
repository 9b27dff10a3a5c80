"""The real worker process publishes a scheduled article on time (embedded: SQLite queue)."""

import os

import pytest

from .processes import manage, run_worker_until_published


@pytest.fixture
def embedded_env(tmp_path):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "masthead.settings.embedded",
        "MASTHEAD_VAR_DIR": str(tmp_path),
    }
    env.pop("DATABASE_URL", None)
    manage(env, "migrate", "--noinput", "-v", "0")
    manage(env, "createcachetable")
    return env


def test_embedded_worker_publishes_a_scheduled_article_on_time(embedded_env):
    scheduled, states = run_worker_until_published(embedded_env)
    assert not states["before"]["live"]
    assert states["after"]["published"] >= scheduled["go_live"]
