"""Every response carries the security headers of the part of the site it is from."""

import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth.hashers import identify_hasher
from lxml import html

from masthead.articles.tests.factories import ArticleFactory, SectionFactory
from masthead.settings import base as base_settings

ROOT = Path(__file__).resolve().parents[3]


def directives(response) -> dict[str, str]:
    policy = response.headers["Content-Security-Policy"]
    return dict(
        part.strip().split(" ", 1) if " " in part.strip() else (part.strip(), "")
        for part in policy.split(";")
    )


@pytest.fixture
def article(db):
    return ArticleFactory(parent=SectionFactory(title="City", slug="city"), title="Tram line opens")


def test_public_pages_run_only_the_sites_own_scripts_and_styles(client, article):
    response = client.get(article.url)
    csp = directives(response)
    assert csp["script-src"] == "'self'"
    assert csp["style-src"] == "'self'"
    assert csp["object-src"] == "'none'"
    assert csp["frame-ancestors"] == "'none'"
    assert csp["base-uri"] == "'none'"
    assert "unsafe" not in response.headers["Content-Security-Policy"]
    assert "https://www.youtube-nocookie.com" in csp["frame-src"]


def test_public_pages_carry_no_inline_script_or_style(client, article):
    for url in ["/", article.url, "/news-feed/", "/search/?q=tram", "/newsletters/", "/no-such-page/"]:
        tree = html.fromstring(client.get(url).content)
        for script in tree.iter("script"):
            assert script.get("src") or script.get("type") in ("application/json", "application/ld+json"), url
        assert not tree.xpath("//*[@style]"), url
        assert not [
            name
            for element in tree.iter()
            if isinstance(element.tag, str)
            for name in element.attrib
            if name.startswith("on")
        ], url


def test_public_pages_send_the_other_security_headers(client, article):
    response = client.get(article.url)
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response.headers["Cross-Origin-Opener-Policy"] == "same-origin"
    permissions = response.headers["Permissions-Policy"]
    for feature in ("camera=()", "microphone=()", "geolocation=()", "payment=()"):
        assert feature in permissions


def test_admin_inline_scripts_carry_the_responses_nonce(admin_client, article):
    response = admin_client.get(f"/admin/pages/{article.pk}/edit/")
    assert response.status_code == 200
    csp = directives(response)
    nonce = re.search(r"'nonce-([^']+)'", csp["script-src"]).group(1)
    assert "unsafe-inline" not in csp["script-src"]
    assert csp["frame-ancestors"] == "'self'"
    assert response.headers["X-Frame-Options"] == "SAMEORIGIN"
    tree = html.fromstring(response.content)
    inline = [
        s for s in tree.iter("script") if not s.get("src") and s.get("type") not in ("application/json",)
    ]
    assert inline, "the article editor has Wagtail's inline widget scripts"
    assert all(s.get("nonce") == nonce for s in inline)
    # A fresh nonce for every response.
    again = directives(admin_client.get(f"/admin/pages/{article.pk}/edit/"))
    assert nonce not in again["script-src"]


def test_cookies_are_httponly_and_samesite(admin_client, article):
    response = admin_client.get("/admin/login/")
    response = admin_client.post("/admin/logout/")
    response = admin_client.get("/admin/login/")
    csrf = response.cookies["csrftoken"]
    assert csrf["httponly"] and csrf["samesite"] == "Lax"


def test_passwords_are_stored_with_argon2(django_user_model, settings):
    # The test settings hash with MD5 for speed; every real configuration uses base's list.
    settings.PASSWORD_HASHERS = base_settings.PASSWORD_HASHERS
    user = django_user_model.objects.create_user("reporter", password="a-long-enough-passphrase")
    assert identify_hasher(user.password).algorithm == "argon2"
    assert user.check_password("a-long-enough-passphrase")


PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "masthead.settings.production",
    "SECRET_KEY": "check-deploy-" + "k3y-" * 16,
    "ALLOWED_HOSTS": "news.example.org",
    "DATABASE_URL": "sqlite:////tmp/masthead-check-deploy.sqlite3",
}


def test_check_deploy_reports_nothing_with_the_production_settings(tmp_path):
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), **PRODUCTION_ENV}
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "DEBUG"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_production_pages_redirect_to_https_and_send_hsts(tmp_path):
    code = (
        "import django; django.setup();"
        "from django.test import Client;"
        "r = Client().get('/', headers={'host': 'news.example.org'});"
        "print(r.status_code, r.headers.get('Location'));"
        "from django.http import HttpResponse; from django.test import RequestFactory;"
        "from django.middleware.security import SecurityMiddleware;"
        "from django.middleware.csp import ContentSecurityPolicyMiddleware;"
        "view = lambda request: HttpResponse('ok');"
        "handler = SecurityMiddleware(ContentSecurityPolicyMiddleware(view));"
        "r = handler(RequestFactory().get('/', secure=True, headers={'host': 'news.example.org'}));"
        "print(r.headers.get('Strict-Transport-Security'));"
        "print(r.headers.get('Content-Security-Policy'))"
    )
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), **PRODUCTION_ENV}
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    lines = result.stdout.splitlines()
    assert lines[0] == "301 https://news.example.org/", result.stderr
    assert lines[1] == "max-age=31536000; includeSubDomains; preload"
    assert "upgrade-insecure-requests" in lines[2]
