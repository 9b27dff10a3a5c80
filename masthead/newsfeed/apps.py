from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsfeedConfig(AppConfig):
    name = "masthead.newsfeed"
    label = "newsfeed"
    verbose_name = _("News Feed")

    def ready(self) -> None:
        from .signal_handlers import register_signal_handlers

        register_signal_handlers()
