"""Admin pages beyond Wagtail's generic ones: totals per month and per campaign, and the CSV export."""

import csv
import zoneinfo
from collections import defaultdict

from django import forms
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Sum
from django.db.models.functions import TruncMonth
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from masthead.newsletters.admin_views import EchoBuffer, spreadsheet_safe
from masthead.newsletters.emails import default_newsroom

from .models import Campaign, Donation, Frequency, Payment
from .money import format_money, major_text


def require(request: HttpRequest, permission: str) -> None:
    if not request.user.has_perm(f"revenue.{permission}"):
        raise PermissionDenied


class TotalsFilter(forms.Form):
    campaign = forms.ModelChoiceField(
        queryset=Campaign.objects.all(),
        required=False,
        label=gettext_lazy("Campaign"),
        empty_label=gettext_lazy("All campaigns and general giving"),
    )
    year = forms.IntegerField(required=False, min_value=2000, max_value=2200, label=gettext_lazy("Year"))


def month_rows(payments) -> list[dict]:
    """Net receipts per month and currency, split into one-time and recurring (newest month first);
    refunds and lost disputes are taken off, and shown apart."""
    zone = zoneinfo.ZoneInfo(default_newsroom().time_zone)
    grouped = (
        payments.annotate(month=TruncMonth("charged_at", tzinfo=zone))
        .values("month", "currency", "donation__frequency")
        .annotate(
            count=Count("pk"), gross=Sum("amount"), refunded=Sum("amount_refunded"), lost=Sum("amount_lost")
        )
    )
    rows: dict = defaultdict(
        lambda: {"once": 0, "recurring": 0, "once_count": 0, "recurring_count": 0, "refunded": 0, "lost": 0}
    )
    for entry in grouped:
        row = rows[(entry["month"], entry["currency"])]
        kind = "once" if entry["donation__frequency"] == Frequency.ONCE else "recurring"
        row[kind] += entry["gross"] - entry["refunded"] - entry["lost"]
        row[f"{kind}_count"] += entry["count"]
        row["refunded"] += entry["refunded"]
        row["lost"] += entry["lost"]
    result = []
    for (month, code), row in sorted(rows.items(), key=lambda item: (item[0][0], item[0][1]), reverse=True):
        result.append(
            {
                "month": month,
                "currency": code.upper(),
                "once": format_money(row["once"], code),
                "once_count": row["once_count"],
                "recurring": format_money(row["recurring"], code),
                "recurring_count": row["recurring_count"],
                "refunded": format_money(row["refunded"], code),
                "lost": format_money(row["lost"], code),
                "net": format_money(row["once"] + row["recurring"], code),
            }
        )
    return result


def campaign_rows(payments) -> list[dict]:
    """Net receipts (after refunds and lost disputes) and donors per campaign (and general giving)
    and currency."""
    grouped = payments.values("donation__campaign", "currency").annotate(
        gross=Sum("amount"),
        refunded=Sum("amount_refunded"),
        lost=Sum("amount_lost"),
        donations=Count("donation", distinct=True),
    )
    campaigns = {c.pk: c for c in Campaign.objects.all()}
    result = []
    for entry in grouped:
        campaign = campaigns.get(entry["donation__campaign"])
        net = entry["gross"] - entry["refunded"] - entry["lost"]
        result.append(
            {
                "name": campaign.name if campaign else _("Where it is needed most"),
                "currency": entry["currency"].upper(),
                "donations": entry["donations"],
                "net": format_money(net, entry["currency"]),
                "net_value": net,
                "goal": campaign.goal_display()
                if campaign and campaign.currency == entry["currency"]
                else "",
            }
        )
    return sorted(result, key=lambda row: -row["net_value"])


def totals(request: HttpRequest) -> HttpResponse:
    """Money received (after refunds and lost disputes) per month and per campaign; one-time and
    recurring apart."""
    require(request, "export_donation")
    form = TotalsFilter(request.GET or None)
    payments = Payment.objects.filter(status=Payment.Status.SUCCEEDED)
    status = 200
    if form.is_bound and not form.is_valid():
        status = 400
    elif form.is_bound:
        if form.cleaned_data["campaign"]:
            payments = payments.filter(donation__campaign=form.cleaned_data["campaign"])
        if form.cleaned_data["year"]:
            payments = payments.filter(charged_at__year=form.cleaned_data["year"])
    recurring = Donation.objects.exclude(frequency=Frequency.ONCE)
    context = {
        "form": form,
        "months": month_rows(payments),
        "campaigns": campaign_rows(payments),
        "active_recurring": recurring.filter(status=Donation.Status.ACTIVE).count(),
        "past_due": recurring.filter(status=Donation.Status.PAST_DUE).count(),
        "disputed": Donation.objects.filter(status=Donation.Status.DISPUTED).count(),
        "disputed_url": reverse("donations:index") + f"?status={Donation.Status.DISPUTED}",
        "donations_url": reverse("donations:index"),
    }
    title = _("Donation totals")
    breadcrumbs = [{"url": reverse("wagtailadmin_home"), "label": _("Home")}, {"url": "", "label": title}]
    context.update({"page_title": title, "header_title": title, "breadcrumbs_items": breadcrumbs})
    return TemplateResponse(request, "revenue/admin/totals.html", context, status=status)


def filtered_donations(request: HttpRequest):
    """Donations with the index's filters applied (status, frequency, campaign, currency)."""
    donations = Donation.objects.select_related("campaign").order_by("created_at", "pk")
    status = request.GET.get("status", "")
    if status in Donation.Status.values:
        donations = donations.filter(status=status)
    frequency = request.GET.get("frequency", "")
    if frequency in Frequency.values:
        donations = donations.filter(frequency=frequency)
    campaign = request.GET.get("campaign", "")
    if campaign.isdigit():
        donations = donations.filter(campaign_id=int(campaign))
    currency = request.GET.get("currency", "")
    if currency.isalpha() and len(currency) == 3:
        donations = donations.filter(currency=currency.lower())
    return donations


def export_donations(request: HttpRequest) -> HttpResponse:
    """Donations as CSV, one row each, amounts as exact decimals and in minor units; formula-safe."""
    require(request, "export_donation")
    donations = filtered_donations(request).prefetch_related("payments")
    writer = csv.writer(EchoBuffer())
    header = [
        "Started",
        "Donation",
        "Amount",
        "Currency",
        "Amount (minor units)",
        "Frequency",
        "Status",
        "Campaign",
        "Email",
        "Name",
        "Received (minor units)",
        "Refunded (minor units)",
        "Lost in disputes (minor units)",
        "Payments",
        "Stripe customer",
        "Stripe subscription",
    ]

    def rows():
        yield writer.writerow(header)
        for donation in donations.iterator(chunk_size=1000):
            succeeded = [p for p in donation.payments.all() if p.status == Payment.Status.SUCCEEDED]
            paid = sum(p.amount for p in succeeded)
            refunded = sum(p.amount_refunded for p in succeeded)
            lost = sum(p.amount_lost for p in succeeded)
            yield writer.writerow(
                [
                    donation.created_at.isoformat(),
                    donation.pk,
                    major_text(donation.amount, donation.currency),
                    donation.currency.upper(),
                    donation.amount,
                    donation.frequency,
                    donation.status,
                    spreadsheet_safe(donation.campaign.name if donation.campaign else ""),
                    spreadsheet_safe(donation.email),
                    spreadsheet_safe(donation.name),
                    paid - refunded - lost,
                    refunded,
                    lost,
                    len(succeeded),
                    spreadsheet_safe(donation.stripe_customer),
                    spreadsheet_safe(donation.stripe_subscription or ""),
                ]
            )

    response = StreamingHttpResponse(rows(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="donations.csv"'
    return response
