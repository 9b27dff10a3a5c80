"""Article audio end to end: publish, the worker narrates, granian serves it, Chromium plays it."""

import http.client
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
    body=[
        paragraph("The night routes run again from Friday, after a winter without them."),
        paragraph("Drivers asked for better lighting at the stops and a second bus on the river line."),
    ],
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
key = n and f"{{audio.article_id}}-{{n.key[:16]}}"
print(json.dumps(n and {{"status": n.status, "message": n.message, "url": url, "key": key}}))
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
    assert duration > 9, "the article must be long enough to come back to 5 s (places under 3 s are not kept)"

    # The listener jumps to 5 s and leaves; coming back, the place and the speed are remembered.
    audio.evaluate(
        "a => new Promise(done => { a.addEventListener('seeked', done, {once: true}); a.currentTime = 5; })"
    )
    place_key = f"masthead:audio:place:{narrated['narration']['key']}"
    assert page.evaluate("key => localStorage.getItem(key)", place_key) == "5"
    page.reload()
    page.wait_for_function("() => document.querySelector('[data-audio-player] audio').currentTime >= 5")
    assert audio.evaluate("a => a.currentTime") == pytest.approx(5, abs=0.5)
    assert audio.evaluate("a => a.paused")
    assert page.evaluate("() => localStorage.getItem('masthead:audio:rate')") == "1.5"
    assert audio.evaluate("a => a.playbackRate") == 1.5
    expect(player.get_by_role("button", name="1.5×")).to_have_attribute("aria-pressed", "true")

    # The place is kept per narration (the article and its text), nothing else.
    assert page.evaluate(
        "() => Object.keys(localStorage).filter(k => k.startsWith('masthead:audio:place:'))"
    ) == [place_key]
