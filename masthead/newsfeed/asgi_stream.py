"""The live stream as a bare ASGI application, beside Django's.

Every open page holds one stream for as long as it is open, so a busy
newsroom has thousands at once. Through Django each would pass the whole
middleware stack, hopping into the one thread sync code shares, and keep a
request and response alive. Served here, a stream costs one coroutine: the
server process in ``masthead.asgi`` hands ``/news-feed/stream/`` to this app
and everything else to Django. The Django view in ``stream.py`` stays for
``reverse()``, WSGI servers (which get a clear 501) and the test client.
"""

import asyncio
import logging
from collections.abc import Awaitable, Callable
from urllib.parse import parse_qs

from django.conf import settings
from django.http.request import split_domain_port, validate_host

from .stream import event_stream, hub_for_this_loop, valid_event_id

logger = logging.getLogger(__name__)

Scope = dict
Receive = Callable[[], Awaitable[dict]]
Send = Callable[[dict], Awaitable[None]]

# A reader whose connection cannot take the next message within this many
# seconds is dropped: the server keeps no backlog for it, and its browser
# reconnects with Last-Event-ID and catches up from the database.
SEND_TIMEOUT_SECONDS = 10

HEADERS = [
    (b"content-type", b"text/event-stream; charset=utf-8"),
    (b"cache-control", b"no-cache, no-transform"),
    (b"x-accel-buffering", b"no"),  # nginx: pass events through at once
    (b"x-content-type-options", b"nosniff"),
]


def last_event_id(scope: Scope) -> int | None:
    """The id the reader saw last, as ``stream.parse_last_event_id`` reads it."""
    raw = ""
    for name, value in scope.get("headers", []):
        if name == b"last-event-id":
            raw = value.decode("latin-1")
    if not raw:
        query = parse_qs(scope.get("query_string", b"").decode("latin-1"))
        raw = (query.get("last_event_id") or [""])[0]
    return valid_event_id(raw)


def host_allowed(scope: Scope) -> bool:
    host = next((v.decode("latin-1") for n, v in scope.get("headers", []) if n == b"host"), "")
    domain, _port = split_domain_port(host)
    allowed = settings.ALLOWED_HOSTS
    if settings.DEBUG and not allowed:
        allowed = [".localhost", "127.0.0.1", "[::1]"]
    return bool(domain) and validate_host(domain, allowed)


async def plain(send: Send, status: int, text: str, extra: list | None = None) -> None:
    headers = [(b"content-type", b"text/plain; charset=utf-8"), *(extra or [])]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": text.encode()})


async def stream_app(scope: Scope, receive: Receive, send: Send) -> None:
    """``GET /news-feed/stream/``: the feed's changes as Server-Sent Events."""
    if scope["method"] not in ("GET", "HEAD"):
        await plain(send, 405, "Method not allowed.\n", [(b"allow", b"GET, HEAD")])
        return
    if not host_allowed(scope):
        await plain(send, 400, "Bad request.\n")
        return
    await send({"type": "http.response.start", "status": 200, "headers": HEADERS})
    if scope["method"] == "HEAD":
        await send({"type": "http.response.body", "body": b""})
        return

    async def forward() -> None:
        events = event_stream(hub_for_this_loop(), last_event_id(scope))
        try:
            async for message in events:
                async with asyncio.timeout(SEND_TIMEOUT_SECONDS):
                    await send({"type": "http.response.body", "body": message, "more_body": True})
        finally:
            await events.aclose()

    async def until_disconnect() -> None:
        while (await receive())["type"] != "http.disconnect":
            pass

    sending = asyncio.ensure_future(forward())
    watching = asyncio.ensure_future(until_disconnect())
    try:
        await asyncio.wait({sending, watching}, return_when=asyncio.FIRST_COMPLETED)
    finally:
        for task in (sending, watching):
            task.cancel()
        # A dropped slow reader (TimeoutError) or a send to a closed socket
        # ends this one stream, quietly; nothing else is affected.
        results = await asyncio.gather(sending, watching, return_exceptions=True)
        for result in results:
            if isinstance(result, Exception) and not isinstance(result, TimeoutError | OSError):
                logger.warning("A News Feed stream ended with an error", exc_info=result)


def with_live_stream(django_app: Callable, path: str) -> Callable:
    """Route ``path`` to the stream app and everything else to Django."""

    async def application(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["path"] == path:
            await stream_app(scope, receive, send)
        else:
            await django_app(scope, receive, send)

    return application
