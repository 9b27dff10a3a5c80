"""An admin panel that says whether payments are set up, and how to set them up."""

import stripe
from django.urls import reverse
from wagtail.admin.panels import Panel

from .configuration import payments_configured, stripe_test_mode


def payments_status() -> dict:
    """What the admin shows about the payment provider: configured or not, and the webhook's address."""
    from django.conf import settings

    from .events import WEBHOOK_EVENTS

    return {
        "webhook_events": ", ".join(WEBHOOK_EVENTS),
        "configured": payments_configured(),
        "has_secret_key": bool(settings.STRIPE_SECRET_KEY),
        "has_webhook_secret": bool(settings.STRIPE_WEBHOOK_SECRET),
        "test_mode": stripe_test_mode(),
        "webhook_path": reverse("revenue:stripe_webhook"),
        "api_version": stripe.api_version,
    }


class PaymentsStatusPanel(Panel):
    class BoundPanel(Panel.BoundPanel):
        template_name = "revenue/admin/payments_status_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context.update(payments_status())
            return context


class DisputesEmailPanel(Panel):
    """Where the emails about disputes go, with the fallbacks applied, or that they go nowhere."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "revenue/admin/disputes_email_panel.html"

        def get_context_data(self, parent_context=None):
            from .emails import disputes_recipient

            context = super().get_context_data(parent_context)
            context["recipient"] = disputes_recipient(self.instance)
            return context
