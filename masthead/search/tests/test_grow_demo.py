"""grow_demo: a generated archive, written in bulk, that readers can browse and search."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils.html import escape
from lxml import html
from wagtail.models import Page

from masthead.articles.models import ArticlePage, SectionPage
from masthead.articles.tests.factories import AuthorFactory, SectionFactory
from masthead.search.demo_growth import generated_articles


@pytest.fixture
def newsroom(db):
    sections = [SectionFactory(title=t.title(), slug=t) for t in ("city", "politics", "sport")]
    authors = [AuthorFactory(title=name) for name in ("Irina Valcheva", "Petro Halan")]
    return sections, authors


def grow(articles: int, **options) -> str:
    out = StringIO()
    call_command("grow_demo", articles=articles, stdout=out, **options)
    return out.getvalue()


def test_grows_live_articles_under_every_section_with_bylines_and_tags(client, newsroom):
    sections, authors = newsroom
    output = grow(25, batch_size=10)
    assert "Grew the newsroom by 25 articles (0 were already there)" in output
    assert "25 of 25 articles" in output  # progress
    articles = ArticlePage.objects.live()
    assert articles.count() == 25
    assert Page.find_problems() == ([], [], [], [], [])  # a sound page tree
    for section in sections:
        section.refresh_from_db()
        assert section.numchild == ArticlePage.objects.child_of(section).count() > 0
    for article in [articles.order_by("pk")[i] for i in (0, 12, 24)]:
        assert article.authors and set(article.authors) <= set(authors)
        assert article.tags.exists()
        assert article.first_published_at is not None
        response = client.get(article.url)
        assert response.status_code == 200
        assert escape(article.title).encode() in response.content
    assert client.get(sections[0].url).status_code == 200


def test_generated_articles_are_found_by_search(client, newsroom):
    grow(16, batch_size=5)
    article = ArticlePage.objects.get(slug__endswith="-7")
    tree = html.fromstring(client.get("/search/", {"q": article.title}).content)
    titles = [h.text_content() for h in tree.xpath("//article[@class='search-result']//h3")]
    assert titles[0] == article.title
    author = article.authors[0].title
    tree = html.fromstring(client.get("/search/", {"q": author}).content)
    assert article.title in [h.text_content() for h in tree.xpath("//article[@class='search-result']//h3")]


def test_running_again_adds_only_what_is_missing(newsroom):
    grow(12, batch_size=5)
    first = set(ArticlePage.objects.values_list("slug", flat=True))
    assert "(12 were already there)" in grow(12)
    assert ArticlePage.objects.count() == 12
    assert "Grew the newsroom by 8 articles (12 were already there)" in grow(20, batch_size=5)
    assert first < set(ArticlePage.objects.values_list("slug", flat=True))
    assert Page.find_problems() == ([], [], [], [], [])


def test_the_same_seed_writes_the_same_articles():
    sections = ["city", "politics"]
    one = list(generated_articles(seed=1, count=30, sections=sections))
    assert one == list(generated_articles(seed=1, count=30, sections=sections))
    other_seed = generated_articles(seed=2, count=30, sections=sections)
    assert [a.title for a in one] != [a.title for a in other_seed]
    # article n does not depend on how many are generated
    assert list(generated_articles(seed=1, count=5, sections=sections)) == one[:5]
    assert len({a.slug for a in one}) == 30
    assert all(a.body and a.standfirst and a.tags for a in one)


def test_needs_the_demo_newsroom_first(db):
    from masthead.articles.tests.factories import home_page

    home_page()
    with pytest.raises(CommandError, match="load_demo"):
        grow(5)
    assert not SectionPage.objects.exists()
