"""The picture sizes discovery asks of Wagtail, written as the article page writes them.

``LARGE_HERO`` is the largest JPEG the article page itself renders, so feeds,
sitemaps and structured data reuse that rendition instead of making another.
"""

from django.http import HttpRequest
from wagtail.images.models import AbstractImage, AbstractRendition

LARGE_HERO = "format-jpeg|fill-1200x675"
# schema.org images for Google's article rich results: 16:9, 4:3 and 1:1.
STRUCTURED_DATA_IMAGES = (LARGE_HERO, "format-jpeg|fill-1200x900", "format-jpeg|fill-1200x1200")
# Open Graph's recommended share picture, about 1.91:1.
SHARE_IMAGE = "format-jpeg|fill-1200x630"
LOGO = "format-png|max-600x600"


def absolute_url(request: HttpRequest, url: str) -> str:
    """``url`` with the scheme and host of the request; absolute URLs (a CDN's) are kept."""
    return request.build_absolute_uri(url)


def author_url(request: HttpRequest, author) -> str | None:
    """The absolute address of an author's page, or ``None`` while it is unpublished (as bylines do)."""
    url = author.get_url(request) if author.live else None
    return absolute_url(request, url) if url else None


def renditions(image: AbstractImage | None, *specs: str) -> dict[str, AbstractRendition] | None:
    """The picture in each size, or ``None`` when there is no picture or its file is lost.

    A lost original (a restored database without its media, say) makes the
    picture unusable, not the page: callers fall back as if there were none.
    """
    if image is None:
        return None
    try:
        return image.get_renditions(*specs)
    except OSError:  # Wagtail's SourceImageIOError is one
        return None
