"""The live stream: Server-Sent Events that carry feed changes to open pages.

Each server process runs one ``FeedHub``: a single task that reads new
``FeedEvent`` rows from the database a few times a second and keeps the
latest ones in memory. Every open stream in the process waits on the hub, so
a thousand readers cost one small query per poll, not a thousand. Because
the events live in the shared database, an item posted through any process
reaches readers connected to every other one.

A reader who reconnects sends ``Last-Event-ID`` (browsers do it by
themselves) and gets exactly the events after it: from memory when the hub
still holds them, from the database otherwise. A reader too slow to keep up
with the hub's window is disconnected, and catches up on reconnecting.
"""

import asyncio
import contextlib
import json
import logging
from collections import deque
from collections.abc import AsyncIterator
from datetime import datetime

import redis.asyncio as aioredis
from asgiref.sync import sync_to_async
from django.conf import settings
from django.db import DatabaseError, close_old_connections
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import FeedEvent
from .signal_handlers import CHANNEL, release_due_items

logger = logging.getLogger(__name__)

WINDOW = 500
HEARTBEAT_SECONDS = 15


def valid_event_id(raw: str) -> int | None:
    """An event id a reader sent, or None for anything but a plain non-negative number."""
    return int(raw) if raw.isdigit() and len(raw) < 19 else None


def parse_last_event_id(request: HttpRequest) -> int | None:
    """The id the reader saw last, from the header or ``?last_event_id=``; junk is ignored."""
    return valid_event_id(request.headers.get("Last-Event-ID") or request.GET.get("last_event_id") or "")


def event_message(event: FeedEvent) -> bytes:
    """The event as Server-Sent Events bytes, made once however many readers get it."""
    message = getattr(event, "_sse_message", None)
    if message is None:
        data = json.dumps({"kind": event.kind, "item": event.item_id, "html": event.html})
        message = event._sse_message = f"id: {event.pk}\nevent: {event.kind}\ndata: {data}\n\n".encode()
    return message


class FeedHub:
    """One per process: polls the event table and wakes the streams waiting on it.

    With Redis configured, a message on the feed's channel makes the hub look
    at once, and the polling is only a slow safety net.
    """

    def __init__(self) -> None:
        self.events: deque[FeedEvent] = deque(maxlen=WINDOW)
        self.start_id: int | None = None  # the hub holds every event after this one...
        self.last_id: int | None = None
        self.changed = asyncio.Condition()
        self.wake = asyncio.Event()
        self.task: asyncio.Task | None = None
        self.listener: asyncio.Task | None = None

    def start(self) -> None:
        loop = asyncio.get_running_loop()
        if self.task is None or self.task.done():
            self.task = loop.create_task(self.poll_forever())
        if getattr(settings, "REDIS_URL", "") and (self.listener is None or self.listener.done()):
            self.listener = loop.create_task(self.listen_forever())

    async def listen_forever(self) -> None:
        """Wake the poller whenever any process announces a change through Redis."""
        while True:
            client = aioredis.Redis.from_url(settings.REDIS_URL)
            try:
                async with client.pubsub() as pubsub:
                    await pubsub.subscribe(CHANNEL)
                    async for message in pubsub.listen():
                        if message["type"] == "message":
                            self.wake.set()
            except (aioredis.RedisError, OSError):
                logger.warning("Lost the Redis feed channel; retrying", exc_info=True)
                await asyncio.sleep(1)
            finally:
                await client.aclose()

    async def poll_forever(self) -> None:
        if self.last_id is None:
            self.start_id = self.last_id = await sync_to_async(latest_event_id, thread_sensitive=False)()
        while True:
            try:
                new, next_due = await sync_to_async(look, thread_sensitive=False)(self.last_id)
            except DatabaseError:
                logger.warning("The feed hub could not read the database; retrying", exc_info=True)
                new, next_due = [], None
            if new:
                self.events.extend(new)
                self.last_id = new[-1].pk
                async with self.changed:
                    self.changed.notify_all()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self.wake.wait(), self.poll_seconds(next_due))
            self.wake.clear()

    def poll_seconds(self, next_due: datetime | None = None) -> float:
        """How long to sleep: until the next look, or the next scheduled item, if sooner."""
        if self.listener is not None and not self.listener.done():
            seconds = settings.NEWSFEED_POLL_SECONDS_WITH_REDIS
        else:
            seconds = settings.NEWSFEED_POLL_SECONDS
        if next_due is not None:
            seconds = min(seconds, max((next_due - timezone.now()).total_seconds(), 0) + 0.01)
        return seconds

    def held_after(self, last_id: int) -> list[FeedEvent] | None:
        """The events after ``last_id`` from memory; None when memory does not reach back."""
        if self.start_id is None:
            return None
        # ...until the window is full and starts forgetting the oldest.
        covered_from = self.events[0].pk - 1 if len(self.events) == WINDOW else self.start_id
        if last_id < covered_from:
            return None
        return [event for event in self.events if event.pk > last_id]

    async def wait(self, timeout: float) -> bool:
        """Wait for new events; False when the timeout passed with none."""
        async with self.changed:
            try:
                await asyncio.wait_for(self.changed.wait(), timeout)
            except TimeoutError:
                return False
        return True


# These run in the default thread pool (thread_sensitive=False): the hub
# outlives the request that started it, and must not wait on that request's
# thread. Each call hands its connection back, as a request would.


def latest_event_id() -> int:
    try:
        return FeedEvent.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    finally:
        close_old_connections()


def events_after(last_id: int, limit: int) -> list[FeedEvent]:
    try:
        return list(FeedEvent.objects.filter(pk__gt=last_id).order_by("pk")[:limit])
    finally:
        close_old_connections()


def look(last_id: int) -> tuple[list[FeedEvent], datetime | None]:
    """One look at the database: release items whose time came, read new events."""
    try:
        next_due = release_due_items()
    finally:
        close_old_connections()
    return events_after(last_id, WINDOW), next_due


_hubs: dict[int, FeedHub] = {}


def hub_for_this_loop() -> FeedHub:
    """The process's hub; one per event loop, since asyncio objects belong to one."""
    loop = asyncio.get_running_loop()
    hub = _hubs.get(id(loop))
    if hub is None:
        hub = _hubs[id(loop)] = FeedHub()
    hub.start()
    return hub


KEEP_ALIVE = b": keep-alive\n\n"


async def event_stream(hub: FeedHub, last_id: int | None) -> AsyncIterator[bytes]:
    yield f"retry: {settings.NEWSFEED_RETRY_MS}\n\n".encode()
    if last_id is None:
        # A new reader starts from what the hub has read: no query per reader.
        last_id = hub.last_id
    if last_id is None:
        last_id = await sync_to_async(latest_event_id, thread_sensitive=False)()
    while True:
        pending = hub.held_after(last_id)
        if pending is None:  # fell behind the hub's window: read the gap from the database
            pending = await sync_to_async(events_after, thread_sensitive=False)(last_id, WINDOW)
        for event in pending:
            yield event_message(event)
            last_id = event.pk
        if not pending and not await hub.wait(HEARTBEAT_SECONDS):
            yield KEEP_ALIVE


async def stream(request: HttpRequest) -> HttpResponse:
    """``GET /news-feed/stream/``: the feed's changes as Server-Sent Events."""
    if "wsgi.version" in request.META:
        # A WSGI server would hold a thread per reader, forever; pages keep
        # the column as rendered, and the browser's EventSource gives up.
        return HttpResponse(
            _("The live News Feed needs an ASGI server (see the README)."),
            status=501,
            content_type="text/plain",
        )
    hub = hub_for_this_loop()
    response = StreamingHttpResponse(
        event_stream(hub, parse_last_event_id(request)), content_type="text/event-stream"
    )
    response["Cache-Control"] = "no-cache, no-transform"
    response["X-Accel-Buffering"] = "no"  # nginx: pass events through at once
    return response
