"""Template tags: the discovery part of every page's head, and the share links."""

from django import template
from django.urls import reverse
from wagtail.models import Page

from masthead.articles.models import ArticlePage

from ..head import page_head
from ..pictures import absolute_url
from ..sharing import share_links as links_for

register = template.Library()


@register.inclusion_tag("discovery/head.html", takes_context=True)
def discovery_head(context: template.Context) -> dict:
    """Description, canonical address, feeds, hreflang, Open Graph, Twitter Card and JSON-LD.

    Only Wagtail pages (and the tag pages the home page routes) describe
    themselves; other views (the News Feed's, errors) keep their own head.
    """
    request = context.get("request")
    page = context.get("page")
    if request is None or not isinstance(page, Page):
        return {}
    return {"head": page_head(request, page, {"tag": context.get("tag"), "tags": context.get("tags", [])})}


@register.inclusion_tag("components/share_links.html", takes_context=True)
def share_links(context: template.Context, page: ArticlePage) -> dict:
    """Links sharing the article on social networks and by email."""
    request = context["request"]
    if page.pk is None:  # the preview of an article not saved yet
        return {}
    url = absolute_url(request, page.get_url(request) or request.path)
    mastodon = reverse("discovery:mastodon", kwargs={"pk": page.pk})
    return {"links": links_for(url, page.title, mastodon)}
