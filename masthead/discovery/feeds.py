"""Articles as RSS 2.0, Atom 1.0 and JSON Feed 1.1, for the site, a section, an author or a tag.

Django's syndication framework writes RSS and Atom; the generators below add
what it leaves out: every author of an article, the full text when the
newsroom chooses it (``content:encoded`` in RSS, ``content`` in Atom) and the
hero picture as Media RSS ``media:content`` beside the enclosure.
"""

import re
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urlsplit

from django.contrib.syndication.views import Feed
from django.http import HttpRequest, JsonResponse
from django.template.loader import render_to_string
from django.utils.feedgenerator import Atom1Feed, Enclosure, Rss201rev2Feed
from django.utils.html import escape

from masthead.articles.models import ArticlePage, attach_sections
from masthead.core.middleware import newsroom_for

from .models import DiscoverySettings
from .pictures import LARGE_HERO, absolute_url, author_url, renditions
from .scopes import FeedScope, feed_scope

FEED_LENGTH = 30
MEDIA_NS = "http://search.yahoo.com/mrss/"
CONTENT_NS = "http://purl.org/rss/1.0/modules/content/"
DC_NS = "http://purl.org/dc/elements/1.1/"


@dataclass
class FeedPicture:
    url: str
    width: int
    height: int
    length: int
    mime_type: str = "image/jpeg"


@dataclass
class FeedEntry:
    """One article as every feed format shows it."""

    id: str
    url: str
    title: str
    summary: str
    content_html: str | None
    published: datetime
    updated: datetime
    authors: list[tuple[str, str | None]]
    categories: list[str]
    picture: FeedPicture | None


# Attributes that carry addresses in the HTML the body blocks render.
_URL_ATTRIBUTE = re.compile(r'(\s(?:href|src|poster)=")(/[^"]*)"')
_SRCSET_ATTRIBUTE = re.compile(r'(\ssrcset=")([^"]*)"')


def with_absolute_urls(html: str, request: HttpRequest) -> str:
    """Make the site-relative addresses in ``html`` absolute: feed readers show it on another site."""

    def attribute(match: re.Match) -> str:
        return f'{match[1]}{absolute_url(request, match[2])}"'

    def srcset(match: re.Match) -> str:
        candidates = []
        for candidate in match[2].split(","):
            url, _space, size = candidate.strip().partition(" ")
            if url.startswith("/"):
                url = absolute_url(request, url)
            candidates.append(f"{url} {size}".strip())
        return f'{match[1]}{", ".join(candidates)}"'

    return _SRCSET_ATTRIBUTE.sub(srcset, _URL_ATTRIBUTE.sub(attribute, html))


def entry_id(request: HttpRequest, article: ArticlePage) -> str:
    """A tag URI (RFC 4151) that survives a change of the article's slug or section."""
    host = urlsplit(request.build_absolute_uri("/")).hostname
    return f"tag:{host},{article.published_at.date().isoformat()}:article:{article.pk}"


def feed_picture(request: HttpRequest, article: ArticlePage) -> FeedPicture | None:
    hero = renditions(article.hero_image, LARGE_HERO)
    if hero is None:
        return None
    rendition = hero[LARGE_HERO]
    try:
        length = rendition.file.size
    except OSError:
        return None
    return FeedPicture(absolute_url(request, rendition.url), rendition.width, rendition.height, length)


def feed_entries(request: HttpRequest, scope: FeedScope, full_text: bool) -> list[FeedEntry]:
    """The scope's newest articles, newest first, ready for any feed format."""
    articles = attach_sections(scope.entries(FEED_LENGTH))
    entries = []
    for article in articles:
        picture = feed_picture(request, article)
        content = None
        if full_text:
            html = render_to_string(
                "discovery/feed_entry.html", {"article": article, "picture": picture, "request": request}
            )
            content = with_absolute_urls(html, request)
        authors = [
            (link.author.title, author_url(request, link.author)) for link in article.article_authors.all()
        ]
        categories = [article.section.title] if article.section else []
        categories += [item.tag.name for item in article.tagged_items.all()]
        entries.append(
            FeedEntry(
                id=entry_id(request, article),
                url=absolute_url(request, article.get_url(request)),
                title=article.title,
                summary=article.standfirst,
                content_html=content,
                published=article.published_at,
                updated=article.last_published_at or article.published_at,
                authors=authors,
                categories=categories,
                picture=picture,
            )
        )
    return entries


def add_media_content(handler, entry: FeedEntry) -> None:
    picture = entry.picture
    if picture is not None:
        handler.addQuickElement(
            "media:content",
            "",
            {
                "url": picture.url,
                "medium": "image",
                "type": picture.mime_type,
                "width": str(picture.width),
                "height": str(picture.height),
                "fileSize": str(picture.length),
            },
        )


class ArticleRssGenerator(Rss201rev2Feed):
    def rss_attributes(self) -> dict:
        return {
            **super().rss_attributes(),
            "xmlns:media": MEDIA_NS,
            "xmlns:content": CONTENT_NS,
            "xmlns:dc": DC_NS,
        }

    def add_item_elements(self, handler, item: dict) -> None:
        super().add_item_elements(handler, item)
        entry: FeedEntry = item["entry"]
        for name, _url in entry.authors:
            handler.addQuickElement("dc:creator", name)
        if entry.content_html is not None:
            handler.addQuickElement("content:encoded", entry.content_html)
        add_media_content(handler, entry)


class ArticleAtomGenerator(Atom1Feed):
    def root_attributes(self) -> dict:
        return {**super().root_attributes(), "xmlns:media": MEDIA_NS}

    def add_item_elements(self, handler, item: dict) -> None:
        super().add_item_elements(handler, item)
        entry: FeedEntry = item["entry"]
        for name, url in entry.authors:
            handler.startElement("author", {})
            handler.addQuickElement("name", name)
            if url:
                handler.addQuickElement("uri", url)
            handler.endElement("author")
        if entry.content_html is not None:
            handler.addQuickElement("content", entry.content_html, {"type": "html"})
        add_media_content(handler, entry)


@dataclass
class ResolvedFeed:
    """A scope with its entries, so the ``Feed`` instance (shared by threads) keeps no state."""

    scope: FeedScope
    entries: list[FeedEntry]
    feed_url: str
    page_url: str
    newsroom_name: str


class ArticleRssFeed(Feed):
    """RSS 2.0 of the newest articles of one scope; the URL gives ``kind`` and ``slug``.

    The feed's language is the newsroom's, which its middleware has activated.
    """

    feed_type = ArticleRssGenerator
    fmt = "rss"

    def get_object(self, request: HttpRequest, kind: str, slug: str | None = None) -> ResolvedFeed:
        scope = feed_scope(request, kind, slug)
        full_text = DiscoverySettings.for_request(request).full_text_feeds
        newsroom = newsroom_for(request)
        return ResolvedFeed(
            scope=scope,
            entries=feed_entries(request, scope, full_text),
            feed_url=absolute_url(request, scope.url(self.fmt)),
            page_url=absolute_url(request, scope.page_url),
            newsroom_name=newsroom.name,
        )

    def title(self, feed: ResolvedFeed) -> str:
        return feed.scope.title

    def description(self, feed: ResolvedFeed) -> str:
        return feed.scope.description

    def link(self, feed: ResolvedFeed) -> str:
        return feed.page_url

    def feed_url(self, feed: ResolvedFeed) -> str:
        return feed.feed_url

    def author_name(self, feed: ResolvedFeed) -> str:
        return feed.newsroom_name

    def items(self, feed: ResolvedFeed) -> list[FeedEntry]:
        return feed.entries

    def item_title(self, entry: FeedEntry) -> str:
        return entry.title

    def item_description(self, entry: FeedEntry) -> str:
        # Feed readers read descriptions as HTML; the standfirst is plain text.
        return escape(entry.summary)

    def item_link(self, entry: FeedEntry) -> str:
        return entry.url

    def item_guid(self, entry: FeedEntry) -> str:
        return entry.id

    item_guid_is_permalink = False

    def item_pubdate(self, entry: FeedEntry) -> datetime:
        return entry.published

    def item_updateddate(self, entry: FeedEntry) -> datetime:
        return entry.updated

    def item_categories(self, entry: FeedEntry) -> list[str]:
        return entry.categories

    def item_enclosures(self, entry: FeedEntry) -> list[Enclosure]:
        picture = entry.picture
        return [Enclosure(picture.url, str(picture.length), picture.mime_type)] if picture else []

    def item_extra_kwargs(self, entry: FeedEntry) -> dict:
        return {"entry": entry}


class ArticleAtomFeed(ArticleRssFeed):
    """Atom 1.0 of the same articles."""

    feed_type = ArticleAtomGenerator
    fmt = "atom"

    def subtitle(self, feed: ResolvedFeed) -> str:
        return feed.scope.description


def json_feed(request: HttpRequest, kind: str, slug: str | None = None) -> JsonResponse:
    """JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/) of the same articles."""
    scope = feed_scope(request, kind, slug)
    newsroom = newsroom_for(request)
    full_text = DiscoverySettings.for_request(request).full_text_feeds
    items = []
    for entry in feed_entries(request, scope, full_text):
        item = {
            "id": entry.id,
            "url": entry.url,
            "title": entry.title,
            "summary": entry.summary,
            "date_published": entry.published.isoformat(),
            "date_modified": entry.updated.isoformat(),
            "authors": [{"name": name, **({"url": url} if url else {})} for name, url in entry.authors],
            "tags": entry.categories,
            "language": newsroom.language,
        }
        if entry.content_html is not None:
            item["content_html"] = entry.content_html
        else:
            item["content_text"] = entry.summary or entry.title
        if entry.picture is not None:
            item["image"] = entry.picture.url
        items.append(item)
    return JsonResponse(
        {
            "version": "https://jsonfeed.org/version/1.1",
            "title": scope.title,
            "description": scope.description,
            "home_page_url": absolute_url(request, scope.page_url),
            "feed_url": absolute_url(request, scope.url("json")),
            "language": newsroom.language,
            "authors": [{"name": newsroom.name, "url": absolute_url(request, "/")}],
            "items": items,
        },
        content_type="application/feed+json",
        json_dumps_params={"ensure_ascii": False},
    )
