"""A newsletter's schedule: at each slot the worker composes the digest and sends it or drafts it."""

import zoneinfo
from datetime import UTC, datetime, time, timedelta

import pytest
from django.core import mail

from masthead.articles.tests.factories import ArticleFactory
from masthead.newsfeed.models import NewsItem
from masthead.newsletters import sending
from masthead.newsletters.composer import compose_due_digests
from masthead.newsletters.models import Issue, NewsletterList, ScheduledDigest
from masthead.newsletters.tasks import check_newsletters

from .factories import IssueFactory, SubscriberFactory

KYIV = zoneinfo.ZoneInfo("Europe/Kyiv")  # the newsroom's default zone
SLOT = datetime(2026, 3, 10, 7, 0, tzinfo=KYIV)


@pytest.fixture
def sends_itself(daily):
    daily.on_schedule = NewsletterList.OnSchedule.SEND
    daily.save()
    return daily


def clock(now: datetime, capture) -> None:
    """What the worker's periodic check does, at ``now``."""
    with capture(execute=True):
        compose_due_digests(now)
        sending.check_issues(now)


def test_at_its_slot_a_list_that_sends_itself_composes_the_last_day_and_sends_it(
    sends_itself, django_capture_on_commit_callbacks
):
    readers = [SubscriberFactory(lists=[sends_itself]) for _ in range(3)]
    ArticleFactory(title="Tram depot approved", published_at=SLOT - timedelta(hours=5))
    ArticleFactory(title="Too old for this issue", published_at=SLOT - timedelta(hours=30))
    NewsItem.objects.create(text="Power is back in the east.", posted_at=SLOT - timedelta(hours=2))

    clock(SLOT - timedelta(seconds=20), django_capture_on_commit_callbacks)
    assert not Issue.objects.exists() and not mail.outbox  # not yet

    clock(SLOT + timedelta(seconds=5), django_capture_on_commit_callbacks)
    issue = Issue.objects.get()
    assert issue.status == Issue.Status.SENT
    assert [str(item) for item in issue.items.order_by("sort_order")] == [
        "Tram depot approved",
        "Power is back in the east.",
    ]
    composed_at = SLOT + timedelta(seconds=5)
    assert (issue.period_start, issue.period_end) == (composed_at - timedelta(days=1), composed_at)
    assert sorted(m.to[0] for m in mail.outbox) == sorted(r.email for r in readers)
    digest = ScheduledDigest.objects.get()
    assert (digest.slot, digest.outcome, digest.issue) == (SLOT, "sent", issue)


def test_every_later_check_of_the_same_slot_changes_nothing(sends_itself, django_capture_on_commit_callbacks):
    SubscriberFactory(lists=[sends_itself])
    ArticleFactory(title="Bridge reopens", published_at=SLOT - timedelta(hours=1))
    for seconds in (1, 2, 15, 30, 600):  # two clocks at once, then the checks that follow
        clock(SLOT + timedelta(seconds=seconds), django_capture_on_commit_callbacks)
    assert Issue.objects.count() == 1 and ScheduledDigest.objects.count() == 1
    assert len(mail.outbox) == 1


def test_a_period_with_nothing_new_sends_nothing(sends_itself, django_capture_on_commit_callbacks):
    SubscriberFactory(lists=[sends_itself])
    ArticleFactory(title="Last week's story", published_at=SLOT - timedelta(days=3))
    clock(SLOT + timedelta(seconds=5), django_capture_on_commit_callbacks)
    clock(SLOT + timedelta(minutes=5), django_capture_on_commit_callbacks)
    assert not Issue.objects.exists() and not mail.outbox
    assert ScheduledDigest.objects.get().outcome == "empty"


def test_a_list_that_wants_approval_gets_a_draft_an_editor_then_sends(
    daily, admin_client, django_capture_on_commit_callbacks
):
    assert daily.on_schedule == NewsletterList.OnSchedule.DRAFT  # the default
    reader = SubscriberFactory(lists=[daily])
    ArticleFactory(title="Council votes on the budget", published_at=SLOT - timedelta(hours=3))
    clock(SLOT + timedelta(seconds=5), django_capture_on_commit_callbacks)
    clock(SLOT + timedelta(minutes=1), django_capture_on_commit_callbacks)
    issue = Issue.objects.get()
    assert issue.status == Issue.Status.DRAFT and issue.scheduled_at is None
    assert not mail.outbox
    assert ScheduledDigest.objects.get().outcome == "draft"

    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(f"/admin/newsletters/issues/{issue.pk}/send/", {"action": "send_now"})
    issue.refresh_from_db()
    assert issue.status == Issue.Status.SENT
    assert [m.to for m in mail.outbox] == [[reader.email]]


def test_an_issue_an_editor_sent_for_the_slot_takes_its_place(
    sends_itself, django_capture_on_commit_callbacks
):
    SubscriberFactory(lists=[sends_itself])
    ArticleFactory(title="Storm warning", published_at=SLOT - timedelta(hours=2))
    special = IssueFactory(newsletter_list=sends_itself, status=Issue.Status.SCHEDULED)
    Issue.objects.filter(pk=special.pk).update(scheduled_at=SLOT + timedelta(minutes=10))
    clock(SLOT + timedelta(seconds=5), django_capture_on_commit_callbacks)
    digest = ScheduledDigest.objects.get()
    assert (digest.outcome, digest.issue) == ("editor", special)
    assert Issue.objects.count() == 1 and not mail.outbox
    clock(SLOT + timedelta(minutes=10), django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 1  # the editor's issue, once


def test_a_slot_no_worker_saw_for_hours_is_skipped(
    sends_itself, django_capture_on_commit_callbacks, settings
):
    SubscriberFactory(lists=[sends_itself])
    ArticleFactory(title="Morning story", published_at=SLOT - timedelta(hours=2))
    late = SLOT + timedelta(seconds=settings.NEWSLETTER_SCHEDULE_GRACE_SECONDS + 1)
    clock(late, django_capture_on_commit_callbacks)
    assert not ScheduledDigest.objects.exists() and not mail.outbox

    ArticleFactory(title="Evening story", published_at=SLOT + timedelta(hours=12))
    clock(SLOT + timedelta(days=1, seconds=5), django_capture_on_commit_callbacks)
    assert ScheduledDigest.objects.get().outcome == "sent" and len(mail.outbox) == 1


def test_the_next_digest_starts_where_the_last_one_ended(sends_itself, django_capture_on_commit_callbacks):
    SubscriberFactory(lists=[sends_itself])
    ArticleFactory(title="Monday's story", published_at=SLOT - timedelta(hours=2))
    clock(SLOT + timedelta(seconds=5), django_capture_on_commit_callbacks)
    ArticleFactory(title="Late Monday story", published_at=SLOT + timedelta(hours=6))
    next_slot = SLOT + timedelta(days=1)
    clock(next_slot + timedelta(seconds=5), django_capture_on_commit_callbacks)
    first, second = Issue.objects.order_by("pk")
    assert second.period_start == first.period_end
    assert [str(item) for item in second.items.all()] == ["Late Monday story"]


def test_a_manual_list_is_never_composed_by_the_clock(daily, django_capture_on_commit_callbacks):
    daily.schedule = NewsletterList.Schedule.MANUAL
    daily.save()
    ArticleFactory(title="Something", published_at=SLOT - timedelta(hours=1))
    clock(SLOT + timedelta(seconds=5), django_capture_on_commit_callbacks)
    assert not Issue.objects.exists() and not ScheduledDigest.objects.exists()


def test_the_periodic_task_composes_and_starts_in_one_check(sends_itself):
    """The task the clock enqueues runs both steps (at the real current time)."""
    from django.utils import timezone

    now = timezone.now().astimezone(KYIV)
    sends_itself.send_time = (now - timedelta(minutes=1)).time().replace(second=0, microsecond=0)
    sends_itself.save()
    SubscriberFactory(lists=[sends_itself])
    ArticleFactory(title="Just now", published_at=timezone.now() - timedelta(minutes=30))
    result = check_newsletters.call()
    issue = Issue.objects.get()
    assert result["composed"] == [issue.pk] and result["started"] == [issue.pk]


def test_slots_stay_at_the_same_wall_clock_time_across_daylight_saving(daily):
    daily.send_time = time(7, 0)
    # Kyiv moves its clocks forward on 29 March 2026.
    before = daily.last_slot(datetime(2026, 3, 28, 12, 0, tzinfo=KYIV), KYIV)
    after = daily.next_slot(before, KYIV)
    assert before == datetime(2026, 3, 28, 7, 0, tzinfo=KYIV)
    assert after.astimezone(KYIV).time() == time(7, 0)
    assert after.astimezone(UTC) - before.astimezone(UTC) == timedelta(hours=23)  # a short night


def test_a_weekly_list_has_one_slot_a_week(weekly):
    weekly.send_time = time(9, 30)  # Saturdays (weekday 5)
    at = datetime(2026, 3, 12, 12, 0, tzinfo=KYIV)  # a Thursday
    assert weekly.last_slot(at, KYIV) == datetime(2026, 3, 7, 9, 30, tzinfo=KYIV)
    assert weekly.next_slot(at, KYIV) == datetime(2026, 3, 14, 9, 30, tzinfo=KYIV)
