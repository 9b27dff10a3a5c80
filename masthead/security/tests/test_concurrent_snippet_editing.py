"""Two editors on one News Feed item, newsletter issue, list or pronunciation: a stale copy is refused."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse
from lxml import html

from masthead.audio.models import PronunciationEntry
from masthead.newsfeed.models import FeedEvent, NewsItem
from masthead.newsletters.models import Issue, NewsletterList
from masthead.newsletters.tests.factories import IssueFactory, NewsletterListFactory


@dataclass
class Snippet:
    """How to make one kind of item, where it is edited and which text field the editors change."""

    model: type
    url_name: str
    field: str
    make: Callable

    def edit_url(self, item) -> str:
        return reverse(f"wagtailsnippets_{self.url_name}:edit", args=[item.pk])

    def add_url(self) -> str:
        return reverse(f"wagtailsnippets_{self.url_name}:add")

    def stored(self, item) -> str:
        return getattr(self.model.objects.get(pk=item.pk), self.field)


SNIPPETS = {
    "news item": Snippet(
        NewsItem,
        "newsfeed_newsitem",
        "text",
        lambda: NewsItem.objects.create(text="Flood warning for the river districts."),
    ),
    "newsletter issue": Snippet(
        Issue, "newsletters_issue", "subject", lambda: IssueFactory(subject="Korvany Daily, Friday")
    ),
    "newsletter": Snippet(
        NewsletterList, "newsletters_newsletterlist", "name", lambda: NewsletterListFactory(name="The Week")
    ),
    "pronunciation": Snippet(
        PronunciationEntry,
        "audio_pronunciationentry",
        "spoken",
        lambda: PronunciationEntry.objects.create(written="Lviv", spoken="lvif"),
    ),
}


@pytest.fixture(params=SNIPPETS.values(), ids=SNIPPETS.keys())
def snippet(request) -> Snippet:
    return request.param


@pytest.fixture
def editors(db, django_user_model) -> list[Client]:
    clients = []
    for name in ("oksana", "bohdan"):
        user = django_user_model.objects.create_user(name, f"{name}@example.org", "a-long-test-password")
        user.groups.add(Group.objects.get(name="Editor"))
        client = Client()
        client.force_login(user)
        clients.append(client)
    return clients


def form_values(response) -> dict:
    """What a browser would submit from the edit form in this page."""
    return dict(html.fromstring(response.content).get_element_by_id("w-editor-form").form_values())


def open_editor(client, url: str) -> dict:
    response = client.get(url)
    assert response.status_code == 200
    return form_values(response)


def test_a_stale_save_is_refused_naming_who_saved_and_a_second_save_overwrites(editors, snippet):
    oksana, bohdan = editors
    item = snippet.make()
    url = snippet.edit_url(item)
    mine, theirs = open_editor(oksana, url), open_editor(bohdan, url)

    assert bohdan.post(url, {**theirs, snippet.field: "Bohdan's wording"}).status_code == 302
    saved = snippet.model.objects.get(pk=item.pk)
    assert saved.updated_by.username == "bohdan"
    events = FeedEvent.objects.count()

    # Oksana saves the copy she opened before Bohdan saved.
    refused = oksana.post(url, {**mine, snippet.field: "Oksana's wording"})
    assert refused.status_code == 200  # the form again, not a redirect
    text = html.fromstring(refused.content).text_content()
    assert "bohdan saved a newer version of this item at" in text
    assert "after you opened it. Nothing was saved" in text
    assert snippet.stored(item) == "Bohdan's wording"
    assert snippet.model.objects.get(pk=item.pk).updated_at == saved.updated_at
    assert FeedEvent.objects.count() == events  # readers heard of nothing
    again = form_values(refused)
    assert again[snippet.field].strip() == "Oksana's wording"  # her input is kept
    assert again["loaded_updated_at"] == saved.updated_at.isoformat()  # now opened at Bohdan's version

    # Saving that form once more is a deliberate overwrite.
    assert oksana.post(url, again).status_code == 302
    assert snippet.stored(item) == "Oksana's wording"
    assert snippet.model.objects.get(pk=item.pk).updated_by.username == "oksana"


def test_a_reloaded_form_saves_on_the_newer_version(editors, snippet):
    oksana, bohdan = editors
    item = snippet.make()
    url = snippet.edit_url(item)
    mine = open_editor(oksana, url)
    bohdan.post(url, {**open_editor(bohdan, url), snippet.field: "Bohdan's wording"})
    assert oksana.post(url, {**mine, snippet.field: "Oksana's wording"}).status_code == 200

    fresh = open_editor(oksana, url)
    assert fresh[snippet.field].strip() == "Bohdan's wording"
    assert oksana.post(url, {**fresh, snippet.field: "Bohdan's wording, checked"}).status_code == 302
    assert snippet.stored(item) == "Bohdan's wording, checked"


@pytest.mark.parametrize(
    "opened_at", ["", "yesterday", "2026-13-45T99:00:00", "2026-12-04T10:00:00", "0" * 5000]
)
def test_a_malformed_or_foreign_opening_time_is_treated_as_stale(editors, snippet, opened_at):
    """Not a time, an impossible one, one without a zone, not the stored one: refused, never a 500."""
    oksana, _bohdan = editors
    item = snippet.make()
    url = snippet.edit_url(item)
    values = {**open_editor(oksana, url), snippet.field: "Oksana's wording", "loaded_updated_at": opened_at}
    refused = oksana.post(url, values)
    assert refused.status_code == 200
    assert "Nothing was saved" in refused.content.decode()
    assert snippet.stored(item) != "Oksana's wording"
    assert oksana.post(url, form_values(refused)).status_code == 302
    assert snippet.stored(item) == "Oksana's wording"


def test_a_form_opened_before_the_check_existed_is_saved_unchecked(editors, snippet):
    oksana, bohdan = editors
    item = snippet.make()
    url = snippet.edit_url(item)
    old_form = open_editor(oksana, url)
    del old_form["loaded_updated_at"]
    bohdan.post(url, {**open_editor(bohdan, url), snippet.field: "Bohdan's wording"})
    assert oksana.post(url, {**old_form, snippet.field: "Oksana's wording"}).status_code == 302
    assert snippet.stored(item) == "Oksana's wording"


@pytest.mark.parametrize("opened_at", ["", "not a time"])
def test_creating_an_item_is_never_refused_and_records_who(editors, snippet, opened_at):
    """A new item has no stored version to be stale against, whatever the hidden field says."""
    oksana, _bohdan = editors
    assert not open_editor(oksana, snippet.add_url()).get("loaded_updated_at")
    values = open_editor(oksana, snippet.edit_url(snippet.make()))  # a valid item's fields
    values.update({snippet.field: "A new one", "loaded_updated_at": opened_at})
    if "slug" in values:
        values["slug"] = "a-new-one"
    if "written" in values:  # a pronunciation's word is unique
        values["written"] = "Odesa"
    assert oksana.post(snippet.add_url(), values).status_code == 302
    assert snippet.model.objects.get(**{snippet.field: "A new one"}).updated_by.username == "oksana"


def test_an_up_to_date_copy_saved_twice_in_a_row_is_never_refused(editors, snippet):
    oksana, _bohdan = editors
    item = snippet.make()
    url = snippet.edit_url(item)
    for wording in ("First wording", "Second wording"):
        assert oksana.post(url, {**open_editor(oksana, url), snippet.field: wording}).status_code == 302
    assert snippet.stored(item) == "Second wording"


def test_a_stale_copy_from_my_other_window_is_refused_too(editors):
    oksana, _bohdan = editors
    snippet = SNIPPETS["news item"]
    item = snippet.make()
    url = snippet.edit_url(item)
    first, second = open_editor(oksana, url), open_editor(oksana, url)
    assert oksana.post(url, {**first, "text": "Window one"}).status_code == 302
    response = oksana.post(url, {**second, "text": "Window two"})
    assert response.status_code == 200
    assert "You saved a newer version of this item in another window" in response.content.decode()
    assert snippet.stored(item) == "Window one"


def test_a_save_by_someone_unknown_is_named_as_someone(editors):
    """An item saved outside the admin (or before who saved was recorded) has no editor to name."""
    oksana, _bohdan = editors
    item = SNIPPETS["news item"].make()
    url = SNIPPETS["news item"].edit_url(item)
    mine = open_editor(oksana, url)
    item.posted_at -= timedelta(minutes=1)
    item.save()
    response = oksana.post(url, {**mine, "text": "Oksana's wording"})
    assert "Someone saved a newer version of this item at" in response.content.decode()
