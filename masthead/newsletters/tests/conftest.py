"""Newsletter fixtures: lists, subscribers, and a real SMTP server on loopback."""

import pytest
from django.core.cache import cache

from .factories import NewsletterListFactory
from .smtp import start_smtp_server


@pytest.fixture(autouse=True)
def clean_cache():
    cache.clear()  # rate limits and used challenges are counted in the cache
    yield
    cache.clear()


@pytest.fixture
def daily(db):
    return NewsletterListFactory(name="Korvany Daily")


@pytest.fixture
def weekly(db):
    return NewsletterListFactory(
        name="The Week", description="Our best stories, every Saturday.", schedule="weekly", weekday=5
    )


@pytest.fixture
def smtp_server(settings):
    """A real SMTP server on a free loopback port; Masthead's mailer points at it."""
    controller, handler = start_smtp_server()
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": handler.port, "timeout": 10},
        }
    }
    yield handler
    handler.release.set()
    controller.stop()
