"""The worker's clock: enqueue periodic tasks, once per period across all workers."""

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from django.core.cache import cache
from django.db import close_old_connections
from django.tasks import Task

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Periodic:
    task: Task
    every: int  # seconds


def periodic_tasks() -> list[Periodic]:
    """The tasks the newsroom runs on a schedule."""
    from masthead.audio.tasks import check_narrations
    from masthead.newsfeed.tasks import release_scheduled_items
    from masthead.newsletters.tasks import check_newsletters
    from masthead.revenue.tasks import check_disputes

    from .tasks import prune_task_results, publish_scheduled

    return [
        Periodic(publish_scheduled, every=15),
        Periodic(release_scheduled_items, every=15),
        Periodic(check_newsletters, every=15),
        Periodic(prune_task_results, every=3600),
        Periodic(check_narrations, every=60),
        Periodic(check_disputes, every=3600),  # reminders of disputes due within 3 days
    ]


def tick(now: float, schedule: list[Periodic]) -> list[str]:
    """Enqueue every task whose period has started and no worker has claimed.

    The claim is a cache key per task and period (``cache.add`` is atomic in
    the database and Redis caches), so several workers share one clock.
    """
    enqueued = []
    for item in schedule:
        slot = int(now // item.every)
        key = f"masthead:clock:{item.task.module_path}:{slot}"
        if cache.add(key, 1, timeout=item.every * 4):
            item.task.enqueue()
            enqueued.append(item.task.module_path)
    return enqueued


def start_clock(
    schedule: list[Periodic] | None = None, sleep: Callable[[float], None] = time.sleep
) -> threading.Thread:
    """Run the clock in a daemon thread beside the worker loop."""
    schedule = schedule if schedule is not None else periodic_tasks()
    step = min(item.every for item in schedule) / 3

    def run() -> None:
        while True:
            try:
                tick(time.time(), schedule)
            except Exception:  # the clock must outlive a database hiccup
                logger.exception("Worker clock tick failed")
            finally:
                close_old_connections()
            sleep(step)

    thread = threading.Thread(target=run, name="masthead-clock", daemon=True)
    thread.start()
    return thread
