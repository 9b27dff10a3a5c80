"""Home, section, author and tag pages, their pagination and bad input."""

import pytest
from lxml import html
from wagtail.models import Site

from masthead.articles.models import ARTICLES_PER_PAGE, EditorsPick, EditorsPicks, HomePage

from .factories import ArticleFactory, AuthorFactory, ImageFactory, SectionFactory, hours_ago


def tree_of(response):
    assert response.status_code == 200, response.status_code
    return html.fromstring(response.content)


@pytest.fixture
def newsroom(db):
    """Two sections with a few articles each, a picked article, one author."""
    city, business = (
        SectionFactory(title="City", slug="city"),
        SectionFactory(title="Business", slug="business"),
    )
    author = AuthorFactory(title="Olha Brant", photo=ImageFactory(), bio="<p>Covers money.</p>")
    articles = []
    for i in range(6):
        articles.append(
            ArticleFactory(
                parent=city if i % 2 else business,
                authors=[author],
                title=f"Story {i}",
                tags=["budget"] if i < 3 else [],
                published_at=hours_ago(10 - i),
                hero_image=ImageFactory() if i == 5 else None,
            )
        )
    picks = EditorsPicks.for_site(Site.objects.get(is_default_site=True))
    EditorsPick.objects.create(setting=picks, article=articles[0], sort_order=0)
    return {"city": city, "business": business, "author": author, "articles": articles}


def test_home_page_has_lead_top_stories_rails_and_picks(client, newsroom):
    tree = tree_of(client.get("/"))
    lead = tree.xpath("//article[contains(@class, 'card--lead')]")[0]
    assert lead.xpath("string(.//h3)") == "Story 5"
    assert lead.xpath(".//picture")  # the lead shows its picture
    assert tree.xpath("//ol[@class='top-stories']//h3/a/text()") == [
        "Story 4",
        "Story 3",
        "Story 2",
        "Story 1",
    ]
    rails = tree.xpath("//section[@class='section-rail']")
    # the lead and top stories are not repeated in the rails: only Story 0 is left
    assert [r.xpath("string(.//h2)") for r in rails] == ["Business"]
    assert tree.xpath("//section[@class='picks']//h3/a/text()") == ["Story 0"]
    assert tree.xpath("//nav[@class='site-nav']//a/text()") == ["City", "Business", "News Feed"]


def test_home_page_rails_show_each_sections_latest_articles(client, section, authors):
    for i in range(12):
        ArticleFactory(parent=section, authors=authors, title=f"City {i}", published_at=hours_ago(20 - i))
    tree = tree_of(client.get("/"))
    rail = tree.xpath("//section[@class='section-rail']")[0]
    # the five newest are the lead and top stories; the rail continues from there
    assert rail.xpath(".//h3/a/text()") == ["City 6", "City 5", "City 4", "City 3"]


def test_empty_newsroom_home_page_says_nothing_is_published(client, db):
    tree = tree_of(client.get("/"))
    assert "Nothing has been published yet." in tree.text_content()


def test_section_page_lists_its_articles_newest_first(client, newsroom):
    tree = tree_of(client.get(newsroom["city"].url))
    assert tree.xpath("string(//h1)") == "City"
    assert tree.xpath("//ol[@class='article-list']//h2/a/text()") == ["Story 5", "Story 3", "Story 1"]


def test_section_page_paginates(client, section, authors):
    for i in range(ARTICLES_PER_PAGE + 3):
        ArticleFactory(parent=section, authors=authors, title=f"Item {i}", published_at=hours_ago(100 - i))
    first = tree_of(client.get(section.url))
    assert len(first.xpath("//ol[@class='article-list']/li")) == ARTICLES_PER_PAGE
    assert first.xpath("//nav[@class='pagination']/a[@rel='next']/@href") == ["?page=2"]
    second = tree_of(client.get(section.url + "?page=2"))
    assert second.xpath("//ol[@class='article-list']//h2/a/text()") == ["Item 2", "Item 1", "Item 0"]


@pytest.mark.parametrize("number", ["abc", "0", "-1", "99", "1.5", "%00", "1" * 400])
def test_malformed_or_missing_page_number_is_a_styled_404(client, section, number):
    response = client.get(section.url, {"page": number})
    assert response.status_code == 404
    assert b"Page not found" in response.content
    assert b"Skip to content" in response.content  # the site's own layout


def test_missing_page_is_a_styled_404(client, db):
    response = client.get("/no-such-story/")
    assert response.status_code == 404
    tree = html.fromstring(response.content)
    assert tree.xpath("string(//h1)") == "Page not found"
    assert tree.xpath("//main[@id='content']")


def test_author_page_shows_bio_photo_and_their_articles(client, newsroom):
    author = newsroom["author"]
    tree = tree_of(client.get(author.url))
    assert tree.xpath("string(//h1)") == "Olha Brant"
    assert "Covers money." in tree.xpath("string(//div[@class='author-bio'])")
    assert tree.xpath("//header//picture//img")
    assert len(tree.xpath("//ol[@class='article-list']/li")) == 6
    other = AuthorFactory(title="Nobody Yet")
    assert "No articles yet." in tree_of(client.get(other.url)).text_content()


def test_author_index_lists_authors(client, newsroom):
    tree = tree_of(client.get("/authors/"))
    assert tree.xpath("//ul[@class='author-grid']//a/text()") == ["Olha Brant"]


def test_tag_page_lists_tagged_articles_and_unknown_tag_is_404(client, newsroom):
    tree = tree_of(client.get("/tags/budget/"))
    assert "budget" in tree.xpath("string(//h1)")
    assert tree.xpath("//ol[@class='article-list']//h2/a/text()") == ["Story 2", "Story 1", "Story 0"]
    assert client.get("/tags/no-such-tag/").status_code == 404
    assert client.get("/tags/budget/?page=zz").status_code == 404


def test_home_page_exists_after_migrations(db):
    site = Site.objects.get(is_default_site=True)
    assert isinstance(site.root_page.specific, HomePage)


def test_a_request_for_a_host_with_no_site_is_a_404_not_a_500(client, db):
    Site.objects.all().delete()
    response = client.get("/")
    assert response.status_code == 404
