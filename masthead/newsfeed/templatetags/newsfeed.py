"""The News Feed column and the breaking-news banner, for any page."""

from django import template

from masthead.newsfeed.models import NewsItem

register = template.Library()

COLUMN_LENGTH = 8


@register.inclusion_tag("components/news_feed_column.html")
def news_feed_column() -> dict:
    """The latest items, newest first, with a link to the whole feed."""
    items = list(NewsItem.objects.published().select_related("article")[:COLUMN_LENGTH])
    return {"items": items, "limit": COLUMN_LENGTH}


@register.inclusion_tag("components/breaking_banner.html")
def breaking_banner() -> dict:
    """The newest breaking item whose banner is still on, if any."""
    return {"item": NewsItem.objects.breaking().select_related("article").first()}
