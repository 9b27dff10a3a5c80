"""Role boundaries through the admin's own views: the actions (POSTs), not only the list pages."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Revision, Site
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from masthead.articles.models import ArticlePage, EditorsPicks
from masthead.articles.tests.factories import (
    ArticleFactory,
    AuthorFactory,
    ImageFactory,
    SectionFactory,
    jpeg_bytes,
)
from masthead.articles.tests.test_admin_publishing import article_form
from masthead.revenue.tests.factories import DonationFactory


def member(django_user_model, role: str, username: str):
    user = django_user_model.objects.create_user(username, f"{username}@example.org", "a-long-test-password")
    user.groups.add(Group.objects.get(name=role))
    client = Client()
    client.force_login(user)
    return user, client


@pytest.fixture
def people(db, django_user_model):
    return {
        role: member(django_user_model, role, role.lower())
        for role in ("Contributor", "Reporter", "Editor", "Admin")
    }


@pytest.mark.parametrize("role", ["Contributor", "Reporter", "Editor", "Admin"])
def test_every_role_uploads_and_chooses_pictures_for_articles(people, role):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from masthead.core.models import NewsImage

    user, client = people[role]
    assert client.get(reverse("wagtailimages:index")).status_code == 200
    upload = SimpleUploadedFile("tram.jpg", jpeg_bytes((800, 600)), content_type="image/jpeg")
    response = client.post(
        reverse("wagtailimages:add"), {"title": "Tram", "file": upload, "credit": "Staff", "collection": 1}
    )
    assert response.status_code == 302, response.content[:2000]
    assert NewsImage.objects.filter(title="Tram", uploaded_by_user=user).exists()
    chooser = client.get(reverse("wagtailimages_chooser:choose"))
    assert chooser.status_code == 200 and "Tram" in chooser.json()["html"]


def test_only_editors_and_admins_edit_or_delete_someone_elses_picture(people):
    _, contributor = people["Contributor"]
    picture = ImageFactory(title="Flood barrier")
    edit = reverse("wagtailimages:edit", args=[picture.pk])
    assert contributor.get(edit).status_code in (302, 403)
    assert contributor.post(reverse("wagtailimages:delete", args=[picture.pk])).status_code in (302, 403)
    assert type(picture).objects.filter(pk=picture.pk).exists()
    _, editor = people["Editor"]
    assert editor.get(edit).status_code == 200
    assert editor.post(reverse("wagtailimages:delete", args=[picture.pk])).status_code == 302
    assert not type(picture).objects.filter(pk=picture.pk).exists()


@pytest.fixture
def section(db):
    return SectionFactory(title="City", slug="city")


@pytest.fixture
def author(db):
    return AuthorFactory(title="Marta Hlynska")


def add_url(section) -> str:
    return reverse("wagtailadmin_pages:add", args=("articles", "articlepage", section.pk))


def refused(response) -> bool:
    """The admin said no: 403, or a redirect away with a permission message."""
    return response.status_code in (302, 403) and (
        response.status_code == 403 or "/login/" not in response.get("Location", "")
    )


def test_a_reporter_cannot_publish_by_posting_the_publish_action(people, section, author):
    reporter, client = people["Reporter"]
    client.post(add_url(section), article_form(author, **{"action-publish": "action-publish"}))
    draft = ArticlePage.objects.get(title="Tram depot reopens after flood repairs")
    assert not draft.live and draft.owner == reporter and draft.first_published_at is None
    # Their own draft, edited with "publish" posted by hand: saved, still not live.
    edit = reverse("wagtailadmin_pages:edit", args=(draft.pk,))
    assert b'name="action-publish"' not in client.get(edit).content
    client.post(
        edit,
        article_form(
            author, slug=draft.slug, title="Published by hand?", **{"action-publish": "action-publish"}
        ),
    )
    draft.refresh_from_db()
    assert not draft.live and draft.get_latest_revision_as_object().title == "Published by hand?"
    # Unpublishing a live article, or publishing through the bulk action, is refused too.
    live = ArticleFactory(parent=section, title="Bridge closes for repairs")
    assert refused(client.post(reverse("wagtailadmin_pages:unpublish", args=(live.pk,)), {}))
    bulk = reverse("wagtail_bulk_action", args=("wagtailcore", "page", "publish"))
    client.post(f"{bulk}?id={draft.pk}", {})
    live.refresh_from_db()
    draft.refresh_from_db()
    assert live.live and not draft.live


def test_a_contributor_cannot_edit_publish_or_delete_someone_elses_article(people, section, author):
    _, client = people["Contributor"]
    other = ArticleFactory(parent=section, title="Someone else's story")
    before = other.latest_revision_id
    edit = reverse("wagtailadmin_pages:edit", args=(other.pk,))
    assert refused(client.get(edit))
    response = client.post(
        edit, article_form(author, slug=other.slug, title="Hijacked", **{"action-publish": "action-publish"})
    )
    assert refused(response)
    assert refused(client.post(reverse("wagtailadmin_pages:delete", args=(other.pk,)), {}))
    other.refresh_from_db()
    assert other.title == "Someone else's story" and other.latest_revision_id == before and other.live


def test_an_editor_edits_the_editors_picks_and_schedules_an_article(people, section, author):
    editor, client = people["Editor"]
    pick = ArticleFactory(parent=section, title="Portrait of the last ferryman")
    site = Site.objects.get(is_default_site=True)
    url = reverse("wagtailsettings:edit", args=("articles", "editorspicks", site.pk))
    response = client.post(url, nested_form_data({"picks": inline_formset([{"article": pick.pk}])}))
    assert response.status_code == 302
    assert [p.article_id for p in EditorsPicks.for_site(site).picks.all()] == [pick.pk]

    go_live = timezone.localtime(timezone.now() + timedelta(hours=3)).strftime("%Y-%m-%d %H:%M")
    data = article_form(author, go_live_at=go_live, **{"action-publish": "action-publish"})
    assert client.post(add_url(section), data).status_code == 302
    page = ArticlePage.objects.get(title="Tram depot reopens after flood repairs")
    assert not page.live
    scheduled = Revision.page_revisions.get(object_id=str(page.pk), approved_go_live_at__isnull=False)
    assert scheduled.user == editor
    assert abs((scheduled.approved_go_live_at - timezone.now()).total_seconds() - 3 * 3600) < 120


@pytest.mark.parametrize("role", ["Contributor", "Reporter", "Editor"])
def test_only_admins_see_donations_totals_and_the_csv_export(people, role, db):
    DonationFactory(email="donor@example.org", name="Ivan Donor", status="paid")
    _, client = people[role]
    for name in ("donations:index", "revenue_admin:totals", "revenue_admin:export"):
        response = client.get(reverse(name))
        assert refused(response), (name, response.status_code)
        assert b"donor@example.org" not in response.content
    _, admin = people["Admin"]
    export = admin.get(reverse("revenue_admin:export"))
    assert export.status_code == 200 and b"donor@example.org" in b"".join(export.streaming_content)


def test_an_editor_cannot_manage_users_or_groups(people, django_user_model):
    editor, client = people["Editor"]
    reporter, _ = people["Reporter"]
    assert refused(client.get(reverse("wagtailusers_users:index")))
    form = {
        "username": "intruder",
        "email": "intruder@example.org",
        "first_name": "In",
        "last_name": "Truder",
        "password1": "river barges at dawn",
        "password2": "river barges at dawn",
        "is_superuser": "on",
    }
    assert refused(client.post(reverse("wagtailusers_users:add"), form))
    assert not django_user_model.objects.filter(username="intruder").exists()
    # Nor make someone (themself included) an Admin or a superuser.
    admin_group = Group.objects.get(name="Admin")
    for target in (reporter, editor):
        response = client.post(
            reverse("wagtailusers_users:edit", args=(target.pk,)),
            {
                "username": target.username,
                "email": target.email,
                "is_superuser": "on",
                "groups": [admin_group.pk],
            },
        )
        assert refused(response)
        target.refresh_from_db()
        assert not target.is_superuser and not target.groups.filter(name="Admin").exists()
    assert refused(client.post(reverse("wagtailusers_groups:add"), {"name": "Shadow admins"}))
    assert not Group.objects.filter(name="Shadow admins").exists()
