"""Staff sign in with a password and a code; Editors and Admins cannot skip the code."""

import time

import pytest
from django.contrib.auth.models import Group
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

PASSWORD = "correct horse battery staple"


@pytest.fixture(autouse=True)
def two_factor_on(settings):
    settings.MASTHEAD_2FA_REQUIRED = True


@pytest.fixture
def editor(django_user_model):
    user = django_user_model.objects.create_user("olena", "olena@example.org", PASSWORD, is_superuser=True)
    return user


@pytest.fixture
def reporter(django_user_model):
    from django.contrib.auth.models import Permission

    user = django_user_model.objects.create_user("taras", "taras@example.org", PASSWORD)
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return user


def sign_in(client, username: str, password: str = PASSWORD):
    return client.post("/admin/login/", {"username": username, "password": password, "next": "/admin/"})


def current_code(device: TOTPDevice, steps_ahead: int = 0) -> str:
    """The code the editor's app shows now (or after ``steps_ahead`` more periods).

    A code is accepted once (replays are refused), and the device tolerates a
    phone one period ahead, so a second sign-in within the same 30 seconds
    uses the next period's code, as a real phone would shortly show.
    """
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time() + steps_ahead * device.step
    return f"{totp.token():0{device.digits}d}"


def set_up_two_factor(client, user) -> list[str]:
    client.get("/admin/2fa/setup/")
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    response = client.post("/admin/2fa/setup/", {"code": current_code(device), "next": "/admin/"})
    assert response.status_code == 200
    return list(response.context["codes"])


def test_an_editor_must_set_up_an_app_before_the_admin_opens(client, editor):
    assert sign_in(client, "olena").status_code == 302
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/2fa/setup/?next=")
    # Nothing else in the admin opens either.
    assert client.get("/admin/pages/").status_code == 302

    page = client.get(response["Location"])
    assert page.status_code == 200
    assert b"<svg" in page.content and "data-two-factor-secret" in page.content.decode()

    wrong = client.post("/admin/2fa/setup/", {"code": "000000", "next": "/admin/"})
    assert wrong.status_code == 400
    assert "did not match" in wrong.content.decode()
    assert not TOTPDevice.objects.filter(user=editor, confirmed=True).exists()

    time.sleep(1.1)  # django-otp makes a device wait a second after a wrong code
    device = TOTPDevice.objects.get(user=editor, confirmed=False)
    done = client.post("/admin/2fa/setup/", {"code": current_code(device), "next": "/admin/"})
    assert done.status_code == 200
    assert len(done.context["codes"]) == 10
    assert client.get("/admin/").status_code == 200


def test_next_time_the_editor_signs_in_with_a_code(client, editor):
    sign_in(client, "olena")
    backup_codes = set_up_two_factor(client, editor)
    client.post("/admin/logout/")

    sign_in(client, "olena")
    response = client.get("/admin/pages/")
    assert response["Location"] == "/admin/2fa/verify/?next=%2Fadmin%2Fpages%2F"
    assert client.post("/admin/2fa/verify/", {"code": "12ab!"}).status_code == 400
    refused = client.post("/admin/2fa/verify/", {"code": "000000"})
    assert refused.status_code == 400 and "did not match" in refused.content.decode()

    # A backup code works once.
    time.sleep(1.1)  # the wrong code above makes the app's device wait a second; backup codes too
    ok = client.post("/admin/2fa/verify/", {"code": backup_codes[0], "next": "/admin/pages/"})
    assert ok.status_code == 302 and ok["Location"] == "/admin/pages/"
    assert client.get("/admin/pages/").status_code == 200
    client.post("/admin/logout/")
    sign_in(client, "olena")
    assert client.post("/admin/2fa/verify/", {"code": backup_codes[0]}).status_code == 400


def test_wrong_codes_are_throttled(client, editor):
    sign_in(client, "olena")
    set_up_two_factor(client, editor)
    client.post("/admin/logout/")
    sign_in(client, "olena")
    for _ in range(3):
        client.post("/admin/2fa/verify/", {"code": "000000"})
    device = TOTPDevice.objects.get(user=editor)
    response = client.post("/admin/2fa/verify/", {"code": current_code(device, steps_ahead=1)})
    assert response.status_code == 400
    assert "Too many wrong codes" in response.content.decode()


def test_a_code_page_never_sends_the_editor_off_the_site(client, editor):
    sign_in(client, "olena")
    set_up_two_factor(client, editor)
    client.post("/admin/logout/")
    sign_in(client, "olena")
    device = TOTPDevice.objects.get(user=editor)
    response = client.post(
        "/admin/2fa/verify/",
        {"code": current_code(device, steps_ahead=1), "next": "https://evil.example/admin/"},
    )
    assert response.status_code == 302 and response["Location"] == "/admin/"


def test_members_of_the_editor_group_are_held_too(client, reporter):
    reporter.groups.add(Group.objects.get_or_create(name="Editor")[0])
    sign_in(client, "taras")
    assert client.get("/admin/")["Location"].startswith("/admin/2fa/setup/")


def test_a_reporter_may_sign_in_without_it_and_turn_it_on_and_off(client, reporter):
    sign_in(client, "taras")
    assert client.get("/admin/").status_code == 200
    assert "Two-factor authentication is off." in client.get("/admin/2fa/").content.decode()
    set_up_two_factor(client, reporter)
    assert "is on" in client.get("/admin/2fa/").content.decode()
    client.post("/admin/2fa/", {"action": "disable"})
    assert not TOTPDevice.objects.filter(user=reporter).exists()


def test_an_editor_cannot_turn_it_off(client, editor):
    sign_in(client, "olena")
    set_up_two_factor(client, editor)
    response = client.post("/admin/2fa/", {"action": "disable"}, follow=True)
    assert "cannot be turned off" in response.content.decode()
    assert TOTPDevice.objects.filter(user=editor, confirmed=True).exists()


def test_readers_pages_do_not_touch_the_session(client, editor):
    response = client.get("/robots.txt")
    assert "Cookie" not in response.headers.get("Vary", "")
