"""The scaled configuration: everything comes from the environment.

Required: ``SECRET_KEY``, ``ALLOWED_HOSTS`` (comma-separated) and
``DATABASE_URL``. Optional: ``REDIS_URL`` (cache and task queue; without it
the cache is per-process and tasks go through the database queue),
``WAGTAILADMIN_BASE_URL``, ``MEDIA_ROOT``, ``STATIC_ROOT``, ``SERVE_MEDIA``.
"""

import os

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import DATABASE_CACHES, MEDIA_ROOT, STATIC_ROOT
from .mail import mailers_from_environment


def require_env(name: str) -> str:
    """Return an environment variable, refusing to start without it."""
    value = os.environ.get(name, "").strip()
    if not value:
        raise ImproperlyConfigured(
            f"The environment variable {name} is required by masthead.settings.production."
        )
    return value


DEBUG = False
SECRET_KEY = require_env("SECRET_KEY")
ALLOWED_HOSTS = [host.strip() for host in require_env("ALLOWED_HOSTS").split(",")]
DATABASES = {"default": dj_database_url.parse(require_env("DATABASE_URL"))}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # A single-machine production on SQLite: the same options as the embedded
    # configuration, so concurrent writers (the worker, sign-in records) wait
    # for each other instead of failing with "database is locked".
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
        }
    )
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Under ASGI every request runs in a fresh thread, so persistent
    # per-thread connections would pile up until PostgreSQL refuses more;
    # a per-process pool bounds them (DB_POOL_MAX per web or worker process).
    DATABASES["default"].setdefault("OPTIONS", {})["pool"] = {
        "min_size": 1,
        "max_size": int(os.environ.get("DB_POOL_MAX", "8")),
        "timeout": 10,
    }

REDIS_URL = os.environ.get("REDIS_URL", "").strip()
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "masthead",
        },
        "renditions": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "masthead-renditions",
            "TIMEOUT": 7 * 24 * 3600,
        },
    }
    INSTALLED_APPS = [*INSTALLED_APPS, "django_tasks_redis"]  # noqa: F405
    TASKS = {
        "default": {
            "BACKEND": "django_tasks_redis.RedisTaskBackend",
            "QUEUES": [],
            "OPTIONS": {"REDIS_URL": REDIS_URL, "REDIS_KEY_PREFIX": "masthead_tasks"},
        }
    }
else:
    CACHES = DATABASE_CACHES

MEDIA_ROOT = os.environ.get("MEDIA_ROOT", str(MEDIA_ROOT))
STATIC_ROOT = os.environ.get("STATIC_ROOT", str(STATIC_ROOT))
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", f"https://{ALLOWED_HOSTS[0]}")
SERVE_MEDIA = os.environ.get("SERVE_MEDIA", "") == "1"

# HTTPS only: behind a TLS-terminating proxy that sets X-Forwarded-Proto.
# SECURE_SSL_REDIRECT=0 when the proxy already redirects (or for a local
# trial over plain HTTP, together with COOKIES_SECURE=0).
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = os.environ.get("SECURE_SSL_REDIRECT", "1") == "1"
# The stream and the health check are reached over plain HTTP by the proxy.
SECURE_REDIRECT_EXEMPT = [r"^news-feed/stream/$"]
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = os.environ.get("COOKIES_SECURE", "1") == "1"
SESSION_COOKIE_NAME = "__Host-sessionid" if SESSION_COOKIE_SECURE else "sessionid"
CSRF_COOKIE_NAME = "__Host-csrftoken" if CSRF_COOKIE_SECURE else "csrftoken"
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(365 * 24 * 3600)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = os.environ.get("SECURE_HSTS_INCLUDE_SUBDOMAINS", "1") == "1"
SECURE_HSTS_PRELOAD = os.environ.get("SECURE_HSTS_PRELOAD", "1") == "1"
SECURE_CSP = {**SECURE_CSP, "upgrade-insecure-requests": SECURE_SSL_REDIRECT}  # noqa: F405
MASTHEAD_ADMIN_CSP = {**MASTHEAD_ADMIN_CSP, "upgrade-insecure-requests": SECURE_SSL_REDIRECT}  # noqa: F405

# Email: EMAIL_BACKEND (an anymail provider) or EMAIL_HOST and friends; see
# settings/mail.py. Without either, an SMTP server on this machine.
MAILERS = mailers_from_environment(
    {
        "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "OPTIONS": {"host": "localhost", "timeout": 30},
    }
)
