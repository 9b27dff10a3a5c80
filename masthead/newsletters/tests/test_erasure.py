"""“Delete my data” leaves only a keyed hash, so the address is not silently added again."""

import re

from django.core import mail
from django.urls import reverse
from lxml import html
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from masthead.newsletters.emails import preferences_url
from masthead.newsletters.models import ErasedAddress, Subscriber

from .factories import SubscriberFactory
from .test_import_export import report_text, upload
from .test_links_in_emails import path_of


def erase(client, subscriber: Subscriber) -> None:
    response = client.post(
        path_of(preferences_url(subscriber)), {"action": "delete", "confirm_delete": "yes"}
    )
    assert response.status_code == 200 and b"Your data is deleted" in response.content


def test_deleting_my_data_keeps_only_a_keyed_hash_of_the_address(client, daily):
    reader = SubscriberFactory(email="olena@example.org", first_name="Olena", lists=[daily])
    erase(client, reader)
    assert not Subscriber.objects.exists()
    [record] = ErasedAddress.objects.all()
    assert re.fullmatch(r"[0-9a-f]{64}", record.digest) and "olena" not in record.digest
    assert ErasedAddress.objects.contains_address(" Olena@Example.org ")
    assert not ErasedAddress.objects.contains_address("petro@example.org")


def test_an_import_reports_erased_addresses_and_leaves_them_out(admin_client, client, daily):
    erase(client, SubscriberFactory(email="olena@example.org", lists=[daily]))
    content = "email\nOLENA@example.org\npetro@example.org\n"

    response = upload(admin_client, content, [daily], dry_run=True)
    text = report_text(response)
    assert "1 new subscribers would be added" in text
    assert "asked us to delete their data" in text and "Line 2: olena@example.org" in text

    response = upload(admin_client, content, [daily], dry_run=False)
    assert response.status_code == 200 and "Line 2: olena@example.org" in report_text(response)
    assert list(Subscriber.objects.values_list("email", flat=True)) == ["petro@example.org"]


def test_an_editor_cannot_add_an_erased_address(admin_client, client, daily):
    erase(client, SubscriberFactory(email="olena@example.org", lists=[daily]))
    data = nested_form_data(
        {
            "email": "Olena@example.org",
            "first_name": "",
            "last_name": "",
            "status": "confirmed",
            "subscriptions": inline_formset([{"newsletter_list": daily.pk}]),
        }
    )
    response = admin_client.post(reverse("wagtailsnippets_newsletters_subscriber:add"), data)
    assert response.status_code == 200
    text = html.fromstring(response.content).text_content()
    assert "asked us to delete their data. Only they can subscribe it again" in text
    assert not Subscriber.objects.exists()


def test_the_reader_may_sign_up_again_themself_which_lifts_the_record(admin_client, client, daily):
    erase(client, SubscriberFactory(email="olena@example.org", lists=[daily]))
    client.post("/newsletters/subscribe/", {"email": "olena@example.org", "lists": [daily.pk]})
    [confirmation] = mail.outbox
    # Waiting for the owner's click, the address is still off limits to editors.
    pending = Subscriber.objects.get()
    edit = reverse("wagtailsnippets_newsletters_subscriber:edit", args=[pending.pk])
    data = nested_form_data(
        {
            "email": pending.email,
            "first_name": "",
            "last_name": "",
            "status": "confirmed",
            "subscriptions": inline_formset(
                [{"id": s.pk, "newsletter_list": daily.pk} for s in pending.subscriptions.all()], initial=1
            ),
        }
    )
    response = admin_client.post(edit, data)
    assert response.status_code == 200 and b"Only they can subscribe it again" in response.content
    assert upload(admin_client, "email\nolena@example.org\n", [daily], dry_run=False).status_code == 200
    pending.refresh_from_db()
    assert pending.status == "pending"

    confirm = re.search(r"http://testserver(/newsletters/confirm/\S+/)", confirmation.body).group(1)
    assert client.post(confirm).status_code == 200
    assert Subscriber.objects.get().status == "confirmed"
    assert not ErasedAddress.objects.exists()


def test_a_rotated_secret_key_still_finds_the_record(client, daily, settings):
    erase(client, SubscriberFactory(email="olena@example.org", lists=[daily]))
    settings.SECRET_KEY_FALLBACKS = [settings.SECRET_KEY]
    settings.SECRET_KEY = "a-new-secret-key-" + "x" * 40
    assert ErasedAddress.objects.contains_address("olena@example.org")
    assert ErasedAddress.objects.among(["olena@example.org", "petro@example.org"]) == {"olena@example.org"}
