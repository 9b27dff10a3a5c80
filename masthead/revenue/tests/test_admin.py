"""Donations, campaigns, totals, export and settings in the admin; who may see what."""

import csv
import io
from datetime import UTC, datetime
from pathlib import Path

import pytest
from django.contrib.auth.models import Group, Permission
from wagtail.models import Site

from masthead.revenue.events import WEBHOOK_EVENTS
from masthead.revenue.models import Campaign, Payment, RevenueSettings

from . import stripe_events as events
from .factories import CampaignFactory, DonationFactory


@pytest.fixture
def admin_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("boss", "boss@example.org", "pw")
    client.force_login(user)
    return client


def staff_client(client, django_user_model, *codenames):
    user = django_user_model.objects.create_user("someone", "someone@example.org", "pw")
    group = Group.objects.create(name="Role " + "-".join(codenames))
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    for codename in codenames:
        group.permissions.add(Permission.objects.get(codename=codename, content_type__app_label="revenue"))
    user.groups.add(group)
    client.force_login(user)
    return client


def paid(donation, amount: int, when: datetime, refunded: int = 0, invoice: str = "") -> Payment:
    return Payment.objects.create(
        donation=donation,
        amount=amount,
        currency=donation.currency,
        status="succeeded",
        charged_at=when,
        amount_refunded=refunded,
        stripe_invoice=invoice or None,
        stripe_payment_intent=f"pi_{donation.pk}_{amount}_{when:%m}",
    )


@pytest.fixture
def ledger(db, revenue, campaign):
    general = DonationFactory(frequency="once", amount=2500, email='=HYPERLINK("http://x")', status="paid")
    paid(general, 2500, datetime(2026, 3, 5, 12, tzinfo=UTC))
    monthly = DonationFactory(
        frequency="month", amount=1000, campaign=campaign, email="m@example.org", status="active"
    )
    paid(monthly, 1000, datetime(2026, 3, 10, 12, tzinfo=UTC), invoice="in_1")
    paid(monthly, 1000, datetime(2026, 4, 10, 12, tzinfo=UTC), invoice="in_2", refunded=1000)
    DonationFactory(frequency="once", amount=9900, campaign=campaign)  # never paid
    return {"general": general, "monthly": monthly}


def test_donations_list_filters_and_offers_no_way_to_edit(admin_client, ledger):
    response = admin_client.get("/admin/revenue/donations/")
    body = response.content.decode()
    assert response.status_code == 200
    assert "m@example.org" in body and "$10" in body
    assert "/admin/revenue/donations/new/" not in body
    assert admin_client.get("/admin/revenue/donations/new/").status_code in (302, 403)
    recurring = admin_client.get("/admin/revenue/donations/", {"frequency": "month"}).content.decode()
    assert "m@example.org" in recurring and "HYPERLINK" not in recurring
    inspect = admin_client.get(f"/admin/revenue/donations/inspect/{ledger['monthly'].pk}/")
    assert inspect.status_code == 200 and "refunded $10" in inspect.content.decode()


def test_totals_per_month_and_per_campaign_count_payments_after_refunds(admin_client, ledger):
    body = admin_client.get("/admin/revenue/totals/").content.decode()
    assert "March 2026" in body and "April 2026" in body
    assert "$25 (1)" in body and "$10 (1)" in body  # March: one-time and recurring apart
    assert "<strong>$35</strong>" in body  # March net
    assert "<strong>$0</strong>" in body  # April: the renewal was refunded
    assert "Investigations unit" in body and "Where it is needed most" in body
    assert admin_client.get("/admin/revenue/totals/", {"year": "abc"}).status_code == 400


def test_csv_export_is_formula_safe_and_in_whole_minor_units(admin_client, ledger):
    response = admin_client.get("/admin/revenue/export/", {"frequency": "once"})
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    header, *data = rows
    assert header[:5] == ["Started", "Donation", "Amount", "Currency", "Amount (minor units)"]
    assert len(data) == 2
    general = next(r for r in data if r[1] == str(ledger["general"].pk))
    assert general[2:5] == ["25", "USD", "2500"]
    assert general[8].startswith("'=")
    assert general[10] == "2500"


def test_reporters_cannot_see_donations_and_viewers_cannot_export(client, django_user_model, ledger):
    reporter = staff_client(client, django_user_model)
    assert reporter.get("/admin/revenue/donations/").status_code in (302, 403)
    assert reporter.get("/admin/revenue/export/").status_code in (302, 403)
    assert reporter.get("/admin/revenue/totals/").status_code in (302, 403)


def test_a_viewer_lists_but_does_not_export(client, django_user_model, ledger):
    viewer = staff_client(client, django_user_model, "view_donation")
    assert viewer.get("/admin/revenue/donations/").status_code == 200
    assert viewer.get("/admin/revenue/export/").status_code in (302, 403)


def campaign_form(**changes) -> dict:
    data = {
        "name": "Frontline fund",
        "slug": "frontline-fund",
        "description": "",
        "goal_amount": "25000.50",
        "currency": "usd",
        "starts_at": "2026-01-01 09:00",
        "ends_at": "",
        "show_banner": "on",
        "banner_text": "",
        "banner_dismiss_days": "7",
    }
    return {**data, **changes}


def test_campaign_goal_is_typed_in_the_main_unit(admin_client, revenue):
    response = admin_client.post("/admin/revenue/campaigns/new/", campaign_form())
    assert response.status_code == 302, response.content.decode()[-2000:]
    assert Campaign.objects.get(slug="frontline-fund").goal_amount == 2_500_050
    edit = admin_client.get(f"/admin/revenue/campaigns/edit/{Campaign.objects.get().pk}/").content.decode()
    assert 'value="25000.50"' in edit


def test_a_campaign_must_be_in_the_currency_readers_pay_in(admin_client, client, webhook_secret, revenue):
    response = admin_client.post("/admin/revenue/campaigns/new/", campaign_form(currency="eur"))
    assert response.status_code == 200
    assert "Donations are taken in USD" in response.content.decode()
    assert not Campaign.objects.exists()

    assert admin_client.post("/admin/revenue/campaigns/new/", campaign_form()).status_code == 302
    campaign = Campaign.objects.get()
    edit = f"/admin/revenue/campaigns/edit/{campaign.pk}/"
    assert admin_client.post(edit, campaign_form(currency="gbp")).status_code == 200
    campaign.refresh_from_db()
    assert campaign.currency == "usd"

    # So the bar counts what readers give: a donation through the site, paid at Stripe.
    donation = DonationFactory(campaign=campaign, amount=5000, currency=revenue.currency)
    events.send(client, events.checkout_completed(donation))
    assert Campaign.objects.with_raised().get().raised == 5000
    page = admin_client.get("/admin/revenue/campaigns/").content.decode()
    assert "$50" in page and "$25,000.50" in page


def test_campaign_list_shows_what_each_raised(admin_client, ledger):
    CampaignFactory(name="Quiet fund")
    body = admin_client.get("/admin/revenue/campaigns/").content.decode()
    assert "Investigations unit" in body and "$10" in body


def settings_form(**changes) -> dict:
    data = {
        "currency": "usd",
        "minimum_amount": "2.50",
        "maximum_amount": "5000",
        "default_frequency": "month",
        "presets_once": "10 25 50",
        "presets_month": "5 10",
        "presets_year": "50",
        "heading": "",
        "appeal": "Every gift counts.",
        "show_on_articles": "on",
        "partner_banner_text": "Want to partner with us?",
        "partner_email": "",
    }
    return {**data, **changes}


def test_editors_set_amounts_in_the_main_unit(admin_client, revenue):
    site = Site.objects.get(is_default_site=True)
    url = f"/admin/settings/revenue/revenuesettings/{site.pk}/"
    assert "Payments are not set up yet" in admin_client.get(url).content.decode()

    response = admin_client.post(url, settings_form())
    assert response.status_code == 302
    saved = RevenueSettings.objects.get()
    assert (saved.minimum_amount, saved.maximum_amount) == (250, 500_000)
    assert saved.presets_once == [1000, 2500, 5000] and saved.presets_year == [5000]

    for bad in (
        {"minimum_amount": "-1"},
        {"presets_once": "10 abc"},
        {"presets_month": "1"},
        {"maximum_amount": "2"},
    ):
        response = admin_client.post(url, settings_form(**bad))
        assert response.status_code == 200  # the form again, with the error
        assert RevenueSettings.objects.get().minimum_amount == 250


def test_the_dashboard_says_how_to_set_up_payments(admin_client, no_keys):
    body = admin_client.get("/admin/").content.decode()
    assert "Payments are not set up yet" in body and "STRIPE_SECRET_KEY" in body


def test_a_campaign_with_donations_cannot_be_deleted(admin_client, ledger, campaign):
    url = f"/admin/revenue/campaigns/delete/{campaign.pk}/"
    edit = f"/admin/revenue/campaigns/edit/{campaign.pk}/"
    reason = "This campaign has donations, so it stays on record. Set an end date to close it."
    for method in (admin_client.get, admin_client.post):  # asking and confirming both lead back
        response = method(url)
        assert (response.status_code, response["Location"]) == (302, edit)
        assert reason in admin_client.get(edit).content.decode()
        assert Campaign.objects.filter(pk=campaign.pk).exists()

    quiet = CampaignFactory(name="Quiet fund")
    assert "Yes, delete" in admin_client.get(f"/admin/revenue/campaigns/delete/{quiet.pk}/").content.decode()
    response = admin_client.post(f"/admin/revenue/campaigns/delete/{quiet.pk}/")
    assert (response.status_code, response["Location"]) == (302, "/admin/revenue/campaigns/")
    assert not Campaign.objects.filter(pk=quiet.pk).exists()


def test_a_refunded_monthly_donation_shows_as_refunded_with_its_subscription(
    admin_client, client, webhook_secret, revenue
):
    monthly = DonationFactory(frequency="month", amount=1000, email="monthly@example.org")
    completed = events.checkout_completed(monthly, email="monthly@example.org")
    first_invoice = completed["data"]["object"]["invoice"]
    for payload in (
        completed,
        events.invoice_payment(first_invoice, 1000),
        events.charge_refunded(f"pi_{first_invoice}", 1000, 1000),
    ):
        assert events.send(client, payload).status_code == 200

    listing = admin_client.get("/admin/revenue/donations/", {"status": "refunded"}).content.decode()
    assert "monthly@example.org" in listing
    assert (
        admin_client.get("/admin/revenue/donations/", {"status": "active"})
        .content.decode()
        .count("monthly@example.org")
        == 0
    )
    inspect = admin_client.get(f"/admin/revenue/donations/inspect/{monthly.pk}/").content.decode()
    assert "Refunded" in inspect and "refunded $10" in inspect
    assert "Subscription at Stripe" in inspect and "active" in inspect  # still charging until cancelled
    totals = admin_client.get("/admin/revenue/totals/").content.decode()
    assert "0 recurring donations are active" in totals and "<strong>$0</strong>" in totals


def test_the_set_up_steps_name_every_event_masthead_needs(admin_client, no_keys, revenue):
    site = Site.objects.get(is_default_site=True)
    panel = admin_client.get(f"/admin/settings/revenue/revenuesettings/{site.pk}/").content.decode()
    docs = (Path(__file__).resolve().parents[3] / "docs" / "revenue.md").read_text()
    assert "invoice_payment.paid" in WEBHOOK_EVENTS and "charge.refunded" in WEBHOOK_EVENTS
    for name in WEBHOOK_EVENTS:
        assert name in panel, name
        assert f"`{name}`" in docs, name
