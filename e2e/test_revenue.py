"""A reader gives to a campaign from an article page, in headless Chromium, and closes the banner.

Stripe is played by the fake API server on loopback (masthead/revenue/tests/fake_stripe.py):
the reader must land on the checkout address it hands out.
"""

import pytest
from playwright.sync_api import expect
from wagtail.models import Site

from masthead.articles.tests.factories import (
    ArticleFactory,
    AuthorFactory,
    SectionFactory,
    home_page,
    hours_ago,
)
from masthead.revenue.models import Donation, PartnerInquiry, RevenueSettings
from masthead.revenue.tests.factories import CampaignFactory
from masthead.revenue.tests.fake_stripe import FakeStripe


@pytest.fixture
def fake_stripe(settings):
    server = FakeStripe().start()
    settings.STRIPE_SECRET_KEY = "sk_test_browser"
    settings.STRIPE_WEBHOOK_SECRET = "whsec_browser"
    settings.STRIPE_API_BASE = server.url
    # The fake checkout lives on its own origin: forms may go there, as they
    # may go to Stripe's own checkout in production (CSP_FORM_TARGETS).
    settings.SECURE_CSP = {
        **settings.SECURE_CSP,
        "form-action": [*settings.SECURE_CSP["form-action"], server.url],
    }
    yield server
    server.stop()


@pytest.fixture
def article(transactional_db):
    home_page()  # a transactional test may have flushed the default site
    RevenueSettings.objects.create(
        site=Site.objects.get(is_default_site=True),
        presets_once=[1000, 2500, 5000],
        presets_month=[500, 1000, 2000],
        presets_year=[5000, 10000],
        default_frequency="month",
    )
    CampaignFactory(name="Investigations unit", banner_text="Support our investigations unit")
    CampaignFactory(name="Flood relief reporting", slug="flood", goal_amount=None, show_banner=False)
    return ArticleFactory(
        parent=SectionFactory(title="City", slug="city"),
        authors=[AuthorFactory()],
        title="Tram depot to close",
        published_at=hours_ago(1),
    )


def test_reader_picks_an_amount_and_a_campaign_and_reaches_checkout(page, live_server, article, fake_stripe):
    page.goto(live_server.url + article.url)
    box = page.locator("[data-revenue-box]")
    expect(box.get_by_role("heading")).to_have_text("Support us for as little as $1")

    box.get_by_text("One-time", exact=True).click()
    expect(box.locator(".revenue-form__amounts--month")).to_be_hidden()
    box.locator(".revenue-form__amounts--once").get_by_text("$50", exact=True).click()
    box.get_by_label("Give to").select_option(label="Flood relief reporting")
    box.get_by_role("button", name="Donate").click()

    page.wait_for_url(f"{fake_stripe.url}/pay/**")
    expect(page.get_by_role("heading")).to_have_text("Fake checkout")
    donation = Donation.objects.get()
    assert (donation.amount, donation.frequency, donation.campaign.slug) == (5000, "once", "flood")
    [call] = fake_stripe.calls("POST", "/v1/checkout/sessions")
    assert call["form"]["line_items[0][price_data][unit_amount]"] == "5000"
    assert call["form"]["metadata[masthead_campaign]"] == "flood"


def test_a_typed_amount_replaces_the_preset(page, live_server, article, fake_stripe):
    page.goto(live_server.url + article.url)
    box = page.locator("[data-revenue-box]")
    chosen = box.locator("input[name=preset_month]:checked + label")
    expect(chosen).to_have_css("font-weight", "700")
    box.get_by_label("Or type an amount").fill("12.50")
    expect(chosen).to_have_css("font-weight", "400")  # the typed amount is the one that counts
    box.get_by_role("button", name="Donate").click()
    page.wait_for_url(f"{fake_stripe.url}/pay/**")
    assert Donation.objects.get().amount == 1250


def test_campaign_banner_shows_and_stays_closed_once_dismissed(page, live_server, article):
    page.goto(live_server.url + article.url)
    banner = page.get_by_role("region", name="Campaign")
    expect(banner).to_contain_text("Support our investigations unit")
    expect(banner.locator("progress")).to_have_attribute("max", "500000")

    banner.get_by_role("button", name="Close this banner").click()
    expect(banner).to_be_hidden()
    page.goto(live_server.url + "/support/")
    expect(page.locator("[data-revenue-banner]")).to_be_hidden()
    expect(page.locator("[data-revenue-box]")).to_be_visible()


def test_with_proof_of_work_on_the_browser_solves_it_for_an_inquiry_and_a_donation(
    page, live_server, article, fake_stripe, settings
):
    settings.NEWSLETTER_PROOF_OF_WORK = True
    settings.NEWSLETTER_PROOF_OF_WORK_MAX_NUMBER = 5000
    page.goto(live_server.url + "/support/partner/")
    form = page.locator("form.revenue-partner-form")
    expect(form).to_have_attribute("data-revenue-challenge", "/newsletters/challenge/")
    form.get_by_label("Name").fill("Taras Melnyk")
    form.get_by_label("Email").fill("taras@lowlands-bakery.example")
    form.get_by_label("Message").fill("We would like to sponsor the weekend food page.")
    form.get_by_role("button", name="Send").click()  # waits for the work, then sends
    expect(page.get_by_role("status")).to_contain_text("Your message is with our team")
    assert PartnerInquiry.objects.get().name == "Taras Melnyk"

    page.goto(live_server.url + article.url)
    box = page.locator("[data-revenue-box]")
    box.get_by_text("One-time", exact=True).click()
    box.locator(".revenue-form__amounts--once").get_by_text("$25", exact=True).click()
    box.get_by_role("button", name="Donate").click()
    page.wait_for_url(f"{fake_stripe.url}/pay/**")
    assert Donation.objects.get().amount == 2500
