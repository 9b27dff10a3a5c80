"""Readers sign up from the box on every page or the signup page, with double opt-in."""

import re
import time
from datetime import timedelta

import pytest
from django.core import mail, signing
from lxml import html

from masthead.articles.tests.factories import ArticleFactory
from masthead.newsletters import proof_of_work
from masthead.newsletters.models import Subscriber
from masthead.newsletters.tokens import CONFIRM_SALT, confirmation_token

from .factories import SubscriberFactory

SUBSCRIBE = "/newsletters/subscribe/"
THANKS = "sent you a confirmation email"


def tree(response):
    return html.fromstring(response.content)


def confirm_path(message) -> str:
    return re.search(r"http://testserver(/newsletters/confirm/\S+/)", message.body).group(1)


def test_the_box_is_on_every_page_without_cookies(client, daily):
    article = ArticleFactory()
    for url in ("/", article.url, "/news-feed/", "/newsletters/"):
        response = client.get(url)
        assert response.status_code == 200
        box = tree(response).xpath("//section[@data-newsletter-box]")
        assert len(box) == 1, url
        assert "* indicates required" in box[0].text_content()
        assert box[0].xpath(".//input[@name='email'][@required]")
        assert box[0].xpath(".//input[@type='checkbox'][@name='lists']/@value") == [str(daily.pk)]
        assert not response.cookies, url
        assert "public" in response["Cache-Control"], url


def test_no_box_when_no_list_is_offered(client, daily):
    daily.is_public = False
    daily.save()
    assert not tree(client.get("/")).xpath("//section[@data-newsletter-box]")


def test_a_bad_address_is_answered_next_to_the_field_without_javascript(client, daily):
    for bad in ("not-an-address", "olena@", "a" * 250 + "@example.org", ""):
        response = client.post(SUBSCRIBE, {"email": bad, "lists": [daily.pk]})
        assert response.status_code == 400
        field = tree(response).xpath("//input[@id='newsletter-email']")[0]
        assert field.get("aria-invalid") == "true"
        error = tree(response).xpath("//p[@id='newsletter-email-error']")[0].text_content()
        expected = "Please enter your email address" if not bad else "Please enter a correct email address"
        assert error == expected
    assert not Subscriber.objects.exists() and not mail.outbox


def test_a_good_address_gets_thanks_and_a_confirmation_email(client, daily, weekly):
    response = client.post(SUBSCRIBE, {"email": " Olena@Example.org ", "lists": [daily.pk, weekly.pk]})
    assert response.status_code == 200
    assert THANKS in tree(response).xpath("string(//p[@class='newsletter-box__thanks'])")
    assert not response.cookies and "no-store" in response["Cache-Control"]
    subscriber = Subscriber.objects.get()
    assert subscriber.email == "olena@example.org" and subscriber.status == "pending"
    [message] = mail.outbox
    assert message.to == ["olena@example.org"]
    assert "Korvany Daily" in message.body and "The Week" in message.body
    assert message.alternatives[0].mimetype == "text/html"

    confirm = confirm_path(message)
    page = client.get(confirm)
    assert page.status_code == 200 and "no-store" in page["Cache-Control"]
    assert page["Referrer-Policy"] == "no-referrer"
    assert client.post(confirm).status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.status == "confirmed" and subscriber.confirmed_at
    assert set(subscriber.subscriptions.values_list("newsletter_list__slug", flat=True)) == {
        daily.slug,
        weekly.slug,
    }
    assert client.post(confirm).status_code == 200  # a second click changes nothing
    assert Subscriber.objects.count() == 1


def test_a_confirmed_reader_is_welcomed_once(client, daily, weekly, django_capture_on_commit_callbacks):
    client.post(SUBSCRIBE, {"email": "olena@example.org", "lists": [daily.pk, weekly.pk]})
    confirm = confirm_path(mail.outbox[0])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(confirm)
    [_confirmation, welcome] = mail.outbox
    assert welcome.to == ["olena@example.org"] and "Welcome to" in welcome.subject
    assert "Korvany Daily" in welcome.body and "The Week" in welcome.body
    preferences = re.search(r"http://testserver(/newsletters/preferences/\S+/)", welcome.body).group(1)
    assert client.get(preferences).status_code == 200
    assert preferences in welcome.alternatives[0].content

    # A second click on the link, or signing up again, sends no second welcome (nor anything else).
    with django_capture_on_commit_callbacks(execute=True):
        client.post(confirm)
        client.post(SUBSCRIBE, {"email": "olena@example.org", "lists": [daily.pk]})
    assert len(mail.outbox) == 2


def test_the_box_answers_with_a_fragment_for_the_pages_script(client, daily):
    response = client.post(
        SUBSCRIBE, {"email": "bad", "lists": [daily.pk]}, headers={"X-Newsletter-Box": "1"}
    )
    assert response.status_code == 400
    assert response.content.lstrip().startswith(b"<section")
    assert b"Please enter a correct email address" in response.content


def test_no_list_chosen_or_an_unknown_list_is_refused(client, daily):
    assert b"Choose at least one newsletter" in client.post(SUBSCRIBE, {"email": "a@example.org"}).content
    for bad in ("999999", "x", "-1"):
        response = client.post(SUBSCRIBE, {"email": "a@example.org", "lists": [bad]})
        assert response.status_code == 400
        assert b"Choose from the newsletters offered" in response.content
    daily.is_public = False
    daily.save()
    assert client.post(SUBSCRIBE, {"email": "a@example.org", "lists": [daily.pk]}).status_code == 400
    assert not Subscriber.objects.exists() and not mail.outbox


def test_signing_up_again_is_harmless_and_looks_the_same(client, daily, weekly):
    SubscriberFactory(email="known@example.org", lists=[daily])
    first = client.post(SUBSCRIBE, {"email": "known@example.org", "lists": [daily.pk]})
    unknown = client.post(SUBSCRIBE, {"email": "new@example.org", "lists": [daily.pk]})
    assert first.status_code == unknown.status_code == 200
    assert first.content == unknown.content  # nothing tells an attacker which address is known
    assert [m.to for m in mail.outbox] == [["new@example.org"]]  # no second welcome
    assert Subscriber.objects.filter(email="known@example.org").count() == 1

    # A confirmed reader asking for another list must confirm that too.
    client.post(SUBSCRIBE, {"email": "known@example.org", "lists": [daily.pk, weekly.pk]})
    assert mail.outbox[-1].to == ["known@example.org"] and "The Week" in mail.outbox[-1].body
    known = Subscriber.objects.get(email="known@example.org")
    assert list(known.subscriptions.values_list("newsletter_list", flat=True)) == [daily.pk]
    client.post(confirm_path(mail.outbox[-1]))
    assert known.subscriptions.count() == 2


def test_confirmation_emails_to_one_address_are_capped(client, daily, settings):
    settings.NEWSLETTER_SIGNUPS_PER_ADDRESS = (100, 3600)
    for _ in range(6):
        assert client.post(SUBSCRIBE, {"email": "victim@example.org", "lists": [daily.pk]}).status_code == 200
    assert len(mail.outbox) == settings.NEWSLETTER_CONFIRMATIONS_PER_ADDRESS == 3
    assert Subscriber.objects.get().confirmation_emails_sent == 3


def test_per_address_limit_answers_the_same_but_sends_nothing(client, daily, settings):
    settings.NEWSLETTER_SIGNUPS_PER_ADDRESS = (1, 3600)
    client.post(SUBSCRIBE, {"email": "a@example.org", "lists": [daily.pk]})
    response = client.post(SUBSCRIBE, {"email": "A@example.org", "lists": [daily.pk]})
    assert response.status_code == 200 and THANKS.encode() in response.content
    assert len(mail.outbox) == 1


def test_too_many_signups_from_one_network_are_refused(client, daily, settings):
    settings.NEWSLETTER_SIGNUPS_PER_IP = (3, 3600)
    for n in range(3):
        assert client.post(SUBSCRIBE, {"email": f"r{n}@example.org", "lists": [daily.pk]}).status_code == 200
    response = client.post(SUBSCRIBE, {"email": "r9@example.org", "lists": [daily.pk]})
    assert response.status_code == 429 and b"too many sign-ups" in response.content
    assert not Subscriber.objects.filter(email="r9@example.org").exists()
    # Another IPv6 address in the same /64 counts as the same network.
    v6 = {"REMOTE_ADDR": "2001:db8:1:2::1"}
    settings.NEWSLETTER_SIGNUPS_PER_IP = (1, 3600)
    assert client.post(SUBSCRIBE, {"email": "x@example.org", "lists": [daily.pk]}, **v6).status_code == 200
    other = {"REMOTE_ADDR": "2001:db8:1:2::ff"}
    assert client.post(SUBSCRIBE, {"email": "y@example.org", "lists": [daily.pk]}, **other).status_code == 429


def test_the_honeypot_pretends_and_does_nothing(client, daily):
    response = client.post(
        SUBSCRIBE, {"email": "bot@example.org", "lists": [daily.pk], "homepage_url": "http://spam.example"}
    )
    assert response.status_code == 200 and THANKS.encode() in response.content
    assert not Subscriber.objects.exists() and not mail.outbox


@pytest.mark.parametrize(
    "headers",
    [{"Origin": "https://evil.example"}, {"Referer": "https://evil.example/page"}, {"Origin": "null"}],
)
def test_posts_from_another_site_are_refused(client, daily, headers):
    response = client.post(SUBSCRIBE, {"email": "a@example.org", "lists": [daily.pk]}, headers=headers)
    assert response.status_code == 403
    assert not Subscriber.objects.exists()


def test_posts_from_the_site_itself_are_accepted(client, daily):
    response = client.post(
        SUBSCRIBE, {"email": "a@example.org", "lists": [daily.pk]}, headers={"Origin": "http://testserver"}
    )
    assert response.status_code == 200 and Subscriber.objects.exists()


def test_tampered_truncated_or_expired_confirmation_links_change_nothing(client, daily, settings):
    client.post(SUBSCRIBE, {"email": "a@example.org", "lists": [daily.pk]})
    good = confirm_path(mail.outbox[0])
    token = good.split("/")[3]
    expired_token = signing.TimestampSigner(salt=CONFIRM_SALT)
    old = expired_token.sign_object({"e": "a@example.org", "l": [daily.pk]})
    settings.NEWSLETTER_CONFIRMATION_MAX_AGE = 0
    time.sleep(1.1)
    response = client.post(f"/newsletters/confirm/{old}/")
    assert response.status_code == 400 and b"expired" in response.content
    settings.NEWSLETTER_CONFIRMATION_MAX_AGE = 3600
    other = confirmation_token("someone@example.org", [daily.pk]).split(":")
    for bad in (token[:-3] + "abc", token[:20], "x" * 600, token.split(":")[0] + ":" + other[-1], "%00"):
        response = client.post(f"/newsletters/confirm/{bad}/")
        assert response.status_code == 400, bad
        assert b"not valid" in response.content, bad
    assert Subscriber.objects.get().status == "pending"


def test_confirmation_for_a_deleted_address_does_not_recreate_it(client, daily):
    client.post(SUBSCRIBE, {"email": "a@example.org", "lists": [daily.pk]})
    path = confirm_path(mail.outbox[0])
    Subscriber.objects.all().delete()
    assert client.post(path).status_code == 400
    assert not Subscriber.objects.exists()


def test_suppressed_addresses_get_no_confirmation(client, daily):
    SubscriberFactory(email="bounced@example.org", status="suppressed")
    response = client.post(SUBSCRIBE, {"email": "bounced@example.org", "lists": [daily.pk]})
    assert response.status_code == 200 and THANKS.encode() in response.content
    assert not mail.outbox


def test_proof_of_work_when_switched_on(client, daily, settings):
    assert client.get("/newsletters/challenge/").status_code == 404
    settings.NEWSLETTER_PROOF_OF_WORK = True
    settings.NEWSLETTER_PROOF_OF_WORK_MAX_NUMBER = 2000
    page = tree(client.get("/newsletters/"))
    assert page.xpath("//form[@data-challenge-url='/newsletters/challenge/']")

    response = client.post(SUBSCRIBE, {"email": "a@example.org", "lists": [daily.pk]})
    assert response.status_code == 400 and b"anti-spam check" in response.content

    challenge = client.get("/newsletters/challenge/").json()
    assert set(challenge) == {"algorithm", "challenge", "maxnumber", "salt", "signature"}
    solution = proof_of_work.solve(challenge)
    data = {"email": "a@example.org", "lists": [daily.pk], "altcha": solution}
    assert client.post(SUBSCRIBE, data).status_code == 200
    assert Subscriber.objects.count() == 1
    # A solved challenge is good once.
    data["email"] = "b@example.org"
    assert client.post(SUBSCRIBE, data).status_code == 400


def test_forged_or_expired_proofs_of_work_are_refused(db, settings):
    settings.NEWSLETTER_PROOF_OF_WORK_MAX_NUMBER = 500
    challenge = proof_of_work.create_challenge()
    forged = dict(challenge, signature="0" * 64)
    assert not proof_of_work.verify_solution(proof_of_work.solve(forged))
    old = proof_of_work.create_challenge(now=time.time() - settings.NEWSLETTER_PROOF_OF_WORK_SECONDS - 5)
    assert not proof_of_work.verify_solution(proof_of_work.solve(old))
    for junk in ("", "not base64!", "bm90IGpzb24=", "e30=", "x" * 3000):
        assert not proof_of_work.verify_solution(junk)
    assert proof_of_work.verify_solution(proof_of_work.solve(challenge))


def test_over_long_fields_are_refused(client, daily):
    response = client.post(SUBSCRIBE, {"email": "a@example.org", "lists": [daily.pk], "altcha": "x" * 5000})
    assert response.status_code == 400
    assert not Subscriber.objects.exists()


def test_get_on_the_subscribe_address_shows_the_signup_page(client, daily):
    assert client.get(SUBSCRIBE).status_code == 200
    assert client.put(SUBSCRIBE).status_code == 405


def test_next_slot_follows_the_newsroom_clock(daily, weekly):
    from datetime import UTC, datetime
    from zoneinfo import ZoneInfo

    kyiv = ZoneInfo("Europe/Kyiv")
    # 05:30 UTC on 29 March 2026 is 08:30 in Kyiv (summer time began that night).
    after = datetime(2026, 3, 29, 5, 30, tzinfo=UTC)
    assert daily.next_slot(after, kyiv) == datetime(2026, 3, 30, 7, 0, tzinfo=kyiv)
    assert daily.next_slot(after, kyiv).utcoffset() == timedelta(hours=3)
    assert weekly.next_slot(after, kyiv) == datetime(2026, 4, 4, 7, 0, tzinfo=kyiv)  # a Saturday
    daily.schedule = "manual"
    assert daily.next_slot(after, kyiv) is None
