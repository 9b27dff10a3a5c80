"""The emails of reader revenue: a donor's receipt, and a partner inquiry forwarded to the newsroom."""

from email.utils import formataddr

from django.conf import settings
from django.core.mail import EmailMessage, mailers
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from masthead.newsletters.emails import default_newsroom, public_url

from .models import Donation, PartnerInquiry, Payment
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


def inquiry_recipient() -> str:
    """Where partner inquiries go: the revenue setting, else the newsroom's contact address."""
    from .configuration import default_revenue_settings

    return default_revenue_settings().partner_email or default_newsroom().contact_email


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
