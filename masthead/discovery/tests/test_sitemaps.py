"""Search engines read sitemap.xml, the news sitemap and robots.txt."""

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from django.utils import timezone
from lxml import etree

from masthead.articles.models import ArticlePage
from masthead.articles.tests.factories import ArticleFactory, ImageFactory, SectionFactory, hours_ago
from masthead.discovery.models import DiscoverySettings

SCHEMAS = Path(__file__).resolve().parent.parent / "schemas"
NS = {
    "sm": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "image": "http://www.google.com/schemas/sitemap-image/1.1",
    "news": "http://www.google.com/schemas/sitemap-news/0.9",
}


@pytest.fixture(scope="module")
def schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(SCHEMAS / "sitemap.xsd")))


def valid_sitemap(client, schema, url: str) -> etree._Element:
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    assert response["Content-Type"].startswith("application/xml")
    tree = etree.fromstring(response.content)
    assert schema.validate(tree), (url, schema.error_log)
    return tree


def locs(tree: etree._Element) -> list[str]:
    return tree.xpath("/*/*/sm:loc/text()", namespaces=NS)


def local(url: str) -> str:
    return url.removeprefix("http://testserver")


def test_the_schemas_refuse_what_the_protocols_do_not_allow(schema):
    head = f'<urlset xmlns="{NS["sm"]}" xmlns:image="{NS["image"]}" xmlns:news="{NS["news"]}">'
    news = (
        "<news:news><news:publication><news:name>Ledger</news:name><news:language>en</news:language>"
        "</news:publication><news:publication_date>2026-03-01T10:00:00+02:00</news:publication_date>"
        "{title}</news:news>"
    )
    good = f"{head}<url><loc>https://news.example.org/a/</loc>{news.format(title='<news:title>A</news:title>')}</url></urlset>"
    assert schema.validate(etree.fromstring(good))
    bad = [
        f"{head}<url><lastmod>2026-03-01</lastmod></url></urlset>",  # no loc
        f"{head}<url><loc>/relative/</loc></url></urlset>",
        f"{head}<url><loc>https://news.example.org/a/</loc><lastmod>2026-03-01T10:00:00</lastmod></url></urlset>",
        f"{head}<url><loc>https://news.example.org/a/</loc><priority>1.5</priority></url></urlset>",
        f"{head}<url><loc>https://news.example.org/a/</loc></url><url><loc>https://news.example.org/a/</loc></url></urlset>",
        f"{head}<url><loc>https://news.example.org/a/</loc><image:image/></url></urlset>",
        f"{head}<url><loc>https://news.example.org/a/</loc>{news.format(title='')}</url></urlset>",
        f'<sitemapindex xmlns="{NS["sm"]}"><sitemap><lastmod>2026-03-01</lastmod></sitemap></sitemapindex>',
    ]
    for document in bad:
        assert not schema.validate(etree.fromstring(document)), document


@pytest.fixture
def newsroom_sections(newsroom, city, culture, reporter):
    city_articles = [
        ArticleFactory(
            parent=city,
            authors=[reporter],
            tags=["transport"],
            hero_image=ImageFactory(),
            published_at=hours_ago(3),
        ),
        ArticleFactory(parent=city, authors=[reporter], published_at=hours_ago(80)),
    ]
    culture_articles = [
        ArticleFactory(parent=culture, authors=[reporter], tags=["theatre"], published_at=hours_ago(10))
    ]
    SectionFactory(title="Sport", slug="sport")  # no articles yet: no sitemap of its own
    return {"city": city_articles, "culture": culture_articles}


def test_sitemap_index_lists_pages_tags_and_each_section_with_lastmod(client, schema, newsroom_sections):
    index = valid_sitemap(client, schema, "/sitemap.xml")
    assert index.tag == f"{{{NS['sm']}}}sitemapindex"
    assert [local(url) for url in locs(index)] == [
        "/sitemaps/pages.xml",
        "/sitemaps/tags.xml",
        "/sitemaps/section/city.xml",
        "/sitemaps/section/culture.xml",
    ]
    lastmods = dict(zip(locs(index), index.xpath("//sm:lastmod/text()", namespaces=NS), strict=True))
    newest_city = newsroom_sections["city"][0]
    assert datetime.fromisoformat(
        lastmods["http://testserver/sitemaps/section/city.xml"]
    ) == newest_city.last_published_at.replace(microsecond=0)
    for url in locs(index):
        valid_sitemap(client, schema, local(url))


def test_section_sitemap_lists_its_live_articles_with_lastmod_and_hero_pictures(
    client, schema, newsroom_sections, city
):
    withdrawn = ArticleFactory(parent=city, title="Withdrawn")
    withdrawn.unpublish()
    tree = valid_sitemap(client, schema, "/sitemaps/section/city.xml")
    with_hero, without_hero = newsroom_sections["city"]
    assert [local(url) for url in locs(tree)] == [with_hero.url, without_hero.url]
    first, second = tree.xpath("//sm:url", namespaces=NS)
    assert first.xpath("string(sm:lastmod)", namespaces=NS) == with_hero.last_published_at.astimezone(
        UTC
    ).isoformat(timespec="seconds")
    rendition = with_hero.hero_image.get_rendition("format-jpeg|fill-1200x675")
    assert first.xpath("image:image/image:loc/text()", namespaces=NS) == [f"http://testserver{rendition.url}"]
    assert second.xpath("image:image", namespaces=NS) == []


def test_pages_and_tags_sitemaps_cover_the_rest_of_the_site(client, schema, newsroom_sections, reporter):
    pages = [local(url) for url in locs(valid_sitemap(client, schema, "/sitemaps/pages.xml"))]
    assert pages[0] == "/"  # in the order of the page tree
    assert sorted(pages) == sorted(["/", "/authors/", reporter.url, "/city/", "/culture/", "/sport/"])
    assert not any(url in pages for url in (a.url for a in newsroom_sections["city"]))
    tags = [local(url) for url in locs(valid_sitemap(client, schema, "/sitemaps/tags.xml"))]
    assert tags == ["/tags/transport/", "/tags/theatre/"]  # newest change first


def test_tag_pages_in_any_script_have_valid_addresses(client, schema, newsroom, city, reporter):
    ArticleFactory(parent=city, authors=[reporter], tags=["Київ"])
    tree = valid_sitemap(client, schema, "/sitemaps/tags.xml")
    (url,) = locs(tree)
    assert url == "http://testserver/tags/%D0%BA%D0%B8%D1%97%D0%B2/"
    assert client.get(local(url)).status_code == 200


def test_a_large_section_is_split_into_one_sitemap_a_month(
    client, schema, settings, newsroom, city, culture, reporter
):
    settings.SITEMAP_MONTHLY_ABOVE = 2
    march = [
        ArticleFactory(parent=city, authors=[reporter], published_at=datetime(2026, 3, day, 12, tzinfo=UTC))
        for day in (2, 20)
    ]
    april = ArticleFactory(parent=city, authors=[reporter], published_at=datetime(2026, 4, 1, 9, tzinfo=UTC))
    ArticleFactory(parent=culture, authors=[reporter], published_at=datetime(2026, 4, 2, 9, tzinfo=UTC))

    index = [local(url) for url in locs(valid_sitemap(client, schema, "/sitemap.xml"))]
    assert index[1:] == [
        "/sitemaps/section/city/2026-03.xml",
        "/sitemaps/section/city/2026-04.xml",
        "/sitemaps/section/culture.xml",
    ]
    march_urls = [
        local(url) for url in locs(valid_sitemap(client, schema, "/sitemaps/section/city/2026-03.xml"))
    ]
    assert march_urls == [march[1].url, march[0].url]
    april_urls = [
        local(url) for url in locs(valid_sitemap(client, schema, "/sitemaps/section/city/2026-04.xml"))
    ]
    assert april_urls == [april.url]


@pytest.mark.parametrize(
    "url",
    [
        "/sitemaps/section/city/2026-13.xml",
        "/sitemaps/section/nowhere.xml",
        "/sitemaps/section/city/26-01.xml",
    ],
)
def test_bad_sitemap_addresses_are_404(client, newsroom, url):
    assert client.get(url).status_code == 404


def test_news_sitemap_holds_exactly_the_articles_of_the_last_48_hours(
    client, schema, newsroom, city, culture, reporter
):
    now = timezone.now()
    inside = [
        ArticleFactory(
            parent=city, authors=[reporter], title="Just now", published_at=now - timedelta(minutes=1)
        ),
        ArticleFactory(
            parent=culture, authors=[reporter], title="Yesterday", published_at=now - timedelta(hours=30)
        ),
        ArticleFactory(
            parent=city,
            authors=[reporter],
            title="Nearly two days",
            published_at=now - timedelta(hours=47, minutes=50),
        ),
    ]
    outside = [
        ArticleFactory(
            parent=city,
            authors=[reporter],
            title="Just too old",
            published_at=now - timedelta(hours=48, minutes=10),
        ),
        ArticleFactory(
            parent=city, authors=[reporter], title="Last week", published_at=now - timedelta(days=7)
        ),
    ]
    withdrawn = ArticleFactory(
        parent=city, authors=[reporter], title="Withdrawn", published_at=now - timedelta(hours=2)
    )
    withdrawn.unpublish()
    draft = ArticlePage(
        title="Draft", slug="draft", body=[{"type": "paragraph", "value": "<p>x</p>"}], live=False
    )
    city.add_child(instance=draft)

    tree = valid_sitemap(client, schema, "/news-sitemap.xml")
    assert [local(url) for url in locs(tree)] == [a.url for a in inside]
    assert not {a.url for a in outside} & {local(url) for url in locs(tree)}
    for article, url in zip(inside, tree.xpath("//sm:url", namespaces=NS), strict=True):
        assert (
            url.xpath("string(news:news/news:publication/news:name)", namespaces=NS) == "The Korvany Ledger"
        )
        assert url.xpath("string(news:news/news:publication/news:language)", namespaces=NS) == "en"
        assert url.xpath("string(news:news/news:title)", namespaces=NS) == article.title
        published = datetime.fromisoformat(
            url.xpath("string(news:news/news:publication_date)", namespaces=NS)
        )
        assert published == article.first_published_at.replace(microsecond=0)


def test_news_sitemap_is_valid_when_nothing_is_new(client, schema, newsroom, city, reporter):
    ArticleFactory(parent=city, authors=[reporter], published_at=hours_ago(100))
    assert locs(valid_sitemap(client, schema, "/news-sitemap.xml")) == []


def test_news_sitemap_speaks_the_newsrooms_language(client, schema, newsroom, city, reporter):
    newsroom.language = "uk"
    newsroom.save()
    ArticleFactory(parent=city, authors=[reporter], title="Трамвай повертається")
    tree = valid_sitemap(client, schema, "/news-sitemap.xml")
    assert tree.xpath("string(//news:language)", namespaces=NS) == "uk"
    assert tree.xpath("string(//news:title)", namespaces=NS) == "Трамвай повертається"


def test_robots_txt_points_at_the_sitemaps_and_adds_the_editors_rules(client, site):
    robots = client.get("/robots.txt")
    assert robots["Content-Type"].startswith("text/plain")
    lines = robots.content.decode().splitlines()
    assert lines[:2] == ["User-agent: *", "Disallow: /admin/"]
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    assert "Sitemap: http://testserver/news-sitemap.xml" in lines

    discovery = DiscoverySettings.for_site(site)
    discovery.robots_extra = "Disallow: /drafts/\n\nUser-agent: ExampleBot\nDisallow: /"
    discovery.save()
    lines = client.get("/robots.txt").content.decode().splitlines()
    assert lines[:6] == [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /drafts/",
        "",
        "User-agent: ExampleBot",
        "Disallow: /",
    ]
    assert lines[-2:] == [
        "Sitemap: http://testserver/sitemap.xml",
        "Sitemap: http://testserver/news-sitemap.xml",
    ]


def settings_form(**fields) -> dict:
    return {"feed_content": "summary", "logo": "", "social_handle": "", "robots_extra": "", **fields}


@pytest.mark.parametrize(
    ("rules", "message"),
    [
        ("Disallow /drafts/", "Line 1 is not a robots.txt rule"),
        ("Disallow: /a/\n<script>alert(1)</script>", "Line 2 is not a robots.txt rule"),
        ("Allow: drafts", "Line 1: a path in an Allow or Disallow rule starts with “/”."),
        ("Sitemap: /other.xml", "Line 1: a Sitemap rule needs a full address"),
        ("User-agent:", "Line 1: a User-agent rule needs the crawler"),
        ("Disallow: /x\n" * 600, "Ensure this value has at most 5000 characters"),
    ],
)
def test_editors_rules_that_are_not_robots_txt_are_refused_and_nothing_changes(
    admin_client, site, rules, message
):
    url = f"/admin/settings/discovery/discoverysettings/{site.pk}/"
    assert admin_client.post(url, settings_form(robots_extra="Disallow: /old/")).status_code == 302
    response = admin_client.post(url, settings_form(robots_extra=rules))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert DiscoverySettings.for_site(site).robots_extra == "Disallow: /old/"
    assert "Disallow: /old/" in admin_client.get("/robots.txt").content.decode()


def test_editors_set_full_text_feeds_a_logo_and_an_account_in_the_admin(admin_client, site):
    logo = ImageFactory(title="Logo")
    url = f"/admin/settings/discovery/discoverysettings/{site.pk}/"
    form = settings_form(
        feed_content="full", logo=logo.pk, social_handle="@korvanyledger", robots_extra="Disallow: /x/"
    )
    assert admin_client.post(url, form).status_code == 302
    saved = DiscoverySettings.for_site(site)
    assert (saved.full_text_feeds, saved.logo, saved.twitter_site) == (True, logo, "@korvanyledger")
    response = admin_client.post(url, settings_form(social_handle="not a handle!"))
    assert "Enter an account name such as @korvanyledger" in response.content.decode()
    assert DiscoverySettings.for_site(site).twitter_site == "@korvanyledger"
