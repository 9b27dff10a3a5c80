"""The digest composer: a draft issue from the last period's articles and news-feed items."""

from datetime import datetime

from django.utils import formats, timezone, translation

from masthead.articles.models import ArticlePage
from masthead.newsfeed.models import NewsItem

from .emails import default_newsroom
from .models import Issue, IssueItem, NewsletterList

MAX_ARTICLES = 20
MAX_NEWS_ITEMS = 20


def compose_issue(newsletter_list: NewsletterList, now: datetime | None = None) -> Issue:
    """Create a draft issue of ``newsletter_list`` covering its last period.

    Articles first (newest first), then news-feed items that do not merely
    point to one of those articles. The editor reorders, trims and adds an
    intro in the admin before sending.
    """
    now = now or timezone.now()
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
    newsroom = default_newsroom()
    with translation.override(newsroom.language), timezone.override(newsroom.time_zone):
        day = formats.date_format(timezone.localtime(end), "DATE_FORMAT")
    issue = Issue(
        newsletter_list=newsletter_list,
        subject=f"{newsletter_list.name} — {day}",
        period_start=start,
        period_end=end,
        scheduled_at=newsletter_list.next_slot(now),
    )
    position = iter(range(MAX_ARTICLES + MAX_NEWS_ITEMS))
    issue.items = [IssueItem(article=article, sort_order=next(position)) for article in articles] + [
        IssueItem(news_item=item, sort_order=next(position)) for item in news_items
    ]
    issue.save()
    return issue
