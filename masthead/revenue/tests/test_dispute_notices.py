"""The newsroom is emailed when a dispute needs an answer, reminded when its date is near, and told the
bank's decision: once each, from the worker, whatever Stripe redelivers or reorders."""

import time
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.tasks import TaskResultStatus
from django.tasks.signals import task_finished
from lxml import html
from wagtail.models import Site

from masthead.core.models import NewsroomSettings
from masthead.revenue.models import Payment
from masthead.revenue.tasks import check_disputes, remind_of_disputes, send_dispute_notice

from . import stripe_events as events

NOW = int(time.time())
DAY = 86400
# Stripe makes evidence due at the end of a day in UTC: nine days after the dispute opened here.
DUE = (NOW // DAY + 9) * DAY + DAY - 1
OPENED = DUE - 9 * DAY
DESK = "money@ledger.example"


@pytest.fixture
def newsroom(db):
    newsroom = NewsroomSettings.for_site(Site.objects.get(is_default_site=True))
    newsroom.name, newsroom.time_zone = "Harbour Ledger", "America/Chicago"
    newsroom.contact_email = "desk@ledger.example"
    newsroom.save()
    return newsroom


@pytest.fixture
def disputes_desk(revenue, newsroom):
    revenue.disputes_email = DESK
    revenue.save()
    return DESK


def dispute(donation, event_type: str, status: str, **extra) -> dict:
    return events.dispute(
        event_type, events.payment_intent(donation), status, 2500, opened=OPENED, due_in_days=9, **extra
    )


def deliver(client, capture, *payloads) -> list[dict]:
    """Each event to the webhook endpoint in turn, the work it queues run by the worker before the next."""
    answers = []
    for payload in payloads:
        with capture(execute=True):
            answers.append(events.send(client, payload).json())
    return answers


def notices(to: str = DESK) -> list:
    return [message for message in mail.outbox if message.to == [to]]


def test_a_chargeback_emails_the_newsroom_once_with_what_to_do_by_when(
    client, admin_client, paid_once, disputes_desk, django_capture_on_commit_callbacks
):
    created = dispute(paid_once, "charge.dispute.created", "needs_response", created=NOW - 60)
    assert deliver(client, django_capture_on_commit_callbacks, created) == [
        {"received": True, "outcome": "applied"}
    ]

    [notice] = notices()
    local = datetime.fromtimestamp(DUE, ZoneInfo("America/Chicago"))  # 5:59 or 6:59 p.m. there
    respond_by = f"{local.day}, {local.year}, {local.hour - 12}:59 p.m."
    assert notice.subject.startswith("Chargeback on a donation of $25: answer by ")
    assert notice.subject.endswith(respond_by)
    assert notice.from_email == "Harbour Ledger <newsroom@localhost>"
    body = notice.body
    assert "Olena Koval has disputed their donation to Harbour Ledger with their bank" in body
    assert "Donor: Olena Koval <olena@example.org>" in body
    assert "Disputed: $25 (of a payment of $25" in body
    assert "Reason the bank gives: Fraudulent" in body
    [answer_by] = [line for line in body.splitlines() if line.startswith("Answer by: ")]
    assert answer_by.endswith(f"{respond_by} (America/Chicago)")
    assert "Donation: $25 one-time, Investigations unit" in body
    stripe_url = f"https://dashboard.stripe.com/test/disputes/du_ch_{events.payment_intent(paid_once)}"
    admin_url = f"http://testserver/admin/revenue/donations/inspect/{paid_once.pk}/"
    assert f"The dispute in Stripe's dashboard: {stripe_url}" in body
    assert f"The donation in Masthead: {admin_url}" in body
    assert "Olena Koval" in admin_client.get(admin_url.removeprefix("http://testserver")).content.decode()

    # Stripe delivers the same event again, then more news of the same status: nothing more is sent.
    withdrawn = dispute(paid_once, "charge.dispute.funds_withdrawn", "needs_response", created=NOW - 59)
    updated = dispute(paid_once, "charge.dispute.updated", "needs_response", created=NOW - 30)
    answers = deliver(client, django_capture_on_commit_callbacks, created, withdrawn, updated)
    assert answers[0] == {"received": True, "duplicate": True}
    assert len(notices()) == 1
    assert Payment.objects.get().dispute_notified_status == "needs_response"


def test_an_inquiry_and_the_chargeback_it_becomes_are_each_announced_once(
    client, paid_once, disputes_desk, django_capture_on_commit_callbacks
):
    deliver(
        client,
        django_capture_on_commit_callbacks,
        dispute(paid_once, "charge.dispute.created", "warning_needs_response", created=NOW - 900),
        dispute(paid_once, "charge.dispute.updated", "needs_response", created=NOW - 100),
        # The inquiry's own update, delivered late, is older than the chargeback: no news.
        dispute(paid_once, "charge.dispute.updated", "warning_needs_response", created=NOW - 800),
    )

    inquiry, chargeback = notices()
    assert inquiry.subject.startswith("A bank asks about a donation of $25: answer by ")
    assert "This is an inquiry: no money has been taken back yet." in inquiry.body
    assert "An inquiry not answered by its date may become a chargeback." in inquiry.body
    assert chargeback.subject.startswith("Chargeback on a donation of $25")
    assert "Status: Needs a response" in chargeback.body


@pytest.mark.parametrize(
    ("outcome", "subject", "cost"),
    [
        (
            "lost",
            "Dispute lost: $25 taken back from a donation",
            "What it cost: $25 of the donation and $15 in Stripe's dispute fee.",
        ),
        ("won", "Dispute won: the donation of $25 stays", "What it cost: nothing."),
    ],
    ids=["lost", "won"],
)
def test_the_decision_is_announced_once_with_what_it_cost(
    client, admin_client, paid_once, disputes_desk, outcome, subject, cost, django_capture_on_commit_callbacks
):
    life = [
        dispute(paid_once, "charge.dispute.created", "needs_response", created=NOW - 600),
        dispute(paid_once, "charge.dispute.funds_withdrawn", "needs_response", created=NOW - 599),
        dispute(paid_once, "charge.dispute.updated", "under_review", created=NOW - 300),
        dispute(paid_once, "charge.dispute.closed", outcome, created=NOW - 10),
    ]
    if outcome == "won":
        life.append(dispute(paid_once, "charge.dispute.funds_reinstated", "won", created=NOW - 10))
    deliver(client, django_capture_on_commit_callbacks, *life, life[-1], life[0])

    opened, decided = notices()
    assert opened.subject.startswith("Chargeback on a donation of $25")
    assert decided.subject == subject
    assert cost in decided.body and "Answer by" not in decided.body
    assert "Donor: Olena Koval <olena@example.org>" in decided.body
    inspect = html.fromstring(admin_client.get(f"/admin/revenue/donations/inspect/{paid_once.pk}/").content)
    assert f"Stripe's fee {'$15' if outcome == 'lost' else '$0'}" in inspect.text_content()


def test_a_decision_delivered_before_the_opening_announces_only_the_decision(
    client, paid_once, disputes_desk, django_capture_on_commit_callbacks
):
    deliver(
        client,
        django_capture_on_commit_callbacks,
        dispute(paid_once, "charge.dispute.closed", "lost", created=NOW - 10),
        dispute(paid_once, "charge.dispute.created", "needs_response", created=NOW - 600),
        dispute(paid_once, "charge.dispute.updated", "under_review", created=NOW - 300),
    )
    [decided] = notices()
    assert decided.subject == "Dispute lost: $25 taken back from a donation"


def test_two_workers_given_the_same_notice_send_it_once(client, paid_once, disputes_desk):
    # Delivered without running what it queues (the test's transaction never commits): two workers
    # then pick up the same notice, as after a task queue's redelivery.
    events.send(client, dispute(paid_once, "charge.dispute.created", "needs_response"))
    payment = Payment.objects.get()
    assert [send_dispute_notice.enqueue(payment.pk).return_value for _ in range(2)] == [True, False]
    assert len(notices()) == 1


@pytest.mark.parametrize(
    ("disputes_email", "partner_email", "contact_email", "recipient"),
    [
        ("money@ledger.example", "ads@ledger.example", "desk@ledger.example", "money@ledger.example"),
        ("", "ads@ledger.example", "desk@ledger.example", "ads@ledger.example"),
        ("", "", "desk@ledger.example", "desk@ledger.example"),
    ],
    ids=["disputes-address", "partner-address", "contact-address"],
)
def test_the_notice_goes_to_the_disputes_address_else_where_partner_inquiries_go(
    client,
    admin_client,
    paid_once,
    revenue,
    newsroom,
    disputes_email,
    partner_email,
    contact_email,
    recipient,
    django_capture_on_commit_callbacks,
):
    revenue.disputes_email, revenue.partner_email = disputes_email, partner_email
    revenue.save()
    newsroom.contact_email = contact_email
    newsroom.save()
    settings_page = admin_client.get(f"/admin/settings/revenue/revenuesettings/{revenue.site_id}/")
    assert f"Emails about disputes go to {recipient}." in settings_page.content.decode()

    deliver(
        client,
        django_capture_on_commit_callbacks,
        dispute(paid_once, "charge.dispute.created", "needs_response"),
    )
    [notice] = notices(recipient)
    assert notice.subject.startswith("Chargeback on a donation of $25")


def test_with_no_address_anywhere_nothing_is_sent_and_the_settings_say_so(
    client, admin_client, paid_once, revenue, django_capture_on_commit_callbacks
):
    page = admin_client.get(f"/admin/settings/revenue/revenuesettings/{revenue.site_id}/").content.decode()
    assert "Emails about disputes go nowhere:" in page
    receipts = len(mail.outbox)

    answers = deliver(
        client,
        django_capture_on_commit_callbacks,
        dispute(paid_once, "charge.dispute.created", "needs_response", created=NOW - 600),
        dispute(paid_once, "charge.dispute.closed", "lost", created=NOW - 10),
    )
    assert answers == [{"received": True, "outcome": "applied"}] * 2
    assert remind_of_disputes(now=datetime.fromtimestamp(DUE, UTC) - timedelta(days=2)) == []
    assert len(mail.outbox) == receipts
    assert Payment.objects.get().dispute_notified_status == ""  # an address set later gets the next news


def test_a_notice_that_could_not_be_sent_goes_with_the_next_event(
    client, paid_once, disputes_desk, settings, django_capture_on_commit_callbacks
):
    settings.MAILERS = {
        **settings.MAILERS,
        "nowhere": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": 9},
        },
    }
    settings.REVENUE_MAILER = "nowhere"
    finished = []

    def record(sender, task_result, **kwargs):
        finished.append((task_result.task.name, task_result.status, task_result.errors))

    task_finished.connect(record)
    try:
        deliver(
            client,
            django_capture_on_commit_callbacks,
            dispute(paid_once, "charge.dispute.created", "needs_response", created=NOW - 60),
        )
    finally:
        task_finished.disconnect(record)
    [(status, [error])] = [
        (status, errors) for name, status, errors in finished if name == "send_dispute_notice"
    ]
    assert status == TaskResultStatus.FAILED
    assert error.exception_class_path == "builtins.ConnectionRefusedError"
    assert not notices() and Payment.objects.get().dispute_notified_status == ""  # the claim undone

    settings.REVENUE_MAILER = "default"
    deliver(
        client,
        django_capture_on_commit_callbacks,
        dispute(paid_once, "charge.dispute.updated", "needs_response", created=NOW - 30),
    )
    assert len(notices()) == 1


def test_a_dispute_still_unanswered_three_days_before_its_date_is_reminded_once(
    client, paid_once, disputes_desk, django_capture_on_commit_callbacks
):
    deliver(
        client,
        django_capture_on_commit_callbacks,
        dispute(paid_once, "charge.dispute.created", "needs_response", created=NOW - 60),
    )
    due = datetime.fromtimestamp(DUE, UTC)
    assert remind_of_disputes(now=due - timedelta(days=4)) == []  # not yet

    payment = Payment.objects.get()
    assert remind_of_disputes(now=due - timedelta(days=3) + timedelta(hours=1)) == [payment.pk]
    assert remind_of_disputes(now=due - timedelta(days=2)) == []  # once
    assert remind_of_disputes(now=due + timedelta(hours=1)) == []  # too late to be of use

    opened, reminder = notices()
    assert reminder.subject.startswith("Reminder: answer the dispute of a donation of $25 by ")
    assert reminder.subject.endswith(opened.subject.rsplit(" by ", 1)[1])
    assert "Reminder: the dispute below still needs an answer, and its date is near." in reminder.body
    assert f"https://dashboard.stripe.com/test/disputes/{payment.stripe_dispute}" in reminder.body


def test_a_dispute_announced_close_to_its_date_gets_no_reminder_on_top(
    client, paid_once, disputes_desk, django_capture_on_commit_callbacks
):
    # Opened a week ago and delivered only now (Stripe retried): the notice itself says the date is near.
    late = events.dispute(
        "charge.dispute.created",
        events.payment_intent(paid_once),
        "needs_response",
        2500,
        opened=NOW - 7 * DAY,
        due_in_days=9,
    )
    deliver(client, django_capture_on_commit_callbacks, late)
    assert check_disputes.enqueue().return_value == []  # as the worker's clock would run it
    assert len(notices()) == 1


def test_a_dispute_answered_in_time_gets_no_reminder(
    client, paid_once, disputes_desk, django_capture_on_commit_callbacks
):
    deliver(
        client,
        django_capture_on_commit_callbacks,
        dispute(paid_once, "charge.dispute.created", "needs_response", created=NOW - 600),
        dispute(paid_once, "charge.dispute.updated", "under_review", created=NOW - 300),
    )
    assert remind_of_disputes(now=datetime.fromtimestamp(DUE, UTC) - timedelta(days=2)) == []
    assert len(notices()) == 1
