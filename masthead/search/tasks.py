"""Keeping the search index in step with what it holds about other pages."""

from django.tasks import task
from wagtail.search import index

from masthead.articles.models import ArticlePage


@task()
def reindex_articles_by(author_id: int) -> int:
    """Index again every article with this author in its byline; returns how many.

    Articles carry their authors' names in the index, and Wagtail reindexes
    an article only when the article itself is saved.
    """
    articles = ArticlePage.get_indexed_objects().filter(article_authors__author_id=author_id).distinct()
    count = 0
    for article in articles.iterator(chunk_size=200):
        index.insert_or_update_object(article)
        count += 1
    return count
