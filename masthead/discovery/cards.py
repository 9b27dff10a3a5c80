"""Pictures drawn from words: share cards for articles without a photo, and a wordmark logo.

Each picture is drawn once with Pillow and kept in the default storage under
``share-cards/``, named by a digest of the words on it, so it is redrawn
exactly when those words change (a new headline, a renamed newsroom) and the
stale file is removed.
"""

import hashlib
from collections.abc import Callable
from io import BytesIO
from pathlib import Path

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from PIL import Image, ImageDraw, ImageFont, features

CARD_SIZE = (1200, 630)
LOGO_SIZE = (600, 120)
# Bump when the drawing changes, so every card is redrawn.
DRAWING_VERSION = "1"
STORAGE_DIR = "share-cards"

PAPER = (253, 252, 249)
INK = (22, 24, 29)
ACCENT = (164, 22, 26)
SOFT = (74, 79, 90)

# Fonts with Latin and Cyrillic letters that Debian, Ubuntu, Fedora and
# macOS ship; SHARE_CARD_FONT / SHARE_CARD_FONT_BOLD name others.
SERIF_BOLD_CANDIDATES = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf",
    "/usr/share/fonts/dejavu-serif-fonts/DejaVuSerif-Bold.ttf",
    "/usr/share/fonts/truetype/noto/NotoSerif-Bold.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSerif-Bold.ttf",
    "/Library/Fonts/Georgia Bold.ttf",
    "/System/Library/Fonts/Supplemental/Georgia Bold.ttf",
)
SANS_CANDIDATES = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    "/usr/share/fonts/dejavu-sans-fonts/DejaVuSans-Bold.ttf",
    "/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf",
    "/System/Library/Fonts/Supplemental/Arial Bold.ttf",
)


def find_font(setting: str, candidates: tuple[str, ...]) -> str | None:
    configured = getattr(settings, setting, "")
    for path in (configured, *candidates):
        if path and Path(path).is_file():
            return path
    return None


def load_font(setting: str, candidates: tuple[str, ...], size: int) -> ImageFont.ImageFont:
    path = find_font(setting, candidates)
    if path:
        return ImageFont.truetype(path, size)
    # Pillow's own font has Latin letters only; install fonts-dejavu for others.
    if features.check("freetype2"):
        return ImageFont.load_default(size=size)
    return ImageFont.load_default()


def wrap(draw: ImageDraw.ImageDraw, text: str, font, width: int) -> list[str]:
    """Break ``text`` into lines no wider than ``width``; a word too long for a line is cut."""
    lines: list[str] = []
    line = ""
    for word in text.split():
        candidate = f"{line} {word}".strip()
        if draw.textlength(candidate, font=font) <= width:
            line = candidate
            continue
        if line:
            lines.append(line)
        while draw.textlength(word, font=font) > width and len(word) > 1:
            cut = len(word)
            while cut > 1 and draw.textlength(word[:cut], font=font) > width:
                cut -= 1
            lines.append(word[:cut])
            word = word[cut:]
        line = word
    if line:
        lines.append(line)
    return lines


def fit_headline(draw: ImageDraw.ImageDraw, headline: str, width: int, height: int):
    """The largest font size at which the headline fits the box, and its lines.

    At the smallest size a headline still too long ends with an ellipsis.
    """
    for size in range(84, 39, -4):
        font = load_font("SHARE_CARD_FONT_BOLD", SERIF_BOLD_CANDIDATES, size)
        line_height = int(size * 1.2)
        lines = wrap(draw, headline, font, width)
        if len(lines) * line_height <= height:
            return font, line_height, lines
    max_lines = max(1, height // line_height)
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        last = lines[-1]
        while last and draw.textlength(f"{last}…", font=font) > width:
            last = last[:-1]
        lines[-1] = f"{last.rstrip()}…"
    return font, line_height, lines


def draw_card(headline: str, newsroom_name: str) -> bytes:
    """A 1200×630 PNG: the newsroom's name over a red rule, then the headline."""
    image = Image.new("RGB", CARD_SIZE, PAPER)
    draw = ImageDraw.Draw(image)
    margin = 72
    name_font = load_font("SHARE_CARD_FONT", SANS_CANDIDATES, 34)
    draw.text((margin, margin - 8), newsroom_name.upper(), font=name_font, fill=ACCENT)
    draw.rectangle((margin, margin + 48, CARD_SIZE[0] - margin, margin + 54), fill=INK)
    top = margin + 96
    font, line_height, lines = fit_headline(
        draw, headline, CARD_SIZE[0] - 2 * margin, CARD_SIZE[1] - top - margin
    )
    for number, line in enumerate(lines):
        draw.text((margin, top + number * line_height), line, font=font, fill=INK)
    draw.rectangle((0, CARD_SIZE[1] - 16, CARD_SIZE[0], CARD_SIZE[1]), fill=ACCENT)
    return png_bytes(image)


def draw_logo(newsroom_name: str) -> bytes:
    """A 600×120 PNG wordmark of the newsroom's name, for structured data without a logo."""
    image = Image.new("RGB", LOGO_SIZE, PAPER)
    draw = ImageDraw.Draw(image)
    for size in range(64, 15, -4):
        font = load_font("SHARE_CARD_FONT_BOLD", SERIF_BOLD_CANDIDATES, size)
        if draw.textlength(newsroom_name, font=font) <= LOGO_SIZE[0] - 24:
            break
    left, top, right, bottom = draw.textbbox((0, 0), newsroom_name, font=font)
    position = ((LOGO_SIZE[0] - (right - left)) / 2 - left, (LOGO_SIZE[1] - (bottom - top)) / 2 - top)
    draw.text(position, newsroom_name, font=font, fill=INK)
    return png_bytes(image)


def png_bytes(image: Image.Image) -> bytes:
    buffer = BytesIO()
    image.save(buffer, "PNG", optimize=True)
    return buffer.getvalue()


def digest(*words: str) -> str:
    """A short fingerprint of the words a picture shows (and of how it is drawn)."""
    text = "\x00".join((DRAWING_VERSION, *words))
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def cached_picture(name: str, fingerprint: str, draw: Callable[[], bytes]) -> bytes:
    """The picture ``name`` with this fingerprint, drawn and stored on the first request.

    Pictures of the same name with another fingerprint are out of date and removed.
    """
    directory = f"{STORAGE_DIR}/{name}"
    path = f"{directory}/{fingerprint}.png"
    if default_storage.exists(path):
        with default_storage.open(path, "rb") as stored:
            return stored.read()
    content = draw()
    saved = default_storage.save(path, ContentFile(content))
    if saved != path:  # another process drew it at the same moment; keep one copy
        default_storage.delete(saved)
    try:
        _dirs, files = default_storage.listdir(directory)
    except FileNotFoundError:
        files = []
    for stale in files:
        if stale != f"{fingerprint}.png":
            default_storage.delete(f"{directory}/{stale}")
    return content


def article_card(article_pk: int, headline: str, newsroom_name: str) -> bytes:
    return cached_picture(
        f"article-{article_pk}", digest(headline, newsroom_name), lambda: draw_card(headline, newsroom_name)
    )


def site_card(site_pk: int, newsroom_name: str, tagline: str) -> bytes:
    text = tagline or newsroom_name
    return cached_picture(
        f"site-{site_pk}", digest(text, newsroom_name), lambda: draw_card(text, newsroom_name)
    )


def logo(site_pk: int, newsroom_name: str) -> bytes:
    return cached_picture(f"logo-{site_pk}", digest("logo", newsroom_name), lambda: draw_logo(newsroom_name))
