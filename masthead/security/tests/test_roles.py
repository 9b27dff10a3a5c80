"""Each role can do its own work in the admin and nothing past it, through the admin's own views."""

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.urls import reverse
from wagtail.models import ModelLogEntry, PageLogEntry, Site, WorkflowState

from masthead.articles.models import ArticlePage
from masthead.articles.tests.factories import ArticleFactory, AuthorFactory, SectionFactory
from masthead.articles.tests.test_admin_publishing import article_form


@pytest.fixture
def section(db):
    return SectionFactory(title="City", slug="city")


@pytest.fixture
def author(db):
    return AuthorFactory(title="Marta Hlynska")


def member(django_user_model, client_factory, role: str, username: str):
    user = django_user_model.objects.create_user(username, f"{username}@example.org", "a-long-test-password")
    user.groups.add(Group.objects.get(name=role))
    client = client_factory()
    client.force_login(user)
    return user, client


@pytest.fixture
def people(django_user_model, section):
    from django.test import Client

    return {
        role: member(django_user_model, Client, role, role.lower())
        for role in ("Contributor", "Reporter", "Editor", "Admin")
    }


def add_url(section) -> str:
    return reverse("wagtailadmin_pages:add", args=("articles", "articlepage", section.pk))


def opens(client, url: str) -> bool:
    """True if the admin shows the page; False if it refuses (redirect with a message, or 403)."""
    response = client.get(url)
    assert response.status_code in (200, 302, 403), (url, response.status_code)
    return response.status_code == 200


def test_the_four_roles_exist_after_migrating(db):
    assert set(Group.objects.values_list("name", flat=True)) >= {"Contributor", "Reporter", "Editor", "Admin"}
    assert not Group.objects.filter(name__in=["Moderators", "Editors"]).exists()


def test_a_contributor_writes_drafts_but_cannot_publish_or_submit(people, section, author):
    user, client = people["Contributor"]
    form = article_form(author, **{"action-publish": "publish"})
    client.post(add_url(section), form)
    page = ArticlePage.objects.get(title="Tram depot reopens after flood repairs")
    assert not page.live and page.owner == user

    # The editing page offers no "Submit for review"; a hand-made submit only saves the draft.
    edit_url = reverse("wagtailadmin_pages:edit", args=(page.pk,))
    assert b'name="action-submit"' not in client.get(edit_url).content
    response = client.post(
        edit_url, article_form(author, slug=page.slug, **{"action-submit": "1"}), follow=True
    )
    assert "cannot submit articles for review" in response.content.decode()
    assert not WorkflowState.objects.filter(object_id=str(page.pk)).exists()

    # Someone else's article is out of reach.
    other = ArticleFactory(parent=section, title="Someone else's story")
    assert not opens(client, reverse("wagtailadmin_pages:edit", args=(other.pk,)))
    before = other.latest_revision
    client.post(reverse("wagtailadmin_pages:edit", args=(other.pk,)), article_form(author, title="Hijacked"))
    other.refresh_from_db()
    assert other.title == "Someone else's story" and other.latest_revision == before
    assert not opens(client, reverse("wagtailadmin_pages:unpublish", args=(other.pk,)))


def test_a_reporter_submits_for_review_and_an_editor_approves(people, section, author, mailoutbox):
    reporter, reporter_client = people["Reporter"]
    editor, editor_client = people["Editor"]
    reporter_client.post(add_url(section), article_form(author))
    page = ArticlePage.objects.get(title="Tram depot reopens after flood repairs")
    edit_url = reverse("wagtailadmin_pages:edit", args=(page.pk,))
    assert b'name="action-submit"' in reporter_client.get(edit_url).content
    reporter_client.post(edit_url, article_form(author, slug=page.slug, **{"action-submit": "1"}))
    state = WorkflowState.objects.get(object_id=str(page.pk))
    assert state.status == "in_progress" and state.workflow.name == "Editorial review"
    assert any(editor.email in message.to for message in mail.outbox)

    # A reporter cannot publish it themself.
    reporter_client.post(edit_url, article_form(author, slug=page.slug, **{"action-publish": "1"}))
    page.refresh_from_db()
    assert not page.live

    task_state = state.current_task_state
    mail.outbox.clear()
    approve = reverse("wagtailadmin_pages:workflow_action", args=(page.pk, "approve", task_state.pk))
    assert editor_client.post(approve, {"comment": ""}).status_code in (200, 302)
    page.refresh_from_db()
    assert page.live
    assert any(reporter.email in message.to for message in mail.outbox)
    assert PageLogEntry.objects.filter(page=page, action="wagtail.publish", user=editor).exists()


def test_an_editor_asks_for_changes_with_a_comment_and_the_author_hears(people, section, author, mailoutbox):
    reporter, reporter_client = people["Reporter"]
    _, editor_client = people["Editor"]
    reporter_client.post(add_url(section), article_form(author))
    page = ArticlePage.objects.get(title="Tram depot reopens after flood repairs")
    edit_url = reverse("wagtailadmin_pages:edit", args=(page.pk,))
    reporter_client.post(edit_url, article_form(author, slug=page.slug, **{"action-submit": "1"}))
    task_state = WorkflowState.objects.get(object_id=str(page.pk)).current_task_state
    mail.outbox.clear()
    reject = reverse("wagtailadmin_pages:workflow_action", args=(page.pk, "reject", task_state.pk))
    editor_client.post(reject, {"comment": "Please add the mayor's reply."})
    page.refresh_from_db()
    assert not page.live
    assert WorkflowState.objects.get(object_id=str(page.pk)).status == "needs_changes"
    to_reporter = [m for m in mail.outbox if reporter.email in m.to]
    assert to_reporter and "Please add the mayor's reply." in to_reporter[0].body


AREAS = {
    "news feed": "/admin/news-feed/post/",
    "newsletters": "/admin/snippets/newsletters/issue/",
    "users": "/admin/users/",
    "groups": "/admin/groups/",
    "newsroom settings": "/admin/settings/core/newsroomsettings/{site}/",
    "redirects": "/admin/redirects/",
    "donations": "/admin/revenue/donations/",
    "donation totals": "/admin/revenue/totals/",
    "pronunciations": "/admin/snippets/audio/pronunciationentry/",
}
ALLOWED = {
    "Contributor": set(),
    "Reporter": set(),
    "Editor": {"news feed", "newsletters", "pronunciations"},
    "Admin": {
        "news feed",
        "newsletters",
        "pronunciations",
        "users",
        "groups",
        "newsroom settings",
        "redirects",
        "donations",
        "donation totals",
    },
}


@pytest.mark.parametrize("role", ["Contributor", "Reporter", "Editor", "Admin"])
def test_each_role_reaches_exactly_its_own_parts_of_the_admin(people, role):
    _, client = people[role]
    site = Site.objects.get(is_default_site=True).pk
    reached = {area for area, url in AREAS.items() if opens(client, url.format(site=site))}
    assert reached == ALLOWED[role]


def test_an_editor_publishes_and_unpublishes_any_article_and_the_audit_log_says_who(people, section):
    editor, client = people["Editor"]
    article = ArticleFactory(parent=section, title="Flood barriers tested")
    client.post(reverse("wagtailadmin_pages:unpublish", args=(article.pk,)), {})
    article.refresh_from_db()
    assert not article.live
    assert PageLogEntry.objects.filter(page=article, action="wagtail.unpublish", user=editor).exists()
    client.post(reverse("wagtailadmin_pages:delete", args=(article.pk,)), {})
    assert not ArticlePage.objects.filter(pk=article.pk).exists()
    assert PageLogEntry.objects.filter(page_id=article.pk, action="wagtail.delete", user=editor).exists()


def test_settings_changes_are_in_the_audit_log(people):
    admin, client = people["Admin"]
    url = f"/admin/settings/core/newsroomsettings/{Site.objects.get(is_default_site=True).pk}/"
    form = client.get(url).context["form"]
    data = {name: ("" if value is None else value) for name, value in form.initial.items()}
    data["tagline"] = "Independent news from the river city"
    response = client.post(url, data)
    assert response.status_code == 302
    assert ModelLogEntry.objects.filter(action="wagtail.edit", user=admin).exists()
    assert opens(client, "/admin/reports/site-history/")
