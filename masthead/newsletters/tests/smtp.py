"""A real SMTP server on loopback for tests: aiosmtpd with a handler that records every message."""

import asyncio
import email
import email.policy
import socket
import threading
from collections import Counter

from aiosmtpd.controller import Controller


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
        self.raw: list[bytes] = []
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
            self.raw.append(envelope.original_content)
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


def start_smtp_server() -> tuple[Controller, RecordingHandler]:
    handler = RecordingHandler()
    controller = Controller(handler, hostname="127.0.0.1", port=free_port())
    controller.start()
    handler.port = controller.port
    return controller, handler
