"""The embedded configuration: one laptop, no environment variables needed.

SQLite under ``var/``, an in-process cache and a database-backed task queue
that ``manage.py worker`` drains.
"""

import os
import secrets

from masthead.core.files import write_private_file

from .base import *  # noqa: F403
from .base import DATABASE_CACHES, VAR_DIR
from .mail import mailers_from_environment

VAR_DIR.mkdir(exist_ok=True)

DEBUG = os.environ.get("DJANGO_DEBUG", "") == "1"


def _local_secret_key() -> str:
    """A key made once per checkout and kept in ``var/`` (git-ignored)."""
    path = VAR_DIR / "secret_key"
    if not path.exists():
        write_private_file(path, secrets.token_urlsafe(50))
    return path.read_text().strip()


SECRET_KEY = os.environ.get("SECRET_KEY") or _local_secret_key()
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]", "testserver"]

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": VAR_DIR / "masthead.sqlite3",
        "OPTIONS": {
            # WAL lets the web server read while the worker writes.
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
        },
    }
}

CACHES = DATABASE_CACHES

# The embedded server has no reverse proxy in front: let Django serve uploads.
SERVE_MEDIA = True

# Email: through the SMTP server or provider named in the environment (see
# settings/mail.py); without one, every message is written to var/mail/ so a
# laptop needs no mail server.
MAILERS = mailers_from_environment(
    {
        "BACKEND": "django.core.mail.backends.filebased.EmailBackend",
        "OPTIONS": {"file_path": VAR_DIR / "mail"},
    }
)
