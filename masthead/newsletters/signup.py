"""Signing up, confirming and the limits that keep the signup form from being abused.

Double opt-in: a signup stores the address as *pending* and mails a signed,
expiring confirmation link; only a click on it makes the address receive
newsletters. Signing up again is harmless: a confirmed reader who asks for
nothing new gets no email, and the page says the same thing in every case,
so the form tells nobody whether an address is known.
"""

import hashlib
import ipaddress
import logging
import time
from datetime import timedelta

from django.conf import settings
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.http import HttpRequest
from django.utils import timezone

from .models import ErasedAddress, NewsletterList, Subscriber, Subscription, normalise_email

logger = logging.getLogger(__name__)


def client_network(request: HttpRequest) -> str:
    """The reader's network for rate limits: their IPv4 address, or their IPv6 /64."""
    header = settings.NEWSLETTER_CLIENT_IP_HEADER
    raw = (request.META.get(header, "") if header else "") or request.META.get("REMOTE_ADDR", "")
    raw = raw.split(",")[0].strip()
    try:
        address = ipaddress.ip_address(raw)
    except ValueError:
        return "unknown"
    if address.version == 6:
        return str(ipaddress.ip_network(f"{address}/64", strict=False))
    return str(address)


def within_limit(scope: str, key: str, limit: tuple[int, int]) -> bool:
    """Count one attempt for ``key``; False once more than ``count`` fell in this window.

    Fixed windows in the shared cache (database or Redis), so every web
    process counts together.
    """
    count, seconds = limit
    digest = hashlib.sha256(key.encode()).hexdigest()[:32]
    cache_key = f"masthead:newsletters:{scope}:{digest}:{int(time.time() // seconds)}"
    cache.add(cache_key, 0, seconds * 2)
    try:
        attempts = cache.incr(cache_key)
    except ValueError:  # evicted between add and incr
        cache.set(cache_key, 1, seconds * 2)
        attempts = 1
    return attempts <= count


def may_send_confirmation(subscriber: Subscriber) -> bool:
    """Count a confirmation email to this address; False once the cap for the window is reached."""
    now = timezone.now()
    window_start = now - timedelta(seconds=settings.NEWSLETTER_CONFIRMATION_WINDOW)
    with transaction.atomic():
        current = Subscriber.objects.select_for_update().get(pk=subscriber.pk)
        if (
            current.confirmation_window_started_at is None
            or current.confirmation_window_started_at < window_start
        ):
            current.confirmation_window_started_at = now
            current.confirmation_emails_sent = 0
        if current.confirmation_emails_sent >= settings.NEWSLETTER_CONFIRMATIONS_PER_ADDRESS:
            return False
        current.confirmation_emails_sent += 1
        current.save(update_fields=["confirmation_window_started_at", "confirmation_emails_sent"])
    return True


def request_subscription(email: str, lists: list[NewsletterList]) -> str:
    """Handle a signup; returns what happened (for logs and tests, never shown to the reader)."""
    email = normalise_email(email)
    subscriber = Subscriber.objects.for_email(email)
    if subscriber is None:
        try:
            subscriber = Subscriber.objects.create(email=email, source=Subscriber.Source.SIGNUP)
        except IntegrityError:  # the same address, signed up at the same moment
            subscriber = Subscriber.objects.get(email=email)
    wanted = lists
    if subscriber.status == Subscriber.Status.SUPPRESSED:
        return "suppressed"
    if subscriber.status == Subscriber.Status.CONFIRMED:
        have = set(subscriber.subscriptions.values_list("newsletter_list_id", flat=True))
        wanted = [nl for nl in lists if nl.pk not in have]
        if not wanted:
            return "already-subscribed"
    elif subscriber.status == Subscriber.Status.PENDING:
        # Remember the choice while waiting; a pending address receives nothing.
        Subscription.objects.bulk_create(
            [Subscription(subscriber=subscriber, newsletter_list=nl) for nl in lists], ignore_conflicts=True
        )
    if not may_send_confirmation(subscriber):
        return "capped"
    from .tasks import send_confirmation

    send_confirmation.enqueue(subscriber.pk, [nl.pk for nl in wanted])
    return "confirmation-sent"


def confirm_subscription(email: str, list_ids: list[int]) -> Subscriber | None:
    """Make the address a confirmed subscriber of the lists in its link; None if it cannot be."""
    subscriber = Subscriber.objects.for_email(email)
    if subscriber is None or subscriber.status == Subscriber.Status.SUPPRESSED:
        return None
    lists = list(NewsletterList.objects.filter(pk__in=list_ids))
    if not lists and not subscriber.subscriptions.exists():
        return None
    with transaction.atomic():
        Subscription.objects.bulk_create(
            [Subscription(subscriber=subscriber, newsletter_list=nl) for nl in lists], ignore_conflicts=True
        )
        # The owner opted in again themself: an earlier erasure no longer stands in the way.
        ErasedAddress.objects.matching(subscriber.email).delete()
        # The conditional update lets one of two confirmations at once through.
        newly_confirmed = (
            Subscriber.objects.filter(pk=subscriber.pk)
            .exclude(status=Subscriber.Status.CONFIRMED)
            .update(
                status=Subscriber.Status.CONFIRMED, confirmed_at=timezone.now(), confirmation_emails_sent=0
            )
        )
        if newly_confirmed:
            from .tasks import send_welcome

            transaction.on_commit(lambda: send_welcome.enqueue(subscriber.pk))
    subscriber.refresh_from_db()
    return subscriber
