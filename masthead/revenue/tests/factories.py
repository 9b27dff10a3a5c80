"""Factories for campaigns and donations."""

from datetime import timedelta

import factory
from django.utils import timezone

from masthead.revenue.models import Campaign, Donation


class CampaignFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Campaign
        django_get_or_create = ("slug",)

    name = "Investigations unit"
    slug = factory.LazyAttribute(lambda o: o.name.lower().replace(" ", "-"))
    description = "Two reporters, one year, the port contracts."
    goal_amount = 500_000
    currency = "usd"
    starts_at = factory.LazyFunction(lambda: timezone.now() - timedelta(days=1))
    banner_text = "Support our investigations unit"


class DonationFactory(factory.django.DjangoModelFactory):
    """A donation whose checkout was opened, as the donate view stores it."""

    class Meta:
        model = Donation

    amount = 2500
    currency = "usd"
    frequency = "once"
    stripe_checkout_session = factory.Sequence(lambda n: f"cs_test_factory_{n}")
