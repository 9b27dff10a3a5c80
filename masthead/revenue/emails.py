"""The emails of reader revenue: a donor's receipt, a partner inquiry forwarded to the newsroom, and
the newsroom's notices of a disputed donation."""

from email.utils import formataddr

from django.conf import settings
from django.core.mail import EmailMessage, mailers
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from masthead.newsletters.emails import default_newsroom, public_url

from .configuration import default_revenue_settings, stripe_dashboard_url
from .models import DECIDED_DISPUTE_STATUSES, Donation, PartnerInquiry, Payment, RevenueSettings
from .money import format_money
from .tokens import manage_token


def mailer():
    """A fresh connection to the configured mailer (closed by the caller)."""
    return mailers[settings.REVENUE_MAILER]


def receipt_message(payment: Payment) -> EmailMessage:
    """The receipt for one payment; for a recurring donation, with the link to manage or cancel it."""
    donation: Donation = payment.donation
    newsroom = default_newsroom()
    context = {
        "newsroom": newsroom,
        "donation": donation,
        "payment": payment,
        "amount": format_money(payment.amount, payment.currency),
        "renewal": donation.payments.filter(charged_at__lt=payment.charged_at).exists()
        if payment.charged_at
        else False,
        "manage_url": public_url(reverse("revenue:manage", args=[manage_token(donation.key)]))
        if donation.is_recurring
        else "",
    }
    with translation.override(newsroom.language), timezone.override(newsroom.time_zone):
        subject = _("Your receipt: thank you for supporting %(newsroom)s") % {"newsroom": newsroom.name}
        body = render_to_string("revenue/email/receipt.txt", context)
    sender = formataddr((newsroom.name, settings.DEFAULT_FROM_EMAIL))
    return EmailMessage(subject, body, sender, [donation.email])


def inquiry_recipient(revenue: RevenueSettings | None = None) -> str:
    """Where partner inquiries go: the revenue setting, else the newsroom's contact address."""
    revenue = revenue or default_revenue_settings()
    return revenue.partner_email or default_newsroom().contact_email


def disputes_recipient(revenue: RevenueSettings | None = None) -> str:
    """Where the emails about disputes go: their own setting, else where partner inquiries go."""
    revenue = revenue or default_revenue_settings()
    return revenue.disputes_email or inquiry_recipient(revenue)


def inquiry_message(inquiry: PartnerInquiry, recipient: str) -> EmailMessage:
    newsroom = default_newsroom()
    with translation.override(newsroom.language):
        subject = _("Partner inquiry from %(name)s") % {"name": inquiry.organisation or inquiry.name}
        body = render_to_string(
            "revenue/email/partner_inquiry.txt",
            {"inquiry": inquiry, "admin_url": public_url(reverse("wagtailadmin_home"))},
        )
    return EmailMessage(
        subject.replace("\n", " ")[:200],
        body,
        formataddr((newsroom.name, settings.DEFAULT_FROM_EMAIL)),
        [recipient],
        reply_to=[inquiry.email],
    )


def dispute_message(payment: Payment, recipient: str, reminder: bool = False) -> EmailMessage:
    """The newsroom's notice of a payment's dispute as recorded: it needs a response by its date (again,
    as a ``reminder``, when the date is near), or the bank decided it, and what that cost."""
    donation: Donation = payment.donation
    newsroom = default_newsroom()
    decided = payment.dispute_status in DECIDED_DISPUTE_STATUSES
    inquiry = payment.dispute_status.startswith("warning_")
    amount = format_money(payment.dispute_amount, payment.currency)
    with translation.override(newsroom.language), timezone.override(newsroom.time_zone):
        due = (
            formats.date_format(timezone.localtime(payment.dispute_due_by), "DATETIME_FORMAT")
            if payment.dispute_due_by
            else ""
        )
        facts = {"amount": amount, "date": due or _("the date in Stripe's dashboard")}
        if payment.dispute_status == "won":
            subject = _("Dispute won: the donation of %(amount)s stays") % facts
        elif payment.dispute_status == "lost":
            subject = _("Dispute lost: %(amount)s taken back from a donation") % facts
        elif reminder:
            subject = _("Reminder: answer the dispute of a donation of %(amount)s by %(date)s") % facts
        elif inquiry:
            subject = _("A bank asks about a donation of %(amount)s: answer by %(date)s") % facts
        else:
            subject = _("Chargeback on a donation of %(amount)s: answer by %(date)s") % facts
        body = render_to_string(
            "revenue/email/dispute.txt",
            {
                "newsroom": newsroom,
                "donation": donation,
                "payment": payment,
                "amount": amount,
                "paid": format_money(payment.amount, payment.currency),
                "lost": format_money(payment.amount_lost, payment.currency),
                "fee": payment.dispute_fee_display() if any(payment.dispute_fee_totals().values()) else "",
                "due": due,
                "time_zone": newsroom.time_zone,
                "reminder": reminder and not decided,
                "decided": decided,
                "inquiry": inquiry,
                "stripe_url": stripe_dashboard_url(f"disputes/{payment.stripe_dispute}"),
                "admin_url": public_url(reverse("donations:inspect", args=[donation.pk])),
            },
        )
    return EmailMessage(subject, body, formataddr((newsroom.name, settings.DEFAULT_FROM_EMAIL)), [recipient])
