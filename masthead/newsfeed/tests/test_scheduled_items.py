"""Items scheduled for later reach open pages when their time comes, not at save."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from lxml import html

from masthead.newsfeed.models import FeedEvent, NewsItem
from masthead.newsfeed.signal_handlers import release_due_items
from masthead.newsfeed.tasks import release_scheduled_items


def kinds() -> list[tuple[str, int]]:
    return [(event.kind, event.item_id) for event in FeedEvent.objects.order_by("pk")]


def make_due(item: NewsItem) -> None:
    """Move the item's time into the past without going through save()."""
    NewsItem.objects.filter(pk=item.pk).update(posted_at=timezone.now() - timedelta(seconds=1))


def test_a_future_item_records_nothing_until_its_time_comes(db):
    due = timezone.now() + timedelta(minutes=10)
    item = NewsItem.objects.create(text="At noon.", posted_at=due)
    assert kinds() == []
    assert release_due_items() == due  # the hubs sleep until then
    make_due(item)
    assert release_due_items() is None
    assert kinds() == [("posted", item.pk)]
    assert "At noon." in FeedEvent.objects.get().html


def test_an_item_is_released_once_however_many_processes_look(db):
    item = NewsItem.objects.create(text="Once.", posted_at=timezone.now() + timedelta(minutes=1))
    make_due(item)
    release_due_items()
    release_due_items()
    release_scheduled_items.call()  # the worker's clock runs the same
    assert kinds() == [("posted", item.pk)]


def test_a_visible_item_moved_into_the_future_leaves_open_pages(db):
    item = NewsItem.objects.create(text="Too early.")
    item.posted_at = timezone.now() + timedelta(hours=1)
    item.save()
    assert kinds() == [("posted", item.pk), ("deleted", item.pk)]
    make_due(item)
    release_due_items()
    assert kinds()[-1] == ("posted", item.pk)


def test_deleting_a_scheduled_item_tells_no_page(db):
    item = NewsItem.objects.create(text="Never mind.", posted_at=timezone.now() + timedelta(hours=1))
    item.delete()
    assert kinds() == []


def test_an_edit_loaded_before_the_release_does_not_undo_it(db):
    item = NewsItem.objects.create(text="Scheduled.", posted_at=timezone.now() + timedelta(minutes=1))
    stale = NewsItem.objects.get(pk=item.pk)  # an editor's form, opened early
    make_due(item)
    release_due_items()
    stale.text = "Scheduled, reworded."
    stale.posted_at = timezone.now() - timedelta(seconds=1)
    stale.save()
    assert kinds() == [("posted", item.pk), ("edited", item.pk)]
    assert NewsItem.objects.get(pk=item.pk).announced


def test_only_the_first_page_of_the_feed_takes_new_items_live(client, db):
    now = timezone.now()
    NewsItem.objects.bulk_create(
        NewsItem(text=f"Item {n}.", posted_at=now - timedelta(minutes=n), announced=True) for n in range(60)
    )
    first = html.fromstring(client.get(reverse("newsfeed:index")).content)
    second = html.fromstring(client.get(reverse("newsfeed:index") + "?page=2").content)
    assert first.xpath("//div[@data-news-feed-page]/@data-live") == [""]
    assert second.xpath("//div[@data-news-feed-page]") and not second.xpath("//div[@data-live]")


@pytest.mark.parametrize("breaking", [True, False])
def test_every_page_carries_the_stream_and_a_banner_slot(client, db, breaking):
    NewsItem.objects.create(text="Banner or not.", is_breaking=breaking)
    tree = html.fromstring(client.get(reverse("newsfeed:index")).content)
    assert tree.xpath("//body/@data-news-feed-stream") == [reverse("newsfeed:stream")]
    assert tree.xpath("//script[contains(@src, 'js/newsfeed.js')]/@defer")
    slot = tree.xpath("//div[@data-breaking-banner]")[0]
    assert bool(slot.xpath(".//div[@class='breaking-banner']")) is breaking
