from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AudioConfig(AppConfig):
    name = "masthead.audio"
    label = "audio"
    verbose_name = _("Audio")

    def ready(self) -> None:
        from .signal_handlers import register_signal_handlers

        register_signal_handlers()
