"""Where the revenue settings and the payment provider's configuration are read."""

from datetime import timedelta

from django.conf import settings
from django.http import HttpRequest
from wagtail.models import Site


def default_revenue_settings():
    """The default site's revenue settings (unsaved defaults when there is no site yet)."""
    from .models import RevenueSettings

    site = Site.objects.filter(is_default_site=True).first()
    return RevenueSettings.for_site(site) if site else RevenueSettings()


def revenue_settings_for(request: HttpRequest):
    """The settings of the site a request is for, kept on the request by Wagtail."""
    from .models import RevenueSettings

    if Site.find_for_request(request) is None:
        return default_revenue_settings()
    return RevenueSettings.for_request(request)


def payments_configured() -> bool:
    """Whether Stripe's secret key and webhook signing secret are both set."""
    return bool(settings.STRIPE_SECRET_KEY and settings.STRIPE_WEBHOOK_SECRET)


def stripe_test_mode() -> bool:
    """Whether the secret key is a test-mode one (no real money moves)."""
    return settings.STRIPE_SECRET_KEY.startswith(("sk_test_", "rk_test_"))


def stripe_dashboard_url(path: str) -> str:
    """A page of Stripe's dashboard, e.g. ``disputes/du_…``, in the mode of the secret key."""
    return f"https://dashboard.stripe.com/{'test/' if stripe_test_mode() else ''}{path}"


OFFER_SECONDS = 60


def offer_cache_key(site_id: int | None) -> str:
    return f"masthead:revenue:offer:{site_id or 0}"


def revenue_offer(request: HttpRequest | None) -> tuple:
    """The revenue settings and the campaigns live now (with what they raised), for a reader's page.

    Kept in the shared cache for a minute and dropped whenever a campaign, a
    payment or the settings change (see ``signal_handlers``), so the banner
    and the donation box cost no query on most page views. Campaigns starting
    within the minute are kept too and filtered by the clock on each use.
    """
    from django.core.cache import cache
    from django.utils import timezone

    from .models import Campaign, RevenueSettings

    memo = getattr(request, "_revenue_offer", None)
    if memo is not None:
        return memo
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        site = Site.objects.filter(is_default_site=True).first()
    key = offer_cache_key(site.pk if site else None)
    cached = cache.get(key)
    if cached is None:
        soon = timezone.now() + timedelta(seconds=OFFER_SECONDS)
        revenue = RevenueSettings.for_site(site) if site else RevenueSettings()
        campaigns = list(Campaign.objects.live(soon).with_raised().order_by("-starts_at", "pk"))
        cached = (revenue, campaigns)
        cache.set(key, cached, OFFER_SECONDS)
    revenue, campaigns = cached
    now = timezone.now()
    memo = (revenue, [c for c in campaigns if c.is_live(now)])
    if request is not None:
        request._revenue_offer = memo
    return memo


def forget_offer() -> None:
    """Drop every site's cached offer (a campaign, a payment or the settings changed)."""
    from django.core.cache import cache

    cache.delete_many([offer_cache_key(pk) for pk in [None, *Site.objects.values_list("pk", flat=True)]])
