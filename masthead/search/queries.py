"""The live articles that match a reader's words."""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db.models import Prefetch, QuerySet
from django.utils import timezone
from wagtail.models import Page
from wagtail.search.backends.base import BaseSearchResults

from masthead.articles.models import ArticleAuthor, ArticlePage, SectionPage

from .words import SearchWords


@dataclass
class ArticleSearch:
    """Live, public articles of one site matching every word (or, failing that, any)."""

    root: Page
    words: SearchWords
    section: SectionPage | None = None
    published_from: date | None = None
    published_to: date | None = None
    newest_first: bool = False

    def articles(self) -> QuerySet:
        """The articles the filters allow, with what a result shows of them."""
        articles = ArticlePage.objects.live().public().descendant_of(self.root)
        if self.section is not None:
            articles = articles.child_of(self.section)
        zone = timezone.get_current_timezone()
        if self.published_from:
            start = datetime.combine(self.published_from, time.min, tzinfo=zone)
            articles = articles.filter(first_published_at__gte=start)
        if self.published_to:
            end = datetime.combine(self.published_to + timedelta(days=1), time.min, tzinfo=zone)
            articles = articles.filter(first_published_at__lt=end)
        if self.newest_first:
            # "id", not "pk": search backends sort only by a model's filter fields.
            articles = articles.order_by("-first_published_at", "-id")
        byline = ArticleAuthor.objects.select_related("author").order_by("sort_order")
        return articles.prefetch_related(Prefetch("article_authors", queryset=byline))

    def results(self, operator: str = "and") -> BaseSearchResults:
        return self.articles().search(
            str(self.words), operator=operator, order_by_relevance=not self.newest_first
        )

    def run(self) -> tuple[BaseSearchResults, bool]:
        """The results, and whether they match *any* of the words rather than all.

        A reader who typed several words gets the articles holding all of
        them; when there are none, those holding any of them.
        """
        results = self.results("and")
        if len(self.words.words) > 1 and not results.count():
            return self.results("or"), True
        return results, False
