"""The sets of articles a feed follows: the whole site, a section, an author, a tag.

Feeds and the ``<link rel="alternate">`` tags that advertise them share these
names, so a page links exactly the feeds its URLs serve.
"""

from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet
from django.http import Http404, HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _
from taggit.models import Tag
from wagtail.models import Site

from masthead.articles.models import (
    ArticleAuthor,
    ArticlePage,
    ArticleTag,
    AuthorPage,
    HomePage,
    SectionPage,
    article_cards,
)
from masthead.core.middleware import newsroom_for

FEED_FORMATS = ("rss", "atom", "json")
FEED_TYPES = {"rss": "application/rss+xml", "atom": "application/atom+xml", "json": "application/feed+json"}


def feed_url(kind: str, fmt: str, slug: str | None = None) -> str:
    """The path of one feed: ``kind`` is site, section, author or tag; ``fmt`` rss, atom or json."""
    return reverse(f"discovery:{kind}-{fmt}", kwargs={"slug": slug} if slug else None)


@dataclass
class FeedLink:
    """One ``<link rel="alternate">`` advertising a feed."""

    title: str
    type: str
    href: str


def feed_title(kind: str, newsroom_name: str, name: str = "") -> str:
    """A feed's title: the newsroom's name, and what the feed follows."""
    if kind == "section":
        return f"{newsroom_name}: {name}"
    if kind == "author":
        return _("%(newsroom)s: articles by %(author)s") % {"newsroom": newsroom_name, "author": name}
    if kind == "tag":
        return _("%(newsroom)s: articles tagged “%(tag)s”") % {"newsroom": newsroom_name, "tag": name}
    return newsroom_name


def feed_links(kind: str, title: str, slug: str | None = None) -> list[FeedLink]:
    """The links advertising one scope's feeds in a page's head."""
    labels = {"rss": "RSS", "atom": "Atom", "json": "JSON Feed"}
    return [
        FeedLink(f"{title} ({labels[fmt]})", FEED_TYPES[fmt], feed_url(kind, fmt, slug))
        for fmt in FEED_FORMATS
    ]


def current_site(request: HttpRequest) -> Site:
    site = Site.find_for_request(request)
    if site is None:
        raise Http404(_("No site is served at this address."))
    return site


@dataclass
class FeedScope:
    """What one feed follows: its title, the page it mirrors and its articles."""

    kind: str
    title: str
    description: str
    page_url: str
    articles: QuerySet
    slug: str | None = None

    def url(self, fmt: str) -> str:
        return feed_url(self.kind, fmt, self.slug)

    def entries(self, limit: int) -> list[ArticlePage]:
        """The newest ``limit`` articles with their authors, tags and hero picture, in fixed queries."""
        queryset = article_cards(self.articles).prefetch_related(
            Prefetch(
                "article_authors",
                queryset=ArticleAuthor.objects.select_related("author").order_by("sort_order"),
            ),
            Prefetch("tagged_items", queryset=ArticleTag.objects.select_related("tag").order_by("pk")),
        )
        return list(queryset[:limit])


def feed_scope(request: HttpRequest, kind: str, slug: str | None = None) -> FeedScope:
    """The scope a feed URL names; 404 when the section, author or tag does not exist."""
    site = current_site(request)
    home = site.root_page
    newsroom = newsroom_for(request)
    in_site = ArticlePage.objects.descendant_of(home)
    if kind == "site":
        return FeedScope(
            kind,
            title=feed_title(kind, newsroom.name),
            description=newsroom.tagline
            or _("The latest articles from %(newsroom)s.") % {"newsroom": newsroom.name},
            page_url=home.get_url(request),
            articles=in_site,
        )
    if kind == "section":
        section = SectionPage.objects.child_of(home).live().public().filter(slug=slug).first()
        if section is None:
            raise Http404(_("There is no section with this address."))
        return FeedScope(
            kind,
            title=feed_title(kind, newsroom.name, section.title),
            description=section.intro
            or _("The latest articles in %(section)s.") % {"section": section.title},
            page_url=section.get_url(request),
            articles=ArticlePage.objects.child_of(section),
            slug=slug,
        )
    if kind == "author":
        author = AuthorPage.objects.descendant_of(home).live().public().filter(slug=slug).first()
        if author is None:
            raise Http404(_("There is no author with this address."))
        return FeedScope(
            kind,
            title=feed_title(kind, newsroom.name, author.title),
            description=author.role or _("The latest articles by %(author)s.") % {"author": author.title},
            page_url=author.get_url(request),
            # distinct: an author listed twice in one byline still has the article once
            articles=in_site.filter(article_authors__author=author).distinct(),
            slug=slug,
        )
    if kind == "tag":
        tag = Tag.objects.filter(slug=slug).first()
        if tag is None:
            raise Http404(_("There is no tag with this address."))
        return FeedScope(
            kind,
            title=feed_title(kind, newsroom.name, tag.name),
            description=_("The latest articles tagged “%(tag)s”.") % {"tag": tag.name},
            page_url=home.get_url(request) + HomePage().reverse_subpage("tag", kwargs={"tag": tag.slug}),
            articles=in_site.filter(tagged_items__tag=tag),
            slug=slug,
        )
    raise Http404(_("There is no such feed."))
