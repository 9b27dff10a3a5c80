"""Subscribers in and out as CSV: a Mailchimp audience export, bad rows, and the export."""

import csv
import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from lxml import html

from masthead.newsletters.models import Subscriber, Subscription

from .factories import SubscriberFactory

IMPORT = reverse("newsletters_admin:import")
MAILCHIMP_HEADER = (
    '"Email Address","First Name","Last Name","Address","Phone Number","MEMBER_RATING","OPTIN_TIME",'
    '"OPTIN_IP","CONFIRM_TIME","CONFIRM_IP","LATITUDE","LONGITUDE","GMTOFF","DSTOFF","TIMEZONE","CC",'
    '"REGION","LAST_CHANGED","LEID","EUID","NOTES","TAGS"'
)


def mailchimp_row(email: str, first: str = "", last: str = "") -> str:
    return f'"{email}","{first}","{last}","","","2","2025-01-05 10:00:00","","2025-01-05 10:01:00",' + (
        '"","","","","","","","","2025-06-01 09:00:00","123","abc","",""'
    )


def upload(admin_client, content: str | bytes, lists, dry_run: bool):
    data = content.encode() if isinstance(content, str) else content
    form = {"file": SimpleUploadedFile("audience.csv", data, "text/csv"), "lists": [nl.pk for nl in lists]}
    if dry_run:
        form["dry_run"] = "on"
    return admin_client.post(IMPORT, form)


def report_text(response) -> str:
    return html.fromstring(response.content).xpath("string(//section[@data-import-report])")


def test_mailchimp_export_dry_run_then_import(admin_client, daily):
    SubscriberFactory(email="known@example.org", status="pending")
    SubscriberFactory(email="left@example.org", status="unsubscribed")
    rows = [
        mailchimp_row("olena@example.org", "Olena", "Koval"),
        mailchimp_row("PETRO@example.org", "Petro"),
        mailchimp_row("known@example.org"),
        mailchimp_row("left@example.org"),
        mailchimp_row("olena@example.org", "Olena", "Again"),
    ]
    content = "\n".join([MAILCHIMP_HEADER, *rows]) + "\n"

    response = upload(admin_client, content, [daily], dry_run=True)
    assert response.status_code == 200
    text = report_text(response)
    assert "Dry run" in text and "2 new subscribers would be added" in text
    assert "Line 6: olena@example.org is already on line 2" in text
    assert "Line 5: left@example.org" in text
    assert Subscriber.objects.count() == 2 and not Subscription.objects.exists()

    response = upload(admin_client, content, [daily], dry_run=False)
    assert response.status_code == 200 and "Imported" in report_text(response)
    olena = Subscriber.objects.get(email="olena@example.org")
    assert (olena.first_name, olena.last_name, olena.status, olena.source) == (
        "Olena",
        "Koval",
        "confirmed",
        "import",
    )
    assert Subscriber.objects.get(email="petro@example.org").status == "confirmed"
    assert Subscriber.objects.get(email="known@example.org").status == "confirmed"
    left = Subscriber.objects.get(email="left@example.org")
    assert left.status == "unsubscribed" and not left.subscriptions.exists()
    assert Subscription.objects.filter(newsletter_list=daily).count() == 3


def test_mailchimps_unsubscribed_and_cleaned_exports_subscribe_nobody(admin_client, daily):
    """Mailchimp exports those who left in files of their own, with UNSUB_TIME or CLEAN_TIME."""
    SubscriberFactory(email="here@example.org", status="confirmed", lists=[daily])
    unsubscribed = (
        '"Email Address","First Name","Last Name","UNSUB_TIME","UNSUB_CAMPAIGN_TITLE","UNSUB_REASON"\n'
        '"gone@example.org","Ivan","","2025-03-02 08:00:00","Morning digest","No longer interested"\n'
        '"here@example.org","","","2024-01-02 08:00:00","",""\n'
    )
    cleaned = (
        '"Email Address","First Name","CLEAN_TIME","CLEAN_CAMPAIGN_TITLE"\n'
        '"dead@example.org","","2025-04-01",""\n'
    )

    response = upload(admin_client, unsubscribed, [daily], dry_run=True)
    assert "Line 2: gone@example.org" in report_text(response)
    assert "0 new subscribers would be added" in report_text(response)
    assert not Subscriber.objects.filter(email="gone@example.org").exists()

    upload(admin_client, unsubscribed, [daily], dry_run=False)
    upload(admin_client, cleaned, [daily], dry_run=False)
    gone = Subscriber.objects.get(email="gone@example.org")
    assert gone.status == "unsubscribed" and not gone.subscriptions.exists()
    dead = Subscriber.objects.get(email="dead@example.org")
    assert dead.status == "suppressed" and not dead.subscriptions.exists()
    # Someone who signed up here again since leaving Mailchimp stays as they are.
    assert Subscriber.objects.get(email="here@example.org").status == "confirmed"

    # An older export that still lists them as subscribed cannot bring them back.
    upload(
        admin_client, "\n".join([MAILCHIMP_HEADER, mailchimp_row("gone@example.org")]) + "\n", [daily], False
    )
    gone.refresh_from_db()
    assert gone.status == "unsubscribed" and not gone.subscriptions.exists()


def test_bad_rows_are_reported_and_nothing_is_imported(admin_client, daily):
    content = "\n".join(
        [
            "email,first_name",
            "good@example.org,Good",
            "not-an-address,Bad",
            ",Missing",
            "x" * 250 + "@example.org,Long",
            "extra@example.org,Too,many,fields",
            "name@example.org," + "n" * 101,
        ]
    )
    response = upload(admin_client, content, [daily], dry_run=False)
    assert response.status_code == 400
    text = report_text(response)
    assert "Nothing was imported" in text
    for line, words in [
        (3, "is not a correct email address"),
        (4, "missing"),
        (5, "longer than 254"),
        (6, "more fields than the header"),
        (7, "longer than 100"),
    ]:
        assert f"Line {line}:" in text and words in text, (line, words)
    assert not Subscriber.objects.exists()


def test_files_that_are_not_csv_subscribers_are_refused(admin_client, daily):
    for content, message in [
        ("\xff\xfe garbage".encode("latin-1"), "not UTF-8"),
        (b"", "empty"),
        (b"name,phone\nOlena,123\n", "No email column"),
        (b"email\n\n\n", "no subscribers"),
    ]:
        response = upload(admin_client, content, [daily], dry_run=False)
        assert response.status_code == 400
        assert message in response.content.decode(), message
    assert not Subscriber.objects.exists()


def test_import_needs_a_list(admin_client, daily):
    response = admin_client.post(
        IMPORT, {"file": SimpleUploadedFile("a.csv", b"email\na@example.org\n"), "lists": ["999"]}
    )
    assert response.status_code == 400 and not Subscriber.objects.exists()


def test_semicolon_separated_files_are_read(admin_client, daily):
    response = upload(admin_client, "Email;First Name\nolena@example.org;Olena\n", [daily], dry_run=False)
    assert response.status_code == 200
    assert Subscriber.objects.get().first_name == "Olena"


def test_export_is_a_csv_a_spreadsheet_cannot_run(admin_client, daily, weekly):
    SubscriberFactory(email="olena@example.org", first_name="=HYPERLINK(1)", lists=[daily, weekly])
    SubscriberFactory(email="petro@example.org", status="unsubscribed")
    response = admin_client.get(reverse("newsletters_admin:export"))
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[0][:3] == ["Email Address", "First Name", "Last Name"]
    by_email = {row[0]: row for row in rows[1:]}
    assert by_email["olena@example.org"][1] == "'=HYPERLINK(1)"
    assert by_email["olena@example.org"][4] == "Korvany Daily; The Week"
    filtered = admin_client.get(reverse("newsletters_admin:export"), {"status": "unsubscribed"})
    assert b"petro@example.org" in b"".join(filtered.streaming_content)
    by_list = admin_client.get(
        reverse("newsletters_admin:export"), {"subscriptions__newsletter_list": weekly.pk}
    )
    body = b"".join(by_list.streaming_content)
    assert b"olena@example.org" in body and b"petro@example.org" not in body
