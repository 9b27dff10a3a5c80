"""Podcast feeds of narrated articles: RSS 2.0 with Apple's iTunes namespace, per site and per section.

Podcast apps read the ``<enclosure>`` (the MP3, with its length and type),
``itunes:duration``, ``itunes:image`` (square, at least 1400 px) and
``itunes:category``; the channel's ``atom:link rel="self"`` is its address.
"""

from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.db.models import Prefetch
from django.http import Http404, HttpRequest
from django.urls import reverse
from django.utils.feedgenerator import Enclosure, Rss201rev2Feed
from django.utils.translation import gettext as _

from masthead.articles.models import ArticleAuthor, ArticlePage, SectionPage
from masthead.core.middleware import newsroom_for
from masthead.discovery.pictures import absolute_url
from masthead.discovery.scopes import current_site

from . import engines
from .models import Narration

ITUNES_NS = "http://www.itunes.com/dtds/podcast-1.0.dtd"
FEED_LENGTH = 50


def narrated_articles(articles) -> list[ArticlePage]:
    """The newest live, public articles of a queryset whose narration readers can hear."""
    return list(
        articles.live()
        .public()
        .filter(audio__enabled=True, audio__live_narration__opus_file__gt="")
        .filter(audio__live_narration__mp3_file__gt="")
        .select_related("audio__live_narration")
        .prefetch_related(
            Prefetch(
                "article_authors",
                queryset=ArticleAuthor.objects.select_related("author").order_by("sort_order"),
            )
        )
        .order_by("-first_published_at", "-pk")[:FEED_LENGTH]
    )


def narration_url(narration: Narration, fmt: str) -> str:
    return reverse("audio:file", kwargs={"pk": narration.pk, "key": narration.key[:16], "fmt": fmt})


def itunes_duration(milliseconds: int) -> str:
    seconds = round(milliseconds / 1000)
    hours, rest = divmod(seconds, 3600)
    return f"{hours:02d}:{rest // 60:02d}:{rest % 60:02d}"


def podcast_language() -> str:
    """The language of the narrations (the default voice's), as RSS writes it: "en-us"."""
    voice = engines.find_voice(engines.default_voice())
    return (voice.language if voice else "en").lower()


def public_address(address: str) -> str:
    """An address podcast directories can write to (for the owner's proof), or ""."""
    domain = address.rpartition("@")[2].lower()
    return "" if not domain or domain == "localhost" or domain.endswith((".local", ".localhost")) else address


@dataclass
class Podcast:
    title: str
    description: str
    link: str
    feed_url: str
    cover_url: str
    newsroom: str
    email: str
    language: str
    host: str
    articles: list[ArticlePage]
    request: HttpRequest


class PodcastGenerator(Rss201rev2Feed):
    def rss_attributes(self) -> dict:
        return {**super().rss_attributes(), "xmlns:itunes": ITUNES_NS}

    def add_root_elements(self, handler) -> None:
        super().add_root_elements(handler)
        podcast: Podcast = self.feed["podcast"]
        handler.addQuickElement("itunes:author", podcast.newsroom)
        handler.addQuickElement("itunes:summary", podcast.description)
        handler.addQuickElement("itunes:type", "episodic")
        handler.addQuickElement("itunes:explicit", "false")
        handler.addQuickElement("itunes:image", "", {"href": podcast.cover_url})
        handler.startElement("itunes:category", {"text": "News"})
        handler.addQuickElement("itunes:category", "", {"text": "Daily News"})
        handler.endElement("itunes:category")
        handler.startElement("itunes:owner", {})
        handler.addQuickElement("itunes:name", podcast.newsroom)
        if podcast.email:
            handler.addQuickElement("itunes:email", podcast.email)
        handler.endElement("itunes:owner")
        handler.startElement("image", {})
        handler.addQuickElement("url", podcast.cover_url)
        handler.addQuickElement("title", podcast.title)
        handler.addQuickElement("link", podcast.link)
        handler.endElement("image")

    def add_item_elements(self, handler, item: dict) -> None:
        super().add_item_elements(handler, item)
        article: ArticlePage = item["article"]
        narration = article.audio.live_narration
        names = [link.author.title for link in article.article_authors.all()]
        if names:
            handler.addQuickElement("itunes:author", ", ".join(names))
        handler.addQuickElement("itunes:duration", itunes_duration(narration.duration_ms))
        handler.addQuickElement("itunes:explicit", "false")
        handler.addQuickElement("itunes:episodeType", "full")
        if article.standfirst:
            handler.addQuickElement("itunes:summary", article.standfirst)


class PodcastFeed(Feed):
    """The podcast of a site (``slug`` None) or of one of its sections."""

    feed_type = PodcastGenerator

    def get_object(self, request: HttpRequest, slug: str | None = None) -> Podcast:
        site = current_site(request)
        home = site.root_page
        newsroom = newsroom_for(request)
        if slug is None:
            articles = ArticlePage.objects.descendant_of(home)
            title = _("%(newsroom)s: audio articles") % {"newsroom": newsroom.name}
            link = home.get_url(request)
            feed_url = reverse("audio:podcast")
        else:
            section = SectionPage.objects.child_of(home).live().public().filter(slug=slug).first()
            if section is None:
                raise Http404(_("There is no section with this address."))
            articles = ArticlePage.objects.child_of(section)
            title = _("%(newsroom)s: %(section)s, audio articles") % {
                "newsroom": newsroom.name,
                "section": section.title,
            }
            link = section.get_url(request)
            feed_url = reverse("audio:section-podcast", kwargs={"slug": slug})
        description = _(
            "Articles from %(newsroom)s, read aloud. This audio is created with AI assistance."
        ) % {"newsroom": newsroom.name}
        return Podcast(
            title=title,
            description=description,
            link=absolute_url(request, link),
            feed_url=absolute_url(request, feed_url),
            cover_url=absolute_url(request, reverse("audio:cover")),
            newsroom=newsroom.name,
            email=newsroom.contact_email or public_address(settings.DEFAULT_FROM_EMAIL),
            language=podcast_language(),
            host=urlsplit(request.build_absolute_uri("/")).hostname or "localhost",
            articles=narrated_articles(articles),
            request=request,
        )

    def title(self, podcast: Podcast) -> str:
        return podcast.title

    def description(self, podcast: Podcast) -> str:
        return podcast.description

    def link(self, podcast: Podcast) -> str:
        return podcast.link

    def feed_url(self, podcast: Podcast) -> str:
        return podcast.feed_url

    def get_feed(self, obj: Podcast, request: HttpRequest):
        feed = super().get_feed(obj, request)
        # Django's Feed takes ``language`` as a plain attribute (the site's
        # language): a podcast's is that of its audio, English whatever the site's.
        feed.feed["language"] = obj.language
        return feed

    def author_name(self, podcast: Podcast) -> str:
        return podcast.newsroom

    def feed_extra_kwargs(self, podcast: Podcast) -> dict:
        return {"podcast": podcast}

    def items(self, podcast: Podcast) -> list[tuple[Podcast, ArticlePage]]:
        return [(podcast, article) for article in podcast.articles]

    def item_title(self, item) -> str:
        return item[1].title

    def item_description(self, item) -> str:
        return item[1].standfirst or item[1].title

    def item_link(self, item) -> str:
        podcast, article = item
        return absolute_url(podcast.request, article.get_url(podcast.request))

    def item_guid(self, item) -> str:
        podcast, article = item
        return f"tag:{podcast.host},{article.published_at.date().isoformat()}:article:{article.pk}:audio"

    item_guid_is_permalink = False

    def item_pubdate(self, item) -> datetime:
        return item[1].published_at

    def item_enclosures(self, item) -> list[Enclosure]:
        podcast, article = item
        narration = article.audio.live_narration
        url = absolute_url(podcast.request, narration_url(narration, "mp3"))
        return [Enclosure(url, str(narration.mp3_bytes), "audio/mpeg")]

    def item_extra_kwargs(self, item) -> dict:
        return {"article": item[1]}
