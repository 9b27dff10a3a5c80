"""Record every change to the feed as a FeedEvent for the live stream."""

import logging
from datetime import datetime
from functools import cache

import redis
from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.template.loader import render_to_string
from django.utils import timezone, translation
from wagtail.models import Site

from masthead.core.models import NewsroomSettings

from .models import FeedEvent, NewsItem

logger = logging.getLogger(__name__)
CHANNEL = "masthead:newsfeed"


@cache
def redis_client() -> redis.Redis:
    return redis.Redis.from_url(settings.REDIS_URL, socket_timeout=2, socket_connect_timeout=2)


def announce(event_id: int) -> None:
    """Tell every server process at once that the feed changed (scaled setup only).

    Without Redis, or if the message is lost, the processes still find the
    event on their next look at the database; this only makes it immediate.
    ``0`` carries no event: it asks the hubs to look at the schedule again.
    """
    if not getattr(settings, "REDIS_URL", ""):
        return
    try:
        redis_client().publish(CHANNEL, event_id)
    except redis.RedisError:
        logger.warning("Could not announce feed event %s through Redis", event_id, exc_info=True)


def record(kind: str, item_id: int, html: str = "") -> None:
    event = FeedEvent.objects.create(kind=kind, item_id=item_id, html=html)
    transaction.on_commit(lambda: announce(event.pk))


def render_item(item: NewsItem) -> str:
    """The item's HTML as the feed column shows it, in the newsroom's zone and language."""
    newsroom = NewsroomSettings.of(Site.objects.filter(is_default_site=True).first())
    with timezone.override(newsroom.time_zone), translation.override(newsroom.language):
        return render_to_string("components/news_item.html", {"item": item})


def claim(item: NewsItem) -> bool:
    """Mark the item announced; True for the one caller that changed it.

    Web processes and workers may all notice at once that an item's time has
    come; the conditional update lets exactly one of them record the event.
    """
    return bool(NewsItem.objects.filter(pk=item.pk, announced=False).update(announced=True))


def record_saved_item(sender, instance: NewsItem, created: bool, raw: bool = False, **kwargs) -> None:
    if raw:
        return
    if not instance.is_visible:
        # Scheduled for later: readers hear of it when its time comes. An item
        # moved from the past into the future leaves open pages until then.
        if NewsItem.objects.filter(pk=instance.pk, announced=True).update(announced=False):
            record(FeedEvent.Kind.DELETED, instance.pk)
        transaction.on_commit(lambda: announce(0))
        return
    claimed = claim(instance)
    instance.announced = True
    kind = FeedEvent.Kind.POSTED if claimed else FeedEvent.Kind.EDITED
    record(kind, instance.pk, render_item(instance))


def record_deleted_item(sender, instance: NewsItem, **kwargs) -> None:
    if instance.announced:
        record(FeedEvent.Kind.DELETED, instance.pk)


def release_due_items() -> datetime | None:
    """Announce the items whose time has come; return when the next one is due.

    The stream's hubs call this on every look at the database, and the
    worker's clock as a safety net, so a scheduled item reaches open pages
    on time even when nobody edits anything.
    """
    now = timezone.now()
    waiting = NewsItem.objects.filter(announced=False)
    for item in waiting.filter(posted_at__lte=now).select_related("article").order_by("posted_at"):
        with transaction.atomic():
            if claim(item):
                record(FeedEvent.Kind.POSTED, item.pk, render_item(item))
    return waiting.filter(posted_at__gt=now).order_by("posted_at").values_list("posted_at", flat=True).first()


def register_signal_handlers() -> None:
    post_save.connect(record_saved_item, sender=NewsItem)
    post_delete.connect(record_deleted_item, sender=NewsItem)
