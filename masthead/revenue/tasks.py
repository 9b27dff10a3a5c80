"""Reader-revenue work for the background worker, written against ``django.tasks``."""

from django.db.models import Q
from django.tasks import task
from django.utils import timezone


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
