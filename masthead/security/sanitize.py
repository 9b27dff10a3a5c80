"""Rich text and embeds are cleaned when saved and again when shown.

Wagtail's editor only produces safe markup, but text also arrives by import,
the shell, the API or an old revision; and an oEmbed provider's answer is
third-party HTML. nh3 (the Rust ``ammonia`` sanitiser) keeps an allow-list
of tags, attributes and URL schemes and drops everything else (scripts,
``on*`` handlers, ``javascript:`` links, style attributes).
"""

from urllib.parse import urlsplit

import nh3
from django.utils.safestring import SafeString, mark_safe

from .policy import EMBED_FRAME_SOURCES

# Wagtail's stored rich-text format for the features editors have.
STORED_TAGS = {"p", "br", "b", "i", "strong", "em", "a", "ol", "ul", "li", "sup", "sub", "h2", "h3", "h4"}
STORED_ATTRIBUTES = {"a": {"href", "linktype", "id"}}
# What reaches readers after Wagtail expands internal links.
SHOWN_ATTRIBUTES = {"a": {"href"}}
URL_SCHEMES = {"http", "https", "mailto", "tel"}

EMBED_HOSTS = {urlsplit(origin).netloc for origin in EMBED_FRAME_SOURCES}
EMBED_TAGS = {"div", "iframe", "p", "a", "blockquote"}
EMBED_ATTRIBUTES = {
    "div": {"class"},
    "iframe": {"src", "title", "width", "height", "allow", "allowfullscreen", "loading", "referrerpolicy"},
    "a": {"href"},
}


def clean_stored_rich_text(source: str) -> str:
    """Rich text as it may be stored: Wagtail's format, nothing executable."""
    return nh3.clean(
        source, tags=STORED_TAGS, attributes=STORED_ATTRIBUTES, url_schemes=URL_SCHEMES, link_rel=None
    )


def clean_shown_rich_text(html: str) -> SafeString:
    """Expanded rich text as readers get it."""
    cleaned = nh3.clean(
        html, tags=STORED_TAGS, attributes=SHOWN_ATTRIBUTES, url_schemes=URL_SCHEMES, link_rel=None
    )
    return mark_safe(cleaned)  # noqa: S308 - cleaned by nh3 just above


def allowed_frame(element: str, attribute: str, value: str) -> str | None:
    if element == "iframe" and attribute == "src":
        parts = urlsplit(value)
        return value if parts.scheme == "https" and parts.netloc in EMBED_HOSTS else None
    return value


def clean_embed_html(html: str) -> SafeString:
    """A provider's embed: only iframes from the allowed players, no scripts or inline styles."""
    cleaned = nh3.clean(
        html,
        tags=EMBED_TAGS,
        attributes=EMBED_ATTRIBUTES,
        url_schemes={"https"},
        link_rel="noopener noreferrer",
        attribute_filter=allowed_frame,
    )
    return mark_safe(cleaned)  # noqa: S308 - cleaned by nh3 just above
