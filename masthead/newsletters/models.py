"""Newsletters: lists, subscribers, issues and the record of every copy sent."""

import re
import secrets
import zoneinfo
from collections.abc import Iterable
from datetime import UTC, datetime, time, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.db.models.functions import Coalesce, Lower
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.models import Orderable, Site

from masthead.core.models import NewsroomSettings
from masthead.security.editing import LastEdited


def normalise_email(address: str) -> str:
    """The one spelling of an address that Masthead stores and compares.

    Surrounding blanks go and the whole address is lower-cased: the domain is
    case-insensitive by definition and, although RFC 5321 allows a mailbox to
    tell ``Olena`` from ``olena``, no provider readers use does, and treating
    them as two subscribers would send two copies.
    """
    return (address or "").strip().lower()


def newsroom_zone() -> zoneinfo.ZoneInfo:
    """The newsroom's time zone (a site setting), in which schedules are read."""
    newsroom = NewsroomSettings.of(Site.objects.filter(is_default_site=True).first())
    return zoneinfo.ZoneInfo(newsroom.time_zone)


ERASURE_SALT = "masthead.newsletters.erased"


def new_key() -> str:
    return secrets.token_urlsafe(16)


LINE_BREAKS = re.compile(r"[\x00-\x1f\x7f\u2028\u2029]+")


def one_line(text: str) -> str:
    """``text`` fit for an email header: line breaks and other control characters become spaces.

    A line break in a header value would start a header of its own (Bcc:, say).
    """
    return LINE_BREAKS.sub(" ", text).strip()


def refuse_line_breaks(**fields: str) -> None:
    """Raise a ValidationError naming each field whose text would break an email header."""
    errors = {
        name: _("This goes into the email's headers: keep it on one line.")
        for name, value in fields.items()
        if value and one_line(value) != value.strip()
    }
    if errors:
        raise ValidationError(errors)


class NewsletterList(LastEdited):
    """A newsletter readers can subscribe to, e.g. the daily digest or a weekly one."""

    class Schedule(models.TextChoices):
        DAILY = "daily", _("Daily")
        WEEKLY = "weekly", _("Weekly")
        MANUAL = "manual", _("When an editor sends it")

    class OnSchedule(models.TextChoices):
        DRAFT = "draft", _("Compose a draft for an editor to approve and send")
        SEND = "send", _("Compose the digest and send it")

    class Weekday(models.IntegerChoices):
        MONDAY = 0, _("Monday")
        TUESDAY = 1, _("Tuesday")
        WEDNESDAY = 2, _("Wednesday")
        THURSDAY = 3, _("Thursday")
        FRIDAY = 4, _("Friday")
        SATURDAY = 5, _("Saturday")
        SUNDAY = 6, _("Sunday")

    name = models.CharField(_("name"), max_length=120, help_text=_("e.g. “Korvany Daily”."))
    slug = models.SlugField(_("slug"), max_length=60, unique=True)
    description = models.CharField(
        _("description"),
        max_length=255,
        blank=True,
        help_text=_("One line shown next to the checkbox, e.g. “The day's news in your inbox at 7”."),
    )
    sender_name = models.CharField(_("sender name"), max_length=120)
    sender_email = models.EmailField(_("sender address"))
    schedule = models.CharField(
        _("schedule"), max_length=10, choices=Schedule.choices, default=Schedule.DAILY
    )
    send_time = models.TimeField(_("time"), default=time(7, 0), help_text=_("In the newsroom's time zone."))
    weekday = models.PositiveSmallIntegerField(
        _("weekday"), choices=Weekday.choices, default=Weekday.MONDAY, help_text=_("For weekly lists.")
    )
    on_schedule = models.CharField(
        _("at the scheduled time"),
        max_length=5,
        choices=OnSchedule.choices,
        default=OnSchedule.DRAFT,
        help_text=_(
            "The worker composes a digest of what was published since the last issue. "
            "When nothing was, nothing is composed or sent."
        ),
    )
    is_public = models.BooleanField(
        _("offered to readers"), default=True, help_text=_("Show this list in the signup box.")
    )
    sort_order = models.PositiveSmallIntegerField(_("order in the signup box"), default=0)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("sender_name"), FieldPanel("sender_email")], heading=_("Sender")),
        MultiFieldPanel(
            [
                FieldPanel("schedule"),
                FieldPanel("send_time"),
                FieldPanel("weekday"),
                FieldPanel("on_schedule"),
            ],
            heading=_("Schedule"),
        ),
        FieldPanel("is_public"),
        FieldPanel("sort_order"),
    ]

    class Meta:
        verbose_name = _("newsletter")
        verbose_name_plural = _("newsletters")
        ordering = ["sort_order", "name"]

    def __str__(self) -> str:
        return self.name

    @property
    def from_header(self) -> str:
        from email.headerregistry import Address

        local, _at, domain = self.sender_email.rpartition("@")
        return str(Address(display_name=one_line(self.sender_name), username=local, domain=domain))

    def clean(self) -> None:
        refuse_line_breaks(sender_name=self.sender_name)

    @property
    def period(self) -> timedelta:
        """How far back a digest of this list looks."""
        return timedelta(days=7) if self.schedule == self.Schedule.WEEKLY else timedelta(days=1)

    def slots(self, around: datetime, zone: zoneinfo.ZoneInfo | None = None) -> list[datetime]:
        """The scheduled sending times within about a week either side of ``around``, in order.

        Slots are wall-clock times in the newsroom's zone, so “daily at 07:00”
        stays at 07:00 across daylight-saving changes. None for manual lists.
        """
        if self.schedule == self.Schedule.MANUAL:
            return []
        zone = zone or newsroom_zone()
        day = around.astimezone(zone).date()
        days = (day + timedelta(days=offset) for offset in range(-8, 9))
        return [
            datetime.combine(d, self.send_time, tzinfo=zone)
            for d in days
            if self.schedule == self.Schedule.DAILY or d.weekday() == self.weekday
        ]

    def next_slot(self, after: datetime, zone: zoneinfo.ZoneInfo | None = None) -> datetime | None:
        """The first scheduled sending time after ``after``, or None for manual lists."""
        # Compared as instants: within one zone Python compares wall-clock times.
        return next((s for s in self.slots(after, zone) if s.astimezone(UTC) > after.astimezone(UTC)), None)

    def last_slot(self, at: datetime, zone: zoneinfo.ZoneInfo | None = None) -> datetime | None:
        """The latest scheduled sending time at or before ``at``, or None for manual lists."""
        earlier = [s for s in self.slots(at, zone) if s.astimezone(UTC) <= at.astimezone(UTC)]
        return earlier[-1] if earlier else None

    def subscriber_count(self) -> int:
        return self.subscriptions.filter(subscriber__status=Subscriber.Status.CONFIRMED).count()

    subscriber_count.short_description = _("confirmed subscribers")

    def digest_period(self, now: datetime) -> tuple[datetime, datetime]:
        """The span a new digest covers: since the last issue sent, at most one period.

        The last issue counts from the end of the span it covered (a draft
        approved hours after it was composed still covered only until then),
        or else from when it began sending.
        """
        start = now - self.period
        last = (
            self.issues.filter(sending_started_at__isnull=False)
            .annotate(covered_until=Coalesce("period_end", "sending_started_at"))
            .order_by("-covered_until")
            .values_list("covered_until", flat=True)
            .first()
        )
        if last is not None and start < last < now:
            start = last
        return start, now


class SubscriberQuerySet(models.QuerySet):
    def confirmed(self) -> QuerySet:
        return self.filter(status=Subscriber.Status.CONFIRMED)

    def for_email(self, address: str) -> "Subscriber | None":
        return self.filter(email=normalise_email(address)).first()


class Subscriber(ClusterableModel):
    """One reader's address, whether they confirmed it and what they receive.

    Only a *confirmed* subscriber gets newsletters. *Suppressed* addresses
    bounced or complained (reported by the email provider) and are never
    written to again; *unsubscribed* ones left every list.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for confirmation")
        CONFIRMED = "confirmed", _("Confirmed")
        UNSUBSCRIBED = "unsubscribed", _("Unsubscribed")
        SUPPRESSED = "suppressed", _("Suppressed (bounced or complained)")

    class Source(models.TextChoices):
        SIGNUP = "signup", _("Signup form")
        IMPORT = "import", _("Import")
        ADMIN = "admin", _("Added by an editor")

    email = models.EmailField(_("email address"), max_length=254, unique=True)
    first_name = models.CharField(_("first name"), max_length=100, blank=True)
    last_name = models.CharField(_("last name"), max_length=100, blank=True)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.PENDING)
    source = models.CharField(_("source"), max_length=10, choices=Source.choices, default=Source.ADMIN)
    created_at = models.DateTimeField(_("signed up"), default=timezone.now)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    unsubscribed_at = models.DateTimeField(_("unsubscribed"), null=True, blank=True)
    suppressed_at = models.DateTimeField(_("suppressed"), null=True, blank=True)
    suppression_reason = models.CharField(_("suppression reason"), max_length=120, blank=True)
    confirmation_emails_sent = models.PositiveIntegerField(
        _("confirmation emails sent"), default=0, editable=False
    )
    confirmation_window_started_at = models.DateTimeField(null=True, blank=True, editable=False)
    # The secret behind the links in every email to this address (preferences,
    # unsubscribe). Signed in the links; changing it revokes them all.
    key = models.CharField(max_length=32, unique=True, default=new_key, editable=False)

    objects = SubscriberQuerySet.as_manager()

    panels = [
        FieldPanel("email"),
        FieldRowPanel([FieldPanel("first_name"), FieldPanel("last_name")]),
        FieldPanel("status"),
        InlinePanel("subscriptions", heading=_("Newsletters"), label=_("Newsletter")),
    ]

    class Meta:
        verbose_name = _("subscriber")
        verbose_name_plural = _("subscribers")
        ordering = ["-created_at", "-pk"]
        constraints = [models.UniqueConstraint(Lower("email"), name="newsletters_subscriber_email_ci")]

    def __str__(self) -> str:
        return self.email

    def clean(self) -> None:
        # Before the uniqueness check, so “Olena@Example.org” meets “olena@example.org”.
        self.email = normalise_email(self.email)

    def save(self, *args, **kwargs) -> None:
        self.email = normalise_email(self.email)
        if self.status == self.Status.CONFIRMED and self.confirmed_at is None:
            self.confirmed_at = timezone.now()
        super().save(*args, **kwargs)

    def newsletters_summary(self) -> str:
        return ", ".join(s.newsletter_list.name for s in self.subscriptions.all())

    newsletters_summary.short_description = _("newsletters")

    def suppress(self, reason: str) -> None:
        """Never write to this address again (a bounce or a spam complaint)."""
        self.status = self.Status.SUPPRESSED
        self.suppressed_at = timezone.now()
        self.suppression_reason = reason[:120]
        self.save(update_fields=["status", "suppressed_at", "suppression_reason"])

    def erase(self) -> None:
        """Delete this reader and all kept about them, remembering only a keyed hash of the address.

        The hash (see ``ErasedAddress``) keeps an import or an editor from
        adding the address again unnoticed.
        """
        with transaction.atomic():
            ErasedAddress.remember(self.email)
            self.delete()

    def unsubscribe(self, newsletter_list: "NewsletterList | None" = None) -> None:
        """Leave one list, or every list; an address left on no list is unsubscribed."""
        subscriptions = self.subscriptions.all()
        if newsletter_list is not None:
            subscriptions = subscriptions.filter(newsletter_list=newsletter_list)
        subscriptions.delete()
        if not self.subscriptions.exists() and self.status in (self.Status.CONFIRMED, self.Status.PENDING):
            self.status = self.Status.UNSUBSCRIBED
            self.unsubscribed_at = timezone.now()
            self.save(update_fields=["status", "unsubscribed_at"])

    def export_data(self) -> dict:
        """Everything stored about this reader, for a data-access request."""

        def stamp(value: datetime | None) -> str | None:
            return value.isoformat() if value else None

        return {
            "email": self.email,
            "first_name": self.first_name,
            "last_name": self.last_name,
            "status": self.status,
            "source": self.source,
            "signed_up": stamp(self.created_at),
            "confirmed": stamp(self.confirmed_at),
            "unsubscribed": stamp(self.unsubscribed_at),
            "suppressed": stamp(self.suppressed_at),
            "suppression_reason": self.suppression_reason,
            "confirmation_emails_sent": self.confirmation_emails_sent,
            "newsletters": [
                {"name": s.newsletter_list.name, "since": stamp(s.created_at)}
                for s in self.subscriptions.select_related("newsletter_list")
            ],
            "issues_received": [
                {"subject": d.issue.subject, "status": d.status, "sent": stamp(d.sent_at)}
                for d in self.deliveries.select_related("issue").order_by("claimed_at")
            ],
        }


class Subscription(models.Model):
    """A subscriber on one list."""

    subscriber = ParentalKey(Subscriber, on_delete=models.CASCADE, related_name="subscriptions")
    newsletter_list = models.ForeignKey(
        NewsletterList, verbose_name=_("newsletter"), on_delete=models.CASCADE, related_name="subscriptions"
    )
    created_at = models.DateTimeField(_("since"), default=timezone.now)

    panels = [FieldPanel("newsletter_list")]

    class Meta:
        verbose_name = _("subscription")
        # (list, subscriber): the sender walks one list's subscribers in order.
        constraints = [
            models.UniqueConstraint(
                fields=["newsletter_list", "subscriber"], name="newsletters_one_subscription_per_list"
            )
        ]

    def __str__(self) -> str:
        return f"{self.subscriber_id} → {self.newsletter_list_id}"


class Issue(LastEdited, ClusterableModel):
    """One edition of a newsletter: a subject, an intro and an ordered list of items."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SCHEDULED = "scheduled", _("Scheduled")
        SENDING = "sending", _("Sending")
        PAUSED = "paused", _("Paused")
        SENT = "sent", _("Sent")

    newsletter_list = models.ForeignKey(
        NewsletterList, verbose_name=_("newsletter"), on_delete=models.PROTECT, related_name="issues"
    )
    subject = models.CharField(_("subject"), max_length=200)
    intro = models.TextField(_("introduction"), blank=True, max_length=2000)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    scheduled_at = models.DateTimeField(_("send at"), null=True, blank=True)
    period_start = models.DateTimeField(_("covers from"), null=True, blank=True)
    period_end = models.DateTimeField(_("covers until"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    sending_started_at = models.DateTimeField(_("sending started"), null=True, blank=True, editable=False)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True, editable=False)
    # Every sender touches this after each batch; a sending issue whose
    # heartbeat stopped lost its worker (see tasks.check_newsletters).
    last_progress_at = models.DateTimeField(null=True, blank=True, editable=False)
    last_error = models.TextField(blank=True, editable=False)

    panels = [
        FieldPanel("newsletter_list"),
        FieldPanel("subject"),
        FieldPanel("intro"),
        InlinePanel("items", heading=_("Items"), label=_("Item")),
    ]

    class Meta:
        verbose_name = _("issue")
        verbose_name_plural = _("issues")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["status", "scheduled_at"])]

    def __str__(self) -> str:
        return self.subject

    def clean(self) -> None:
        refuse_line_breaks(subject=self.subject)

    @property
    def is_editable(self) -> bool:
        return self.status in (self.Status.DRAFT, self.Status.SCHEDULED)

    def progress_summary(self) -> str:
        if self.status in (self.Status.DRAFT, self.Status.SCHEDULED):
            return ""
        counts = self.progress()
        return _("%(sent)d sent, %(failed)d failed, %(remaining)d remaining") % counts

    progress_summary.short_description = _("progress")

    def recipients(self) -> QuerySet:
        """Subscriptions of confirmed readers to this issue's list, in subscriber order."""
        return Subscription.objects.filter(
            newsletter_list_id=self.newsletter_list_id, subscriber__status=Subscriber.Status.CONFIRMED
        ).order_by("subscriber_id")

    def unclaimed_recipients(self) -> QuerySet:
        """Recipients with no delivery record for this issue yet."""
        claimed = Delivery.objects.filter(issue_id=self.pk, subscriber_id=OuterRef("subscriber_id"))
        return self.recipients().filter(~Exists(claimed))

    def progress(self) -> dict:
        """Counts by delivery status, plus the confirmed readers not reached yet.

        ``to_send`` is everything still to go: readers not claimed yet,
        copies in flight and copies queued to be sent again.
        """
        counts = dict.fromkeys(Delivery.Status.values, 0)
        counts["resent"] = 0
        rows = self.deliveries.values("status").annotate(
            n=Count("pk"), again=Count("pk", filter=Q(attempts__gt=1))
        )
        for row in rows:
            counts[row["status"]] = row["n"]
            counts["resent"] += row["again"]
        remaining = 0 if self.status == self.Status.SENT else self.unclaimed_recipients().count()
        counts["remaining"] = remaining
        counts["total"] = sum(counts[status] for status in Delivery.Status.values) + remaining
        counts["to_send"] = remaining + counts["sending"] + counts["resend"]
        done = counts["sent"] + counts["failed"] + counts["unknown"]
        counts["percent"] = round(100 * done / counts["total"]) if counts["total"] else 0
        return counts


class IssueItem(Orderable):
    """An article or a news-feed item in an issue, with the text the issue shows for it."""

    issue = ParentalKey(Issue, on_delete=models.CASCADE, related_name="items")
    article = models.ForeignKey(
        "articles.ArticlePage",
        verbose_name=_("article"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    news_item = models.ForeignKey(
        "newsfeed.NewsItem",
        verbose_name=_("news feed item"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    text = models.TextField(
        _("text"),
        blank=True,
        max_length=1000,
        help_text=_("Shortened text for the newsletter. Empty: the standfirst or the item's own text."),
    )

    panels = [
        PageChooserPanel("article", "articles.ArticlePage"),
        FieldPanel("news_item"),
        FieldPanel("text"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("item")
        constraints = [
            models.CheckConstraint(
                condition=Q(article__isnull=True) | Q(news_item__isnull=True),
                name="newsletters_item_is_article_or_news_item",
            )
        ]

    def __str__(self) -> str:
        return self.heading or self.shown_text[:60]

    def clean(self) -> None:
        if (self.article_id is None) == (self.news_item_id is None):
            raise ValidationError(_("Choose either an article or a news feed item."))

    @property
    def heading(self) -> str:
        return self.article.title if self.article_id and self.article else ""

    @property
    def shown_text(self) -> str:
        if self.text:
            return self.text
        if self.article_id and self.article:
            return self.article.standfirst
        if self.news_item_id and self.news_item:
            return self.news_item.text
        return ""


class Delivery(models.Model):
    """The record of one copy of one issue to one subscriber.

    The unique (issue, subscriber) pair is what makes a second copy
    impossible: a sender first *claims* a recipient by inserting this row
    (status ``sending``), then sends, then marks it ``sent`` or ``failed``. A
    row left at ``sending`` by a worker that died is marked ``unknown`` and
    never sent again: the message may or may not have left, and Masthead
    prefers one missed copy to two (at most once). Only an editor's explicit
    choice queues unknown copies again (``resend``), knowing that some
    readers may then get a second copy.
    """

    class Status(models.TextChoices):
        SENDING = "sending", _("Sending")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")
        UNKNOWN = "unknown", _("Unknown (the worker stopped while sending)")
        RESEND = "resend", _("Queued to be sent again")

    issue = models.ForeignKey(Issue, on_delete=models.CASCADE, related_name="deliveries")
    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="deliveries")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.SENDING)
    error = models.TextField(blank=True)
    batch = models.UUIDField(db_index=True)
    claimed_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)
    # How many times this copy was handed to the mail server (more than one
    # only after an editor chose to resend copies whose fate was unknown).
    attempts = models.PositiveSmallIntegerField(default=1)

    class Meta:
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        constraints = [
            models.UniqueConstraint(
                fields=["issue", "subscriber"], name="newsletters_one_copy_per_subscriber"
            )
        ]
        indexes = [models.Index(fields=["issue", "status"])]

    def __str__(self) -> str:
        return f"{self.issue_id} → {self.subscriber_id}: {self.status}"


class ScheduledDigest(models.Model):
    """One slot of a newsletter's schedule and what the worker did at it.

    Unique per (newsletter, slot): however many workers and clocks run, the
    first to insert this row handles the slot, in the same transaction as
    the issue it composes, and the others find the slot taken.
    """

    class Outcome(models.TextChoices):
        SENT = "sent", _("Composed and sent")
        DRAFT = "draft", _("Composed as a draft for an editor")
        EMPTY = "empty", _("Nothing new since the last issue: nothing sent")
        EDITOR = "editor", _("An editor's issue went out at this time")

    newsletter_list = models.ForeignKey(NewsletterList, on_delete=models.CASCADE, related_name="digests")
    slot = models.DateTimeField(_("scheduled time"))
    outcome = models.CharField(_("outcome"), max_length=6, choices=Outcome.choices)
    issue = models.ForeignKey(Issue, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    handled_at = models.DateTimeField(_("handled"), default=timezone.now)

    class Meta:
        verbose_name = _("scheduled digest")
        verbose_name_plural = _("scheduled digests")
        constraints = [
            models.UniqueConstraint(
                fields=["newsletter_list", "slot"], name="newsletters_one_digest_per_slot"
            )
        ]

    def __str__(self) -> str:
        return f"{self.newsletter_list_id} @ {self.slot:%Y-%m-%d %H:%M}: {self.outcome}"


def erasure_digests(address: str) -> list[str]:
    """The keyed hashes under which an erased address is remembered.

    HMAC-SHA256 with the site's secret key, so the table cannot be read back
    into addresses by hashing a list of known ones without the key. The
    first hash uses the current key, the others the keys in
    ``SECRET_KEY_FALLBACKS``, so a rotated key still finds older records.
    """
    value = normalise_email(address)
    keys = [settings.SECRET_KEY, *settings.SECRET_KEY_FALLBACKS]
    return [salted_hmac(ERASURE_SALT, value, secret=key, algorithm="sha256").hexdigest() for key in keys]


class ErasedAddressQuerySet(models.QuerySet):
    def matching(self, address: str) -> QuerySet:
        return self.filter(digest__in=erasure_digests(address))

    def contains_address(self, address: str) -> bool:
        return self.matching(address).exists()

    def among(self, addresses: Iterable[str], chunk: int = 500) -> set[str]:
        """Those of ``addresses`` (normalised) whose owners erased them."""
        by_digest = {}
        for address in addresses:
            for digest in erasure_digests(address):
                by_digest[digest] = normalise_email(address)
        digests = list(by_digest)
        found = set()
        for start in range(0, len(digests), chunk):
            hits = self.filter(digest__in=digests[start : start + chunk]).values_list("digest", flat=True)
            found.update(by_digest[digest] for digest in hits)
        return found


class ErasedAddress(models.Model):
    """An address whose owner deleted their data: only its keyed hash stays.

    Kept so that a CSV import or an editor cannot add the address again
    without noticing; the reader may sign up again themself (double opt-in
    proves it is them), which removes the record.
    """

    digest = models.CharField(max_length=64, unique=True)
    erased_at = models.DateTimeField(default=timezone.now)

    objects = ErasedAddressQuerySet.as_manager()

    class Meta:
        verbose_name = _("erased address")
        verbose_name_plural = _("erased addresses")

    def __str__(self) -> str:
        return self.digest[:12]

    @classmethod
    def remember(cls, address: str) -> None:
        cls.objects.get_or_create(digest=erasure_digests(address)[0])
