"""Readers share articles: a picture for every share, and plain links to each network."""

from io import BytesIO
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core.files.storage import default_storage
from lxml import html
from PIL import Image

from masthead.articles.tests.factories import ArticleFactory, ImageFactory
from masthead.discovery import cards


def og_image(client, url: str) -> str:
    tree = html.fromstring(client.get(url).content)
    (image,) = tree.xpath("//meta[@property='og:image']/@content")
    return image.removeprefix("http://testserver")


def png(client, url: str) -> Image.Image:
    response = client.get(url)
    assert response.status_code == 200, response.status_code
    assert response["Content-Type"] == "image/png"
    picture = Image.open(BytesIO(response.content))
    assert picture.format == "PNG"
    return picture


def ink(picture: Image.Image) -> int:
    """How many pixels differ from the card's paper: the drawn name, rule and headline."""
    grey = picture.convert("L")
    paper = grey.getpixel((2, 2))
    histogram = grey.histogram()
    return sum(count for value, count in enumerate(histogram) if abs(value - paper) > 60)


def stored_cards(article) -> list[str]:
    try:
        return default_storage.listdir(f"share-cards/article-{article.pk}")[1]
    except FileNotFoundError:
        return []


@pytest.fixture
def article(newsroom, city, reporter):
    return ArticleFactory(parent=city, authors=[reporter], title="Council approves the new tram line")


def test_an_article_without_a_picture_shares_a_card_with_its_headline(client, article):
    url = og_image(client, article.url)
    assert url.startswith(f"/share/{article.pk}/card.png?v=")
    card = png(client, url)
    assert card.size == (1200, 630)
    assert ink(card) > 5000  # text was drawn, not a blank sheet
    assert stored_cards(article) == [f"{url.split('v=')[1]}.png"]
    assert png(client, url).tobytes() == card.tobytes()  # the stored card is served again


def test_the_card_is_redrawn_when_the_headline_changes(client, article):
    first_url = og_image(client, article.url)
    first = png(client, first_url)
    article.title = "Council approves the new tram line, and a second depot"
    article.save_revision().publish()
    second_url = og_image(client, article.url)
    assert second_url != first_url
    second = png(client, second_url)
    assert second.tobytes() != first.tobytes()
    assert stored_cards(article) == [f"{second_url.split('v=')[1]}.png"]  # the stale card is gone
    # the address is stable: without the version the current card is served
    assert png(client, f"/share/{article.pk}/card.png").tobytes() == second.tobytes()


def test_the_card_is_redrawn_when_the_newsroom_is_renamed(client, newsroom, article):
    before = og_image(client, article.url)
    newsroom.name = "The Ivra Ledger"
    newsroom.save()
    assert og_image(client, article.url) != before


@pytest.mark.parametrize(
    "headline",
    [
        "Рада схвалила нову трамвайну лінію через лівий берег Іври",
        "Word " * 120,
        "Averyveryveryveryveryveryveryveryveryveryveryveryveryveryveryverylongwordwithoutspaces",
    ],
)
def test_long_and_cyrillic_headlines_fit_the_card(headline):
    card = Image.open(BytesIO(cards.draw_card(headline, "The Korvany Ledger")))
    assert card.size == (1200, 630)
    assert ink(card) > 5000


def test_an_article_with_a_picture_shares_the_picture(client, newsroom, city, reporter):
    article = ArticleFactory(parent=city, authors=[reporter], hero_image=ImageFactory())
    rendition = article.hero_image.get_rendition("format-jpeg|fill-1200x630")
    assert og_image(client, article.url) == rendition.url


def test_cards_of_unpublished_articles_are_404(client, article):
    article.unpublish()
    assert client.get(f"/share/{article.pk}/card.png").status_code == 404
    assert client.get(f"/share/{article.pk}/mastodon/").status_code == 404
    assert client.get("/share/999999/card.png").status_code == 404


def test_the_logo_and_site_card_are_drawn_from_the_newsrooms_name(client, newsroom):
    logo = png(client, "/share/logo.png")
    assert logo.size == (600, 120) and ink(logo) > 500
    assert png(client, "/share/site-card.png").size == (1200, 630)


NETWORKS = {
    "bluesky": "bsky.app",
    "x": "x.com",
    "facebook": "www.facebook.com",
    "linkedin": "www.linkedin.com",
    "telegram": "t.me",
    "whatsapp": "wa.me",
}


def test_share_links_under_the_article_are_plain_links_with_no_script(client, article):
    response = client.get(article.url)
    tree = html.fromstring(response.content)
    links = {
        a.get("class").split("--")[1]: a.get("href")
        for a in tree.xpath("//article//section[@class='share']//a")
    }
    assert list(links) == [
        "mastodon",
        "bluesky",
        "x",
        "facebook",
        "linkedin",
        "telegram",
        "whatsapp",
        "email",
    ]
    article_url = f"http://testserver{article.url}"
    for network, host in NETWORKS.items():
        parts = urlsplit(links[network])
        assert (parts.scheme, parts.netloc) == ("https", host), network
        assert any(article_url in value for values in parse_qs(parts.query).values() for value in values), (
            network
        )
    mail = urlsplit(links["email"])
    assert mail.scheme == "mailto"
    assert parse_qs(mail.query)["subject"] == ["Council approves the new tram line"]
    assert "+" not in mail.query  # RFC 6068 spaces
    assert links["mastodon"] == f"/share/{article.pk}/mastodon/"
    # nothing of the networks' runs on the page
    for src in tree.xpath("//script/@src | //iframe/@src"):
        assert src.startswith("/")


def test_mastodon_share_asks_for_the_readers_server_then_links_there(client, article):
    page = html.fromstring(client.get(f"/share/{article.pk}/mastodon/").content)
    assert page.xpath("//form[@method='get']//input[@name='server']")
    assert page.xpath("//meta[@name='robots']/@content") == ["noindex"]
    for typed, server in [
        ("mastodon.social", "mastodon.social"),
        ("https://Fosstodon.org/", "fosstodon.org"),
        ("@marta@social.example", "social.example"),
    ]:
        response = client.get(f"/share/{article.pk}/mastodon/", {"server": typed})
        # A link naming the server, never a redirect (that would be an open redirect).
        assert response.status_code == 200 and "Location" not in response
        [link] = html.fromstring(response.content).xpath("//p[@role='status']/a")
        assert link.text_content().strip() == f"Share it on {server}"
        target = urlsplit(link.get("href"))
        assert (target.scheme, target.netloc, target.path) == ("https", server, "/share")
        assert parse_qs(target.query)["text"] == [
            f"Council approves the new tram line http://testserver{article.url}"
        ]


@pytest.mark.parametrize(
    "typed",
    [
        "",
        "localhost",
        "javascript:alert(1)",
        "evil.example/phish?x=1",
        "a" * 300 + ".example",
        "<b>x</b>.org",
        "@x@",
    ],
)
def test_a_server_that_is_not_a_host_name_gets_a_clear_message(client, article, typed):
    response = client.get(f"/share/{article.pk}/mastodon/", {"server": typed})
    assert response.status_code == 400
    tree = html.fromstring(response.content)
    assert "is not the address of a Mastodon server" in tree.xpath("string(//*[@role='alert'])")
    assert tree.xpath("//input[@name='server']/@aria-invalid") == ["true"]
    assert b"<b>x</b>" not in response.content
