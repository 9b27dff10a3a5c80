"""A reader browses to an article; an editor writes one and sees it on the home page."""

import re

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from masthead.articles.models import ArticlePage
from masthead.articles.tests.factories import (
    ArticleFactory,
    AuthorFactory,
    ImageFactory,
    SectionFactory,
    hours_ago,
    paragraph,
)


@pytest.fixture
def newsroom(transactional_db):
    section = SectionFactory(title="City", slug="city")
    author = AuthorFactory(title="Halyna Rusyn")
    lead = ArticleFactory(
        parent=section,
        authors=[author],
        title="Night buses return to the river districts",
        hero_image=ImageFactory(credit="Petro Lan / Masthead"),
        hero_caption="A night bus at the depot.",
        body=[paragraph("The city restored the night routes on Friday. " * 40)],
        published_at=hours_ago(1),
    )
    for i in range(3):
        ArticleFactory(
            parent=section, authors=[author], title=f"Older city story {i}", published_at=hours_ago(5 + i)
        )
    return {"section": section, "author": author, "lead": lead}


def test_reader_opens_home_follows_a_link_and_reads_the_article(page, live_server, newsroom):
    page.goto(live_server.url + "/")
    expect(page.locator("nav.site-nav")).to_contain_text("City")

    page.keyboard.press("Tab")
    expect(page.locator(":focus")).to_have_text("Skip to content")

    page.get_by_role("link", name="Night buses return to the river districts").first.click()
    expect(page).to_have_url(live_server.url + newsroom["lead"].url)
    expect(page.get_by_role("heading", level=1)).to_have_text("Night buses return to the river districts")
    expect(page.locator("p.byline")).to_have_text("by Halyna Rusyn")
    expect(page.locator(".reading-time")).to_have_text(re.compile(r"^\d+ min read$"))
    expect(page.locator("figure.figure--hero figcaption")).to_contain_text("(Petro Lan / Masthead)")

    # The layout: a readable measure for the text and the rail beside it on a wide screen.
    article_box = page.locator("article.article").bounding_box()
    rail_box = page.locator("aside.article-rail").bounding_box()
    assert 500 < article_box["width"] <= 700
    assert rail_box["x"] > article_box["x"] + article_box["width"]
    hero = page.locator("figure.figure--hero img")
    assert hero.evaluate("img => img.complete && img.naturalWidth > 0")
    assert hero.evaluate("img => img.currentSrc.endsWith('.avif')")  # the smallest format Chromium takes

    # On a phone the rail goes under the article.
    page.set_viewport_size({"width": 390, "height": 844})
    rail_box = page.locator("aside.article-rail").bounding_box()
    article_box = page.locator("article.article").bounding_box()
    assert rail_box["y"] >= article_box["y"] + article_box["height"]


def test_editor_writes_and_publishes_an_article_that_appears_on_the_home_page(page, live_server, newsroom):
    get_user_model().objects.create_superuser("editor", "editor@example.org", "a-long-test-password")
    page.goto(live_server.url + "/admin/login/")
    page.fill("#id_username", "editor")
    page.fill("#id_password", "a-long-test-password")
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(re.compile(r"/admin/$"))

    section = newsroom["section"]
    page.goto(f"{live_server.url}/admin/pages/add/articles/articlepage/{section.pk}/")
    page.fill("#id_title", "Bridge repairs finish a week early")
    page.fill("#id_standfirst", "Crews reopened both lanes on Sunday night.")

    # The byline: choose an author in the page chooser.
    # (min_num=1 gives every new article one empty author row)
    page.locator("[data-chooser-action-choose]").first.click()
    page.get_by_role("link", name="Halyna Rusyn").click()
    expect(page.locator("#id_article_authors-0-author-chooser")).to_contain_text("Halyna Rusyn")

    # The body: one paragraph block.
    page.locator("#body-content-wrapper, [data-contentpath='body']").get_by_role(
        "button", name="Insert a block"
    ).first.click()
    page.get_by_role("option", name="Paragraph").click()
    page.locator("[data-contentpath='body'] .public-DraftEditor-content").first.click()
    page.keyboard.type("Engineers finished the work on the old bridge ahead of schedule.")
    # Draftail writes the text into the form's hidden input a moment after typing.
    page.wait_for_function(
        "() => [...document.querySelectorAll('input[type=hidden]')]"
        ".some(input => input.value.includes('ahead of schedule'))"
    )

    page.locator("footer .dropdown-toggle, [data-w-dropdown-target='toggle']").last.click()
    page.get_by_role("button", name="Publish").click()
    expect(page.locator(".messages")).to_contain_text("published")

    article = ArticlePage.objects.get(title="Bridge repairs finish a week early")
    assert article.live and [a.title for a in article.authors] == ["Halyna Rusyn"]

    page.goto(live_server.url + "/")
    lead = page.locator("article.card--lead")
    expect(lead).to_contain_text("Bridge repairs finish a week early")
    lead.get_by_role("link", name="Bridge repairs finish a week early").click()
    expect(page.locator("p.byline")).to_have_text("by Halyna Rusyn")
    expect(page.locator(".article__body")).to_contain_text("ahead of schedule")
