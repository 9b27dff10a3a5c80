from django import template
from django.utils.safestring import SafeString, mark_safe

from ..csp import nonce_attribute
from ..sanitize import clean_embed_html, clean_shown_rich_text

register = template.Library()


@register.simple_tag
def script_nonce() -> SafeString:
    """` nonce="…"` for an inline script in a template rendered without the request."""
    return mark_safe(nonce_attribute())  # noqa: S308 - a token of URL-safe characters


@register.filter
def clean_rich_text(html) -> SafeString:
    """Rich text after Wagtail's ``richtext`` filter, cleaned for readers."""
    return clean_shown_rich_text(str(html))


@register.filter
def clean_embed(embed) -> SafeString:
    """A provider's embed HTML, reduced to an iframe from an allowed player."""
    return clean_embed_html(str(embed))
