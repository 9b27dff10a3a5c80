from django import template
from django.utils.safestring import SafeString, mark_safe

from ..csp import nonce_attribute

register = template.Library()


@register.simple_tag
def script_nonce() -> SafeString:
    """` nonce="…"` for an inline script in a template rendered without the request."""
    return mark_safe(nonce_attribute())  # noqa: S308 - a token of URL-safe characters
