"""Newsroom-wide background work, written against ``django.tasks``."""

from django.core.management import call_command
from django.tasks import task


@task()
def publish_scheduled() -> None:
    """Publish and unpublish whatever editors scheduled for now or earlier.

    Wagtail keeps the schedule (approved revisions with ``approved_go_live_at``
    and pages with ``expire_at``); its command does the publishing, and the
    worker's clock enqueues this task every few seconds.
    """
    call_command("publish_scheduled", verbosity=0)
