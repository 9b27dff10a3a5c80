"""Stripe's webhook events, recorded as donations and payments.

The only source of payment state. Each event adds facts (this payment
succeeded, this much was refunded, the subscription is now past due as of
this time) and the donation's status is derived from all facts so far, so:

- a duplicate delivery is recognised by the event's id and changes nothing;
- events may come in any order: facts merge the same way whatever the order
  (a success is never undone by a failure of the same invoice, refunds only
  grow, a subscription status older than the one recorded is ignored, and a
  cancelled subscription stays cancelled);
- an event about a donation Masthead does not know yet (it came before the
  event that names it) waits, and is applied once a later event makes the
  donation known.

A dispute (``charge.dispute.*``, an inquiry or a chargeback) is recorded on
the payment it contests, found by its Charge or PaymentIntent like a refund.
Each event carries the whole Dispute as it stood; the newest event's is kept
(of two in the same second, the one further along the dispute's life), so a
late delivery cannot reopen a decided dispute and an inquiry that escalates
to a chargeback is followed. Only a lost dispute takes money off what was
received. Its balance transactions (Stripe's dispute fee, and its return) only
accumulate, so those of every report are kept, whichever report is newest. Once
the event is committed, the newsroom is emailed when the dispute needs a
response or is decided (``tasks.send_dispute_notice``, once per dispute and
status).

Stripe's API versions moved some fields (an invoice's subscription is now
under ``parent.subscription_details``); both places are read. In current
versions an invoice's event does not name the PaymentIntent that paid it, and
a Charge does not name its invoice: a subscription's payment is stored by its
invoice, and ``invoice_payment.paid`` (an InvoicePayment: ``invoice`` and
``payment.payment_intent``) adds its PaymentIntent, through which a refund
(``charge.refunded``, which names only the PaymentIntent) finds it.
"""

import logging
from datetime import UTC, datetime, timedelta

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from .models import FINAL_SUBSCRIPTION_STATUSES, Donation, Payment, StripeEvent

logger = logging.getLogger(__name__)

METADATA_KEY = "masthead_donation"
REPLAY_WINDOW = timedelta(days=30)
REPLAY_LIMIT = 200

Outcome = StripeEvent.Outcome


class Duplicate(Exception):
    """The event was received and applied before."""


# What a handler returns for an object of its type that is not about a donation.
NOT_A_DONATION = object()


def stamp(seconds: int | None) -> datetime | None:
    return datetime.fromtimestamp(int(seconds), UTC) if seconds else None


def text(value) -> str:
    """An id that Stripe sends as a string, or inside an expanded object."""
    if isinstance(value, dict):
        value = value.get("id")
    return value if isinstance(value, str) else ""


def metadata_key(obj: dict) -> str:
    metadata = obj.get("metadata") or {}
    value = metadata.get(METADATA_KEY, "") if isinstance(metadata, dict) else ""
    return value if isinstance(value, str) else ""


def find_donation(key: str = "", **stripe_ids: str) -> Donation | None:
    """The donation with this key, or with any of these Stripe ids; locked for the transaction."""
    lookup = Q(key=key) if key else Q()
    for field, value in stripe_ids.items():
        if value:
            lookup |= Q(**{field: value})
    if not lookup:
        return None
    return Donation.objects.select_for_update().filter(lookup).first()


def record_event(event: dict, replay: bool = True) -> str:
    """Apply one event whose signature was verified; returns its outcome. Raises Duplicate if seen.

    ``event`` is Stripe's JSON as a dict. Raises KeyError, TypeError or
    ValueError (and stores nothing) for an event without the fields its type has.

    An event that has to wait is tried once more after it is stored: the event
    it waits for may have committed meanwhile in a parallel request, whose
    replay ran before this one was stored. One of the two then sees the other.
    """
    outcome = apply_event(event, replay)
    if outcome == Outcome.WAITING and replay:
        try:
            outcome = apply_event(event, replay)
        except Duplicate:
            outcome = Outcome.APPLIED  # a parallel request's replay applied it in between
    return outcome


def apply_event(event: dict, replay: bool) -> str:
    event_id, event_type, created = event["id"], event["type"], event["created"]
    if not isinstance(event_id, str) or not isinstance(event_type, str) or not 0 < len(event_id) <= 255:
        raise ValueError("event id and type must be strings (ids of at most 255 characters)")
    if not isinstance(created, int) or isinstance(created, bool) or created <= 0:
        raise ValueError("created must be a Unix time")
    created = stamp(created)
    obj = event["data"]["object"]
    if not isinstance(obj, dict):
        raise ValueError("data.object must be an object")
    with transaction.atomic():
        seen = StripeEvent.objects.select_for_update().filter(pk=event_id).first()
        if seen is not None and seen.outcome != Outcome.WAITING:
            raise Duplicate
        handler = HANDLERS.get(event_type)
        donation = handler(obj, created) if handler else None
        if handler is None or donation is NOT_A_DONATION:
            outcome, donation = Outcome.IGNORED, None
        elif donation is None:
            outcome = Outcome.WAITING
        else:
            outcome = Outcome.APPLIED
            settle(donation)
        StripeEvent.objects.update_or_create(
            pk=event_id,
            defaults={
                "type": event_type[:100],
                "created": created,
                "outcome": outcome,
                "donation": donation,
                "refs": references(obj) if outcome == Outcome.WAITING else "",
                "payload": event,
            },
        )
    if outcome == Outcome.APPLIED and replay:
        replay_waiting(donation)
    return outcome


def references(obj: dict) -> str:
    """The donation key and Stripe ids an object mentions, as " id1 id2 " for a later lookup."""
    subscription, key = invoice_subscription(obj)
    paid_by = obj.get("payment") if isinstance(obj.get("payment"), dict) else {}
    refs = {
        text(paid_by.get("payment_intent")),
        metadata_key(obj),
        key,
        subscription,
        text(obj.get("id")),
        text(obj.get("client_reference_id")),
        text(obj.get("payment_intent")),
        text(obj.get("charge")),
        text(obj.get("invoice")),
        invoice_payment_intent(obj),
    }
    return " " + " ".join(sorted(r for r in refs if r))[:1000] + " "


def donation_ids(donation: Donation) -> set[str]:
    """The donation's key and every Stripe id recorded for it and its payments."""
    ids = {donation.key, donation.stripe_checkout_session or "", donation.stripe_subscription or ""}
    for row in donation.payments.values_list("stripe_invoice", "stripe_payment_intent", "stripe_charge"):
        ids |= {value or "" for value in row}
    return ids - {""}


def replay_waiting(donation: Donation) -> int:
    """Apply the waiting events that mention this donation or its Stripe ids; returns how many applied.

    An applied event may teach a new id (``invoice_payment.paid`` adds a
    payment's PaymentIntent, which a waiting refund names), so this goes round
    again with the ids learnt until a round applies nothing.
    """
    applied, tried = 0, set()
    while len(tried) < REPLAY_LIMIT:
        mentions = Q()
        for value in donation_ids(donation):
            mentions |= Q(refs__contains=f" {value} ")
        waiting = (
            StripeEvent.objects.filter(
                mentions, outcome=Outcome.WAITING, received_at__gte=timezone.now() - REPLAY_WINDOW
            )
            .exclude(pk__in=tried)
            .order_by("created")[: REPLAY_LIMIT - len(tried)]
        )
        progress = False
        for stored in list(waiting):
            tried.add(stored.pk)
            try:
                if record_event(stored.payload, replay=False) == Outcome.APPLIED:
                    applied += 1
                    progress = True
            except Duplicate:
                continue
            except (KeyError, TypeError, ValueError):
                logger.exception("Stripe event %s could not be applied on replay.", stored.pk)
        if not progress:
            break
        donation.refresh_from_db()
    return applied


def settle(donation: Donation) -> None:
    """Save the donation with the status its facts add up to, and queue the receipts now due."""
    donation.status = donation.derive_status()
    donation.save()
    if donation.email:
        due = list(
            donation.payments.filter(
                status=Payment.Status.SUCCEEDED, receipt_sent_at__isnull=True
            ).values_list("pk", flat=True)
        )
        if due:
            from .tasks import send_receipt

            for pk in due:
                transaction.on_commit(lambda pk=pk: send_receipt.enqueue(pk))


def learn(donation: Donation, *, customer: str = "", subscription: str = "", email: str = "", name: str = ""):
    """Fill in what Stripe told about the donor; known values are kept."""
    if customer and not donation.stripe_customer:
        donation.stripe_customer = customer
    if subscription and not donation.stripe_subscription:
        donation.stripe_subscription = subscription
    if email and not donation.email:
        donation.email = email[:254]
    if name and not donation.name:
        donation.name = name[:200]


def record_payment(
    donation: Donation,
    *,
    amount: int,
    currency: str,
    status: str,
    at: datetime | None,
    invoice: str = "",
    payment_intent: str = "",
    charge: str = "",
    refunded: int = 0,
) -> Payment | None:
    """Merge what an event says about one payment (found by its invoice or payment intent)."""
    if not invoice and not payment_intent:
        return None
    if not isinstance(amount, int) or amount < 0 or not isinstance(refunded, int):
        raise ValueError("amounts must be whole numbers of minor units")
    lookup = payment_lookup(invoice=invoice, payment_intent=payment_intent)
    payment = Payment.objects.select_for_update().filter(lookup).first()
    if payment is None:
        payment = Payment(
            donation=donation, amount=amount, currency=currency.lower(), status=status, charged_at=at
        )
    elif payment.donation_id != donation.pk:
        logger.warning("Payment %s belongs to another donation; event ignored.", payment.pk)
        return payment
    if invoice and not payment.stripe_invoice:
        payment.stripe_invoice = invoice
    if payment_intent and not payment.stripe_payment_intent:
        payment.stripe_payment_intent = payment_intent
    if charge and not payment.stripe_charge:
        payment.stripe_charge = charge
    if status == Payment.Status.SUCCEEDED and payment.status != Payment.Status.SUCCEEDED:
        # A success outranks any failure of the same payment (a retry that worked).
        payment.status, payment.amount, payment.currency = status, amount, currency.lower()
        payment.charged_at = at or payment.charged_at
    payment.amount_refunded = min(max(payment.amount_refunded, refunded), payment.amount)
    payment.save()
    return payment


def set_subscription_status(donation: Donation, status: str, at: datetime) -> None:
    """Record the subscription's status unless a newer one is recorded or it has ended."""
    if not status or donation.subscription_status in FINAL_SUBSCRIPTION_STATUSES:
        return
    if donation.subscription_status_at and at < donation.subscription_status_at:
        return
    donation.subscription_status = status[:32]
    donation.subscription_status_at = at


# Handlers: each finds the donation an object is about and records what it says;
# None when the donation is not known (yet).


def on_checkout_completed(session: dict, at: datetime) -> Donation | None:
    donation = find_donation(
        metadata_key(session) or text(session.get("client_reference_id")),
        stripe_checkout_session=text(session.get("id")),
    )
    if donation is None:
        return None
    details = session.get("customer_details") or {}
    if not donation.stripe_checkout_session:
        donation.stripe_checkout_session = text(session.get("id"))
    learn(
        donation,
        customer=text(session.get("customer")),
        subscription=text(session.get("subscription")),
        email=details.get("email") or session.get("customer_email") or "",
        name=details.get("name") or "",
    )
    if session.get("payment_status") == "paid":
        amount, currency = session["amount_total"], session["currency"]
        if session.get("mode") == "subscription":
            record_payment(
                donation,
                invoice=text(session.get("invoice")),
                amount=amount,
                currency=currency,
                status=Payment.Status.SUCCEEDED,
                at=at,
            )
            set_subscription_status(donation, "active", at)
        else:
            record_payment(
                donation,
                payment_intent=text(session.get("payment_intent")),
                amount=amount,
                currency=currency,
                status=Payment.Status.SUCCEEDED,
                at=at,
            )
    return donation


def on_checkout_async_failed(session: dict, at: datetime) -> Donation | None:
    donation = find_donation(metadata_key(session), stripe_checkout_session=text(session.get("id")))
    if donation is not None:
        record_payment(
            donation,
            payment_intent=text(session.get("payment_intent")),
            amount=session["amount_total"],
            currency=session["currency"],
            status=Payment.Status.FAILED,
            at=at,
        )
    return donation


def on_checkout_expired(session: dict, at: datetime) -> Donation | None:
    donation = find_donation(metadata_key(session), stripe_checkout_session=text(session.get("id")))
    if donation is not None:
        donation.checkout_expired = True
    return donation


def invoice_subscription(invoice: dict) -> tuple[str, str]:
    """The subscription id and donation key of an invoice, in the current and in older API shapes."""
    details = ((invoice.get("parent") or {}).get("subscription_details")) or {}
    subscription = text(details.get("subscription")) or text(invoice.get("subscription"))
    key = metadata_key(details) or metadata_key(invoice.get("subscription_details") or {})
    if not key:
        for line in ((invoice.get("lines") or {}).get("data")) or []:
            key = metadata_key(line) or key
    return subscription, key


def invoice_payment_intent(invoice: dict) -> str:
    for entry in ((invoice.get("payments") or {}).get("data")) or []:
        intent = text((entry.get("payment") or {}).get("payment_intent"))
        if intent:
            return intent
    return text(invoice.get("payment_intent"))


def invoice_donation(invoice: dict) -> Donation | None:
    subscription, key = invoice_subscription(invoice)
    if not subscription and not key:
        return None
    donation = find_donation(key, stripe_subscription=subscription)
    if donation is not None:
        learn(
            donation,
            customer=text(invoice.get("customer")),
            subscription=subscription,
            email=invoice.get("customer_email") or "",
            name=invoice.get("customer_name") or "",
        )
    return donation


def on_invoice_paid(invoice: dict, at: datetime) -> Donation | None:
    donation = invoice_donation(invoice)
    if donation is None:
        return None
    if invoice["amount_paid"] > 0:
        record_payment(
            donation,
            invoice=text(invoice.get("id")),
            payment_intent=invoice_payment_intent(invoice),
            amount=invoice["amount_paid"],
            currency=invoice["currency"],
            status=Payment.Status.SUCCEEDED,
            at=stamp((invoice.get("status_transitions") or {}).get("paid_at")) or at,
        )
    set_subscription_status(donation, "active", at)
    return donation


def on_invoice_failed(invoice: dict, at: datetime) -> Donation | None:
    """A renewal that could not be charged: the donation is past due until a retry works or it ends."""
    donation = invoice_donation(invoice)
    if donation is None:
        return None
    record_payment(
        donation,
        invoice=text(invoice.get("id")),
        payment_intent=invoice_payment_intent(invoice),
        amount=invoice["amount_due"],
        currency=invoice["currency"],
        status=Payment.Status.FAILED,
        at=at,
    )
    if invoice.get("billing_reason") != "subscription_create":
        set_subscription_status(donation, "past_due", at)
    return donation


def on_invoice_payment_paid(invoice_payment: dict, at: datetime) -> Donation | None:
    """An InvoicePayment: which PaymentIntent (or, rarely, bare Charge) paid an invoice.

    Refunds name only the PaymentIntent and the Charge, and a subscription's
    payments are first known by their invoice (the invoice's own events do not
    carry the PaymentIntent in current API versions), so this link is what
    lets a refunded renewal be found. Waits until the invoice's payment is known.
    """
    invoice = text(invoice_payment.get("invoice"))
    paid_by = invoice_payment.get("payment")
    paid_by = paid_by if isinstance(paid_by, dict) else {}
    intent, charge = text(paid_by.get("payment_intent")), text(paid_by.get("charge"))
    if not invoice or not (intent or charge):
        return NOT_A_DONATION  # paid outside Stripe (a payment record): nothing to refund here
    payment = Payment.objects.select_for_update().filter(stripe_invoice=invoice).first()
    if payment is None:
        return None
    donation = find_donation(id=payment.donation_id)
    if charge and not payment.stripe_charge:
        payment.stripe_charge = charge
    if intent and not payment.stripe_payment_intent:
        # A refund that carried the donation's key may have put the PaymentIntent on a row of its own.
        other = Payment.objects.select_for_update().filter(stripe_payment_intent=intent).first()
        if other is None:
            payment.stripe_payment_intent = intent
        elif other.donation_id == payment.donation_id and not other.stripe_invoice:
            payment.amount_refunded = min(max(payment.amount_refunded, other.amount_refunded), payment.amount)
            payment.stripe_charge = payment.stripe_charge or other.stripe_charge
            other.delete()
            payment.stripe_payment_intent = intent
        else:
            logger.warning("PaymentIntent %s is on payment %s already; link ignored.", intent, other.pk)
    elif intent and payment.stripe_payment_intent != intent:
        logger.warning("Payment %s has another PaymentIntent; link to %s ignored.", payment.pk, intent)
    payment.save()
    return donation


def on_subscription_changed(subscription: dict, at: datetime) -> Donation | None:
    donation = find_donation(metadata_key(subscription), stripe_subscription=text(subscription.get("id")))
    if donation is None:
        return None
    learn(donation, customer=text(subscription.get("customer")), subscription=text(subscription.get("id")))
    status = subscription.get("status")
    set_subscription_status(donation, status if isinstance(status, str) else "", at)
    return donation


def payment_lookup(charge: str = "", payment_intent: str = "", invoice: str = "") -> Q:
    """The payment any of these Stripe ids names; only the ids given count (an empty one would
    match every payment that has none), and none matches nothing."""
    lookup = Q(pk__in=[])
    for field, value in (
        ("stripe_charge", charge),
        ("stripe_payment_intent", payment_intent),
        ("stripe_invoice", invoice),
    ):
        if value:
            lookup |= Q(**{field: value})
    return lookup


def on_charge_refunded(charge: dict, at: datetime) -> Donation | None:
    """A full or partial refund: ``amount_refunded`` is the charge's running total."""
    intent, invoice = text(charge.get("payment_intent")), text(charge.get("invoice"))
    lookup = payment_lookup(charge=text(charge.get("id")), payment_intent=intent, invoice=invoice)
    payment = Payment.objects.filter(lookup).first()
    donation = find_donation(id=payment.donation_id) if payment else find_donation(metadata_key(charge))
    if donation is None:
        return None
    succeeded = charge.get("status") == "succeeded" or charge.get("paid") is True
    record_payment(
        donation,
        invoice=invoice,
        payment_intent=intent,
        charge=text(charge.get("id")),
        amount=charge["amount"],
        currency=charge["currency"],
        status=Payment.Status.SUCCEEDED if succeeded else Payment.Status.FAILED,
        at=stamp(charge.get("created")) or at,
        refunded=charge["amount_refunded"],
    )
    email = (charge.get("billing_details") or {}).get("email") or ""
    learn(donation, email=email if isinstance(email, str) else "")
    return donation


# A dispute's statuses in the order of its life: an inquiry, which may close or escalate (the same
# dispute, or a new one after the inquiry closed), then a chargeback until it is decided.
DISPUTE_ORDER = Payment.DisputeStatus.values  # the choices are listed in that order


def dispute_rank(status: str, at: datetime | None) -> tuple:
    """Which of two reports of a charge's dispute is kept: the later event, and of two in the same
    second (Stripe's times are whole seconds) the one further along; unknown statuses first."""
    position = DISPUTE_ORDER.index(status) if status in DISPUTE_ORDER else -1
    return at or datetime.min.replace(tzinfo=UTC), position


def record_dispute(payment: Payment, dispute: dict, at: datetime) -> None:
    """Keep what this report says of the payment's dispute, unless a later one is recorded."""
    payment.dispute_fees = {**payment.dispute_fees, **dispute_fees(dispute)}
    status = dispute["status"]
    if payment.stripe_dispute and dispute_rank(status, at) <= dispute_rank(
        payment.dispute_status, payment.dispute_status_at
    ):
        return
    due_by = (dispute.get("evidence_details") or {}).get("due_by")
    if payment.stripe_dispute != dispute["id"]:
        payment.dispute_notified_status = ""  # a new dispute (a chargeback after an inquiry) is news
    payment.stripe_dispute = dispute["id"]
    payment.dispute_status, payment.dispute_status_at = status, at
    payment.dispute_reason = dispute.get("reason") or ""
    payment.dispute_amount = dispute["amount"]
    payment.dispute_due_by = stamp(due_by)


def dispute_fees(dispute: dict) -> dict:
    """The fee of each of the Dispute's balance transactions, by id (an id alone, unexpanded, has none)."""
    return {
        entry["id"]: {"fee": entry["fee"], "currency": entry["currency"].lower()}
        for entry in dispute.get("balance_transactions") or []
        if isinstance(entry, dict)
    }


def whole_number(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def check_dispute(dispute: dict) -> None:
    """Raise KeyError or ValueError unless the Dispute has the fields Masthead reads, of their types."""
    if not isinstance(dispute["id"], str) or not 0 < len(dispute["id"]) <= 255:
        raise ValueError("a dispute's id must be a string of at most 255 characters")
    # The column is a 32-bit integer in PostgreSQL.
    if not whole_number(dispute["amount"]) or not 0 <= dispute["amount"] < 2**31:
        raise ValueError("a dispute's amount must be a whole number of minor units")
    if not isinstance(dispute["status"], str) or not 0 < len(dispute["status"]) <= 32:
        raise ValueError("a dispute's status must be a string")
    reason = dispute.get("reason") or ""
    if not isinstance(reason, str) or len(reason) > 64:
        raise ValueError("a dispute's reason must be a string")
    if not isinstance(dispute["currency"], str):
        raise ValueError("a dispute's currency must be a string")
    details = dispute.get("evidence_details") or {}
    if not isinstance(details, dict):
        raise ValueError("evidence_details must be an object")
    due_by = details.get("due_by")
    if due_by is not None and not (whole_number(due_by) and due_by > 0):
        raise ValueError("evidence_details.due_by must be a Unix time or null")
    if not text(dispute.get("charge")) and not text(dispute.get("payment_intent")):
        raise ValueError("a dispute names its charge")
    transactions = dispute.get("balance_transactions") or []
    if not isinstance(transactions, list):
        raise ValueError("balance_transactions must be a list")
    for entry in transactions:
        if isinstance(entry, dict) and not (
            isinstance(entry.get("id"), str)
            and 0 < len(entry["id"]) <= 255
            and whole_number(entry.get("fee"))
            and isinstance(entry.get("currency"), str)
            and len(entry["currency"]) == 3
        ):
            raise ValueError("a balance transaction has an id, a whole-number fee and a currency")


def on_charge_dispute(dispute: dict, at: datetime) -> Donation | None:
    """An inquiry or chargeback on a payment (``charge.dispute.*``): each event carries the Dispute."""
    check_dispute(dispute)
    charge, intent = text(dispute.get("charge")), text(dispute.get("payment_intent"))
    lookup = payment_lookup(charge=charge, payment_intent=intent)
    found = Payment.objects.filter(lookup).first()
    if found is None:
        return None
    donation = find_donation(id=found.donation_id)
    # Found again under the lock: ``invoice_payment.paid`` may have merged the row into another.
    payment = Payment.objects.select_for_update().filter(lookup, donation=donation).first()
    if payment is None:
        return None
    if charge and not payment.stripe_charge:
        payment.stripe_charge = charge
    record_dispute(payment, dispute, at)
    payment.save()
    if payment.dispute_to_announce:
        from .tasks import send_dispute_notice

        transaction.on_commit(lambda: send_dispute_notice.enqueue(payment.pk))
    return donation


HANDLERS = {
    "checkout.session.completed": on_checkout_completed,
    "checkout.session.async_payment_succeeded": on_checkout_completed,
    "checkout.session.async_payment_failed": on_checkout_async_failed,
    "checkout.session.expired": on_checkout_expired,
    "invoice.paid": on_invoice_paid,
    "invoice.payment_succeeded": on_invoice_paid,
    "invoice.payment_failed": on_invoice_failed,
    "invoice_payment.paid": on_invoice_payment_paid,
    "customer.subscription.created": on_subscription_changed,
    "customer.subscription.updated": on_subscription_changed,
    "customer.subscription.deleted": on_subscription_changed,
    "charge.refunded": on_charge_refunded,
    "charge.dispute.created": on_charge_dispute,
    "charge.dispute.updated": on_charge_dispute,
    "charge.dispute.closed": on_charge_dispute,
    "charge.dispute.funds_withdrawn": on_charge_dispute,
    "charge.dispute.funds_reinstated": on_charge_dispute,
}

# The events the webhook endpoint is to be sent (the admin's set-up steps and docs/revenue.md list them).
# ``invoice.payment_succeeded`` is read too (as ``invoice.paid``) but need not be enabled.
WEBHOOK_EVENTS = [name for name in HANDLERS if name != "invoice.payment_succeeded"]
