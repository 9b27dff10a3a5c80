from django import template

from ..views import box_context

register = template.Library()


@register.inclusion_tag("components/newsletter_box.html")
def newsletter_box() -> dict:
    """The signup box shown on every page (nothing when no list is offered)."""
    return box_context()
