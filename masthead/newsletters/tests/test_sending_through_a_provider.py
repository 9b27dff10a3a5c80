"""Sending through an email provider (django-anymail) instead of SMTP: same headers, refusals recorded."""

from anymail.backends.test import EmailBackend as AnymailTestBackend
from anymail.message import AnymailRecipientStatus
from django.core import mail

from masthead.newsletters import sending
from masthead.newsletters.models import Issue

from .factories import IssueFactory, SubscriberFactory

REFUSED = "refused@example.org"


class ProviderRefusingOneAddress(AnymailTestBackend):
    """Anymail's own test provider, answering "rejected" for one address as a real provider's API would."""

    def post_to_esp(self, payload, message):
        response = super().post_to_esp(payload, message)
        if REFUSED in payload.recipient_emails:
            response["recipient_status"][REFUSED] = AnymailRecipientStatus(message_id=None, status="rejected")
        return response


def test_a_digest_goes_out_through_a_provider_and_a_refused_reader_is_recorded_as_failed(
    daily, settings, django_capture_on_commit_callbacks
):
    settings.MAILERS = {"default": {"BACKEND": f"{__name__}.ProviderRefusingOneAddress"}}
    readers = [SubscriberFactory(lists=[daily]) for _ in range(3)]
    SubscriberFactory(lists=[daily], email=REFUSED)
    issue = IssueFactory(newsletter_list=daily)
    with django_capture_on_commit_callbacks(execute=True):
        assert sending.start_sending(issue)

    issue.refresh_from_db()
    assert issue.status == Issue.Status.SENT
    progress = issue.progress()
    assert (progress["sent"], progress["failed"], progress["unknown"]) == (3, 1, 0)
    assert "rejected" in issue.deliveries.get(subscriber__email=REFUSED).error.lower()
    sent = {m.to[0]: m for m in mail.outbox}
    assert set(sent) == {r.email for r in readers} | {REFUSED}  # the provider was asked for each once
    message = sent[readers[0].email].message()
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert "/newsletters/unsubscribe/" in message["List-Unsubscribe"]
    assert message["Message-ID"] and message["Date"]
    assert [part.get_content_type() for part in message.walk()][1:] == ["text/plain", "text/html"]
