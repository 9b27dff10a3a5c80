"""Sitemaps, robots.txt, share cards and the Mastodon share page."""

from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from masthead.articles.models import ArticlePage, SectionPage
from masthead.core.middleware import newsroom_for

from . import cards, sitemaps
from .models import DiscoverySettings
from .pictures import absolute_url
from .scopes import current_site
from .sharing import mastodon_server, mastodon_share_url

XML = "application/xml; charset=utf-8"


def sitemap_index(request: HttpRequest) -> HttpResponse:
    site = current_site(request)
    return HttpResponse(
        sitemaps.render_index(sitemaps.sitemap_index(request, site.root_page)), content_type=XML
    )


def sitemap_pages(request: HttpRequest) -> HttpResponse:
    site = current_site(request)
    return HttpResponse(sitemaps.render_urlset(sitemaps.page_urls(request, site.root_page)), content_type=XML)


def sitemap_tags(request: HttpRequest) -> HttpResponse:
    site = current_site(request)
    return HttpResponse(sitemaps.render_urlset(sitemaps.tag_urls(request, site.root_page)), content_type=XML)


def site_section(request: HttpRequest, slug: str) -> SectionPage:
    site = current_site(request)
    return get_object_or_404(SectionPage.objects.child_of(site.root_page).live().public(), slug=slug)


def sitemap_section(request: HttpRequest, slug: str) -> HttpResponse:
    articles = ArticlePage.objects.child_of(site_section(request, slug))
    return HttpResponse(sitemaps.render_urlset(sitemaps.article_urls(request, articles)), content_type=XML)


def sitemap_section_month(request: HttpRequest, slug: str, year: str, month: str) -> HttpResponse:
    if not 1 <= int(month) <= 12:
        raise Http404(_("There is no month %(month)s.") % {"month": month})
    articles = sitemaps.section_month_articles(site_section(request, slug), int(year), int(month))
    return HttpResponse(sitemaps.render_urlset(sitemaps.article_urls(request, articles)), content_type=XML)


def news_sitemap(request: HttpRequest) -> HttpResponse:
    """Google News sitemap: the articles first published in the last 48 hours."""
    site = current_site(request)
    newsroom = newsroom_for(request)
    urls = sitemaps.news_urls(request, site.root_page, newsroom.name, newsroom.language)
    return HttpResponse(sitemaps.render_urlset(urls), content_type=XML)


def robots_txt(request: HttpRequest) -> HttpResponse:
    """The rules for crawlers: keep out of the admin, the editors' extra rules, the sitemaps."""
    site = current_site(request)
    lines = ["User-agent: *", "Disallow: /admin/"]
    extra = DiscoverySettings.for_site(site).robots_extra.strip()
    if extra:
        lines += [line.rstrip() for line in extra.splitlines()]
    lines += [
        "",
        f"Sitemap: {absolute_url(request, reverse('discovery:sitemap'))}",
        f"Sitemap: {absolute_url(request, reverse('discovery:news-sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def png(content: bytes) -> HttpResponse:
    return HttpResponse(content, content_type="image/png")


def live_article(request: HttpRequest, pk: int) -> ArticlePage:
    site = current_site(request)
    return get_object_or_404(ArticlePage.objects.descendant_of(site.root_page).live().public(), pk=pk)


def article_card(request: HttpRequest, pk: int) -> HttpResponse:
    """The share card of an article: its headline and the newsroom's name on a 1200×630 PNG."""
    article = live_article(request, pk)
    return png(cards.article_card(article.pk, article.title, newsroom_for(request).name))


def site_card(request: HttpRequest) -> HttpResponse:
    """The share card of the site's other pages: the newsroom's name and tagline."""
    site = current_site(request)
    newsroom = newsroom_for(request)
    return png(cards.site_card(site.pk, newsroom.name, newsroom.tagline))


def logo(request: HttpRequest) -> HttpResponse:
    """A wordmark of the newsroom's name, the publisher's logo until editors upload one."""
    site = current_site(request)
    return png(cards.logo(site.pk, newsroom_for(request).name))


def mastodon_share(request: HttpRequest, pk: int) -> HttpResponse:
    """Ask for the reader's Mastodon server, then link to its share page.

    A link the reader follows, naming the server, and not a redirect: a
    redirect would let anyone craft an address on the newsroom's own domain
    that sends readers to a site of their choosing (an open redirect), and
    the Content Security Policy's ``form-action`` would block it anyway.
    """
    article = live_article(request, pk)
    url = absolute_url(request, article.get_url(request))
    error, server, share_url = "", "", ""
    value = request.GET.get("server", "")
    if "server" in request.GET:
        try:
            server = mastodon_server(value)
        except ValidationError as invalid:
            error = invalid.messages[0]
        else:
            share_url = mastodon_share_url(server, article.title, url)
    context = {
        "article": article,
        "article_url": url,
        "error": error,
        "value": value[:100],
        "server": server,
        "share_url": share_url,
    }
    return TemplateResponse(request, "discovery/mastodon_share.html", context, status=400 if error else 200)
