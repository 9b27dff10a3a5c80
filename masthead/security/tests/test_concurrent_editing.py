"""Two editors on one article: each sees the other, and a stale copy cannot silently overwrite."""

import re

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse

from masthead.articles.models import ArticlePage
from masthead.articles.tests.factories import ArticleFactory, AuthorFactory, SectionFactory
from masthead.articles.tests.test_admin_publishing import article_form


@pytest.fixture
def editors(django_user_model):
    clients = []
    for name in ("oksana", "bohdan"):
        user = django_user_model.objects.create_user(name, f"{name}@example.org", "a-long-test-password")
        user.groups.add(Group.objects.get(name="Editor"))
        client = Client()
        client.force_login(user)
        clients.append(client)
    return clients


def open_editor(client, page) -> dict:
    html = client.get(reverse("wagtailadmin_pages:edit", args=(page.pk,))).content.decode()
    return {
        "ping_url": re.search(r'data-w-swap-src-value="([^"]+)"', html).group(1),
        "loaded_revision_id": re.search(r'name="loaded_revision_id" value="(\d+)"', html).group(1),
        "loaded_revision_created_at": re.search(
            r'name="loaded_revision_created_at" value="([^"]*)"', html
        ).group(1),
    }


def test_an_editor_sees_who_else_is_editing_and_that_they_saved(db, editors):
    oksana, bohdan = editors
    author = AuthorFactory(title="Marta Hlynska")
    article = ArticleFactory(parent=SectionFactory(), title="Tram depot reopens after flood repairs")
    mine = open_editor(oksana, article)
    theirs = open_editor(bohdan, article)

    others = oksana.post(mine["ping_url"], {"is_editing": "1"}).json()["other_sessions"]
    assert [session["user"] for session in others] == ["bohdan"]

    # Bohdan saves a change; Oksana's editor learns of his newer revision on its next ping.
    data = article_form(
        author,
        slug=article.slug,
        title="Tram depot reopens early",
        **{k: theirs[k] for k in ("loaded_revision_id", "loaded_revision_created_at")},
    )
    assert bohdan.post(reverse("wagtailadmin_pages:edit", args=(article.pk,)), data).status_code == 302
    ping = oksana.post(mine["ping_url"], {"revision_id": mine["loaded_revision_id"]}).json()
    assert any(session["user"] == "bohdan" and session["revision_id"] for session in ping["other_sessions"])
    assert "Proceeding will overwrite the changes made by bohdan" in ping["html"]


def test_a_stale_copy_cannot_overwrite_a_newer_version_unasked(db, editors):
    oksana, bohdan = editors
    author = AuthorFactory(title="Marta Hlynska")
    article = ArticleFactory(parent=SectionFactory(), title="Tram depot reopens after flood repairs")
    mine = open_editor(oksana, article)
    theirs = open_editor(bohdan, article)
    edit_url = reverse("wagtailadmin_pages:edit", args=(article.pk,))
    keep = {k: theirs[k] for k in ("loaded_revision_id", "loaded_revision_created_at")}
    bohdan.post(edit_url, article_form(author, slug=article.slug, title="Bohdan's headline", **keep))

    # Oksana's editor saves in the background (autosave) from her older copy: refused.
    stale = {k: mine[k] for k in ("loaded_revision_id", "loaded_revision_created_at")}
    response = oksana.post(
        edit_url,
        article_form(author, slug=article.slug, title="Oksana's headline", **stale),
        headers={"accept": "application/json"},
    )
    assert response.status_code == 400
    assert response.json()["error_code"] == "invalid_revision"
    assert ArticlePage.objects.get(pk=article.pk).get_latest_revision_as_object().title == "Bohdan's headline"
