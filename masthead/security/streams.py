"""A cap on the live streams one client holds open at once (the News Feed's Server-Sent Events).

The stream is served beside Django (``masthead.newsfeed.asgi_stream``), so
no Django middleware sees it. Each open stream is cheap, a coroutine and a
socket, but not free: a client opening thousands would use up the server's
file descriptors. This ASGI wrapper counts the streams each client has open
in this server process and answers ``429`` past ``MASTHEAD_STREAMS_PER_CLIENT``
(default 30: a reader with many tabs, or an office behind one address).
A browser's EventSource does not retry after a 429; that reader's page keeps
the column as it was rendered.

The client is the address the proxy names in ``NEWSLETTER_CLIENT_IP_HEADER``
(as for every other limit), else the connection's own address; IPv6 clients
count per /64.
"""

import ipaddress
from collections import Counter
from collections.abc import Awaitable, Callable

from django.conf import settings

DEFAULT_STREAMS_PER_CLIENT = 30

Scope = dict
Receive = Callable[[], Awaitable[dict]]
Send = Callable[[dict], Awaitable[None]]
App = Callable[[Scope, Receive, Send], Awaitable[None]]


def header_name(meta_name: str) -> bytes:
    """``HTTP_X_REAL_IP`` (a request.META name) as the ASGI header ``x-real-ip``."""
    return meta_name.removeprefix("HTTP_").lower().replace("_", "-").encode("latin-1")


def client_of(scope: Scope) -> str:
    raw = ""
    if meta_name := settings.NEWSLETTER_CLIENT_IP_HEADER:
        wanted = header_name(meta_name)
        raw = next((v.decode("latin-1") for n, v in scope.get("headers", []) if n == wanted), "")
    if not raw and scope.get("client"):
        raw = scope["client"][0]
    try:
        address = ipaddress.ip_address(raw.split(",")[0].strip())
    except ValueError:
        return "unknown"
    if address.version == 6:
        return str(ipaddress.ip_network(f"{address}/64", strict=False))
    return str(address)


def limit_streams_per_client(app: App, path: str, most: int | None = None) -> App:
    """Wrap an ASGI application: at most ``most`` open requests to ``path`` per client."""
    open_streams: Counter[str] = Counter()

    async def application(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"] != path:
            await app(scope, receive, send)
            return
        cap = (
            most
            if most is not None
            else getattr(settings, "MASTHEAD_STREAMS_PER_CLIENT", DEFAULT_STREAMS_PER_CLIENT)
        )
        client = client_of(scope)
        if open_streams[client] >= cap:
            headers = [(b"content-type", b"text/plain; charset=utf-8"), (b"retry-after", b"60")]
            await send({"type": "http.response.start", "status": 429, "headers": headers})
            await send({"type": "http.response.body", "body": b"Too many open live streams.\n"})
            return
        open_streams[client] += 1
        try:
            await app(scope, receive, send)
        finally:
            open_streams[client] -= 1
            if open_streams[client] <= 0:
                del open_streams[client]

    application.open_streams = open_streams
    return application
