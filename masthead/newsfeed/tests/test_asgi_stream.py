"""The bare ASGI stream app, driven the way an ASGI server drives it."""

import asyncio

import pytest
from django.test import override_settings

from masthead.newsfeed import stream
from masthead.newsfeed.asgi_stream import last_event_id, stream_app, with_live_stream
from masthead.newsfeed.models import FeedEvent


def scope(method: str = "GET", host: bytes = b"testserver", headers=(), query: bytes = b"") -> dict:
    return {
        "type": "http",
        "method": method,
        "path": "/news-feed/stream/",
        "query_string": query,
        "headers": [(b"host", host), *headers],
    }


class Connection:
    """What the server sees: messages sent, and a disconnect it can trigger."""

    def __init__(self) -> None:
        self.sent: list[dict] = []
        self.gone = asyncio.Event()
        self.body = asyncio.Event()

    async def receive(self) -> dict:
        await self.gone.wait()
        return {"type": "http.disconnect"}

    async def send(self, message: dict) -> None:
        self.sent.append(message)
        if message["type"] == "http.response.body":
            self.body.set()

    def text(self) -> str:
        return b"".join(m.get("body", b"") for m in self.sent if m["type"] == "http.response.body").decode()


@pytest.fixture
def fresh_hubs(monkeypatch):
    monkeypatch.setattr(stream, "_hubs", {})


def run(coroutine):
    return asyncio.run(coroutine)


@pytest.mark.parametrize(
    ("headers", "query", "expected"),
    [
        ([(b"last-event-id", b"41")], b"", 41),
        ([], b"last_event_id=7", 7),
        ([(b"last-event-id", b"abc")], b"", None),
        ([(b"last-event-id", b"-3")], b"", None),
        ([(b"last-event-id", b"9" * 40)], b"", None),
        ([], b"last_event_id=%00", None),
    ],
)
def test_last_event_id_is_read_and_junk_ignored(headers, query, expected):
    assert last_event_id(scope(headers=headers, query=query)) == expected


@pytest.mark.parametrize("method", ["POST", "PUT", "DELETE"])
def test_only_get_is_served(method):
    connection = Connection()
    run(stream_app(scope(method=method), connection.receive, connection.send))
    assert connection.sent[0]["status"] == 405


@override_settings(ALLOWED_HOSTS=["news.example"])
def test_an_unknown_host_is_refused_as_django_would():
    connection = Connection()
    run(stream_app(scope(host=b"evil.example"), connection.receive, connection.send))
    assert connection.sent[0]["status"] == 400


def feed_events(*texts: str) -> list[FeedEvent]:
    return [
        FeedEvent(pk=n, kind="posted", item_id=100 + n, html=f"<article>{text}</article>")
        for n, text in enumerate(texts, start=1)
    ]


@pytest.fixture
def events_in_memory(fresh_hubs, monkeypatch):
    """The hub's database reads, answered from a list: this tests the ASGI side.

    The whole path through a real server and database is in e2e/test_newsfeed_stream.py.
    """
    events: list[FeedEvent] = []
    monkeypatch.setattr(stream, "look", lambda last_id: ([e for e in events if e.pk > last_id], None))
    monkeypatch.setattr(stream, "latest_event_id", lambda: 0)
    monkeypatch.setattr(stream, "events_after", lambda last_id, limit: [e for e in events if e.pk > last_id])
    return events


def test_a_reader_gets_missed_events_then_leaves_cleanly(events_in_memory):
    events_in_memory.extend(feed_events("Seen one.", "Missed one.", "Missed two."))

    async def session() -> Connection:
        connection = Connection()
        app = stream_app(scope(headers=[(b"last-event-id", b"1")]), connection.receive, connection.send)
        task = asyncio.ensure_future(app)
        while "Missed two." not in connection.text():
            await asyncio.wait_for(connection.body.wait(), 10)
            connection.body.clear()
        connection.gone.set()  # the reader closes the tab
        await asyncio.wait_for(task, 10)
        return connection

    connection = run(session())
    start = connection.sent[0]
    assert start["status"] == 200
    assert (b"content-type", b"text/event-stream; charset=utf-8") in start["headers"]
    text = connection.text()
    assert text.startswith("retry: ")
    assert "Seen one." not in text
    assert text.index("Missed one.") < text.index("Missed two.")
    assert text.count("event: posted") == 2 and "id: 3\n" in text


def test_a_reader_that_cannot_keep_up_is_dropped(events_in_memory, monkeypatch):
    from masthead.newsfeed import asgi_stream

    monkeypatch.setattr(asgi_stream, "SEND_TIMEOUT_SECONDS", 0.2)
    events_in_memory.extend(feed_events("Too much for a slow reader."))

    async def session() -> None:
        blocked = asyncio.Event()  # never set: the client's socket is full

        async def send(message: dict) -> None:
            if message.get("more_body"):
                await blocked.wait()

        async def receive() -> dict:
            await asyncio.sleep(3600)
            return {"type": "http.disconnect"}

        await asyncio.wait_for(stream_app(scope(query=b"last_event_id=0"), receive, send), 10)

    run(session())  # returns: the stream ended instead of waiting forever


def test_other_paths_go_to_django():
    calls = []

    async def django_app(scope, receive, send):
        calls.append((scope["type"], scope.get("path")))

    app = with_live_stream(django_app, "/news-feed/stream/")
    run(app({**scope(), "path": "/"}, None, None))
    run(app({"type": "lifespan"}, None, None))
    assert calls == [("http", "/"), ("lifespan", None)]
