"""Scheduled publishing: the worker's clock and the task it enqueues."""

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.tasks import task
from django.utils import timezone

from masthead.articles.models import ArticlePage
from masthead.articles.tests.factories import ArticleFactory
from masthead.core.clock import Periodic, tick
from masthead.core.tasks import publish_scheduled

calls: list[str] = []


@task()
def record_call() -> None:
    calls.append("ran")


@pytest.fixture(autouse=True)
def clean_cache():
    cache.clear()
    calls.clear()


def schedule(page: ArticlePage, when) -> None:
    page.title = "Embargoed: budget figures"
    page.go_live_at = when
    page.save_revision(approved_go_live_at=when)


def test_article_scheduled_for_the_past_is_published_by_the_task(db):
    page = ArticleFactory(live=False)
    ArticlePage.objects.filter(pk=page.pk).update(live=False, first_published_at=None)
    page.refresh_from_db()
    schedule(page, timezone.now() - timedelta(seconds=5))

    publish_scheduled.enqueue()

    page.refresh_from_db()
    assert page.live
    assert page.title == "Embargoed: budget figures"


def test_article_scheduled_for_later_stays_unpublished(db):
    page = ArticleFactory()
    page.unpublish()
    schedule(page, timezone.now() + timedelta(hours=2))

    publish_scheduled.enqueue()

    page.refresh_from_db()
    assert not page.live


def test_expired_article_is_unpublished_by_the_task(db):
    page = ArticleFactory()
    ArticlePage.objects.filter(pk=page.pk).update(expire_at=timezone.now() - timedelta(minutes=1))

    publish_scheduled.enqueue()

    page.refresh_from_db()
    assert not page.live and page.expired


def test_clock_enqueues_once_per_period_even_with_several_workers(db):
    schedule_ = [Periodic(record_call, every=15)]
    assert tick(990.0, schedule_) == [record_call.module_path]
    assert tick(991.0, schedule_) == []  # same period, another worker: nothing
    assert tick(1004.9, schedule_) == []
    assert tick(1005.0, schedule_) == [record_call.module_path]  # next period
    assert calls == ["ran", "ran"]


def test_old_finished_task_results_are_pruned_from_the_database_queue(db, settings):
    from datetime import timedelta as td

    from django_tasks_db.models import DBTaskResult

    from masthead.core.tasks import prune_task_results

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    old, recent = record_call.enqueue(), record_call.enqueue()
    DBTaskResult.objects.filter(id=old.id).update(
        status="SUCCESSFUL", finished_at=timezone.now() - td(days=2)
    )
    DBTaskResult.objects.filter(id=recent.id).update(status="SUCCESSFUL", finished_at=timezone.now())

    prune_task_results.call()

    assert [str(pk) for pk in DBTaskResult.objects.values_list("id", flat=True)] == [str(recent.id)]


def test_the_clock_runs_every_periodic_check_of_the_newsroom():
    from masthead.core.clock import periodic_tasks

    every = {item.task.name: item.every for item in periodic_tasks()}
    assert every["check_disputes"] == 3600  # dispute reminders
    assert every["check_narrations"] == 60
    assert every["publish_scheduled"] == every["check_newsletters"] == 15
