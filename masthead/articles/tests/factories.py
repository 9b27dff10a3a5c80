"""Factories for the newsroom's pages; every page is created live under its parent."""

from datetime import timedelta
from io import BytesIO

import factory
from django.core.files.images import ImageFile
from django.utils import timezone
from PIL import Image as PILImage
from wagtail.models import Collection, Locale, Page, Site

from masthead.articles.models import (
    ArticleAuthor,
    ArticlePage,
    AuthorIndexPage,
    AuthorPage,
    HomePage,
    SectionPage,
)
from masthead.core.models import NewsImage


def home_page():
    """The default site's home page, rebuilt when a transactional test flushed it."""
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Locale.objects.get_or_create(language_code="en")
        if not Collection.objects.exists():
            Collection.add_root(name="Root")
        root = Page.objects.filter(depth=1).first() or Page.add_root(title="Root", slug="root")
        home = root.add_child(instance=HomePage(title="Home", slug="home"))
        site = Site.objects.create(hostname="localhost", root_page=home, is_default_site=True)
    return site.root_page.specific


def jpeg_bytes(size: tuple[int, int] = (1600, 900), colour: str = "#446688") -> bytes:
    buffer = BytesIO()
    PILImage.new("RGB", size, colour).save(buffer, "JPEG")
    return buffer.getvalue()


class ImageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = NewsImage

    title = factory.Sequence(lambda n: f"Picture {n}")
    credit = "Test Photographer / Masthead"
    file = factory.LazyFunction(lambda: ImageFile(BytesIO(jpeg_bytes()), name="picture.jpg"))


class PageFactory(factory.django.DjangoModelFactory):
    """Creates a page with ``parent.add_child`` and publishes a first revision."""

    class Meta:
        abstract = True

    @classmethod
    def _create(cls, model_class, *args, parent=None, **kwargs):
        parent = parent or cls.default_parent()
        page = model_class(*args, **kwargs)
        parent.add_child(instance=page)
        page.save_revision().publish()
        page.refresh_from_db()
        return page


class SectionFactory(PageFactory):
    class Meta:
        model = SectionPage

    title = factory.Sequence(lambda n: f"Section {n}")
    slug = factory.Sequence(lambda n: f"section-{n}")
    intro = "Reporting from the section."
    show_in_menus = True

    @classmethod
    def default_parent(cls):
        return home_page()


class AuthorFactory(PageFactory):
    class Meta:
        model = AuthorPage

    title = factory.Sequence(lambda n: f"Reporter Number{n}")
    slug = factory.Sequence(lambda n: f"reporter-{n}")
    role = "Correspondent"
    bio = "<p>Covers the city.</p>"

    @classmethod
    def default_parent(cls):
        home = home_page()
        index = AuthorIndexPage.objects.child_of(home).first()
        if index is None:
            index = home.add_child(instance=AuthorIndexPage(title="Authors", slug="authors"))
        return index


def paragraph(text: str) -> dict:
    return {"type": "paragraph", "value": f"<p>{text}</p>"}


class ArticleFactory(PageFactory):
    """An article; pass ``authors=[...]``, ``tags=[...]`` and ``published_at``."""

    class Meta:
        model = ArticlePage

    title = factory.Sequence(lambda n: f"Headline number {n}")
    slug = factory.Sequence(lambda n: f"article-{n}")
    standfirst = "What happened, in one sentence."
    body = factory.LazyFunction(lambda: [paragraph("The council met on Tuesday. " * 10)])

    @classmethod
    def default_parent(cls):
        return SectionPage.objects.first() or SectionFactory()

    @classmethod
    def _create(cls, model_class, *args, parent=None, authors=(), tags=(), published_at=None, **kwargs):
        parent = parent or cls.default_parent()
        page = model_class(*args, **kwargs)
        page.article_authors = [ArticleAuthor(author=a, sort_order=i) for i, a in enumerate(authors)]
        parent.add_child(instance=page)
        page.tags.set(list(tags))
        page.save_revision().publish()
        if published_at is not None:
            ArticlePage.objects.filter(pk=page.pk).update(
                first_published_at=published_at, last_published_at=published_at
            )
        page.refresh_from_db()
        return page


def hours_ago(hours: float):
    return timezone.now() - timedelta(hours=hours)
