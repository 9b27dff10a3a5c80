"""Newsroom-wide background work, written against ``django.tasks``."""

import logging

from django.conf import settings
from django.core.management import call_command
from django.tasks import task
from django.test import Client
from wagtail.models import Page

logger = logging.getLogger(__name__)


@task()
def publish_scheduled() -> None:
    """Publish and unpublish whatever editors scheduled for now or earlier.

    Wagtail keeps the schedule (approved revisions with ``approved_go_live_at``
    and pages with ``expire_at``); its command does the publishing, and the
    worker's clock enqueues this task every few seconds.
    """
    call_command("publish_scheduled", verbosity=0)


@task()
def prune_task_results() -> None:
    """Forget finished tasks older than a day from the database queue.

    The clock alone enqueues thousands of tasks a day; the Redis backend
    expires its results by itself, the database one needs this.
    """
    if settings.TASKS["default"]["BACKEND"].startswith("django_tasks_db."):
        call_command("prune_db_task_results", queue_name="*", min_age_days=1, verbosity=0)


@task()
def warm_pages(page_ids: list[int] | None = None) -> int:
    """Render live pages once, so their picture renditions exist before readers ask.

    The templates decide which renditions (sizes, AVIF/WebP/JPEG) a page needs,
    so rendering the page is the one way to make exactly those; a reader who
    came first would otherwise wait for the encoding. ``None`` means every
    live page. Returns the number of pages rendered.
    """
    pages = Page.objects.live().public().specific()
    if page_ids is not None:
        pages = pages.filter(pk__in=page_ids)
    host = next((h for h in settings.ALLOWED_HOSTS if h != "*" and not h.startswith(".")), "localhost")
    client = Client(HTTP_HOST=host)
    rendered = 0
    for page in pages.iterator():
        url = page.get_url()
        try:
            ok = bool(url) and client.get(url).status_code == 200
        except Exception:  # one broken page must not stop the others
            logger.exception("Could not render %s while warming pages", url)
            ok = False
        rendered += ok
    return rendered
