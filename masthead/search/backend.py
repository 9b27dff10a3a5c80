"""The site's search backend: Wagtail's database search, headlines weighted on SQLite.

Wagtail's database backend uses PostgreSQL full-text search on PostgreSQL
and SQLite's FTS5 on SQLite. On PostgreSQL the boost of each search field
becomes a tsvector weight (A to D), so a word in the headline outranks the
same word in the body. On SQLite the headline has its own FTS5 column and
everything else shares a second one, but the stock ranking is one plain
``bm25()`` over the whole row, blind to where a word matched. This backend
gives ``bm25()`` column weights instead: the headline column counts as much
as the ``title`` search field's boost says, the rest once.

It also matches words of four letters or more as prefixes on SQLite ("flood"
finds "floods" and "flooding"), standing in for the stemming PostgreSQL does.
Everything else is Wagtail's.

Settings: ``WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "masthead.search.backend"}}``.
"""

from django.db import connection
from wagtail.search.backends.database import SearchBackend as database_backend


def SearchBackend(params: dict):  # noqa: N802 - the name Wagtail looks up in a backend module
    """Wagtail's database backend for the database in use, weighted on SQLite."""
    backend = database_backend(params)
    # Only the FTS5 backend is replaced (not the fallback Wagtail uses on a
    # SQLite built without FTS5); its module can be imported only then.
    if connection.vendor == "sqlite" and type(backend).__name__ == "SQLiteSearchBackend":
        from .sqlite import HeadlineWeightedSQLiteBackend

        return HeadlineWeightedSQLiteBackend(params)
    return backend
