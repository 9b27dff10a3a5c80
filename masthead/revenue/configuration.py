"""Where the revenue settings and the payment provider's configuration are read."""

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
