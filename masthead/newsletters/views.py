"""Reader-facing newsletter pages: signup, confirmation, unsubscribe and preferences.

About CSRF. The signup box sits on every public page, and public pages are
cached (by browsers and a CDN, see PublicCacheMiddleware), so they cannot
carry a per-reader CSRF token, and a token cookie would make them uncacheable.
The subscribe endpoint is therefore exempt from Django's CSRF check and
guarded instead by what CSRF protects against here, a third-party page
making visitors' browsers sign up addresses: a POST whose ``Origin`` (or,
without one, ``Referer``) names another site is refused, and the honeypot,
the per-network and per-address limits, the cap on confirmation emails and
double opt-in bound what any client can do. The links in emails (confirm,
unsubscribe, preferences) are authorised by their signed token, which a
forger does not have; RFC 8058 one-click unsubscribe must accept a bare
POST from the mail provider, so those are exempt too.
"""

import json
from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from .forms import PreferencesForm, SignupForm, public_lists
from .models import NewsletterList, Subscriber, Subscription
from .proof_of_work import create_challenge
from .signup import client_network, confirm_subscription, request_subscription, within_limit
from .tokens import BadToken, read_confirmation_token, read_manage_token


def box_context(form: SignupForm | None = None, thanks: bool = False) -> dict:
    lists = list(public_lists())
    return {
        "newsletter_form": form or SignupForm(lists=lists),
        "newsletter_lists": lists,
        "newsletter_thanks": thanks,
        "proof_of_work": settings.NEWSLETTER_PROOF_OF_WORK,
    }


def signup_page(request: HttpRequest) -> HttpResponse:
    """The standalone signup page (cacheable: no cookie, no per-reader token)."""
    return TemplateResponse(request, "newsletters/signup_page.html", box_context())


def same_origin(request: HttpRequest) -> bool:
    """Whether a POST comes from one of the site's own pages, when the browser says where from."""
    source = request.headers.get("Origin") or request.headers.get("Referer")
    if not source:
        return True  # old clients and privacy tools send neither; the limits still apply
    parts = urlsplit(source)
    if not parts.scheme or not parts.netloc:
        return False
    origin = f"{parts.scheme}://{parts.netloc}"
    trusted = {f"{request.scheme}://{request.get_host()}", *settings.CSRF_TRUSTED_ORIGINS}
    return origin in trusted


def signup_response(request: HttpRequest, context: dict, status: int = 200) -> HttpResponse:
    """The box alone for the page's script, or the whole signup page without JavaScript."""
    template = (
        "components/newsletter_box.html"
        if request.headers.get("X-Newsletter-Box") == "1"
        else "newsletters/signup_page.html"
    )
    return TemplateResponse(request, template, context, status=status)


def message_page(request: HttpRequest, title: str, text: str, status: int = 200, **extra) -> HttpResponse:
    context = {"title": title, "text": text, **extra}
    return TemplateResponse(request, "newsletters/message.html", context, status=status)


@csrf_exempt
@never_cache
@require_http_methods(["GET", "POST"])
def subscribe(request: HttpRequest) -> HttpResponse:
    """Take a signup from the box or the signup page (see the module docstring on CSRF)."""
    if request.method == "GET":
        return signup_page(request)
    if not same_origin(request):
        return message_page(
            request, _("Not sent"), _("This form can only be sent from our own pages."), status=403
        )
    if not within_limit("ip", client_network(request), settings.NEWSLETTER_SIGNUPS_PER_IP):
        return message_page(
            request,
            _("Please try again later"),
            _("We received too many sign-ups from your network. Please try again in an hour."),
            status=429,
        )
    form = SignupForm(request.POST)
    if form.is_bot:
        return signup_response(request, box_context(thanks=True))
    if not form.is_valid():
        return signup_response(request, box_context(form=form), status=400)
    email = form.cleaned_data["email"]
    if within_limit("address", email.lower(), settings.NEWSLETTER_SIGNUPS_PER_ADDRESS):
        request_subscription(email, list(form.cleaned_data["lists"]))
    # The same answer whatever happened: it must not tell whether the address is known.
    return signup_response(request, box_context(thanks=True))


@never_cache
def challenge(request: HttpRequest) -> HttpResponse:
    """A fresh proof-of-work challenge for the signup form's script."""
    if not settings.NEWSLETTER_PROOF_OF_WORK:
        return JsonResponse({"error": _("The proof of work is switched off.")}, status=404)
    return JsonResponse(create_challenge())


def token_page(response: HttpResponse) -> HttpResponse:
    """Pages opened from an email's link: kept out of caches and referrers (the URL is a key)."""
    response.headers["Referrer-Policy"] = "no-referrer"
    response.headers["X-Robots-Tag"] = "noindex"
    return response


def bad_link(request: HttpRequest, expired: bool = False) -> HttpResponse:
    if expired:
        text = _("This link has expired. Sign up again and we will send you a new one.")
    else:
        text = _("This link is not valid. Check that you copied all of it from the email.")
    return token_page(message_page(request, _("Link not valid"), text, status=400, signup_link=True))


@csrf_exempt
@never_cache
@require_http_methods(["GET", "POST"])
def confirm(request: HttpRequest, token: str) -> HttpResponse:
    """GET asks (so link scanners confirm nothing); POST confirms the subscription."""
    try:
        email, list_ids = read_confirmation_token(token)
    except BadToken as error:
        return bad_link(request, expired=error.expired)
    lists = list(NewsletterList.objects.filter(pk__in=list_ids))
    if request.method == "GET":
        return token_page(
            TemplateResponse(request, "newsletters/confirm.html", {"email": email, "lists": lists})
        )
    subscriber = confirm_subscription(email, list_ids)
    if subscriber is None:
        return bad_link(request)
    return token_page(
        message_page(
            request,
            _("You are subscribed"),
            _("Thank you: your subscription is confirmed. The next issue will reach %(email)s.")
            % {"email": email},
        )
    )


def subscriber_for_token(token: str) -> tuple[Subscriber, int | None]:
    key, list_id = read_manage_token(token)
    subscriber = Subscriber.objects.filter(key=key).first()
    if subscriber is None:
        raise BadToken()
    return subscriber, list_id


@csrf_exempt
@never_cache
@require_http_methods(["GET", "POST"])
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    """Unsubscribe from the list an email came from; POST does it (RFC 8058 one-click)."""
    try:
        subscriber, list_id = subscriber_for_token(token)
    except BadToken:
        return bad_link(request)
    newsletter_list = NewsletterList.objects.filter(pk=list_id).first() if list_id else None
    if request.method == "GET":
        context = {"subscriber": subscriber, "newsletter_list": newsletter_list, "token": token}
        return token_page(TemplateResponse(request, "newsletters/unsubscribe.html", context))
    subscriber.unsubscribe(newsletter_list)
    if newsletter_list:
        text = _("%(email)s will receive no more %(name)s.") % {
            "email": subscriber.email,
            "name": newsletter_list.name,
        }
    else:
        text = _("%(email)s will receive no more newsletters from us.") % {"email": subscriber.email}
    return token_page(message_page(request, _("You are unsubscribed"), text, preferences_token=token))


@csrf_exempt
@never_cache
@require_http_methods(["GET", "POST"])
def preferences(request: HttpRequest, token: str) -> HttpResponse:
    """Change lists, leave all, download or delete one's data: authorised by the link."""
    try:
        subscriber, _list_id = subscriber_for_token(token)
    except BadToken:
        return bad_link(request)
    action = request.POST.get("action", "save") if request.method == "POST" else ""
    form = PreferencesForm(
        request.POST if action == "save" else None,
        subscriber=subscriber,
        initial={"lists": list(subscriber.subscriptions.values_list("newsletter_list_id", flat=True))},
    )
    status, notice = 200, ""
    if action == "export":
        response = HttpResponse(
            json.dumps(subscriber.export_data(), indent=2, ensure_ascii=False),
            content_type="application/json; charset=utf-8",
        )
        response["Content-Disposition"] = 'attachment; filename="my-newsletter-data.json"'
        return token_page(response)
    if action == "delete":
        if request.POST.get("confirm_delete") != "yes":
            status, notice = 400, _("Tick the box to confirm that everything should be deleted.")
        else:
            subscriber.erase()
            return token_page(
                message_page(
                    request,
                    _("Your data is deleted"),
                    _(
                        "We deleted your address and all we kept about it. You will receive nothing more. "
                        "We keep only a one-way fingerprint of the address, so that nobody adds it to our "
                        "lists again without you; signing up again yourself is always possible."
                    ),
                )
            )
    elif action == "leave":
        subscriber.unsubscribe()
        notice = _("You left every newsletter. You can choose some again below at any time.")
        form = PreferencesForm(subscriber=subscriber, initial={"lists": []})
    elif action == "save":
        if not form.is_valid():
            status = 400
        elif subscriber.status == Subscriber.Status.SUPPRESSED:
            status, notice = 400, _("Emails to this address bounced, so we cannot send newsletters to it.")
        else:
            save_lists(subscriber, list(form.cleaned_data["lists"]))
            notice = _("Your choices are saved.")
    elif action:
        status, notice = 400, _("Unknown action.")
    context = {"subscriber": subscriber, "form": form, "notice": notice, "token": token}
    return token_page(TemplateResponse(request, "newsletters/preferences.html", context, status=status))


def save_lists(subscriber: Subscriber, lists: list[NewsletterList]) -> None:
    """Set exactly these lists. The link proved the reader owns the address, so this confirms it."""
    if not lists:
        subscriber.unsubscribe()
        return
    subscriber.subscriptions.exclude(newsletter_list__in=lists).delete()
    Subscription.objects.bulk_create(
        [Subscription(subscriber=subscriber, newsletter_list=nl) for nl in lists], ignore_conflicts=True
    )
    if subscriber.status != Subscriber.Status.CONFIRMED:
        subscriber.status = Subscriber.Status.CONFIRMED
        subscriber.save(update_fields=["status", "confirmed_at"])
