"""What a page tells search engines and social networks: meta tags, canonical, hreflang, JSON-LD."""

import json
from datetime import datetime

import pytest
from django.test import override_settings
from lxml import html
from wagtail.models import Locale, Site

from masthead.articles.models import ArticlePage
from masthead.articles.tests.factories import ArticleFactory, ImageFactory, hours_ago
from masthead.discovery.models import DiscoverySettings

SCHEMA = "https://schema.org"
XSS = '</script><script>alert("x")</script><b onmouseover="alert(1)">&amp;'


def page_tree(client, url: str):
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return html.fromstring(response.content)


def json_ld(tree) -> list[dict]:
    """Every JSON-LD block of the page, parsed."""
    blocks = tree.xpath("//script[@type='application/ld+json']")
    assert blocks
    return [json.loads(block.text) for block in blocks]


def of_type(blocks: list[dict], kind: str) -> dict:
    (block,) = [b for b in blocks if b["@type"] == kind]
    assert block["@context"] == SCHEMA
    return block


def meta(tree, key: str) -> list[str]:
    return tree.xpath(f"//head/meta[@property='{key}' or @name='{key}']/@content")


@pytest.fixture
def story(newsroom, city, reporter, editor):
    return ArticleFactory(
        parent=city,
        title="Council approves the new tram line",
        standfirst="Eleven kilometres of track, four years of work.",
        authors=[reporter, editor],
        tags=["transport", "city council"],
        hero_image=ImageFactory(description="The tram depot at dawn"),
        published_at=hours_ago(5),
    )


def test_article_carries_a_complete_news_article(client, story, reporter, editor):
    ArticlePage.objects.filter(pk=story.pk).update(last_published_at=hours_ago(1))
    story.refresh_from_db()
    article = of_type(json_ld(page_tree(client, story.url)), "NewsArticle")
    required = {
        "headline",
        "image",
        "datePublished",
        "dateModified",
        "author",
        "publisher",
        "mainEntityOfPage",
    }
    assert required <= article.keys()
    assert article["headline"] == "Council approves the new tram line"
    assert article["description"] == "Eleven kilometres of track, four years of work."
    assert article["mainEntityOfPage"]["@id"] == f"http://testserver{story.url}"
    assert datetime.fromisoformat(article["datePublished"]) == story.first_published_at
    assert datetime.fromisoformat(article["dateModified"]) == story.last_published_at
    assert article["datePublished"].endswith(("+02:00", "+03:00"))  # the newsroom's zone, Kyiv
    assert article["author"] == [
        {"@type": "Person", "name": "Marta Hlynska", "url": f"http://testserver{reporter.url}"},
        {"@type": "Person", "name": "Ostap Verbny", "url": f"http://testserver{editor.url}"},
    ]
    assert article["articleSection"] == "City"
    assert article["keywords"] == ["transport", "city council"]
    publisher = article["publisher"]
    assert publisher["@type"] == "NewsMediaOrganization"
    assert publisher["name"] == "The Korvany Ledger"
    assert publisher["logo"]["@type"] == "ImageObject"
    # with no logo uploaded, a wordmark of the newsroom's name stands in
    logo = client.get(publisher["logo"]["url"].removeprefix("http://testserver"))
    assert logo.status_code == 200 and logo["Content-Type"] == "image/png"


def test_article_images_come_in_three_ratios(client, story):
    images = of_type(json_ld(page_tree(client, story.url)), "NewsArticle")["image"]
    expected = [
        story.hero_image.get_rendition(f"format-jpeg|fill-{size}")
        for size in ("1200x675", "1200x900", "1200x1200")
    ]
    assert images == [f"http://testserver{r.url}" for r in expected]
    # 16:9, 4:3 and 1:1; a picture smaller than 1200 pixels is cropped, never enlarged
    assert [round(r.width / r.height, 2) for r in expected] == [1.78, 1.33, 1.0]
    assert [r.width for r in expected] == [1200, 1200, 900]  # the factory's pictures are 1600×900
    for url in images:
        assert client.get(url.removeprefix("http://testserver")).status_code == 200


def test_an_uploaded_logo_is_the_publishers_logo(client, site, story):
    discovery = DiscoverySettings.for_site(site)
    discovery.logo = ImageFactory(title="Ledger logo")
    discovery.save()
    logo = of_type(json_ld(page_tree(client, story.url)), "NewsArticle")["publisher"]["logo"]
    rendition = discovery.logo.get_rendition("format-png|max-600x600")
    assert logo == {
        "@type": "ImageObject",
        "url": f"http://testserver{rendition.url}",
        "width": rendition.width,
        "height": rendition.height,
    }


def test_breadcrumbs_lead_from_home_through_the_section_to_the_article(client, story):
    trail = of_type(json_ld(page_tree(client, story.url)), "BreadcrumbList")["itemListElement"]
    assert [(item["position"], item["name"], item["item"]) for item in trail] == [
        (1, "The Korvany Ledger", "http://testserver/"),
        (2, "City", "http://testserver/city/"),
        (3, "Council approves the new tram line", f"http://testserver{story.url}"),
    ]
    section_trail = of_type(json_ld(page_tree(client, "/city/")), "BreadcrumbList")["itemListElement"]
    assert [item["name"] for item in section_trail] == ["The Korvany Ledger", "City"]


def test_home_page_describes_the_website_and_its_search_box(client, story):
    website = of_type(json_ld(page_tree(client, "/")), "WebSite")
    assert website["name"] == "The Korvany Ledger"
    assert website["url"] == "http://testserver/"
    action = website["potentialAction"]
    assert action["@type"] == "SearchAction"
    assert action["target"]["urlTemplate"] == "http://testserver/search/?q={search_term_string}"
    assert action["query-input"] == "required name=search_term_string"
    assert website["publisher"]["@type"] == "NewsMediaOrganization"
    # the tag pages the home page routes are not the website itself
    tag_tree = page_tree(client, "/tags/transport/")
    assert not [b for b in tag_tree.xpath("//script[@type='application/ld+json']") if "WebSite" in b.text]


def test_description_is_the_search_description_when_set_else_the_standfirst(client, story):
    tree = page_tree(client, story.url)
    assert meta(tree, "description") == ["Eleven kilometres of track, four years of work."]
    story.search_description = "Written for search engines."
    story.save_revision().publish()
    tree = page_tree(client, story.url)
    assert meta(tree, "description") == ["Written for search engines."]
    assert meta(tree, "og:description") == ["Written for search engines."]
    assert tree.xpath("string(//title)") == "Council approves the new tram line · The Korvany Ledger"


def test_canonical_drops_query_strings_but_keeps_the_page_of_a_list(client, story, city, reporter):
    for _ in range(13):
        ArticleFactory(parent=city, authors=[reporter])
    assert page_tree(client, story.url + "?utm_source=x").xpath("//link[@rel='canonical']/@href") == [
        f"http://testserver{story.url}"
    ]
    assert page_tree(client, "/city/?page=2&utm_source=x").xpath("//link[@rel='canonical']/@href") == [
        "http://testserver/city/?page=2"
    ]
    assert page_tree(client, "/city/?page=1").xpath("//link[@rel='canonical']/@href") == [
        "http://testserver/city/"
    ]
    assert page_tree(client, "/tags/transport/").xpath("//link[@rel='canonical']/@href") == [
        "http://testserver/tags/transport/"
    ]


def test_a_site_in_one_language_has_no_hreflang(client, story):
    tree = page_tree(client, story.url)
    assert tree.xpath("//link[@hreflang]") == []


@pytest.fixture
def fresh_site_root_paths():
    """Wagtail caches the sites' root paths (with languages once i18n is on); start and end clean."""
    Site.clear_site_root_paths_cache()
    yield
    Site.clear_site_root_paths_cache()


@pytest.mark.usefixtures("fresh_site_root_paths")
@override_settings(
    WAGTAIL_I18N_ENABLED=True,
    WAGTAIL_CONTENT_LANGUAGES=[("en", "English"), ("uk", "Ukrainian")],
    ROOT_URLCONF="masthead.discovery.tests.i18n_urls",
)
def test_translated_articles_name_every_language_version(client, story):
    assert page_tree(client, story.url).xpath("//link[@hreflang]") == []  # not translated yet
    translation = story.copy_for_translation(Locale.objects.create(language_code="uk"), copy_parents=True)
    translation.title = "Рада схвалила нову трамвайну лінію"
    translation.save_revision().publish()

    links = page_tree(client, story.url).xpath("//link[@rel='alternate'][@hreflang]")
    assert [(link.get("hreflang"), link.get("href")) for link in links] == [
        ("en", f"http://testserver{story.url}"),
        ("uk", f"http://testserver/uk{story.url}"),
        ("x-default", f"http://testserver{story.url}"),
    ]
    translation.refresh_from_db()
    translation.unpublish()
    assert page_tree(client, story.url).xpath("//link[@hreflang]") == []


def test_open_graph_and_twitter_card_share_the_hero_at_1200_by_630(client, site, story, reporter):
    discovery = DiscoverySettings.for_site(site)
    discovery.social_handle = "korvanyledger"
    discovery.save()
    tree = page_tree(client, story.url)
    share = story.hero_image.get_rendition("format-jpeg|fill-1200x630")
    assert (share.width, share.height) == (1200, 630)
    expected = {
        "og:site_name": ["The Korvany Ledger"],
        "og:type": ["article"],
        "og:title": ["Council approves the new tram line"],
        "og:url": [f"http://testserver{story.url}"],
        "og:image": [f"http://testserver{share.url}"],
        "og:image:width": ["1200"],
        "og:image:height": ["630"],
        "og:image:alt": ["The tram depot at dawn"],
        "og:locale": ["en_US"],
        "article:section": ["City"],
        "article:tag": ["transport", "city council"],
        "article:author": [f"http://testserver{reporter.url}", f"http://testserver{story.authors[1].url}"],
        "twitter:card": ["summary_large_image"],
        "twitter:site": ["@korvanyledger"],
        "twitter:title": ["Council approves the new tram line"],
        "twitter:image": [f"http://testserver{share.url}"],
    }
    for key, value in expected.items():
        assert meta(tree, key) == value, key
    assert datetime.fromisoformat(meta(tree, "article:published_time")[0]) == story.first_published_at


def test_listing_pages_share_the_newsroom_card(client, story, reporter):
    for url, og_type in (("/", "website"), ("/city/", "website"), (reporter.url, "profile")):
        tree = page_tree(client, url)
        assert meta(tree, "og:type") == [og_type]
        (image,) = meta(tree, "og:image")
        assert image.startswith("http://testserver/share/site-card.png?v=")
        card = client.get(image.removeprefix("http://testserver"))
        assert card.status_code == 200 and card["Content-Type"] == "image/png"
    assert meta(page_tree(client, reporter.url), "description") == ["Covers the city."]


@pytest.mark.parametrize("field", ["title", "standfirst"])
def test_markup_in_a_headline_or_standfirst_cannot_escape_the_head(client, newsroom, city, reporter, field):
    values = {"title": "Safe headline", "standfirst": "Safe standfirst.", field: XSS}
    article = ArticleFactory(parent=city, authors=[reporter], **values)
    response = client.get(article.url)
    content = response.content.decode()
    assert "<script>alert" not in content
    assert 'onmouseover="alert' not in content
    tree = html.fromstring(response.content)
    # the only scripts are JSON-LD data blocks and our own deferred files
    for script in tree.xpath("//script"):
        assert script.get("type") == "application/ld+json" or script.get("src", "").startswith("/static/js/")
    news_article = of_type(json_ld(tree), "NewsArticle")
    key = "headline" if field == "title" else "description"
    assert news_article[key] == XSS  # the text survives intact inside the JSON
    og = "og:title" if field == "title" else "og:description"
    assert meta(tree, og) == [XSS]  # and inside the attribute
    assert tree.xpath("//head/script[@type='application/ld+json']") == tree.xpath(
        "//script[@type='application/ld+json']"
    )


def test_previews_of_new_and_edited_articles_render_their_head(admin_client, newsroom, city, reporter, story):
    from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

    form = nested_form_data(
        {
            "title": "Preview </script> headline",
            "slug": "preview-headline",
            "standfirst": "Not yet published.",
            "article_authors": inline_formset([{"author": reporter.pk}], min=1),
            "hero_caption": "",
            "body": streamfield([("paragraph", rich_text("<p>Draft text.</p>"))]),
            "tags": "transport",
            "corrections": inline_formset([]),
            "comments": inline_formset([]),
        }
    )
    for preview_url in (
        f"/admin/pages/add/articles/articlepage/{city.pk}/preview/",
        f"/admin/pages/{story.pk}/edit/preview/",
    ):
        assert admin_client.post(preview_url, form).json()["is_valid"], preview_url
        response = admin_client.get(preview_url)
        assert response.status_code == 200, preview_url
        tree = html.fromstring(response.content)
        assert of_type(json_ld(tree), "NewsArticle")["headline"] == "Preview </script> headline"


def test_an_unpublished_author_is_named_without_a_link(client, story, editor):
    editor.unpublish()
    tree = page_tree(client, story.url)
    authors = of_type(json_ld(tree), "NewsArticle")["author"]
    assert authors[1] == {"@type": "Person", "name": "Ostap Verbny"}
    assert len(meta(tree, "article:author")) == 1
    item = client.get("/feeds/feed.json").json()["items"][0]
    assert item["authors"][1] == {"name": "Ostap Verbny"}


def test_a_hero_picture_whose_file_is_lost_leaves_every_view_working(client, story):
    from django.core.files.storage import default_storage

    story.hero_image.renditions.all().delete()
    default_storage.delete(story.hero_image.file.name)
    tree = page_tree(client, story.url)
    (image,) = meta(tree, "og:image")
    assert image.startswith(f"http://testserver/share/{story.pk}/card.png?v=")  # the drawn card stands in
    for url in ("/feeds/rss.xml", "/feeds/atom.xml", "/feeds/feed.json", "/sitemaps/section/city.xml"):
        assert client.get(url).status_code == 200, url
