"""Security report of a running Masthead: headers, CSP, limits, and two public scanners.

Builds a throw-away demo newsroom in a temp dir like ``bench/pages.py``
(production settings, SQLite file, ``migrate``, ``collectstatic``,
``load_demo``), serves it with granian on a free port and:

1. **Headers.** Serves it with the production settings *as deployed*
   (``SECURE_SSL_REDIRECT=1``, ``COOKIES_SECURE=1``) and fetches the home
   page, an article, ``/news-feed/``, ``/search/?q=x``, ``/newsletters/``,
   the admin sign-in page and, after signing in as the demo admin, the page
   the admin sends them to. Every request carries ``X-Forwarded-Proto:
   https``, as the TLS proxy in front of production sets it (the production
   settings trust it through ``SECURE_PROXY_SSL_HEADER``), so the responses
   are the HTTPS ones: HSTS, ``Secure`` ``__Host-`` cookies. One request
   without the header shows the redirect to HTTPS. Prints every security
   header, both Content Security Policies and every cookie's attributes.
2. **Limits, measured.** Six wrong passwords on the admin sign-in (django-axes
   lockout), 21 newsletter sign-ups from one address (the per-IP limit), and
   the limits from the settings (2FA throttling, upload sizes, sessions).
3. **Scanners** from PyPI, installed into ``.tools/scan-venv`` when missing:
   ``shcheck`` (security headers) against the home page and the admin
   sign-in, and ``wapiti3`` (web vulnerability scanner) against the whole
   site. wapiti runs against the site served the way a local trial serves it
   (``SECURE_SSL_REDIRECT=0``, ``COOKIES_SECURE=0``, plain HTTP, no forwarded
   header) so that its form attacks pass CSRF like a browser's would; its
   HSTS and cookie ``Secure`` remarks are therefore about that trial set-up,
   and part 1 shows what production sends. For the scan the sign-in and
   sign-up limits of part 2 are lifted, so that the attacks reach the views
   rather than the 429 pages, and Django's request errors (500s) are logged.

It prints a report; it is not a pass/fail test and ``make test`` does not run it.

    .venv/bin/python bench/security.py [--crawl-time 180] [--attack-time 150]
        [--modules xss,sql,...] [--no-wapiti] [--no-shcheck] [--json] [--keep]

See bench/README-security.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import http.client
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import textwrap
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType
from typing import Any
from urllib.parse import urlencode

from pages import (
    GRANIAN,
    HOST,
    LOG_ERRORS_SETTINGS,
    PYTHON,
    REPO,
    BenchError,
    Database,
    bench_env,
    code_version,
    free_port,
    log_summary,
    output_of,
    prepare,
    start,
    stop,
    tail,
    wait_until_up,
)

TOOLS_VENV = REPO / ".tools" / "scan-venv"
# PyPI package -> its command in the tools venv.
SCANNERS = {"shcheck": "shcheck.py", "wapiti3": "wapiti"}
# What the TLS proxy in front of production adds: the scheme, and the reader's
# address (the production run reads it with NEWSLETTER_CLIENT_IP_HEADER).
FORWARDED = {"X-Forwarded-Proto": "https", "X-Real-IP": "203.0.113.9"}
SECURITY_HEADERS = [
    "Strict-Transport-Security",
    "Content-Security-Policy",
    "X-Frame-Options",
    "X-Content-Type-Options",
    "Referrer-Policy",
    "Permissions-Policy",
    "Cross-Origin-Opener-Policy",
    "Cross-Origin-Resource-Policy",
    "Cross-Origin-Embedder-Policy",
    "Cache-Control",
    "Server",
    "X-Powered-By",
]
# wapiti modules: the active attacks that fit a site without accounts for
# readers, plus its passive checks (run on every crawled response). Left
# out: ssl (plain HTTP here), https_redirect (off in the trial set-up on
# purpose, checked in part 1), ssrf and log4shell (need wapiti's Internet
# endpoint), timesql, buster, nikto and backup (long brute-force lists).
ACTIVE_MODULES = ["xss", "permanentxss", "sql", "exec", "file", "redirect", "csrf", "crlf", "methods"]
PASSIVE_MODULES = [
    "http_headers",
    "cookieflags",
    "csp",
    "information_disclosure",
    "stacktrace_disclosure",
    "inconsistent_redirection",
    "unsecure_password",
]
START_PATHS = ["/search/?q=x", "/newsletters/", "/news-feed/", "/admin/login/"]
# For the scan, the limits part 2 measures are lifted so that wapiti's
# attacks reach the views behind them instead of the 429 pages.
SCAN_SETTINGS = (
    LOG_ERRORS_SETTINGS
    + """
AXES_FAILURE_LIMIT = 1_000_000
NEWSLETTER_SIGNUPS_PER_IP = (1_000_000, 3600)
NEWSLETTER_SIGNUPS_PER_ADDRESS = (1_000_000, 3600)
REVENUE_CHECKOUTS_PER_IP = (1_000_000, 3600)
REVENUE_INQUIRIES_PER_IP = (1_000_000, 3600)
REVENUE_INQUIRIES_PER_ADDRESS = (1_000_000, 3600)
MASTHEAD_REQUEST_RATE_LIMITS = {}
"""
)
LOGIN_ATTEMPTS = 6
SIGNUP_ATTEMPTS = 21
SEARCH_ATTEMPTS = 61
OVERSIZED_FORM_BYTES = 65 * 1024

SETTINGS_CODE = """
import json, django
django.setup()
from django.conf import settings as s
from django_otp.models import MAX_THROTTLE_DELAY_SECONDS
names = '''AXES_FAILURE_LIMIT AXES_COOLOFF_TIME AXES_LOCKOUT_PARAMETERS AXES_RESET_ON_SUCCESS
MASTHEAD_2FA_REQUIRED MASTHEAD_2FA_REQUIRED_GROUPS
NEWSLETTER_SIGNUPS_PER_IP NEWSLETTER_SIGNUPS_PER_ADDRESS NEWSLETTER_CONFIRMATIONS_PER_ADDRESS
NEWSLETTER_CONFIRMATION_WINDOW NEWSLETTER_CONFIRMATION_MAX_AGE NEWSLETTER_PROOF_OF_WORK
NEWSLETTER_CLIENT_IP_HEADER WAGTAILIMAGES_MAX_UPLOAD_SIZE WAGTAILIMAGES_MAX_IMAGE_PIXELS
WAGTAILIMAGES_EXTENSIONS WAGTAILDOCS_EXTENSIONS DATA_UPLOAD_MAX_MEMORY_SIZE
DATA_UPLOAD_MAX_NUMBER_FIELDS FILE_UPLOAD_MAX_MEMORY_SIZE SESSION_COOKIE_AGE
SESSION_EXPIRE_AT_BROWSER_CLOSE SESSION_COOKIE_NAME CSRF_COOKIE_NAME SECURE_SSL_REDIRECT
SECURE_PROXY_SSL_HEADER SECURE_HSTS_SECONDS SECURE_HSTS_INCLUDE_SUBDOMAINS SECURE_HSTS_PRELOAD
PASSWORD_HASHERS AUTH_PASSWORD_VALIDATORS REVENUE_CHECKOUTS_PER_IP REVENUE_INQUIRIES_PER_IP
REVENUE_INQUIRIES_PER_ADDRESS CSP_FORM_TARGETS'''.split()
out = {name: getattr(s, name, None) for name in names}
from masthead.security.limits import body_limits, rate_limits
from masthead.security.streams import DEFAULT_STREAMS_PER_CLIENT
out['REQUEST_RATE_LIMITS'] = {k: [v.count, v.seconds, v.per] for k, v in rate_limits().items()}
out['REQUEST_BODY_LIMITS'] = body_limits()
out['STREAMS_PER_CLIENT'] = getattr(s, 'MASTHEAD_STREAMS_PER_CLIENT', DEFAULT_STREAMS_PER_CLIENT)
out['OTP_TOTP_THROTTLE_FACTOR'] = getattr(s, 'OTP_TOTP_THROTTLE_FACTOR', 1)
out['OTP_STATIC_THROTTLE_FACTOR'] = getattr(s, 'OTP_STATIC_THROTTLE_FACTOR', 1)
out['OTP_TOTP_TOLERANCE'] = getattr(s, 'OTP_TOTP_TOLERANCE', 1)
out['OTP_MAX_THROTTLE_DELAY_SECONDS'] = MAX_THROTTLE_DELAY_SECONDS
out['AXES_COOLOFF_TIME'] = out['AXES_COOLOFF_TIME'].total_seconds()
print(json.dumps(out, default=str))
"""

RESET_LIMITS_CODE = """
import django
django.setup()
from django.conf import settings
from django.core.cache import caches
from axes.utils import reset
for alias in settings.CACHES:
    caches[alias].clear()
print(reset())
"""


# ---------------------------------------------------------------- HTTP


@dataclass
class Answer:
    label: str
    path: str
    status: int
    headers: list[tuple[str, str]]
    body: bytes = b""

    def header(self, name: str) -> str | None:
        values = [v for k, v in self.headers if k.lower() == name.lower()]
        return ", ".join(values) if values else None

    def set_cookies(self) -> list[str]:
        return [v for k, v in self.headers if k.lower() == "set-cookie"]

    def cookie_values(self) -> dict[str, str]:
        return {c.split("=", 1)[0]: c.split("=", 1)[1].split(";", 1)[0] for c in self.set_cookies()}


def fetch(
    port: int,
    path: str,
    label: str = "",
    method: str = "GET",
    headers: dict[str, str] | None = None,
    form: dict[str, str] | None = None,
    timeout: float = 60,
) -> Answer:
    """One request that does not follow redirects; every header kept (Set-Cookie may repeat)."""
    sent = dict(headers or {})
    body = None
    if form is not None:
        body = urlencode(form)
        sent["Content-Type"] = "application/x-www-form-urlencoded"
    conn = http.client.HTTPConnection(HOST, port, timeout=timeout)
    try:
        conn.request(method, path, body=body, headers=sent)
        response = conn.getresponse()
        return Answer(label or path, path, response.status, response.getheaders(), response.read())
    finally:
        conn.close()


def pick_article(port: int, home_html: str) -> str:
    """The first /section/slug/ link on the home page whose page says "min read"."""
    seen: list[str] = []
    for href in re.findall(r'href="(/[^/"?#]+/[^/"?#]+/)"', home_html):
        if href in seen or href.startswith(("/admin/", "/static/", "/media/", "/documents/", "/news-feed/")):
            continue
        seen.append(href)
        answer = fetch(port, href, headers=FORWARDED)
        if answer.status == 200 and b"min read" in answer.body:
            return href
        if len(seen) >= 20:
            break
    raise BenchError(f"no article link on the home page (looked at {seen})")


def csrf_form_token(html: bytes) -> str:
    match = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', html)
    if not match:
        raise BenchError("the admin sign-in page has no CSRF token field")
    return match[1].decode()


# ---------------------------------------------------------------- part 1: headers


@dataclass
class HeaderReport:
    pages: list[Answer] = field(default_factory=list)
    plain_http: Answer | None = None
    admin_gate: Answer | None = None  # /admin/ after the password, before the second factor
    probes: list[tuple[str, str]] = field(default_factory=list)  # (what was tried, the answer)

    def as_json(self) -> dict[str, Any]:
        return {
            "pages": [
                {"label": a.label, "path": a.path, "status": a.status, "headers": a.headers}
                for a in self.pages
            ],
            "plain_http": {"status": self.plain_http.status, "location": self.plain_http.header("Location")}
            if self.plain_http
            else None,
            "probes": self.probes,
        }


def collect_headers(port: int, admin_password: str) -> HeaderReport:
    report = HeaderReport()
    home = fetch(port, "/", "home", headers=FORWARDED)
    if home.status != 200:
        raise BenchError(f"GET / (X-Forwarded-Proto: https) answered {home.status}, expected 200")
    article = pick_article(port, home.body.decode())
    report.pages.append(home)
    for label, path in [
        ("article", article),
        ("news feed", "/news-feed/"),
        ("search", "/search/?q=x"),
        ("newsletters", "/newsletters/"),
        ("admin sign-in", "/admin/login/"),
    ]:
        report.pages.append(fetch(port, path, label, headers=FORWARDED))
    report.plain_http = fetch(port, "/", "home over plain HTTP")

    # HTTP methods other than GET on an article (Wagtail pages accept what
    # Page.allowed_http_methods lists), and a sign-up from another site.
    options = fetch(port, article, method="OPTIONS", headers=FORWARDED)
    report.probes.append((f"OPTIONS {article}", f"{options.status}, Allow: {options.header('Allow')}"))
    for method in ("PUT", "DELETE"):
        answer = fetch(port, article, method=method, headers=FORWARDED)
        report.probes.append(
            (f"{method} {article}", f"{answer.status} {answer.header('Content-Type') or ''}")
        )
    cross_site = fetch(
        port,
        "/newsletters/subscribe/",
        method="POST",
        headers={**FORWARDED, "Origin": "https://attacker.example"},
        form={"email": "reader@example.org"},
    )
    report.probes.append(
        ("POST /newsletters/subscribe/ with Origin: https://attacker.example", str(cross_site.status))
    )

    # Sign in as the demo superuser: the session cookie, and the 2FA gate.
    login_page = report.pages[-1]
    cookies = login_page.cookie_values()
    csrf_name = next((name for name in cookies if name.endswith("csrftoken")), None)
    if csrf_name is None:
        raise BenchError(f"GET /admin/login/ set no CSRF cookie: {login_page.set_cookies()}")
    signed_in = fetch(
        port,
        "/admin/login/",
        "admin sign-in (POST)",
        method="POST",
        headers={
            **FORWARDED,
            "Cookie": f"{csrf_name}={cookies[csrf_name]}",
            "Origin": f"https://{HOST}:{port}",
            "Referer": f"https://{HOST}:{port}/admin/login/",
        },
        form={
            "csrfmiddlewaretoken": csrf_form_token(login_page.body),
            "username": "admin",
            "password": admin_password,
            "next": "/admin/",
        },
    )
    report.pages.append(signed_in)
    session = {k: v for k, v in signed_in.cookie_values().items() if k.endswith("sessionid")}
    if signed_in.status != 302 or not session:
        raise BenchError(f"signing in as the demo admin answered {signed_in.status}, no session cookie")
    cookie = "; ".join(f"{k}={v}" for k, v in session.items())
    report.admin_gate = fetch(port, "/admin/", "admin home", headers={**FORWARDED, "Cookie": cookie})
    target = report.admin_gate.header("Location") or signed_in.header("Location") or "/admin/"
    report.pages.append(fetch(port, target, "2FA set-up", headers={**FORWARDED, "Cookie": cookie}))
    return report


def normalise(value: str) -> str:
    """A header value with its per-response parts (the CSP nonce) blanked, for grouping."""
    return re.sub(r"'nonce-[^']+'", "'nonce-…'", value)


def group_by_value(pages: list[Answer], header: str) -> list[tuple[str, list[str]]]:
    groups: dict[str, list[str]] = {}
    for page in pages:
        value = page.header(header)
        groups.setdefault(normalise(value) if value is not None else "(absent)", []).append(page.label)
    return list(groups.items())


def print_header_report(report: HeaderReport) -> dict[str, str]:
    """Print the pages, headers, CSPs and cookies; returns the CSPs by name."""
    pages = report.pages
    print("Pages fetched (production settings as deployed; every request with X-Forwarded-Proto: https):")
    width = max(len(p.label) for p in pages)
    for page in pages:
        where = f" -> {page.header('Location')}" if page.header("Location") else ""
        print(f"  {page.label.ljust(width)}  {page.status}  {page.path}{where}")
    if report.admin_gate is not None:
        gate = report.admin_gate
        print(f"  (then GET /admin/ with that session: {gate.status} -> {gate.header('Location')})")
    print()
    shown = [p for p in pages if p.status == 200]
    labels_all = {p.label for p in shown}
    csps: dict[str, str] = {}
    rows: list[tuple[str, str, str]] = []
    for header in SECURITY_HEADERS:
        for value, labels in group_by_value(shown, header):
            where = "all pages" if set(labels) == labels_all else ", ".join(labels)
            if header == "Content-Security-Policy" and value != "(absent)":
                name = "admin" if any(label.startswith(("admin", "2FA")) for label in labels) else "public"
                csps[name] = value
                value = f"[the {name} policy, below]"
            rows.append((header, where, value))
    print("Security headers of the 200 responses above (same value on several pages: one row):")
    w0 = max(len(r[0]) for r in rows)
    w1 = max(len(r[1]) for r in rows)
    last = ""
    for header, where, value in rows:
        print(f"  {(header if header != last else '').ljust(w0)}  {where.ljust(w1)}  {value}")
        last = header
    print()
    for name, policy in csps.items():
        print(f"Content-Security-Policy, {name}:")
        for directive in policy.split(";"):
            if directive.strip():
                print(f"  {directive.strip()}")
        print()
    print("Cookies set (Set-Cookie attributes):")
    any_cookie = False
    for page in pages:
        for raw in page.set_cookies():
            any_cookie = True
            name, _, rest = raw.partition("=")
            attributes = [part.strip() for part in rest.split(";")[1:] if part.strip()]
            # Expiry dates change every run: say only that there is one.
            attributes = [re.sub(r"(?i)^expires=.*$", "expires=<date>", a) for a in attributes]
            if not any(a.lower().startswith(("expires", "max-age")) for a in attributes):
                attributes.append("(no expiry: ends with the browser session)")
            print(f"  {page.label}: {name}  {'; '.join(attributes)}")
    if not any_cookie:
        print("  (none)")
    public_cookies = [p.label for p in pages if p.set_cookies() and not p.label.startswith(("admin", "2FA"))]
    print(f"  public pages that set a cookie: {', '.join(public_cookies) or 'none'}")
    print()
    plain = report.plain_http
    if plain is not None:
        hsts = plain.header("Strict-Transport-Security") or "none (only HTTPS answers carry it)"
        print(
            f"Plain HTTP (no X-Forwarded-Proto): GET / -> {plain.status} {plain.header('Location') or ''}; "
            f"HSTS on that answer: {hsts}"
        )
        print()
    if report.probes:
        print("Probes (with X-Forwarded-Proto: https):")
        for what, answer in report.probes:
            print(f"  {what} -> {answer}")
        print()
    return csps


# ---------------------------------------------------------------- part 2: limits


def measure_login_lockout(port: int) -> list[int]:
    """Statuses of LOGIN_ATTEMPTS wrong passwords in a row for one made-up user."""
    statuses = []
    for _ in range(LOGIN_ATTEMPTS):
        page = fetch(port, "/admin/login/", headers=FORWARDED)
        cookies = page.cookie_values()
        csrf_name = next((name for name in cookies if name.endswith("csrftoken")), "")
        if page.status != 200 or not csrf_name:
            statuses.append(page.status)  # the sign-in page itself refused
            continue
        answer = fetch(
            port,
            "/admin/login/",
            method="POST",
            headers={
                **FORWARDED,
                "Cookie": f"{csrf_name}={cookies[csrf_name]}",
                "Origin": f"https://{HOST}:{port}",
            },
            form={
                "csrfmiddlewaretoken": csrf_form_token(page.body),
                "username": "bench-nobody",
                "password": "not-the-password",
                "next": "/admin/",
            },
        )
        statuses.append(answer.status)
    return statuses


def measure_signup_limit(port: int) -> list[int]:
    """Statuses of SIGNUP_ATTEMPTS newsletter sign-ups (empty, so nothing is stored) from one address."""
    return [
        fetch(port, "/newsletters/subscribe/", method="POST", headers=FORWARDED, form={}).status
        for _ in range(SIGNUP_ATTEMPTS)
    ]


def measure_search_limit(port: int) -> list[int]:
    """Statuses of SEARCH_ATTEMPTS searches in a row from one reader (named by the proxy's header)."""
    return [fetch(port, f"/search/?q=tram+{n}", headers=FORWARDED).status for n in range(SEARCH_ATTEMPTS)]


def measure_oversized_form(port: int) -> int:
    """The status of a newsletter sign-up whose body is over the public forms' limit."""
    body = {"email": "reader@example.org", "note": "x" * OVERSIZED_FORM_BYTES}
    return fetch(port, "/newsletters/subscribe/", method="POST", headers=FORWARDED, form=body).status


def first_refusal(statuses: list[int], refusal: int = 429) -> str:
    counts = ", ".join(f"{code} x{n}" for code, n in Counter(statuses).items())
    if refusal in statuses:
        return f"attempt {statuses.index(refusal) + 1} was the first refused ({refusal}); answers: {counts}"
    return f"never refused; answers: {counts}"


def seconds_text(seconds: float) -> str:
    seconds = int(seconds)
    if seconds % 86400 == 0:
        return f"{seconds // 86400} d"
    if seconds % 3600 == 0:
        return f"{seconds // 3600} h"
    if seconds % 60 == 0:
        return f"{seconds // 60} min"
    return f"{seconds} s"


def mib(n: int | None) -> str:
    return "Django's default" if n is None else f"{n / 1024 / 1024:g} MiB"


def rate_text(limit: list) -> str:
    count, seconds, per = limit
    return f"{count} per {seconds_text(seconds)} per {'network' if per == 'network' else 'link'}"


def print_limits(
    s: dict[str, Any], lockout: list[int], signups: list[int], searches: list[int], oversized: int
) -> None:
    print("Rate limits and lockouts (from the production settings; 'measured' = tried on the running site):")
    lines = [
        (
            "admin sign-in (django-axes)",
            f"{s['AXES_FAILURE_LIMIT']} wrong passwords per {' or per '.join(s['AXES_LOCKOUT_PARAMETERS'])}"
            f" -> locked for {seconds_text(s['AXES_COOLOFF_TIME'])} (429 page); "
            f"reset on success: {s['AXES_RESET_ON_SUCCESS']}",
        ),
        ("  measured", f"{LOGIN_ATTEMPTS} wrong passwords: {first_refusal(lockout)}"),
        (
            "second factor (django-otp)",
            f"required: {s['MASTHEAD_2FA_REQUIRED']} for superusers and "
            f"{', '.join(s['MASTHEAD_2FA_REQUIRED_GROUPS'])}; "
            f"wrong codes wait {s['OTP_TOTP_THROTTLE_FACTOR']} s x 2^(failures-1) (TOTP), "
            f"{s['OTP_STATIC_THROTTLE_FACTOR']} s x 2^(failures-1) (backup codes); "
            f"TOTP tolerance {s['OTP_TOTP_TOLERANCE']} step",
        ),
        (
            "newsletter sign-ups",
            f"{s['NEWSLETTER_SIGNUPS_PER_IP'][0]} per IP (IPv6: per /64) per "
            f"{seconds_text(s['NEWSLETTER_SIGNUPS_PER_IP'][1])}; "
            f"{s['NEWSLETTER_SIGNUPS_PER_ADDRESS'][0]} per address per "
            f"{seconds_text(s['NEWSLETTER_SIGNUPS_PER_ADDRESS'][1])}; "
            f"{s['NEWSLETTER_CONFIRMATIONS_PER_ADDRESS']} confirmation emails per address per "
            f"{seconds_text(s['NEWSLETTER_CONFIRMATION_WINDOW'])}; links valid "
            f"{seconds_text(s['NEWSLETTER_CONFIRMATION_MAX_AGE'])}; "
            f"proof of work: {s['NEWSLETTER_PROOF_OF_WORK']}; "
            f"client IP header: {s['NEWSLETTER_CLIENT_IP_HEADER'] or '(none: REMOTE_ADDR)'}",
        ),
        ("  measured", f"{SIGNUP_ATTEMPTS} sign-ups from one address: {first_refusal(signups)}"),
        (
            "donations and inquiries",
            f"{s['REVENUE_CHECKOUTS_PER_IP'][0]} checkouts per IP per "
            f"{seconds_text(s['REVENUE_CHECKOUTS_PER_IP'][1])}; partner inquiries "
            f"{s['REVENUE_INQUIRIES_PER_IP'][0]} per IP per {seconds_text(s['REVENUE_INQUIRIES_PER_IP'][1])} "
            f"and {s['REVENUE_INQUIRIES_PER_ADDRESS'][0]} per address per "
            f"{seconds_text(s['REVENUE_INQUIRIES_PER_ADDRESS'][1])} (429 pages)",
        ),
        (
            "requests by URL name",
            "; ".join(f"{name} {rate_text(limit)}" for name, limit in s["REQUEST_RATE_LIMITS"].items())
            + " (429 page with Retry-After; per-network limits skip a proxy's address when no header "
            "names the reader)",
        ),
        ("  measured", f"{SEARCH_ATTEMPTS} searches from one reader: {first_refusal(searches)}"),
        (
            "public form bodies",
            ", ".join(sorted(s["REQUEST_BODY_LIMITS"]))
            + f": at most {max(s['REQUEST_BODY_LIMITS'].values()) // 1024} KiB (413 page)",
        ),
        ("  measured", f"a {OVERSIZED_FORM_BYTES // 1024} KiB sign-up: {oversized}"),
        ("live stream", f"at most {s['STREAMS_PER_CLIENT']} open per client per server process (429)"),
        (
            "image uploads",
            f"at most {mib(s['WAGTAILIMAGES_MAX_UPLOAD_SIZE'])} and "
            f"{s['WAGTAILIMAGES_MAX_IMAGE_PIXELS']:,} pixels; "
            f"types {', '.join(s['WAGTAILIMAGES_EXTENSIONS'])}",
        ),
        ("document uploads", f"types {', '.join(s['WAGTAILDOCS_EXTENSIONS'])}"),
        (
            "request bodies",
            f"DATA_UPLOAD_MAX_MEMORY_SIZE {mib(s['DATA_UPLOAD_MAX_MEMORY_SIZE'])} (non-file fields), "
            f"DATA_UPLOAD_MAX_NUMBER_FIELDS {s['DATA_UPLOAD_MAX_NUMBER_FIELDS']}, "
            f"FILE_UPLOAD_MAX_MEMORY_SIZE {mib(s['FILE_UPLOAD_MAX_MEMORY_SIZE'])} (then to a temp file)",
        ),
        (
            "staff sessions",
            f"{seconds_text(s['SESSION_COOKIE_AGE'])}, "
            f"end at browser close: {s['SESSION_EXPIRE_AT_BROWSER_CLOSE']}; "
            f"cookies {s['SESSION_COOKIE_NAME']}, {s['CSRF_COOKIE_NAME']}",
        ),
        (
            "passwords",
            f"hasher {s['PASSWORD_HASHERS'][0].rsplit('.', 1)[-1]}; "
            + ", ".join(
                v["NAME"].rsplit(".", 1)[-1] + (f"({v['OPTIONS']})" if v.get("OPTIONS") else "")
                for v in s["AUTH_PASSWORD_VALIDATORS"]
            ),
        ),
        (
            "HTTPS",
            f"SECURE_SSL_REDIRECT {s['SECURE_SSL_REDIRECT']}, proxy header {s['SECURE_PROXY_SSL_HEADER']}, "
            f"HSTS {s['SECURE_HSTS_SECONDS']} s, subdomains {s['SECURE_HSTS_INCLUDE_SUBDOMAINS']}, "
            f"preload {s['SECURE_HSTS_PRELOAD']}",
        ),
    ]
    width = max(len(name) for name, _ in lines)
    for name, text in lines:
        wrapped = textwrap.wrap(text, 110 - width) or [""]
        print(f"  {name.ljust(width)}  {wrapped[0]}")
        for more in wrapped[1:]:
            print(f"  {' ' * width}    {more}")
    print()


# ---------------------------------------------------------------- part 3: scanners


def scanner_versions() -> dict[str, str | None]:
    """Installed version of each scanner package in the tools venv (None: not installed)."""
    python = TOOLS_VENV / "bin" / "python"
    if not python.exists():
        return dict.fromkeys(SCANNERS)
    code = (
        "import json, importlib.metadata as m\n"
        "def v(n):\n"
        "    try: return m.version(n)\n"
        "    except m.PackageNotFoundError: return None\n"
        f"print(json.dumps({{n: v(n) for n in {list(SCANNERS)!r}}}))"
    )
    done = subprocess.run([str(python), "-c", code], capture_output=True, text=True, timeout=60, check=False)
    try:
        versions = json.loads(done.stdout)
    except ValueError:
        return dict.fromkeys(SCANNERS)
    return {
        name: version if version and (TOOLS_VENV / "bin" / command).exists() else None
        for (name, command), version in zip(
            SCANNERS.items(), (versions.get(n) for n in SCANNERS), strict=True
        )
    }


def ensure_scanners(log: Path) -> tuple[dict[str, str | None], str]:
    """Install the missing scanners into the tools venv; (versions, what went wrong or '')."""
    versions = scanner_versions()
    missing = [name for name, version in versions.items() if version is None]
    if not missing:
        return versions, ""
    print(f"Installing {', '.join(missing)} from PyPI into {TOOLS_VENV.relative_to(REPO)} ...", flush=True)
    base_python = getattr(sys, "_base_executable", sys.executable)
    uv = REPO / ".tools" / "bin" / "uv"
    uv_path = str(uv) if uv.exists() else shutil.which("uv")
    if uv_path:
        commands = []
        if not (TOOLS_VENV / "bin" / "python").exists():
            commands.append([uv_path, "venv", "--python", base_python, str(TOOLS_VENV)])
        commands.append([uv_path, "pip", "install", "--python", str(TOOLS_VENV / "bin" / "python"), *missing])
    else:
        commands = []
        if not (TOOLS_VENV / "bin" / "python").exists():
            commands.append([base_python, "-m", "venv", str(TOOLS_VENV)])
        commands.append([str(TOOLS_VENV / "bin" / "pip"), "install", "--disable-pip-version-check", *missing])
    env = {**os.environ, "UV_PYTHON_DOWNLOADS": "never"}
    for command in commands:
        with log.open("ab") as out:
            out.write(f"\n$ {' '.join(command)}\n".encode())
            out.flush()
            try:
                done = subprocess.run(
                    command, stdout=out, stderr=subprocess.STDOUT, env=env, timeout=900, check=False
                )
            except (OSError, subprocess.TimeoutExpired) as error:
                return scanner_versions(), f"{' '.join(command[:3])} failed: {error}"
        if done.returncode != 0:
            return scanner_versions(), f"installing {', '.join(missing)} failed:\n{tail(log, 15)}"
    versions = scanner_versions()
    still = [name for name, version in versions.items() if version is None]
    return versions, (
        f"{', '.join(still)} still missing after the install:\n{tail(log, 15)}" if still else ""
    )


def run_shcheck(port: int, paths: list[str]) -> list[dict[str, Any]]:
    """shcheck's JSON verdict for each page (GET, with the forwarded-proto header)."""
    results = []
    for path in paths:
        url = f"http://{HOST}:{port}{path}"
        command = [
            str(TOOLS_VENV / "bin" / SCANNERS["shcheck"]),
            "-g",
            "-i",
            "-j",
            "--colours",
            "none",
            "-a",
            "X-Forwarded-Proto: https",
            url,
        ]
        done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
        try:
            verdict = json.loads(done.stdout.strip().splitlines()[-1])
            (effective, found), *_ = verdict.items()
        except (ValueError, IndexError):
            results.append(
                {"path": path, "error": (done.stdout + done.stderr).strip()[-1500:] or "no output"}
            )
            continue
        results.append({"path": path, "effective_url": effective, **found})
    return results


def print_shcheck(results: list[dict[str, Any]], version: str | None) -> None:
    print(f"shcheck {version} (-g -i -a 'X-Forwarded-Proto: https'):")
    print("  (shcheck leaves X-Frame-Options out of its list when the CSP has frame-ancestors)")
    for result in results:
        if "error" in result:
            print(f"  {result['path']}: shcheck failed: {result['error']}")
            continue
        present = result.get("present", {})
        missing = result.get("missing", [])
        disclosed = result.get("information_disclosure", {})
        print(f"  {result['path']}: {len(present)} present, {len(missing)} missing")
        print(f"    present: {', '.join(present) or 'none'}")
        print(f"    missing: {', '.join(missing) or 'none'}")
        print(
            "    information disclosure headers: "
            + (", ".join(f"{k}: {v}" for k, v in disclosed.items()) or "none")
        )
    print()


def run_wapiti(port: int, tmp: Path, args: argparse.Namespace) -> tuple[dict[str, Any] | None, str, float]:
    """Run wapiti against the site; (its JSON report, what went wrong or '', seconds taken)."""
    base = f"http://{HOST}:{port}/"
    report = tmp / "wapiti.json"
    command = [
        str(TOOLS_VENV / "bin" / SCANNERS["wapiti3"]),
        "-u",
        base,
        "--scope",
        "folder",
        # Pages with forms or parameters that nothing on the home page links to.
        *[arg for path in START_PATHS for arg in ("-s", f"{base}{path.lstrip('/')}")],
        "-m",
        args.modules,
        "-d",
        str(args.depth),
        "--max-files-per-dir",
        str(args.max_files_per_dir),
        "--max-scan-time",
        str(args.crawl_time),
        "--max-attack-time",
        str(args.attack_time),
        "--tasks",
        "4",
        "-t",
        "30",
        "--flush-session",
        "--store-session",
        str(tmp / "wapiti-session"),
        "--store-config",
        str(tmp / "wapiti-config"),
        # The live stream never ends a response; static files and uploads take no parameters.
        "-x",
        f"{base}news-feed/stream/*",
        "-x",
        f"{base}static/*",
        "-x",
        f"{base}media/*",
        "--no-bugreport",
        "-v",
        "1",
        "-f",
        "json",
        "-o",
        str(report),
    ]
    active = [m for m in args.modules.split(",") if m in ACTIVE_MODULES] or args.modules.split(",")
    limit = args.crawl_time + args.attack_time * len(active) + 900
    print(
        f"Running wapiti (crawl up to {args.crawl_time} s, each of {len(active)} attack modules up to "
        f"{args.attack_time} s; stops after {limit} s at the latest) ...",
        flush=True,
    )
    log = tmp / "wapiti.log"
    began = time.monotonic()
    env = {**os.environ, "HOME": str(tmp / "wapiti-home")}
    try:
        with log.open("wb") as out:
            done = subprocess.run(
                command, stdout=out, stderr=subprocess.STDOUT, env=env, timeout=limit, check=False
            )
    except subprocess.TimeoutExpired:
        return None, f"wapiti did not finish within {limit} s:\n{tail(log, 20)}", time.monotonic() - began
    except OSError as error:
        return None, f"wapiti could not start: {error}", time.monotonic() - began
    took = time.monotonic() - began
    if not report.exists():
        return None, f"wapiti exited with {done.returncode} and wrote no report:\n{tail(log, 25)}", took
    try:
        return json.loads(report.read_text()), "", took
    except ValueError as error:
        return None, f"wapiti's report is not JSON: {error}", took


def wapiti_findings(report: dict[str, Any]) -> list[dict[str, Any]]:
    findings = []
    for kind in ("vulnerabilities", "anomalies", "additionals"):
        for category, items in (report.get(kind) or {}).items():
            for item in items:
                findings.append(
                    {
                        "kind": kind,
                        "category": category,
                        "module": item.get("module", ""),
                        "method": item.get("method", ""),
                        "path": item.get("path", ""),
                        "parameter": item.get("parameter", ""),
                        "info": " ".join(str(item.get("info", "")).split()),
                        "level": item.get("level", 0),
                    }
                )
    return findings


def wapiti_coverage(log: Path) -> tuple[list[str], list[str], bool]:
    """From wapiti's log: resources with parameters it attacked, modules cut short, crawl cut short."""
    text = log.read_text(errors="replace") if log.exists() else ""
    attacked: list[str] = []
    lines = text.splitlines()
    for n, line in enumerate(lines):
        match = re.match(r"^\[\+\] (GET|POST) https?://[^/]+(/[^?\s]*)(?:\?(\S*))? \(\d+\)$", line)
        if not match:
            continue
        method, path, query = match.groups()
        if method == "POST" and n + 1 < len(lines) and lines[n + 1].strip().startswith("data:"):
            query = lines[n + 1].strip().removeprefix("data:").strip()
        names = sorted({pair.split("=", 1)[0] for pair in (query or "").split("&") if pair})
        if names:
            entry = f"{method} {path} ({', '.join(names)})"
            if entry not in attacked:
                attacked.append(entry)
    cut = re.findall(r"Max attack time was reached for module (\w+)", text)
    return attacked, list(dict.fromkeys(cut)), "Max scan time was reached" in text


def print_wapiti(
    report: dict[str, Any], version: str | None, took: float, args: argparse.Namespace, port: int, log: Path
) -> list[dict[str, Any]]:
    findings = wapiti_findings(report)
    infos = report.get("infos", {})
    print(
        f"wapiti {version}: {infos.get('crawled_pages_nbr', '?')} resources crawled, scan took {took:.0f} s; "
        f"modules: {args.modules}"
    )
    attacked, cut, crawl_cut = wapiti_coverage(log)
    print(f"  crawl {'stopped at --max-scan-time' if crawl_cut else 'finished'} ({args.crawl_time} s)")
    print(f"  attacked (resources with parameters): {'; '.join(attacked) or 'none'}")
    print(f"  attack modules stopped at --max-attack-time ({args.attack_time} s): {', '.join(cut) or 'none'}")
    for kind in ("vulnerabilities", "anomalies", "additionals"):
        counts = Counter(f["category"] for f in findings if f["kind"] == kind)
        total = sum(counts.values())
        listed = ", ".join(f"{category} {n}" for category, n in sorted(counts.items())) or "-"
        print(f"  {kind}: {total}  ({listed})")
    prefix = f"http://{HOST}:{port}"
    seen: set[tuple[str, ...]] = set()
    shown: dict[str, int] = Counter()
    hidden: dict[str, int] = Counter()
    if findings:
        print("  each finding (kind / category (wapiti module): method URL [parameter] - what):")
    for f in findings:
        key = (f["kind"], f["category"], f["module"], f["method"], f["path"], f["parameter"], f["info"])
        if key in seen:
            continue
        seen.add(key)
        if shown[f["category"]] >= args.max_listed:
            hidden[f["category"]] += 1
            continue
        shown[f["category"]] += 1
        path = f["path"].removeprefix(prefix) or "/"
        parameter = f" [{f['parameter']}]" if f["parameter"] else ""
        info = f["info"] if len(f["info"]) <= 160 else f["info"][:157] + "..."
        print(
            f"    {f['kind'][:5]} / {f['category']} ({f['module']}): {f['method']} {path}{parameter} - {info}"
        )
    for category, n in hidden.items():
        print(f"    ... and {n} more {category} (see the JSON report: --keep)")
    print()
    return findings


# ---------------------------------------------------------------- main


def run_python(code: str, env: dict[str, str]) -> str:
    done = subprocess.run(
        [str(PYTHON), "-c", code], cwd=REPO, env=env, capture_output=True, text=True, timeout=300, check=False
    )
    if done.returncode != 0:
        raise BenchError(f"python -c failed ({done.returncode}):\n{done.stderr[-3000:]}")
    return done.stdout.strip()


def deploy_check(env: dict[str, str]) -> str:
    done = subprocess.run(
        [str(PYTHON), "manage.py", "check", "--deploy"],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    return (done.stdout + done.stderr).strip() + f" (exit {done.returncode})"


def serve(env: dict[str, str], log: Path, workers: int = 1) -> tuple[subprocess.Popen[bytes], int]:
    port = free_port()
    command = [
        str(GRANIAN),
        "--interface",
        "asginl",
        "--host",
        HOST,
        "--port",
        str(port),
        "--workers",
        str(workers),
        "--log-level",
        "warning",
        "masthead.asgi:application",
    ]
    server = start(command, env, log)
    wait_until_up(server, port, log, timeout=120)
    return server, port


def django_errors(log: Path) -> list[str]:
    """Each 500 Django logged: ``'<path>: <the exception that ended its traceback>'``."""
    if not log.exists():
        return []
    errors = []
    for block in log.read_text(errors="replace").split("Internal Server Error: ")[1:]:
        lines = block.splitlines()
        final = [line for line in lines if re.match(r"^[\w.]+(Error|Exception)\b", line)]
        errors.append(f"{lines[0].strip()}: {final[-1] if final else '?'}")
    return errors


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--crawl-time",
        type=int,
        default=180,
        help="wapiti --max-scan-time: seconds of crawling (default 180)",
    )
    parser.add_argument(
        "--attack-time",
        type=int,
        default=150,
        help="wapiti --max-attack-time: seconds per module (default 150)",
    )
    parser.add_argument("--depth", type=int, default=5, help="wapiti crawl depth (default 5)")
    parser.add_argument(
        "--max-files-per-dir", type=int, default=8, help="wapiti pages per directory (default 8)"
    )
    parser.add_argument(
        "--modules",
        default=",".join(ACTIVE_MODULES + PASSIVE_MODULES),
        help="wapiti -m (default: %(default)s)",
    )
    parser.add_argument(
        "--max-listed", type=int, default=25, help="findings listed per category (default 25)"
    )
    parser.add_argument("--no-wapiti", action="store_true", help="skip the wapiti scan")
    parser.add_argument("--no-shcheck", action="store_true", help="skip shcheck")
    parser.add_argument("--json", action="store_true", help="also print the results as JSON")
    parser.add_argument("--keep", action="store_true", help="keep the temp dir (logs, wapiti's report)")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:  # noqa: C901, PLR0912, PLR0915 - one linear report
    args = parse_args(argv)
    if not GRANIAN.exists():
        print("bench: .venv is missing; run `make install` first", file=sys.stderr)
        return 2

    def terminate(signum: int, frame: FrameType | None) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, terminate)

    started = dt.datetime.now(dt.UTC)
    tmp = Path(tempfile.mkdtemp(prefix="masthead-security-"))
    setup_log, server_log, install_log = tmp / "setup.log", tmp / "server.log", tmp / "install.log"
    password_file = REPO / "var" / "admin-password.txt"
    password_before = password_file.read_bytes() if password_file.exists() else None
    server: subprocess.Popen[bytes] | None = None
    result: dict[str, Any] = {"date": started.strftime("%Y-%m-%d %H:%M UTC"), "code": code_version()}
    problems: list[str] = []
    try:
        versions: dict[str, str | None] = dict.fromkeys(SCANNERS)
        if not (args.no_wapiti and args.no_shcheck):
            versions, trouble = ensure_scanners(install_log)
            if trouble:
                problems.append(f"scanner install: {trouble}")
                print(f"warning: {trouble}\n  (the report goes on without the missing scanner)", flush=True)
        result["versions"] = {
            "python": output_of([str(PYTHON), "-c", "import platform; print(platform.python_version())"]),
            "granian": output_of([str(GRANIAN), "--version"]).removeprefix("granian "),
            **versions,
        }

        database = Database.from_option(None, tmp)
        trial_env = bench_env(tmp, database)  # SECURE_SSL_REDIRECT=0, COOKIES_SECURE=0
        production_env = trial_env | {
            "SECURE_SSL_REDIRECT": "1",
            "COOKIES_SECURE": "1",
            "NEWSLETTER_CLIENT_IP_HEADER": "HTTP_X_REAL_IP",
        }
        print(f"Preparing the demo newsroom in {tmp} (SQLite temp file):", flush=True)
        prepare(trial_env, tmp, setup_log)
        admin_password = (tmp / "var" / "admin-password.txt").read_text().strip()
        settings_values = json.loads(run_python(SETTINGS_CODE, production_env))
        result["deploy_check"] = deploy_check(production_env)

        print("Serving it with the production settings as deployed ...", flush=True)
        server, port = serve(production_env, server_log)
        header_report = collect_headers(port, admin_password)
        lockout = measure_login_lockout(port)
        signups = measure_signup_limit(port)
        searches = measure_search_limit(port)
        oversized = measure_oversized_form(port)
        shcheck_results = []
        if not args.no_shcheck and versions.get("shcheck"):
            shcheck_results = run_shcheck(port, ["/", "/admin/login/"])
        stop(server)
        server = None

        print()
        print(f"Masthead security report, {result['date']}")
        print(f"code:     {result['code']}")
        print(
            "software: "
            + ", ".join(
                f"{name} {version or 'not installed'}" for name, version in result["versions"].items()
            )
        )
        print("server:   granian --interface asginl --workers 1, masthead.settings.production, SQLite")
        print(f"manage.py check --deploy (production settings): {result['deploy_check']}")
        print()
        csps = print_header_report(header_report)
        print_limits(settings_values, lockout, signups, searches, oversized)
        if shcheck_results:
            print_shcheck(shcheck_results, versions.get("shcheck"))
        elif not args.no_shcheck:
            print("shcheck: not run (not installed, see the warning above)\n")
        result |= {
            "headers": header_report.as_json(),
            "csp": csps,
            "settings": settings_values,
            "login_attempt_statuses": lockout,
            "signup_attempt_statuses": signups,
            "search_attempt_statuses": searches,
            "oversized_form_status": oversized,
            "shcheck": shcheck_results,
        }

        if not args.no_wapiti and versions.get("wapiti3"):
            reset = run_python(RESET_LIMITS_CODE, trial_env)
            print(f"Limits reset for the scan (caches cleared, {reset} axes records removed).")
            (tmp / "pylib").mkdir()
            (tmp / "pylib" / "masthead_bench_settings.py").write_text(SCAN_SETTINGS)
            scan_env = trial_env | {
                "DJANGO_SETTINGS_MODULE": "masthead_bench_settings",
                "PYTHONPATH": os.pathsep.join([str(tmp / "pylib"), str(REPO)]),
            }
            scan_log = tmp / "scan-server.log"
            print(
                "Serving it as a local trial for wapiti (SECURE_SSL_REDIRECT=0, COOKIES_SECURE=0, "
                "plain HTTP, no X-Forwarded-Proto; Django's request errors logged; sign-in and sign-up "
                "limits lifted, granian 2 workers) ...",
                flush=True,
            )
            server, port = serve(scan_env, scan_log, workers=2)
            report, trouble, took = run_wapiti(port, tmp, args)
            still_up = fetch(port, "/").status
            stop(server)
            server = None
            errors = django_errors(scan_log)
            if trouble:
                problems.append(f"wapiti: {trouble}")
                print(f"wapiti: {trouble}\n")
            if report is not None:
                findings = print_wapiti(report, versions.get("wapiti3"), took, args, port, tmp / "wapiti.log")
                result["wapiti"] = {
                    "seconds": round(took),
                    "crawled": report.get("infos", {}).get("crawled_pages_nbr"),
                    "findings": findings,
                }
            print(f"After the scan GET / answered {still_up}.")
            print(
                f"Server errors (500) Django logged during the scan: {len(errors)}"
                + "".join(f"\n  {n} x {line}" for line, n in Counter(errors).most_common(30))
            )
            print(f"scan server log: {log_summary(scan_log)}")
            result["server_errors_during_scan"] = errors
        elif not args.no_wapiti:
            print("wapiti: not run (not installed, see the warning above)")

        if problems:
            print("\nProblems:\n  " + "\n  ".join(p.splitlines()[0] for p in problems))
        if args.json:
            print(json.dumps(result, indent=2, default=str))
        return 0
    except BenchError as error:
        print(f"bench: {error}", file=sys.stderr)
        for log in (server_log, tmp / "scan-server.log"):
            if log.exists() and log.stat().st_size:
                print(f"{log.name}, last lines:\n{tail(log)}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("bench: interrupted", file=sys.stderr)
        return 130
    finally:
        stop(server)
        password_after = password_file.read_bytes() if password_file.exists() else None
        if password_after != password_before:
            print(f"warning: {password_file} changed during the bench", file=sys.stderr)
        if args.keep:
            print(f"kept {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
