"""Editors in the admin: lists, subscribers, the digest composer, preview, test, schedule, send."""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from lxml import html
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from masthead.articles.tests.factories import ArticleFactory, hours_ago
from masthead.newsfeed.models import NewsItem
from masthead.newsletters import sending
from masthead.newsletters.models import Issue, IssueItem, NewsletterList, Subscriber

from .factories import IssueFactory, SubscriberFactory

ISSUE_EDIT = "wagtailsnippets_newsletters_issue:edit"


def text_of(response) -> str:
    return html.fromstring(response.content).text_content()


def test_editor_creates_a_list_with_sender_and_schedule(admin_client, db):
    response = admin_client.post(
        reverse("wagtailsnippets_newsletters_newsletterlist:add"),
        {
            "name": "Korvany Daily",
            "slug": "daily",
            "description": "The day's news at seven.",
            "sender_name": "The Ledger",
            "sender_email": "daily@ledger.example",
            "schedule": "daily",
            "send_time": "07:00",
            "weekday": "0",
            "on_schedule": "send",
            "is_public": "on",
            "sort_order": "0",
        },
    )
    assert response.status_code == 302
    created = NewsletterList.objects.get()
    assert created.from_header == "The Ledger <daily@ledger.example>"


def test_a_line_break_in_a_sender_name_or_subject_is_refused(admin_client, daily):
    """Both go into email headers, where a line break would start a header of its own."""
    response = admin_client.post(
        reverse("wagtailsnippets_newsletters_newsletterlist:add"),
        {
            "name": "Korvany Weekly",
            "slug": "weekly-2",
            "sender_name": "The Ledger\r\nBcc: everyone@example.org",
            "sender_email": "weekly@ledger.example",
            "schedule": "weekly",
            "send_time": "07:00",
            "weekday": "0",
            "on_schedule": "send",
            "sort_order": "0",
        },
    )
    assert response.status_code == 200 and "keep it on one line" in text_of(response)
    assert not NewsletterList.objects.filter(slug="weekly-2").exists()

    issue = IssueFactory(newsletter_list=daily, subject="Morning digest")
    data = edit_data(issue, [], subject="Morning\r\nBcc: everyone@example.org")
    response = admin_client.post(reverse(ISSUE_EDIT, args=[issue.pk]), data)
    assert response.status_code == 200 and "keep it on one line" in text_of(response)
    issue.refresh_from_db()
    assert issue.subject == "Morning digest"


def test_subscriber_admin_searches_and_filters_by_list_and_status(admin_client, daily, weekly):
    SubscriberFactory(email="olena@example.org", lists=[daily])
    SubscriberFactory(email="petro@example.org", lists=[weekly])
    SubscriberFactory(email="iryna@example.org", lists=[daily], status="unsubscribed")
    index = reverse("wagtailsnippets_newsletters_subscriber:list")

    def emails(**params) -> set[str]:
        page = admin_client.get(index, params)
        assert page.status_code == 200
        return {e for e in ("olena", "petro", "iryna") if f"{e}@example.org" in page.content.decode()}

    assert emails() == {"olena", "petro", "iryna"}
    assert emails(q="petro") == {"petro"}
    assert emails(status="unsubscribed") == {"iryna"}
    assert emails(subscriptions__newsletter_list=daily.pk) == {"olena", "iryna"}
    page = admin_client.get(index).content.decode()
    assert reverse("newsletters_admin:import") in page and reverse("newsletters_admin:export") in page


def test_adding_a_known_address_in_other_letters_is_refused(admin_client, daily):
    SubscriberFactory(email="olena@example.org")
    data = nested_form_data(
        {
            "email": "Olena@Example.ORG",
            "first_name": "",
            "last_name": "",
            "status": "confirmed",
            "subscriptions": inline_formset([{"newsletter_list": daily.pk}]),
        }
    )
    response = admin_client.post(reverse("wagtailsnippets_newsletters_subscriber:add"), data)
    assert response.status_code == 200
    assert Subscriber.objects.count() == 1


def test_composer_drafts_an_issue_from_the_last_day(admin_client, daily):
    fresh = ArticleFactory(title="Bridge reopens", published_at=hours_ago(3))
    ArticleFactory(title="Old news", published_at=hours_ago(30))
    NewsItem.objects.create(text="Power is back in the east.", posted_at=timezone.now() - timedelta(hours=1))
    NewsItem.objects.create(text="Bridge reopens: details.", article=fresh)  # already in as an article
    response = admin_client.post(reverse("newsletters_admin:compose"), {"newsletter_list": daily.pk})
    issue = Issue.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse(ISSUE_EDIT, args=[issue.pk])
    assert issue.status == "draft" and issue.subject.startswith("Korvany Daily — ")
    assert [str(item) for item in issue.items.order_by("sort_order")] == [
        "Bridge reopens",
        "Power is back in the east.",
    ]
    assert issue.scheduled_at > timezone.now()  # the list's next slot, proposed


def test_composer_refuses_an_unknown_list(admin_client, db):
    response = admin_client.post(reverse("newsletters_admin:compose"), {"newsletter_list": "999"})
    assert response.status_code == 400 and not Issue.objects.exists()


def edit_data(issue: Issue, items: list[dict], **fields) -> dict:
    return nested_form_data(
        {
            "newsletter_list": issue.newsletter_list_id,
            "subject": issue.subject,
            "intro": issue.intro,
            "items": inline_formset(items, initial=issue.items.count()),
            **fields,
        }
    )


def test_editor_reorders_trims_and_adds_an_intro(admin_client, daily):
    first = ArticleFactory(title="First story", published_at=hours_ago(2))
    second = ArticleFactory(title="Second story", published_at=hours_ago(1))
    issue = IssueFactory(newsletter_list=daily)
    IssueItem.objects.create(issue=issue, article=first, sort_order=0)
    IssueItem.objects.create(issue=issue, article=second, sort_order=1)
    a, b = IssueItem.objects.filter(issue=issue).order_by("sort_order")
    data = edit_data(
        issue,
        [
            {"id": a.pk, "article": first.pk, "news_item": "", "text": "", "ORDER": "2"},
            {"id": b.pk, "article": second.pk, "news_item": "", "text": "Short.", "ORDER": "1"},
        ],
        intro="Good morning from the newsroom.",
    )
    response = admin_client.post(reverse(ISSUE_EDIT, args=[issue.pk]), data)
    assert response.status_code == 302, text_of(response)[:2000]
    issue.refresh_from_db()
    assert issue.intro == "Good morning from the newsroom."
    assert [(i.heading, i.shown_text) for i in issue.items.order_by("sort_order")] == [
        ("Second story", "Short."),
        ("First story", "What happened, in one sentence."),
    ]


def test_an_item_must_be_an_article_or_a_news_item(admin_client, daily):
    issue = IssueFactory(newsletter_list=daily)
    data = edit_data(issue, [{"article": "", "news_item": "", "text": "Nothing", "ORDER": "1"}])
    response = admin_client.post(reverse(ISSUE_EDIT, args=[issue.pk]), data)
    assert response.status_code == 200 and "Choose either an article or a news feed item" in text_of(response)
    assert not issue.items.exists()


def test_a_sent_issue_can_no_longer_be_edited(admin_client, daily):
    issue = IssueFactory(newsletter_list=daily, status=Issue.Status.SENT)
    response = admin_client.post(
        reverse(ISSUE_EDIT, args=[issue.pk]), edit_data(issue, [], subject="Changed")
    )
    assert response.status_code == 200
    issue.refresh_from_db()
    assert issue.subject != "Changed"


def test_preview_shows_html_and_plain_text(admin_client, daily):
    article = ArticleFactory(title="Council meets", published_at=hours_ago(1))
    issue = IssueFactory(newsletter_list=daily, intro="Hello <readers>")
    IssueItem.objects.create(issue=issue, article=article, sort_order=0)
    page = admin_client.get(reverse("newsletters_admin:preview", args=[issue.pk, "html"]))
    assert page.status_code == 200 and "style-src 'unsafe-inline'" in page["Content-Security-Policy"]
    assert b"Council meets" in page.content and b"Hello &lt;readers&gt;" in page.content
    text = admin_client.get(reverse("newsletters_admin:preview", args=[issue.pk, "text"]))
    assert text["Content-Type"].startswith("text/plain") and "Hello <readers>" in text.content.decode()
    assert "Council meets" in text.content.decode()


def test_editor_sends_a_test_to_themself_and_nothing_is_recorded(admin_client, admin_user, daily):
    issue = IssueFactory(newsletter_list=daily)
    SubscriberFactory(lists=[daily])
    response = admin_client.post(reverse("newsletters_admin:send", args=[issue.pk]), {"action": "test"})
    assert response.status_code == 302
    [message] = mail.outbox
    assert message.to == [admin_user.email] and message.subject.startswith("[Test] ")
    assert not issue.deliveries.exists()
    issue.refresh_from_db()
    assert issue.status == "draft"


def test_schedule_must_be_in_the_future_and_is_started_by_the_clock_check(
    admin_client, daily, django_capture_on_commit_callbacks
):
    SubscriberFactory(lists=[daily])
    issue = IssueFactory(newsletter_list=daily)
    url = reverse("newsletters_admin:send", args=[issue.pk])
    past = timezone.localtime() - timedelta(hours=1)
    response = admin_client.post(url, {"action": "schedule", "when": past.strftime("%Y-%m-%dT%H:%M")})
    assert response.status_code == 400 and "Choose a time in the future" in text_of(response)
    soon = timezone.localtime() + timedelta(hours=1)
    assert (
        admin_client.post(url, {"action": "schedule", "when": soon.strftime("%Y-%m-%dT%H:%M")}).status_code
        == 302
    )
    issue.refresh_from_db()
    assert issue.status == "scheduled"

    assert sending.check_issues() == {"started": [], "resumed": []}  # not yet
    with django_capture_on_commit_callbacks(execute=True):
        assert sending.check_issues(now=issue.scheduled_at + timedelta(seconds=1))["started"] == [issue.pk]
    issue.refresh_from_db()
    assert issue.status == "sent" and len(mail.outbox) == 1


def test_progress_panel_and_pause_resume_actions(admin_client, daily, django_capture_on_commit_callbacks):
    readers = [SubscriberFactory(lists=[daily]) for _ in range(3)]
    issue = IssueFactory(newsletter_list=daily, status=Issue.Status.SENDING)
    claimed, _ = sending.claim_batch(issue, 0, 1)
    sending.record_outcomes([claimed[0][0]], [], [])
    send_url = reverse("newsletters_admin:send", args=[issue.pk])

    edit_page = html.fromstring(admin_client.get(reverse(ISSUE_EDIT, args=[issue.pk])).content)
    counts = {e.get("data-count"): e.text_content().strip() for e in edit_page.xpath("//*[@data-count]")}
    assert counts == {
        "sent": "1",
        "failed": "0",
        "to_send": "2",
        "unknown": "0",
        "resent": "0",
        "percent": "33",
    }
    assert edit_page.xpath("//*[@data-shown-if='unknown'][@hidden]")  # no unknown copies: not shown

    assert admin_client.post(send_url, {"action": "pause"}).status_code == 302
    issue.refresh_from_db()
    assert issue.status == "paused"
    assert "Resume sending" in text_of(admin_client.get(send_url))
    with django_capture_on_commit_callbacks(execute=True):
        assert admin_client.post(send_url, {"action": "resume"}).status_code == 302
    issue.refresh_from_db()
    assert issue.status == "sent"
    assert sorted(m.to[0] for m in mail.outbox) == sorted(r.email for r in readers[1:])


@pytest.mark.parametrize("action", ["resume", "unschedule", "bogus"])
def test_actions_that_do_not_fit_the_status_change_nothing(admin_client, daily, action):
    issue = IssueFactory(newsletter_list=daily)
    response = admin_client.post(reverse("newsletters_admin:send", args=[issue.pk]), {"action": action})
    assert response.status_code == 302
    issue.refresh_from_db()
    assert issue.status == "draft"


def test_newsletter_admin_needs_permission(client, django_user_model, daily):
    user = django_user_model.objects.create_user("reporter", "r@example.org", "pw-123456789")
    from django.contrib.auth.models import Permission

    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    issue = IssueFactory(newsletter_list=daily)
    for url in (
        reverse("newsletters_admin:send", args=[issue.pk]),
        reverse("newsletters_admin:export"),
        reverse("newsletters_admin:import"),
    ):
        assert client.get(url).status_code in (302, 403)


def test_an_editors_save_does_not_sign_up_again_a_reader_who_left_meanwhile(admin_client, daily):
    reader = SubscriberFactory(email="mariia@example.org", lists=[daily])
    subscription = reader.subscriptions.get()
    edit = reverse("wagtailsnippets_newsletters_subscriber:edit", args=[reader.pk])
    opened = admin_client.get(edit)  # the editor opens the form while the reader is confirmed
    assert opened.status_code == 200

    left_at = timezone.now()
    Subscriber.objects.filter(pk=reader.pk).update(
        status=Subscriber.Status.UNSUBSCRIBED, unsubscribed_at=left_at
    )

    def form(status: str) -> dict:
        return nested_form_data(
            {
                "email": reader.email,
                "first_name": "Mariia",
                "last_name": "",
                "status": status,
                "subscriptions": inline_formset(
                    [{"id": subscription.pk, "newsletter_list": daily.pk}], initial=1
                ),
            }
        )

    response = admin_client.post(edit, form("confirmed"))
    assert response.status_code == 200
    assert "This reader unsubscribed on" in text_of(response)
    assert "an editor cannot confirm them" in text_of(response)
    reader.refresh_from_db()
    assert (reader.status, reader.first_name) == (Subscriber.Status.UNSUBSCRIBED, "")

    assert admin_client.post(edit, form("unsubscribed")).status_code == 302
    reader.refresh_from_db()
    assert (reader.status, reader.first_name) == (Subscriber.Status.UNSUBSCRIBED, "Mariia")

    Subscriber.objects.filter(pk=reader.pk).update(
        status=Subscriber.Status.SUPPRESSED, suppression_reason="complaint"
    )
    response = admin_client.post(edit, form("confirmed"))
    assert response.status_code == 200
    assert "This address is suppressed (complaint)" in text_of(response)
