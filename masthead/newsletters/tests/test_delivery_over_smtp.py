"""The whole road over a real SMTP server on loopback: signup to unsubscribe, and crashes."""

import re
import socket
from datetime import timedelta

import pytest
from django.utils import timezone

from masthead.articles.tests.factories import ArticleFactory, hours_ago
from masthead.newsletters import sending
from masthead.newsletters.composer import compose_issue
from masthead.newsletters.emails import render_issue, unsubscribe_url
from masthead.newsletters.models import Delivery, Issue, IssueItem, Subscriber

from .factories import IssueFactory, SubscriberFactory

LINK = re.compile(r"http://testserver(/newsletters/[a-z]+/[^/\s\"<>]+/)")


def link_in(message, kind: str) -> str:
    text = message.get_body(("plain",)).get_content()
    return next(path for path in LINK.findall(text) if path.startswith(f"/newsletters/{kind}/"))


def send_now(issue: Issue, django_capture_on_commit_callbacks) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        assert sending.start_sending(issue)


def test_signup_confirm_digest_and_one_click_unsubscribe(
    client, daily, smtp_server, django_capture_on_commit_callbacks
):
    ArticleFactory(title="Tram line approved", published_at=hours_ago(2))
    response = client.post("/newsletters/subscribe/", {"email": "Olena@Example.org", "lists": [daily.pk]})
    assert response.status_code == 200
    assert b"sent you a confirmation email" in response.content

    [confirmation] = smtp_server.to("olena@example.org")
    assert confirmation.get_body(("html",)) is not None
    confirm = link_in(confirmation, "confirm")
    assert Subscriber.objects.get().status == "pending"
    assert client.get(confirm).status_code == 200  # a page with a button; nothing confirmed yet
    assert Subscriber.objects.get().status == "pending"
    assert client.post(confirm).status_code == 200
    assert Subscriber.objects.get().status == "confirmed"

    issue = compose_issue(daily)
    send_now(issue, django_capture_on_commit_callbacks)
    issue.refresh_from_db()
    assert issue.status == Issue.Status.SENT
    digest = smtp_server.to("olena@example.org")[-1]
    assert digest["Subject"] == issue.subject
    assert "Tram line approved" in digest.get_body(("plain",)).get_content()
    assert "Tram line approved" in digest.get_body(("html",)).get_content()
    assert digest["Date"] and digest["Message-ID"]
    assert digest["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    one_click = re.fullmatch(
        r"<http://testserver(/newsletters/unsubscribe/[^>]+/)>", digest["List-Unsubscribe"]
    )
    assert one_click

    # RFC 8058: the mail provider POSTs the body below to the header's address.
    response = client.post(
        one_click.group(1), "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 200
    assert Subscriber.objects.get().status == "unsubscribed"

    received = len(smtp_server.messages)
    later = IssueFactory(newsletter_list=daily, subject="The next day")
    send_now(later, django_capture_on_commit_callbacks)
    later.refresh_from_db()
    assert later.status == Issue.Status.SENT
    assert len(smtp_server.messages) == received  # no further mail
    assert not later.deliveries.exists()


def test_unconfirmed_unsubscribed_and_suppressed_readers_get_no_digest(
    daily, smtp_server, django_capture_on_commit_callbacks
):
    reader = SubscriberFactory(lists=[daily])
    for status in ("pending", "unsubscribed", "suppressed"):
        SubscriberFactory(lists=[daily], status=status)
    issue = IssueFactory(newsletter_list=daily)
    send_now(issue, django_capture_on_commit_callbacks)
    assert [rcpts for _sender, rcpts in smtp_server.envelopes] == [[reader.email]]


def test_batches_reuse_one_connection_and_every_reader_gets_one_copy(
    daily, smtp_server, django_capture_on_commit_callbacks, settings
):
    settings.NEWSLETTER_BATCH_SIZE = 7
    readers = [SubscriberFactory(lists=[daily]) for _ in range(30)]
    issue = IssueFactory(newsletter_list=daily)
    send_now(issue, django_capture_on_commit_callbacks)
    counts = smtp_server.copies_per_recipient()
    assert counts == {r.email: 1 for r in readers}
    issue.refresh_from_db()
    assert issue.status == "sent" and issue.progress()["sent"] == 30


@pytest.mark.parametrize(("connections", "pipelining"), [(1, True), (3, True), (1, False)])
def test_a_server_failing_mid_batch_then_a_resume_sends_nobody_two_copies(
    daily, smtp_server, django_capture_on_commit_callbacks, settings, connections, pipelining
):
    """The server hangs up on the 12th message and on every one after; later it is back."""
    smtp_server.pipelining = pipelining
    settings.NEWSLETTER_BATCH_SIZE = 6
    settings.NEWSLETTER_SENDERS = 1
    settings.NEWSLETTER_CONNECTIONS = connections
    readers = [SubscriberFactory(lists=[daily]) for _ in range(23)]
    issue = IssueFactory(newsletter_list=daily)
    smtp_server.refuse_after = 11
    send_now(issue, django_capture_on_commit_callbacks)  # the sender task fails with ConnectionLost
    issue.refresh_from_db()
    assert issue.status == "sending" and issue.last_error
    progress = issue.progress()
    assert progress["sent"] == 11
    # A connection that lost its server lost one message the server may have kept.
    lost = progress["unknown"]
    assert 1 <= lost <= connections
    assert progress["sending"] == 0  # the rest of that batch went back to the pool
    assert progress["remaining"] == 23 - 11 - lost

    # The server is back; the clock's check finds the issue stalled and resumes it.
    smtp_server.refuse_after = None
    later = timezone.now() + timedelta(seconds=settings.NEWSLETTER_STALE_SECONDS + 1)
    with django_capture_on_commit_callbacks(execute=True):
        assert sending.check_issues(now=later) == {"started": [], "resumed": [issue.pk]}
    issue.refresh_from_db()
    assert issue.status == "sent"
    counts = smtp_server.copies_per_recipient()
    assert max(counts.values()) == 1
    unknown = {d.subscriber.email for d in issue.deliveries.filter(status=Delivery.Status.UNKNOWN)}
    assert set(counts) == {r.email for r in readers} - unknown
    progress = issue.progress()
    assert (progress["sent"], progress["unknown"], progress["remaining"]) == (
        23 - lost,
        lost,
        0,
    )


def test_a_refused_recipient_is_recorded_as_failed_and_the_rest_go_out(
    daily, smtp_server, django_capture_on_commit_callbacks
):
    good = [SubscriberFactory(lists=[daily]) for _ in range(3)]
    # Accepted by Masthead's validation but refused by smtplib: a non-ASCII mailbox.
    bad = SubscriberFactory(lists=[daily], email="олена@example.org")
    issue = IssueFactory(newsletter_list=daily)
    send_now(issue, django_capture_on_commit_callbacks)
    issue.refresh_from_db()
    assert issue.status == "sent"
    failed = issue.deliveries.get(status="failed")
    assert failed.subscriber == bad and failed.error
    assert smtp_server.copies_per_recipient() == {s.email: 1 for s in good}


@pytest.mark.parametrize("pipelining", [True, False])
def test_refused_addresses_and_refused_content_fail_alone_and_the_rest_arrive_once(
    daily, smtp_server, django_capture_on_commit_callbacks, settings, pipelining
):
    smtp_server.pipelining = pipelining
    settings.NEWSLETTER_CONNECTIONS = 1
    readers = [SubscriberFactory(lists=[daily]) for _ in range(9)]
    refused = {readers[0].email, readers[3].email, readers[4].email, readers[8].email}
    smtp_server.refuse_recipients = refused - {readers[4].email}
    smtp_server.reject_content_for = {readers[4].email}
    issue = IssueFactory(newsletter_list=daily)
    send_now(issue, django_capture_on_commit_callbacks)
    issue.refresh_from_db()
    assert issue.status == "sent"
    assert smtp_server.copies_per_recipient() == {r.email: 1 for r in readers if r.email not in refused}
    failed = issue.deliveries.filter(status="failed").select_related("subscriber")
    assert {d.subscriber.email for d in failed} == refused
    assert all(("550" in d.error) != ("554" in d.error) for d in failed)


def test_connections_stay_open_between_batches_and_a_dropped_one_is_replaced(daily, smtp_server, settings):
    settings.NEWSLETTER_CONNECTIONS = 2
    readers = [SubscriberFactory(lists=[daily]) for _ in range(12)]
    issue = IssueFactory(newsletter_list=daily, status=Issue.Status.SENDING)
    rendered = sending.render_issue(issue)
    with sending.Mailers() as mailers:
        first, _ = sending.claim_batch(issue, 0, 6)
        assert sending.send_batch(rendered, first, mailers=mailers) == 6
        kept = list(mailers.open)
        assert all(kept)
        # The server hangs up on an idle connection (its timeout) before the next batch.
        kept[0].connection.sock.shutdown(socket.SHUT_RDWR)
        second, _ = sending.claim_batch(issue, 0, 6)
        assert sending.send_batch(rendered, second, mailers=mailers) == 6
        assert mailers.open[1] is kept[1] and mailers.open[0] is not kept[0]
    assert smtp_server.copies_per_recipient() == {r.email: 1 for r in readers}


def test_pause_stops_between_batches_and_resume_finishes(
    daily, smtp_server, django_capture_on_commit_callbacks, settings
):
    readers = [SubscriberFactory(lists=[daily]) for _ in range(6)]
    issue = IssueFactory(newsletter_list=daily, status=Issue.Status.SENDING)
    # A batch claimed before the pause is sent; nothing after it.
    claimed, _last = sending.claim_batch(issue, 0, 2)
    assert sending.pause(issue)
    assert sending.send_issue(issue.pk) == 0
    sending.send_batch(sending.render_issue(issue), claimed)
    assert len(smtp_server.messages) == 2
    issue.refresh_from_db()
    assert issue.status == "paused" and issue.progress()["remaining"] == 4

    with django_capture_on_commit_callbacks(execute=True):
        assert sending.resume(issue)
    issue.refresh_from_db()
    assert issue.status == "sent"
    assert smtp_server.copies_per_recipient() == {r.email: 1 for r in readers}


def test_two_senders_on_one_issue_never_claim_the_same_reader(daily, db):
    for _ in range(10):
        SubscriberFactory(lists=[daily])
    issue = IssueFactory(newsletter_list=daily, status=Issue.Status.SENDING)
    first, _ = sending.claim_batch(issue, 0, 6)
    second, _ = sending.claim_batch(issue, 0, 6)  # a second sender that read the same candidates
    assert len(first) == 6 and len(second) == 4
    assert not {pk for pk, *_ in first} & {pk for pk, *_ in second}
    assert Delivery.objects.filter(issue=issue).count() == 10


def test_smtp_copies_match_the_django_email_and_keep_list_unsubscribe_literal(
    daily, smtp_server, django_capture_on_commit_callbacks
):
    """Over SMTP each copy is written directly (fast); it must say what Django's email says."""
    daily.sender_name = "Корвань Щоденно"
    daily.save()
    reader = SubscriberFactory(email="olena@bücher.example", lists=[daily])
    article = ArticleFactory(title="Трамвай повертається", published_at=hours_ago(1))
    issue = IssueFactory(newsletter_list=daily, subject="Новини дня — 29 листопада", intro="Доброго ранку.")
    IssueItem.objects.create(issue=issue, article=article, sort_order=0)
    send_now(issue, django_capture_on_commit_callbacks)

    [raw] = smtp_server.raw
    assert smtp_server.envelopes == [("daily@ledger.example", ["olena@xn--bcher-kva.example"])]
    head = raw.split(b"\r\n\r\n", 1)[0].decode("ascii")
    unsubscribe = unsubscribe_url(reader, daily)
    assert f"\r\nList-Unsubscribe: <{unsubscribe}>\r\n" in head  # literal, not RFC 2047 encoded
    assert all(len(line) <= 998 for line in raw.split(b"\r\n"))

    [received] = smtp_server.messages
    expected = render_issue(issue).message_for(reader.email, reader.key)
    assert received["Subject"] == expected.subject == "Новини дня — 29 листопада"
    assert received["From"] == "Корвань Щоденно <daily@ledger.example>"
    assert received.get_body(("plain",)).get_content().replace("\r\n", "\n") == expected.body
    assert (
        received.get_body(("html",)).get_content().replace("\r\n", "\n") == expected.alternatives[0].content
    )
    assert received["Date"] and received["Message-ID"].endswith(">")


def test_lines_starting_with_a_dot_arrive_intact(daily, smtp_server, django_capture_on_commit_callbacks):
    """SMTP ends a message at a line holding a single dot; pipelined sending must escape them."""
    reader = SubscriberFactory(lists=[daily])
    issue = IssueFactory(newsletter_list=daily, intro=".\n.. and a line that starts with a dot")
    send_now(issue, django_capture_on_commit_callbacks)
    [received] = smtp_server.messages
    assert "\n.\n.. and a line that starts with a dot" in received.get_body(("plain",)).get_content().replace(
        "\r\n", "\n"
    )
    assert smtp_server.envelopes[0][1] == [reader.email]
