"""The PostgreSQL half of ``masthead.search.backend``: matches the GIN indexes can find.

Wagtail's PostgreSQL backend keeps a headline vector and a body vector per
object, each with a GIN index, but matches ``(headline || body) @@ query``:
a vector built for every indexed row on every search, which no index can
answer, so each search reads and concatenates all of them (about 150 ms on
10,000 articles, whatever the words). Here a word matches when it is in the
headline or in the body, ``(headline @@ word OR body @@ word)`` for each
word, which finds the same articles through the indexes. Ranking is
Wagtail's: boosts as tsvector weights, the headline weighted most.

Queries other than plain words (phrases, ``Not``, fuzzy, chosen fields) go
to Wagtail's code unchanged.
"""

import re
from functools import reduce

from django.contrib.postgres.search import SearchQuery
from django.db.models import Func, IntegerField, Q
from django.db.models.lookups import Exact, GreaterThan
from wagtail.search.backends.database.postgres.postgres import (
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
)
from wagtail.search.backends.database.postgres.query import Lexeme
from wagtail.search.query import PlainText


def lexeme_count(query: SearchQuery) -> Func:
    """How many lexemes the query keeps: 0 when its words are all stop words."""
    return Func(query, function="numnode", output_field=IntegerField())


class IndexedPostgresQueryCompiler(PostgresSearchQueryCompiler):
    def word_query(self, words: list[str], config, operator: str) -> SearchQuery:
        lexemes = [Lexeme(word) for word in words]
        combined = reduce(lambda a, b: a & b if operator == "and" else a | b, lexemes)
        return SearchQuery(combined, search_type="raw", config=config)

    def in_headline_or_body(self, query: SearchQuery) -> Q:
        return Q(index_entries__title=query) | Q(index_entries__body=query)

    def match_condition(self, words: list[str], config) -> Q:
        if self.query.operator == "or":
            return self.in_headline_or_body(self.word_query(words, config, "or"))
        # Every word, each in the headline or the body. A stop word ("the")
        # becomes an empty query that matches nothing, so it is let through,
        # as PostgreSQL drops it from a whole query; a query of stop words
        # only matches nothing, as Wagtail's does. PostgreSQL folds these
        # checks to constants when it plans the query.
        condition = Q(GreaterThan(lexeme_count(self.word_query(words, config, "and")), 0))
        for word in words:
            query = self.word_query([word], config, "and")
            condition &= self.in_headline_or_body(query) | Q(Exact(lexeme_count(query), 0))
        return condition

    def search(self, config, start, stop, score_field=None, backend=None):
        if self.fields is not None or not isinstance(self.query, PlainText):
            return super().search(config, start, stop, score_field=score_field, backend=backend)
        # The words as Wagtail's own compiler splits them.
        words = [word for word in re.split(r"[\s\-]+", self.query.query_string) if word]
        if not words:
            return super().search(config, start, stop, score_field=score_field, backend=backend)
        queryset = self.queryset.filter(self.match_condition(words, config))
        search_query = self.build_tsquery(self.query, config=config)
        rank = self._build_rank_expression(self.get_search_vectors(search_query), config)
        return self._apply_ordering_and_scoring(queryset, rank, start, stop, score_field)


class IndexedPostgresSearchBackend(PostgresSearchBackend):
    query_compiler_class = IndexedPostgresQueryCompiler
