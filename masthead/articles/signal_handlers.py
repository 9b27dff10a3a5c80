"""What happens around an article's life cycle."""

from django.conf import settings
from django.db import transaction
from wagtail.signals import page_published

from masthead.core.tasks import warm_pages

from .models import ArticlePage


def warm_published_article(sender, instance: ArticlePage, **kwargs) -> None:
    """Make a just-published article's pictures in the worker, not for its first reader."""
    if settings.WARM_PAGES_ON_PUBLISH:
        transaction.on_commit(lambda: warm_pages.enqueue([instance.pk]))


def register_signal_handlers() -> None:
    page_published.connect(warm_published_article, sender=ArticlePage)
