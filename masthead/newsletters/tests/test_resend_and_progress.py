"""Copies whose fate is unknown, sent again only by an editor's explicit choice; the live progress figures."""

from datetime import timedelta

from django.contrib import messages
from django.urls import reverse
from django.utils import timezone
from lxml import html

from masthead.newsletters import sending
from masthead.newsletters.models import Delivery, Issue

from .factories import IssueFactory, SubscriberFactory


def send_url(issue: Issue) -> str:
    return reverse("newsletters_admin:send", args=[issue.pk])


def progress_url(issue: Issue) -> str:
    return reverse("newsletters_admin:progress", args=[issue.pk])


def crashed_send(daily, settings, capture, readers: int = 5, in_flight: int = 2) -> Issue:
    """An issue whose worker died holding ``in_flight`` copies; the clock then finished the rest."""
    for _ in range(readers):
        SubscriberFactory(lists=[daily])
    issue = IssueFactory(newsletter_list=daily, status=Issue.Status.SENDING)
    sending.claim_batch(issue, 0, in_flight)  # claimed by a worker that died before recording them
    later = timezone.now() + timedelta(seconds=settings.NEWSLETTER_STALE_SECONDS + 1)
    Issue.objects.filter(pk=issue.pk).update(last_progress_at=timezone.now())
    with capture(execute=True):
        assert sending.check_issues(now=later)["resumed"] == [issue.pk]
    issue.refresh_from_db()
    assert issue.status == Issue.Status.SENT
    return issue


def flash(response) -> list[str]:
    return [str(m) for m in messages.get_messages(response.wsgi_request)]


def test_the_send_page_warns_before_unknown_copies_are_sent_again(
    admin_client, daily, smtp_server, settings, django_capture_on_commit_callbacks
):
    issue = crashed_send(daily, settings, django_capture_on_commit_callbacks)
    assert len(smtp_server.messages) == 3 and issue.progress()["unknown"] == 2

    page = html.fromstring(admin_client.get(send_url(issue)).content)
    section = page.xpath("//section[h2[normalize-space()='Copies whose fate is unknown']]")[0]
    text = section.text_content()
    assert "2 copies were with the mail server when a worker stopped" in text
    assert "Readers whose first copy did arrive will receive the issue twice" in text
    [box] = section.xpath(".//input[@type='checkbox'][@name='confirm_resend']")
    assert box.get("required") is not None
    assert "Send the 2 unknown copies again" in text

    # Without ticking the box: nothing is sent, and the editor is told why.
    response = admin_client.post(send_url(issue), {"action": "resend_unknown"})
    assert response.status_code == 302
    assert "Tick the box to confirm" in flash(response)[0]
    assert issue.progress()["unknown"] == 2 and len(smtp_server.messages) == 3


def test_an_editor_sends_unknown_copies_again_and_each_goes_once_more(
    admin_client, daily, smtp_server, settings, django_capture_on_commit_callbacks
):
    issue = crashed_send(daily, settings, django_capture_on_commit_callbacks)
    unknown = list(issue.deliveries.filter(status=Delivery.Status.UNKNOWN).select_related("subscriber"))
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(send_url(issue), {"action": "resend_unknown", "confirm_resend": "yes"})
    assert flash(response) == ["2 copies will be sent again in the background."]
    issue.refresh_from_db()
    assert issue.status == Issue.Status.SENT
    progress = issue.progress()
    assert (progress["sent"], progress["unknown"], progress["resent"]) == (5, 0, 2)
    assert sorted(rcpts[0] for _s, rcpts in smtp_server.envelopes[3:]) == sorted(
        d.subscriber.email for d in unknown
    )
    # A second copy carries the Message-ID the first one had, as mail programs may drop a repeat.
    for delivery in unknown:
        [copy] = smtp_server.to(delivery.subscriber.email)
        created = int(issue.created_at.timestamp())
        assert copy["Message-ID"] == f"<newsletter.{created}.{issue.pk}.{delivery.pk}@ledger.example>"
        delivery.refresh_from_db()
        assert delivery.attempts == 2 and delivery.status == "sent"

    # Asking again finds nothing left to send.
    response = admin_client.post(send_url(issue), {"action": "resend_unknown", "confirm_resend": "yes"})
    assert flash(response)[-1] == "There are no copies whose fate is unknown."
    assert len(smtp_server.messages) == 5


def test_a_reader_who_left_meanwhile_is_not_written_to_again(
    admin_client, daily, smtp_server, settings, django_capture_on_commit_callbacks
):
    issue = crashed_send(daily, settings, django_capture_on_commit_callbacks)
    gone, stays = issue.deliveries.filter(status=Delivery.Status.UNKNOWN).select_related("subscriber")
    gone.subscriber.unsubscribe()
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(send_url(issue), {"action": "resend_unknown", "confirm_resend": "yes"})
    gone.refresh_from_db()
    stays.refresh_from_db()
    assert (gone.status, stays.status) == ("unknown", "sent")
    assert "left the list" in gone.error
    assert not smtp_server.to(gone.subscriber.email)


def test_a_paused_issue_keeps_its_resends_until_it_is_resumed(
    admin_client, daily, mailoutbox, django_capture_on_commit_callbacks
):
    SubscriberFactory(lists=[daily])
    issue = IssueFactory(newsletter_list=daily, status=Issue.Status.PAUSED)
    reader = SubscriberFactory(lists=[daily])
    Delivery.objects.create(
        issue=issue,
        subscriber=reader,
        status=Delivery.Status.UNKNOWN,
        batch="0" * 32,
        claimed_at=timezone.now(),
    )
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(send_url(issue), {"action": "resend_unknown", "confirm_resend": "yes"})
    issue.refresh_from_db()
    assert issue.status == Issue.Status.PAUSED and not mailoutbox
    assert issue.progress()["resend"] == 1
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(send_url(issue), {"action": "resume"})
    issue.refresh_from_db()
    assert issue.status == Issue.Status.SENT and len(mailoutbox) == 2


def test_a_draft_has_nothing_to_send_again(admin_client, daily):
    issue = IssueFactory(newsletter_list=daily)
    response = admin_client.post(send_url(issue), {"action": "resend_unknown", "confirm_resend": "yes"})
    assert flash(response) == ["There are no copies whose fate is unknown."]
    issue.refresh_from_db()
    assert issue.status == "draft"


def test_the_progress_endpoint_gives_the_panels_figures(admin_client, daily):
    for _ in range(4):
        SubscriberFactory(lists=[daily])
    issue = IssueFactory(newsletter_list=daily, status=Issue.Status.SENDING)
    claimed, _ = sending.claim_batch(issue, 0, 2)
    sending.record_outcomes([claimed[0][0]], [(claimed[1][0], "550 no such mailbox")], [])
    response = admin_client.get(progress_url(issue))
    assert response.status_code == 200 and "no-cache" in response["Cache-Control"]
    state = response.json()
    assert state["status"] == "sending" and state["status_text"] == "Sending" and state["live"] is True
    assert state["counts"] == {"sent": 1, "failed": 1, "to_send": 2, "unknown": 0, "resent": 0, "percent": 50}
    assert state["announcement"] == "Sending: 50% done; 1 sent, 1 failed, 2 to go."

    Issue.objects.filter(pk=issue.pk).update(status=Issue.Status.PAUSED)
    assert admin_client.get(progress_url(issue)).json()["live"] is False


def test_the_progress_endpoint_refuses_strangers_and_unknown_issues(admin_client, client, daily):
    issue = IssueFactory(newsletter_list=daily)
    assert client.get(progress_url(issue)).status_code in (302, 403)
    response = admin_client.get(reverse("newsletters_admin:progress", args=[987654]))
    assert response.status_code == 404 and response.json()["error"]


def test_the_progress_panel_loads_its_script_and_has_a_live_region(admin_client, daily):
    issue = IssueFactory(newsletter_list=daily, status=Issue.Status.SENDING)
    for url in (send_url(issue), reverse("wagtailsnippets_newsletters_issue:edit", args=[issue.pk])):
        page = html.fromstring(admin_client.get(url).content)
        [panel] = page.xpath("//*[@data-newsletter-progress]")
        assert panel.get("data-progress-url") == progress_url(issue) and panel.get("data-live") == "true"
        assert panel.xpath(".//*[@role='status'][@aria-live='polite']")
        assert panel.xpath(".//progress[@max='100']")
        # Strict CSP: the panel brings its script as a file, and no inline script or style.
        assert page.xpath("//script[contains(@src, 'newsletters/admin-progress.js')]")
        assert not panel.xpath(".//script | .//@style | .//@*[starts-with(name(), 'on')]")
