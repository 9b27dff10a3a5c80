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


def test_a_refund_naming_no_charge_or_payment_intent_touches_no_other_payment(
    client, webhook_secret, one_time
):
    events.send(client, events.checkout_completed(one_time))
    # A charge of someone else's invoice, its id and PaymentIntent missing: an empty id
    # must not find the donation's payment, which has no charge id recorded either.
    payload = events.charge_refunded("", 2500, 2500, id="", invoice="in_unknown")
    payload["data"]["object"]["payment_intent"] = None
    events.send(client, payload)
    assert state(one_time) == (Donation.Status.PAID, [(2500, "succeeded", 0)])


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


def renewal_events(monthly, refunded: int) -> dict:
    """A monthly donation's renewal as Stripe reports it: the invoice, its payment, then a refund."""
    return {
        "invoice": events.invoice(monthly, "invoice.paid", "in_renewal", created=NOW - 100),
        "link": events.invoice_payment("in_renewal", 1000, created=NOW - 99),
        "refund": events.charge_refunded("pi_in_renewal", 1000, refunded),
    }


@pytest.mark.parametrize("refunded", [1000, 400], ids=["full", "partial"])
@pytest.mark.parametrize(
    "order",
    [
        ("invoice", "link", "refund"),
        ("invoice", "refund", "link"),
        ("refund", "invoice", "link"),
        ("refund", "link", "invoice"),
        ("link", "refund", "invoice"),
        ("link", "invoice", "refund"),
    ],
    ids="-".join,
)
def test_a_refunded_renewal_is_recorded_whatever_the_order(client, webhook_secret, monthly, order, refunded):
    events.send(client, events.checkout_completed(monthly, created=NOW - 3000))
    renewal = renewal_events(monthly, refunded)
    for name in order:
        assert events.send(client, renewal[name]).status_code == 200

    assert state(monthly) == (Donation.Status.ACTIVE, [(1000, "succeeded", 0), (1000, "succeeded", refunded)])
    renewal_payment = monthly.payments.get(stripe_invoice="in_renewal")
    assert renewal_payment.stripe_payment_intent == "pi_in_renewal"
    assert renewal_payment.stripe_charge == "ch_pi_in_renewal"
    assert monthly.paid_total() == 2000 - refunded
    assert Campaign.objects.with_raised().get().raised == 2000 - refunded
    assert not StripeEvent.objects.filter(outcome="waiting").exists()


def test_a_monthly_donation_refunded_in_full_is_refunded_not_active(client, webhook_secret, monthly):
    completed = events.checkout_completed(monthly, created=NOW - 3000)
    first_invoice = completed["data"]["object"]["invoice"]
    # The refund comes before anything else: it names only a PaymentIntent nobody knows yet.
    assert events.send(client, events.charge_refunded(f"pi_{first_invoice}", 1000, 1000)).json() == {
        "received": True,
        "outcome": "waiting",
    }
    events.send(client, completed)
    assert state(monthly) == (Donation.Status.ACTIVE, [(1000, "succeeded", 0)])
    events.send(client, events.invoice_payment(first_invoice, 1000, created=NOW - 2999))

    assert state(monthly) == (Donation.Status.REFUNDED, [(1000, "succeeded", 1000)])
    assert Campaign.objects.with_raised().get().raised == 0
    # Ending the subscription afterwards does not hide that the money went back.
    events.send(client, events.subscription(monthly, "customer.subscription.deleted", "canceled"))
    assert state(monthly)[0] == Donation.Status.REFUNDED


def test_a_renewal_paid_after_a_full_refund_makes_the_donation_active_again(client, webhook_secret, monthly):
    completed = events.checkout_completed(monthly, created=NOW - 3000)
    first_invoice = completed["data"]["object"]["invoice"]
    events.send(client, completed)
    events.send(client, events.invoice_payment(first_invoice, 1000, created=NOW - 2999))
    events.send(client, events.charge_refunded(f"pi_{first_invoice}", 1000, 1000))
    assert state(monthly)[0] == Donation.Status.REFUNDED

    events.send(client, events.invoice(monthly, "invoice.paid", "in_next", created=NOW))
    assert state(monthly) == (Donation.Status.ACTIVE, [(1000, "succeeded", 1000), (1000, "succeeded", 0)])


def test_a_partly_refunded_monthly_donation_stays_active(client, webhook_secret, monthly):
    completed = events.checkout_completed(monthly, created=NOW - 3000)
    first_invoice = completed["data"]["object"]["invoice"]
    events.send(client, completed)
    events.send(client, events.invoice_payment(first_invoice, 1000, created=NOW - 2999))
    events.send(client, events.charge_refunded(f"pi_{first_invoice}", 1000, 300))
    assert state(monthly) == (Donation.Status.ACTIVE, [(1000, "succeeded", 300)])


def test_an_invoice_payment_made_outside_stripe_is_ignored(client, webhook_secret, monthly):
    payload = events.invoice_payment("in_elsewhere", 1000)
    payload["data"]["object"]["payment"] = {"type": "payment_record", "payment_record": "prec_1"}
    assert events.send(client, payload).json() == {"received": True, "outcome": "ignored"}


def test_a_link_for_a_payment_that_a_keyed_refund_recorded_first_merges_them(client, webhook_secret, monthly):
    completed = events.checkout_completed(monthly, created=NOW - 3000)
    first_invoice = completed["data"]["object"]["invoice"]
    events.send(client, completed)
    keyed = events.charge_refunded(
        f"pi_{first_invoice}", 1000, 1000, metadata={"masthead_donation": monthly.key}
    )
    events.send(client, keyed)
    assert len(state(monthly)[1]) == 2  # the refund could not tell which payment it was

    events.send(client, events.invoice_payment(first_invoice, 1000))
    assert state(monthly) == (Donation.Status.REFUNDED, [(1000, "succeeded", 1000)])
