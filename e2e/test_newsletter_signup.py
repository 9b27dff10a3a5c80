"""A reader signs up from the box on an article page, in headless Chromium."""

import pytest
from django.core import mail
from playwright.sync_api import expect

from masthead.articles.tests.factories import ArticleFactory, AuthorFactory, SectionFactory, hours_ago
from masthead.newsletters.models import NewsletterList, Subscriber


@pytest.fixture
def article(transactional_db):
    NewsletterList.objects.create(
        name="Korvany Daily",
        slug="daily",
        description="The day's news in your inbox at seven.",
        sender_name="The Korvany Ledger",
        sender_email="daily@ledger.example",
    )
    section = SectionFactory(title="City", slug="city")
    return ArticleFactory(
        parent=section, authors=[AuthorFactory()], title="Ferry timetable changes", published_at=hours_ago(1)
    )


def test_reader_signs_up_from_the_box_on_an_article_page(page, live_server, article):
    page.goto(live_server.url + article.url)
    box = page.locator("[data-newsletter-box]")
    expect(box.get_by_role("heading")).to_have_text("Korvany Daily")
    expect(box).to_contain_text("* indicates required")

    box.get_by_label("Email address").fill("olena@example")
    box.get_by_role("button", name="Subscribe").click()
    error = page.locator("#newsletter-email-error")
    expect(error).to_have_text("Please enter a correct email address")
    expect(page.locator("#newsletter-email")).to_be_focused()
    assert page.url == live_server.url + article.url  # answered in place by the page's script
    assert not Subscriber.objects.exists()

    page.locator("#newsletter-email").fill("olena@example.org")
    page.locator("[data-newsletter-box]").get_by_role("button", name="Subscribe").click()
    thanks = page.locator(".newsletter-box__thanks")
    expect(thanks).to_contain_text("Thank you for signing up!")
    expect(thanks).to_contain_text("We've sent you a confirmation email")
    assert Subscriber.objects.get().status == "pending"
    assert [m.to for m in mail.outbox] == [["olena@example.org"]]


def test_with_proof_of_work_on_the_box_solves_it_before_sending(page, live_server, article, settings):
    settings.NEWSLETTER_PROOF_OF_WORK = True
    settings.NEWSLETTER_PROOF_OF_WORK_MAX_NUMBER = 5000
    page.goto(live_server.url + article.url)
    form = page.locator("form.newsletter-form")
    expect(form).to_have_attribute("data-challenge-url", "/newsletters/challenge/")
    form.get_by_label("Email address").fill("mykola@example.org")
    form.get_by_role("button", name="Subscribe").click()  # waits for the work, then sends
    expect(page.locator(".newsletter-box__thanks")).to_contain_text("Thank you for signing up!")
    assert page.url == live_server.url + article.url
    assert Subscriber.objects.get().email == "mykola@example.org"


def test_the_box_works_without_javascript(browser, live_server, article):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(live_server.url + article.url)
        page.locator("#newsletter-email").fill("not an address")
        page.get_by_role("button", name="Subscribe").click()
        expect(page).to_have_url(live_server.url + "/newsletters/subscribe/")
        expect(page.locator("#newsletter-email-error")).to_have_text("Please enter a correct email address")
        page.locator("#newsletter-email").fill("petro@example.org")
        page.get_by_role("button", name="Subscribe").click()
        expect(page.locator(".newsletter-box__thanks")).to_contain_text("We've sent you a confirmation email")
        assert Subscriber.objects.get().email == "petro@example.org"
    finally:
        context.close()
