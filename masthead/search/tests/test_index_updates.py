"""Search results follow the newsroom: publishing, editing, unpublishing and deleting in the admin."""

import pytest
from django.urls import reverse
from django.utils.text import slugify
from lxml import html
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from masthead.articles.models import ArticlePage
from masthead.articles.tests.factories import AuthorFactory

from .conftest import article


def found(client, words: str) -> list[str]:
    response = client.get("/search/", {"q": words})
    assert response.status_code == 200
    tree = html.fromstring(response.content)
    return [t.text_content() for t in tree.xpath("//article[@class='search-result']//h3")]


def article_form(author, title, text, tags="", **extra) -> dict:
    data = {
        "title": title,
        "slug": slugify(title),
        "standfirst": "",
        "article_authors": inline_formset([{"author": author.pk}], min=1),
        "hero_caption": "",
        "body": streamfield([("paragraph", rich_text(f"<p>{text}</p>"))]),
        "tags": tags,
        "corrections": inline_formset([]),
        "comments": inline_formset([]),
    }
    data.update(extra)
    return nested_form_data(data)


@pytest.fixture
def author(db):
    return AuthorFactory(title="Taras Vedmid")


def add_url(section) -> str:
    return reverse("wagtailadmin_pages:add", args=("articles", "articlepage", section.pk))


def edit_url(page) -> str:
    return reverse("wagtailadmin_pages:edit", args=(page.pk,))


PUBLISH = {"action-publish": "publish"}


def test_a_saved_draft_is_not_found_and_publishing_makes_it_found(admin_client, client, sections, author):
    data = article_form(author, "Lighthouse keeper retires", "The lighthouse on the spit goes automatic.")
    assert admin_client.post(add_url(sections["city"]), data).status_code == 302
    assert found(client, "lighthouse") == []

    page = ArticlePage.objects.get(title="Lighthouse keeper retires")
    data = article_form(
        author, page.title, "The lighthouse on the spit goes automatic.", tags="coast", **PUBLISH
    )
    assert admin_client.post(edit_url(page), data).status_code == 302
    assert found(client, "lighthouse") == ["Lighthouse keeper retires"]
    # found by its tag and its author's name, which are saved after the page itself
    assert found(client, "coast") == ["Lighthouse keeper retires"]
    assert found(client, "Vedmid") == ["Lighthouse keeper retires"]


def test_a_published_edit_replaces_the_old_words(admin_client, client, sections, author):
    page = article(sections["city"], "Ferry timetable changes", "The ferry leaves at noon.", authors=[author])
    assert found(client, "ferry") == ["Ferry timetable changes"]

    data = article_form(author, "Catamaran timetable changes", "The catamaran leaves at noon.", **PUBLISH)
    data["slug"] = page.slug
    assert admin_client.post(edit_url(page), data).status_code == 302
    assert found(client, "ferry") == []
    assert found(client, "catamaran") == ["Catamaran timetable changes"]


def test_a_revision_published_later_is_found_by_its_new_tags(client, sections, author):
    """As the scheduler publishes: a saved revision, published without a form."""
    page = article(sections["city"], "Harbour crane restored", tags=["gantries"], authors=[author])
    page.tags.set(["shipyards"])
    revision = page.save_revision()
    assert found(client, "shipyards") == []
    revision.publish()
    assert found(client, "shipyards") == ["Harbour crane restored"]
    assert found(client, "gantries") == []


def test_an_unpublished_draft_edit_does_not_change_what_readers_find(admin_client, client, sections, author):
    page = article(sections["city"], "Ferry timetable changes", "The ferry leaves at noon.", authors=[author])
    data = article_form(author, "Catamaran timetable changes", "The catamaran leaves at noon.")
    data["slug"] = page.slug
    assert admin_client.post(edit_url(page), data).status_code == 302  # saved as a draft
    assert found(client, "ferry") == ["Ferry timetable changes"]
    assert found(client, "catamaran") == []


def test_unpublishing_removes_the_article_from_results(admin_client, client, sections, author):
    page = article(sections["city"], "Observatory opens at night", authors=[author])
    assert found(client, "observatory") == ["Observatory opens at night"]
    url = reverse("wagtailadmin_pages:unpublish", args=(page.pk,))
    assert admin_client.post(url).status_code == 302
    assert not ArticlePage.objects.get(pk=page.pk).live
    assert found(client, "observatory") == []

    # and publishing it again brings it back
    page = ArticlePage.objects.get(pk=page.pk)
    page.save_revision().publish()
    assert found(client, "observatory") == ["Observatory opens at night"]


def test_deleting_removes_the_article_from_results(admin_client, client, sections, author):
    page = article(sections["city"], "Observatory opens at night", authors=[author])
    url = reverse("wagtailadmin_pages:delete", args=(page.pk,))
    assert admin_client.post(url).status_code == 302
    assert not ArticlePage.objects.filter(pk=page.pk).exists()
    assert found(client, "observatory") == []


def test_renaming_an_author_finds_their_articles_by_the_new_name(
    admin_client, client, sections, author, django_capture_on_commit_callbacks
):
    article(sections["city"], "Observatory opens at night", authors=[author])
    assert found(client, "Vedmid") == ["Observatory opens at night"]
    url = reverse("wagtailadmin_pages:edit", args=(author.pk,))
    data = nested_form_data(
        {
            "title": "Taras Zoryanyi",
            "slug": author.slug,
            "role": author.role,
            "bio": rich_text(author.bio),
            "comments": inline_formset([]),
            **PUBLISH,
        }
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert admin_client.post(url, data).status_code == 302
    assert found(client, "Zoryanyi") == ["Observatory opens at night"]
    assert found(client, "Vedmid") == []
