"""Browser tests drive Debian's Chromium through Playwright (no browser download)."""

import os
import shutil
import uuid

import psycopg
import pytest
import redis

from .processes import IN_CI, POSTGRES_ADMIN_URL, REDIS_URL, manage, service_available

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
# Chromium's own network chatter is refused on a closed machine; keep it quiet.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]

# Playwright's sync API runs an event loop in the test thread; the ORM calls
# the tests make between browser steps are still plain synchronous calls.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "page" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser():
    if not os.path.exists(CHROMIUM):
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail("Chromium is required in CI: apt-get install chromium")
        pytest.skip("Debian's chromium is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


# Every browser test is also a Content Security Policy test: whatever the
# site's policy refuses (an inline script, a style attribute on a public page,
# a frame from an unlisted origin) is recorded and fails the test.
RECORD_CSP_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(
    `${event.effectiveDirective} blocked ${event.blockedURI || "inline"} on ${location.pathname}`
  );
});
"""


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.set_default_timeout(15_000)
    context.add_init_script(RECORD_CSP_VIOLATIONS)
    page = context.new_page()
    violations: list[str] = []
    page.on(
        "console",
        lambda message: (
            violations.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    yield page
    context.close()
    assert not violations, "Content Security Policy violations:\n" + "\n".join(violations)


def _scaled_env(database: str, var_dir) -> dict:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "masthead.settings.production",
        # plain HTTP on loopback: no redirect to HTTPS, cookies without Secure
        "SECURE_SSL_REDIRECT": "0",
        "COOKIES_SECURE": "0",
        "MASTHEAD_2FA_REQUIRED": "0",
        "SECRET_KEY": "worker-test-" + uuid.uuid4().hex * 2,
        "ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": POSTGRES_ADMIN_URL.rsplit("/", 1)[0] + "/" + database,
        "REDIS_URL": REDIS_URL,
        "MASTHEAD_VAR_DIR": str(var_dir),
        "MEDIA_ROOT": str(var_dir / "media"),
    }


@pytest.fixture(scope="session")
def scaled_template(tmp_path_factory):
    """A migrated PostgreSQL database, made once per test process, that scaled newsrooms copy."""
    for kind in ("postgres", "redis"):
        if not service_available(kind):
            if IN_CI:
                pytest.fail(f"{kind} must be reachable in CI")
            pytest.skip(f"{kind} is not reachable")
    name = f"masthead_template_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(POSTGRES_ADMIN_URL, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        manage(_scaled_env(name, tmp_path_factory.mktemp("template")), "migrate", "--noinput", "-v", "0")
        yield name
    finally:
        with psycopg.connect(POSTGRES_ADMIN_URL, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def scaled_env(scaled_template, tmp_path):
    """A scaled newsroom: production settings on a fresh PostgreSQL database and Redis."""
    name = f"masthead_worker_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(POSTGRES_ADMIN_URL, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}" TEMPLATE "{scaled_template}"')
    env = _scaled_env(name, tmp_path)
    redis.Redis.from_url(REDIS_URL).flushdb()
    yield env
    with psycopg.connect(POSTGRES_ADMIN_URL, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
