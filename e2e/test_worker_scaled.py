"""The worker on the scaled configuration: PostgreSQL and the Redis task queue."""

import os
import uuid

import psycopg
import pytest
import redis

from .processes import (
    IN_CI,
    POSTGRES_ADMIN_URL,
    REDIS_URL,
    manage,
    run_worker_until_published,
    service_available,
)


@pytest.fixture
def scaled_env(tmp_path):
    for kind in ("postgres", "redis"):
        if not service_available(kind):
            if IN_CI:
                pytest.fail(f"{kind} must be reachable in CI")
            pytest.skip(f"{kind} is not reachable")
    name = f"masthead_worker_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(POSTGRES_ADMIN_URL, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "masthead.settings.production",
        "SECRET_KEY": "worker-test-" + uuid.uuid4().hex * 2,
        "ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": POSTGRES_ADMIN_URL.rsplit("/", 1)[0] + "/" + name,
        "REDIS_URL": REDIS_URL,
        "MASTHEAD_VAR_DIR": str(tmp_path),
        "MEDIA_ROOT": str(tmp_path / "media"),
    }
    redis.Redis.from_url(REDIS_URL).flushdb()
    manage(env, "migrate", "--noinput", "-v", "0")
    yield env
    with psycopg.connect(POSTGRES_ADMIN_URL, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_scaled_worker_on_postgres_and_redis_publishes_a_scheduled_article(scaled_env):
    scheduled, states = run_worker_until_published(scaled_env)
    assert not states["before"]["live"]
    assert states["after"]["published"] >= scheduled["go_live"]
