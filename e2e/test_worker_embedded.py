"""The real worker process publishes a scheduled article on time (embedded: SQLite queue)."""

import pytest

from .processes import migrated_embedded_env, run_worker_until_published


@pytest.fixture
def embedded_env(tmp_path):
    return migrated_embedded_env(tmp_path)


def test_embedded_worker_publishes_a_scheduled_article_on_time(embedded_env):
    scheduled, states = run_worker_until_published(embedded_env)
    assert not states["before"]["live"]
    assert states["after"]["published"] >= scheduled["go_live"]
