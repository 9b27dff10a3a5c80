"""Two-factor sign-in for the admin: TOTP apps (and one-time backup codes) via django-otp.

Every staff user can turn it on from *Account → Two-factor authentication*.
It is required (``MASTHEAD_2FA_REQUIRED``) for superusers and for members of
the groups in ``MASTHEAD_2FA_REQUIRED_GROUPS`` (Editor and Admin): after the
password they are sent to set up an authenticator app before anything else
in the admin opens. Anyone with a confirmed device must enter a code after
the password, required or not. Wrong codes are throttled by django-otp
(growing delays per device) on top of django-axes' password lockout.
"""

from collections.abc import Callable
from urllib.parse import urlencode

import segno
from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import Resolver404, resolve, reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods
from django_otp import login as otp_login
from django_otp import user_has_device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

BACKUP_CODES = 10
# The admin pages an unverified user may still open.
OPEN_URL_NAMES = {
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_javascript_catalog",
    "wagtailadmin_sprite",
    "wagtailadmin_password_reset",
    "two_factor_verify",
    "two_factor_setup",
}


def two_factor_required(user) -> bool:
    """Whether this staff user must use a second factor."""
    if not settings.MASTHEAD_2FA_REQUIRED:
        return False
    if user.is_superuser:
        return True
    return user.groups.filter(name__in=settings.MASTHEAD_2FA_REQUIRED_GROUPS).exists()


def safe_next(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, require_https=request.is_secure()):
        return target
    return reverse("wagtailadmin_home")


class TwoFactorMiddleware:
    """Hold signed-in staff at the code (or set-up) page until their second factor is checked.

    Only admin URLs are looked at, so readers' pages never touch the session.
    Must come after django_otp's ``OTPMiddleware``.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path.startswith("/admin/"):
            held = self.hold(request)
            if held is not None:
                return held
        return self.get_response(request)

    def hold(self, request: HttpRequest) -> HttpResponse | None:
        user = request.user
        if not user.is_authenticated or user.is_verified():
            return None
        try:
            match = resolve(request.path_info)
        except Resolver404:
            return None
        if match.url_name in OPEN_URL_NAMES:
            return None
        query = urlencode({"next": request.get_full_path()})
        if user_has_device(user, confirmed=True):
            return HttpResponseRedirect(f"{reverse('two_factor_verify')}?{query}")
        if two_factor_required(user):
            return HttpResponseRedirect(f"{reverse('two_factor_setup')}?{query}")
        return None


class CodeForm(forms.Form):
    code = forms.CharField(
        label=gettext_lazy("Code"),
        max_length=16,
        help_text=gettext_lazy("The 6-digit code from your authenticator app, or one of your backup codes."),
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
    )

    def clean_code(self) -> str:
        code = "".join(self.cleaned_data["code"].split()).lower()
        if not code.isalnum():
            raise forms.ValidationError(_("Enter the code from your app: digits (or a backup code) only."))
        return code


def qr_code_svg(url: str) -> str:
    """An inline SVG QR code (no style attributes, so the admin's CSP allows it)."""
    return segno.make(url, error="m").svg_inline(scale=5, dark="#000", light="#fff", omitsize=False)


def backup_device(user) -> StaticDevice:
    device, _ = StaticDevice.objects.get_or_create(user=user, name="backup")
    return device


def new_backup_codes(user) -> list[str]:
    device = backup_device(user)
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(BACKUP_CODES)]
    StaticToken.objects.bulk_create([StaticToken(device=device, token=code) for code in codes])
    return codes


@never_cache
@sensitive_post_parameters("code")
@login_required
@require_http_methods(["GET", "POST"])
def setup(request: HttpRequest) -> HttpResponse:
    """Pair an authenticator app: show its secret as a QR code, confirm with one code."""
    user = request.user
    if user_has_device(user, confirmed=True) and not user.is_verified():
        return redirect(f"{reverse('two_factor_verify')}?{urlencode({'next': request.get_full_path()})}")
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=_("Authenticator app"), confirmed=False)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        allowed, _details = device.verify_is_allowed()
        if not allowed:
            form.add_error("code", _("Too many wrong codes. Wait a minute, then try again."))
        elif device.verify_token(form.cleaned_data["code"]):
            with transaction.atomic():
                TOTPDevice.objects.filter(user=user, confirmed=True).delete()
                device.confirmed = True
                device.save(update_fields=["confirmed"])
                codes = new_backup_codes(user)
            otp_login(request, device)
            return render(
                request, "security/two_factor_backup_codes.html", {"codes": codes, "next": safe_next(request)}
            )
        else:
            form.add_error(
                "code", _("That code did not match. Check your phone's clock and try the newest code.")
            )
    context = {
        "form": form,
        "qr_code": mark_safe(qr_code_svg(device.config_url)),  # noqa: S308 - segno's own SVG markup
        "secret": device_secret(device),
        "next": safe_next(request),
        "required": two_factor_required(user),
    }
    return render(request, "security/two_factor_setup.html", context, status=400 if form.errors else 200)


def device_secret(device: TOTPDevice) -> str:
    """The key in base32, in groups of four, for typing into an app by hand."""
    from base64 import b32encode

    secret = b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


@never_cache
@sensitive_post_parameters("code")
@login_required
@require_http_methods(["GET", "POST"])
def verify(request: HttpRequest) -> HttpResponse:
    """The second step of signing in."""
    user = request.user
    if user.is_verified():
        return redirect(safe_next(request))
    if not user_has_device(user, confirmed=True):
        return redirect(f"{reverse('two_factor_setup')}?{urlencode({'next': safe_next(request)})}")
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device, refusal = check_code(user, form.cleaned_data["code"])
        if device is not None:
            otp_login(request, device)
            return redirect(safe_next(request))
        form.add_error("code", refusal)
    return render(
        request,
        "security/two_factor_verify.html",
        {"form": form, "next": safe_next(request)},
        status=400 if form.errors else 200,
    )


def check_code(user, code: str) -> tuple[object | None, str]:
    """The device the code belongs to, or None and why it was refused."""
    waiting = False
    devices = [*TOTPDevice.objects.filter(user=user, confirmed=True), *StaticDevice.objects.filter(user=user)]
    for device in devices:
        allowed, _details = device.verify_is_allowed()
        if not allowed:
            waiting = True
            continue
        if device.verify_token(code):
            return device, ""
    if waiting:
        return None, _("Too many wrong codes. Wait a minute, then try again.")
    return None, _("That code did not match. Try the newest code from your app.")


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def manage(request: HttpRequest) -> HttpResponse:
    """A user's own second factor: status, new backup codes, turning it off when allowed."""
    user = request.user
    action = request.POST.get("action")
    if action == "backup-codes" and user_has_device(user, confirmed=True):
        return render(
            request,
            "security/two_factor_backup_codes.html",
            {"codes": new_backup_codes(user), "next": reverse("two_factor_manage")},
        )
    if action == "disable":
        if two_factor_required(user):
            messages.error(
                request, _("Your role requires two-factor authentication; it cannot be turned off.")
            )
        else:
            TOTPDevice.objects.filter(user=user).delete()
            StaticDevice.objects.filter(user=user).delete()
            messages.success(request, _("Two-factor authentication is off."))
        return redirect("two_factor_manage")
    context = {
        "enabled": user_has_device(user, confirmed=True),
        "required": two_factor_required(user),
        "backup_codes_left": StaticToken.objects.filter(device__user=user).count(),
    }
    return render(request, "security/two_factor_manage.html", context)
