"""A reader's choice becomes a Stripe Checkout Session; bad input is refused and stores nothing.

The checkout requests are checked as the fake Stripe server on loopback received them from
the real stripe library.
"""

from datetime import timedelta

import pytest
from django.utils import timezone
from lxml import html

from masthead.articles.tests.factories import ArticleFactory, AuthorFactory, SectionFactory, hours_ago
from masthead.newsletters import proof_of_work
from masthead.revenue.models import Donation

from .factories import CampaignFactory


def donate(client, **data):
    return client.post("/support/donate/", data)


def test_one_time_donation_to_a_campaign_opens_checkout_with_amount_currency_and_metadata(
    client, fake_stripe, revenue, campaign
):
    response = donate(client, frequency="once", preset_once="2500", campaign=campaign.slug)

    donation = Donation.objects.get()
    assert response.status_code == 303
    assert response["Location"] == f"{fake_stripe.url}/pay/{donation.stripe_checkout_session}"
    [call] = fake_stripe.calls("POST", "/v1/checkout/sessions")
    form = call["form"]
    assert call["headers"]["Authorization"] == "Bearer sk_test_masthead"
    assert call["headers"]["Idempotency-Key"] == donation.key
    assert form["mode"] == "payment"
    assert form["submit_type"] == "donate"
    assert form["line_items[0][quantity]"] == "1"
    assert form["line_items[0][price_data][unit_amount]"] == "2500"
    assert form["line_items[0][price_data][currency]"] == "usd"
    assert "recurring" not in " ".join(form)
    assert form["metadata[masthead_donation]"] == donation.key
    assert form["metadata[masthead_campaign]"] == campaign.slug
    assert form["payment_intent_data[metadata][masthead_donation]"] == donation.key
    assert form["client_reference_id"] == donation.key
    assert form["success_url"] == f"http://testserver/support/thanks/{donation.key}/"
    assert form["cancel_url"] == "http://testserver/support/?cancelled=1"
    assert (donation.amount, donation.currency, donation.frequency) == (2500, "usd", "once")
    assert donation.campaign == campaign and donation.status == Donation.Status.STARTED


def test_monthly_donation_with_a_typed_amount_opens_a_subscription_checkout(client, fake_stripe, revenue):
    response = donate(client, frequency="month", preset_month="1000", other_amount="7.50")

    assert response.status_code == 303
    [call] = fake_stripe.calls("POST", "/v1/checkout/sessions")
    form = call["form"]
    donation = Donation.objects.get()
    assert form["mode"] == "subscription"
    assert form["line_items[0][price_data][unit_amount]"] == "750"  # the typed amount wins
    assert form["line_items[0][price_data][recurring][interval]"] == "month"
    assert form["subscription_data[metadata][masthead_donation]"] == donation.key
    assert "metadata[masthead_campaign]" not in form
    assert (donation.amount, donation.frequency, donation.campaign) == (750, "month", None)


def test_yearly_preset(client, fake_stripe, revenue):
    donate(client, frequency="year", preset_year="10000")
    [call] = fake_stripe.calls("POST", "/v1/checkout/sessions")
    assert call["form"]["line_items[0][price_data][recurring][interval]"] == "year"
    assert call["form"]["line_items[0][price_data][unit_amount]"] == "10000"


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("0", "Enter an amount above zero."),
        ("-5", "Enter an amount above zero."),
        ("abc", "Enter the amount in figures"),
        ("1e9", "Enter the amount in figures"),
        ("99999999999", "larger than we can accept online"),
        ("10001", "Online we can take up to $10,000 at a time"),
        ("0.50", "The smallest donation we can take is $1."),
        ("5.123", "Enter at most two decimals"),
    ],
)
def test_bad_amounts_get_a_clear_message_and_nothing_is_stored(client, fake_stripe, revenue, typed, message):
    response = donate(client, frequency="once", other_amount=typed)

    assert response.status_code == 400
    assert message in response.content.decode()
    assert 'aria-invalid="true"' in response.content.decode()
    assert not Donation.objects.exists()
    assert fake_stripe.requests == []


@pytest.mark.parametrize(
    "data",
    [
        {"frequency": "once", "preset_once": "1234"},  # not a preset on offer
        {"frequency": "once", "preset_once": "-2500"},
        {"frequency": "once"},  # no amount at all
        {"frequency": "weekly", "preset_once": "2500"},
        {"preset_once": "2500"},
    ],
)
def test_tampered_choices_are_refused(client, fake_stripe, revenue, data):
    response = donate(client, **data)
    assert response.status_code == 400
    assert not Donation.objects.exists() and fake_stripe.requests == []


def test_unknown_or_ended_campaign_is_refused(client, fake_stripe, revenue, campaign):
    ended = CampaignFactory(
        name="Flood appeal",
        starts_at=timezone.now() - timedelta(days=30),
        ends_at=timezone.now() - timedelta(days=1),
    )
    for slug in ("no-such-campaign", ended.slug):
        response = donate(client, frequency="once", preset_once="2500", campaign=slug)
        assert response.status_code == 400
        assert "That campaign is not taking donations" in response.content.decode()
    assert not Donation.objects.exists() and fake_stripe.requests == []


def test_without_keys_donate_explains_payments_are_not_set_up(client, no_keys, revenue):
    response = donate(client, frequency="once", preset_once="2500")

    assert response.status_code == 200
    assert "Online payments are not set up yet" in response.content.decode()
    assert not Donation.objects.exists()


def test_stripe_refusing_stores_nothing_and_says_so(client, fake_stripe, revenue):
    fake_stripe.refuse_with = 400
    response = donate(client, frequency="once", preset_once="2500")

    assert response.status_code == 503
    assert "Nothing was charged" in response.content.decode()
    assert not Donation.objects.exists()


def test_a_post_from_another_site_is_refused(client, fake_stripe, revenue):
    response = client.post(
        "/support/donate/", {"frequency": "once", "preset_once": "2500"}, HTTP_ORIGIN="https://evil.example"
    )
    assert response.status_code == 403
    assert not Donation.objects.exists() and fake_stripe.requests == []


def test_checkouts_are_limited_per_network(client, fake_stripe, revenue, settings):
    settings.REVENUE_CHECKOUTS_PER_IP = (2, 3600)
    statuses = [donate(client, frequency="once", preset_once="2500").status_code for _ in range(3)]
    assert statuses == [303, 303, 429]
    assert Donation.objects.count() == 2


def test_every_article_shows_the_donation_box_even_without_keys(client, no_keys, revenue, campaign):
    article = ArticleFactory(parent=SectionFactory(), authors=[AuthorFactory()], published_at=hours_ago(1))
    response = client.get(article.url)
    body = response.content.decode()

    assert response.status_code == 200
    assert "Support us for as little as $1" in body
    assert 'action="/support/donate/"' in body
    assert 'value="2500"' in body and "$25" in body
    assert f'<option value="{campaign.slug}">' in body
    assert "Want to partner with us?" in body
    assert ' style="' not in body and "<script>" not in body


def test_support_page_preselects_the_campaign_from_the_banner_link(client, revenue, campaign):
    response = client.get("/support/", {"campaign": campaign.slug})
    assert response.status_code == 200
    assert f'<option value="{campaign.slug}" selected>' in response.content.decode()


def test_thanks_page_shows_what_webhooks_recorded_and_changes_nothing(client, revenue):
    donation = Donation.objects.create(amount=2500, currency="usd", frequency="once")
    response = client.get(f"/support/thanks/{donation.key}/")
    assert response.status_code == 200
    assert "We are confirming your donation of $25" in response.content.decode()
    donation.refresh_from_db()
    assert donation.status == Donation.Status.STARTED
    assert client.get("/support/thanks/nonsense/").status_code == 404


def test_the_newsletter_proof_of_work_guards_donations_when_switched_on(
    client, fake_stripe, revenue, campaign, settings
):
    settings.NEWSLETTER_PROOF_OF_WORK = True
    settings.NEWSLETTER_PROOF_OF_WORK_MAX_NUMBER = 2000
    article = ArticleFactory(
        parent=SectionFactory(title="City", slug="city"), authors=[AuthorFactory()], published_at=hours_ago(1)
    )
    page = html.fromstring(client.get(article.url).content)
    [form] = page.xpath("//form[@class='revenue-form']")
    assert form.get("data-revenue-challenge") == "/newsletters/challenge/"
    assert form.xpath(".//input[@type='hidden'][@name='altcha']")

    refused = donate(client, frequency="once", preset_once="2500")
    assert refused.status_code == 400 and "anti-spam check" in refused.content.decode()
    assert not Donation.objects.exists() and not fake_stripe.calls("POST", "/v1/checkout/sessions")

    solution = proof_of_work.solve(client.get("/newsletters/challenge/").json())
    response = donate(client, frequency="once", preset_once="2500", altcha=solution)
    assert response.status_code == 303 and response["Location"].startswith(f"{fake_stripe.url}/pay/")
    assert Donation.objects.count() == 1
    assert donate(client, frequency="once", preset_once="2500", altcha=solution).status_code == 400
