"""Unsubscribe and preferences links from emails: one click, lists, data access and deletion."""

import json

import pytest
from django.core import mail

from masthead.newsletters.emails import preferences_url, render_issue, unsubscribe_url
from masthead.newsletters.models import Subscriber
from masthead.newsletters.sending import claim_batch, record_outcomes

from .factories import IssueFactory, SubscriberFactory


def path_of(url: str) -> str:
    return url.removeprefix("http://testserver")


def test_every_issue_carries_a_plain_text_part_and_rfc_8058_headers(daily, db):
    reader = SubscriberFactory(lists=[daily])
    issue = IssueFactory(newsletter_list=daily)
    message = render_issue(issue).message_for(reader.email, reader.key).message()
    assert message["List-Unsubscribe"] == f"<{unsubscribe_url(reader, daily)}>"
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert message["List-Id"] == f"<{daily.slug}.testserver>"
    assert message["From"] == "The Korvany Ledger <daily@ledger.example>"
    assert message["Date"] and message["Message-ID"]
    plain, rich = message.get_body(("plain",)), message.get_body(("html",))
    assert unsubscribe_url(reader, daily) in plain.get_content()
    assert preferences_url(reader) in rich.get_content()
    assert "<script" not in rich.get_content() and "style=" in rich.get_content()


def test_get_on_the_unsubscribe_link_only_asks(client, daily):
    reader = SubscriberFactory(lists=[daily])
    page = client.get(path_of(unsubscribe_url(reader, daily)))
    assert page.status_code == 200 and b"Stop sending Korvany Daily" in page.content
    reader.refresh_from_db()
    assert reader.status == "confirmed"


def test_one_click_leaves_only_the_list_the_email_came_from(client, daily, weekly):
    reader = SubscriberFactory(lists=[daily, weekly])
    response = client.post(
        path_of(unsubscribe_url(reader, daily)),
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    reader.refresh_from_db()
    assert reader.status == "confirmed"
    assert list(reader.subscriptions.values_list("newsletter_list", flat=True)) == [weekly.pk]
    client.post(path_of(unsubscribe_url(reader, weekly)))
    reader.refresh_from_db()
    assert reader.status == "unsubscribed" and reader.unsubscribed_at


@pytest.mark.parametrize("page", ["unsubscribe", "preferences"])
def test_tampered_links_are_refused_and_change_nothing(client, daily, page):
    reader = SubscriberFactory(lists=[daily])
    good = path_of(unsubscribe_url(reader, daily) if page == "unsubscribe" else preferences_url(reader))
    token = good.split("/")[3]
    key, signature = token.split(":")
    for bad in (
        f"{key}:{signature[:-2]}xx",
        f"{key[:-1]}A:{signature}",
        f"{key}.999:{signature}",
        "nothing",
        "a" * 600,
    ):
        for method in (client.get, client.post):
            response = method(f"/newsletters/{page}/{bad}/", {"action": "delete", "confirm_delete": "yes"})
            assert response.status_code == 400, (bad, method)
            assert b"This link is not valid" in response.content
    reader.refresh_from_db()
    assert reader.status == "confirmed" and reader.subscriptions.count() == 1


def test_preferences_change_lists_and_leave_all(client, daily, weekly):
    reader = SubscriberFactory(lists=[daily])
    url = path_of(preferences_url(reader))
    page = client.get(url)
    assert page.status_code == 200 and "no-store" in page["Cache-Control"]
    assert client.post(url, {"action": "save", "lists": [weekly.pk]}).status_code == 200
    assert list(reader.subscriptions.values_list("newsletter_list", flat=True)) == [weekly.pk]
    assert client.post(url, {"action": "save", "lists": ["12345"]}).status_code == 400
    assert list(reader.subscriptions.values_list("newsletter_list", flat=True)) == [weekly.pk]
    assert client.post(url, {"action": "leave"}).status_code == 200
    reader.refresh_from_db()
    assert reader.status == "unsubscribed" and not reader.subscriptions.exists()
    # Coming back through one's own link needs no new confirmation: the link proves the address.
    client.post(url, {"action": "save", "lists": [daily.pk]})
    reader.refresh_from_db()
    assert reader.status == "confirmed"


def test_reader_downloads_their_data(client, daily):
    reader = SubscriberFactory(email="olena@example.org", first_name="Olena", lists=[daily])
    issue = IssueFactory(newsletter_list=daily, status="sending")
    claimed, _ = claim_batch(issue, 0, 10)
    record_outcomes([claimed[0][0]], [], [])
    response = client.post(path_of(preferences_url(reader)), {"action": "export"})
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    data = json.loads(response.content)
    assert data["email"] == "olena@example.org" and data["first_name"] == "Olena"
    assert data["newsletters"][0]["name"] == "Korvany Daily"
    assert data["issues_received"][0]["subject"] == issue.subject


def test_reader_deletes_their_data_only_when_they_confirm(client, daily):
    reader = SubscriberFactory(lists=[daily])
    url = path_of(preferences_url(reader))
    response = client.post(url, {"action": "delete"})
    assert response.status_code == 400 and Subscriber.objects.filter(pk=reader.pk).exists()
    response = client.post(url, {"action": "delete", "confirm_delete": "yes"})
    assert response.status_code == 200 and b"Your data is deleted" in response.content
    assert not Subscriber.objects.exists()
    assert client.get(url).status_code == 400  # the old link no longer opens anything
    assert not mail.outbox


def test_unknown_preferences_action_changes_nothing(client, daily):
    reader = SubscriberFactory(lists=[daily])
    assert client.post(path_of(preferences_url(reader)), {"action": "explode"}).status_code == 400
    assert reader.subscriptions.count() == 1
