"""The emails of newsletters: confirmation requests and issues, in text and HTML.

An issue is rendered once per send; each recipient's copy only swaps in
their own unsubscribe and preferences links, so building a message costs a
string replacement and the MIME encoding, not a template render.
"""

from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, mailers
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from wagtail.models import Site

from masthead.core.models import NewsroomSettings

from .models import Issue, NewsletterList, Subscriber
from .tokens import confirmation_token, manage_token

UNSUBSCRIBE_PLACEHOLDER = "MASTHEAD-UNSUBSCRIBE-LINK"
PREFERENCES_PLACEHOLDER = "MASTHEAD-PREFERENCES-LINK"


def base_url() -> str:
    """The site's public address, from which links in emails start."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/")


def public_url(path: str) -> str:
    return path if path.startswith(("http://", "https://")) else base_url() + path


def unsubscribe_url(subscriber: Subscriber, newsletter_list: NewsletterList | None = None) -> str:
    token = manage_token(subscriber.key, newsletter_list.pk if newsletter_list else None)
    return public_url(reverse("newsletters:unsubscribe", args=[token]))


def preferences_url(subscriber: Subscriber) -> str:
    return public_url(reverse("newsletters:preferences", args=[manage_token(subscriber.key)]))


def default_newsroom() -> NewsroomSettings:
    return NewsroomSettings.of(Site.objects.filter(is_default_site=True).first())


def mailer():
    """A fresh connection to the configured mailer (closed by the caller)."""
    return mailers[settings.NEWSLETTER_MAILER]


def confirmation_message(subscriber: Subscriber, lists: list[NewsletterList]) -> EmailMultiAlternatives:
    """The email asking a reader to confirm their address for ``lists``."""
    newsroom = default_newsroom()
    token = confirmation_token(subscriber.email, [nl.pk for nl in lists])
    context = {
        "newsroom": newsroom,
        "lists": lists,
        "confirm_url": public_url(reverse("newsletters:confirm", args=[token])),
        "days": settings.NEWSLETTER_CONFIRMATION_MAX_AGE // 86400,
    }
    with translation.override(newsroom.language):
        subject = _("Confirm your subscription to %(newsroom)s") % {"newsroom": newsroom.name}
        text = render_to_string("newsletters/email/confirmation.txt", context)
        html = render_to_string("newsletters/email/confirmation.html", context)
    sender = lists[0].from_header if lists else settings.DEFAULT_FROM_EMAIL
    message = EmailMultiAlternatives(subject, text, sender, [subscriber.email])
    message.attach_alternative(html, "text/html")
    return message


@dataclass
class RenderedIssue:
    """An issue rendered once, ready to be addressed to each recipient."""

    issue: Issue
    subject: str
    from_header: str
    text: str
    html: str
    list_id_header: str

    def message_for(self, email: str, key: str, *, subject_prefix: str = "") -> EmailMultiAlternatives:
        """The copy for one recipient: their links, and RFC 8058 one-click unsubscribe headers."""
        unsubscribe = public_url(
            reverse("newsletters:unsubscribe", args=[manage_token(key, self.issue.newsletter_list_id)])
        )
        preferences = public_url(reverse("newsletters:preferences", args=[manage_token(key)]))
        text = self.text.replace(UNSUBSCRIBE_PLACEHOLDER, unsubscribe).replace(
            PREFERENCES_PLACEHOLDER, preferences
        )
        html = self.html.replace(UNSUBSCRIBE_PLACEHOLDER, unsubscribe).replace(
            PREFERENCES_PLACEHOLDER, preferences
        )
        headers = {
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            "List-Id": self.list_id_header,
        }
        message = EmailMultiAlternatives(
            subject_prefix + self.subject, text, self.from_header, [email], headers=headers
        )
        message.attach_alternative(html, "text/html")
        return message


def issue_context(issue: Issue, newsroom: NewsroomSettings) -> dict:
    entries = []
    for item in issue.items.select_related("article", "news_item").order_by("sort_order"):
        text = item.shown_text
        if item.article_id and item.article:
            url = item.article.get_url()
            entries.append(
                {
                    "kind": "article",
                    "heading": item.article.title,
                    "text": text,
                    "url": public_url(url) if url else "",
                }
            )
        elif item.news_item_id and item.news_item:
            news = item.news_item
            url = public_url(news.get_absolute_url())
            entries.append({"kind": "news", "heading": "", "text": text, "url": url, "time": news.posted_at})
    return {
        "issue": issue,
        "newsletter": issue.newsletter_list,
        "newsroom": newsroom,
        "entries": entries,
        "site_url": base_url() + "/",
        "unsubscribe_url": UNSUBSCRIBE_PLACEHOLDER,
        "preferences_url": PREFERENCES_PLACEHOLDER,
    }


def render_issue(issue: Issue) -> RenderedIssue:
    """Render ``issue`` in the newsroom's language and time zone, with link placeholders."""
    newsroom = default_newsroom()
    context = issue_context(issue, newsroom)
    with translation.override(newsroom.language), timezone.override(newsroom.time_zone):
        text = render_to_string("newsletters/email/issue.txt", context)
        html = render_to_string("newsletters/email/issue.html", context)
    host = urlsplit(base_url()).hostname or "localhost"
    return RenderedIssue(
        issue=issue,
        subject=issue.subject,
        from_header=issue.newsletter_list.from_header,
        text=text,
        html=html,
        list_id_header=f"<{issue.newsletter_list.slug}.{host}>",
    )
