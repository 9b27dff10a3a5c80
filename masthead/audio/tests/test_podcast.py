"""The podcast feeds of narrated articles parse as RSS 2.0 with iTunes tags and valid enclosures."""

import feedparser
import pytest
from lxml import etree
from wagtail.models import Site

from masthead.articles.tests.factories import ArticleFactory, SectionFactory
from masthead.audio.feeds import ITUNES_NS

from .conftest import attach_ready_narration

pytestmark = pytest.mark.django_db


def parse(client, url: str):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    return feed


def test_site_podcast_lists_narrated_articles_with_mp3_enclosures(client, narrated_article, section):
    ArticleFactory(parent=section, title="Not narrated yet")
    feed = parse(client, "/audio/podcast.xml")
    assert feed.version == "rss20"
    assert feed.feed.title.endswith("audio articles")
    assert {"News", "Daily News"} <= {tag.term for tag in feed.feed.tags}
    assert feed.feed.image.href == "http://testserver/audio/podcast/cover.png"
    assert [e.title for e in feed.entries] == ["Bridge to be rebuilt"]
    entry = feed.entries[0]
    narration = narrated_article.audio.live_narration
    (enclosure,) = entry.enclosures
    assert enclosure.type == "audio/mpeg"
    assert int(enclosure.length) == narration.mp3_bytes
    assert enclosure.href == f"http://testserver/audio/{narration.pk}-{narration.key[:16]}.mp3"
    assert entry.itunes_duration == f"00:00:{round(narration.duration_ms / 1000):02d}"
    assert entry.link == "http://testserver" + narrated_article.url
    # The enclosure is there for a podcast app to fetch, with the length the feed promised.
    response = client.get(enclosure.href.removeprefix("http://testserver"))
    assert int(response["Content-Length"]) == int(enclosure.length)


def test_section_podcast_has_only_that_sections_articles(client, narrated_article, sample_narration):
    other = ArticleFactory(parent=SectionFactory(title="Sport", slug="sport"), title="Rowing final")
    attach_ready_narration(other, sample_narration)
    assert [e.title for e in parse(client, "/audio/podcast/section/sport.xml").entries] == ["Rowing final"]
    assert [e.title for e in parse(client, "/audio/podcast/section/city.xml").entries] == [
        "Bridge to be rebuilt"
    ]
    assert len(parse(client, "/audio/podcast.xml").entries) == 2


def test_unknown_section_podcast_is_404(client, db):
    assert client.get("/audio/podcast/section/nowhere.xml").status_code == 404


def test_unpublished_articles_leave_the_podcast(client, narrated_article):
    narrated_article.unpublish()
    assert parse(client, "/audio/podcast.xml").entries == []


def test_pages_advertise_the_podcasts(client, narrated_article, section):
    html = client.get(section.url).content.decode()
    assert (
        '<link rel="alternate" type="application/rss+xml" title="Masthead: City, audio articles (podcast)"'
        in html
    )
    assert 'href="/audio/podcast/section/city.xml"' in html
    assert 'href="/audio/podcast.xml"' in client.get(narrated_article.url).content.decode()


def test_podcast_cover_is_a_square_png_of_at_least_1400_pixels(client, db):
    from io import BytesIO

    from PIL import Image

    ArticleFactory()  # a site with a home page
    response = client.get("/audio/podcast/cover.png")
    assert response["Content-Type"] == "image/png"
    image = Image.open(BytesIO(response.content))
    assert image.size == (1400, 1400)


def test_the_podcast_says_its_audio_is_english_and_gives_an_owner_address(client, narrated_article, settings):
    from masthead.core.models import NewsroomSettings

    site = Site.objects.get(is_default_site=True)
    newsroom = NewsroomSettings.for_site(site)
    newsroom.language = "uk"  # the site's own words in Ukrainian; the voices still read English
    newsroom.contact_email = ""
    newsroom.save()
    settings.DEFAULT_FROM_EMAIL = "newsroom@localhost"
    tree = etree.fromstring(client.get("/audio/podcast.xml").content)
    assert tree.findtext("channel/language") == "en-us"
    assert tree.find(f"channel/{{{ITUNES_NS}}}owner/{{{ITUNES_NS}}}email") is None  # no address to give

    settings.DEFAULT_FROM_EMAIL = "desk@ledger.example"
    tree = etree.fromstring(client.get("/audio/podcast.xml").content)
    assert tree.findtext(f"channel/{{{ITUNES_NS}}}owner/{{{ITUNES_NS}}}email") == "desk@ledger.example"
    newsroom.contact_email = "podcast@ledger.example"
    newsroom.save()
    tree = etree.fromstring(client.get("/audio/podcast.xml").content)
    assert tree.findtext(f"channel/{{{ITUNES_NS}}}owner/{{{ITUNES_NS}}}email") == "podcast@ledger.example"
