"""Keep the cached campaigns and settings (``configuration.revenue_offer``) in step with the database."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save

from .configuration import forget_offer


def offer_changed(sender, **kwargs) -> None:
    transaction.on_commit(forget_offer)


def register_signal_handlers() -> None:
    from .models import Campaign, Payment, RevenueSettings

    for model in (Campaign, Payment, RevenueSettings):
        post_save.connect(offer_changed, sender=model, dispatch_uid=f"revenue-offer-{model.__name__}")
        post_delete.connect(offer_changed, sender=model, dispatch_uid=f"revenue-offer-del-{model.__name__}")
