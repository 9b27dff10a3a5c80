"""Reader-revenue fixtures: a fake Stripe API on loopback, keys, settings, a live campaign and a paid
donation."""

import time

import pytest
from django.core.cache import cache
from wagtail.models import Site

from masthead.revenue.models import RevenueSettings

from . import stripe_events as events
from .factories import CampaignFactory, DonationFactory
from .fake_stripe import FakeStripe
from .stripe_events import WEBHOOK_SECRET


@pytest.fixture(autouse=True)
def clean_cache():
    cache.clear()  # rate limits are counted in the cache
    yield
    cache.clear()


@pytest.fixture
def fake_stripe(settings):
    """Stripe's API played by a server on loopback; the stripe library is pointed at it."""
    server = FakeStripe().start()
    settings.STRIPE_SECRET_KEY = "sk_test_masthead"
    settings.STRIPE_WEBHOOK_SECRET = WEBHOOK_SECRET
    settings.STRIPE_API_BASE = server.url
    yield server
    server.stop()


@pytest.fixture
def webhook_secret(settings):
    settings.STRIPE_SECRET_KEY = "sk_test_masthead"
    settings.STRIPE_WEBHOOK_SECRET = WEBHOOK_SECRET
    settings.STRIPE_API_BASE = "http://127.0.0.1:9"  # nothing listens: webhooks must not call out


@pytest.fixture
def no_keys(settings):
    settings.STRIPE_SECRET_KEY = ""
    settings.STRIPE_WEBHOOK_SECRET = ""


@pytest.fixture
def revenue(db):
    site = Site.objects.get(is_default_site=True)
    return RevenueSettings.objects.create(
        site=site,
        currency="usd",
        minimum_amount=100,
        maximum_amount=1_000_000,
        presets_once=[1000, 2500, 5000],
        presets_month=[500, 1000, 2000],
        presets_year=[5000, 10000],
    )


@pytest.fixture
def campaign(db):
    return CampaignFactory()


@pytest.fixture
def one_time(db, revenue, campaign):
    return DonationFactory(frequency="once", amount=2500, campaign=campaign)


@pytest.fixture
def paid_once(client, webhook_secret, one_time, django_capture_on_commit_callbacks):
    """A one-time donation of $25 paid two hours ago (its receipt sent)."""
    paid_at = int(time.time()) - 7200
    with django_capture_on_commit_callbacks(execute=True):
        assert events.send(client, events.checkout_completed(one_time, created=paid_at)).status_code == 200
    return one_time
