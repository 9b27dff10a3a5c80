"""What a page says about itself in its ``<head>``: description, canonical address,
feeds, language versions, Open Graph and Twitter Card tags, and schema.org JSON-LD.

``page_head`` reads only what the page's own view has already loaded (the
article's authors, section and tags), the newsroom's settings and the
discovery settings (one query, the logo joined in), and picture renditions,
which come from Wagtail's rendition cache.
"""

import json
from dataclasses import dataclass, field
from datetime import datetime

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html, strip_tags
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import to_locale
from wagtail.models import Page, Site

from masthead.articles.models import ArticlePage, AuthorPage, HomePage, SectionPage
from masthead.core.models import NewsroomSettings

from . import cards
from .models import DiscoverySettings
from .pictures import LOGO, SHARE_IMAGE, STRUCTURED_DATA_IMAGES, absolute_url, author_url, renditions
from .scopes import FeedLink, feed_links, feed_title

# The site search page and its query parameter (the search app serves it).
SEARCH_PATH = "/search/"
OG_LOCALES = {"en": "en_US", "uk": "uk_UA"}
DESCRIPTION_WORDS = 50

# "<", ">" and "&" written as JSON escapes cannot end the script element or
# start markup, whatever a headline contains (the same rule as json_script).
_JSON_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def json_ld_script(data: dict) -> SafeString:
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(_JSON_SCRIPT_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))  # noqa: S308


@dataclass
class Picture:
    url: str
    width: int
    height: int
    alt: str


@dataclass
class PageHead:
    description: str = ""
    canonical: str = ""
    feeds: list[FeedLink] = field(default_factory=list)
    hreflang: list[tuple[str, str]] = field(default_factory=list)
    meta: list[tuple[str, str, str]] = field(default_factory=list)
    structured_data: list[dict] = field(default_factory=list)

    def add_property(self, name: str, content) -> None:
        if content not in (None, ""):
            self.meta.append(("property", name, str(content)))

    def add_name(self, name: str, content) -> None:
        if content not in (None, ""):
            self.meta.append(("name", name, str(content)))

    @property
    def json_ld(self) -> list[SafeString]:
        return [json_ld_script(data) for data in self.structured_data]


def iso(moment: datetime | None) -> str | None:
    return timezone.localtime(moment).isoformat() if moment else None


def canonical_url(request: HttpRequest, path: str, listing: bool) -> str:
    """The page's address without query parameters, but keeping ``?page=N`` of a list."""
    url = absolute_url(request, path)
    number = request.GET.get("page", "")
    if listing and number.isdigit() and int(number) > 1:
        url += f"?page={int(number)}"
    return url


def hreflang_links(request: HttpRequest, page: Page) -> list[tuple[str, str]]:
    """Links to the page's other language versions, once the site has any.

    hreflang tells a search engine which *other* language versions of a page
    exist. A page that exists in one language has none: a lone self-reference
    or ``x-default`` would announce alternates that are not there, so nothing
    is written until Wagtail's translations (``WAGTAIL_I18N_ENABLED``) give the
    page a live translation. Then every version, this one included, is listed,
    with ``x-default`` pointing at the version in the default language.
    """
    if not getattr(settings, "WAGTAIL_I18N_ENABLED", False) or page.pk is None:
        return []
    versions = [
        (version.locale.language_code, version.get_url(request))
        for version in page.get_translations(inclusive=True).live().public().select_related("locale")
    ]
    versions = [(language, absolute_url(request, url)) for language, url in versions if url]
    if len(versions) < 2:
        return []
    default = next((url for language, url in versions if language == settings.LANGUAGE_CODE), None)
    return sorted(versions) + ([("x-default", default)] if default else [])


def logo_picture(request: HttpRequest, newsroom: NewsroomSettings, discovery: DiscoverySettings) -> Picture:
    logo = renditions(discovery.logo, LOGO)
    if logo is not None:
        rendition = logo[LOGO]
        return Picture(absolute_url(request, rendition.url), rendition.width, rendition.height, newsroom.name)
    url = reverse("discovery:logo") + f"?v={cards.digest('logo', newsroom.name)}"
    return Picture(absolute_url(request, url), *cards.LOGO_SIZE, newsroom.name)


def site_card_picture(request: HttpRequest, newsroom: NewsroomSettings) -> Picture:
    url = (
        reverse("discovery:site-card")
        + f"?v={cards.digest(newsroom.tagline or newsroom.name, newsroom.name)}"
    )
    return Picture(absolute_url(request, url), *cards.CARD_SIZE, newsroom.tagline or newsroom.name)


def publisher(request: HttpRequest, newsroom: NewsroomSettings, logo: Picture) -> dict:
    return {
        "@type": "NewsMediaOrganization",
        "name": newsroom.name,
        "url": absolute_url(request, "/"),
        "logo": {"@type": "ImageObject", "url": logo.url, "width": logo.width, "height": logo.height},
    }


def person(request: HttpRequest, author: AuthorPage) -> dict:
    url = author_url(request, author)
    return {"@type": "Person", "name": author.title, **({"url": url} if url else {})}


def breadcrumbs(items: list[tuple[str, str]]) -> dict:
    return {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": position, "name": name, "item": url}
            for position, (name, url) in enumerate(items, start=1)
        ],
    }


def page_description(page: Page, newsroom: NewsroomSettings, tag=None) -> str:
    """The page's search description if an editor wrote one, else what the page leads with."""
    if tag is not None:
        return _("Articles tagged “%(tag)s” from %(newsroom)s.") % {
            "tag": tag.name,
            "newsroom": newsroom.name,
        }
    if page.search_description:
        return page.search_description
    if isinstance(page, ArticlePage):
        return page.standfirst
    if isinstance(page, SectionPage):
        return page.intro
    if isinstance(page, AuthorPage):
        return Truncator(strip_tags(page.bio)).words(DESCRIPTION_WORDS) if page.bio else page.role
    return newsroom.tagline


def page_head(request: HttpRequest, page: Page, context: dict) -> PageHead:
    """Everything the ``<head>`` of a Wagtail page says for discovery."""
    site = Site.find_for_request(request)
    newsroom = NewsroomSettings.for_request(request) if site else NewsroomSettings.of(None)
    discovery = DiscoverySettings.for_request(request) if site else DiscoverySettings()
    tag = context.get("tag")
    home_url = absolute_url(request, "/")
    path = page.get_url(request) or request.path
    if tag is not None:
        path = request.path
    listing = tag is not None or isinstance(page, SectionPage | AuthorPage | HomePage)

    head = PageHead(description=page_description(page, newsroom, tag))
    head.canonical = canonical_url(request, path, listing)
    head.hreflang = hreflang_links(request, page) if tag is None else []

    if tag is not None:
        head.feeds = feed_links("tag", feed_title("tag", newsroom.name, tag.name), tag.slug)
    elif isinstance(page, SectionPage):
        head.feeds = feed_links("section", feed_title("section", newsroom.name, page.title), page.slug)
    elif isinstance(page, AuthorPage):
        head.feeds = feed_links("author", feed_title("author", newsroom.name, page.title), page.slug)
    head.feeds += feed_links("site", feed_title("site", newsroom.name))

    title = page.seo_title or page.title
    if tag is not None:
        title = _("Articles tagged “%(tag)s”") % {"tag": tag.name}
    elif isinstance(page, HomePage):
        title = newsroom.name

    logo = logo_picture(request, newsroom, discovery)
    if isinstance(page, ArticlePage):
        picture = article_structured_data(request, page, context, head, newsroom, logo)
        og_type = "article"
    else:
        picture = site_card_picture(request, newsroom)
        og_type = "profile" if isinstance(page, AuthorPage) else "website"
        if isinstance(page, HomePage) and tag is None:
            head.structured_data.append(website_data(request, newsroom, logo, home_url))
        elif isinstance(page, SectionPage):
            head.structured_data.append(
                breadcrumbs([(newsroom.name, home_url), (page.title, head.canonical)])
            )

    head.add_property("og:site_name", newsroom.name)
    head.add_property("og:type", og_type)
    head.add_property("og:title", title)
    head.add_property("og:description", head.description)
    head.add_property("og:url", head.canonical)
    head.add_property("og:locale", OG_LOCALES.get(newsroom.language, to_locale(newsroom.language)))
    head.add_property("og:image", picture.url)
    head.add_property("og:image:width", picture.width)
    head.add_property("og:image:height", picture.height)
    head.add_property("og:image:alt", picture.alt)
    if isinstance(page, ArticlePage):
        head.add_property("article:published_time", iso(page.published_at))
        head.add_property("article:modified_time", iso(page.last_published_at or page.published_at))
        if page.section:
            head.add_property("article:section", page.section.title)
        for author in page.authors:
            head.add_property("article:author", author_url(request, author))
        for article_tag in context.get("tags", []):
            head.add_property("article:tag", article_tag.name)
    head.add_name("twitter:card", "summary_large_image")
    head.add_name("twitter:site", discovery.twitter_site)
    head.add_name("twitter:title", title)
    head.add_name("twitter:description", head.description)
    head.add_name("twitter:image", picture.url)
    head.add_name("twitter:image:alt", picture.alt)
    return head


def article_card_picture(request: HttpRequest, page: ArticlePage, newsroom: NewsroomSettings) -> Picture:
    """The drawn card with the headline, for an article without a hero picture."""
    url = (
        reverse("discovery:article-card", kwargs={"pk": page.pk})
        + f"?v={cards.digest(page.title, newsroom.name)}"
    )
    return Picture(absolute_url(request, url), *cards.CARD_SIZE, page.title)


def article_structured_data(
    request: HttpRequest,
    page: ArticlePage,
    context: dict,
    head: PageHead,
    newsroom: NewsroomSettings,
    logo: Picture,
) -> Picture:
    """Add the article's NewsArticle and BreadcrumbList; return its share picture.

    The share picture is the hero at 1200×630, or a card drawn with the
    headline when there is no hero; the structured data gets the hero in three
    ratios, or the card.
    """
    hero = renditions(page.hero_image, *STRUCTURED_DATA_IMAGES, SHARE_IMAGE)
    if hero is not None:
        images = [absolute_url(request, hero[spec].url) for spec in STRUCTURED_DATA_IMAGES]
        rendition = hero[SHARE_IMAGE]
        alt = page.hero_image.description or page.title
        share = Picture(absolute_url(request, rendition.url), rendition.width, rendition.height, alt)
    elif page.pk is not None:
        share = article_card_picture(request, page, newsroom)
        images = [share.url]
    else:  # the preview of an article not saved yet has no card of its own
        share = site_card_picture(request, newsroom)
        images = [share.url]
    home_url = absolute_url(request, "/")
    article = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "mainEntityOfPage": {"@type": "WebPage", "@id": head.canonical},
        "url": head.canonical,
        "headline": page.title,
        "description": head.description,
        "image": images,
        "datePublished": iso(page.published_at),
        "dateModified": iso(page.last_published_at or page.published_at),
        "author": [person(request, author) for author in page.authors],
        "publisher": publisher(request, newsroom, logo),
        "inLanguage": newsroom.language,
        "isAccessibleForFree": True,
        "wordCount": page.word_count,
    }
    if page.section:
        article["articleSection"] = page.section.title
    tags = [tag.name for tag in context.get("tags", [])]
    if tags:
        article["keywords"] = tags
    head.structured_data.append(article)
    trail = [(newsroom.name, home_url)]
    if page.section:
        trail.append((page.section.title, absolute_url(request, page.section.get_url(request) or "/")))
    trail.append((page.title, head.canonical))
    head.structured_data.append(breadcrumbs(trail))
    return share


def website_data(request: HttpRequest, newsroom: NewsroomSettings, logo: Picture, home_url: str) -> dict:
    """The WebSite with its search box, for the home page."""
    return {
        "@context": "https://schema.org",
        "@type": "WebSite",
        "name": newsroom.name,
        "url": home_url,
        "inLanguage": newsroom.language,
        "publisher": publisher(request, newsroom, logo),
        "potentialAction": {
            "@type": "SearchAction",
            "target": {
                "@type": "EntryPoint",
                "urlTemplate": absolute_url(request, SEARCH_PATH) + "?q={search_term_string}",
            },
            "query-input": "required name=search_term_string",
        },
    }
