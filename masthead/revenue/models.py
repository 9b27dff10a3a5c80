"""Reader revenue: the newsroom's settings, campaigns, donations and their payments, partner inquiries.

A :class:`Donation` is what a reader chose (an amount, one-time, monthly or
yearly, perhaps for a campaign); its :class:`Payment` rows are the money that
actually moved (the first charge, each renewal), which is what totals count.
Payment state is written only by :mod:`masthead.revenue.events`, from
Stripe's signed webhooks; every :class:`StripeEvent` received is kept, so a
duplicate delivery is recognised and an event that arrived too early is
applied once what it refers to is known.
"""

import secrets
from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Case, F, Q, QuerySet, Sum, Value, When
from django.db.models.functions import Coalesce, Greatest, Least
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from .admin_forms import CampaignForm, RevenueSettingsForm
from .configuration import stripe_dashboard_url
from .money import CURRENCY_CHOICES, LARGEST_AMOUNT, format_money
from .panels import DisputesEmailPanel, PaymentsStatusPanel


def new_key() -> str:
    return secrets.token_urlsafe(24)


def default_presets_once() -> list[int]:
    return [1000, 2500, 5000]


def default_presets_month() -> list[int]:
    return [500, 1000, 2000]


def default_presets_year() -> list[int]:
    return [5000, 10000, 20000]


class Frequency(models.TextChoices):
    ONCE = "once", _("One-time")
    MONTH = "month", _("Monthly")
    YEAR = "year", _("Yearly")


@register_setting(icon="tag")
class RevenueSettings(BaseSiteSetting):
    """What readers are offered: currency, preset amounts, the minimum, and the partner banner."""

    currency = models.CharField(_("currency"), max_length=3, choices=CURRENCY_CHOICES, default="usd")
    minimum_amount = models.PositiveIntegerField(
        _("smallest donation"), default=100, help_text=_("In the currency's main unit, e.g. 1 or 2.50.")
    )
    maximum_amount = models.PositiveIntegerField(
        _("largest donation online"),
        default=1_000_000,
        help_text=_("Larger gifts are better arranged in person. In the main unit, e.g. 10000."),
    )
    presets_once = models.JSONField(_("one-time amounts"), default=default_presets_once, blank=True)
    presets_month = models.JSONField(_("monthly amounts"), default=default_presets_month, blank=True)
    presets_year = models.JSONField(_("yearly amounts"), default=default_presets_year, blank=True)
    default_frequency = models.CharField(
        _("chosen at first"), max_length=5, choices=Frequency.choices, default=Frequency.MONTH
    )
    heading = models.CharField(
        _("heading of the donation box"),
        max_length=120,
        blank=True,
        help_text=_("Empty: “Support us for as little as …” with the smallest donation."),
    )
    appeal = models.TextField(
        _("appeal"),
        max_length=600,
        blank=True,
        default="Our reporting is free to read and paid for by readers. Every gift keeps it that way.",
        help_text=_("One or two sentences under the heading."),
    )
    show_on_articles = models.BooleanField(_("show the donation box under every article"), default=True)
    partner_banner_text = models.CharField(
        _("partner banner"),
        max_length=160,
        blank=True,
        default="Want to partner with us? Advertising and sponsorship enquiries are welcome.",
        help_text=_("Empty: no partner banner."),
    )
    partner_email = models.EmailField(
        _("partner inquiries go to"),
        blank=True,
        help_text=_("Empty: the newsroom's contact address (Newsroom settings)."),
    )
    disputes_email = models.EmailField(
        _("emails about disputes go to"),
        blank=True,
        help_text=_(
            "Told when a reader's bank disputes a donation and it needs an answer by a date, and of the "
            "bank's decision. Empty: the partner inquiries address, else the newsroom's contact address."
        ),
    )

    class Meta:
        verbose_name = _("reader revenue settings")

    edit_handler = ObjectList(
        [
            PaymentsStatusPanel(heading=_("Payments")),
            MultiFieldPanel(
                [
                    FieldPanel("currency"),
                    FieldRowPanel([FieldPanel("minimum_amount"), FieldPanel("maximum_amount")]),
                    FieldPanel("default_frequency"),
                    FieldPanel("presets_once"),
                    FieldPanel("presets_month"),
                    FieldPanel("presets_year"),
                ],
                heading=_("Amounts"),
            ),
            MultiFieldPanel(
                [FieldPanel("show_on_articles"), FieldPanel("heading"), FieldPanel("appeal")],
                heading=_("Donation box"),
            ),
            MultiFieldPanel(
                [FieldPanel("partner_banner_text"), FieldPanel("partner_email")],
                heading=_("Partners and advertisers"),
            ),
            MultiFieldPanel(
                [DisputesEmailPanel(), FieldPanel("disputes_email")],
                heading=_("Disputes"),
            ),
        ],
        base_form_class=RevenueSettingsForm,
    )

    def presets(self, frequency: str) -> list[int]:
        """The preset amounts offered for ``frequency``, in minor units, within the limits."""
        values = getattr(self, f"presets_{frequency}", None) or []
        return [v for v in values if isinstance(v, int) and self.minimum_amount <= v <= self.largest]

    @property
    def largest(self) -> int:
        return min(self.maximum_amount or LARGEST_AMOUNT, LARGEST_AMOUNT)

    def money(self, amount: int) -> str:
        return format_money(amount, self.currency)


class CampaignQuerySet(QuerySet):
    def live(self, now: datetime | None = None) -> "CampaignQuerySet":
        now = now or timezone.now()
        return self.filter(starts_at__lte=now).filter(Q(ends_at__isnull=True) | Q(ends_at__gt=now))

    def with_raised(self) -> "CampaignQuerySet":
        """Annotate ``raised``: paid minus refunded and lost in disputes, in each campaign's own
        currency, in one query."""
        counted = Q(
            donations__payments__status=Payment.Status.SUCCEEDED,
            donations__payments__currency=F("currency"),
        )

        def total(field: str) -> Coalesce:
            return Coalesce(Sum(f"donations__payments__{field}", filter=counted), 0)

        return self.annotate(raised=total("amount") - total("amount_refunded") - total("amount_lost"))


class Campaign(models.Model):
    """A fund readers can give to, with an optional goal, dates, and a site-wide banner while live."""

    name = models.CharField(_("name"), max_length=120, help_text=_("e.g. “Investigations unit”."))
    slug = models.SlugField(_("slug"), max_length=60, unique=True)
    description = models.TextField(_("description"), max_length=1000, blank=True)
    goal_amount = models.PositiveIntegerField(
        _("goal"), null=True, blank=True, help_text=_("In the main unit, e.g. 25000. Empty: no goal shown.")
    )
    currency = models.CharField(_("currency"), max_length=3, choices=CURRENCY_CHOICES, default="usd")
    starts_at = models.DateTimeField(_("starts"), default=timezone.now)
    ends_at = models.DateTimeField(_("ends"), null=True, blank=True, help_text=_("Empty: runs until ended."))
    show_banner = models.BooleanField(_("banner on every page while live"), default=True)
    banner_text = models.CharField(
        _("banner text"),
        max_length=160,
        blank=True,
        help_text=_("e.g. “Support our investigations unit”. Empty: the campaign's name."),
    )
    banner_dismiss_days = models.PositiveSmallIntegerField(
        _("a reader who closes the banner does not see it again for (days)"), default=7
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = CampaignQuerySet.as_manager()
    base_form_class = CampaignForm

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("goal_amount"), FieldPanel("currency")]),
        FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
        MultiFieldPanel(
            [FieldPanel("show_banner"), FieldPanel("banner_text"), FieldPanel("banner_dismiss_days")],
            heading=_("Banner"),
        ),
    ]

    class Meta:
        verbose_name = _("campaign")
        verbose_name_plural = _("campaigns")
        ordering = ["-starts_at"]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        if self.ends_at and self.starts_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("The end must come after the start.")})

    def is_live(self, now: datetime | None = None) -> bool:
        now = now or timezone.now()
        return self.starts_at <= now and (self.ends_at is None or now < self.ends_at)

    is_live.boolean = True
    is_live.short_description = _("live")

    def raised_amount(self) -> int:
        """Paid minus refunded and lost in disputes, in its currency (``with_raised`` if present)."""
        if hasattr(self, "raised"):
            return self.raised
        return Campaign.objects.with_raised().get(pk=self.pk).raised

    def raised_display(self) -> str:
        return format_money(self.raised_amount(), self.currency)

    raised_display.short_description = _("raised")

    def goal_display(self) -> str:
        return format_money(self.goal_amount, self.currency) if self.goal_amount else "—"

    goal_display.short_description = _("goal")

    @property
    def banner_label(self) -> str:
        return self.banner_text or self.name


class Donation(models.Model):
    """A reader's gift: one payment, or a monthly or yearly subscription with its renewals."""

    class Status(models.TextChoices):
        STARTED = "started", _("Checkout started")
        PAID = "paid", _("Paid")
        ACTIVE = "active", _("Active (recurring)")
        PAST_DUE = "past_due", _("Renewal failed")
        CANCELED = "canceled", _("Cancelled")
        REFUNDED = "refunded", _("Refunded")
        PARTLY_REFUNDED = "partly_refunded", _("Partly refunded")
        FAILED = "failed", _("Payment failed")
        EXPIRED = "expired", _("Checkout abandoned")
        DISPUTED = "disputed", _("Disputed")
        DISPUTE_LOST = "dispute_lost", _("Dispute lost")

    key = models.CharField(max_length=40, unique=True, default=new_key, editable=False)
    amount = models.PositiveIntegerField(_("amount"), help_text=_("In minor units (cents)."))
    currency = models.CharField(_("currency"), max_length=3)
    frequency = models.CharField(_("frequency"), max_length=5, choices=Frequency.choices)
    campaign = models.ForeignKey(
        Campaign,
        verbose_name=_("campaign"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="donations",
    )
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.STARTED)
    email = models.EmailField(_("email"), blank=True)
    name = models.CharField(_("name"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("started"), default=timezone.now, db_index=True)
    stripe_checkout_session = models.CharField(max_length=255, unique=True, null=True, blank=True)
    stripe_customer = models.CharField(max_length=255, blank=True, db_index=True)
    stripe_subscription = models.CharField(max_length=255, unique=True, null=True, blank=True)
    checkout_expired = models.BooleanField(default=False)
    # The subscription's status as Stripe last reported it, and the time of that report
    # (the event's own time), so an older event arriving late cannot undo a newer one.
    subscription_status = models.CharField(max_length=32, blank=True)
    subscription_status_at = models.DateTimeField(null=True, blank=True)
    cancel_requested_at = models.DateTimeField(_("reader asked to cancel"), null=True, blank=True)

    class Meta:
        verbose_name = _("donation")
        verbose_name_plural = _("donations")
        ordering = ["-created_at", "-pk"]
        default_permissions = ("view",)
        permissions = [("export_donation", _("Can export donations and see totals"))]

    def __str__(self) -> str:
        return f"{self.amount_display()} {self.get_frequency_display().lower()} ({self.get_status_display()})"

    @property
    def is_recurring(self) -> bool:
        return self.frequency != Frequency.ONCE

    def amount_display(self) -> str:
        return format_money(self.amount, self.currency)

    amount_display.short_description = _("amount")

    def paid_total(self) -> int:
        """Paid minus refunded and lost in disputes over all its payments (renewals included)."""
        totals = self.payments.filter(status=Payment.Status.SUCCEEDED).aggregate(
            paid=Coalesce(Sum("amount"), 0),
            refunded=Coalesce(Sum("amount_refunded"), 0),
            lost=Coalesce(Sum("amount_lost"), 0),
        )
        return totals["paid"] - totals["refunded"] - totals["lost"]

    def received_display(self) -> str:
        received = self.received if hasattr(self, "received") else self.paid_total()
        return format_money(received, self.currency)

    received_display.short_description = _("received")

    def payments_summary(self) -> str:
        """Every payment in one line each: date, amount, status, any refund and any dispute."""
        lines = []
        for payment in self.payments.all():
            when = (
                timezone.localtime(payment.charged_at).strftime("%Y-%m-%d %H:%M")
                if payment.charged_at
                else ""
            )
            line = f"{when} {format_money(payment.amount, payment.currency)} {payment.get_status_display()}"
            if payment.amount_refunded:
                line += " " + _("(refunded %(amount)s)") % {
                    "amount": format_money(payment.amount_refunded, payment.currency)
                }
            if payment.dispute_status:
                line += " " + _("(dispute: %(status)s)") % {"status": payment.get_dispute_status_display()}
            lines.append(line.strip())
        return "; ".join(lines) or "—"

    payments_summary.short_description = _("payments")

    def derive_status(self) -> str:
        """The status that the facts recorded from Stripe's events add up to (see ``events``).

        A dispute still open comes first: someone has to answer it by its
        due date. Then money not kept outranks the subscription's state: a
        donation that lost a dispute is *Dispute lost*, and a monthly
        donation whose every payment was refunded is *Refunded*, whatever
        Stripe says of its subscription (which the donation's page shows
        beside it); a renewal succeeding after a full refund makes it
        *Active* again. A partial refund of a recurring donation leaves the
        subscription's state, and shows in the payments and in what was
        received. A won dispute leaves the status as if there had been none.
        """
        payments = list(self.payments.all())
        succeeded = [p for p in payments if p.status == Payment.Status.SUCCEEDED]
        if any(p.dispute_open for p in succeeded):
            return self.Status.DISPUTED
        if any(p.amount_lost for p in succeeded):
            return self.Status.DISPUTE_LOST
        paid = sum(p.amount for p in succeeded)
        refunded = sum(p.amount_refunded for p in succeeded)
        if paid and refunded >= paid:
            return self.Status.REFUNDED
        if not self.is_recurring:
            if succeeded:
                return self.Status.PARTLY_REFUNDED if refunded else self.Status.PAID
            if any(p.status == Payment.Status.FAILED for p in payments):
                return self.Status.FAILED
            return self.Status.EXPIRED if self.checkout_expired else self.Status.STARTED
        subscription = SUBSCRIPTION_STATUSES.get(self.subscription_status)
        if subscription:
            return subscription
        if succeeded:
            return self.Status.ACTIVE
        return self.Status.EXPIRED if self.checkout_expired else self.Status.STARTED

    @property
    def subscription_running(self) -> bool:
        """A monthly or yearly donation whose subscription has not ended (so it can be cancelled)."""
        return (
            self.is_recurring
            and bool(self.stripe_subscription)
            and self.subscription_status not in FINAL_SUBSCRIPTION_STATUSES
            and self.status not in (self.Status.CANCELED, self.Status.EXPIRED)
        )

    def refunded_total(self) -> int:
        """What was given back, over all its payments."""
        if hasattr(self, "refunded"):
            return self.refunded
        return self.payments.filter(status=Payment.Status.SUCCEEDED).aggregate(
            refunded=Coalesce(Sum("amount_refunded"), 0)
        )["refunded"]

    def refunded_display(self) -> str:
        refunded = self.refunded_total()
        return format_money(refunded, self.currency) if refunded else "—"

    refunded_display.short_description = _("refunded")

    def lost_total(self) -> int:
        """What lost disputes took back, over all its payments."""
        if hasattr(self, "lost"):
            return self.lost
        return self.payments.filter(status=Payment.Status.SUCCEEDED).aggregate(
            lost=Coalesce(Sum("amount_lost"), 0)
        )["lost"]

    def lost_display(self) -> str:
        lost = self.lost_total()
        return format_money(lost, self.currency) if lost else "—"

    lost_display.short_description = _("lost in disputes")

    def disputes_display(self) -> str:
        """Each dispute of its payments: status, reason, amount, the date to respond by, and Stripe's page."""
        disputed = [p for p in self.payments.all() if p.stripe_dispute]
        if not disputed:
            return "—"
        return format_html_join("", "<div>{}</div>", ((payment.dispute_summary(),) for payment in disputed))

    disputes_display.short_description = _("disputes")

    def subscription_display(self) -> str:
        """Stripe's word for the subscription (the donation's status may say *Refunded* beside it)."""
        if not self.is_recurring:
            return "—"
        return self.subscription_status or _("not reported yet")

    subscription_display.short_description = _("subscription at Stripe")


# Stripe's subscription statuses, as a donation's.
SUBSCRIPTION_STATUSES = {
    "active": Donation.Status.ACTIVE,
    "trialing": Donation.Status.ACTIVE,
    "past_due": Donation.Status.PAST_DUE,
    "unpaid": Donation.Status.PAST_DUE,
    "paused": Donation.Status.PAST_DUE,
    "canceled": Donation.Status.CANCELED,
    "incomplete_expired": Donation.Status.EXPIRED,
    "incomplete": Donation.Status.STARTED,
}
FINAL_SUBSCRIPTION_STATUSES = {"canceled", "incomplete_expired"}


class Payment(models.Model):
    """Money that moved for a donation: its first charge or one renewal (a Stripe invoice)."""

    class Status(models.TextChoices):
        SUCCEEDED = "succeeded", _("Succeeded")
        FAILED = "failed", _("Failed")

    class DisputeStatus(models.TextChoices):
        """Stripe's statuses of a dispute: an inquiry (``warning_…``), then perhaps a chargeback."""

        WARNING_NEEDS_RESPONSE = "warning_needs_response", _("Inquiry: needs a response")
        WARNING_UNDER_REVIEW = "warning_under_review", _("Inquiry: under review")
        WARNING_CLOSED = "warning_closed", _("Inquiry closed")
        NEEDS_RESPONSE = "needs_response", _("Needs a response")
        UNDER_REVIEW = "under_review", _("Under review")
        WON = "won", _("Won")
        LOST = "lost", _("Lost")
        PREVENTED = "prevented", _("Prevented")

    class DisputeReason(models.TextChoices):
        """Stripe's reasons for a dispute, as the cardholder's bank gave it."""

        BANK_CANNOT_PROCESS = "bank_cannot_process", _("Bank cannot process")
        CHECK_RETURNED = "check_returned", _("Cheque returned")
        CREDIT_NOT_PROCESSED = "credit_not_processed", _("Credit not processed")
        CUSTOMER_INITIATED = "customer_initiated", _("Customer initiated")
        DEBIT_NOT_AUTHORIZED = "debit_not_authorized", _("Debit not authorised")
        DUPLICATE = "duplicate", _("Duplicate")
        FRAUDULENT = "fraudulent", _("Fraudulent")
        GENERAL = "general", _("General")
        INCORRECT_ACCOUNT_DETAILS = "incorrect_account_details", _("Incorrect account details")
        INSUFFICIENT_FUNDS = "insufficient_funds", _("Insufficient funds")
        NONCOMPLIANT = "noncompliant", _("Non-compliant")
        PRODUCT_NOT_RECEIVED = "product_not_received", _("Product not received")
        PRODUCT_UNACCEPTABLE = "product_unacceptable", _("Product unacceptable")
        SUBSCRIPTION_CANCELED = "subscription_canceled", _("Subscription cancelled")
        UNRECOGNIZED = "unrecognized", _("Unrecognised")

    donation = models.ForeignKey(Donation, on_delete=models.CASCADE, related_name="payments")
    amount = models.PositiveIntegerField(_("amount"))
    currency = models.CharField(_("currency"), max_length=3)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices)
    amount_refunded = models.PositiveIntegerField(_("refunded"), default=0)
    charged_at = models.DateTimeField(_("date"), null=True, blank=True, db_index=True)
    stripe_invoice = models.CharField(max_length=255, unique=True, null=True, blank=True)
    stripe_payment_intent = models.CharField(max_length=255, unique=True, null=True, blank=True)
    stripe_charge = models.CharField(max_length=255, blank=True)
    receipt_sent_at = models.DateTimeField(null=True, blank=True)
    # The charge's dispute as its newest event told it (see ``events.record_dispute``): Stripe's
    # status, and the time of the event that reported it, so a late older event cannot undo it.
    stripe_dispute = models.CharField(max_length=255, blank=True)
    dispute_status = models.CharField(_("dispute"), max_length=32, blank=True, choices=DisputeStatus.choices)
    dispute_status_at = models.DateTimeField(null=True, blank=True)
    dispute_reason = models.CharField(
        _("reason for the dispute"), max_length=64, blank=True, choices=DisputeReason.choices
    )
    dispute_amount = models.PositiveIntegerField(_("disputed"), default=0)
    dispute_due_by = models.DateTimeField(_("respond to the dispute by"), null=True, blank=True)
    # Stripe's balance transactions of the payment's disputes, {id: {"fee": minor units, "currency": …}}:
    # the dispute fee withdrawn with a chargeback, and its return (a negative fee) if Stripe gives it back.
    dispute_fees = models.JSONField(default=dict, blank=True)
    # What the newsroom was emailed (``tasks.send_dispute_notice``, ``tasks.check_disputes``): the
    # status of the current dispute last announced, and the due date a reminder was sent for. Each is
    # claimed by a conditional update before its email goes out, so two workers never both send.
    dispute_notified_status = models.CharField(max_length=32, blank=True)
    dispute_reminded_due_by = models.DateTimeField(null=True, blank=True)
    # What a lost dispute took back, never more than was left after refunds (Stripe does not
    # refund a disputed charge, but a charge refunded in part can be disputed for the rest).
    amount_lost = models.GeneratedField(
        expression=Case(
            When(
                dispute_status="lost",
                then=Greatest(Least(F("dispute_amount"), F("amount") - F("amount_refunded")), Value(0)),
            ),
            default=Value(0),
        ),
        output_field=models.IntegerField(),
        db_persist=True,
        verbose_name=_("lost in a dispute"),
    )

    class Meta:
        verbose_name = _("payment")
        verbose_name_plural = _("payments")
        ordering = ["charged_at", "pk"]
        default_permissions = ("view",)

    def __str__(self) -> str:
        return f"{format_money(self.amount, self.currency)} ({self.get_status_display()})"

    @property
    def dispute_open(self) -> bool:
        """A dispute not decided yet (an unknown status counts as open: someone should look)."""
        return bool(self.dispute_status) and self.dispute_status not in CLOSED_DISPUTE_STATUSES

    @property
    def dispute_to_announce(self) -> bool:
        """The dispute needs a response or was decided, and the newsroom has not been told so yet."""
        return (
            self.dispute_status in ANNOUNCED_DISPUTE_STATUSES
            and self.dispute_notified_status != self.dispute_status
        )

    def dispute_fee_totals(self) -> dict[str, int]:
        """Stripe's dispute fees less what it gave back, per currency (its balance's, not the payment's)."""
        totals: dict[str, int] = {}
        for entry in self.dispute_fees.values():
            totals[entry["currency"]] = totals.get(entry["currency"], 0) + entry["fee"]
        return totals

    def dispute_fee_display(self) -> str:
        """What the dispute fees came to, e.g. "$15" (or "$0" once given back); "" if Stripe reported none."""
        return " + ".join(format_money(fee, code) for code, fee in sorted(self.dispute_fee_totals().items()))

    def dispute_summary(self) -> str:
        """One line for the admin: status, reason, amount, the date to respond by, a link to Stripe."""
        parts = [self.get_dispute_status_display(), format_money(self.dispute_amount, self.currency)]
        if self.dispute_reason:
            parts.insert(1, self.get_dispute_reason_display())
        if self.dispute_open and self.dispute_due_by:
            when = timezone.localtime(self.dispute_due_by).strftime("%Y-%m-%d %H:%M")
            parts.append(_("respond by %(date)s") % {"date": when})
        if self.dispute_fees:
            parts.append(_("Stripe's fee %(fee)s") % {"fee": self.dispute_fee_display()})
        return format_html(
            '{} (<a href="{}" target="_blank" rel="noreferrer">{}</a>)',
            ", ".join(str(part) for part in parts),
            stripe_dashboard_url(f"disputes/{self.stripe_dispute}"),
            _("see it in Stripe"),
        )


# Where a dispute ends: decided (won, lost), stopped before a chargeback (prevented), or an
# inquiry that closed without one.
CLOSED_DISPUTE_STATUSES = {"won", "lost", "prevented", "warning_closed"}
# The statuses the newsroom is emailed about: an answer is due by a date, or the bank decided.
NEEDS_RESPONSE_DISPUTE_STATUSES = {"warning_needs_response", "needs_response"}
DECIDED_DISPUTE_STATUSES = {"won", "lost"}
ANNOUNCED_DISPUTE_STATUSES = NEEDS_RESPONSE_DISPUTE_STATUSES | DECIDED_DISPUTE_STATUSES


class StripeEvent(models.Model):
    """One webhook event received from Stripe, kept to recognise duplicates and replay early arrivals."""

    class Outcome(models.TextChoices):
        APPLIED = "applied", _("Applied")
        WAITING = "waiting", _("Waiting for its donation")
        IGNORED = "ignored", _("Not about a donation")

    id = models.CharField(max_length=255, primary_key=True)
    type = models.CharField(max_length=100)
    created = models.DateTimeField()
    received_at = models.DateTimeField(auto_now_add=True)
    outcome = models.CharField(max_length=10, choices=Outcome.choices)
    donation = models.ForeignKey(Donation, null=True, blank=True, on_delete=models.SET_NULL)
    # For an event still waiting: the donation key and Stripe ids it mentions, " id1 id2 ".
    refs = models.CharField(max_length=1100, blank=True)
    payload = models.JSONField()

    class Meta:
        verbose_name = _("Stripe event")
        default_permissions = ("view",)

    def __str__(self) -> str:
        return f"{self.type} {self.pk}"


class PartnerInquiry(models.Model):
    """A message from a would-be advertiser or partner, sent through the form on the site."""

    name = models.CharField(_("name"), max_length=120)
    email = models.EmailField(_("email"))
    organisation = models.CharField(_("organisation"), max_length=160, blank=True)
    message = models.TextField(_("message"), max_length=4000)
    created_at = models.DateTimeField(_("received"), auto_now_add=True)
    emailed_to = models.CharField(_("emailed to"), max_length=254, blank=True)

    class Meta:
        verbose_name = _("partner inquiry")
        verbose_name_plural = _("partner inquiries")
        ordering = ["-created_at"]
        default_permissions = ("view", "delete")

    def __str__(self) -> str:
        return f"{self.name} ({self.organisation or self.email})"
