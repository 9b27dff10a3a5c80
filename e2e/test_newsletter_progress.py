"""An editor watches an issue send: the progress panel refreshes itself, in headless Chromium."""

import re

from django.contrib.auth import get_user_model
from django.utils import timezone
from playwright.sync_api import expect

from masthead.newsletters import sending
from masthead.newsletters.models import Issue, NewsletterList, Subscriber, Subscription


def test_the_progress_panel_follows_the_send_without_a_reload(page, live_server, transactional_db):
    get_user_model().objects.create_superuser("editor", "editor@example.org", "a-long-test-password")
    daily = NewsletterList.objects.create(
        name="Korvany Daily", slug="daily", sender_name="The Ledger", sender_email="daily@ledger.example"
    )
    for n in range(4):
        reader = Subscriber.objects.create(email=f"reader{n}@example.org", status="confirmed")
        Subscription.objects.create(subscriber=reader, newsletter_list=daily)
    now = timezone.now()
    issue = Issue.objects.create(
        newsletter_list=daily, subject="Morning digest", status="sending", sending_started_at=now
    )

    page.goto(live_server.url + "/admin/login/")
    page.fill("#id_username", "editor")
    page.fill("#id_password", "a-long-test-password")
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(re.compile(r"/admin/$"))

    # The page loads, then its script asks for the figures once: the baseline, announced to nobody.
    progress_url = f"/admin/newsletters/issues/{issue.pk}/progress/"
    with page.expect_response(lambda response: progress_url in response.url):
        page.goto(f"{live_server.url}/admin/newsletters/issues/{issue.pk}/send/")
    panel = page.locator("[data-newsletter-progress]")
    announcer = panel.locator("[role=status]")
    expect(panel.locator('[data-count="sent"]')).to_have_text("0")
    expect(announcer).to_have_text("")

    # A worker sends two copies: the figures follow, and screen readers hear about it.
    claimed, _ = sending.claim_batch(issue, 0, 2)
    sending.record_outcomes([pk for pk, _email, _key in claimed], [], [])
    expect(panel.locator('[data-count="sent"]')).to_have_text("2")
    expect(panel.locator('[data-count="to_send"]')).to_have_text("2")
    expect(panel.locator("progress")).to_have_attribute("value", "50")
    expect(announcer).to_have_text("Sending: 50% done; 2 sent, 0 failed, 2 to go.")

    # It finishes: the status changes, the pause button goes, and the panel stops asking.
    claimed, _ = sending.claim_batch(issue, 0, 2)
    sending.record_outcomes([pk for pk, _email, _key in claimed], [], [])
    sending.finish_if_done(issue.pk)
    expect(panel.locator('[data-field="status_text"]')).to_have_text("Sent")
    expect(announcer).to_have_text("Sent: 100% done; 4 sent, 0 failed, 0 to go.")
    expect(page.get_by_role("button", name="Pause sending")).to_be_hidden()
    asked = []
    page.on("request", lambda request: asked.append(request.url) if progress_url in request.url else None)
    page.wait_for_timeout(5000)
    assert not asked
