"""Articles and the pages that gather them: home, sections, authors, tags."""

import math
from datetime import timedelta

from django.db import models
from django.db.models import F, QuerySet, Window
from django.db.models.functions import RowNumber, Substr
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from taggit.models import Tag, TaggedItemBase
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, re_path
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, Site
from wagtail.search import index

from masthead.core.pagination import paginate

from .blocks import ArticleBodyBlock

WORDS_PER_MINUTE = 220
# An article republished within this long of its first publication is not
# shown as "Updated": that is the newsroom fixing a typo in the first minutes.
UPDATE_GRACE = timedelta(minutes=10)
ARTICLES_PER_PAGE = 12


def article_cards(queryset: QuerySet | None = None) -> QuerySet:
    """Live articles with everything a card shows, in a fixed number of queries.

    A card shows the headline, standfirst, hero picture and section. The
    picture comes with the article (``select_related``), its renditions from
    Wagtail's rendition cache, and sections are attached with
    ``attach_sections``, so a list of any length costs the same queries.
    (Prefetching renditions would make Wagtail write each one back to the
    rendition cache on every view.)
    """
    if queryset is None:
        queryset = ArticlePage.objects.all()
    return queryset.live().public().select_related("hero_image").order_by("-first_published_at", "-pk")


def set_section(article: "ArticlePage", section: "SectionPage | None") -> None:
    """Fill the article's cached ``section`` so showing it costs no query."""
    article.__dict__["section"] = section


def attach_sections(articles: list["ArticlePage"]) -> list["ArticlePage"]:
    """Set ``article.section`` on each article with one query for all of them."""
    parent_paths = {article.path[: -ArticlePage.steplen] for article in articles}
    sections = {s.path: s for s in SectionPage.objects.filter(path__in=parent_paths)}
    for article in articles:
        set_section(article, sections.get(article.path[: -ArticlePage.steplen]))
    return articles


class HomePage(RoutablePageMixin, Page):
    """The front page: lead story, top stories, a rail per section, Editors' Picks."""

    template = "pages/home_page.html"

    TOP_STORIES = 4
    RAIL_LENGTH = 4
    # A section silent for longer than this gets no rail on the front page;
    # the bound keeps the ranking query from scanning the whole archive.
    RAIL_MAX_AGE = timedelta(days=120)

    max_count = 1
    subpage_types = ["articles.SectionPage", "articles.AuthorIndexPage"]

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request: HttpRequest, *args, **kwargs) -> dict:
        context = super().get_context(request, *args, **kwargs)
        latest = attach_sections(list(self.articles()[: 1 + self.TOP_STORIES]))
        context["lead"] = latest[0] if latest else None
        context["top_stories"] = latest[1:]
        context["section_rails"] = self.section_rails(exclude=[a.pk for a in latest])
        return context

    def articles(self) -> QuerySet:
        """Every live article of this site, newest first, ready for cards."""
        return article_cards(ArticlePage.objects.descendant_of(self))

    def section_rails(self, exclude: list[int]) -> list[tuple["SectionPage", list]]:
        """The latest few articles of every section, in two queries in all."""
        sections = list(SectionPage.objects.child_of(self).live().order_by("path"))
        ranked = (
            self.articles()
            .filter(first_published_at__gte=timezone.now() - self.RAIL_MAX_AGE)
            .exclude(pk__in=exclude)
            .annotate(
                rank=Window(
                    RowNumber(),
                    partition_by=Substr("path", 1, self.depth * self.steplen + self.steplen),
                    order_by=[F("first_published_at").desc(), F("pk").desc()],
                )
            )
        )
        rails: dict[str, list] = {section.path: [] for section in sections}
        for article in ranked.filter(rank__lte=self.RAIL_LENGTH):
            rails.setdefault(article.path[: -self.steplen], []).append(article)
        result = []
        for section in sections:
            for article in rails[section.path]:
                set_section(article, section)
            if rails[section.path]:
                result.append((section, rails[section.path]))
        return result

    # Tag slugs keep their letters (taggit makes "київ" of "Київ"), so the
    # route accepts any word characters, not only ASCII ones.
    @re_path(r"^tags/(?P<tag>[-\w]+)/$", name="tag")
    def tag_page(self, request: HttpRequest, tag: str) -> HttpResponse:
        """Every live article of this site carrying a tag, newest first."""
        tag_obj = get_object_or_404(Tag, slug=tag)
        articles = article_cards(ArticlePage.objects.descendant_of(self).filter(tagged_items__tag=tag_obj))
        page = paginate(request, articles, ARTICLES_PER_PAGE)
        attach_sections(page.object_list)
        context = {"page": self, "self": self, "request": request, "tag": tag_obj, "articles": page}
        return TemplateResponse(request, "pages/tag_page.html", context)


class SectionPage(Page):
    """A section of the newsroom ("City", "Business"); its children are articles."""

    template = "pages/section_page.html"

    intro = models.TextField(_("introduction"), blank=True, max_length=500)

    parent_page_types = ["articles.HomePage"]
    subpage_types = ["articles.ArticlePage"]
    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    class Meta:
        verbose_name = _("section")

    def get_context(self, request: HttpRequest, *args, **kwargs) -> dict:
        context = super().get_context(request, *args, **kwargs)
        page = paginate(request, article_cards(ArticlePage.objects.child_of(self)), ARTICLES_PER_PAGE)
        for article in page.object_list:
            set_section(article, self)
        context["articles"] = page
        return context


class AuthorIndexPage(Page):
    """The list of the newsroom's writers."""

    template = "pages/author_index_page.html"

    max_count = 1
    parent_page_types = ["articles.HomePage"]
    subpage_types = ["articles.AuthorPage"]

    class Meta:
        verbose_name = _("author list")

    def get_context(self, request: HttpRequest, *args, **kwargs) -> dict:
        context = super().get_context(request, *args, **kwargs)
        authors = AuthorPage.objects.child_of(self).live().select_related("photo")
        context["authors"] = authors.prefetch_related("photo__renditions").order_by("title")
        return context


class AuthorPage(Page):
    """A reporter or editor: photo, role, biography and their articles."""

    template = "pages/author_page.html"

    role = models.CharField(_("role"), max_length=120, blank=True)
    photo = models.ForeignKey(
        "core.NewsImage",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    bio = RichTextField(_("biography"), blank=True, features=["bold", "italic", "link"])

    parent_page_types = ["articles.AuthorIndexPage"]
    subpage_types: list[str] = []
    content_panels = [*Page.content_panels, FieldPanel("role"), FieldPanel("photo"), FieldPanel("bio")]
    search_fields = [*Page.search_fields, index.SearchField("bio")]

    class Meta:
        verbose_name = _("author")

    def get_context(self, request: HttpRequest, *args, **kwargs) -> dict:
        context = super().get_context(request, *args, **kwargs)
        articles = article_cards(ArticlePage.objects.filter(article_authors__author=self))
        page = paginate(request, articles, ARTICLES_PER_PAGE)
        attach_sections(page.object_list)
        context["articles"] = page
        return context


class ArticleTag(TaggedItemBase):
    content_object = ParentalKey(
        "articles.ArticlePage", related_name="tagged_items", on_delete=models.CASCADE
    )


class ArticlePage(Page):
    """A news article: headline, standfirst, byline, hero picture, body, corrections."""

    template = "pages/article_page.html"

    standfirst = models.TextField(
        _("standfirst"),
        blank=True,
        max_length=400,
        help_text=_("One or two sentences under the headline that say what the story is."),
    )
    hero_image = models.ForeignKey(
        "core.NewsImage",
        verbose_name=_("hero picture"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hero_caption = models.CharField(_("hero caption"), max_length=400, blank=True)
    body = StreamField(ArticleBodyBlock(), verbose_name=_("body"))
    tags = ClusterTaggableManager(through=ArticleTag, blank=True, verbose_name=_("tags"))

    parent_page_types = ["articles.SectionPage"]
    subpage_types: list[str] = []

    content_panels = [
        *Page.content_panels,
        FieldPanel("standfirst"),
        InlinePanel("article_authors", label=_("Authors"), min_num=1),
        MultiFieldPanel([FieldPanel("hero_image"), FieldPanel("hero_caption")], heading=_("Hero picture")),
        FieldPanel("body"),
        FieldPanel("tags"),
        InlinePanel(
            "corrections",
            label=_("Corrections and updates"),
            help_text=_("Notes shown at the end of the article, each with its own time."),
        ),
    ]
    # A word in the headline ranks above one in the standfirst, the byline or
    # the tags, and those above one in the body (see masthead/search). The
    # title entry replaces Page's (boost 2): the later entry of a name wins.
    search_fields = [
        *Page.search_fields,
        index.SearchField("title", boost=10),
        index.SearchField("standfirst", boost=4),
        index.SearchField("author_names", boost=3),
        index.RelatedFields("tags", [index.SearchField("name", boost=3)]),
        index.SearchField("body"),
    ]

    class Meta:
        verbose_name = _("article")

    @cached_property
    def section(self) -> "SectionPage | None":
        parent = self.get_parent()
        return parent.specific if parent else None

    @cached_property
    def authors(self) -> list["AuthorPage"]:
        return [link.author for link in self.article_authors.select_related("author")]

    def author_names(self) -> str:
        """The byline's names, for the search index.

        A method rather than ``RelatedFields`` on the authors: the database
        search backends would index an author's ``title`` as the article's.
        """
        return ", ".join(link.author.title for link in self.article_authors.all())

    @classmethod
    def get_indexed_objects(cls) -> QuerySet:
        return super().get_indexed_objects().prefetch_related("article_authors__author")

    @property
    def published_at(self):
        return self.first_published_at or self.go_live_at or timezone.now()

    @property
    def updated_at(self):
        """When the article was last republished, if that is news to a reader."""
        first, last = self.first_published_at, self.last_published_at
        if first and last and last - first > UPDATE_GRACE:
            return last
        return None

    @cached_property
    def word_count(self) -> int:
        words = len(self.standfirst.split())
        for block in self.body.raw_data:
            value = block["value"]
            if block["type"] == "paragraph":
                words += len(strip_tags(value).split())
            elif block["type"] == "subheading":
                words += len(value.split())
            elif block["type"] == "quote":
                words += len(value.get("text", "").split())
        return words

    @property
    def reading_time(self) -> int:
        """Minutes an average reader needs for the body, never less than one."""
        return max(1, math.ceil(self.word_count / WORDS_PER_MINUTE))

    def get_context(self, request: HttpRequest, *args, **kwargs) -> dict:
        context = super().get_context(request, *args, **kwargs)
        site = Site.find_for_request(request)
        articles = ArticlePage.objects.descendant_of(site.root_page) if site else ArticlePage.objects.all()
        more = list(article_cards(articles).exclude(pk=self.pk)[:5])
        context["more_news"] = attach_sections(more)
        context["corrections"] = sorted(self.corrections.all(), key=lambda c: c.noted_at)
        context["tags"] = list(self.tags.all())
        return context


class ArticleAuthor(Orderable):
    """One author in an article's byline, in the order the byline names them."""

    page = ParentalKey(ArticlePage, related_name="article_authors", on_delete=models.CASCADE)
    author = models.ForeignKey(
        AuthorPage, verbose_name=_("author"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [PageChooserPanel("author", "articles.AuthorPage")]


class Correction(Orderable):
    """A correction or update note appended to an article, with its own time."""

    class Kind(models.TextChoices):
        CORRECTION = "correction", _("Correction")
        UPDATE = "update", _("Update")

    page = ParentalKey(ArticlePage, related_name="corrections", on_delete=models.CASCADE)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.CORRECTION)
    text = models.TextField(_("text"), max_length=1000)
    noted_at = models.DateTimeField(_("time of the note"), default=timezone.now)

    panels = [FieldPanel("kind"), FieldPanel("text"), FieldPanel("noted_at")]

    class Meta(Orderable.Meta):
        verbose_name = _("correction or update")


@register_setting(icon="pick")
class EditorsPicks(ClusterableModel, BaseSiteSetting):
    """The articles editors choose to recommend, in the order they choose."""

    panels = [InlinePanel("picks", label=_("Picks"), max_num=12)]

    class Meta:
        verbose_name = _("Editors' Picks")

    def articles(self) -> list[ArticlePage]:
        """The live picked articles, in the editors' order, in fixed queries."""
        ids = [pick.article_id for pick in self.picks.all()]
        by_id = {a.pk: a for a in article_cards(ArticlePage.objects.filter(pk__in=ids))}
        return attach_sections([by_id[i] for i in ids if i in by_id])


class EditorsPick(Orderable):
    setting = ParentalKey(EditorsPicks, related_name="picks", on_delete=models.CASCADE)
    article = models.ForeignKey(
        ArticlePage, verbose_name=_("article"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [PageChooserPanel("article", "articles.ArticlePage")]
