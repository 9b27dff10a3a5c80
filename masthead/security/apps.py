from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SecurityConfig(AppConfig):
    name = "masthead.security"
    label = "security"
    verbose_name = _("Security")

    def ready(self) -> None:
        from . import signal_handlers
        from .csp import nonce_wagtail_chooser_scripts
        from .editing import install_stale_copy_check

        nonce_wagtail_chooser_scripts()
        install_stale_copy_check()
        signal_handlers.connect()
