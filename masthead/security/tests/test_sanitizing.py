"""What editors and readers type renders inert: scripts, handlers and javascript: links never run."""

import pytest
from django.urls import reverse
from wagtail.embeds.models import Embed

from masthead.articles.models import ArticlePage
from masthead.articles.tests.factories import ArticleFactory, AuthorFactory, SectionFactory, paragraph
from masthead.newsfeed.models import NewsItem
from masthead.security.sanitize import clean_embed_html

ATTACKS = [
    "<script>alert('x')</script>",
    '<img src=x onerror="alert(1)">',
    '"><svg onload=alert(1)>',
    '<a href="javascript:alert(1)">click</a>',
    '<iframe src="https://evil.example/"></iframe>',
]
ATTACK = " ".join(ATTACKS)


def assert_inert(html: str) -> None:
    lowered = html.lower()
    assert "<script>alert" not in lowered
    assert "<img src=x onerror" not in lowered
    assert "<svg onload" not in lowered
    assert 'href="javascript:' not in lowered
    assert '<iframe src="https://evil.example/' not in lowered


@pytest.fixture
def section(db):
    return SectionFactory(title="City", slug="city")


def test_attacks_in_article_fields_render_inert(client, section):
    author = AuthorFactory(title=f"Olha {ATTACK}", bio=f"<p>Writes about trams. {ATTACK}</p>")
    article = ArticleFactory(
        parent=section,
        title=f"Headline {ATTACK}",
        standfirst=f"Standfirst {ATTACK}",
        hero_caption=f"Caption {ATTACK}",
        authors=[author],
        body=[paragraph(f"Body text. {ATTACK}")],
        tags=[f"tag {ATTACKS[0]}"],
    )
    for url in [article.url, "/", section.url, author.url, "/search/?q=" + ATTACKS[0]]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert_inert(response.content.decode())


def test_rich_text_is_cleaned_before_it_is_stored(section):
    raw = '<p onclick="steal()">Hello <script>x()</script></p>'
    article = ArticleFactory(parent=section, body=[{"type": "paragraph", "value": raw}])
    stored = ArticlePage.objects.get(pk=article.pk).body.raw_data[0]["value"]
    assert stored == "<p>Hello </p>"
    author = AuthorFactory(title="Iryna", bio='<p>Bio<a href="javascript:x()">link</a></p>')
    author.refresh_from_db()
    assert author.bio == "<p>Bio<a>link</a></p>"


def test_a_providers_embed_keeps_only_an_allowed_player(section):
    html = (
        '<div style="padding-bottom: 56%" class="responsive-object">'
        '<iframe src="https://www.youtube-nocookie.com/embed/abc" allowfullscreen onload="x()"></iframe>'
        '<script src="https://www.youtube.com/tracker.js"></script></div>'
    )
    cleaned = str(clean_embed_html(html))
    assert '<iframe src="https://www.youtube-nocookie.com/embed/abc" allowfullscreen' in cleaned
    assert "onload" not in cleaned and "<script" not in cleaned and "style=" not in cleaned
    assert "evil.example" not in str(clean_embed_html('<iframe src="https://evil.example/x"></iframe>'))
    embed = Embed.objects.create(
        url="https://www.youtube.com/watch?v=abc", max_width=None, html=html, type="video"
    )
    embed.refresh_from_db()
    assert "<script" not in embed.html and "onload" not in embed.html


def test_attacks_in_news_feed_items_render_inert(client, db, admin_user):
    NewsItem.objects.create(text=f"Update {ATTACKS[0]} {ATTACKS[1]}", posted_by=admin_user)
    for url in ["/", "/news-feed/"]:
        assert_inert(client.get(url).content.decode())


def test_attacks_in_the_admin_listing_render_inert(admin_client, section):
    ArticleFactory(parent=section, title=f"Headline {ATTACK}")
    response = admin_client.get(reverse("wagtailadmin_explore", args=(section.pk,)))
    assert response.status_code == 200
    assert_inert(response.content.decode())
