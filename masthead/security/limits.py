"""Who is asking: the client address behind the newsroom's proxy, for limits and lockouts."""

import ipaddress

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def client_ip(request: HttpRequest) -> str:
    """The client's IP address: from ``NEWSLETTER_CLIENT_IP_HEADER`` behind a trusted proxy, else REMOTE_ADDR.

    Used by django-axes for sign-in lockouts; an unparseable value counts as
    one shared unknown address rather than escaping the limit.
    """
    header = settings.NEWSLETTER_CLIENT_IP_HEADER
    raw = (request.META.get(header, "") if header else "") or request.META.get("REMOTE_ADDR", "")
    try:
        return str(ipaddress.ip_address(raw.split(",")[0].strip()))
    except ValueError:
        return "0.0.0.0"  # noqa: S104 - a placeholder address, nothing binds to it


def locked_out(request: HttpRequest, original_response=None, credentials=None) -> HttpResponse:
    """django-axes' answer to a locked-out sign-in: a page saying what happened and for how long."""
    minutes = max(1, int(settings.AXES_COOLOFF_TIME.total_seconds() // 60))
    return render(request, "security/locked_out.html", {"cooloff_minutes": minutes}, status=429)
