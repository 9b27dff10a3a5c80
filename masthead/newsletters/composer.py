"""The digest composer: an issue from the last period's articles and news-feed items.

An editor composes a draft in the admin; the worker's clock composes one at
each slot of a newsletter's schedule and, as the newsletter says, sends it
or leaves it as a draft for an editor to approve.
"""

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import formats, timezone, translation

from masthead.articles.models import ArticlePage
from masthead.newsfeed.models import NewsItem

from .emails import default_newsroom
from .models import Issue, IssueItem, NewsletterList, ScheduledDigest, newsroom_zone

logger = logging.getLogger(__name__)

MAX_ARTICLES = 20
MAX_NEWS_ITEMS = 20
# An issue an editor schedules or sends this close to a slot takes the slot's place.
EDITOR_WINDOW = timedelta(hours=1)


@dataclass
class DigestContents:
    start: datetime
    end: datetime
    articles: list[ArticlePage]
    news_items: list[NewsItem]

    def __bool__(self) -> bool:
        return bool(self.articles or self.news_items)


def digest_contents(newsletter_list: NewsletterList, now: datetime) -> DigestContents:
    """What a digest of ``newsletter_list`` composed at ``now`` would hold.

    Articles first (newest first), then news-feed items that do not merely
    point to one of those articles.
    """
    start, end = newsletter_list.digest_period(now)
    articles = list(
        ArticlePage.objects.live()
        .public()
        .filter(first_published_at__gte=start, first_published_at__lt=end)
        .order_by("-first_published_at", "-pk")[:MAX_ARTICLES]
    )
    included = {article.pk for article in articles}
    news_items = [
        item
        for item in NewsItem.objects.published().filter(posted_at__gte=start, posted_at__lt=end)[
            :MAX_NEWS_ITEMS
        ]
        if item.article_id is None or item.article_id not in included
    ]
    return DigestContents(start, end, articles, news_items)


def compose_issue(
    newsletter_list: NewsletterList, now: datetime | None = None, contents: DigestContents | None = None
) -> Issue:
    """Create a draft issue of ``newsletter_list`` covering its last period.

    The editor reorders, trims and adds an intro in the admin before sending.
    """
    now = now or timezone.now()
    contents = contents or digest_contents(newsletter_list, now)
    newsroom = default_newsroom()
    with translation.override(newsroom.language), timezone.override(newsroom.time_zone):
        day = formats.date_format(timezone.localtime(contents.end), "DATE_FORMAT")
    issue = Issue(
        newsletter_list=newsletter_list,
        subject=f"{newsletter_list.name} — {day}",
        period_start=contents.start,
        period_end=contents.end,
        scheduled_at=newsletter_list.next_slot(now),
    )
    position = iter(range(MAX_ARTICLES + MAX_NEWS_ITEMS))
    issue.items = [IssueItem(article=article, sort_order=next(position)) for article in contents.articles] + [
        IssueItem(news_item=item, sort_order=next(position)) for item in contents.news_items
    ]
    issue.save()
    return issue


def compose_due_digests(now: datetime | None = None) -> list[ScheduledDigest]:
    """Handle every newsletter slot that has come and was not handled yet.

    Run by the worker's clock. A slot missed while no worker ran is still
    handled up to ``NEWSLETTER_SCHEDULE_GRACE_SECONDS`` late, and skipped
    after that. Each slot is handled once across all workers: the
    ``ScheduledDigest`` row and the issue are written in one transaction,
    and the row is unique per newsletter and slot.
    """
    now = now or timezone.now()
    grace = timedelta(seconds=settings.NEWSLETTER_SCHEDULE_GRACE_SECONDS)
    zone = newsroom_zone()
    handled = []
    for newsletter_list in NewsletterList.objects.exclude(schedule=NewsletterList.Schedule.MANUAL):
        slot = newsletter_list.last_slot(now, zone)
        if slot is None or now - slot > grace:
            continue
        if newsletter_list.digests.filter(slot=slot).exists():
            continue
        try:
            with transaction.atomic():
                handled.append(handle_slot(newsletter_list, slot, now))
        except IntegrityError:
            continue  # another worker handled this slot at the same moment
    return handled


def handle_slot(newsletter_list: NewsletterList, slot: datetime, now: datetime) -> ScheduledDigest:
    """Compose (and, if the newsletter says so, schedule) the digest of one slot; inside a transaction."""
    digest = ScheduledDigest.objects.create(newsletter_list=newsletter_list, slot=slot, outcome="")
    editors = (
        newsletter_list.issues.exclude(status=Issue.Status.DRAFT)
        .filter(scheduled_at__gt=slot - EDITOR_WINDOW, scheduled_at__lte=slot + EDITOR_WINDOW)
        .order_by("scheduled_at")
        .first()
    )
    contents = digest_contents(newsletter_list, now) if editors is None else None
    if editors is not None:
        digest.outcome, digest.issue = ScheduledDigest.Outcome.EDITOR, editors
    elif not contents:
        digest.outcome = ScheduledDigest.Outcome.EMPTY
    else:
        digest.issue = issue = compose_issue(newsletter_list, now, contents)
        if newsletter_list.on_schedule == NewsletterList.OnSchedule.SEND:
            # Scheduled for the slot, so the clock's check starts it (sending.check_issues).
            issue.status, issue.scheduled_at = Issue.Status.SCHEDULED, slot
            digest.outcome = ScheduledDigest.Outcome.SENT
        else:
            issue.scheduled_at = None  # the editor chooses when, on approving it
            digest.outcome = ScheduledDigest.Outcome.DRAFT
        issue.save(update_fields=["status", "scheduled_at"])
    digest.save(update_fields=["outcome", "issue"])
    logger.info("Newsletter %s, slot %s: %s", newsletter_list.slug, slot.isoformat(), digest.outcome)
    return digest
