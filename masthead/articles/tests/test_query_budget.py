"""Pages render in a number of queries that does not grow with their content."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

from masthead.articles.models import EditorsPick, EditorsPicks

from .factories import ArticleFactory, AuthorFactory, ImageFactory, SectionFactory, hours_ago, paragraph

# One query of each is the discovery settings (the publisher's logo and X
# account in the page's structured data and share tags), and one the
# newsletter signup box on every page (the lists it offers). The article page
# has one more: its narration (masthead.audio), for the player.
ARTICLE_PAGE_MAX_QUERIES = 28
HOME_PAGE_MAX_QUERIES = 21


def build_newsroom(size: int) -> dict:
    """A newsroom whose every list has ``size`` entries."""
    sections = [SectionFactory() for _ in range(2)]
    authors = [AuthorFactory(photo=ImageFactory()) for _ in range(size)]
    others = [
        ArticleFactory(
            parent=sections[i % 2], authors=authors, hero_image=ImageFactory(), published_at=hours_ago(i + 1)
        )
        for i in range(size + 6)
    ]
    body = [paragraph("Opening.")]
    for other in others[:size]:
        body.append({"type": "read_also", "value": {"article": other.pk, "label": ""}})
    article = ArticleFactory(
        parent=sections[0],
        authors=authors,
        tags=[f"tag {i}" for i in range(size)],
        hero_image=ImageFactory(),
        body=body,
        published_at=hours_ago(100),
    )
    picks = EditorsPicks.for_site(Site.objects.get(is_default_site=True))
    for order, other in enumerate(others[:size]):
        EditorsPick.objects.create(setting=picks, article=other, sort_order=order)
    return {"article": article}


def count_queries(client, url: str) -> int:
    client.get(url)  # first render creates image renditions; measure the steady state
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("page", ["article", "home"])
def test_query_count_does_not_grow_with_authors_tags_read_also_or_picks(client, db, page):
    small = build_newsroom(1)
    small_url = small["article"].url if page == "article" else "/"
    small_count = count_queries(client, small_url)

    large = build_newsroom(8)
    large_url = large["article"].url if page == "article" else "/"
    large_count = count_queries(client, large_url)

    assert large_count == small_count
    assert small_count <= (ARTICLE_PAGE_MAX_QUERIES if page == "article" else HOME_PAGE_MAX_QUERIES)
