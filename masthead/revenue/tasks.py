"""Reader-revenue work for the background worker, written against ``django.tasks``."""

from datetime import timedelta

from django.db.models import F, Q
from django.tasks import task
from django.utils import timezone

# A dispute still needing an answer this close to its date gets a reminder.
DISPUTE_REMINDER_BEFORE = timedelta(days=3)


@task()
def send_receipt(payment_id: int) -> bool:
    """Email the receipt for a payment once: the payment is claimed before the email goes out."""
    from .emails import mailer, receipt_message
    from .models import Payment

    claimed = (
        Payment.objects.filter(pk=payment_id, status=Payment.Status.SUCCEEDED, receipt_sent_at__isnull=True)
        .exclude(Q(donation__email=""))
        .update(receipt_sent_at=timezone.now())
    )
    if not claimed:
        return False
    payment = Payment.objects.select_related("donation__campaign").get(pk=payment_id)
    try:
        with mailer() as connection:
            connection.send_messages([receipt_message(payment)])
    except Exception:
        # Not sent: release the claim so a later run (or an editor) can send it.
        Payment.objects.filter(pk=payment_id).update(receipt_sent_at=None)
        raise
    return True


@task()
def send_partner_inquiry(inquiry_id: int) -> bool:
    """Forward a partner inquiry to the newsroom's address (it stays in the admin either way)."""
    from .emails import inquiry_message, inquiry_recipient, mailer
    from .models import PartnerInquiry

    inquiry = PartnerInquiry.objects.filter(pk=inquiry_id, emailed_to="").first()
    recipient = inquiry_recipient()
    if inquiry is None or not recipient:
        return False
    with mailer() as connection:
        connection.send_messages([inquiry_message(inquiry, recipient)])
    PartnerInquiry.objects.filter(pk=inquiry_id).update(emailed_to=recipient)
    return True


def send_claimed(payment, expected: dict, claim: dict, message) -> bool:
    """Write ``claim`` on the payment if its fields are still as ``expected``, then send ``message``;
    the claim is undone if it could not be sent. False if another worker (or a change) came first."""
    from .emails import mailer
    from .models import Payment

    if not Payment.objects.filter(pk=payment.pk, **expected).update(**claim):
        return False
    try:
        with mailer() as connection:
            connection.send_messages([message])
    except Exception:
        Payment.objects.filter(pk=payment.pk, **claim).update(
            **{name: getattr(payment, name) for name in claim}
        )
        raise
    return True


@task()
def send_dispute_notice(payment_id: int) -> bool:
    """Email the newsroom that a payment's dispute needs a response, or was decided, once per dispute
    and status. Nothing is sent (or claimed) while no address is set."""
    from .emails import dispute_message, disputes_recipient
    from .models import NEEDS_RESPONSE_DISPUTE_STATUSES, Payment

    payment = Payment.objects.select_related("donation__campaign").filter(pk=payment_id).first()
    recipient = disputes_recipient()
    if payment is None or not payment.dispute_to_announce or not recipient:
        return False
    claim = {"dispute_notified_status": payment.dispute_status}
    due = payment.dispute_due_by
    if (
        payment.dispute_status in NEEDS_RESPONSE_DISPUTE_STATUSES
        and due
        and due <= timezone.now() + DISPUTE_REMINDER_BEFORE
    ):
        claim["dispute_reminded_due_by"] = due  # the notice gives the near date: no reminder on top of it
    expected = {
        "stripe_dispute": payment.stripe_dispute,
        "dispute_status": payment.dispute_status,
        "dispute_notified_status": payment.dispute_notified_status,
    }
    return send_claimed(payment, expected, claim, dispute_message(payment, recipient))


@task()
def check_disputes() -> list[int]:
    """Remind the newsroom of the disputes whose date to answer by is near (the worker's clock runs this)."""
    return remind_of_disputes()


def remind_of_disputes(now=None) -> list[int]:
    """Remind the newsroom of every dispute still needing a response whose date is less than three days
    away, once per date; returns the payments reminded of."""
    from .emails import dispute_message, disputes_recipient
    from .models import NEEDS_RESPONSE_DISPUTE_STATUSES, Payment

    recipient = disputes_recipient()
    if not recipient:
        return []
    now = now or timezone.now()
    due = (
        Payment.objects.select_related("donation__campaign")
        .filter(
            dispute_status__in=NEEDS_RESPONSE_DISPUTE_STATUSES,
            dispute_due_by__gt=now,
            dispute_due_by__lte=now + DISPUTE_REMINDER_BEFORE,
        )
        .exclude(dispute_reminded_due_by=F("dispute_due_by"))
        .order_by("dispute_due_by")
    )
    reminded = []
    for payment in due:
        expected = {
            "stripe_dispute": payment.stripe_dispute,
            "dispute_status": payment.dispute_status,
            "dispute_due_by": payment.dispute_due_by,
            "dispute_reminded_due_by": payment.dispute_reminded_due_by,
        }
        claim = {"dispute_reminded_due_by": payment.dispute_due_by}
        if send_claimed(payment, expected, claim, dispute_message(payment, recipient, reminder=True)):
            reminded.append(payment.pk)
    return reminded
