"""The search backend the settings pick, and Wagtail's own searches through it."""

from django.db import connection
from django.urls import reverse
from wagtail.search.backends import get_search_backend

from masthead.articles.models import ArticlePage
from masthead.articles.tests.factories import ImageFactory

from .conftest import article


def test_the_database_in_use_picks_its_full_text_engine(db):
    backend = get_search_backend()
    if connection.vendor == "postgresql":
        assert type(backend).__name__ == "IndexedPostgresSearchBackend"
        assert backend.config == "english"  # stemming: "floods" finds "flood"
    else:
        assert type(backend).__name__ == "HeadlineWeightedSQLiteBackend"


def test_stemming_or_prefixes_find_other_forms_of_a_word(db, sections):
    found = article(sections["city"], "Flooding closes the embankment")
    for word in ("flood", "floods", "flooded", "FLOODING"):
        assert list(ArticlePage.objects.live().search(word)) == [found], word


def test_editors_search_pages_and_images_in_the_admin(admin_client, sections):
    article(sections["city"], "Lighthouse keeper retires", "The lighthouse on the spit goes automatic.")
    ImageFactory(title="Lighthouse at dusk")
    response = admin_client.get(reverse("wagtailadmin_pages:search"), {"q": "lighthouse"})
    assert response.status_code == 200
    assert b"Lighthouse keeper retires" in response.content
    response = admin_client.get(reverse("wagtailimages:index"), {"q": "lighthouse"})
    assert response.status_code == 200
    assert b"Lighthouse at dusk" in response.content
    # the admin's quote and operator syntax reaches the engine without breaking it
    for query in ['"lighthouse keeper"', 'lighthouse"', "lighthouse OR keeper", "-keeper"]:
        assert admin_client.get(reverse("wagtailadmin_pages:search"), {"q": query}).status_code == 200
