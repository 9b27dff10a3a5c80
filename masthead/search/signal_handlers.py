"""Keep the search index in step with published articles and their authors."""

from django.db import transaction
from wagtail.search import index
from wagtail.signals import page_published

from masthead.articles.models import ArticlePage, AuthorPage

from .tasks import reindex_articles_by


def index_published_article(sender, instance: ArticlePage, **kwargs) -> None:
    """Index the article as published, tags and byline included.

    Wagtail queues an index update when the page row is saved, which is
    before its tags and authors (child rows) are; a worker quick enough, or
    the immediate task backend, would index the article without them.
    ``page_published`` comes after both, so the entry written here is whole.
    On the database backends it is a few statements in the publishing
    transaction.
    """
    index.insert_or_update_object(instance)


def reindex_author_articles(sender, instance: AuthorPage, **kwargs) -> None:
    """An author's name may have changed: their articles are found by it."""
    author_id = instance.pk
    transaction.on_commit(lambda: reindex_articles_by.enqueue(author_id))


def register_signal_handlers() -> None:
    page_published.connect(index_published_article, sender=ArticlePage)
    page_published.connect(reindex_author_articles, sender=AuthorPage)
