"""Reader pages: Support us, starting a donation, thanks, managing one, partner inquiries; webhooks.

CSRF: the donation box and the partner banner sit on cached public pages,
which cannot carry a per-reader token (see masthead/newsletters/views.py for
the same reasoning). ``donate`` and ``partner`` therefore check that a POST
comes from the site's own pages (``Origin``/``Referer``) and are rate-limited
per network, and ask for the newsletter signup's proof of work when
``NEWSLETTER_PROOF_OF_WORK`` is on; ``donate`` only sends the reader on to Stripe. The manage page
is private (its address is the key) and uses Django's CSRF token as usual.
Stripe's webhook is authenticated by its signature.
"""

import json
import logging

import stripe
from django.conf import settings
from django.db import IntegrityError, transaction
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from masthead.core.middleware import newsroom_for
from masthead.newsletters.signup import client_network, within_limit
from masthead.newsletters.views import same_origin

from . import stripe_api
from .configuration import payments_configured, revenue_offer, revenue_settings_for
from .events import Duplicate, record_event, replay_waiting
from .forms import DonationForm, PartnerInquiryForm
from .models import Campaign, Donation, Frequency
from .tokens import BadToken, manage_token, read_manage_token

logger = logging.getLogger(__name__)


def live_campaigns(request: HttpRequest | None) -> list[Campaign]:
    """The campaigns taking donations now, with what they raised (cached; see ``revenue_offer``)."""
    return revenue_offer(request)[1]


def donation_context(request: HttpRequest, form: DonationForm | None = None, **extra) -> dict:
    """What the donation box needs: the settings, the live campaigns, and the form (with its errors)."""
    revenue, campaigns = revenue_offer(request)
    if form is None:
        chosen = request.GET.get("campaign", "") if request.method == "GET" else ""
        form = DonationForm(
            revenue=revenue,
            campaigns=campaigns,
            initial={"campaign": chosen if any(c.slug == chosen for c in campaigns) else ""},
        )
    selected = form.selected_frequency()
    frequencies = [
        {
            "value": value,
            "label": label,
            "checked": value == selected,
            "presets": [
                {"value": str(amount), "label": revenue.money(amount)} for amount in revenue.presets(value)
            ],
            "chosen": form.selected_preset(value),
        }
        for value, label in Frequency.choices
    ]
    return {
        "revenue": revenue,
        "donation_form": form,
        "frequencies": frequencies,
        "campaigns": campaigns,
        "selected_campaign": form.selected_campaign(),
        "smallest": revenue.money(revenue.minimum_amount),
        "proof_of_work": settings.NEWSLETTER_PROOF_OF_WORK,
        **extra,
    }


def support_page(request: HttpRequest, status: int = 200, **extra) -> HttpResponse:
    """The standalone “Support us” page: the donation box, the live campaigns and the partner banner."""
    context = donation_context(request, **extra)
    context["cancelled"] = request.method == "GET" and request.GET.get("cancelled") == "1"
    return TemplateResponse(request, "revenue/support_page.html", context, status=status)


def message_page(request: HttpRequest, title: str, text: str, status: int = 200, **extra) -> HttpResponse:
    return TemplateResponse(
        request, "revenue/message.html", {"title": title, "text": text, **extra}, status=status
    )


def private(response: HttpResponse) -> HttpResponse:
    """Pages whose address is a key: kept out of referrers and search engines."""
    response.headers["Referrer-Policy"] = "no-referrer"
    response.headers["X-Robots-Tag"] = "noindex"
    return response


@csrf_exempt
@never_cache
@require_http_methods(["GET", "POST"])
def donate(request: HttpRequest) -> HttpResponse:
    """Check the reader's choice and send them to Stripe's hosted checkout (nothing stored on bad input)."""
    if request.method == "GET":
        return redirect("revenue:support")
    if not same_origin(request):
        return message_page(
            request, _("Not sent"), _("This form can only be sent from our own pages."), status=403
        )
    if not within_limit("revenue-checkout", client_network(request), settings.REVENUE_CHECKOUTS_PER_IP):
        return message_page(
            request,
            _("Please try again later"),
            _("We received too many donation attempts from your network. Please try again in an hour."),
            status=429,
        )
    revenue = revenue_settings_for(request)
    form = DonationForm(request.POST, revenue=revenue, campaigns=live_campaigns(request))
    if not form.is_valid():
        return support_page(request, status=400, form=form)
    if not payments_configured():
        return support_page(
            request,
            form=form,
            notice=_(
                "Thank you for wanting to support us! Online payments are not set up yet, "
                "so we cannot take your donation here today. Please come back soon."
            ),
        )
    donation = Donation(
        amount=form.cleaned_data["amount"],
        currency=revenue.currency,
        frequency=form.cleaned_data["frequency"],
        campaign=form.cleaned_data["campaign"],
    )
    newsroom = newsroom_for(request).name
    if donation.campaign:
        product = _("Donation to %(newsroom)s: %(campaign)s") % {
            "newsroom": newsroom,
            "campaign": donation.campaign.name,
        }
    else:
        product = _("Donation to %(newsroom)s") % {"newsroom": newsroom}
    try:
        session = stripe_api.create_checkout(
            donation,
            product[:250],
            success_url=request.build_absolute_uri(reverse("revenue:thanks", args=[donation.key])),
            cancel_url=request.build_absolute_uri(reverse("revenue:support")) + "?cancelled=1",
        )
    except stripe_api.StripeFailure:
        logger.exception("Stripe refused or did not answer a checkout request.")
        return support_page(
            request,
            status=503,
            form=form,
            notice=_(
                "Our payment service did not answer. Nothing was charged: please try again in a minute."
            ),
        )
    if not isinstance(session.get("url"), str) or not session["url"].startswith(("https://", "http://")):
        logger.error("Stripe answered a checkout request without a checkout address.")
        return support_page(
            request, status=503, form=form, notice=_("Our payment service gave an unusable answer.")
        )
    donation.stripe_checkout_session = session["id"]
    donation.save()
    replay_waiting(donation)
    return HttpResponseRedirect(session["url"], status=303)


@never_cache
def thanks(request: HttpRequest, key: str) -> HttpResponse:
    """Where Stripe sends the reader back. It shows what the webhooks recorded, and records nothing."""
    donation = Donation.objects.select_related("campaign").filter(key=key[:40]).first()
    if donation is None:
        return private(
            message_page(
                request,
                _("Donation not found"),
                _("We do not know this donation. If you were charged, your receipt email has the details."),
                status=404,
            )
        )
    return private(TemplateResponse(request, "revenue/thanks.html", {"donation": donation}))


def manage_url(request: HttpRequest | None, donation: Donation) -> str:
    path = reverse("revenue:manage", args=[manage_token(donation.key)])
    return request.build_absolute_uri(path) if request else path


@never_cache
@require_http_methods(["GET", "POST"])
def manage(request: HttpRequest, token: str) -> HttpResponse:
    """A donor's own page for a recurring donation, opened from the receipt: cancel it, or change the card."""
    try:
        key = read_manage_token(token)
    except BadToken:
        key = None
    donation = Donation.objects.select_related("campaign").filter(key=key).first() if key else None
    if donation is None:
        return private(
            message_page(
                request,
                _("Link not valid"),
                _("This link is not valid. Check that you copied all of it from your receipt email."),
                status=400,
            )
        )
    notice, status = "", 200
    if request.method == "POST":
        action = request.POST.get("action", "")
        if action not in ("cancel", "portal"):
            notice, status = _("Unknown action."), 400
        elif not donation.subscription_running:
            notice, status = _("This donation is not a running monthly or yearly donation."), 400
        elif not payments_configured():
            notice, status = _("Online payments are switched off at the moment. Please write to us."), 503
        else:
            try:
                if action == "portal":
                    url = stripe_api.portal_url(donation, request.build_absolute_uri())
                    return private(HttpResponseRedirect(url, status=303))
                stripe_api.cancel_subscription(donation)
            except stripe_api.StripeFailure:
                logger.exception("Stripe refused or did not answer for donation %s.", donation.pk)
                notice, status = _("Our payment service did not answer. Please try again in a minute."), 503
            else:
                Donation.objects.filter(pk=donation.pk).update(cancel_requested_at=timezone.now())
                donation.refresh_from_db()
                notice = _(
                    "Your donation is cancelled: no further payments will be taken. "
                    "Thank you for your support."
                )
    context = {"donation": donation, "notice": notice, "token": token}
    return private(TemplateResponse(request, "revenue/manage.html", context, status=status))


@csrf_exempt
@require_POST
def stripe_webhook(request: HttpRequest) -> HttpResponse:
    """Stripe's events: verified by signature, then recorded once (see ``events``)."""
    secret = settings.STRIPE_WEBHOOK_SECRET
    if not secret:
        return HttpResponse("Payments are not configured.", status=503, content_type="text/plain")
    try:
        stripe.Webhook.construct_event(request.body, request.headers.get("Stripe-Signature"), secret)
        payload = json.loads(request.body)
    except (ValueError, stripe.SignatureVerificationError):
        return HttpResponse("Signature not valid.", status=400, content_type="text/plain")
    try:
        outcome = record_event(payload)
    except Duplicate:
        return JsonResponse({"received": True, "duplicate": True})
    except IntegrityError:
        # The same event or payment, recorded by a parallel delivery: Stripe retries later.
        return JsonResponse({"received": False, "retry": True}, status=409)
    except (KeyError, TypeError, ValueError, AttributeError):
        logger.exception("A signed Stripe event could not be read.")
        return HttpResponse("Event not understood.", status=400, content_type="text/plain")
    return JsonResponse({"received": True, "outcome": outcome})


def partner_context(request: HttpRequest, form: PartnerInquiryForm | None = None, **extra) -> dict:
    return {
        "revenue": revenue_settings_for(request),
        "partner_form": form or PartnerInquiryForm(),
        "proof_of_work": settings.NEWSLETTER_PROOF_OF_WORK,
        **extra,
    }


@csrf_exempt
@never_cache
@require_http_methods(["GET", "POST"])
def partner(request: HttpRequest) -> HttpResponse:
    """The partner and advertising inquiry form: stored, then emailed to the newsroom."""
    template = "revenue/partner_page.html"
    if request.method == "GET":
        return TemplateResponse(request, template, partner_context(request))
    if not same_origin(request):
        return message_page(
            request, _("Not sent"), _("This form can only be sent from our own pages."), status=403
        )
    if not within_limit("revenue-inquiry-ip", client_network(request), settings.REVENUE_INQUIRIES_PER_IP):
        return message_page(
            request,
            _("Please try again later"),
            _("We received too many messages from your network. Please try again in an hour."),
            status=429,
        )
    form = PartnerInquiryForm(request.POST)
    if form.is_bot:
        return TemplateResponse(request, template, partner_context(request, thanks=True))
    if not form.is_valid():
        return TemplateResponse(request, template, partner_context(request, form=form), status=400)
    email = form.cleaned_data["email"].strip().lower()
    if within_limit("revenue-inquiry-address", email, settings.REVENUE_INQUIRIES_PER_ADDRESS):
        with transaction.atomic():
            inquiry = form.save()
            from .tasks import send_partner_inquiry

            transaction.on_commit(lambda: send_partner_inquiry.enqueue(inquiry.pk))
    return TemplateResponse(request, template, partner_context(request, thanks=True))
