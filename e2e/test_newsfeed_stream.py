"""The live stream over real HTTP, from real server processes."""

import http.client
import json
import socket
import subprocess
import time

import pytest

from .processes import PYTHON, ROOT, migrated_embedded_env, python

POST_ITEMS = """
import django, json
django.setup()
from masthead.newsfeed.models import FeedEvent, NewsItem
texts = {texts!r}
items = [NewsItem.objects.create(text=t) for t in texts]
print(json.dumps({{"last_event": FeedEvent.objects.order_by("-pk").first().pk}}))
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def embedded_env(tmp_path_factory):
    """One migrated embedded newsroom for the module (migrating takes seconds)."""
    return migrated_embedded_env(tmp_path_factory.mktemp("stream"))


def stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def start_server(env: dict) -> tuple[subprocess.Popen, int]:
    port = free_port()
    server = subprocess.Popen(
        [PYTHON, "-m", "granian", "--interface", "asginl", "--host", "127.0.0.1", "--port", str(port)]
        + ["--workers", "1", "--log-level", "warning", "masthead.asgi:application"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 90  # generous: a loaded machine starts Python slowly
    while time.monotonic() < deadline and server.poll() is None:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return server, port
        except OSError:
            time.sleep(0.2)
    server.kill()
    _, errors = server.communicate()
    raise AssertionError(f"the server did not start: {errors.decode(errors='replace')[-2000:]}")


class EventReader:
    """A minimal Server-Sent Events client over a real socket."""

    def __init__(self, port: int, last_event_id: str | None = None, timeout: float = 15) -> None:
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
        headers = {"Accept": "text/event-stream"}
        if last_event_id is not None:
            headers["Last-Event-ID"] = last_event_id
        self.conn.request("GET", "/news-feed/stream/", headers=headers)
        self.response = self.conn.getresponse()
        assert self.response.status == 200
        assert self.response.getheader("Content-Type").startswith("text/event-stream")

    def next_event(self) -> dict:
        fields: dict = {}
        while True:
            line = self.response.fp.readline().decode().rstrip("\n")
            if line == "":
                if "data" in fields:
                    return {"id": int(fields["id"]), "event": fields["event"], **json.loads(fields["data"])}
                fields = {}
                continue
            if line.startswith(":"):
                continue
            name, _, value = line.partition(": ")
            fields[name] = value

    def close(self) -> None:
        self.conn.close()


@pytest.fixture(scope="module")
def server(embedded_env):
    process, port = start_server(embedded_env)
    yield port
    stop(process)


def test_an_open_stream_receives_a_new_item(embedded_env, server):
    # How fast is measured in bench/newsfeed.py, not here: this machine is shared.
    reader = EventReader(server)
    time.sleep(0.5)  # the stream is open before the item is posted
    python(embedded_env, POST_ITEMS.format(texts=["Sirens in the river districts."]))
    event = reader.next_event()
    assert event["event"] == "posted"
    assert "Sirens in the river districts." in event["html"]
    reader.close()


def test_a_reconnecting_reader_gets_exactly_the_events_it_missed(embedded_env, server):
    first = python(embedded_env, POST_ITEMS.format(texts=["One."]))
    python(embedded_env, POST_ITEMS.format(texts=["Two.", "Three."]))
    reader = EventReader(server, last_event_id=str(first["last_event"]))
    missed = [reader.next_event() for _ in range(2)]
    assert [e["event"] for e in missed] == ["posted", "posted"]
    assert ["Two." in missed[0]["html"], "Three." in missed[1]["html"]] == [True, True]
    assert [e["id"] for e in missed] == [first["last_event"] + 1, first["last_event"] + 2]
    # nothing else is pending: the next event is a new one, not a repeat
    python(embedded_env, POST_ITEMS.format(texts=["Four."]))
    assert "Four." in reader.next_event()["html"]
    reader.close()


@pytest.mark.parametrize("junk", ["abc", "-5", "9" * 40, "1e9"])
def test_a_malformed_last_event_id_is_ignored(embedded_env, server, junk):
    reader = EventReader(server, last_event_id=junk)
    python(embedded_env, POST_ITEMS.format(texts=["After junk."]))
    assert "After junk." in reader.next_event()["html"]
    reader.close()


def assert_every_reader_receives(env: dict, ports: list[int], text: str, timeout: float = 15) -> None:
    """Open a stream on each port, post ``text`` from another process, and see it on all."""
    readers = [EventReader(port, timeout=timeout) for port in ports]
    try:
        time.sleep(1)  # the streams are open before the item is posted
        python(env, POST_ITEMS.format(texts=[text]))
        assert all(text in reader.next_event()["html"] for reader in readers)
    finally:
        for reader in readers:
            reader.close()


def test_an_item_posted_anywhere_reaches_readers_on_every_server_process(embedded_env, server):
    other, other_port = start_server(embedded_env)
    try:
        assert_every_reader_receives(embedded_env, [server, other_port], "Seen everywhere.")
    finally:
        stop(other)


def test_two_open_pages_show_a_new_item_without_reloading(browser, embedded_env, server):
    from playwright.sync_api import expect

    context = browser.new_context()
    pages = [context.new_page() for _ in range(2)]
    for page in pages:
        page.goto(f"http://127.0.0.1:{server}/")
        expect(page.locator("[data-news-feed-column]")).to_be_visible()
    time.sleep(1)  # both EventSources connected
    python(embedded_env, POST_ITEMS.format(texts=["Seen without reloading."]))
    for page in pages:
        expect(page.locator("[data-news-feed-column] .news-feed__list")).to_contain_text(
            "Seen without reloading."
        )
    status = pages[0].locator("[data-news-feed-status]")
    expect(status).to_have_text("New update: Seen without reloading.")
    assert pages[0].evaluate("document.activeElement === document.body")  # focus was not moved
    context.close()


SCHEDULE_ITEM = """
import django, json
django.setup()
from datetime import timedelta
from django.utils import timezone
from masthead.newsfeed.models import NewsItem
item = NewsItem.objects.create(text="On the hour.", posted_at=timezone.now() + timedelta(seconds={seconds}))
print(json.dumps({{"due": item.posted_at.timestamp()}}))
"""


def test_a_scheduled_item_reaches_open_pages_when_its_time_comes_not_before(embedded_env, server):
    reader = EventReader(server, timeout=30)
    time.sleep(0.5)
    due = python(embedded_env, SCHEDULE_ITEM.format(seconds=4))["due"]
    event = reader.next_event()
    arrived = time.time()
    assert event["event"] == "posted" and "On the hour." in event["html"]
    assert arrived >= due  # held back until its time, then sent by the hub on its own
    reader.close()


CREATE_EDITOR = """
import django, json
django.setup()
from django.contrib.auth import get_user_model
User = get_user_model()
if not User.objects.filter(username="desk").exists():
    User.objects.create_superuser("desk", "desk@example.org", "a-long-test-password")
print(json.dumps({}))
"""


def test_an_editor_quick_posts_a_breaking_update_that_open_pages_show_live(browser, embedded_env, server):
    from playwright.sync_api import expect

    python(embedded_env, CREATE_EDITOR)
    base = f"http://127.0.0.1:{server}"
    readers = browser.new_context()
    feed_page, home = readers.new_page(), readers.new_page()
    feed_page.goto(base + "/news-feed/")
    home.goto(base + "/")
    expect(feed_page.locator("[data-news-feed-page]")).to_be_attached()

    editor = browser.new_context().new_page()
    editor.goto(base + "/admin/login/?next=/admin/news-feed/post/")
    editor.fill("#id_username", "desk")
    editor.fill("#id_password", "a-long-test-password")
    editor.click("button[type=submit]")
    box = editor.locator("textarea[name=text]")
    text = "Bridge on the ring road closed after a strike."
    box.fill(text)
    expect(editor.locator(".char-counter")).to_have_text(f"Characters left: {280 - len(text)}")
    box.fill("x" * 290)
    expect(editor.locator(".char-counter")).to_have_text("Too long by 10 characters")
    box.fill(text)
    editor.check("input[name=is_breaking]")
    editor.click("form.quick-post button[type=submit]")
    expect(editor.locator(".messages")).to_contain_text("Posted at")

    expect(feed_page.locator(".news-day").first.locator(".news-item").first).to_contain_text(text)
    expect(feed_page.locator("[data-breaking-banner] .breaking-banner")).to_contain_text(text)
    expect(home.locator("[data-news-feed-column] .news-item").first).to_contain_text(text)
    expect(home.locator("[data-news-feed-status]")).to_have_text("Breaking: " + text)
    assert feed_page.evaluate("document.activeElement === document.body")
    readers.close()


def test_scaled_processes_hear_of_a_new_item_through_redis_at_once(scaled_env):
    # The safety-net poll is set far beyond the readers' timeout: only the
    # Redis announcement can deliver the item in time.
    env = {**scaled_env, "NEWSFEED_POLL_SECONDS_WITH_REDIS": "300"}
    servers = [start_server(env), start_server(env)]
    try:
        assert_every_reader_receives(env, [port for _, port in servers], "Through Redis.", timeout=30)
    finally:
        for process, _ in servers:
            stop(process)
