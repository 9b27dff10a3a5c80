"""The article page's weight budget and the newsroom's language."""

import gzip
from datetime import UTC, datetime
from pathlib import Path

from django.conf import settings
from lxml import html
from wagtail.models import Site

from masthead.articles.models import EditorsPick, EditorsPicks
from masthead.core.models import NewsroomSettings

from .factories import ArticleFactory, ImageFactory, paragraph

BUDGET_BYTES = 50 * 1024


def test_article_html_css_and_js_stay_under_50_kb_compressed(client, section, authors, article):
    body = [paragraph("A long paragraph of reporting from the council chamber. " * 12) for _ in range(12)]
    long_read = ArticleFactory(parent=section, authors=authors, body=body, hero_image=ImageFactory())
    picks = EditorsPicks.for_site(Site.objects.get(is_default_site=True))
    for order in range(6):
        other = ArticleFactory(parent=section, authors=authors, hero_image=ImageFactory())
        EditorsPick.objects.create(setting=picks, article=other, sort_order=order)

    response = client.get(long_read.url)
    tree = html.fromstring(response.content)
    weight = len(gzip.compress(response.content))
    static_dir = Path(settings.STATICFILES_DIRS[0])
    for href in tree.xpath("//link[@rel='stylesheet']/@href") + tree.xpath("//script/@src"):
        weight += len(gzip.compress((static_dir / href.removeprefix(settings.STATIC_URL)).read_bytes()))
    # the News Feed's live updates, and nothing else (JSON-LD blocks are data, not code)
    assert len(tree.xpath("//script[not(@type='application/ld+json')]")) <= 1
    assert weight < BUDGET_BYTES, f"{weight} bytes compressed"


def test_newsroom_language_switches_the_sites_own_words(client, section, authors):
    article = ArticleFactory(
        parent=section, authors=authors, published_at=datetime(2026, 3, 5, 10, 0, tzinfo=UTC)
    )
    newsroom = NewsroomSettings.for_site(Site.objects.get(is_default_site=True))
    newsroom.language = "uk"
    newsroom.save()
    response = client.get(article.url)
    tree = html.fromstring(response.content)
    assert tree.get("lang") == "uk"
    assert response.headers["Content-Language"] == "uk"
    assert tree.xpath("string(//a[@class='skip-link'])") == "Перейти до змісту"
    assert "хв читання" in tree.xpath("string(//span[@class='reading-time'])")
    assert "березня" in tree.xpath("string(//p[@class='article__dates']/time)")  # 5 March, in Ukrainian


def test_english_is_the_default_language(client, article):
    tree = html.fromstring(client.get(article.url).content)
    assert tree.get("lang") == "en"
    assert tree.xpath("string(//a[@class='skip-link'])") == "Skip to content"
