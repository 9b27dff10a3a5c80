from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RevenueConfig(AppConfig):
    name = "masthead.revenue"
    label = "revenue"
    verbose_name = _("Reader revenue")

    def ready(self) -> None:
        from .signal_handlers import register_signal_handlers

        register_signal_handlers()
