"""Feed readers subscribe to the site, a section, an author or a tag in RSS, Atom or JSON Feed."""

from datetime import datetime

import feedparser
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from lxml import etree, html

from masthead.articles.models import ArticlePage
from masthead.articles.tests.factories import ArticleFactory, ImageFactory, hours_ago, paragraph
from masthead.discovery.models import DiscoverySettings

XML_FEEDS = ("rss.xml", "atom.xml")
MEDIA = "{http://search.yahoo.com/mrss/}content"


def feed_base(kind: str, slug: str = "") -> str:
    return "/feeds/" if kind == "site" else f"/feeds/{kind}/{slug}/"


def parse(client, url: str):
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, (url, parsed.bozo_exception)
    return parsed


def json_feed(client, url: str) -> dict:
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    assert response["Content-Type"].startswith("application/feed+json")
    feed = response.json()
    check_json_feed(feed)
    return feed


def check_json_feed(feed: dict) -> None:
    """The rules of JSON Feed 1.1 that a reader relies on."""
    assert feed["version"] == "https://jsonfeed.org/version/1.1"
    assert isinstance(feed["title"], str) and feed["title"]
    assert feed["feed_url"].startswith("http") and feed["home_page_url"].startswith("http")
    ids = [item["id"] for item in feed["items"]]
    assert len(ids) == len(set(ids)) and all(isinstance(i, str) and i for i in ids)
    for item in feed["items"]:
        assert "content_html" in item or "content_text" in item
        datetime.fromisoformat(item["date_published"])
        datetime.fromisoformat(item["date_modified"])
        assert item["url"].startswith("http")
        for author in item["authors"]:
            assert author["name"] and author.get("url", "http").startswith("http")


@pytest.fixture
def newsroom_articles(newsroom, city, culture, reporter, editor):
    """Three articles in two sections, plus a draft and an unpublished one that no feed may show."""
    older = ArticleFactory(
        parent=city,
        title="Tram depot opens",
        authors=[reporter],
        tags=["transport"],
        published_at=hours_ago(30),
    )
    newer = ArticleFactory(
        parent=city,
        title="Council & mayor agree <budget>",
        authors=[reporter, editor],
        tags=["transport", "budget"],
        published_at=hours_ago(2),
    )
    play = ArticleFactory(
        parent=culture, title="A new play at the Ivra", authors=[editor], published_at=hours_ago(5)
    )
    gone = ArticleFactory(parent=city, title="Withdrawn story", authors=[reporter], tags=["transport"])
    gone.unpublish()
    draft = ArticlePage(title="Draft story", slug="draft-story", body=[paragraph("Not yet.")], live=False)
    city.add_child(instance=draft)
    draft.save_revision()
    return {"older": older, "newer": newer, "play": play}


SCOPES = [
    ("site", "", ["Council & mayor agree <budget>", "A new play at the Ivra", "Tram depot opens"]),
    ("section", "city", ["Council & mayor agree <budget>", "Tram depot opens"]),
    ("author", "ostap-verbny", ["Council & mayor agree <budget>", "A new play at the Ivra"]),
    ("tag", "transport", ["Council & mayor agree <budget>", "Tram depot opens"]),
]


@pytest.mark.parametrize(("kind", "slug", "titles"), SCOPES)
def test_every_feed_parses_cleanly_with_its_articles_newest_first(
    client, newsroom_articles, kind, slug, titles
):
    base = feed_base(kind, slug)
    for name in XML_FEEDS:
        parsed = parse(client, base + name)
        assert [entry.title for entry in parsed.entries] == titles
        assert all(entry.link.startswith("http://testserver/") for entry in parsed.entries)
        assert parsed.feed.title.startswith("The Korvany Ledger")
    feed = json_feed(client, base + "feed.json")
    assert [item["title"] for item in feed["items"]] == titles
    assert feed["title"].startswith("The Korvany Ledger")


@pytest.mark.parametrize("kind", ["site", "section", "author", "tag"])
def test_feed_entries_link_ids_and_dates_match_the_articles(client, newsroom_articles, kind):
    newer = newsroom_articles["newer"]
    slug = {"site": "", "section": "city", "author": "ostap-verbny", "tag": "budget"}[kind]
    base = feed_base(kind, slug)
    rss, atom = parse(client, base + "rss.xml"), parse(client, base + "atom.xml")
    for parsed in (rss, atom):
        entry = parsed.entries[0]
        assert entry.link == f"http://testserver{newer.url}"
        assert entry.id == f"tag:testserver,{newer.first_published_at.date()}:article:{newer.pk}"
        assert entry.published_parsed[:6] == newer.first_published_at.utctimetuple()[:6]
    assert atom.entries[0].updated_parsed[:6] == newer.last_published_at.utctimetuple()[:6]
    item = json_feed(client, base + "feed.json")["items"][0]
    assert item["id"] == rss.entries[0].id
    assert datetime.fromisoformat(item["date_modified"]) == newer.last_published_at


def test_every_author_and_tag_of_an_article_is_in_its_entry(client, newsroom_articles):
    newer = newsroom_articles["newer"]
    rss = parse(client, "/feeds/rss.xml")
    tree = etree.fromstring(client.get("/feeds/rss.xml").content)
    creators = tree.xpath(
        "//item[1]/dc:creator/text()", namespaces={"dc": "http://purl.org/dc/elements/1.1/"}
    )
    assert creators == ["Marta Hlynska", "Ostap Verbny"]
    assert [t.term for t in rss.entries[0].tags] == ["City", "transport", "budget"]
    atom = parse(client, "/feeds/atom.xml")
    assert [a.name for a in atom.entries[0].authors] == ["Marta Hlynska", "Ostap Verbny"]
    assert atom.entries[0].authors[0].href.endswith(newer.authors[0].url)
    item = json_feed(client, "/feeds/feed.json")["items"][0]
    assert [a["name"] for a in item["authors"]] == ["Marta Hlynska", "Ostap Verbny"]
    assert item["tags"] == ["City", "transport", "budget"]


def test_a_republished_article_carries_its_new_updated_time(client, newsroom_articles):
    older = newsroom_articles["older"]
    older.title = "Tram depot opens, with a correction"
    older.save_revision().publish()
    older.refresh_from_db()
    atom = parse(client, "/feeds/atom.xml")
    entry = next(e for e in atom.entries if e.link.endswith(older.url))
    assert entry.title == "Tram depot opens, with a correction"
    assert entry.updated_parsed[:6] == older.last_published_at.utctimetuple()[:6]
    assert entry.published_parsed[:6] == older.first_published_at.utctimetuple()[:6]
    # the feed as a whole was updated when its newest entry was
    assert atom.feed.updated_parsed[:6] == older.last_published_at.utctimetuple()[:6]


@pytest.mark.parametrize("name", [*XML_FEEDS, "feed.json"])
def test_the_feeds_of_an_empty_section_are_valid_and_empty(client, newsroom, culture, name):
    url = f"/feeds/section/culture/{name}"
    if name == "feed.json":
        assert json_feed(client, url)["items"] == []
    else:
        parsed = parse(client, url)
        assert parsed.entries == []
        assert parsed.feed.title == "The Korvany Ledger: Culture"


@pytest.mark.parametrize(
    "url",
    ["/feeds/section/nowhere/rss.xml", "/feeds/author/nobody/atom.xml", "/feeds/tag/no-such-tag/feed.json"],
)
def test_feeds_of_unknown_sections_authors_or_tags_are_404(client, site, url):
    assert client.get(url).status_code == 404


def test_hero_picture_is_an_enclosure_and_media_content(client, newsroom, city, reporter):
    article = ArticleFactory(
        parent=city, authors=[reporter], hero_image=ImageFactory(description="The depot")
    )
    rendition = article.hero_image.get_rendition("format-jpeg|fill-1200x675")
    picture_url = f"http://testserver{rendition.url}"

    rss = parse(client, "/feeds/rss.xml")
    (enclosure,) = rss.entries[0].enclosures
    assert (enclosure.href, enclosure.type, int(enclosure.length)) == (
        picture_url,
        "image/jpeg",
        rendition.file.size,
    )
    for name in XML_FEEDS:
        tree = etree.fromstring(client.get(f"/feeds/{name}").content)
        (media,) = tree.iter(MEDIA)
        assert media.get("url") == picture_url
        assert (media.get("medium"), media.get("width"), media.get("height")) == ("image", "1200", "675")
    atom = parse(client, "/feeds/atom.xml")
    assert [link.href for link in atom.entries[0].links if link.rel == "enclosure"] == [picture_url]
    assert json_feed(client, "/feeds/feed.json")["items"][0]["image"] == picture_url


def test_summary_feeds_carry_the_standfirst_only(client, newsroom, city, reporter):
    ArticleFactory(
        parent=city,
        authors=[reporter],
        standfirst="Fares rise <a little>.",
        body=[paragraph("SECRET BODY TEXT")],
    )
    for name in XML_FEEDS:
        response = client.get(f"/feeds/{name}")
        entry = feedparser.parse(response.content).entries[0]
        assert entry.summary == "Fares rise &lt;a little&gt;."  # text, not markup
        assert b"SECRET BODY TEXT" not in response.content
    item = json_feed(client, "/feeds/feed.json")["items"][0]
    assert item["content_text"] == "Fares rise <a little>."
    assert "content_html" not in item


def test_full_text_setting_puts_the_whole_article_in_every_feed(client, newsroom, site, city, reporter):
    other = ArticleFactory(parent=city, authors=[reporter], title="Earlier story", published_at=hours_ago(5))
    body = [
        paragraph("First paragraph of the <b>full</b> story."),
        {"type": "subheading", "value": "What comes next"},
        {"type": "read_also", "value": {"article": other.pk, "label": ""}},
    ]
    ArticleFactory(
        parent=city, authors=[reporter], body=body, hero_image=ImageFactory(), published_at=hours_ago(0.1)
    )
    discovery = DiscoverySettings.for_site(site)
    discovery.feed_content = DiscoverySettings.FeedContent.FULL
    discovery.save()

    rss, atom = parse(client, "/feeds/rss.xml"), parse(client, "/feeds/atom.xml")
    item = json_feed(client, "/feeds/feed.json")["items"][0]
    for content in (rss.entries[0].content[0].value, atom.entries[0].content[0].value, item["content_html"]):
        fragment = html.fromstring(f"<div>{content}</div>")
        assert "First paragraph of the full story." in fragment.text_content()
        assert fragment.xpath("string(//h2)") == "What comes next"
        # every address works outside the site: a feed reader shows it elsewhere
        assert fragment.xpath("//a/@href") == [f"http://testserver{other.url}"]
        assert all(src.startswith("http://testserver/") for src in fragment.xpath("//img/@src"))
    assert rss.entries[0].summary == "What happened, in one sentence."


def test_feed_queries_do_not_grow_with_the_number_of_articles(client, newsroom, city, reporter, editor):
    def count(url: str) -> int:
        client.get(url)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    ArticleFactory(parent=city, authors=[reporter], tags=["a"], hero_image=ImageFactory())
    few = {url: count(url) for url in ("/feeds/rss.xml", "/feeds/atom.xml", "/feeds/feed.json")}
    for n in range(5):
        ArticleFactory(
            parent=city, authors=[reporter, editor], tags=["a", f"t{n}"], hero_image=ImageFactory()
        )
    many = {url: count(url) for url in few}
    assert many == few


def test_pages_advertise_their_feeds_and_each_answers(client, newsroom_articles, reporter):
    expected = {
        "/": ["/feeds/"],
        "/city/": ["/feeds/section/city/", "/feeds/"],
        reporter.url: ["/feeds/author/marta-hlynska/", "/feeds/"],
        "/tags/transport/": ["/feeds/tag/transport/", "/feeds/"],
        newsroom_articles["newer"].url: ["/feeds/"],
    }
    for url, bases in expected.items():
        tree = html.fromstring(client.get(url).content)
        # The podcast feeds (/audio/) are the audio app's, tested there.
        links = tree.xpath("//head/link[@rel='alternate'][@type][not(starts-with(@href, '/audio/'))]")
        wanted = [(base + name) for base in bases for name in ("rss.xml", "atom.xml", "feed.json")]
        assert [link.get("href") for link in links] == wanted, url
        assert [link.get("type") for link in links[:3]] == [
            "application/rss+xml",
            "application/atom+xml",
            "application/feed+json",
        ]
        assert all(link.get("title").startswith("The Korvany Ledger") for link in links)
        for href in wanted:
            assert client.get(href).status_code == 200, href


def test_feeds_are_in_the_newsrooms_language(client, newsroom, city, reporter):
    newsroom.language = "uk"
    newsroom.save()
    ArticleFactory(parent=city, authors=[reporter])
    assert parse(client, "/feeds/rss.xml").feed.language == "uk"
    assert json_feed(client, "/feeds/feed.json")["language"] == "uk"
