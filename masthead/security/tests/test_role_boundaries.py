"""Role boundaries through the admin's own views: the actions (POSTs), not only the list pages."""

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse

from masthead.articles.tests.factories import ImageFactory, jpeg_bytes


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
