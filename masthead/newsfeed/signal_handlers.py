"""Record every change to the feed as a FeedEvent for the live stream."""

from django.db.models.signals import post_delete, post_save
from django.template.loader import render_to_string
from django.utils import timezone, translation
from wagtail.models import Site

from masthead.core.models import NewsroomSettings

from .models import FeedEvent, NewsItem


def render_item(item: NewsItem) -> str:
    """The item's HTML as the feed column shows it, in the newsroom's zone and language."""
    site = Site.objects.filter(is_default_site=True).first()
    newsroom = NewsroomSettings.for_site(site) if site else NewsroomSettings()
    with timezone.override(newsroom.time_zone), translation.override(newsroom.language):
        return render_to_string("components/news_item.html", {"item": item})


def record_saved_item(sender, instance: NewsItem, created: bool, raw: bool = False, **kwargs) -> None:
    if raw:
        return
    kind = FeedEvent.Kind.POSTED if created else FeedEvent.Kind.EDITED
    FeedEvent.objects.create(kind=kind, item_id=instance.pk, html=render_item(instance))


def record_deleted_item(sender, instance: NewsItem, **kwargs) -> None:
    FeedEvent.objects.create(kind=FeedEvent.Kind.DELETED, item_id=instance.pk)


def register_signal_handlers() -> None:
    post_save.connect(record_saved_item, sender=NewsItem)
    post_delete.connect(record_deleted_item, sender=NewsItem)
