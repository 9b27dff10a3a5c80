"""Article audio end to end: publish, the worker narrates, granian serves it, Chromium plays it."""

import http.client
import json
import subprocess
import time

import pytest
from playwright.sync_api import expect

from .processes import PYTHON, ROOT, migrated_embedded_env, python
from .test_newsfeed_stream import start_server, stop

PUBLISH_ARTICLE = """
import django, json
django.setup()
from masthead.articles.tests.factories import ArticleFactory, AuthorFactory, SectionFactory, paragraph
article = ArticleFactory(
    parent=SectionFactory(title="City", slug="city"),
    authors=[AuthorFactory(title="Halyna Rusyn")],
    title="Night buses return",
    body=[paragraph("The night routes run again from Friday. Drivers asked for better lighting.")],
)
print(json.dumps({"id": article.pk, "url": article.url}))
"""

READ_NARRATION = """
import django, json
django.setup()
from masthead.audio.models import ArticleAudio
audio = ArticleAudio.objects.select_related("live_narration").filter(article_id={pk}).first()
n = audio and audio.live_narration
url = n and f"/audio/{{n.pk}}-{{n.key[:16]}}"
print(json.dumps(n and {{"status": n.status, "message": n.message, "url": url}}))
"""


@pytest.fixture(scope="module")
def narrated(tmp_path_factory):
    """An embedded newsroom whose worker narrated a just-published article."""
    env = migrated_embedded_env(tmp_path_factory.mktemp("audio"))
    article = python(env, PUBLISH_ARTICLE)
    worker = subprocess.Popen(
        [PYTHON, "manage.py", "worker", "--no-clock"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 180
        narration = None
        while time.monotonic() < deadline:
            narration = python(env, READ_NARRATION.format(pk=article["id"]))
            if narration and narration["status"] in ("ready", "failed", "skipped"):
                break
            time.sleep(1)
    finally:
        stop(worker)
    assert narration and narration["status"] == "ready", narration
    server, port = start_server(env)
    yield {"env": env, "port": port, "article": article, "narration": narration}
    stop(server)


def request(port: int, path: str, headers: dict | None = None) -> tuple[int, dict, bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=15)
    connection.request("GET", path, headers=headers or {})
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response.status, {k.lower(): v for k, v in response.getheaders()}, body


def test_granian_serves_the_audio_with_its_type_and_range_requests(narrated):
    port, url = narrated["port"], narrated["narration"]["url"]
    status, headers, whole = request(port, url + ".mp3")
    assert status == 200 and headers["content-type"] == "audio/mpeg"
    assert headers["accept-ranges"] == "bytes"
    status, headers, part = request(port, url + ".opus", {"Range": "bytes=4-19"})
    assert status == 206
    assert headers["content-type"] == "audio/ogg; codecs=opus"
    assert headers["content-range"].startswith("bytes 4-19/")
    assert len(part) == 16
    status, _headers, body = request(port, "/audio/podcast.xml")
    assert status == 200 and b"<enclosure" in body


def test_reader_player_loads_its_duration_and_plays(narrated, page):
    port = narrated["port"]
    page.goto(f"http://127.0.0.1:{port}{narrated['article']['url']}")
    player = page.locator("[data-audio-player]")
    expect(player).to_contain_text("This audio is created with AI assistance")
    audio = player.locator("audio")
    page.wait_for_function("() => document.querySelector('[data-audio-player] audio').duration > 0")
    duration = audio.evaluate("a => a.duration")
    assert duration > 2

    # The speed buttons work from the keyboard and are remembered.
    faster = player.get_by_role("button", name="1.5×")
    faster.focus()
    page.keyboard.press("Enter")
    expect(faster).to_have_attribute("aria-pressed", "true")
    assert audio.evaluate("a => a.playbackRate") == 1.5

    audio.evaluate("a => a.play()")
    page.wait_for_function("() => document.querySelector('[data-audio-player] audio').currentTime > 0.5")
    assert audio.evaluate("a => a.currentSrc").endswith(".opus")
    audio.evaluate("a => a.pause()")
    place = audio.evaluate("a => a.currentTime")

    # Coming back: the place and the speed are remembered.
    page.reload()
    page.wait_for_function("() => document.querySelector('[data-audio-player] audio').duration > 0")
    if place > 3:
        assert audio.evaluate("a => a.currentTime") >= 3
    assert (
        json.loads(page.evaluate("() => JSON.stringify(localStorage.getItem('masthead:audio:rate'))"))
        == "1.5"
    )
