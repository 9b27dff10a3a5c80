"""The demo newsroom that `make run` loads."""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import transaction
from wagtail.models import Site

from masthead.articles.models import ArticlePage, AuthorPage, Correction, EditorsPicks, SectionPage
from masthead.core.models import NewsroomSettings
from masthead.newsfeed.models import NewsItem
from masthead.newsletters.models import NewsletterList
from masthead.revenue.models import Campaign


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """Load the demo once for the module, and roll it back after the module."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo", stdout=StringIO())
        yield
        transaction.set_rollback(True)


@pytest.fixture
def live_articles(demo, db):
    return ArticlePage.objects.live()


def test_demo_has_the_promised_size(live_articles):
    assert live_articles.count() >= 30
    assert SectionPage.objects.live().count() >= 4
    assert AuthorPage.objects.live().count() >= 5
    assert Correction.objects.values("page").distinct().count() >= 2
    read_also = [a for a in live_articles if any(b.block_type == "read_also" for b in a.body)]
    assert len(read_also) >= 5
    assert all(a.hero_image and a.hero_image.credit for a in live_articles if a.hero_image_id)
    picks = EditorsPicks.for_site(Site.objects.get(is_default_site=True)).articles()
    assert len(picks) >= 3
    assert NewsroomSettings.for_site(Site.objects.get(is_default_site=True)).time_zone == "Europe/Kyiv"
    assert NewsItem.objects.published().count() >= 10
    assert NewsItem.objects.filter(article__isnull=False).count() >= 3
    assert {nl.schedule for nl in NewsletterList.objects.filter(is_public=True)} == {"daily", "weekly"}
    assert Campaign.objects.live().filter(show_banner=True).exists()


def test_every_demo_page_renders(client, live_articles):
    for page in [*live_articles, *SectionPage.objects.live(), *AuthorPage.objects.live()]:
        response = client.get(page.url)
        assert response.status_code == 200, page.url
    home = client.get("/")
    assert home.status_code == 200
    assert any(a.url.encode() in home.content for a in live_articles)


def test_loading_twice_changes_nothing(demo, db):
    counts = (ArticlePage.objects.count(), AuthorPage.objects.count(), SectionPage.objects.count())
    call_command("load_demo", stdout=StringIO())
    assert (ArticlePage.objects.count(), AuthorPage.objects.count(), SectionPage.objects.count()) == counts
    assert get_user_model().objects.filter(username="admin", is_superuser=True).count() == 1


def test_warming_renders_every_live_page_and_makes_renditions(demo, db):
    from masthead.core.models import NewsRendition
    from masthead.core.tasks import warm_pages

    result = warm_pages.enqueue()
    assert result.return_value >= ArticlePage.objects.live().count()
    assert NewsRendition.objects.count() > 0


def test_loading_again_keeps_what_editors_changed_in_the_settings(demo, db):
    site = Site.objects.get(is_default_site=True)
    newsroom = NewsroomSettings.for_site(site)
    newsroom.name = "The Renamed Ledger"
    newsroom.time_zone = "Europe/Lisbon"
    newsroom.save()
    call_command("load_demo", stdout=StringIO())
    newsroom.refresh_from_db()
    assert (newsroom.name, newsroom.time_zone) == ("The Renamed Ledger", "Europe/Lisbon")


def test_demo_pictures_have_alt_text(live_articles):
    pictures = [a.hero_image for a in live_articles if a.hero_image_id]
    assert pictures and all(p.description for p in pictures)
