"""Who is asking (the client address behind the newsroom's proxy), and the limits on what they may ask."""

import ipaddress
import time
from dataclasses import dataclass

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


# Request limits on readers' endpoints, by URL name (see docs/security.md,
# "Rate and size limits"). MASTHEAD_REQUEST_RATE_LIMITS and
# MASTHEAD_REQUEST_BODY_LIMITS in the settings replace these defaults.
@dataclass(frozen=True)
class RateLimit:
    count: int
    seconds: int
    per: str  # "network": the client's IPv4 address or IPv6 /64; "link": the address's key or token


EMAIL_LINK = RateLimit(20, 600, "link")
DEFAULT_RATE_LIMITS: dict[str, RateLimit] = {
    # A search is a full-text query: 60 a minute from one network is far
    # more than a person types, and stops a scraper walking the archive.
    "search:index": RateLimit(60, 60, "network"),
    # Links in emails: mail providers (one-click unsubscribe) and corporate
    # link scanners open thousands of them from one address, so they are
    # counted per link; one link hammered is refused, the others are not.
    "newsletters:confirm": EMAIL_LINK,
    "newsletters:unsubscribe": EMAIL_LINK,
    "newsletters:preferences": EMAIL_LINK,
    "revenue:manage": EMAIL_LINK,
    "revenue:thanks": EMAIL_LINK,
}
# Public forms are a few fields: a body over 64 KiB is no reader's.
PUBLIC_FORM_BYTES = 64 * 1024
DEFAULT_BODY_LIMITS: dict[str, int] = {
    "newsletters:subscribe": PUBLIC_FORM_BYTES,
    "newsletters:unsubscribe": PUBLIC_FORM_BYTES,
    "newsletters:preferences": PUBLIC_FORM_BYTES,
    "revenue:donate": PUBLIC_FORM_BYTES,
    "revenue:partner": PUBLIC_FORM_BYTES,
    "revenue:manage": PUBLIC_FORM_BYTES,
    "discovery:mastodon": PUBLIC_FORM_BYTES,
}


def rate_limits() -> dict[str, RateLimit]:
    return getattr(settings, "MASTHEAD_REQUEST_RATE_LIMITS", DEFAULT_RATE_LIMITS)


def body_limits() -> dict[str, int]:
    return getattr(settings, "MASTHEAD_REQUEST_BODY_LIMITS", DEFAULT_BODY_LIMITS)


# Where a reverse proxy in front of Masthead connects from: this machine, or
# a private network (containers, a load balancer in the same network).
PROXY_NETWORKS = [
    ipaddress.ip_network(n)
    for n in ("127.0.0.0/8", "::1/128", "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "fc00::/7")
]


def behind_unnamed_proxy(request: HttpRequest) -> bool:
    """A request from a proxy's address with no header naming the reader (``NEWSLETTER_CLIENT_IP_HEADER``).

    Every reader would share that one address, so a per-network limit would
    throttle them all at once: such requests are not limited per network.
    """
    if settings.NEWSLETTER_CLIENT_IP_HEADER:
        return False
    try:
        address = ipaddress.ip_address(request.META.get("REMOTE_ADDR", ""))
    except ValueError:
        return False
    return any(address in network for network in PROXY_NETWORKS)


def limit_key(request: HttpRequest, view_name: str, limit: RateLimit, view_kwargs: dict) -> str:
    from masthead.newsletters.signup import client_network

    if limit.per == "link":
        return "|".join(str(view_kwargs.get(name, "")) for name in ("token", "key")) or client_network(
            request
        )
    return client_network(request)


def check_request_limits(request: HttpRequest, view_kwargs: dict) -> HttpResponse | None:
    """The refusal for a request over its endpoint's size or rate limit; None when it may go on.

    Called for every request once its URL is resolved (``SecurityHeadersMiddleware.process_view``).
    """
    match = getattr(request, "resolver_match", None)
    if match is None:
        return None
    view_name = match.view_name
    most = body_limits().get(view_name)
    if most is not None and request.method not in ("GET", "HEAD"):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > most:
            return too_large(request, most)
    limit = rate_limits().get(view_name)
    if limit is None:
        return None
    if limit.per == "network" and behind_unnamed_proxy(request):
        return None
    from masthead.newsletters.signup import within_limit

    key = limit_key(request, view_name, limit, view_kwargs)
    if within_limit(f"request:{view_name}", key, (limit.count, limit.seconds)):
        return None
    return too_many(request, limit)


def too_many(request: HttpRequest, limit: RateLimit) -> HttpResponse:
    retry = limit.seconds - int(time.time()) % limit.seconds
    response = render(
        request,
        "security/rate_limited.html",
        {"retry_minutes": max(1, -(-retry // 60)), "per_link": limit.per == "link"},
        status=429,
    )
    response["Retry-After"] = str(retry)
    response["Cache-Control"] = "no-store"
    return response


def too_large(request: HttpRequest, most: int) -> HttpResponse:
    response = render(request, "security/too_large.html", {"kib": most // 1024}, status=413)
    response["Cache-Control"] = "no-store"
    return response
