"""Narration work for the background worker, written against ``django.tasks``."""

from django.tasks import task

from . import narrating


@task()
def narrate(narration_id: int) -> str:
    """Synthesise and encode one queued narration; returns its final status."""
    return narrating.narrate(narration_id)


@task()
def check_narrations() -> list[int]:
    """Queue again the narrations whose worker stopped mid-way (the clock runs this)."""
    return narrating.check_narrations()
