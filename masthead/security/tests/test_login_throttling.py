"""Password guessing on the admin's own sign-in page is stopped by django-axes."""

import pytest
from axes.models import AccessAttempt

PASSWORD = "correct horse battery staple"


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_user("olena", "olena@example.org", PASSWORD, is_superuser=True)


def sign_in(client, password: str, username: str = "olena", address: str = "203.0.113.7"):
    return client.post("/admin/login/", {"username": username, "password": password}, REMOTE_ADDR=address)


def test_five_wrong_passwords_lock_the_sign_in_for_a_while(client, editor):
    for _ in range(4):
        response = sign_in(client, "guess")
        assert response.status_code == 200  # the form again, with its error
    locked = sign_in(client, "guess")
    assert locked.status_code == 429
    assert "Too many sign-in attempts" in locked.content.decode()
    assert "15 minutes" in locked.content.decode()
    # Even the right password is refused while locked.
    assert sign_in(client, PASSWORD).status_code == 429
    assert "_auth_user_id" not in client.session


def test_the_account_is_locked_from_other_addresses_too(client, editor):
    for index in range(5):
        sign_in(client, "guess", address=f"198.51.100.{index}")
    assert sign_in(client, PASSWORD, address="192.0.2.50").status_code == 429


def test_a_right_password_resets_the_count(client, editor):
    for _ in range(3):
        sign_in(client, "guess")
    assert sign_in(client, PASSWORD).status_code == 302
    assert not AccessAttempt.objects.filter(username="olena").exists()


def test_a_garbage_forwarded_address_is_still_counted(client, editor, settings):
    settings.NEWSLETTER_CLIENT_IP_HEADER = "HTTP_X_REAL_IP"
    for _ in range(5):
        client.post("/admin/login/", {"username": "x", "password": "y"}, HTTP_X_REAL_IP="not-an-ip")
    assert AccessAttempt.objects.filter(ip_address="0.0.0.0").exists()  # noqa: S104
