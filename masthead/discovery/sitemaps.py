"""Sitemaps for search engines (https://www.sitemaps.org/protocol.html).

``/sitemap.xml`` is an index: one sitemap for the site's pages (home,
sections, authors), one for tag pages, and one per section listing its
articles with their hero pictures (Google's image extension). A section with
more than ``SITEMAP_MONTHLY_ABOVE`` articles gets one sitemap per month
instead, so no file nears the protocol's 50,000 addresses. ``/news-sitemap.xml``
lists the articles of the last 48 hours with Google's news extension.
"""

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from io import StringIO

from django.conf import settings
from django.db.models import Count, Max, Prefetch, QuerySet
from django.db.models.functions import Substr, TruncMonth
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import iri_to_uri
from django.utils.xmlutils import SimplerXMLGenerator
from wagtail.images.models import Filter
from wagtail.models import Page

from masthead.articles.models import ArticlePage, ArticleTag, HomePage, SectionPage
from masthead.core.models import NewsRendition

from .pictures import LARGE_HERO, absolute_url, renditions

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
IMAGE_NS = "http://www.google.com/schemas/sitemap-image/1.1"
NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9"
# The protocol's limit for one file; Google's for a news sitemap.
MAX_URLS = 50_000
NEWS_MAX_URLS = 1000
NEWS_WINDOW = timedelta(hours=48)


def monthly_above() -> int:
    """How many articles a section may have before its sitemap is split by month."""
    return getattr(settings, "SITEMAP_MONTHLY_ABOVE", 1000)


def w3c_datetime(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="seconds")


@dataclass
class NewsFacts:
    publication_name: str
    language: str
    published: datetime
    title: str


@dataclass
class SitemapUrl:
    loc: str
    lastmod: datetime | None = None
    images: list[str] = field(default_factory=list)
    news: NewsFacts | None = None


@dataclass
class SitemapRef:
    loc: str
    lastmod: datetime | None


def render_urlset(urls: list[SitemapUrl]) -> str:
    out = StringIO()
    xml = SimplerXMLGenerator(out, "utf-8", short_empty_elements=True)
    xml.startDocument()
    xml.startElement("urlset", {"xmlns": SITEMAP_NS, "xmlns:image": IMAGE_NS, "xmlns:news": NEWS_NS})
    for url in urls:
        xml.startElement("url", {})
        xml.addQuickElement("loc", iri_to_uri(url.loc))
        if url.lastmod:
            xml.addQuickElement("lastmod", w3c_datetime(url.lastmod))
        for image in url.images:
            xml.startElement("image:image", {})
            xml.addQuickElement("image:loc", iri_to_uri(image))
            xml.endElement("image:image")
        if url.news:
            xml.startElement("news:news", {})
            xml.startElement("news:publication", {})
            xml.addQuickElement("news:name", url.news.publication_name)
            xml.addQuickElement("news:language", url.news.language)
            xml.endElement("news:publication")
            xml.addQuickElement("news:publication_date", w3c_datetime(url.news.published))
            xml.addQuickElement("news:title", url.news.title)
            xml.endElement("news:news")
        xml.endElement("url")
    xml.endElement("urlset")
    xml.endDocument()
    return out.getvalue()


def render_index(refs: list[SitemapRef]) -> str:
    out = StringIO()
    xml = SimplerXMLGenerator(out, "utf-8", short_empty_elements=True)
    xml.startDocument()
    xml.startElement("sitemapindex", {"xmlns": SITEMAP_NS})
    for ref in refs:
        xml.startElement("sitemap", {})
        xml.addQuickElement("loc", iri_to_uri(ref.loc))
        if ref.lastmod:
            xml.addQuickElement("lastmod", w3c_datetime(ref.lastmod))
        xml.endElement("sitemap")
    xml.endElement("sitemapindex")
    xml.endDocument()
    return out.getvalue()


def live_articles(home: Page) -> QuerySet:
    return ArticlePage.objects.descendant_of(home).live().public()


def section_stats(home: Page) -> dict[str, dict]:
    """Per section path: how many live articles it has and when one last changed, in one query."""
    length = (home.depth + 1) * Page.steplen
    rows = (
        live_articles(home)
        .annotate(section_path=Substr("path", 1, length))
        .values("section_path")
        .annotate(count=Count("pk"), lastmod=Max("last_published_at"))
        .order_by()
    )
    return {row["section_path"]: row for row in rows}


def month_stats(section: SectionPage) -> list[dict]:
    """The months (in UTC) in which a section published, with their latest change."""
    return list(
        ArticlePage.objects.child_of(section)
        .live()
        .public()
        .annotate(month=TruncMonth("first_published_at", tzinfo=UTC))
        .values("month")
        .annotate(lastmod=Max("last_published_at"))
        .order_by("month")
    )


def latest(*moments: datetime | None) -> datetime | None:
    present = [m for m in moments if m is not None]
    return max(present) if present else None


def sitemap_index(request: HttpRequest, home: Page) -> list[SitemapRef]:
    """Every sitemap of the site, with the time its newest entry changed."""
    stats = section_stats(home)
    newest_article = latest(*(row["lastmod"] for row in stats.values()))
    refs = [
        SitemapRef(
            absolute_url(request, reverse("discovery:sitemap-pages")),
            latest(newest_article, home.last_published_at),
        )
    ]
    tags_lastmod = (
        ArticleTag.objects.filter(content_object__in=live_articles(home))
        .aggregate(lastmod=Max("content_object__last_published_at"))
        .get("lastmod")
    )
    if tags_lastmod:
        refs.append(SitemapRef(absolute_url(request, reverse("discovery:sitemap-tags")), tags_lastmod))
    for section in SectionPage.objects.child_of(home).live().public().order_by("path"):
        row = stats.get(section.path)
        if row is None:
            continue
        if row["count"] <= monthly_above():
            path = reverse("discovery:sitemap-section", kwargs={"slug": section.slug})
            refs.append(SitemapRef(absolute_url(request, path), row["lastmod"]))
            continue
        for month in month_stats(section):
            path = reverse(
                "discovery:sitemap-section-month",
                kwargs={
                    "slug": section.slug,
                    "year": f"{month['month']:%Y}",
                    "month": f"{month['month']:%m}",
                },
            )
            refs.append(SitemapRef(absolute_url(request, path), month["lastmod"]))
    return refs


def page_urls(request: HttpRequest, home: Page) -> list[SitemapUrl]:
    """The site's pages other than articles: home, sections, the authors and any other page."""
    stats = section_stats(home)
    newest_article = latest(*(row["lastmod"] for row in stats.values()))
    pages = (
        Page.objects.descendant_of(home, inclusive=True)
        .live()
        .public()
        .not_type(ArticlePage)
        .order_by("path")
        .only("id", "path", "depth", "url_path", "last_published_at", "content_type_id")
    )
    urls = []
    for page in pages[:MAX_URLS]:
        lastmod = page.last_published_at
        if page.pk == home.pk:
            lastmod = latest(lastmod, newest_article)
        elif page.path in stats:
            lastmod = latest(lastmod, stats[page.path]["lastmod"])
        urls.append(SitemapUrl(absolute_url(request, page.get_url(request)), lastmod))
    return urls


def tag_urls(request: HttpRequest, home: Page) -> list[SitemapUrl]:
    """One address per tag carried by a live article, newest change first."""
    rows = (
        ArticleTag.objects.filter(content_object__in=live_articles(home))
        .values("tag__slug")
        .annotate(lastmod=Max("content_object__last_published_at"))
        .order_by("-lastmod", "tag__slug")
    )
    root = home.get_url(request)
    return [
        SitemapUrl(
            absolute_url(request, root + HomePage().reverse_subpage("tag", kwargs={"tag": row["tag__slug"]})),
            row["lastmod"],
        )
        for row in rows[:MAX_URLS]
    ]


def hero_url(request: HttpRequest, article: ArticlePage) -> list[str]:
    """The address of the article's hero picture as its page shows it, if it has one."""
    image = article.hero_image
    if image is None:
        return []
    try:
        rendition = image.find_existing_rendition(Filter(LARGE_HERO))
    except NewsRendition.DoesNotExist:
        made = renditions(image, LARGE_HERO)
        if made is None:
            return []
        rendition = made[LARGE_HERO]
    return [absolute_url(request, rendition.url)]


def article_urls(request: HttpRequest, articles: QuerySet) -> list[SitemapUrl]:
    """Live articles, newest first, each with its hero picture."""
    articles = (
        articles.live()
        .public()
        .select_related("hero_image")
        .prefetch_related(
            Prefetch("hero_image__renditions", queryset=NewsRendition.objects.filter(filter_spec=LARGE_HERO))
        )
        .order_by("-first_published_at", "-pk")
    )
    return [
        SitemapUrl(
            absolute_url(request, article.get_url(request)),
            article.last_published_at,
            images=hero_url(request, article),
        )
        for article in articles[:MAX_URLS]
    ]


def section_month_articles(section: SectionPage, year: int, month: int) -> QuerySet:
    start = datetime(year, month, 1, tzinfo=UTC)
    end = datetime(year + month // 12, month % 12 + 1, 1, tzinfo=UTC)
    return ArticlePage.objects.child_of(section).filter(
        first_published_at__gte=start, first_published_at__lt=end
    )


def news_articles(home: Page, now: datetime | None = None) -> QuerySet:
    """Live articles first published within the last 48 hours, newest first."""
    now = now or timezone.now()
    return (
        live_articles(home)
        .filter(first_published_at__gte=now - NEWS_WINDOW, first_published_at__lte=now)
        .order_by("-first_published_at", "-pk")
    )


def news_urls(request: HttpRequest, home: Page, publication_name: str, language: str) -> list[SitemapUrl]:
    return [
        SitemapUrl(
            absolute_url(request, article.get_url(request)),
            news=NewsFacts(publication_name, language, article.first_published_at, article.title),
        )
        for article in news_articles(home)[:NEWS_MAX_URLS]
    ]
