"""Bounces and complaints reported by the email provider suppress the address."""

import logging

from anymail.signals import AnymailTrackingEvent, tracking

from .models import Subscriber

logger = logging.getLogger(__name__)

# Anymail's normalised event types that mean: never write to this address again.
# "rejected" is the provider refusing to send, usually because the address is
# already on its own suppression list after an earlier bounce or complaint.
SUPPRESSING_EVENTS = {"bounced", "complained", "rejected"}


def handle_tracking_event(sender, event: AnymailTrackingEvent, esp_name: str, **kwargs) -> None:
    subscriber = Subscriber.objects.for_email(event.recipient or "")
    if subscriber is None:
        return
    if event.event_type in SUPPRESSING_EVENTS:
        if subscriber.status != Subscriber.Status.SUPPRESSED:
            reason = f"{esp_name}: {event.event_type}"
            if event.reject_reason:
                reason += f" ({event.reject_reason})"
            subscriber.suppress(reason)
            logger.info("Suppressed subscriber %s after a %s event", subscriber.pk, event.event_type)
    elif event.event_type == "unsubscribed":
        subscriber.unsubscribe()


def register_signal_handlers() -> None:
    tracking.connect(handle_tracking_event, dispatch_uid="masthead.newsletters.tracking")
