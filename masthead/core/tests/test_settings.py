"""The production settings refuse to start without what they need."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
REQUIRED = {
    "SECRET_KEY": "a-production-secret-key-of-decent-length-0123456789",
    "ALLOWED_HOSTS": "news.example.org",
    "DATABASE_URL": "sqlite:////tmp/masthead-settings-check.sqlite3",
}


def load_production_settings(env: dict) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if k not in REQUIRED and k != "REDIS_URL"}
    code = "import django; django.setup(); from django.conf import settings; print(settings.ALLOWED_HOSTS)"
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={**clean, "DJANGO_SETTINGS_MODULE": "masthead.settings.production", **env},
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.parametrize("missing", sorted(REQUIRED))
def test_production_refuses_to_start_without_a_required_variable(missing):
    result = load_production_settings({k: v for k, v in REQUIRED.items() if k != missing})
    assert result.returncode != 0
    assert f"The environment variable {missing} is required" in result.stderr


def test_production_starts_with_the_required_variables():
    result = load_production_settings(REQUIRED)
    assert result.returncode == 0, result.stderr
    assert "news.example.org" in result.stdout


def test_embedded_settings_need_no_environment(tmp_path):
    clean = {k: v for k, v in os.environ.items() if k not in REQUIRED}
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import django; django.setup(); from django.conf import settings; print(settings.DEBUG)",
        ],
        cwd=ROOT,
        env={
            **clean,
            "DJANGO_SETTINGS_MODULE": "masthead.settings.embedded",
            "MASTHEAD_VAR_DIR": str(tmp_path),
        },
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"
    assert (tmp_path / "secret_key").exists()
