"""The News Feed as readers and editors meet it: admin, column, pages, feeds."""

from datetime import UTC, datetime, timedelta

import feedparser
import pytest
from django.urls import reverse
from django.utils import timezone
from lxml import html

from masthead.articles.tests.factories import ArticleFactory
from masthead.newsfeed.models import MAX_LENGTH, NewsItem


def post_item(**fields) -> NewsItem:
    return NewsItem.objects.create(**{"text": "A drone hit an office block.", **fields})


def tree_of(response):
    assert response.status_code == 200, response.status_code
    return html.fromstring(response.content)


ADD_URL = "wagtailsnippets_newsfeed_newsitem:add"


def admin_form(**fields) -> dict:
    return {
        "text": "Power is back in the eastern districts.",
        "article": "",
        "is_breaking": "",
        "breaking_until": "",
        "posted_at": timezone.localtime().strftime("%Y-%m-%d %H:%M"),
        **fields,
    }


def test_editor_posts_an_item_that_appears_on_the_feed_and_the_home_page(
    admin_client, admin_user, client, db
):
    response = admin_client.post(reverse(ADD_URL), admin_form())
    assert response.status_code == 302
    item = NewsItem.objects.get()
    assert item.posted_by == admin_user
    home = tree_of(client.get("/"))
    assert home.xpath("string(//section[@class='news-feed']//p[@class='news-item__text'])").startswith(
        "Power is back in the eastern districts."
    )
    assert "Power is back" in tree_of(client.get("/news-feed/")).text_content()


def test_over_long_or_empty_text_is_refused_and_nothing_is_stored(admin_client, db):
    for text in ("", "x" * (MAX_LENGTH + 1)):
        response = admin_client.post(reverse(ADD_URL), admin_form(text=text))
        assert response.status_code == 200
        assert b"error" in response.content
    assert not NewsItem.objects.exists()


@pytest.mark.parametrize("article", ["999999", "not-a-number"])
def test_a_link_to_a_missing_article_is_refused(admin_client, db, article):
    response = admin_client.post(reverse(ADD_URL), admin_form(article=article))
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert not NewsItem.objects.exists()


def test_editing_and_deleting_an_item_reach_the_pages(admin_client, client, db):
    item = post_item(text="First wording.")
    edit = reverse("wagtailsnippets_newsfeed_newsitem:edit", args=[item.pk])
    posted = timezone.localtime(item.posted_at).strftime("%Y-%m-%d %H:%M")
    assert admin_client.post(edit, admin_form(text="Second wording.", posted_at=posted)).status_code == 302
    assert "Second wording." in tree_of(client.get("/news-feed/")).text_content()

    delete = reverse("wagtailsnippets_newsfeed_newsitem:delete", args=[item.pk])
    assert admin_client.post(delete).status_code == 302
    assert "Second wording." not in tree_of(client.get("/news-feed/")).text_content()
    assert client.get(f"/news-feed/{item.pk}/").status_code == 404


def test_items_are_newest_first_and_future_ones_wait(client, db):
    now = timezone.now()
    post_item(text="Older.", posted_at=now - timedelta(hours=2))
    post_item(text="Newer.", posted_at=now - timedelta(minutes=5))
    post_item(text="Not yet.", posted_at=now + timedelta(hours=1))
    texts = tree_of(client.get("/news-feed/")).xpath("//p[@class='news-item__text']/text()")
    assert [t.strip() for t in texts] == ["Newer.", "Older."]


def test_item_time_is_shown_in_the_newsrooms_time_zone(client, db):
    item = post_item(posted_at=datetime(2026, 7, 14, 16, 31, tzinfo=UTC))
    tree = tree_of(client.get(item.get_absolute_url()))
    stamp = tree.xpath("//p[@class='news-item__time']//time")[0]
    assert "7:31 p.m." in stamp.text_content()
    assert stamp.get("datetime").startswith("2026-07-14T19:31:00+03:00")


def test_archive_groups_items_by_the_newsrooms_day(client, db):
    # 21:30 UTC on 1 March is 23:30 in Kyiv; 22:30 UTC is already 2 March there.
    post_item(text="Late on the first.", posted_at=datetime(2026, 3, 1, 21, 30, tzinfo=UTC))
    post_item(text="Just after midnight.", posted_at=datetime(2026, 3, 1, 22, 30, tzinfo=UTC))
    tree = tree_of(client.get("/news-feed/"))
    days = tree.xpath("//section[@class='news-day']")
    assert [d.xpath("string(.//h2)") for d in days] == ["March 2, 2026", "March 1, 2026"]

    first = tree_of(client.get("/news-feed/2026/3/1/"))
    assert [t.strip() for t in first.xpath("//p[@class='news-item__text']/text()")] == ["Late on the first."]
    assert first.xpath("//a[@rel='next']/@href") == ["/news-feed/2026/3/2/"]
    assert tree_of(client.get("/news-feed/2026/3/5/")).xpath("//p[@class='empty']")


@pytest.mark.parametrize(
    "url", ["/news-feed/2026/2/30/", "/news-feed/2026/13/1/", "/news-feed/?page=x", "/news-feed/0/"]
)
def test_bad_days_pages_and_items_are_404(client, db, url):
    assert client.get(url).status_code == 404


def test_rss_and_atom_feeds_parse_cleanly_with_the_items(client, db):
    post_item(text="First update.", posted_at=timezone.now() - timedelta(minutes=10))
    newest = post_item(text="Second update & more.", posted_at=timezone.now() - timedelta(minutes=1))
    for url in ("/news-feed/rss.xml", "/news-feed/atom.xml"):
        parsed = feedparser.parse(client.get(url).content)
        assert not parsed.bozo, parsed.bozo_exception
        assert [e.summary for e in parsed.entries] == ["Second update & more.", "First update."]
        assert parsed.entries[0].link.endswith(f"/news-feed/{newest.pk}/")


def test_empty_feeds_are_valid(client, db):
    for url in ("/news-feed/rss.xml", "/news-feed/atom.xml"):
        parsed = feedparser.parse(client.get(url).content)
        assert not parsed.bozo and parsed.entries == []
    assert client.get("/news-feed/feed.json").json()["items"] == []


def test_json_feed_follows_json_feed_1_1(client, db):
    article = ArticleFactory()
    post_item(text="With a link.", article=article, is_breaking=True)
    response = client.get("/news-feed/feed.json")
    assert response["Content-Type"].startswith("application/feed+json")
    feed = response.json()
    assert feed["version"] == "https://jsonfeed.org/version/1.1"
    entry = feed["items"][0]
    assert entry["content_text"] == "With a link."
    assert entry["external_url"].endswith(article.url)
    assert entry["tags"] == ["breaking"]


def test_breaking_item_shows_a_banner_until_it_expires_or_is_cleared(client, db):
    item = post_item(text="Air raid alert in the capital.", is_breaking=True)
    banner = tree_of(client.get("/")).xpath("//div[@class='breaking-banner']")
    assert banner and "Air raid alert" in banner[0].text_content()

    item.breaking_until = timezone.now() - timedelta(minutes=1)
    item.save()
    assert not tree_of(client.get("/")).xpath("//div[@class='breaking-banner']")

    item.breaking_until = None
    item.is_breaking = False
    item.save()
    assert not tree_of(client.get("/news-feed/")).xpath("//div[@class='breaking-banner']")


def test_article_pages_show_the_feed_column_and_link_items_to_articles(client, db):
    article = ArticleFactory(title="The full story")
    post_item(text="Short version.", article=article)
    tree = tree_of(client.get(article.url))
    column = tree.xpath("//aside[@class='article-rail']//section[@class='news-feed']")[0]
    assert column.xpath(".//a[@class='news-item__more']/@href") == [article.url]


def test_every_change_is_recorded_in_order_for_the_live_stream(admin_client, db):
    from masthead.newsfeed.models import FeedEvent

    assert admin_client.post(reverse(ADD_URL), admin_form(text="Posted.")).status_code == 302
    item = NewsItem.objects.get()
    edit = reverse("wagtailsnippets_newsfeed_newsitem:edit", args=[item.pk])
    posted = timezone.localtime(item.posted_at).strftime("%Y-%m-%d %H:%M")
    admin_client.post(edit, admin_form(text="Edited.", posted_at=posted))
    admin_client.post(reverse("wagtailsnippets_newsfeed_newsitem:delete", args=[item.pk]))

    events = list(FeedEvent.objects.order_by("pk"))
    assert [(e.kind, e.item_id) for e in events] == [
        ("posted", item.pk),
        ("edited", item.pk),
        ("deleted", item.pk),
    ]
    assert "Posted." in events[0].html and "Edited." in events[1].html and events[2].html == ""
    assert f'id="news-item-{item.pk}"' in events[1].html  # what the page's script replaces


def test_stream_endpoint_ignores_a_malformed_last_event_id(db):
    from django.test import RequestFactory

    from masthead.newsfeed.stream import parse_last_event_id

    factory = RequestFactory()
    assert parse_last_event_id(factory.get("/", HTTP_LAST_EVENT_ID="41")) == 41
    for junk in ("", "abc", "-1", "1.5", "9" * 40):
        assert parse_last_event_id(factory.get("/", HTTP_LAST_EVENT_ID=junk)) is None
    assert parse_last_event_id(factory.get("/?last_event_id=7")) == 7


def test_the_stream_refuses_clearly_under_a_wsgi_server(client, db):
    response = client.get("/news-feed/stream/")  # Django's test client speaks WSGI
    assert response.status_code == 501
    assert b"needs an ASGI server" in response.content
