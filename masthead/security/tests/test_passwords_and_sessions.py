"""Weak passwords are refused where staff set them; staff sessions end after hours and with the browser."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.contrib.sessions.models import Session
from django.test import Client
from django.urls import reverse
from django.utils import timezone


@pytest.fixture
def admin_client(db, django_user_model) -> Client:
    user = django_user_model.objects.create_superuser("chief", "chief@example.org", "a-long-test-password")
    client = Client()
    client.force_login(user)
    return client


def new_user_form(password: str, confirm: str | None = None, **extra) -> dict:
    return {
        "username": "olena",
        "email": "olena@example.org",
        "first_name": "Olena",
        "last_name": "Kovalenko",
        "password1": password,
        "password2": password if confirm is None else confirm,
        "groups": [Group.objects.get(name="Reporter").pk],
        **extra,
    }


@pytest.mark.parametrize(
    ("password", "reason"),
    [
        ("tram-line", "This password is too short. It must contain at least 12 characters."),
        ("password1234", "This password is too common."),
        ("462198307715", "This password is entirely numeric."),
        ("olenakovalenko", "The password is too similar to the"),
    ],
)
def test_the_admins_user_form_refuses_a_weak_password(admin_client, django_user_model, password, reason):
    response = admin_client.post(reverse("wagtailusers_users:add"), new_user_form(password))
    assert response.status_code == 200  # the form again, with the reason
    assert reason in response.content.decode()
    assert not django_user_model.objects.filter(username="olena").exists()


def test_the_admins_user_form_takes_a_long_uncommon_password(admin_client, django_user_model):
    response = admin_client.post(reverse("wagtailusers_users:add"), new_user_form("river barges at dawn"))
    assert response.status_code == 302
    assert django_user_model.objects.get(username="olena").check_password("river barges at dawn")


def test_a_user_changing_their_own_password_gets_the_same_rules(db, django_user_model):
    user = django_user_model.objects.create_user("olena", "olena@example.org", "an-old-long-password")
    user.groups.add(Group.objects.get(name="Reporter"))
    client = Client()
    client.force_login(user)
    url = reverse("wagtailadmin_account")
    data = {
        "password-old_password": "an-old-long-password",
        "password-new_password1": "short",
        "password-new_password2": "short",
    }
    response = client.post(url, data)
    assert "This password is too short" in response.content.decode()
    user.refresh_from_db()
    assert user.check_password("an-old-long-password")


def test_a_staff_session_lasts_eight_hours_and_ends_with_the_browser(db, django_user_model):
    assert settings.SESSION_COOKIE_AGE == 8 * 3600
    assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE
    django_user_model.objects.create_user("olena", "olena@example.org", "an-old-long-password")
    client = Client()
    response = client.post(
        reverse("wagtailadmin_login"), {"username": "olena", "password": "an-old-long-password"}
    )
    assert response.status_code == 302
    cookie = response.cookies[settings.SESSION_COOKIE_NAME]
    assert not cookie["max-age"] and not cookie["expires"]  # a browser-session cookie
    session = Session.objects.get(session_key=cookie.value)
    left = (session.expire_date - timezone.now()).total_seconds()
    assert 8 * 3600 - 60 < left <= 8 * 3600


def test_an_expired_session_sends_the_editor_back_to_sign_in(db, django_user_model):
    user = django_user_model.objects.create_user("olena", "olena@example.org", "an-old-long-password")
    user.groups.add(Group.objects.get(name="Reporter"))
    client = Client()
    client.force_login(user)
    assert client.get("/admin/").status_code == 200
    Session.objects.update(expire_date=timezone.now() - timedelta(seconds=1))
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtailadmin_login"))
