"""Newsletter fixtures: lists, subscribers, and a real SMTP server on loopback."""

import asyncio
import email
import email.policy
import socket
import threading
from collections import Counter

import pytest
from aiosmtpd.controller import Controller
from django.core.cache import cache

from .factories import NewsletterListFactory


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


class RecordingHandler:
    """An SMTP server's handler that keeps every message it accepts.

    ``refuse_after``: answer 421 and hang up from that message on (a server
    falling over mid-batch); ``stall_after``: accept that message but wait,
    without answering, until ``release`` is set (a worker killed while
    waiting for the server's reply).
    """

    def __init__(self) -> None:
        self.messages: list[email.message.EmailMessage] = []
        self.envelopes: list[tuple[str, list[str]]] = []
        self.refuse_after: int | None = None
        self.stall_after: int | None = None
        self.stalled = threading.Event()
        self.release = threading.Event()
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's hook name)
        with self.lock:
            if self.refuse_after is not None and len(self.messages) >= self.refuse_after:
                server.transport.abort()  # hang up without a reply
                return "421 Closing"
            self.messages.append(email.message_from_bytes(envelope.content, policy=email.policy.default))
            self.envelopes.append((envelope.mail_from, list(envelope.rcpt_tos)))
            count = len(self.messages)
        if self.stall_after is not None and count == self.stall_after:
            self.stalled.set()
            while not self.release.is_set():
                await asyncio.sleep(0.05)
        return "250 Message accepted for delivery"

    def copies_per_recipient(self) -> Counter:
        return Counter(rcpt for _sender, rcpts in self.envelopes for rcpt in rcpts)

    def to(self, address: str) -> list[email.message.EmailMessage]:
        return [m for m in self.messages if address in m["To"]]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def smtp_server(settings):
    """A real SMTP server on a free loopback port; Masthead's mailer points at it."""
    handler = RecordingHandler()
    port = free_port()
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": port, "timeout": 10},
        }
    }
    handler.port = port
    yield handler
    handler.release.set()
    controller.stop()
