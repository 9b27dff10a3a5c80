"""Stripe's webhooks, signed with the stripe library's scheme, are the only source of payment state."""

import json
import time

import pytest
from django.core import mail

from masthead.revenue.models import Campaign, Donation, Payment, StripeEvent

from . import stripe_events as events
from .factories import DonationFactory

NOW = int(time.time())


@pytest.fixture
def one_time(db, campaign):
    return DonationFactory(frequency="once", amount=2500, campaign=campaign)


@pytest.fixture
def monthly(db, campaign):
    return DonationFactory(frequency="month", amount=1000, campaign=campaign)


def state(donation) -> tuple:
    donation.refresh_from_db()
    payments = [(p.amount, p.status, p.amount_refunded) for p in donation.payments.order_by("pk")]
    return donation.status, payments


def test_completed_checkout_records_the_payment_and_mails_a_receipt(
    client, webhook_secret, one_time, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = events.send(client, events.checkout_completed(one_time))

    assert response.status_code == 200
    assert state(one_time) == (Donation.Status.PAID, [(2500, "succeeded", 0)])
    assert one_time.email == "olena@example.org" and one_time.stripe_customer == "cus_test_1"
    assert Campaign.objects.with_raised().get().raised == 2500
    [receipt] = mail.outbox
    assert receipt.to == ["olena@example.org"]
    assert "$25" in receipt.body and "Investigations unit" in receipt.body
    assert "/support/manage/" not in receipt.body  # nothing to manage for a one-time gift


def test_duplicate_delivery_records_one_payment_and_one_receipt(
    client, webhook_secret, one_time, django_capture_on_commit_callbacks
):
    completed = events.checkout_completed(one_time)
    with django_capture_on_commit_callbacks(execute=True):
        first = events.send(client, completed)
        second = events.send(client, completed)

    assert first.status_code == second.status_code == 200
    assert second.json() == {"received": True, "duplicate": True}
    assert state(one_time) == (Donation.Status.PAID, [(2500, "succeeded", 0)])
    assert len(mail.outbox) == 1
    assert StripeEvent.objects.count() == 1


def test_events_out_of_order_make_one_active_monthly_donation(
    client, webhook_secret, monthly, django_capture_on_commit_callbacks
):
    completed = events.checkout_completed(monthly, created=NOW)
    first_invoice = completed["data"]["object"]["invoice"]
    delivered = [
        events.invoice(monthly, "invoice.paid", first_invoice, created=NOW, reason="subscription_create"),
        events.subscription(monthly, "customer.subscription.updated", "active", created=NOW),
        events.subscription(monthly, "customer.subscription.created", "incomplete", created=NOW - 5),
        completed,
    ]
    with django_capture_on_commit_callbacks(execute=True):
        for payload in delivered:
            assert events.send(client, payload).status_code == 200

    assert state(monthly) == (Donation.Status.ACTIVE, [(1000, "succeeded", 0)])
    assert monthly.stripe_subscription == f"sub_{monthly.key[:10]}"
    assert Donation.objects.count() == 1
    [receipt] = mail.outbox
    assert "/support/manage/" in receipt.body


def test_a_late_older_event_does_not_undo_a_cancellation(client, webhook_secret, monthly):
    events.send(client, events.checkout_completed(monthly, created=NOW - 100))
    events.send(
        client, events.subscription(monthly, "customer.subscription.deleted", "canceled", created=NOW)
    )
    events.send(
        client, events.subscription(monthly, "customer.subscription.updated", "active", created=NOW - 50)
    )
    events.send(client, events.invoice(monthly, "invoice.paid", "in_late", created=NOW - 40))

    status, payments = state(monthly)
    assert status == Donation.Status.CANCELED
    assert len(payments) == 2  # the late invoice still counts as money received


def test_failed_renewal_marks_the_donation_past_due_until_a_retry_succeeds(client, webhook_secret, monthly):
    events.send(client, events.checkout_completed(monthly, created=NOW - 3000))
    events.send(client, events.invoice(monthly, "invoice.payment_failed", "in_renewal", created=NOW - 100))

    assert state(monthly) == (
        Donation.Status.PAST_DUE,
        [(1000, "succeeded", 0), (1000, "failed", 0)],
    )
    events.send(client, events.invoice(monthly, "invoice.paid", "in_renewal", created=NOW))
    assert state(monthly) == (Donation.Status.ACTIVE, [(1000, "succeeded", 0), (1000, "succeeded", 0)])
    # The failure arriving again, late, changes nothing.
    events.send(client, events.invoice(monthly, "invoice.payment_failed", "in_renewal", created=NOW - 50))
    assert state(monthly)[0] == Donation.Status.ACTIVE


def test_refunds_update_the_donation_and_the_campaign_total(client, webhook_secret, one_time):
    events.send(client, events.checkout_completed(one_time))
    intent = f"pi_{one_time.key[:10]}"

    events.send(client, events.charge_refunded(intent, 2500, 1000))
    assert state(one_time) == (Donation.Status.PARTLY_REFUNDED, [(2500, "succeeded", 1000)])
    assert Campaign.objects.with_raised().get().raised == 1500

    events.send(client, events.charge_refunded(intent, 2500, 2500))
    events.send(client, events.charge_refunded(intent, 2500, 1000))  # an older partial refund, late
    assert state(one_time) == (Donation.Status.REFUNDED, [(2500, "succeeded", 2500)])
    assert Campaign.objects.with_raised().get().raised == 0


def test_a_refund_that_arrives_before_the_payment_waits_and_is_applied(client, webhook_secret, one_time):
    intent = f"pi_{one_time.key[:10]}"
    early = events.send(client, events.charge_refunded(intent, 2500, 2500))
    assert early.json()["outcome"] == "waiting"
    assert state(one_time) == (Donation.Status.STARTED, [])

    events.send(client, events.checkout_completed(one_time))
    assert state(one_time) == (Donation.Status.REFUNDED, [(2500, "succeeded", 2500)])


def test_a_refund_carrying_the_donation_key_is_applied_even_first(client, webhook_secret, one_time):
    intent = f"pi_{one_time.key[:10]}"
    events.send(
        client, events.charge_refunded(intent, 2500, 500, metadata={"masthead_donation": one_time.key})
    )
    events.send(client, events.checkout_completed(one_time))
    assert state(one_time) == (Donation.Status.PARTLY_REFUNDED, [(2500, "succeeded", 500)])


def test_expired_checkout_is_recorded_as_abandoned(client, webhook_secret, one_time):
    session = {"id": one_time.stripe_checkout_session, "object": "checkout.session", "metadata": {}}
    events.send(client, events.event("checkout.session.expired", session))
    assert state(one_time) == (Donation.Status.EXPIRED, [])


@pytest.mark.parametrize("how", ["wrong secret", "no header", "tampered body", "old timestamp"])
def test_a_bad_signature_is_rejected_and_nothing_is_stored(client, webhook_secret, one_time, how):
    payload = events.checkout_completed(one_time)
    body = json.dumps(payload)
    if how == "wrong secret":
        response = events.send(client, payload, secret="whsec_someone_else")
    elif how == "no header":
        response = client.post("/support/stripe/webhook/", data=body, content_type="application/json")
    elif how == "tampered body":
        import stripe

        header = stripe.WebhookSignature.generate_signature_header(body, events.WEBHOOK_SECRET)
        payload["data"]["object"]["amount_total"] = 1
        response = events.send(client, payload, signature=header)
    else:
        import stripe

        header = stripe.WebhookSignature.generate_signature_header(body, events.WEBHOOK_SECRET, NOW - 3600)
        response = events.send(client, payload, signature=header)

    assert response.status_code == 400
    assert state(one_time) == (Donation.Status.STARTED, [])
    assert not StripeEvent.objects.exists()


def test_a_signed_event_without_its_fields_is_refused_without_storing(client, webhook_secret, one_time):
    payload = events.checkout_completed(one_time)
    del payload["data"]["object"]["amount_total"]
    assert events.send(client, payload).status_code == 400
    floats = events.checkout_completed(one_time)
    floats["data"]["object"]["amount_total"] = 25.0
    assert events.send(client, floats).status_code == 400
    assert state(one_time) == (Donation.Status.STARTED, [])
    assert not StripeEvent.objects.exists() and not Payment.objects.exists()


def test_events_about_other_products_are_kept_but_change_nothing(client, webhook_secret, one_time):
    response = events.send(
        client, events.event("customer.created", {"id": "cus_other", "object": "customer"})
    )
    assert response.json()["outcome"] == "ignored"
    assert state(one_time) == (Donation.Status.STARTED, [])


def test_without_a_webhook_secret_events_are_refused(client, no_keys, one_time):
    assert events.send(client, events.checkout_completed(one_time)).status_code == 503
    assert not StripeEvent.objects.exists()


def test_a_signed_event_with_a_bad_id_or_time_is_refused(client, webhook_secret, one_time):
    for change in ({"id": "x" * 300}, {"created": None}, {"created": "yesterday"}, {"id": 7}):
        payload = {**events.checkout_completed(one_time), **change}
        assert events.send(client, payload).status_code == 400
    assert not StripeEvent.objects.exists()
