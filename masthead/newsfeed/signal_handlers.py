"""Record every change to the feed as a FeedEvent for the live stream."""

import logging
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


def announce(event: FeedEvent) -> None:
    """Tell every server process at once that the feed changed (scaled setup only).

    Without Redis, or if the message is lost, the processes still find the
    event on their next look at the database; this only makes it immediate.
    """
    if not getattr(settings, "REDIS_URL", ""):
        return
    try:
        redis_client().publish(CHANNEL, event.pk)
    except redis.RedisError:
        logger.warning("Could not announce feed event %s through Redis", event.pk, exc_info=True)


def record(kind: str, item_id: int, html: str = "") -> None:
    event = FeedEvent.objects.create(kind=kind, item_id=item_id, html=html)
    transaction.on_commit(lambda: announce(event))


def render_item(item: NewsItem) -> str:
    """The item's HTML as the feed column shows it, in the newsroom's zone and language."""
    newsroom = NewsroomSettings.of(Site.objects.filter(is_default_site=True).first())
    with timezone.override(newsroom.time_zone), translation.override(newsroom.language):
        return render_to_string("components/news_item.html", {"item": item})


def record_saved_item(sender, instance: NewsItem, created: bool, raw: bool = False, **kwargs) -> None:
    if raw:
        return
    kind = FeedEvent.Kind.POSTED if created else FeedEvent.Kind.EDITED
    record(kind, instance.pk, render_item(instance))


def record_deleted_item(sender, instance: NewsItem, **kwargs) -> None:
    record(FeedEvent.Kind.DELETED, instance.pk)


def register_signal_handlers() -> None:
    post_save.connect(record_saved_item, sender=NewsItem)
    post_delete.connect(record_deleted_item, sender=NewsItem)
