"""Fixtures shared by every app's tests."""

import os
import threading

import pytest
from django.core.servers.basehttp import ThreadedWSGIServer
from django.test.testcases import LiveServerThread

IN_CI = os.environ.get("CI", "").lower() == "true"


def pytest_collection_modifyitems(config, items):
    """In CI nothing that needs a real service may be skipped."""
    if not IN_CI:
        return
    for item in items:
        for marker in item.iter_markers("skip"):
            raise pytest.UsageError(
                f"{item.nodeid} is marked skip, which CI does not allow ({marker.kwargs})"
            )


@pytest.fixture(autouse=True)
def empty_caches():
    """Every test starts with empty caches.

    What a test cached (a live campaign for the banner, newsletter lists,
    rate-limit counts) would otherwise outlive its rolled-back rows and show
    up in the next test that runs in the same process.
    """
    from django.core.cache import caches

    for cache in caches.all(initialized_only=True):
        cache.clear()
    yield


class OneRequestAtATimeServer(ThreadedWSGIServer):
    """The live server, answering one request at a time.

    With the in-memory SQLite test database every request thread shares the
    test's one connection, and two requests using it at once (a browser loads
    the admin's scripts, translations and editing-session pings together)
    break it with "bad parameter or other API misuse". Threads stay, so a
    browser's idle keep-alive connections hold nothing up; only the
    application runs under the lock.
    """

    def set_app(self, application):
        if not self.connections_override:
            return super().set_app(application)
        lock = threading.Lock()

        def serialized(environ, start_response):
            with lock:
                response = application(environ, start_response)
                try:
                    yield from response
                finally:
                    if hasattr(response, "close"):
                        response.close()

        return super().set_app(serialized)


LiveServerThread.server_class = OneRequestAtATimeServer
