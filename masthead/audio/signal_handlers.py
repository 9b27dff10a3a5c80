"""Publishing an article narrates it, when its spoken text or voice changed."""

import logging

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_delete
from wagtail.signals import page_published

from masthead.articles.models import ArticlePage

from .models import Narration
from .narrating import request_narration

logger = logging.getLogger(__name__)


def narrate_published_article(sender, instance: ArticlePage, **kwargs) -> None:
    if not settings.AUDIO_NARRATE_ON_PUBLISH:
        return
    try:
        with transaction.atomic():
            request_narration(instance)
    except Exception:  # publishing must never fail because of its audio
        logger.exception("Could not queue the narration of article %s", instance.pk)


def delete_narration_files(sender, instance: Narration, **kwargs) -> None:
    """A narration deleted (with its article, say) takes its files with it, once that is committed."""
    transaction.on_commit(instance.delete_files)


def register_signal_handlers() -> None:
    post_delete.connect(delete_narration_files, sender=Narration, dispatch_uid="masthead.audio.files")
    page_published.connect(
        narrate_published_article, sender=ArticlePage, dispatch_uid="masthead.audio.publish"
    )
