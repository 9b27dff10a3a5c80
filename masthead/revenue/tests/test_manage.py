"""A donor manages a recurring donation through the signed link in the receipt, with no password."""

import re

import pytest
from django.core import mail

from masthead.revenue.models import Donation
from masthead.revenue.tokens import manage_token

from . import stripe_events as events
from .factories import DonationFactory


@pytest.fixture
def active_monthly(client, fake_stripe, revenue, django_capture_on_commit_callbacks):
    donation = DonationFactory(frequency="month", amount=1000)
    with django_capture_on_commit_callbacks(execute=True):
        events.send(client, events.checkout_completed(donation))
    donation.refresh_from_db()
    assert donation.status == Donation.Status.ACTIVE
    return donation


def manage_link() -> str:
    [receipt] = mail.outbox
    return re.search(r"http://testserver(/support/manage/\S+/)", receipt.body).group(1)


def test_receipt_link_opens_the_donation_and_cancels_it_at_stripe(client, fake_stripe, active_monthly):
    link = manage_link()
    page = client.get(link)
    assert page.status_code == 200
    assert "$10, monthly" in page.content.decode()
    assert page["Referrer-Policy"] == "no-referrer"

    response = client.post(link, {"action": "cancel"})

    assert response.status_code == 200
    assert "Your donation is cancelled" in response.content.decode()
    [call] = fake_stripe.calls("DELETE", "/v1/subscriptions/")
    assert call["path"] == f"/v1/subscriptions/{active_monthly.stripe_subscription}"
    active_monthly.refresh_from_db()
    assert active_monthly.cancel_requested_at is not None
    assert active_monthly.status == Donation.Status.ACTIVE  # until Stripe's webhook says otherwise
    events.send(client, events.subscription(active_monthly, "customer.subscription.deleted", "canceled"))
    active_monthly.refresh_from_db()
    assert active_monthly.status == Donation.Status.CANCELED


def test_change_card_goes_to_stripes_customer_portal(client, fake_stripe, active_monthly):
    response = client.post(manage_link(), {"action": "portal"})

    assert response.status_code == 303
    assert response["Location"].startswith(f"{fake_stripe.url}/portal/")
    [call] = fake_stripe.calls("POST", "/v1/billing_portal/sessions")
    assert call["form"]["customer"] == "cus_test_1"


@pytest.mark.parametrize("change", ["flip", "cut", "forge"])
def test_a_tampered_link_is_refused_and_changes_nothing(client, fake_stripe, active_monthly, change):
    link = manage_link()
    token = link.split("/")[-2]
    if change == "flip":
        bad = token[:-1] + ("A" if token[-1] != "A" else "B")
    elif change == "cut":
        bad = token[:-5]
    else:
        bad = active_monthly.key + ":forged"
    for response in (
        client.get(f"/support/manage/{bad}/"),
        client.post(f"/support/manage/{bad}/", {"action": "cancel"}),
    ):
        assert response.status_code == 400
        assert "This link is not valid" in response.content.decode()
    assert fake_stripe.requests == []
    active_monthly.refresh_from_db()
    assert active_monthly.cancel_requested_at is None


def test_a_one_time_donation_has_nothing_to_cancel(client, fake_stripe, revenue):
    donation = DonationFactory(frequency="once")
    link = f"/support/manage/{manage_token(donation.key)}/"
    assert "nothing to cancel" in client.get(link).content.decode()
    response = client.post(link, {"action": "cancel"})
    assert response.status_code == 400
    assert fake_stripe.requests == []
