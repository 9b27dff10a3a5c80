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
    waiting for the server's reply); ``refuse_recipients``: answer RCPT TO
    for these addresses with 550; ``reject_content_for``: take the content
    of messages to these addresses, then refuse it (554).

    It announces PIPELINING (RFC 2920) as Postfix and most providers do
    (aiosmtpd reads commands in order from the stream, which is all that
    takes); set ``pipelining`` to False for a server without it.
    """

    pipelining = True

    def __init__(self) -> None:
        self.messages: list[email.message.EmailMessage] = []
        self.envelopes: list[tuple[str, list[str]]] = []
        self.raw: list[bytes] = []
        self.refuse_after: int | None = None
        self.stall_after: int | None = None
        self.stalled = threading.Event()
        self.release = threading.Event()
        self.lock = threading.Lock()
        self.refuse_recipients: set[str] = set()
        self.reject_content_for: set[str] = set()

    async def handle_EHLO(self, server, session, envelope, hostname, responses):  # noqa: N802 (aiosmtpd's name)
        session.host_name = hostname
        if self.pipelining:
            responses.insert(-1, "250-PIPELINING")
        return responses

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):  # noqa: N802
        if address in self.refuse_recipients:
            return "550 5.1.1 No such mailbox"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's hook name)
        if set(envelope.rcpt_tos) & self.reject_content_for:
            return "554 5.7.1 Message refused"
        with self.lock:
            if self.refuse_after is not None and len(self.messages) >= self.refuse_after:
                server.transport.abort()  # hang up without a reply
                return "421 Closing"
            self.messages.append(email.message_from_bytes(envelope.content, policy=email.policy.default))
            self.envelopes.append((envelope.mail_from, list(envelope.rcpt_tos)))
            self.raw.append(envelope.original_content)
            count = len(self.messages)
        if self.stall_after is not None and count == self.stall_after:
            self.stalled_peer = session.peer  # (address, port) of the client left waiting
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
