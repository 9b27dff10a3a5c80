"""The site's search backend: Wagtail's database search, with query plans that scale.

Wagtail's database backend uses PostgreSQL full-text search on PostgreSQL
and SQLite's FTS5 on SQLite, indexing each object's headline and body (the
other search fields) in two columns. This backend keeps its index, its
signals and its ranking by boosts, and changes how a search is run on each
database, so that a newsroom's archive of tens of thousands of articles is
searched in milliseconds rather than seconds: see ``sqlite.py`` and
``postgres.py`` beside this module.

Settings: ``WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "masthead.search.backend"}}``.
"""

from django.db import connection
from wagtail.search.backends.database import SearchBackend as database_backend


def SearchBackend(params: dict):  # noqa: N802 - the name Wagtail looks up in a backend module
    """Wagtail's database backend for the database in use, with this project's query plans."""
    backend = database_backend(params)
    kind = type(backend).__name__
    # Only Wagtail's full-text backends are replaced, not the fallback it uses
    # on a SQLite built without FTS5; their modules import only on their database.
    if connection.vendor == "sqlite" and kind == "SQLiteSearchBackend":
        from .sqlite import HeadlineWeightedSQLiteBackend

        return HeadlineWeightedSQLiteBackend(params)
    if connection.vendor == "postgresql" and kind == "PostgresSearchBackend":
        from .postgres import IndexedPostgresSearchBackend

        return IndexedPostgresSearchBackend(params)
    return backend
