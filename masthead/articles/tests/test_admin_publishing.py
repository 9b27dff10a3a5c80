"""An editor drafts, previews, publishes, schedules, edits and revisits articles in the admin."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from lxml import html
from wagtail.models import Revision, Site
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from masthead.articles.models import ArticlePage, EditorsPicks
from masthead.core.tasks import publish_scheduled

from .factories import ArticleFactory


def article_form(author, title="Tram depot reopens after flood repairs", **extra) -> dict:
    data = {
        "title": title,
        "slug": slugify(title),
        "standfirst": "The depot was closed for three weeks.",
        "article_authors": inline_formset([{"author": author.pk}], min=1),
        "hero_caption": "",
        "body": streamfield([("paragraph", rich_text("<p>Trams left the depot at dawn.</p>"))]),
        "tags": "transport, floods",
        "corrections": inline_formset([]),
        "comments": inline_formset([]),
    }
    data.update(extra)
    return nested_form_data(data)


@pytest.fixture
def editor_client(admin_client):
    return admin_client


def add_url(section) -> str:
    return reverse("wagtailadmin_pages:add", args=("articles", "articlepage", section.pk))


def test_saving_a_draft_keeps_it_from_readers(editor_client, client, section, authors):
    response = editor_client.post(add_url(section), article_form(authors[0]))
    assert response.status_code == 302
    page = ArticlePage.objects.get(title="Tram depot reopens after flood repairs")
    assert not page.live
    assert page.slug == "tram-depot-reopens-after-flood-repairs"
    assert client.get("/city/tram-depot-reopens-after-flood-repairs/").status_code == 404


def test_preview_shows_the_draft_as_a_reader_would_see_it(editor_client, section, authors):
    editor_client.post(add_url(section), article_form(authors[0]))
    page = ArticlePage.objects.get(title="Tram depot reopens after flood repairs")
    preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=(page.pk,))
    data = article_form(authors[0], title="Preview headline", slug=page.slug)
    assert editor_client.post(preview_url, data).json()["is_valid"]
    response = editor_client.get(preview_url)
    assert response.status_code == 200
    assert b'<h1 id="headline" class="article__headline">Preview headline</h1>' in response.content
    assert b"by <a href" in response.content


def test_publishing_puts_the_article_on_the_site(editor_client, client, section, authors):
    response = editor_client.post(add_url(section), article_form(authors[0], **{"action-publish": "publish"}))
    assert response.status_code == 302
    page = ArticlePage.objects.get(title="Tram depot reopens after flood repairs")
    assert page.live and page.first_published_at
    assert [t.name for t in page.tags.order_by("name")] == ["floods", "transport"]
    assert b"Tram depot reopens after flood repairs" in client.get("/").content
    assert client.get(page.url).status_code == 200


def test_scheduled_article_waits_for_its_time_then_the_worker_publishes_it(
    editor_client, client, section, authors
):
    go_live = timezone.localtime(timezone.now() + timedelta(hours=3)).strftime("%Y-%m-%d %H:%M")
    data = article_form(authors[0], go_live_at=go_live, **{"action-publish": "publish"})
    assert editor_client.post(add_url(section), data).status_code == 302
    page = ArticlePage.objects.get(title="Tram depot reopens after flood repairs")
    assert not page.live
    revision = Revision.page_revisions.get(object_id=str(page.pk), approved_go_live_at__isnull=False)

    publish_scheduled.enqueue()  # what the worker's clock runs every 15 s
    page.refresh_from_db()
    assert not page.live

    # Three hours pass: move the schedule into the past rather than wait.
    past = timezone.now() - timedelta(seconds=1)
    revision.content["go_live_at"] = past.isoformat()
    revision.approved_go_live_at = past
    revision.save()
    publish_scheduled.enqueue()
    page.refresh_from_db()
    assert page.live
    assert client.get(page.url).status_code == 200


def test_editing_keeps_revisions_that_can_be_compared_and_reverted(editor_client, section, authors):
    page = ArticleFactory(parent=section, authors=authors, title="First version")
    edit_url = reverse("wagtailadmin_pages:edit", args=(page.pk,))
    data = article_form(authors[0], title="Second version", slug=page.slug, **{"action-publish": "publish"})
    assert editor_client.post(edit_url, data).status_code == 302
    page.refresh_from_db()
    assert page.title == "Second version"

    revisions = list(page.revisions.order_by("created_at"))
    assert len(revisions) == 2
    history = editor_client.get(reverse("wagtailadmin_pages:history", args=(page.pk,)))
    assert history.status_code == 200
    compare = editor_client.get(
        reverse("wagtailadmin_pages:revisions_compare", args=(page.pk, revisions[0].pk, revisions[1].pk))
    )
    assert compare.status_code == 200
    assert b"First" in compare.content and b"Second" in compare.content  # a word-by-word diff
    revert = editor_client.get(
        reverse("wagtailadmin_pages:revisions_revert", args=(page.pk, revisions[0].pk))
    )
    assert revert.status_code == 200
    assert b"First version" in revert.content


def test_invalid_article_is_refused_with_messages_and_nothing_is_stored(editor_client, section, authors):
    empty_body = article_form(authors[0], title="", body=streamfield([("paragraph", rich_text(""))]))
    empty_body["action-publish"] = "publish"
    response = editor_client.post(add_url(section), empty_body)
    assert response.status_code == 200
    assert b"This field is required" in response.content
    assert b"Write some text in this paragraph, or remove it." in response.content
    assert not ArticlePage.objects.filter(standfirst="The depot was closed for three weeks.").exists()


def test_edit_with_bad_input_leaves_the_live_article_unchanged(editor_client, client, section, authors):
    page = ArticleFactory(parent=section, authors=authors, title="Stable headline")
    edit_url = reverse("wagtailadmin_pages:edit", args=(page.pk,))
    data = article_form(authors[0], title="", slug=page.slug, **{"action-publish": "publish"})
    response = editor_client.post(edit_url, data)
    assert response.status_code == 200
    page.refresh_from_db()
    assert page.title == "Stable headline"
    assert page.revisions.count() == 1
    assert b"Stable headline" in client.get(page.url).content


def test_editor_chooses_and_orders_editors_picks_in_the_admin(editor_client, client, section, authors):
    first = ArticleFactory(parent=section, authors=authors, title="Investigation into the grain silos")
    second = ArticleFactory(parent=section, authors=authors, title="Portrait of the last ferryman")
    site = Site.objects.get(is_default_site=True)
    url = reverse("wagtailsettings:edit", args=("articles", "editorspicks", site.pk))
    data = nested_form_data({"picks": inline_formset([{"article": second.pk}, {"article": first.pk}])})
    response = editor_client.post(url, data)
    assert response.status_code == 302
    picks_box = html.fromstring(client.get("/").content).xpath("//section[@class='picks']//h3/a/text()")
    assert picks_box == ["Portrait of the last ferryman", "Investigation into the grain silos"]
    assert [p.article_id for p in EditorsPicks.for_site(site).picks.all()] == [second.pk, first.pk]


def test_publishing_an_article_makes_its_picture_renditions_in_the_background(
    editor_client, section, authors, settings, django_capture_on_commit_callbacks
):
    from masthead.core.models import NewsRendition

    from .factories import ImageFactory

    settings.WARM_PAGES_ON_PUBLISH = True
    picture = ImageFactory()
    data = article_form(authors[0], hero_image=picture.pk, **{"action-publish": "publish"})
    with django_capture_on_commit_callbacks(execute=True):
        assert editor_client.post(add_url(section), data).status_code == 302
    formats = set(NewsRendition.objects.filter(image=picture).values_list("filter_spec", flat=True))
    assert {"format-avif|fill-1200x675", "format-webp|fill-1200x675", "format-jpeg|fill-480x270"} <= formats
