from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "masthead.core"
    label = "core"
    verbose_name = _("Newsroom")

    def ready(self) -> None:
        from .admin_fixes import tolerate_malformed_chooser_values

        tolerate_malformed_chooser_values()
