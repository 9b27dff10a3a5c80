"""Partner and advertising inquiries: stored, emailed to the configured address, guarded against spam."""

import pytest
from django.core import mail
from lxml import html

from masthead.newsletters import proof_of_work
from masthead.revenue.models import PartnerInquiry

GOOD = {
    "name": "Taras Melnyk",
    "email": "taras@lowlands-bakery.example",
    "organisation": "Lowlands Bakery",
    "message": "We would like to sponsor the weekend food page.",
}


@pytest.fixture
def partner_address(revenue):
    revenue.partner_email = "partners@ledger.example"
    revenue.save()
    return revenue.partner_email


def test_inquiry_is_stored_and_emailed(client, partner_address, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/support/partner/", GOOD)

    assert response.status_code == 200
    assert "Your message is with our team" in response.content.decode()
    inquiry = PartnerInquiry.objects.get()
    assert inquiry.organisation == "Lowlands Bakery" and inquiry.emailed_to == partner_address
    [message] = mail.outbox
    assert message.to == [partner_address] and message.reply_to == [GOOD["email"]]
    assert "sponsor the weekend food page" in message.body


def test_the_honeypot_gets_thanks_and_stores_nothing(client, partner_address):
    response = client.post("/support/partner/", {**GOOD, "website": "http://spam.example"})
    assert response.status_code == 200 and "Your message is with our team" in response.content.decode()
    assert not PartnerInquiry.objects.exists() and not mail.outbox


def test_bad_input_gets_messages_and_stores_nothing(client, partner_address):
    response = client.post("/support/partner/", {**GOOD, "email": "taras@", "message": ""})
    body = response.content.decode()
    assert response.status_code == 400
    assert "Please enter a correct email address." in body
    assert "Please write a few words" in body
    assert not PartnerInquiry.objects.exists()


def test_inquiries_are_limited_per_network_and_from_other_sites_refused(client, partner_address, settings):
    settings.REVENUE_INQUIRIES_PER_IP = (2, 3600)
    statuses = [client.post("/support/partner/", GOOD).status_code for _ in range(3)]
    assert statuses == [200, 200, 429]
    foreign = client.post("/support/partner/", GOOD, HTTP_ORIGIN="https://elsewhere.example")
    assert foreign.status_code == 403


def test_one_address_cannot_flood_the_inbox(client, partner_address, settings):
    settings.REVENUE_INQUIRIES_PER_ADDRESS = (1, 86400)
    client.post("/support/partner/", GOOD)
    client.post("/support/partner/", GOOD)
    assert PartnerInquiry.objects.count() == 1


def test_the_newsletter_proof_of_work_guards_the_partner_form_when_switched_on(
    client, partner_address, settings, django_capture_on_commit_callbacks
):
    page = html.fromstring(client.get("/support/partner/").content)
    assert not page.xpath("//form[@data-revenue-challenge]")  # off: no work asked of readers
    settings.NEWSLETTER_PROOF_OF_WORK = True
    settings.NEWSLETTER_PROOF_OF_WORK_MAX_NUMBER = 2000
    page = html.fromstring(client.get("/support/partner/").content)
    [form] = page.xpath("//form[@data-revenue-challenge='/newsletters/challenge/']")
    assert form.xpath(".//input[@type='hidden'][@name='altcha']")
    assert page.xpath("//script[contains(@src, 'js/revenue.js')]")

    refused = client.post("/support/partner/", GOOD)
    assert refused.status_code == 400 and "anti-spam check" in refused.content.decode()
    forged = proof_of_work.solve({**proof_of_work.create_challenge(), "signature": "0" * 64})
    assert client.post("/support/partner/", {**GOOD, "altcha": forged}).status_code == 400
    assert not PartnerInquiry.objects.exists()

    solution = proof_of_work.solve(client.get("/newsletters/challenge/").json())
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/support/partner/", {**GOOD, "altcha": solution})
    assert response.status_code == 200 and "Your message is with our team" in response.content.decode()
    assert PartnerInquiry.objects.count() == 1 and len(mail.outbox) == 1
    # A solved challenge is good for one message.
    again = client.post("/support/partner/", {**GOOD, "altcha": solution})
    assert again.status_code == 400 and PartnerInquiry.objects.count() == 1
