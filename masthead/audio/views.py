"""Readers' side of article audio: the narration files and the podcast cover."""

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse

from masthead.core.middleware import newsroom_for
from masthead.discovery import cards
from masthead.discovery.scopes import current_site

from .files import ranged_file_response
from .models import ArticleAudio, Narration

CONTENT_TYPES = {"opus": "audio/ogg; codecs=opus", "mp3": "audio/mpeg"}
COVER_SIZE = (1400, 1400)  # the smallest square Apple Podcasts accepts


def serve_file(request: HttpRequest, narration: Narration, fmt: str, cache_control: str) -> HttpResponse:
    path = narration.file_path(fmt)
    if path is None or not path.is_file():
        raise Http404("This narration has no such file.")
    name = f"{narration.article.slug}.{fmt}" if fmt == "mp3" else None
    return ranged_file_response(request, path, CONTENT_TYPES[fmt], cache_control, filename=name)


def narration_file(request: HttpRequest, pk: int, key: str, fmt: str) -> HttpResponse:
    """The audio of a live article, as Opus or MP3, answering range requests.

    Only the narration readers hear is served, and only while its article is
    live and public: unpublishing an article (or turning its audio off)
    takes the audio down with it.
    """
    audio = (
        ArticleAudio.objects.select_related("live_narration", "article")
        .filter(live_narration_id=pk, enabled=True)
        .first()
    )
    narration = audio.live_narration if audio else None
    if narration is None or not narration.has_audio or not narration.key.startswith(key) or len(key) < 16:
        raise Http404("No such narration.")
    article = audio.article
    if not article.live or article.get_view_restrictions().exists():
        raise Http404("No such narration.")
    seconds = settings.PUBLIC_CACHE_SECONDS
    # Files are named by their script's hash: a new narration has a new address.
    return serve_file(request, narration, fmt, f"public, max-age={seconds}, stale-while-revalidate={seconds}")


def draw_cover(newsroom_name: str) -> bytes:
    from PIL import Image, ImageDraw

    image = Image.new("RGB", COVER_SIZE, cards.PAPER)
    draw = ImageDraw.Draw(image)
    margin = 140
    width = COVER_SIZE[0] - 2 * margin
    for size in range(180, 59, -10):
        font = cards.load_font("SHARE_CARD_FONT_BOLD", cards.SERIF_BOLD_CANDIDATES, size)
        lines = cards.wrap(draw, newsroom_name, font, width)
        if len(lines) * size * 1.2 <= 700:
            break
    top = 380
    for number, line in enumerate(lines):
        draw.text((margin, top + number * int(size * 1.2)), line, font=font, fill=cards.INK)
    draw.rectangle((margin, 260, COVER_SIZE[0] - margin, 276), fill=cards.ACCENT)
    label = cards.load_font("SHARE_CARD_FONT", cards.SANS_CANDIDATES, 72)
    draw.text((margin, COVER_SIZE[1] - margin - 90), "AUDIO", font=label, fill=cards.ACCENT)
    draw.rectangle((0, COVER_SIZE[1] - 40, COVER_SIZE[0], COVER_SIZE[1]), fill=cards.ACCENT)
    return cards.png_bytes(image)


def podcast_cover(request: HttpRequest) -> HttpResponse:
    """The podcast's square artwork: the newsroom's name, drawn once and kept."""
    site = current_site(request)
    name = newsroom_for(request).name
    content = cards.cached_picture(
        f"podcast-{site.pk}", cards.digest("podcast", name), lambda: draw_cover(name)
    )
    return HttpResponse(content, content_type="image/png")
