"""The emails of newsletters: confirmation requests and issues, in text and HTML.

An issue is rendered once per send; each recipient's copy only swaps in
their own unsubscribe and preferences links, so building a message costs a
string replacement and the MIME encoding, not a template render.
"""

import base64
import binascii
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime
from email.header import Header
from email.utils import format_datetime, formataddr, make_msgid
from functools import cached_property
from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail import DNS_NAME, EmailMultiAlternatives, mailers
from django.core.mail.backends.smtp import EmailBackend as SMTPBackend
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.encoding import punycode
from django.utils.translation import gettext as _
from wagtail.models import Site

from masthead.core.models import NewsroomSettings

from .models import Issue, NewsletterList, Subscriber
from .pipelining import send_pipelined
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


def encode_body(text: str, subtype: str) -> bytes:
    """One MIME text part: quoted-printable for plain ASCII, base64 otherwise; CRLF line ends."""
    data = text.encode()
    if data.isascii():
        encoding, body = "quoted-printable", binascii.b2a_qp(data.replace(b"\r\n", b"\n"), istext=True)
    else:
        encoding, body = "base64", base64.encodebytes(data)
    headers = (
        f'Content-Type: text/{subtype}; charset="utf-8"\r\nContent-Transfer-Encoding: {encoding}\r\n\r\n'
    )
    return headers.encode() + body.replace(b"\n", b"\r\n")


def smtp_address(address: str) -> str:
    """An address as SMTP carries it: an ASCII mailbox, the domain in IDNA; ValueError otherwise."""
    local, _at, domain = address.rpartition("@")
    if not local or not local.isascii() or any(c in address for c in "\r\n<>, "):
        raise ValueError(f"Cannot send to {address!r} over SMTP")
    return f"{local}@{punycode(domain)}"


@dataclass
class RenderedIssue:
    """An issue rendered once, ready to be addressed to each recipient."""

    issue: Issue
    subject: str
    from_header: str
    from_address: str
    text: str
    html: str
    list_id_header: str

    @cached_property
    def link_patterns(self) -> tuple[str, str]:
        # Resolved once: every copy only fills in its own token.
        return (
            public_url(reverse("newsletters:unsubscribe", args=["MASTHEAD-TOKEN"])),
            public_url(reverse("newsletters:preferences", args=["MASTHEAD-TOKEN"])),
        )

    def links_for(self, key: str) -> tuple[str, str]:
        """The recipient's unsubscribe (from this list) and preferences links."""
        unsubscribe, preferences = self.link_patterns
        return (
            unsubscribe.replace("MASTHEAD-TOKEN", manage_token(key, self.issue.newsletter_list_id)),
            preferences.replace("MASTHEAD-TOKEN", manage_token(key)),
        )

    def bodies_for(self, unsubscribe: str, preferences: str) -> tuple[str, str]:
        def personal(body: str) -> str:
            return body.replace(UNSUBSCRIBE_PLACEHOLDER, unsubscribe).replace(
                PREFERENCES_PLACEHOLDER, preferences
            )

        return personal(self.text), personal(self.html)

    def list_headers(self, unsubscribe: str) -> dict[str, str]:
        # RFC 2369 and RFC 8058: the address in angle brackets, and the one-click POST.
        return {
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            "List-Id": self.list_id_header,
        }

    def message_for(self, email: str, key: str, *, subject_prefix: str = "") -> EmailMultiAlternatives:
        """The copy for one recipient as a Django email, for any email backend."""
        unsubscribe, preferences = self.links_for(key)
        text, html = self.bodies_for(unsubscribe, preferences)
        message = EmailMultiAlternatives(
            subject_prefix + self.subject,
            text,
            self.from_header,
            [email],
            headers=self.list_headers(unsubscribe),
        )
        message.attach_alternative(html, "text/html")
        return message

    def mime_for(self, email: str, key: str, *, subject_prefix: str = "") -> bytes:
        """The same copy as ready-to-send MIME bytes, for SMTP.

        Python's email generator takes milliseconds a message (it re-parses
        and folds every header); sending an issue to a large list needs a
        fraction of that. The structure is fixed and simple, so it is written
        directly: the encoded subject and sender once per issue, the
        recipient's links and the bodies (base64 or quoted-printable, C
        encoders) per copy. Headers stay unfolded so ``List-Unsubscribe``
        keeps its literal ``<https://...>`` form that mail providers read.
        """
        unsubscribe, preferences = self.links_for(key)
        text, html = self.bodies_for(unsubscribe, preferences)
        boundary = f"=_masthead_{secrets.token_hex(12)}"
        subject = self.encoded_subject(subject_prefix)
        headers = {
            "MIME-Version": "1.0",
            "Content-Type": f'multipart/alternative; boundary="{boundary}"',
            "Subject": subject,
            "From": self.from_header_encoded,
            "To": smtp_address(email),
            "Date": format_datetime(datetime.now(UTC)),
            "Message-ID": make_msgid(domain=DNS_NAME),
            **self.list_headers(unsubscribe),
        }
        head = "".join(f"{name}: {value}\r\n" for name, value in headers.items()).encode()
        delimiter = f"\r\n--{boundary}\r\n".encode()
        return b"".join(
            [
                head,
                b"\r\n",
                delimiter.lstrip(b"\r\n"),
                encode_body(text, "plain"),
                delimiter,
                encode_body(html, "html"),
                f"\r\n--{boundary}--\r\n".encode(),
            ]
        )

    def encoded_subject(self, prefix: str = "") -> str:
        """The Subject header value, RFC 2047-encoded when not ASCII (once per issue)."""
        subject = prefix + self.subject
        if subject.isascii():
            return subject
        encoded = self.__dict__.setdefault("_encoded_subjects", {})
        if subject not in encoded:
            encoded[subject] = Header(subject, "utf-8").encode(linesep="\r\n")
        return encoded[subject]

    @cached_property
    def from_header_encoded(self) -> str:
        name = self.issue.newsletter_list.sender_name
        return formataddr((name, self.from_address), charset="utf-8")


def deliver(connection, rendered: RenderedIssue, email: str, key: str, *, subject_prefix: str = "") -> None:
    """Send one recipient's copy over an open connection.

    Over SMTP the prepared MIME bytes go straight to the server on the
    backend's connection (its host, TLS and login settings); any other
    backend (an email provider through anymail, files, the console) gets a
    regular Django email.
    """
    if isinstance(connection, SMTPBackend):
        connection.open()  # a no-op when the connection is already open
        message = rendered.mime_for(email, key, subject_prefix=subject_prefix)
        sender = smtp_address(rendered.from_address)
        send_pipelined(connection.connection, sender, smtp_address(email), message)
    else:
        connection.send_messages([rendered.message_for(email, key, subject_prefix=subject_prefix)])


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
        from_address=issue.newsletter_list.sender_email,
        text=text,
        html=html,
        list_id_header=f"<{issue.newsletter_list.slug}.{host}>",
    )
