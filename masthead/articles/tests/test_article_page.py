"""What a reader sees on an article page, element by element."""

from datetime import UTC, datetime, timedelta
from urllib.parse import unquote

import pytest
from lxml import html
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed
from wagtail.models import Site

from masthead.articles.models import ArticlePage, Correction, EditorsPick, EditorsPicks
from masthead.core.models import NewsroomSettings

from .factories import ArticleFactory, ImageFactory, hours_ago, paragraph

FOCUSABLE = (
    "//a[@href] | //button | //input[not(@type='hidden')] | //select | //textarea"
    " | //*[@tabindex and @tabindex!='-1']"
)


def get_tree(client, url: str):
    response = client.get(url)
    assert response.status_code == 200, response.status_code
    return html.fromstring(response.content)


def test_skip_link_is_the_first_focusable_element_and_targets_main(client, article):
    tree = get_tree(client, article.url)
    first = tree.xpath(FOCUSABLE)[0]
    assert first.text_content().strip() == "Skip to content"
    assert first.get("href") == "#content"
    assert tree.xpath("//main[@id='content']")


def test_page_has_landmarks(client, article):
    tree = get_tree(client, article.url)
    for landmark in ("header", "nav", "main", "article", "aside", "footer"):
        assert tree.xpath(f"//{landmark}"), landmark


def test_headline_standfirst_and_byline_link_each_author(client, article, authors):
    tree = get_tree(client, article.url)
    assert tree.xpath("string(//h1)") == "Council approves the new tram line"
    assert tree.xpath("string(//*[@class='article__standfirst'])") == "What happened, in one sentence."
    byline = tree.xpath("//p[@class='byline']")[0]
    assert " ".join(byline.text_content().split()) == "by Marta Hlynska and Ostap Verbny"
    assert [a.get("href") for a in byline.xpath(".//a")] == [authors[0].url, authors[1].url]


def test_byline_with_three_authors_uses_commas_then_and(client, section, authors):
    from .factories import AuthorFactory

    third = AuthorFactory(title="Iryna Sova")
    page = ArticleFactory(parent=section, authors=[*authors, third])
    byline = get_tree(client, page.url).xpath("//p[@class='byline']")[0]
    assert " ".join(byline.text_content().split()) == "by Marta Hlynska, Ostap Verbny and Iryna Sova"


def test_publication_time_is_shown_in_the_newsrooms_time_zone(client, section, authors):
    published = datetime(2026, 7, 14, 16, 31, tzinfo=UTC)
    page = ArticleFactory(parent=section, authors=authors, published_at=published)

    tree = get_tree(client, page.url)
    stamp = tree.xpath("//p[@class='article__dates']/time")[0]
    assert stamp.get("datetime").startswith("2026-07-14T19:31:00+03:00")  # Kyiv, summer time
    assert "7:31 p.m." in stamp.text_content()
    assert "EEST" in stamp.text_content()

    newsroom = NewsroomSettings.for_site(Site.objects.get(is_default_site=True))
    newsroom.time_zone = "America/New_York"
    newsroom.save()
    stamp = get_tree(client, page.url).xpath("//p[@class='article__dates']/time")[0]
    assert stamp.get("datetime").startswith("2026-07-14T12:31:00-04:00")
    assert "12:31 p.m." in stamp.text_content()


def test_updated_time_appears_only_when_republished_later(client, section, authors):
    page = ArticleFactory(parent=section, authors=authors, published_at=hours_ago(5))
    assert "Updated" not in get_tree(client, page.url).xpath("string(//p[@class='article__dates'])")

    ArticlePage.objects.filter(pk=page.pk).update(last_published_at=hours_ago(1))
    dates = get_tree(client, page.url).xpath("//p[@class='article__dates']")[0]
    assert "Updated" in dates.text_content()
    assert len(dates.xpath(".//time")) == 2


@pytest.mark.parametrize(("words", "minutes"), [(30, 1), (440, 2), (660, 3), (1000, 5)])
def test_reading_time_is_computed_from_the_body(client, section, authors, words, minutes):
    page = ArticleFactory(parent=section, authors=authors, standfirst="", body=[paragraph("word " * words)])
    text = get_tree(client, page.url).xpath("string(//span[@class='reading-time'])")
    assert text == f"{minutes} min read"


def test_hero_image_is_responsive_with_modern_format_caption_and_credit(client, article):
    tree = get_tree(client, article.url)
    figure = tree.xpath("//figure[contains(@class, 'figure--hero')]")[0]
    sources = figure.xpath(".//source")
    assert [s.get("type") for s in sources] == ["image/avif", "image/webp"]
    assert all(s.get("srcset").count("w,") == 2 for s in sources)  # three widths each
    img = figure.xpath(".//img")[0]
    assert img.get("width") and img.get("height")
    assert img.get("src").endswith(".jpg") and img.get("srcset")
    assert img.get("loading") != "lazy"  # above the fold
    caption = " ".join(figure.xpath("string(.//figcaption)").split())
    assert caption == "The depot on the left bank. (Daria Kost / Masthead)"


def body_with_every_block(target: ArticlePage) -> list[dict]:
    picture = ImageFactory(credit="Library credit")
    return [
        paragraph("Opening paragraph with <b>bold</b> text."),
        {"type": "subheading", "value": "What happens next"},
        {
            "type": "quote",
            "value": {"text": "We will build it by spring.", "attribution": "Vasyl Tur, engineer"},
        },
        {"type": "image", "value": {"image": picture.pk, "caption": "The bridge at dusk.", "credit": ""}},
        {"type": "embed", "value": {"embed": "https://video.example.org/watch/42", "caption": "The debate."}},
        {"type": "read_also", "value": {"article": target.pk, "label": ""}},
        paragraph("Closing paragraph."),
    ]


def test_body_renders_every_block_type(client, section, authors):
    url = "https://video.example.org/watch/42"
    Embed.objects.create(
        url=url,
        hash=get_embed_hash(url),
        type="video",
        html='<iframe title="Council debate" src="https://www.youtube-nocookie.com/embed/42"></iframe>',
        title="Council debate",
    )
    target = ArticleFactory(parent=section, authors=authors, title="Older story about the bridge")
    page = ArticleFactory(parent=section, authors=authors, body=body_with_every_block(target))
    tree = get_tree(client, page.url)
    body = tree.xpath("//div[@class='article__body']")[0]
    assert body.xpath("string(.//h2)") == "What happens next"
    assert body.xpath("string(.//blockquote)").strip() == "We will build it by spring."
    assert body.xpath("string(.//figure[@class='quote']/figcaption)") == "Vasyl Tur, engineer"
    image_caption = " ".join(body.xpath("string(.//figure[@class='figure']/figcaption)").split())
    assert image_caption == "The bridge at dusk. (Library credit)"
    assert body.xpath(".//figure[@class='figure']//img[@loading='lazy']")
    read_also = body.xpath(".//p[@class='read-also']")[0]
    assert read_also.xpath("string(.//a)") == "Older story about the bridge"
    assert read_also.xpath(".//a/@href") == [target.url]
    assert "Read also" in read_also.text_content()
    embed = body.xpath(".//figure[contains(@class, 'figure--embed')]")[0]
    assert embed.xpath(".//iframe/@src") == ["https://www.youtube-nocookie.com/embed/42"]
    assert embed.xpath("string(.//figcaption)") == "The debate."


def test_read_also_follows_the_linked_articles_current_title(client, section, authors):
    target = ArticleFactory(parent=section, authors=authors, title="First headline")
    page = ArticleFactory(
        parent=section,
        authors=authors,
        body=[{"type": "read_also", "value": {"article": target.pk}}, paragraph("x")],
    )
    target.title = "Corrected headline"
    target.save_revision().publish()
    tree = get_tree(client, page.url)
    assert tree.xpath("string(//p[@class='read-also']//a)") == "Corrected headline"

    target.unpublish()
    assert not get_tree(client, page.url).xpath("//p[@class='read-also']")


def test_tags_and_section_link_to_their_pages(client, article, section):
    tree = get_tree(client, article.url)
    assert tree.xpath("//p[@class='kicker']/a/@href") == [section.url]
    assert tree.xpath("//a[@rel='tag']/@href") == ["/tags/transport/", "/tags/city-council/"]


def test_more_news_lists_other_recent_articles(client, section, authors, article):
    others = [ArticleFactory(parent=section, authors=authors, title=f"Other {i}") for i in range(3)]
    tree = get_tree(client, article.url)
    titles = tree.xpath("//section[@class='more-news']//h3/a/text()")
    assert titles == [o.title for o in reversed(others)]
    assert article.title not in titles


def test_editors_picks_show_in_the_editors_order(client, section, authors, article):
    first = ArticleFactory(parent=section, authors=authors, title="Pick one", published_at=hours_ago(50))
    second = ArticleFactory(parent=section, authors=authors, title="Pick two", published_at=hours_ago(1))
    picks = EditorsPicks.for_site(Site.objects.get(is_default_site=True))
    EditorsPick.objects.create(setting=picks, article=second, sort_order=0)
    EditorsPick.objects.create(setting=picks, article=first, sort_order=1)
    tree = get_tree(client, article.url)
    assert tree.xpath("//section[@class='picks']//h3/a/text()") == ["Pick two", "Pick one"]


def test_corrections_are_listed_at_the_end_with_their_own_time(client, article):
    Correction.objects.create(
        page=article,
        kind="correction",
        text="An earlier version misspelled the engineer's name.",
        noted_at=datetime(2026, 3, 2, 9, 5, tzinfo=UTC),
    )
    Correction.objects.create(
        page=article,
        kind="update",
        text="The council published the vote.",
        noted_at=article.first_published_at,
    )
    tree = get_tree(client, article.url)
    notes = tree.xpath("//article//section[@class='corrections']//li")
    assert [n.xpath("string(strong)") for n in notes] == ["Correction", "Update"]
    assert "misspelled the engineer" in notes[0].text_content()
    assert notes[0].xpath(".//time/@datetime")[0].startswith("2026-03-02T11:05:00+02:00")
    # the notes come after the body
    assert tree.xpath("//div[@class='article__body']/following-sibling::section[@class='corrections']")


def test_logged_in_editor_sees_an_edit_link_and_readers_do_not(client, admin_client, article):
    assert b"/admin/pages/" not in client.get(article.url).content
    response = admin_client.get(article.url)
    assert f"/admin/pages/{article.pk}/edit/".encode() in response.content


def test_article_page_reads_without_javascript(client, article):
    tree = get_tree(client, article.url)
    # JavaScript only enhances: our own deferred files, no inline or third-party code.
    # JSON-LD blocks are data a browser never runs, not code.
    for script in tree.xpath("//script[not(@type='application/ld+json')]"):
        assert script.get("src", "").startswith("/static/js/") and script.get("defer") is not None
        assert not (script.text or "").strip()
    assert tree.xpath("string(//h1)")
    assert tree.xpath("//div[@class='article__body']/p")


def test_unpublished_article_is_a_404(client, article):
    article.unpublish()
    assert client.get(article.url or "/city/council-approves-the-new-tram-line/").status_code == 404


def test_draft_changes_are_not_shown_until_published(client, article):
    article.title = "Draft headline"
    article.save_revision()
    assert get_tree(client, article.url).xpath("string(//h1)") == "Council approves the new tram line"


def test_future_scheduled_correction_time_is_not_confused_with_now(client, article):
    Correction.objects.create(
        page=article, text="x", noted_at=article.first_published_at + timedelta(minutes=1)
    )
    assert get_tree(client, article.url).xpath("//section[@class='corrections']")


def test_a_tag_in_cyrillic_links_to_its_own_tag_page(client, section, authors):
    page = ArticleFactory(parent=section, authors=authors, tags=["Київ"])
    tree = get_tree(client, page.url)
    href = tree.xpath("//a[@rel='tag']/@href")[0]
    assert unquote(href) == "/tags/київ/"
    tag_page = get_tree(client, href)
    assert "Київ" in tag_page.xpath("string(//h1)")
    assert tag_page.xpath("//ol[@class='article-list']//h2/a/text()") == [page.title]


def test_a_picture_deleted_from_the_library_leaves_the_article_readable(client, section, authors):
    picture = ImageFactory()
    body = [
        paragraph("Before."),
        {"type": "image", "value": {"image": picture.pk, "caption": "Gone", "credit": ""}},
    ]
    page = ArticleFactory(parent=section, authors=authors, body=body)
    picture.delete()
    tree = get_tree(client, page.url)
    assert not tree.xpath("//div[@class='article__body']//figure")
    assert "Before." in tree.xpath("string(//div[@class='article__body'])")


def test_an_unpublished_author_is_named_without_a_broken_link(client, section, authors):
    page = ArticleFactory(parent=section, authors=authors)
    authors[1].unpublish()
    byline = get_tree(client, page.url).xpath("//p[@class='byline']")[0]
    assert " ".join(byline.text_content().split()) == "by Marta Hlynska and Ostap Verbny"
    assert [a.get("href") for a in byline.xpath(".//a")] == [authors[0].url]
