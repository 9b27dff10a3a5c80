"""The calls Masthead makes to Stripe's API: open a hosted checkout, open the customer portal, cancel.

Card details are typed on Stripe's own pages; Masthead only ever sees ids
and amounts. What a payment became is learnt from webhooks alone
(:mod:`masthead.revenue.events`), never from these calls' answers or the
reader's return to the site.
"""

import logging

import stripe
from django.conf import settings

from .models import Donation, Frequency

logger = logging.getLogger(__name__)

# Everything Stripe's library raises for a failed call: network trouble, a refused request, a bad key.
StripeFailure = stripe.StripeError


class PaymentsNotConfigured(Exception):
    """The secret key or the webhook secret is missing."""


def client() -> stripe.StripeClient:
    """A client with the configured key, at ``STRIPE_API_BASE`` when one is set (tests use a double)."""
    if not settings.STRIPE_SECRET_KEY:
        raise PaymentsNotConfigured
    base = {"api": settings.STRIPE_API_BASE} if settings.STRIPE_API_BASE else None
    return stripe.StripeClient(
        settings.STRIPE_SECRET_KEY,
        base_addresses=base,
        max_network_retries=1,
        http_client=stripe.RequestsClient(timeout=settings.STRIPE_TIMEOUT_SECONDS),
    )


def checkout_params(donation: Donation, product_name: str, success_url: str, cancel_url: str) -> dict:
    """The Checkout Session Stripe is asked for: one line of ``donation.amount``, once or recurring.

    Every object Stripe makes from it (the session, the payment or the
    subscription) carries the donation's key in its metadata, so each
    webhook event can be matched to the donation whatever order it comes in.
    """
    metadata = {"masthead_donation": donation.key}
    if donation.campaign_id:
        metadata["masthead_campaign"] = donation.campaign.slug
    price_data = {
        "currency": donation.currency,
        "unit_amount": donation.amount,
        "product_data": {"name": product_name},
    }
    params = {
        "line_items": [{"price_data": price_data, "quantity": 1}],
        "success_url": success_url,
        "cancel_url": cancel_url,
        "client_reference_id": donation.key,
        "metadata": metadata,
    }
    if donation.frequency == Frequency.ONCE:
        params["mode"] = "payment"
        params["submit_type"] = "donate"
        params["customer_creation"] = "always"
        params["payment_intent_data"] = {"metadata": metadata, "description": product_name}
    else:
        price_data["recurring"] = {"interval": donation.frequency}
        params["mode"] = "subscription"
        params["subscription_data"] = {"metadata": metadata, "description": product_name}
    return params


def create_checkout(donation: Donation, product_name: str, success_url: str, cancel_url: str) -> dict:
    """Open a Checkout Session; returns its ``id`` and ``url`` (Stripe's page to send the reader to)."""
    params = checkout_params(donation, product_name, success_url, cancel_url)
    # The donation's key makes a retried request return the same session, not a second one.
    session = client().v1.checkout.sessions.create(params=params, options={"idempotency_key": donation.key})
    return {"id": session.id, "url": session.url}


def portal_url(donation: Donation, return_url: str) -> str:
    """A one-off address of Stripe's customer portal, where the reader changes their card or cancels."""
    session = client().v1.billing_portal.sessions.create(
        params={"customer": donation.stripe_customer, "return_url": return_url}
    )
    return session.url


def cancel_subscription(donation: Donation) -> None:
    """Ask Stripe to end the subscription now; the webhook that follows records it as cancelled."""
    client().v1.subscriptions.cancel(donation.stripe_subscription)
