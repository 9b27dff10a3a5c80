"""The SQLite half of ``masthead.search.backend``: FTS5 ranking by column weights.

Imported only on SQLite: Wagtail defines its FTS5 index model only there.
"""

from wagtail.search.backends.database.sqlite.query import BM25, Lexeme, SearchQueryExpression
from wagtail.search.backends.database.sqlite.sqlite import (
    SQLiteFTSIndexEntry,
    SQLiteSearchBackend,
    SQLiteSearchQueryCompiler,
)
from wagtail.search.query import Not, Phrase, PlainText

PREFIX_MIN_LENGTH = 4


class WeightedBM25(BM25):
    """FTS5's ``bm25()`` with a weight per column of the index table."""

    def __init__(self, headline_weight: float) -> None:
        super().__init__()
        self.headline_weight = float(headline_weight)

    def as_sql(self, compiler, connection, function=None, template=None):
        # The index table's columns, in the order it declares them:
        # autocomplete (not used for ranking), body, title.
        table = SQLiteFTSIndexEntry._meta.db_table
        return f"bm25({table}, 0.0, 1.0, {self.headline_weight:.3f})", []


class HeadlineWeightedQueryCompiler(SQLiteSearchQueryCompiler):
    def headline_weight(self) -> float:
        for field in self.queryset.model.get_searchable_search_fields():
            if field.field_name == "title":
                return field.boost or 1.0
        return 1.0

    def build_search_query_content(self, query, config=None):
        if isinstance(query, PlainText):
            terms = query.query_string.split()
            if not terms:
                return None
            lexemes = [Lexeme(term, prefix=len(term) >= PREFIX_MIN_LENGTH) for term in terms]
            combined = lexemes[0]
            for lexeme in lexemes[1:]:
                combined = combined & lexeme if query.operator.upper() == "AND" else combined | lexeme
            return SearchQueryExpression(combined, config=config)
        return super().build_search_query_content(query, config=config)

    def build_tsrank(self, vector, query, config=None, boost=1.0):
        if isinstance(query, Phrase | PlainText | Not):
            rank = WeightedBM25(self.headline_weight())
            return rank * boost if boost != 1.0 else rank
        return super().build_tsrank(vector, query, config=config, boost=boost)

    def _build_rank_expression(self, vectors, config):
        # One bm25() over the weighted columns; the stock backend adds one
        # per column, which on FTS5 is the same whole-row score twice.
        return self.build_tsrank(None, self.query, config=config)


class HeadlineWeightedSQLiteBackend(SQLiteSearchBackend):
    query_compiler_class = HeadlineWeightedQueryCompiler
