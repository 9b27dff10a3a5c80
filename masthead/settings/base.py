"""Settings shared by every configuration of Masthead.

The embedded, production and test modules import everything from here and
override only what differs: the database, the cache, the task backend and
the secrets.
"""

import os
from datetime import timedelta
from pathlib import Path

from django.utils.translation import gettext_lazy as _
from wagtail.embeds.oembed_providers import flourish, soundcloud, spotify, vimeo, youtube

from masthead.security.policy import admin_policy, origin_of, public_policy

from .mail import anymail_from_environment

BASE_DIR = Path(__file__).resolve().parent.parent.parent
PROJECT_DIR = BASE_DIR / "masthead"
# Everything a running newsroom writes (database, uploads, keys) lives here.
VAR_DIR = Path(os.environ.get("MASTHEAD_VAR_DIR", BASE_DIR / "var"))

DJANGO_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
]
THIRD_PARTY_APPS = [
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_tasks_db",
]
LOCAL_APPS = [
    "masthead.core",
    "masthead.articles",
    "masthead.newsfeed",
    "masthead.demo",
    "masthead.discovery",
    "masthead.search",
    "masthead.security",
    "masthead.audio",
    "masthead.revenue",
]
INSTALLED_APPS = LOCAL_APPS + THIRD_PARTY_APPS + DJANGO_APPS

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "masthead.security.two_factor.TwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "masthead.core.middleware.NewsroomLocaleMiddleware",
    "masthead.core.middleware.PublicCacheMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "masthead.security.middleware.SecurityHeadersMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "masthead.urls"
WSGI_APPLICATION = "masthead.wsgi.application"
ASGI_APPLICATION = "masthead.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "masthead.core.context_processors.session",
            ],
        },
    },
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("uk", _("Ukrainian"))]
LOCALE_PATHS = [PROJECT_DIR / "locale"]
# Stored times are UTC. Public pages show them in the newsroom's time zone, a
# site setting (masthead.core.models.NewsroomSettings); the admin shows them in
# each editor's own zone (Account > Preferences), or in this one by default.
TIME_ZONE = os.environ.get("TIME_ZONE", "Europe/Kyiv")
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [PROJECT_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = VAR_DIR / "media"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

WAGTAIL_SITE_NAME = "Masthead"
WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8000"
WAGTAILIMAGES_IMAGE_MODEL = "core.NewsImage"
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
# Larger pictures (a decompression bomb, or a raw camera file) are refused at upload.
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp"]
WAGTAIL_I18N_ENABLED = False
# Documents editors may upload: no HTML, SVG or scripts that could run on the
# site's own origin when served.
WAGTAILDOCS_EXTENSIONS = ["pdf", "csv", "txt", "docx", "xlsx", "pptx", "odt", "ods", "odp", "zip"]
WAGTAILEMBEDS_RESPONSIVE_HTML = True
# Only providers whose embeds are plain iframes: no third-party script runs on
# a reader's page because an editor pasted a link.
WAGTAILEMBEDS_FINDERS = [
    {
        "class": "wagtail.embeds.finders.oembed",
        "providers": [youtube, vimeo, soundcloud, spotify, flourish],
    }
]

# Background work: every task is written against django.tasks; the engine
# is configuration (a database queue embedded, Redis at scale).
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

LOGIN_URL = "wagtailadmin_login"

# Errors go to the console (the web server's and worker's log), DEBUG or not.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "loggers": {
        "django.request": {"handlers": ["console"], "level": "ERROR", "propagate": False},
        "django.tasks": {"handlers": ["console"], "level": "WARNING", "propagate": False},
        "masthead": {"handlers": ["console"], "level": "INFO", "propagate": False},
    },
}

# The embedded caches: shared through the database by the web processes and
# the worker (clock claims, later rate limits); Wagtail's rendition lookups,
# made on every page view, stay in process memory rather than SQLite writes.
DATABASE_CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "masthead_cache"},
    "renditions": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "OPTIONS": {"MAX_ENTRIES": 5000},
    },
}

# Render an article in the worker as soon as it is published, so its picture
# renditions (AVIF takes a moment to encode) are ready for the first reader.
WARM_PAGES_ON_PUBLISH = True

# The News Feed's live stream: how often each process looks for new events,
# and how soon a disconnected browser tries again.
NEWSFEED_POLL_SECONDS = float(os.environ.get("NEWSFEED_POLL_SECONDS", "0.25"))
NEWSFEED_POLL_SECONDS_WITH_REDIS = float(os.environ.get("NEWSFEED_POLL_SECONDS_WITH_REDIS", "2"))
NEWSFEED_RETRY_MS = 2000

# How long browsers and a CDN may keep a public page (see PublicCacheMiddleware).
PUBLIC_CACHE_SECONDS = int(os.environ.get("PUBLIC_CACHE_SECONDS", "60"))

# Discovery: a section with more articles than this gets one sitemap a month;
# the fonts share cards are drawn with (a .ttf path; empty: a system font).
SITEMAP_MONTHLY_ABOVE = int(os.environ.get("SITEMAP_MONTHLY_ABOVE", "1000"))
SHARE_CARD_FONT = os.environ.get("SHARE_CARD_FONT", "")
SHARE_CARD_FONT_BOLD = os.environ.get("SHARE_CARD_FONT_BOLD", "")

# Newsletters (masthead.newsletters): lists, signup, digests and their sending.
# Email itself is configured per setup with MAILERS (see settings/mail.py).
INSTALLED_APPS = [*INSTALLED_APPS, "masthead.newsletters", "anymail"]
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "newsroom@localhost")
# The mailer (a MAILERS alias) newsletters and confirmations go through.
NEWSLETTER_MAILER = "default"
# Messages per claimed batch: one SMTP connection and one status update per batch.
NEWSLETTER_BATCH_SIZE = int(os.environ.get("NEWSLETTER_BATCH_SIZE", "100"))
# SMTP connections each sender uses side by side (threads), each for part of a batch.
NEWSLETTER_CONNECTIONS = int(os.environ.get("NEWSLETTER_CONNECTIONS", "2"))
# Send tasks started per issue: as many workers as this share one issue.
NEWSLETTER_SENDERS = int(os.environ.get("NEWSLETTER_SENDERS", "2"))
# Where each sender journals its deliveries (one file per batch), so a worker
# killed mid-batch never sends a message twice. Empty: VAR_DIR/newsletter-journals.
# Workers on several machines need one shared directory here.
NEWSLETTER_JOURNAL_DIR = os.environ.get("NEWSLETTER_JOURNAL_DIR", "")
# A sending issue with no progress for this long lost its worker: resume it.
NEWSLETTER_STALE_SECONDS = int(os.environ.get("NEWSLETTER_STALE_SECONDS", "120"))
# A scheduled digest no worker was running for is still composed this late, then skipped.
NEWSLETTER_SCHEDULE_GRACE_SECONDS = int(os.environ.get("NEWSLETTER_SCHEDULE_GRACE_SECONDS", str(3 * 3600)))
# Confirmation links expire after this many seconds.
NEWSLETTER_CONFIRMATION_MAX_AGE = 7 * 24 * 3600
# At most this many confirmation emails to one address per window (seconds).
NEWSLETTER_CONFIRMATIONS_PER_ADDRESS = 3
NEWSLETTER_CONFIRMATION_WINDOW = 7 * 24 * 3600
# Signup attempts allowed per client network and per address: (count, seconds).
NEWSLETTER_SIGNUPS_PER_IP = (20, 3600)
NEWSLETTER_SIGNUPS_PER_ADDRESS = (5, 3600)
# The request header carrying the reader's address behind a trusted proxy,
# e.g. "HTTP_X_REAL_IP"; empty: REMOTE_ADDR.
NEWSLETTER_CLIENT_IP_HEADER = os.environ.get("NEWSLETTER_CLIENT_IP_HEADER", "")
# Live News Feed streams one client may hold open per server process (429 beyond).
MASTHEAD_STREAMS_PER_CLIENT = int(os.environ.get("MASTHEAD_STREAMS_PER_CLIENT", "30"))
# A long article is many form fields in Wagtail's editor (StreamField blocks,
# inline panels); Django's default of 1,000 refuses one of ~200 paragraphs.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
# An ALTCHA-style proof of work on the signup form (needs JavaScript to sign up).
NEWSLETTER_PROOF_OF_WORK = os.environ.get("NEWSLETTER_PROOF_OF_WORK", "") == "1"
NEWSLETTER_PROOF_OF_WORK_MAX_NUMBER = 50_000
NEWSLETTER_PROOF_OF_WORK_SECONDS = 600
# django-anymail (an email provider instead of SMTP, and its bounce and
# complaint webhooks at /newsletters/webhooks/<provider>/tracking/).
ANYMAIL = anymail_from_environment()

# Site search (masthead.search): Wagtail's database search, which is SQLite
# FTS5 embedded and PostgreSQL full-text search on PostgreSQL (there with
# English stemming; SQLite ignores SEARCH_CONFIG). docs/search.md tells how
# to move to OpenSearch or Elasticsearch instead.
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "masthead.search.backend",
        "SEARCH_CONFIG": os.environ.get("SEARCH_CONFIG", "english"),
    }
}

# Security (masthead.security; docs/security.md lists every header and limit).
# Content Security Policy: strict on readers' pages (no inline code at all),
# Wagtail's nonce'd inline scripts in the admin. CSP_FORM_TARGETS: origins a
# form may post or redirect to besides this site (a payment provider's
# hosted checkout); MEDIA_URL on another origin (a CDN) is allowed for media.
# Stripe's hosted checkout and customer portal (masthead.revenue) by default.
CSP_FORM_TARGETS = os.environ.get(
    "CSP_FORM_TARGETS", "https://checkout.stripe.com https://billing.stripe.com"
).split()
SECURE_CSP = public_policy(media_origin=origin_of(MEDIA_URL), form_targets=CSP_FORM_TARGETS)
MASTHEAD_ADMIN_CSP = admin_policy(SECURE_CSP)
MASTHEAD_PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), "
    "payment=(), usb=(), browsing-topics=()"
)
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"
# Staff sessions end after this many seconds (default 8 hours), and when the
# browser closes.
SESSION_COOKIE_AGE = int(os.environ.get("SESSION_COOKIE_AGE", str(8 * 3600)))
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
]
# The admin calls no third party: no Gravatar lookups of editors' addresses,
# no check for new Wagtail releases from editors' browsers.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False

# Two-factor sign-in (masthead.security.two_factor): required for superusers
# and these groups, optional for every other staff user.
INSTALLED_APPS = [
    *INSTALLED_APPS,
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
]
MASTHEAD_2FA_REQUIRED = os.environ.get("MASTHEAD_2FA_REQUIRED", "1") == "1"
MASTHEAD_2FA_REQUIRED_GROUPS = ["Editor", "Admin"]
OTP_TOTP_ISSUER = os.environ.get("OTP_TOTP_ISSUER", "Masthead")

# Password guessing (django-axes): after 5 wrong passwords from one address,
# or for one account, sign-in is refused for 15 minutes (429 with a message).
# `manage.py axes_reset` lifts every lock; `axes_reset_username NAME` one.
INSTALLED_APPS = [*INSTALLED_APPS, "axes"]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = ["ip_address", "username"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "masthead.security.limits.locked_out"
AXES_CLIENT_IP_CALLABLE = "masthead.security.limits.client_ip"
# Article audio (masthead.audio): every article narrated offline by the worker
# when it is published; see docs/audio.md.
AUDIO_NARRATE_ON_PUBLISH = os.environ.get("AUDIO_NARRATE_ON_PUBLISH", "1") != "0"
# A voice id such as "hibari:heart" (the default) or "piper:joe" (optional extra).
AUDIO_DEFAULT_VOICE = os.environ.get("AUDIO_DEFAULT_VOICE", "")
# Where narration files are kept; empty: <var>/audio. Served only by Masthead.
AUDIO_ROOT = os.environ.get("AUDIO_ROOT", "")
# Longer articles are not narrated (the admin says why).
AUDIO_MAX_WORDS = int(os.environ.get("AUDIO_MAX_WORDS", "15000"))
# Opus for the player (bits per second; speech stays wideband at any rate), MP3
# for podcast apps (kbit/s). 7500: at most 56 KB per minute of narration, however
# little a voice pauses (8000 put a fast voice at the 60 KB goal's edge).
AUDIO_OPUS_BITRATE = int(os.environ.get("AUDIO_OPUS_BITRATE", "7500"))
AUDIO_MP3_KBPS = int(os.environ.get("AUDIO_MP3_KBPS", "32"))
# A libopus to load instead of the one from PyPI's opuslib-next-bundled (a path).
AUDIO_LIBOPUS = os.environ.get("AUDIO_LIBOPUS", "")
# A narration with no sign of life from its worker for this long is queued again.
AUDIO_STALE_SECONDS = int(os.environ.get("AUDIO_STALE_SECONDS", "120"))
# Reader revenue (masthead.revenue): donations through Stripe Checkout. Without
# both keys the donation box still shows and explains that payments are not
# set up yet; docs/revenue.md tells how to set them up.
STRIPE_SECRET_KEY = os.environ.get("STRIPE_SECRET_KEY", "").strip()
STRIPE_WEBHOOK_SECRET = os.environ.get("STRIPE_WEBHOOK_SECRET", "").strip()
# Another address for Stripe's API (a test double on loopback); empty: Stripe's own.
STRIPE_API_BASE = os.environ.get("STRIPE_API_BASE", "").strip()
STRIPE_TIMEOUT_SECONDS = int(os.environ.get("STRIPE_TIMEOUT_SECONDS", "20"))
# The mailer (a MAILERS alias) receipts and partner inquiries go through.
REVENUE_MAILER = "default"
# Limits as (count, seconds): checkouts and inquiries per client network, inquiries per address.
REVENUE_CHECKOUTS_PER_IP = (30, 3600)
REVENUE_INQUIRIES_PER_IP = (5, 3600)
REVENUE_INQUIRIES_PER_ADDRESS = (3, 86400)
