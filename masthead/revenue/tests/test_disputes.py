"""Disputes (chargebacks and inquiries) from Stripe's webhooks: the donation's status, the money kept,
and what the admin shows."""

import csv
import io
import itertools
import time

import pytest
from lxml import html

from masthead.revenue.models import Campaign, Donation, Payment, StripeEvent

from . import stripe_events as events
from .factories import DonationFactory

NOW = int(time.time())
intent = events.payment_intent


def state(donation) -> tuple:
    donation.refresh_from_db()
    payments = [(p.amount, p.dispute_status, p.amount_lost) for p in donation.payments.order_by("pk")]
    return donation.status, payments


def raised() -> int:
    return Campaign.objects.with_raised().get().raised


def progress(client) -> str:
    """The value of the campaign banner's progress bar on a reader's page."""
    tree = html.fromstring(client.get("/support/").content)
    return tree.xpath("//*[@data-revenue-banner]//progress")[0].get("value")


def send_all(client, payloads, capture) -> None:
    with capture(execute=True):
        for payload in payloads:
            assert events.send(client, payload).status_code == 200


def first_row(admin_client, path: str, **query) -> dict:
    """The first row of an admin page's table, by column heading (the newest month of the totals,
    the newest donation of the list)."""
    tree = html.fromstring(admin_client.get(path, query).content)
    table = tree.xpath("//table[@class='listing']")[0]
    headings = [th.text_content().strip() for th in table.xpath(".//thead//th")]
    cells = [td.text_content().strip() for td in table.xpath(".//tbody/tr[1]/td")]
    return dict(zip(headings, cells, strict=True))


def exported(admin_client, donation) -> dict:
    response = admin_client.get("/admin/revenue/export/")
    header, *rows = csv.reader(io.StringIO(b"".join(response.streaming_content).decode()))
    return next(dict(zip(header, row, strict=True)) for row in rows if row[1] == str(donation.pk))


def test_an_open_dispute_marks_the_donation_disputed_and_keeps_the_totals(
    client, admin_client, paid_once, django_capture_on_commit_callbacks
):
    pi = intent(paid_once)
    life = [
        events.dispute(
            "charge.dispute.created", pi, "needs_response", 2500, created=NOW - 60, opened=NOW - 61
        ),
        events.dispute(
            "charge.dispute.funds_withdrawn", pi, "needs_response", 2500, created=NOW - 59, opened=NOW - 61
        ),
    ]
    send_all(client, life, django_capture_on_commit_callbacks)

    assert state(paid_once) == (Donation.Status.DISPUTED, [(2500, "needs_response", 0)])
    assert paid_once.paid_total() == 2500 and raised() == 2500 and progress(client) == "2500"
    listed = first_row(admin_client, "/admin/revenue/donations/", status="disputed")
    assert (listed["Email"], listed["Status"], listed["Received"], listed["Lost in disputes"]) == (
        "olena@example.org",
        "Disputed",
        "$25",
        "—",
    )
    inspect = admin_client.get(f"/admin/revenue/donations/inspect/{paid_once.pk}/").content.decode()
    due = Payment.objects.get().dispute_due_by
    assert due is not None and due.timestamp() == NOW - 61 + 9 * 86400
    assert "Needs a response, Fraudulent, $25, respond by" in inspect
    assert f'href="https://dashboard.stripe.com/test/disputes/du_ch_{pi}"' in inspect
    totals = admin_client.get("/admin/revenue/totals/").content.decode()
    assert "1 donation is disputed and may need a response" in totals
    assert first_row(admin_client, "/admin/revenue/totals/")["Lost in disputes"] == "$0"


def test_a_lost_dispute_takes_its_amount_off_every_total(
    client, admin_client, paid_once, django_capture_on_commit_callbacks
):
    pi = intent(paid_once)
    assert progress(client) == "2500"  # cached now: a dispute must refresh it
    send_all(
        client,
        [
            events.dispute("charge.dispute.created", pi, "needs_response", 2500, created=NOW - 600),
            events.dispute("charge.dispute.updated", pi, "under_review", 2500, created=NOW - 300),
            events.dispute("charge.dispute.closed", pi, "lost", 2500, created=NOW),
        ],
        django_capture_on_commit_callbacks,
    )

    assert state(paid_once) == (Donation.Status.DISPUTE_LOST, [(2500, "lost", 2500)])
    assert paid_once.paid_total() == 0 and raised() == 0 and progress(client) == "0"
    listed = first_row(admin_client, "/admin/revenue/donations/", status="dispute_lost")
    assert (listed["Email"], listed["Status"], listed["Received"], listed["Lost in disputes"]) == (
        "olena@example.org",
        "Dispute lost",
        "$0",
        "$25",
    )
    inspect = admin_client.get(f"/admin/revenue/donations/inspect/{paid_once.pk}/").content.decode()
    assert "Lost, Fraudulent, $25" in inspect and "respond by" not in inspect
    row = first_row(admin_client, "/admin/revenue/totals/")
    assert (row["One-time"], row["Refunded"], row["Lost in disputes"], row["Net received"]) == (
        "$0 (1)",
        "$0",
        "$25",
        "$0",
    )
    line = exported(admin_client, paid_once)
    assert line["Status"] == "dispute_lost"
    assert (line["Received (minor units)"], line["Refunded (minor units)"]) == ("0", "0")
    assert line["Lost in disputes (minor units)"] == "2500"


def test_a_won_dispute_leaves_the_donation_paid(
    client, admin_client, paid_once, django_capture_on_commit_callbacks
):
    pi = intent(paid_once)
    send_all(
        client,
        [
            events.dispute("charge.dispute.created", pi, "needs_response", 2500, created=NOW - 600),
            events.dispute("charge.dispute.updated", pi, "under_review", 2500, created=NOW - 300),
            events.dispute("charge.dispute.closed", pi, "won", 2500, created=NOW - 10),
            events.dispute("charge.dispute.funds_reinstated", pi, "won", 2500, created=NOW),
        ],
        django_capture_on_commit_callbacks,
    )

    assert state(paid_once) == (Donation.Status.PAID, [(2500, "won", 0)])
    assert paid_once.paid_total() == 2500 and raised() == 2500 and progress(client) == "2500"
    inspect = admin_client.get(f"/admin/revenue/donations/inspect/{paid_once.pk}/").content.decode()
    assert "Won, Fraudulent, $25" in inspect


def test_the_stripe_fee_given_back_counts_though_its_report_is_not_the_one_kept(
    client, admin_client, paid_once
):
    pi = intent(paid_once)
    reinstated = events.dispute("charge.dispute.funds_reinstated", pi, "won", 2500, created=NOW)
    closed = events.dispute("charge.dispute.closed", pi, "won", 2500, created=NOW)
    closed["data"]["object"]["balance_transactions"] = closed["data"]["object"]["balance_transactions"][:1]
    for payload in (closed, reinstated):  # the same second: the first is kept, the second adds its fee
        assert events.send(client, payload).json()["outcome"] == "applied"

    inspect = html.fromstring(admin_client.get(f"/admin/revenue/donations/inspect/{paid_once.pk}/").content)
    assert "Won, Fraudulent, $25, Stripe's fee $0" in inspect.text_content()
    assert Payment.objects.get().dispute_fee_totals() == {"usd": 0}


def dispute_life(pi: str, outcome: str) -> dict:
    return {
        "created": events.dispute("charge.dispute.created", pi, "needs_response", 2500, created=NOW - 600),
        "withdrawn": events.dispute(
            "charge.dispute.funds_withdrawn", pi, "needs_response", 2500, created=NOW - 599
        ),
        "evidence": events.dispute("charge.dispute.updated", pi, "under_review", 2500, created=NOW - 300),
        "closed": events.dispute("charge.dispute.closed", pi, outcome, 2500, created=NOW),
    }


@pytest.mark.parametrize("outcome", ["lost", "won"])
@pytest.mark.parametrize(
    "order", list(itertools.permutations(["created", "withdrawn", "evidence", "closed"])), ids="-".join
)
def test_dispute_events_in_any_order_give_the_same_result(
    client, paid_once, order, outcome, django_capture_on_commit_callbacks
):
    life = dispute_life(intent(paid_once), outcome)
    send_all(client, [life[name] for name in order], django_capture_on_commit_callbacks)

    if outcome == "lost":
        assert state(paid_once) == (Donation.Status.DISPUTE_LOST, [(2500, "lost", 2500)])
        assert raised() == 0
    else:
        assert state(paid_once) == (Donation.Status.PAID, [(2500, "won", 0)])
        assert raised() == 2500


@pytest.mark.parametrize("closed_first", [True, False], ids=["closed-first", "created-first"])
def test_a_dispute_opened_and_decided_in_the_same_second_is_decided(client, paid_once, closed_first):
    pi = intent(paid_once)
    life = [
        events.dispute("charge.dispute.created", pi, "needs_response", 2500, created=NOW),
        events.dispute("charge.dispute.closed", pi, "lost", 2500, created=NOW),
    ]
    for payload in reversed(life) if closed_first else life:
        events.send(client, payload)
    assert state(paid_once) == (Donation.Status.DISPUTE_LOST, [(2500, "lost", 2500)])


def test_a_duplicate_dispute_delivery_changes_nothing(client, paid_once):
    pi = intent(paid_once)
    opened = events.dispute("charge.dispute.created", pi, "needs_response", 2500, created=NOW - 60)
    closed = events.dispute("charge.dispute.closed", pi, "lost", 2500, created=NOW)
    for payload in (opened, closed):
        assert events.send(client, payload).json() == {"received": True, "outcome": "applied"}
    before = state(paid_once)

    for payload in (opened, closed):
        assert events.send(client, payload).json() == {"received": True, "duplicate": True}
    assert state(paid_once) == before == (Donation.Status.DISPUTE_LOST, [(2500, "lost", 2500)])
    assert StripeEvent.objects.filter(type__startswith="charge.dispute.").count() == 2
    assert raised() == 0


def test_a_dispute_for_an_unknown_charge_waits_and_is_applied(client, webhook_secret, one_time):
    lost = events.dispute("charge.dispute.closed", intent(one_time), "lost", 2500, created=NOW - 10)
    assert events.send(client, lost).json() == {"received": True, "outcome": "waiting"}
    assert state(one_time) == (Donation.Status.STARTED, [])

    events.send(client, events.checkout_completed(one_time, created=NOW - 7200))
    assert state(one_time) == (Donation.Status.DISPUTE_LOST, [(2500, "lost", 2500)])
    assert Payment.objects.get().stripe_charge == f"ch_{intent(one_time)}"
    assert raised() == 0
    assert not StripeEvent.objects.filter(outcome="waiting").exists()


def test_a_disputed_renewal_waits_for_the_link_to_its_payment_intent(
    client, webhook_secret, revenue, campaign
):
    monthly = DonationFactory(frequency="month", amount=1000, campaign=campaign)
    events.send(client, events.checkout_completed(monthly, created=NOW - 3000))
    lost = events.dispute(
        "charge.dispute.closed", "pi_in_renewal", "lost", 1000, reason="subscription_canceled"
    )
    assert events.send(client, lost).json()["outcome"] == "waiting"
    events.send(client, events.invoice(monthly, "invoice.paid", "in_renewal", created=NOW - 100))
    assert state(monthly) == (Donation.Status.ACTIVE, [(1000, "", 0), (1000, "", 0)])

    events.send(client, events.invoice_payment("in_renewal", 1000, created=NOW - 99))
    assert state(monthly) == (Donation.Status.DISPUTE_LOST, [(1000, "", 0), (1000, "lost", 1000)])
    assert monthly.paid_total() == 1000 and raised() == 1000
    assert monthly.payments.get(stripe_invoice="in_renewal").dispute_reason == "subscription_canceled"


def test_an_inquiry_that_escalates_to_a_chargeback_is_followed(client, paid_once):
    pi = intent(paid_once)
    for status, at in (("warning_needs_response", NOW - 900), ("warning_closed", NOW - 500)):
        events.send(client, events.dispute("charge.dispute.updated", pi, status, 2500, created=at))
    assert state(paid_once) == (Donation.Status.PAID, [(2500, "warning_closed", 0)])

    events.send(
        client, events.dispute("charge.dispute.updated", pi, "needs_response", 2500, created=NOW - 100)
    )
    events.send(
        client, events.dispute("charge.dispute.updated", pi, "warning_under_review", 2500, created=NOW - 700)
    )
    assert state(paid_once) == (Donation.Status.DISPUTED, [(2500, "needs_response", 0)])


def test_a_chargeback_after_a_closed_inquiry_replaces_it(client, paid_once):
    pi = intent(paid_once)
    inquiry = {"dispute_id": "du_inquiry", "reason": "general"}
    events.send(
        client,
        events.dispute("charge.dispute.closed", pi, "warning_closed", 2500, created=NOW - 500, **inquiry),
    )
    events.send(client, events.dispute("charge.dispute.closed", pi, "lost", 2500, dispute_id="du_chargeback"))
    # The inquiry's own events, delivered late, do not bring it back.
    events.send(
        client,
        events.dispute(
            "charge.dispute.created", pi, "warning_needs_response", 2500, created=NOW - 900, **inquiry
        ),
    )

    assert state(paid_once) == (Donation.Status.DISPUTE_LOST, [(2500, "lost", 2500)])
    payment = Payment.objects.get()
    assert (payment.stripe_dispute, payment.dispute_reason) == ("du_chargeback", "fraudulent")


def test_a_lost_dispute_never_takes_more_than_the_refund_left(client, admin_client, paid_once):
    pi = intent(paid_once)
    events.send(client, events.charge_refunded(pi, 2500, 1000))
    events.send(client, events.dispute("charge.dispute.closed", pi, "lost", 2500))

    assert state(paid_once) == (Donation.Status.DISPUTE_LOST, [(2500, "lost", 1500)])
    assert paid_once.paid_total() == 0 and raised() == 0
    line = exported(admin_client, paid_once)
    assert [line[f"{name} (minor units)"] for name in ("Received", "Refunded", "Lost in disputes")] == [
        "0",
        "1000",
        "1500",
    ]
    row = first_row(admin_client, "/admin/revenue/totals/")
    assert (row["Refunded"], row["Lost in disputes"], row["Net received"]) == ("$10", "$15", "$0")


@pytest.mark.parametrize(
    "change",
    [
        {"amount": None},
        {"amount": 25.0},
        {"amount": "2500"},
        {"amount": True},
        {"amount": -1},
        {"status": None},
        {"id": ""},
        {"evidence_details": {"due_by": "next week"}},
        {"charge": None, "payment_intent": None},
        {"balance_transactions": "txn_1"},
        {"balance_transactions": [{"id": "txn_1", "fee": 15.0, "currency": "usd"}]},
        {"balance_transactions": [{"id": "txn_1", "fee": 1500}]},
    ],
    ids=lambda change: "-".join(f"{key}={value!r}" for key, value in change.items()),
)
@pytest.mark.parametrize("known", [True, False], ids=["known-charge", "unknown-charge"])
def test_a_malformed_dispute_is_refused_and_stores_nothing(client, webhook_secret, one_time, change, known):
    if known:
        events.send(client, events.checkout_completed(one_time))
    before = state(one_time)
    stored = StripeEvent.objects.count()
    payload = events.dispute("charge.dispute.created", intent(one_time), "needs_response", 2500)
    payload["data"]["object"].update(change)
    assert events.send(client, payload).status_code == 400

    assert state(one_time) == before
    assert StripeEvent.objects.count() == stored


def test_a_dispute_without_an_amount_is_refused(client, paid_once):
    payload = events.dispute("charge.dispute.created", intent(paid_once), "needs_response", 2500)
    del payload["data"]["object"]["amount"]
    response = events.send(client, payload)
    assert (response.status_code, response.content) == (400, b"Event not understood.")
    assert state(paid_once) == (Donation.Status.PAID, [(2500, "", 0)])
    assert not StripeEvent.objects.filter(type="charge.dispute.created").exists()
