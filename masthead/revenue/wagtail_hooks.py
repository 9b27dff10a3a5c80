"""Reader revenue in the Wagtail admin: donations (read-only), campaigns, partner inquiries, totals.

Permissions (for mapping to roles): ``revenue.view_donation`` lists and
inspects donations; ``revenue.export_donation`` sees totals and exports
CSV; ``revenue.add/change/delete/view_campaign`` manage campaigns;
``revenue.view_partnerinquiry`` and ``revenue.delete_partnerinquiry`` read
and remove inquiries; ``revenue.change_revenuesettings`` edits amounts and
the currency. Donations and payments are written by Stripe's webhooks only,
so nobody, superusers included, adds, edits or deletes them in the admin.
"""

from django.contrib import messages
from django.db.models import F, Q, Sum
from django.db.models.functions import Coalesce
from django.shortcuts import redirect
from django.urls import include, path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.admin.views.generic import DeleteView, IndexView
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.admin.widgets import HeaderButton
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from . import admin_urls
from .configuration import payments_configured
from .models import Campaign, Donation, PartnerInquiry, Payment
from .panels import payments_status


class ViewOnlyPolicy(ModelPermissionPolicy):
    """Records that only Stripe's webhooks or readers write: nobody adds or edits them here."""

    writable_actions = frozenset()

    def user_has_permission(self, user, action):
        if action in ("add", "change", "delete", "copy") and action not in self.writable_actions:
            return False
        return super().user_has_permission(user, action)


class DeletableOnlyPolicy(ViewOnlyPolicy):
    writable_actions = frozenset({"delete"})


def payments_sum(field: str) -> Coalesce:
    """A donation's total of one amount over its succeeded payments."""
    return Coalesce(Sum(f"payments__{field}", filter=Q(payments__status=Payment.Status.SUCCEEDED)), 0)


register_permission_policy(Donation, ViewOnlyPolicy(Donation))
register_permission_policy(PartnerInquiry, DeletableOnlyPolicy(PartnerInquiry))


class DonationIndexView(IndexView):
    def get_base_queryset(self):
        return (
            super()
            .get_base_queryset()
            .select_related("campaign")
            .annotate(refunded=payments_sum("amount_refunded"), lost=payments_sum("amount_lost"))
            .annotate(received=payments_sum("amount") - F("refunded") - F("lost"))
        )

    def get(self, request, *args, **kwargs):
        if not payments_configured():
            messages.warning(
                request,
                _(
                    "Payments are not set up yet: readers cannot donate online. "
                    "Settings → Reader revenue settings says how to set them up."
                ),
            )
        return super().get(request, *args, **kwargs)

    @cached_property
    def header_buttons(self):
        buttons = list(super().header_buttons)
        if self.request.user.has_perm("revenue.export_donation"):
            query = self.request.GET.urlencode()
            export_url = reverse("revenue_admin:export") + (f"?{query}" if query else "")
            buttons += [
                HeaderButton(_("Totals"), url=reverse("revenue_admin:totals"), icon_name="table"),
                HeaderButton(_("Export CSV"), url=export_url, icon_name="download"),
            ]
        return buttons


class DonationViewSet(ModelViewSet):
    model = Donation
    name = "donations"
    url_prefix = "revenue/donations"
    icon = "tag"
    menu_label = _("Donations")
    index_view_class = DonationIndexView
    list_display = [
        "created_at",
        "amount_display",
        "frequency",
        "campaign",
        "status",
        "email",
        "received_display",
        "refunded_display",
        "lost_display",
    ]
    list_filter = ["status", "frequency", "campaign", "currency", "created_at"]
    search_fields = ["email", "name"]
    search_backend_name = None
    inspect_view_enabled = True
    form_fields = ["email"]  # never shown: the policy allows no adding or editing
    inspect_view_fields = [
        "created_at",
        "amount_display",
        "currency",
        "frequency",
        "campaign",
        "status",
        "email",
        "name",
        "received_display",
        "refunded_display",
        "lost_display",
        "payments_summary",
        "disputes_display",
        "subscription_display",
        "stripe_customer",
        "stripe_subscription",
        "stripe_checkout_session",
        "cancel_requested_at",
    ]
    copy_view_enabled = False


class CampaignIndexView(IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().with_raised()


class CampaignDeleteView(DeleteView):
    """A campaign with donations is never deleted: asking (GET) or confirming (POST) leads back to its
    edit page with the reason; one without donations is deleted as usual."""

    def kept(self):
        messages.error(
            self.request,
            _("This campaign has donations, so it stays on record. Set an end date to close it."),
        )
        return redirect(self.edit_url_name, self.object.pk)

    def get(self, request, *args, **kwargs):
        if self.object.donations.exists():
            return self.kept()
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        if self.object.donations.exists():
            return self.kept()
        return super().post(request, *args, **kwargs)


class CampaignViewSet(ModelViewSet):
    model = Campaign
    name = "campaigns"
    url_prefix = "revenue/campaigns"
    icon = "pick"
    menu_label = _("Campaigns")
    index_view_class = CampaignIndexView
    delete_view_class = CampaignDeleteView
    list_display = [
        "name",
        "is_live",
        "starts_at",
        "ends_at",
        "goal_display",
        "raised_display",
        "show_banner",
    ]
    search_fields = ["name"]
    search_backend_name = None
    copy_view_enabled = False


class PartnerInquiryViewSet(ModelViewSet):
    model = PartnerInquiry
    name = "partner_inquiries"
    url_prefix = "revenue/partner-inquiries"
    icon = "mail"
    menu_label = _("Partner inquiries")
    list_display = ["name", "organisation", "email", "created_at", "emailed_to"]
    search_fields = ["name", "organisation", "email", "message"]
    search_backend_name = None
    inspect_view_enabled = True
    form_fields = ["name"]  # never shown: the policy allows no adding or editing
    inspect_view_fields = ["name", "email", "organisation", "message", "created_at", "emailed_to"]
    copy_view_enabled = False


class RevenueGroup(ModelViewSetGroup):
    items = (DonationViewSet, CampaignViewSet, PartnerInquiryViewSet)
    menu_icon = "tag"
    menu_label = _("Reader revenue")
    menu_order = 170


@hooks.register("register_admin_viewset")
def register_revenue_viewsets():
    return RevenueGroup()


@hooks.register("register_admin_urls")
def register_revenue_admin_urls():
    return [path("revenue/", include((admin_urls, "revenue_admin"), namespace="revenue_admin"))]


class PaymentsNotSetUpPanel(Component):
    name = "revenue_payments"
    order = 50
    template_name = "revenue/admin/dashboard_panel.html"

    def get_context_data(self, parent_context=None):
        return payments_status()


@hooks.register("construct_homepage_panels")
def add_payments_panel(request, panels):
    if not payments_configured() and request.user.has_perm("revenue.change_revenuesettings"):
        panels.append(PaymentsNotSetUpPanel())
