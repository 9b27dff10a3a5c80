"""Stripe webhook events for tests, shaped like Stripe's and signed with the stripe library's own scheme."""

import itertools
import json
import time

import stripe

WEBHOOK_SECRET = "whsec_test_masthead"
_numbers = itertools.count(1)


def event(event_type: str, obj: dict, created: int | None = None, event_id: str | None = None) -> dict:
    return {
        "id": event_id or f"evt_test_{next(_numbers)}",
        "object": "event",
        "api_version": stripe.api_version,
        "created": created or int(time.time()),
        "livemode": False,
        "type": event_type,
        "data": {"object": obj},
    }


def send(client, payload: dict, secret: str = WEBHOOK_SECRET, signature: str | None = None):
    """POST an event to the webhook endpoint, signed as Stripe signs it."""
    body = json.dumps(payload)
    header = signature or stripe.WebhookSignature.generate_signature_header(body, secret)
    return client.post(
        "/support/stripe/webhook/", data=body, content_type="application/json", HTTP_STRIPE_SIGNATURE=header
    )


def payment_intent(donation) -> str:
    """The PaymentIntent a one-time donation's completed checkout names."""
    return f"pi_{donation.key[:10]}"


def checkout_completed(
    donation, *, created: int | None = None, email: str = "olena@example.org", **extra
) -> dict:
    recurring = donation.frequency != "once"
    session = {
        "id": donation.stripe_checkout_session,
        "object": "checkout.session",
        "mode": "subscription" if recurring else "payment",
        "payment_status": "paid",
        "status": "complete",
        "amount_total": donation.amount,
        "currency": donation.currency,
        "client_reference_id": donation.key,
        "customer": "cus_test_1",
        "customer_details": {"email": email, "name": "Olena Koval"},
        "metadata": {"masthead_donation": donation.key},
        "payment_intent": None if recurring else payment_intent(donation),
        "subscription": f"sub_{donation.key[:10]}" if recurring else None,
        "invoice": f"in_first_{donation.key[:10]}" if recurring else None,
        **extra,
    }
    return event("checkout.session.completed", session, created)


def invoice(
    donation,
    event_type: str,
    invoice_id: str,
    *,
    created: int | None = None,
    reason: str = "subscription_cycle",
) -> dict:
    """An invoice event as current API versions send it: no ``payment_intent``, and no ``payments``
    (an includable list, left out of webhook payloads); the link comes with ``invoice_payment.paid``."""
    paid = event_type == "invoice.paid"
    obj = {
        "id": invoice_id,
        "object": "invoice",
        "billing_reason": reason,
        "customer": "cus_test_1",
        "customer_email": "olena@example.org",
        "currency": donation.currency,
        "amount_due": donation.amount,
        "amount_paid": donation.amount if paid else 0,
        "status": "paid" if paid else "open",
        "status_transitions": {"paid_at": created if paid else None},
        "parent": {
            "type": "subscription_details",
            "subscription_details": {
                "subscription": f"sub_{donation.key[:10]}",
                "metadata": {"masthead_donation": donation.key},
            },
        },
    }
    return event(event_type, obj, created)


def invoice_payment(
    invoice_id: str, amount: int, *, currency: str = "usd", created: int | None = None
) -> dict:
    """``invoice_payment.paid``: the only event that ties an invoice to the PaymentIntent that paid it
    (an InvoicePayment, as in stripe/_invoice_payment.py); the PaymentIntent is ``pi_<invoice id>``."""
    at = created or int(time.time())
    obj = {
        "id": f"inpay_{invoice_id}",
        "object": "invoice_payment",
        "amount_paid": amount,
        "amount_requested": amount,
        "created": at,
        "currency": currency,
        "invoice": invoice_id,
        "is_default": True,
        "livemode": False,
        "payment": {"type": "payment_intent", "payment_intent": f"pi_{invoice_id}"},
        "status": "paid",
        "status_transitions": {"canceled_at": None, "paid_at": at},
    }
    return event("invoice_payment.paid", obj, created)


def subscription(donation, event_type: str, status: str, *, created: int | None = None) -> dict:
    obj = {
        "id": f"sub_{donation.key[:10]}",
        "object": "subscription",
        "customer": "cus_test_1",
        "status": status,
        "metadata": {"masthead_donation": donation.key},
    }
    return event(event_type, obj, created)


def charge_refunded(payment_intent: str, amount: int, refunded: int, currency: str = "usd", **extra) -> dict:
    """A Charge as current API versions send it: its PaymentIntent, no ``invoice`` field, and (for a
    subscription's charge) no metadata of the donation's."""
    obj = {
        "id": f"ch_{payment_intent}",
        "object": "charge",
        "amount": amount,
        "amount_refunded": refunded,
        "refunded": refunded >= amount,
        "currency": currency,
        "paid": True,
        "status": "succeeded",
        "payment_intent": payment_intent,
        "created": int(time.time()) - 60,
        "metadata": {},
        **extra,
    }
    return event("charge.refunded", obj)


def dispute(
    event_type: str,
    payment_intent: str | None,
    status: str,
    amount: int,
    *,
    charge: str | None = None,
    dispute_id: str | None = None,
    reason: str = "fraudulent",
    currency: str = "usd",
    created: int | None = None,
    opened: int | None = None,
    due_in_days: int = 9,
) -> dict:
    """A ``charge.dispute.*`` event: the Dispute as it stands (as in stripe/_dispute.py), naming the
    Charge (``ch_<PaymentIntent>`` unless given) and its PaymentIntent. A chargeback's balance
    transactions show the amount and Stripe's fee withdrawn, and given back once it is won. ``opened``
    is when the dispute began (an hour before the event unless given); its response is due days later."""
    at = created or int(time.time())
    opened = opened or at - 3600
    charge = charge or f"ch_{payment_intent}"
    chargeback = not status.startswith("warning_")
    withdrawn = {
        "id": f"txn_dispute_{charge}",
        "object": "balance_transaction",
        "amount": -amount,
        "currency": currency,
        "fee": 1500,
        "net": -amount - 1500,
        "reporting_category": "dispute",
        "type": "adjustment",
        "status": "available",
    }
    reinstated = {**withdrawn, "id": f"txn_reinstated_{charge}", "amount": amount, "fee": -1500}
    reinstated.update(net=amount + 1500, reporting_category="dispute_reversal")
    obj = {
        "id": dispute_id or f"du_{charge}",
        "object": "dispute",
        "amount": amount,
        "balance_transactions": ([withdrawn] if chargeback else [])
        + ([reinstated] if status == "won" else []),
        "charge": charge,
        "created": opened,
        "currency": currency,
        "enhanced_eligibility_types": [],
        "evidence": {"customer_email_address": None, "product_description": None, "uncategorized_text": None},
        "evidence_details": {
            "due_by": opened + due_in_days * 86400,
            "has_evidence": status in ("under_review", "warning_under_review", "won", "lost"),
            "past_due": False,
            "submission_count": 1 if status in ("under_review", "won", "lost") else 0,
        },
        "is_charge_refundable": False,
        "livemode": False,
        "metadata": {},
        "network_reason_code": "10.4" if reason == "fraudulent" else "13.1",
        "payment_intent": payment_intent,
        "payment_method_details": {"card": {"brand": "visa", "network_reason_code": "10.4"}, "type": "card"},
        "reason": reason,
        "status": status,
    }
    return event(event_type, obj, at)
