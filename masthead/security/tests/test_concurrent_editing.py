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


def latest_title(article) -> str:
    return ArticlePage.objects.get(pk=article.pk).get_latest_revision_as_object().title


@pytest.mark.parametrize("action", ["save", "publish"])
def test_a_stale_save_or_publish_is_refused_naming_who_saved_and_keeps_both_versions(db, editors, action):
    oksana, bohdan = editors
    author = AuthorFactory(title="Marta Hlynska")
    article = ArticleFactory(parent=SectionFactory(), title="Tram depot reopens after flood repairs")
    mine = open_editor(oksana, article)
    theirs = open_editor(bohdan, article)
    edit_url = reverse("wagtailadmin_pages:edit", args=(article.pk,))
    keep = {k: theirs[k] for k in ("loaded_revision_id", "loaded_revision_created_at")}
    assert bohdan.post(edit_url, article_form(author, slug=article.slug, title="Bohdan's headline", **keep))[
        "Location"
    ]

    # Oksana presses Save (or Publish) on the copy she opened before Bohdan saved: an ordinary form post.
    stale = {k: mine[k] for k in ("loaded_revision_id", "loaded_revision_created_at")}
    extra = {"action-publish": "action-publish"} if action == "publish" else {}
    response = oksana.post(
        edit_url, article_form(author, slug=article.slug, title="Oksana's headline", **stale, **extra)
    )

    assert response.status_code == 200  # the form again, not a redirect
    html = response.content.decode()
    assert "bohdan saved a newer version of this page at" in html
    assert "Nothing was saved" in html
    assert 'value="Oksana&#x27;s headline"' in html  # her input is kept
    assert latest_title(article) == "Bohdan's headline"
    live = ArticlePage.objects.get(pk=article.pk)
    assert live.title == "Tram depot reopens after flood repairs"  # nothing published
    # The form she got back is marked as opened at Bohdan's version.
    latest = live.latest_revision
    assert f'name="loaded_revision_id" value="{latest.pk}"' in html

    # She reloads, sees Bohdan's version, edits it and saves: accepted.
    fresh = open_editor(oksana, article)
    assert fresh["loaded_revision_id"] == str(latest.pk)
    again = {k: fresh[k] for k in ("loaded_revision_id", "loaded_revision_created_at")}
    response = oksana.post(
        edit_url,
        article_form(author, slug=article.slug, title="Bohdan's headline, checked", **again, **extra),
    )
    assert response.status_code == 302
    assert latest_title(article) == "Bohdan's headline, checked"
    if action == "publish":
        assert ArticlePage.objects.get(pk=article.pk).title == "Bohdan's headline, checked"


def test_saving_the_refused_form_again_is_a_deliberate_overwrite(db, editors):
    oksana, bohdan = editors
    author = AuthorFactory(title="Marta Hlynska")
    article = ArticleFactory(parent=SectionFactory(), title="Tram depot reopens after flood repairs")
    mine = open_editor(oksana, article)
    theirs = open_editor(bohdan, article)
    edit_url = reverse("wagtailadmin_pages:edit", args=(article.pk,))
    bohdan.post(
        edit_url,
        article_form(
            author,
            slug=article.slug,
            title="Bohdan's headline",
            **{k: theirs[k] for k in ("loaded_revision_id", "loaded_revision_created_at")},
        ),
    )
    stale = {k: mine[k] for k in ("loaded_revision_id", "loaded_revision_created_at")}
    refused = oksana.post(
        edit_url, article_form(author, slug=article.slug, title="Oksana's headline", **stale)
    )
    html = refused.content.decode()
    resubmitted = {
        "loaded_revision_id": re.search(r'name="loaded_revision_id" value="(\d+)"', html).group(1),
        "loaded_revision_created_at": re.search(
            r'name="loaded_revision_created_at" value="([^"]*)"', html
        ).group(1),
    }
    response = oksana.post(
        edit_url, article_form(author, slug=article.slug, title="Oksana's headline", **resubmitted)
    )
    assert response.status_code == 302
    assert latest_title(article) == "Oksana's headline"


def test_an_editor_saving_an_up_to_date_copy_twice_is_never_refused(db, editors):
    oksana, _bohdan = editors
    author = AuthorFactory(title="Marta Hlynska")
    article = ArticleFactory(parent=SectionFactory(), title="Tram depot reopens after flood repairs")
    edit_url = reverse("wagtailadmin_pages:edit", args=(article.pk,))
    for title in ("First edit", "Second edit"):
        opened = open_editor(oksana, article)
        data = article_form(
            author,
            slug=article.slug,
            title=title,
            **{k: opened[k] for k in ("loaded_revision_id", "loaded_revision_created_at")},
        )
        assert oksana.post(edit_url, data).status_code == 302
    assert latest_title(article) == "Second edit"


def test_a_stale_copy_from_my_other_window_is_refused_too(db, editors):
    oksana, _bohdan = editors
    author = AuthorFactory(title="Marta Hlynska")
    article = ArticleFactory(parent=SectionFactory(), title="Tram depot reopens after flood repairs")
    edit_url = reverse("wagtailadmin_pages:edit", args=(article.pk,))
    first, second = open_editor(oksana, article), open_editor(oksana, article)
    keys = ("loaded_revision_id", "loaded_revision_created_at")
    oksana.post(
        edit_url, article_form(author, slug=article.slug, title="Window one", **{k: first[k] for k in keys})
    )
    response = oksana.post(
        edit_url, article_form(author, slug=article.slug, title="Window two", **{k: second[k] for k in keys})
    )
    assert response.status_code == 200
    assert "You saved a newer version of this page in another window" in response.content.decode()
    assert latest_title(article) == "Window one"
