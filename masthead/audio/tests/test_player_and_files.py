"""Readers: the player above the body, the audio file with range requests, and unpublishing."""

from urllib.parse import quote

import pytest
from django.conf import settings

from masthead.articles.tests.factories import ArticleFactory, paragraph
from masthead.audio.models import ArticleAudio, Narration, audio_root

from .conftest import attach_ready_narration

pytestmark = pytest.mark.django_db


def test_article_without_a_ready_narration_shows_no_player(client, article):
    html = client.get(article.url).content.decode()
    assert "data-audio-player" not in html
    assert "created with AI assistance" not in html


def test_narrated_article_shows_player_duration_notice_and_download_above_the_body(client, narrated_article):
    narration = narrated_article.audio.live_narration
    html = client.get(narrated_article.url).content.decode()
    assert "data-audio-player" in html
    assert html.index("data-audio-player") < html.index('class="article__body"')
    assert "This audio is created with AI assistance" in html
    assert (
        f'<source src="/audio/{narration.pk}-{narration.key[:16]}.opus" type="audio/ogg; codecs=opus">'
        in html
    )
    assert f'href="/audio/{narration.pk}-{narration.key[:16]}.mp3" download' in html
    seconds = round(narration.duration_ms / 1000)
    assert f'<time datetime="PT{seconds}S">{seconds // 60}:{seconds % 60:02d}</time>' in html
    assert 'src="/static/js/audio.js" defer' in html
    assert "<script>" not in html.split("data-audio-player")[1].split("</section>")[0]


def test_narration_off_hides_the_player(client, narrated_article):
    ArticleAudio.objects.filter(article=narrated_article).update(enabled=False)
    assert "data-audio-player" not in client.get(narrated_article.url).content.decode()


def audio_url(article, fmt: str) -> str:
    narration = article.audio.live_narration
    return f"/audio/{narration.pk}-{narration.key[:16]}.{fmt}"


@pytest.mark.parametrize(("fmt", "content_type"), [("opus", "audio/ogg; codecs=opus"), ("mp3", "audio/mpeg")])
def test_audio_file_is_served_whole_with_its_type_and_accepts_ranges(
    client, narrated_article, fmt, content_type
):
    response = client.get(audio_url(narrated_article, fmt))
    body = b"".join(response.streaming_content)
    assert response.status_code == 200
    assert response["Content-Type"] == content_type
    assert response["Accept-Ranges"] == "bytes"
    assert int(response["Content-Length"]) == len(body) > 1000
    if fmt == "opus":
        assert body[:4] == b"OggS" and body[28:36] == b"OpusHead"
    else:
        assert mp3_frame_header(body) == {"layer": 3, "kbps": settings.AUDIO_MP3_KBPS, "channels": 1}


# MPEG-2 and 2.5 Layer III bitrates (kbit/s) by the header's index (ISO/IEC 13818-3); MPEG-1's.
MPEG2_L3_KBPS = [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160]
MPEG1_L3_KBPS = [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320]


def mp3_frame_header(data: bytes) -> dict:
    """The first MPEG audio frame's header, after an ID3v2 tag if there is one."""
    if data[:3] == b"ID3":
        size = 10 + sum((byte & 0x7F) << (7 * (3 - i)) for i, byte in enumerate(data[6:10]))
        data = data[size:]
    header = int.from_bytes(data[:4], "big")
    assert header >> 21 == 0x7FF, f"no MPEG frame sync: {data[:4].hex()}"
    version, layer = (header >> 19) & 3, (header >> 17) & 3
    kbps = (MPEG1_L3_KBPS if version == 3 else MPEG2_L3_KBPS)[(header >> 12) & 15]
    return {"layer": 4 - layer, "kbps": kbps, "channels": 1 if (header >> 6) & 3 == 3 else 2}


def test_range_request_gets_206_with_exactly_the_bytes_asked_for(client, narrated_article, sample_narration):
    whole = sample_narration.mp3.read_bytes()
    response = client.get(audio_url(narrated_article, "mp3"), HTTP_RANGE="bytes=100-1099")
    assert response.status_code == 206
    assert response["Content-Range"] == f"bytes 100-1099/{len(whole)}"
    assert response["Content-Length"] == "1000"
    assert b"".join(response.streaming_content) == whole[100:1100]


def test_open_ended_and_suffix_ranges_seek_to_the_end(client, narrated_article, sample_narration):
    whole = sample_narration.opus.read_bytes()
    url = audio_url(narrated_article, "opus")
    tail = client.get(url, HTTP_RANGE=f"bytes={len(whole) - 10}-")
    assert tail.status_code == 206
    assert b"".join(tail.streaming_content) == whole[-10:]
    suffix = client.get(url, HTTP_RANGE="bytes=-500")
    assert b"".join(suffix.streaming_content) == whole[-500:]


def test_range_past_the_end_is_416_with_the_size(client, narrated_article, sample_narration):
    size = sample_narration.opus.stat().st_size
    response = client.get(audio_url(narrated_article, "opus"), HTTP_RANGE=f"bytes={size + 5}-")
    assert response.status_code == 416
    assert response["Content-Range"] == f"bytes */{size}"


def test_a_stale_if_range_gets_the_whole_file(client, narrated_article):
    response = client.get(audio_url(narrated_article, "mp3"), HTTP_RANGE="bytes=0-9", HTTP_IF_RANGE='"old"')
    assert response.status_code == 200


def test_head_request_gives_length_without_body(client, narrated_article, sample_narration):
    response = client.head(audio_url(narrated_article, "mp3"))
    assert response.status_code == 200
    assert response["Content-Length"] == str(sample_narration.mp3.stat().st_size)


def test_repeat_request_with_etag_is_304(client, narrated_article):
    url = audio_url(narrated_article, "mp3")
    etag = client.get(url)["ETag"]
    assert client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304


def test_unpublishing_hides_the_player_and_takes_the_audio_down(client, narrated_article):
    url = audio_url(narrated_article, "mp3")
    assert client.get(url).status_code == 200
    narrated_article.unpublish()
    assert client.get(url).status_code == 404
    assert client.get(narrated_article.url or "/city/bridge-to-be-rebuilt/").status_code == 404


def test_a_wrong_key_or_a_narration_without_files_is_404(client, narrated_article):
    narration = narrated_article.audio.live_narration
    assert client.get(f"/audio/{narration.pk}-{'0' * 16}.mp3").status_code == 404
    # Being made again (Regenerate): readers keep the files of the same words meanwhile.
    Narration.objects.filter(pk=narration.pk).update(status=Narration.Status.NARRATING)
    assert client.get(audio_url(narrated_article, "mp3")).status_code == 200
    Narration.objects.filter(pk=narration.pk).update(status="queued", mp3_file="", opus_file="")
    assert client.get(audio_url(narrated_article, "mp3")).status_code == 404
    assert "data-audio-player" not in client.get(narrated_article.url).content.decode()


@pytest.mark.parametrize(
    "header",
    [f"bytes=0-{'9' * 5000}", f"bytes={'9' * 5000}-", f"bytes=-{'9' * 5000}", "bytes=99999999999999999999-"],
)
def test_a_range_with_an_absurdly_long_number_is_answered_not_a_500(client, narrated_article, header):
    response = client.get(audio_url(narrated_article, "mp3"), headers={"range": header})
    assert response.status_code in (206, 416)
    size = (audio_root() / narrated_article.audio.live_narration.mp3_file).stat().st_size
    if header.startswith(("bytes=0-", "bytes=-")):  # to the end, or the last "N" bytes: all of it
        assert response.status_code == 206
        assert response["Content-Range"] == f"bytes 0-{size - 1}/{size}"
    else:  # starting beyond the file
        assert response.status_code == 416
        assert response["Content-Range"] == f"bytes */{size}"


def test_the_download_of_an_article_with_a_cyrillic_address_keeps_its_name(client, section, sample_narration):
    article = ArticleFactory(parent=section, slug="міст-відбудують", body=[paragraph("The bridge reopens.")])
    attach_ready_narration(article, sample_narration)
    response = client.get(audio_url(article, "mp3"))
    assert response.status_code == 200
    # RFC 6266's filename*, which browsers read; a raw UTF-8 name would be mangled.
    assert response["Content-Disposition"] == f"inline; filename*=utf-8''{quote('міст-відбудують.mp3')}"
