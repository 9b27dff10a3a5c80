"""A killed sender's batch is settled from its journal: what left is sent, what never left is sent later."""

import os
from datetime import timedelta

from django.utils import timezone

from masthead.newsletters import sending
from masthead.newsletters.journal import Journal, journal_dir, journal_path
from masthead.newsletters.models import Delivery, Issue

from .factories import IssueFactory, SubscriberFactory


def test_a_dead_senders_batch_is_settled_from_its_journal(
    daily, smtp_server, settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.NEWSLETTER_JOURNAL_DIR = str(tmp_path)
    readers = [SubscriberFactory(lists=[daily]) for _ in range(6)]
    issue = IssueFactory(newsletter_list=daily, status=Issue.Status.SENDING)
    claimed, _last = sending.claim_batch(issue, 0, 6)
    ids = [pk for pk, _email, _key in claimed]
    emails = [email for _pk, email, _key in claimed]
    batch = Delivery.objects.get(pk=ids[0]).batch
    # The worker handed copies 1 and 2 to the server whole, was killed while
    # handing over copy 3, and never reached 4 to 6. Its last line was cut short.
    journal = Journal(batch)
    for pk in ids[:2]:
        journal.started(pk)
        journal.written(pk)
    journal.started(ids[2])
    os.write(journal.fd, b"W ")
    journal.close(remove=False)

    Issue.objects.filter(pk=issue.pk).update(last_progress_at=timezone.now())
    later = timezone.now() + timedelta(seconds=settings.NEWSLETTER_STALE_SECONDS + 1)
    with django_capture_on_commit_callbacks(execute=True):
        assert sending.check_issues(now=later)["resumed"] == [issue.pk]

    issue.refresh_from_db()
    assert issue.status == Issue.Status.SENT
    status = dict(issue.deliveries.values_list("pk", "status"))
    assert len(status) == len(readers)
    assert [status[pk] for pk in ids[:3]] == ["sent", "sent", "unknown"]
    assert sorted(status.values()) == ["sent"] * 5 + ["unknown"]
    # Only the copies that never left went out again, once each.
    assert smtp_server.copies_per_recipient() == dict.fromkeys(emails[3:], 1)
    assert "handing this copy to the mail server" in issue.deliveries.get(status="unknown").error
    assert not journal_path(batch).exists()


def test_a_batch_sent_to_the_end_leaves_no_journal(
    daily, smtp_server, settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.NEWSLETTER_JOURNAL_DIR = str(tmp_path)
    settings.NEWSLETTER_BATCH_SIZE = 4
    for _ in range(10):
        SubscriberFactory(lists=[daily])
    issue = IssueFactory(newsletter_list=daily)
    with django_capture_on_commit_callbacks(execute=True):
        assert sending.start_sending(issue)
    issue.refresh_from_db()
    assert issue.status == Issue.Status.SENT and issue.progress()["sent"] == 10
    assert list(journal_dir().iterdir()) == []


def test_a_batch_whose_journal_is_on_another_machine_is_unknown_not_sent_again(
    daily, smtp_server, settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.NEWSLETTER_JOURNAL_DIR = str(tmp_path)
    for _ in range(3):
        SubscriberFactory(lists=[daily])
    issue = IssueFactory(newsletter_list=daily, status=Issue.Status.SENDING)
    sending.claim_batch(issue, 0, 2)  # by a worker elsewhere, which kept its journal there
    Issue.objects.filter(pk=issue.pk).update(last_progress_at=timezone.now())
    later = timezone.now() + timedelta(seconds=settings.NEWSLETTER_STALE_SECONDS + 1)
    with django_capture_on_commit_callbacks(execute=True):
        sending.check_issues(now=later)
    issue.refresh_from_db()
    assert issue.progress()["unknown"] == 2 and issue.progress()["sent"] == 1
    assert len(smtp_server.messages) == 1
