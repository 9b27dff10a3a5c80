"""The worker on the scaled configuration: PostgreSQL and the Redis task queue."""

from .processes import run_worker_until_published


def test_scaled_worker_on_postgres_and_redis_publishes_a_scheduled_article(scaled_env):
    scheduled, states = run_worker_until_published(scaled_env)
    assert not states["before"]["live"]
    assert states["after"]["published"] >= scheduled["go_live"]
