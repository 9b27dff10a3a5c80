"""Newsroom-wide background work, written against ``django.tasks``."""

from django.conf import settings
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


@task()
def prune_task_results() -> None:
    """Forget finished tasks older than a day from the database queue.

    The clock alone enqueues thousands of tasks a day; the Redis backend
    expires its results by itself, the database one needs this.
    """
    if settings.TASKS["default"]["BACKEND"].startswith("django_tasks_db."):
        call_command("prune_db_task_results", queue_name="*", min_age_days=1, verbosity=0)
