"""The News Feed as RSS 2.0, Atom 1.0 and JSON Feed 1.1."""

from django.contrib.syndication.views import Feed
from django.http import HttpRequest, JsonResponse
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from masthead.core.middleware import newsroom_for

from .models import NewsItem

FEED_LENGTH = 50


def item_title(item: NewsItem) -> str:
    return str(item)


class NewsFeedRss(Feed):
    """The latest items, newest first."""

    def get_object(self, request: HttpRequest):
        self.request = request
        return newsroom_for(request)

    def title(self, newsroom) -> str:
        return _("%(newsroom)s: News Feed") % {"newsroom": newsroom.name}

    def description(self, newsroom) -> str:
        return _("Short updates from the newsroom, as they are posted.")

    def link(self) -> str:
        return reverse("newsfeed:index")

    def items(self):
        return NewsItem.objects.published().select_related("article")[:FEED_LENGTH]

    def item_title(self, item: NewsItem) -> str:
        return item_title(item)

    def item_description(self, item: NewsItem) -> str:
        return item.text

    def item_link(self, item: NewsItem) -> str:
        return item.get_absolute_url()

    def item_pubdate(self, item: NewsItem):
        return item.posted_at

    def item_updateddate(self, item: NewsItem):
        return item.updated_at


class NewsFeedAtom(NewsFeedRss):
    feed_type = Atom1Feed
    subtitle = NewsFeedRss.description


def json_feed_item(request: HttpRequest, item: NewsItem) -> dict:
    entry = {
        "id": str(item.pk),
        "url": request.build_absolute_uri(item.get_absolute_url()),
        "content_text": item.text,
        "date_published": item.posted_at.isoformat(),
        "date_modified": item.updated_at.isoformat(),
    }
    if item.article and item.article.live:
        entry["external_url"] = request.build_absolute_uri(item.article.url)
    if item.is_breaking:
        entry["tags"] = ["breaking"]
    return entry


def json_feed(request: HttpRequest) -> JsonResponse:
    """JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/)."""
    newsroom = newsroom_for(request)
    items = NewsItem.objects.published().select_related("article")[:FEED_LENGTH]
    return JsonResponse(
        {
            "version": "https://jsonfeed.org/version/1.1",
            "title": _("%(newsroom)s: News Feed") % {"newsroom": newsroom.name},
            "home_page_url": request.build_absolute_uri(reverse("newsfeed:index")),
            "feed_url": request.build_absolute_uri(reverse("newsfeed:json")),
            "language": newsroom.language,
            "items": [json_feed_item(request, item) for item in items],
        },
        content_type="application/feed+json",
        json_dumps_params={"ensure_ascii": False},
    )
