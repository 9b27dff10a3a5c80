import pytest
from wagtail.models import Site

from masthead.articles.tests.factories import AuthorFactory, SectionFactory
from masthead.core.models import NewsRendition, NewsroomSettings


@pytest.fixture(autouse=True)
def forget_cached_renditions():
    """Ids restart after each test's rollback, so renditions cached by an earlier test could match."""
    NewsRendition.cache_backend.clear()


@pytest.fixture
def site(db):
    SectionFactory(title="City", slug="city")  # builds the home page and site on first use
    return Site.objects.get(is_default_site=True)


@pytest.fixture
def newsroom(site):
    settings = NewsroomSettings.for_site(site)
    settings.name = "The Korvany Ledger"
    settings.tagline = "Independent reporting from Korvany"
    settings.save()
    return settings


@pytest.fixture
def city(site):
    from masthead.articles.models import SectionPage

    return SectionPage.objects.get(slug="city")


@pytest.fixture
def culture(site):
    return SectionFactory(title="Culture", slug="culture")


@pytest.fixture
def reporter(site):
    return AuthorFactory(title="Marta Hlynska", slug="marta-hlynska")


@pytest.fixture
def editor(site):
    return AuthorFactory(title="Ostap Verbny", slug="ostap-verbny")
