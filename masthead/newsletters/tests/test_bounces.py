"""The email provider's webhooks: bounces and spam complaints suppress the address."""

import base64
import json

import pytest
from django.core import mail

from masthead.newsletters.models import Subscriber
from masthead.newsletters.sending import send_issue, start_sending

from .factories import IssueFactory, SubscriberFactory

WEBHOOK = "/newsletters/webhooks/postmark/tracking/"
AUTH = "Basic " + base64.b64encode(b"hook-user:hook-password").decode()


def postmark_event(record_type: str, email: str, bounce_type: str = "HardBounce") -> dict:
    """A Postmark webhook body, shaped as Postmark documents it."""
    event = {
        "RecordType": record_type,
        "MessageID": "883953f4-6105-42a2-a16a-77a8eac79483",
        "Email": email,
        "Recipient": email,
        "BouncedAt": "2026-11-29T07:00:12Z",
        "ReceivedAt": "2026-11-29T07:00:12Z",
        "Tag": "",
        "Metadata": {},
        "Description": "The server was unable to deliver your message.",
        "Details": "smtp;550 5.1.1 The email account that you tried to reach does not exist.",
    }
    if record_type in ("Bounce", "SpamComplaint"):
        event["Type"] = bounce_type
    return event


def post(client, body: dict, auth: str | None = AUTH):
    headers = {"Authorization": auth} if auth else {}
    return client.post(WEBHOOK, json.dumps(body), content_type="application/json", headers=headers)


def test_a_hard_bounce_suppresses_the_address(client, daily):
    reader = SubscriberFactory(email="gone@example.org", lists=[daily])
    assert post(client, postmark_event("Bounce", "Gone@Example.org")).status_code == 200
    reader.refresh_from_db()
    assert reader.status == "suppressed" and "bounced" in reader.suppression_reason


def test_a_spam_complaint_suppresses_the_address(client, daily):
    reader = SubscriberFactory(email="angry@example.org", lists=[daily])
    assert post(client, postmark_event("SpamComplaint", reader.email, "SpamComplaint")).status_code == 200
    reader.refresh_from_db()
    assert reader.status == "suppressed" and "complained" in reader.suppression_reason


def test_a_delivery_report_changes_nothing(client, daily):
    reader = SubscriberFactory(lists=[daily])
    body = {
        "RecordType": "Delivery",
        "Recipient": reader.email,
        "MessageID": "x",
        "DeliveredAt": "2026-11-29T07:00:00Z",
    }
    assert post(client, body).status_code == 200
    reader.refresh_from_db()
    assert reader.status == "confirmed"


@pytest.mark.parametrize("auth", [None, "Basic " + base64.b64encode(b"hook-user:wrong").decode()])
def test_webhooks_without_the_right_password_are_refused(client, daily, auth):
    reader = SubscriberFactory(lists=[daily])
    assert post(client, postmark_event("Bounce", reader.email), auth=auth).status_code in (400, 401, 403)
    reader.refresh_from_db()
    assert reader.status == "confirmed"


def test_malformed_webhook_bodies_are_refused_without_a_500(client, daily):
    response = client.post(
        WEBHOOK, "{not json", content_type="application/json", headers={"Authorization": AUTH}
    )
    assert 400 <= response.status_code < 500


def test_an_unknown_address_is_ignored(client, daily):
    assert post(client, postmark_event("Bounce", "stranger@example.org")).status_code == 200
    assert not Subscriber.objects.exists()


def test_a_suppressed_reader_gets_no_further_issue(client, daily, django_capture_on_commit_callbacks):
    bounced = SubscriberFactory(email="gone@example.org", lists=[daily])
    kept = SubscriberFactory(lists=[daily])
    post(client, postmark_event("Bounce", bounced.email))
    issue = IssueFactory(newsletter_list=daily)
    with django_capture_on_commit_callbacks(execute=True):
        start_sending(issue)
    assert [m.to for m in mail.outbox] == [[kept.email]]
    assert send_issue(issue.pk) == 0
