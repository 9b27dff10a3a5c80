"""The SQLite half of ``masthead.search.backend``: FTS5 queries that stay fast.

Imported only on SQLite: Wagtail defines its FTS5 index model only there.

Two things differ from Wagtail's SQLite backend:

- **Ranking.** The index has a headline column and a body column (standfirst,
  byline, tags and text together). Wagtail's ranking is one plain ``bm25()``
  over the whole row, blind to where a word matched; here ``bm25()`` gets
  column weights, the headline counting as much as the model's ``title``
  search field's boost says.
- **Query plan.** Wagtail filters the model's rows with ``pk IN (FTS
  subquery)`` and ranks them with a correlated subquery; SQLite's planner
  then runs the full-text match once per indexed row, which takes seconds on
  a few thousand articles. Here the full-text match runs once (a ``CROSS
  JOIN`` fixes the join order), each match is checked against the filters by
  primary key, the matches are ranked and paginated in SQL, and only the
  page's objects are loaded.

Words of four letters or more match as prefixes of their stem ("floods"
finds "flood", "floods" and "flooding"), standing in for the stemming
PostgreSQL does. Queries it does
not handle (``Not``, ``MatchAll``, fuzzy) go to Wagtail's code unchanged.
"""

from django.db import connections
from django.db.models import IntegerField, QuerySet
from django.db.models.expressions import RawSQL
from wagtail.search.backends.database.sqlite.sqlite import (
    IndexEntry,
    SQLiteFTSIndexEntry,
    SQLiteSearchBackend,
    SQLiteSearchQueryCompiler,
    SQLiteSearchResults,
)
from wagtail.search.query import And, Or, Phrase, PlainText
from wagtail.search.utils import get_descendants_content_types_pks

from .words import stem

PREFIX_MIN_LENGTH = 4
FTS_COLUMNS = ("title", "body")


def fts_string(text: str, prefix: bool = False) -> str:
    """``text`` as one FTS5 string (a phrase of its words), quotes escaped."""
    return '"' + text.replace('"', '""') + '"' + ("*" if prefix else "")


def fts_expression(query) -> str | None:
    """The FTS5 query for a Wagtail search query; None for kinds not handled here."""
    if isinstance(query, PlainText):
        terms = query.query_string.split()
        if not terms:
            return None
        joiner = " AND " if query.operator.lower() == "and" else " OR "
        return joiner.join(
            fts_string(stem(term.lower()), prefix=True)
            if len(term) >= PREFIX_MIN_LENGTH
            else fts_string(term)
            for term in terms
        )
    if isinstance(query, Phrase):
        return fts_string(query.query_string)
    if isinstance(query, And | Or):
        parts = [fts_expression(subquery) for subquery in query.subqueries]
        if not parts or None in parts:
            return None
        return (" AND " if isinstance(query, And) else " OR ").join(f"({part})" for part in parts)
    return None


class HeadlineWeightedQueryCompiler(SQLiteSearchQueryCompiler):
    def headline_weight(self) -> float:
        for field in self.queryset.model.get_searchable_search_fields():
            if field.field_name == "title":
                return float(field.boost or 1.0)
        return 1.0

    def fts_match(self) -> str | None:
        """The FTS5 MATCH string, or None when Wagtail's own code must answer."""
        columns = self.fields or FTS_COLUMNS
        pk = self.queryset.model._meta.pk
        integer_pk = isinstance(pk.target_field if pk.is_relation else pk, IntegerField)
        if not integer_pk or any(column not in FTS_COLUMNS for column in columns):
            return None
        expression = fts_expression(self.query)
        if expression is None:
            return None
        return "{" + " ".join(columns) + "} : (" + expression + ")"

    def matches_sql(self, match: str) -> tuple[str, list]:
        """SQL for (object id, score) of every indexed object of this model matching."""
        quote = connections[self.queryset.db].ops.quote_name
        fts, entries = quote(SQLiteFTSIndexEntry._meta.db_table), quote(IndexEntry._meta.db_table)
        content_types = list(get_descendants_content_types_pks(self.queryset.model))
        # bm25() takes one weight per column, in the table's order: autocomplete, body, title.
        # It is negative: the lower, the better the match.
        bm25 = f"bm25({fts}, 0.0, 1.0, {self.headline_weight():.3f})"
        sql = (
            f"SELECT CAST(entry.object_id AS INTEGER) AS oid, {bm25} AS score "  # noqa: S608
            f"FROM {fts} CROSS JOIN {entries} AS entry ON entry.id = {fts}.rowid "
            f"WHERE {fts} MATCH %s AND entry.content_type_id IN ({', '.join(['%s'] * len(content_types))})"
        )
        return sql, [match, *content_types]

    def matching(self, match: str) -> QuerySet:
        """The compiler's queryset narrowed to the objects matching, in its own order."""
        sql, params = self.matches_sql(match)
        matches = RawSQL(f"SELECT oid FROM ({sql}) AS matches", params)  # noqa: S608, S611
        return self.queryset.filter(pk__in=matches)

    def ranked(self, match: str, start: int, stop: int | None) -> list[tuple[int, float]]:
        """(pk, score) of the matching objects from ``start`` to ``stop``, best first.

        Each match is checked against the queryset's filters by primary key
        (a correlated ``EXISTS``): cheaper than listing every object the
        filters allow (every live article) when a search matches a few hundred.
        """
        sql, params = self.matches_sql(match)
        allowed = self.queryset.order_by().filter(pk=RawSQL("m.oid", [])).values("pk")  # noqa: S611
        allowed_sql, allowed_params = allowed.query.sql_with_params()
        limit = -1 if stop is None else max(stop - start, 0)
        with connections[self.queryset.db].cursor() as cursor:
            cursor.execute(
                f"SELECT m.oid, m.score FROM ({sql}) AS m WHERE EXISTS ({allowed_sql}) "  # noqa: S608
                "ORDER BY m.score, m.oid DESC LIMIT %s OFFSET %s",
                [*params, *allowed_params, limit, start],
            )
            return cursor.fetchall()

    def ranked_objects(self, match: str, start: int, stop: int | None, score_field: str | None) -> list:
        ranked = self.ranked(match, start, stop)
        by_pk = {obj.pk: obj for obj in self.queryset.filter(pk__in=[pk for pk, _ in ranked])}
        results = []
        for pk, score in ranked:
            if pk in by_pk:
                if score_field:
                    setattr(by_pk[pk], score_field, score)
                results.append(by_pk[pk])
        return results

    def search(self, config, start, stop, score_field=None):
        match = self.fts_match()
        if match is None:
            return super().search(config, start, stop, score_field=score_field)
        # Reached for facets and unranked results; ranked ones come from ranked_objects().
        queryset = self.matching(match)
        if not self.order_by_relevance and not queryset.query.order_by:
            queryset = queryset.order_by("-pk")
        return queryset[start:stop]


class HeadlineWeightedSearchResults(SQLiteSearchResults):
    def fts_match(self) -> str | None:
        # Autocomplete queries keep Wagtail's compiler, and its code paths.
        if isinstance(self.query_compiler, HeadlineWeightedQueryCompiler):
            return self.query_compiler.fts_match()
        return None

    def _do_search(self):
        match = self.fts_match()
        if match is not None and self.query_compiler.order_by_relevance:
            return self.query_compiler.ranked_objects(match, self.start, self.stop, self._score_field)
        return super()._do_search()

    def _do_count(self):
        match = self.fts_match()
        if match is not None:
            return self.query_compiler.matching(match).count()
        return super()._do_count()


class HeadlineWeightedSQLiteBackend(SQLiteSearchBackend):
    query_compiler_class = HeadlineWeightedQueryCompiler
    results_class = HeadlineWeightedSearchResults
