"""News Feed background work."""

from django.tasks import task

from .signal_handlers import release_due_items


@task()
def release_scheduled_items() -> None:
    """Announce items whose time has come, for when no page has the stream open.

    While readers are connected, the stream's hub does this within a second;
    the worker's clock runs it too, so the feed's event log never waits on a
    reader to arrive.
    """
    release_due_items()
