"""Under the production settings, as deployed behind the TLS proxy: cookies and the admin's headers.

A migrated newsroom runs with ``masthead.settings.production`` (SQLite file,
``SECURE_SSL_REDIRECT`` and ``COOKIES_SECURE`` at their defaults); a script
in that process signs a reporter in through the admin's own sign-in form
(CSRF enforced, ``X-Forwarded-Proto: https`` as the proxy sends it) and
reports every cookie and header it got.
"""

import re
import uuid

import pytest

from .processes import migrated_embedded_env, python

SIGN_IN = """
import django, json, re
django.setup()
from django.contrib.auth.models import Group, User
from django.contrib.sessions.models import Session
from django.test import Client
from django.utils import timezone
user = User.objects.create_user("olena", "olena@example.org", "river barges at dawn")
user.groups.add(Group.objects.get(name="Reporter"))
PROXIED = {"host": "news.example.org", "x-forwarded-proto": "https"}
client = Client(enforce_csrf_checks=True, headers=PROXIED)

def cookies(response):
    return {
        name: {"value_length": len(m.value), **{k: str(m[k]) for k in
            ("secure", "httponly", "samesite", "path", "domain", "max-age", "expires")}}
        for name, m in response.cookies.items()
    }

def headers(response):
    return {k.lower(): v for k, v in response.headers.items()}

login_page = client.get("/admin/login/")
token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', login_page.content.decode()).group(1)
refused = Client(enforce_csrf_checks=True, headers=PROXIED).post(
    "/admin/login/", {"username": "olena", "password": "river barges at dawn"})
signed_in = client.post("/admin/login/", {"username": "olena", "password": "river barges at dawn",
                                          "csrfmiddlewaretoken": token},
                        headers={"origin": "https://news.example.org",
                                 "referer": "https://news.example.org/admin/login/"})
dashboard = client.get("/admin/")
pages = client.get("/admin/pages/")
session_key = client.cookies["__Host-sessionid"].value if "__Host-sessionid" in client.cookies else ""
session = Session.objects.filter(session_key=session_key).first()
plain = Client(headers={"host": "news.example.org"}).get("/admin/login/")
print(json.dumps({
    "login_page": {"status": login_page.status_code, "cookies": cookies(login_page),
                   "headers": headers(login_page)},
    "without_csrf": refused.status_code,
    "signed_in": {"status": signed_in.status_code, "location": signed_in.get("Location"),
                  "cookies": cookies(signed_in)},
    "dashboard": {"status": dashboard.status_code, "headers": headers(dashboard)},
    "pages": {"status": pages.status_code, "headers": headers(pages)},
    "session_seconds": session and (session.expire_date - timezone.now()).total_seconds(),
    "plain_http": {"status": plain.status_code, "location": plain.get("Location")},
}))
"""


@pytest.fixture(scope="module")
def production(tmp_path_factory):
    var = tmp_path_factory.mktemp("production")
    env = migrated_embedded_env(var)
    env.pop("MASTHEAD_2FA_REQUIRED", None)  # the production default: required for Editors and Admins
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "masthead.settings.production",
            "SECRET_KEY": "production-test-" + uuid.uuid4().hex * 2,
            "ALLOWED_HOSTS": "news.example.org",
            "DATABASE_URL": f"sqlite:///{var / 'masthead.sqlite3'}",
            "MEDIA_ROOT": str(var / "media"),
            "STATIC_ROOT": str(var / "static"),
        }
    )
    for name in (
        "SECURE_SSL_REDIRECT",
        "COOKIES_SECURE",
        "SECURE_HSTS_SECONDS",
        "SESSION_COOKIE_AGE",
        "REDIS_URL",
    ):
        env.pop(name, None)
    return python(env, SIGN_IN)


def test_session_and_csrf_cookies_are_host_only_secure_httponly_and_samesite(production):
    csrf = production["login_page"]["cookies"]["__Host-csrftoken"]
    session = production["signed_in"]["cookies"]["__Host-sessionid"]
    for cookie in (csrf, session):
        assert cookie["secure"] == "True"
        assert cookie["httponly"] == "True"
        assert cookie["samesite"] == "Lax"
        # What the __Host- prefix requires of a cookie, or browsers drop it.
        assert cookie["path"] == "/" and cookie["domain"] == ""
    assert set(production["login_page"]["cookies"]) == {"__Host-csrftoken"}
    assert "sessionid" not in production["signed_in"]["cookies"]
    assert "csrftoken" not in production["signed_in"]["cookies"]


def test_the_session_is_a_browser_session_cookie_valid_for_eight_hours(production):
    session = production["signed_in"]["cookies"]["__Host-sessionid"]
    assert production["signed_in"]["status"] == 302
    assert session["max-age"] == "" and session["expires"] == ""  # gone when the browser closes
    assert 8 * 3600 - 120 < production["session_seconds"] <= 8 * 3600


def test_a_sign_in_without_the_csrf_token_is_refused(production):
    assert production["without_csrf"] == 403


def test_plain_http_is_sent_to_https(production):
    assert production["plain_http"] == {"status": 301, "location": "https://news.example.org/admin/login/"}


def directives(policy: str) -> dict[str, str]:
    parts = (part.strip().split(" ", 1) for part in policy.split(";") if part.strip())
    return {part[0]: (part[1] if len(part) > 1 else "") for part in parts}


@pytest.mark.parametrize("page", ["login_page", "dashboard", "pages"])
def test_admin_pages_carry_the_full_header_set(production, page):
    assert production[page]["status"] == 200, production[page]
    headers = production[page]["headers"]
    assert headers["strict-transport-security"] == "max-age=31536000; includeSubDomains; preload"
    assert headers["x-frame-options"] == "SAMEORIGIN"
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "strict-origin-when-cross-origin"
    assert headers["cross-origin-opener-policy"] == "same-origin"
    assert headers["permissions-policy"].startswith("accelerometer=(), camera=(), geolocation=()")
    assert "private" in headers["cache-control"] or "no-store" in headers["cache-control"], headers
    csp = directives(headers["content-security-policy"])
    # The nonce is in the policy when the page has Wagtail's inline scripts (Django adds it once used).
    assert csp["script-src"] == "'self'" or re.fullmatch(r"'self' 'nonce-[\w+/=-]+'", csp["script-src"])
    assert "unsafe-inline" not in csp["script-src"] and "unsafe-eval" not in csp["script-src"]
    assert csp["default-src"] == "'self'"
    assert csp["object-src"] == "'none'"
    assert csp["base-uri"] == "'none'"
    assert csp["frame-ancestors"] == "'self'"
    assert csp["form-action"] == "'self' https://checkout.stripe.com https://billing.stripe.com"
    assert "upgrade-insecure-requests" in csp
    assert "server" not in headers and "x-powered-by" not in headers
