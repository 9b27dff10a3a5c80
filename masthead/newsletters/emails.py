"""The emails of newsletters: confirmation requests and issues, in text and HTML.

An issue is rendered and encoded once per send; each recipient's copy only
adds their own unsubscribe and preferences links and a few headers, so
building a message costs a few small encodings and a join, not a template
render or a MIME encoding of the whole body.
"""

import secrets
import smtplib
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from email.header import Header
from email.utils import format_datetime, formataddr, make_msgid
from functools import cached_property
from urllib.parse import urlsplit

from anymail.exceptions import AnymailRecipientsRefused
from django.conf import settings
from django.core.mail import DNS_NAME, EmailMultiAlternatives, mailers
from django.core.mail.backends.smtp import EmailBackend as SMTPBackend
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.encoding import punycode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from wagtail.models import Site

from masthead.core.models import NewsroomSettings

from .mime import PreparedPart
from .models import Issue, NewsletterList, Subscriber, one_line
from .pipelining import ConnectionBroke, Journal, NoJournal, Transaction, send_pipelined, send_transactions
from .tokens import ManageTokens, confirmation_token, manage_token

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


def reader_message(
    subscriber: Subscriber, lists: list[NewsletterList], template: str, subject: str, **context
) -> EmailMultiAlternatives:
    """A one-off email to a reader about ``lists``, in the newsroom's language, from the first list.

    ``subject`` is a translatable string with ``%(newsroom)s``; the text and
    HTML bodies are ``newsletters/email/<template>.txt`` and ``.html``.
    """
    newsroom = default_newsroom()
    context = {"newsroom": newsroom, "lists": lists, **context}
    with translation.override(newsroom.language):
        subject = _(subject) % {"newsroom": newsroom.name}
        text = render_to_string(f"newsletters/email/{template}.txt", context)
        html = render_to_string(f"newsletters/email/{template}.html", context)
    sender = lists[0].from_header if lists else settings.DEFAULT_FROM_EMAIL
    message = EmailMultiAlternatives(subject, text, sender, [subscriber.email])
    message.attach_alternative(html, "text/html")
    return message


def confirmation_message(subscriber: Subscriber, lists: list[NewsletterList]) -> EmailMultiAlternatives:
    """The email asking a reader to confirm their address for ``lists``."""
    token = confirmation_token(subscriber.email, [nl.pk for nl in lists])
    return reader_message(
        subscriber,
        lists,
        "confirmation",
        gettext_noop("Confirm your subscription to %(newsroom)s"),
        confirm_url=public_url(reverse("newsletters:confirm", args=[token])),
        days=settings.NEWSLETTER_CONFIRMATION_MAX_AGE // 86400,
    )


def welcome_message(subscriber: Subscriber) -> EmailMultiAlternatives:
    """The email a reader gets once, when they confirm: what they will receive and how to change it."""
    lists = list(
        NewsletterList.objects.filter(subscriptions__subscriber=subscriber).order_by("name").distinct()
    )
    return reader_message(
        subscriber,
        lists,
        "welcome",
        gettext_noop("Welcome to %(newsroom)s"),
        preferences_url=preferences_url(subscriber),
    )


def smtp_address(address: str) -> str:
    """An address as SMTP carries it: an ASCII mailbox, the domain in IDNA; ValueError otherwise."""
    local, _at, domain = address.rpartition("@")
    if not local or not local.isascii() or any(c in address for c in "\r\n<>, "):
        raise ValueError(f"Cannot send to {address!r} over SMTP")
    return f"{local}@{domain if domain.isascii() else punycode(domain)}"


PLACEHOLDERS = (UNSUBSCRIBE_PLACEHOLDER, PREFERENCES_PLACEHOLDER)


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

    @cached_property
    def tokens(self) -> ManageTokens:
        return ManageTokens()

    def links_for(self, key: str) -> tuple[str, str]:
        """The recipient's unsubscribe (from this list) and preferences links."""
        unsubscribe, preferences = self.link_patterns
        return (
            unsubscribe.replace("MASTHEAD-TOKEN", self.tokens(key, self.issue.newsletter_list_id)),
            preferences.replace("MASTHEAD-TOKEN", self.tokens(key)),
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

    def message_for(
        self, email: str, key: str, *, subject_prefix: str = "", delivery_id: int | None = None
    ) -> EmailMultiAlternatives:
        """The copy for one recipient as a Django email, for any email backend."""
        unsubscribe, preferences = self.links_for(key)
        text, html = self.bodies_for(unsubscribe, preferences)
        headers = self.list_headers(unsubscribe)
        if delivery_id:
            headers["Message-ID"] = self.message_id(delivery_id)
        message = EmailMultiAlternatives(
            subject_prefix + self.subject, text, self.from_header, [email], headers=headers
        )
        message.attach_alternative(html, "text/html")
        return message

    @cached_property
    def parts(self) -> tuple[PreparedPart, PreparedPart]:
        """The plain-text and HTML parts, encoded once with the links left open."""
        return PreparedPart(self.text, "plain", PLACEHOLDERS), PreparedPart(self.html, "html", PLACEHOLDERS)

    @cached_property
    def boundary(self) -> str:
        # Safe for every copy: "=_" occurs in neither base64 nor quoted-printable text.
        return f"=_masthead_{secrets.token_hex(12)}"

    @cached_property
    def envelope_sender(self) -> str:
        return smtp_address(self.from_address)

    def message_id(self, delivery_id: int) -> str:
        """The same Message-ID every time this copy is sent (a resend repeats it).

        The issue's creation time keeps it unique when a reinstalled site
        counts its ids from one again.
        """
        return f"<{self.message_id_prefix}.{delivery_id}@{self.message_id_domain}>"

    @cached_property
    def message_id_prefix(self) -> str:
        created = int(self.issue.created_at.timestamp()) if self.issue.created_at else 0
        return f"newsletter.{created}.{self.issue.pk}"

    @cached_property
    def message_id_domain(self) -> str:
        return punycode(self.from_address.rpartition("@")[2])

    def date_header(self) -> str:
        """``Date`` for a copy sent now; formatted once a second, not once a copy."""
        now = int(time.time())
        cached = self.__dict__.get("_date")
        if cached is None or cached[0] != now:
            cached = (now, format_datetime(datetime.fromtimestamp(now, UTC)))
            self.__dict__["_date"] = cached
        return cached[1]

    def mime_for(
        self,
        email: str,
        key: str,
        *,
        subject_prefix: str = "",
        delivery_id: int | None = None,
        to: str | None = None,
    ) -> bytes:
        """The same copy as ready-to-send MIME bytes, for SMTP.

        Python's email generator takes milliseconds a message (it re-parses
        and folds every header); sending an issue to a large list needs a
        fraction of that. The structure is fixed and simple, so it is written
        directly: the headers and parts that are the same for everyone once
        per issue (see ``PreparedPart``), the recipient's address, links and
        ids per copy. Headers stay unfolded so ``List-Unsubscribe`` keeps
        its literal ``<https://...>`` form that mail providers read.
        """
        unsubscribe, preferences = self.links_for(key)
        text, html = self.parts
        message_id = self.message_id(delivery_id) if delivery_id else make_msgid(domain=DNS_NAME)
        personal = (
            f"To: {to or smtp_address(email)}\r\n"
            f"Date: {self.date_header()}\r\n"
            f"Message-ID: {message_id}\r\n"
            f"List-Unsubscribe: <{unsubscribe}>\r\n"
        )
        delimiter = f"\r\n--{self.boundary}\r\n".encode()
        return b"".join(
            [
                self.common_head(subject_prefix),
                personal.encode(),
                self.common_tail,
                b"\r\n",
                delimiter[2:],
                text.fill((unsubscribe, preferences)),
                delimiter,
                html.fill((unsubscribe, preferences)),
                f"\r\n--{self.boundary}--\r\n".encode(),
            ]
        )

    def common_head(self, subject_prefix: str = "") -> bytes:
        """The headers before the recipient's own: the same in every copy (cached)."""
        heads = self.__dict__.setdefault("_heads", {})
        if subject_prefix not in heads:
            heads[subject_prefix] = (
                "MIME-Version: 1.0\r\n"
                f'Content-Type: multipart/alternative; boundary="{self.boundary}"\r\n'
                f"Subject: {self.encoded_subject(subject_prefix)}\r\n"
                f"From: {self.from_header_encoded}\r\n"
            ).encode()
        return heads[subject_prefix]

    @cached_property
    def common_tail(self) -> bytes:
        return (
            f"List-Unsubscribe-Post: List-Unsubscribe=One-Click\r\nList-Id: {self.list_id_header}\r\n"
        ).encode()

    def encoded_subject(self, prefix: str = "") -> str:
        """The Subject header value, RFC 2047-encoded when not ASCII."""
        subject = prefix + self.subject
        if subject.isascii():
            return subject
        return Header(subject, "utf-8").encode(linesep="\r\n")

    @cached_property
    def from_header_encoded(self) -> str:
        name = one_line(self.issue.newsletter_list.sender_name)
        return formataddr((name, self.from_address), charset="utf-8")


def deliver(
    connection,
    rendered: RenderedIssue,
    email: str,
    key: str,
    *,
    subject_prefix: str = "",
    delivery_id: int | None = None,
) -> None:
    """Send one recipient's copy over an open connection.

    Over SMTP the prepared MIME bytes go straight to the server on the
    backend's connection (its host, TLS and login settings); any other
    backend (an email provider through anymail, files, the console) gets a
    regular Django email.
    """
    if isinstance(connection, SMTPBackend):
        if connection.connection is None:
            connection.open()
        to = smtp_address(email)
        message = rendered.mime_for(email, key, subject_prefix=subject_prefix, delivery_id=delivery_id, to=to)
        send_pipelined(connection.connection, rendered.envelope_sender, to, message)
    else:
        message = rendered.message_for(email, key, subject_prefix=subject_prefix, delivery_id=delivery_id)
        connection.send_messages([message])


# The server answered, refusing this one message: it was certainly not sent.
# (An email provider through anymail refuses a recipient with
# AnymailRecipientsRefused; AnymailInvalidAddress is a ValueError.)
REFUSED = (
    smtplib.SMTPRecipientsRefused,
    smtplib.SMTPSenderRefused,
    smtplib.SMTPDataError,
    ValueError,
    AnymailRecipientsRefused,
)


def deliver_many(
    connection,
    rendered: RenderedIssue,
    recipients: Iterable[tuple[int, str, str]],
    journal: Journal | None = None,
) -> Iterator[tuple[int, Exception | None]]:
    """Send each (delivery id, address, key) its copy over one open connection.

    Yields (delivery id, None) for each copy the server took and (delivery
    id, error) for each it refused. Raises ``ConnectionBroke`` when the
    connection fails: of the copies not yielded, only the one it names may
    have arrived. Over SMTP the copies are pipelined, one round trip each.
    ``journal`` hears of each copy going out (see ``journal.py``).
    """
    journal = journal or NoJournal()
    if not isinstance(connection, SMTPBackend):
        for pk, email, key in recipients:
            try:
                journal.started(pk)
                deliver(connection, rendered, email, key, delivery_id=pk)
                journal.written(pk)
            except REFUSED as error:
                yield pk, error
            except Exception as error:
                raise ConnectionBroke(pk, error) from error
            else:
                yield pk, None
        return
    sendable = []
    for pk, email, key in recipients:
        try:
            sendable.append((pk, email, key, smtp_address(email)))
        except ValueError as error:
            yield pk, error
    if connection.connection is None:
        connection.open()
    transactions = (
        Transaction(pk, to, rendered.mime_for(email, key, delivery_id=pk, to=to))
        for pk, email, key, to in sendable
    )
    yield from send_transactions(connection.connection, rendered.envelope_sender, transactions, journal)


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
        subject=one_line(issue.subject),
        from_header=issue.newsletter_list.from_header,
        from_address=issue.newsletter_list.sender_email,
        text=text,
        html=html,
        list_id_header=f"<{issue.newsletter_list.slug}.{host}>",
    )
