"""Email configuration from the environment, shared by the embedded and production settings.

Django 6.1 configures email with ``MAILERS``. Masthead reads, in order:

- ``EMAIL_BACKEND``: a backend path, e.g. ``anymail.backends.postmark.EmailBackend``
  for an email provider through django-anymail (its options come from
  ``ANYMAIL_*`` variables, e.g. ``ANYMAIL_POSTMARK_SERVER_TOKEN``);
- ``EMAIL_HOST`` (and ``EMAIL_PORT``, ``EMAIL_HOST_USER``, ``EMAIL_HOST_PASSWORD``,
  ``EMAIL_USE_TLS``, ``EMAIL_USE_SSL``, ``EMAIL_TIMEOUT``): an SMTP server;
- otherwise the caller's fallback.
"""

import os


def _flag(name: str) -> bool:
    return os.environ.get(name, "").strip().lower() in ("1", "true", "yes", "on")


def mailers_from_environment(fallback: dict) -> dict:
    """The ``MAILERS`` setting: one ``default`` mailer, from the environment or ``fallback``."""
    backend = os.environ.get("EMAIL_BACKEND", "").strip()
    host = os.environ.get("EMAIL_HOST", "").strip()
    if backend:
        mailer = {"BACKEND": backend}
    elif host:
        options = {
            "host": host,
            "username": os.environ.get("EMAIL_HOST_USER", ""),
            "password": os.environ.get("EMAIL_HOST_PASSWORD", ""),
            "use_tls": _flag("EMAIL_USE_TLS"),
            "use_ssl": _flag("EMAIL_USE_SSL"),
            # Without a timeout a silent server would hold a sender forever.
            "timeout": float(os.environ.get("EMAIL_TIMEOUT", "30")),
        }
        if os.environ.get("EMAIL_PORT", "").strip():
            options["port"] = int(os.environ["EMAIL_PORT"])
        mailer = {"BACKEND": "django.core.mail.backends.smtp.EmailBackend", "OPTIONS": options}
    else:
        mailer = fallback
    return {"default": mailer}


def anymail_from_environment() -> dict:
    """``ANYMAIL`` options from ``ANYMAIL_<NAME>`` variables (e.g. ``ANYMAIL_WEBHOOK_SECRET``)."""
    return {
        name.removeprefix("ANYMAIL_"): value
        for name, value in os.environ.items()
        if name.startswith("ANYMAIL_") and value
    }
