"""Newsletters in the Wagtail admin: lists, issues (compose, send, progress) and subscribers."""

from django.core.exceptions import ValidationError
from django.urls import include, path, reverse
from django.utils import formats, timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, InlinePanel, ObjectList, Panel
from wagtail.admin.widgets import HeaderButton
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet, SnippetViewSetGroup

from masthead.security.editing import StaleCopyViewSetMixin

from . import admin_urls
from .admin_views import progress_state
from .models import ErasedAddress, Issue, NewsletterList, Subscriber, normalise_email


class IssueForm(WagtailAdminModelForm):
    def clean(self):
        cleaned = super().clean()
        if self.instance.pk and not self.instance.is_editable:
            raise ValidationError(_("This issue is being sent or was sent: it can no longer be changed."))
        return cleaned


ERASED_MESSAGE = _(
    "The owner of this address asked us to delete their data. Only they can subscribe it again, "
    "through the signup form."
)


LEFT = (Subscriber.Status.UNSUBSCRIBED, Subscriber.Status.SUPPRESSED)


def left_message(subscriber: Subscriber) -> str:
    if subscriber.status == Subscriber.Status.SUPPRESSED:
        reason = subscriber.suppression_reason or _("an address that bounced or a complaint")
        return _(
            "This address is suppressed (%(reason)s): Masthead does not send to it, and an editor "
            "cannot confirm it. The reader can sign up again from the signup form."
        ) % {"reason": reason}
    again = _(
        "Only they can sign up again, from the signup form, which sends them a confirmation; an editor "
        "cannot confirm them."
    )
    if subscriber.unsubscribed_at is None:
        left = _("This reader unsubscribed.")
    else:
        when = formats.date_format(timezone.localtime(subscriber.unsubscribed_at))
        left = _("This reader unsubscribed on %(date)s.") % {"date": when}
    return f"{left} {again}"


class SubscriberForm(WagtailAdminModelForm):
    """An editor cannot add an address whose owner erased it, nor confirm one that waits for them."""

    def clean_email(self):
        email = normalise_email(self.cleaned_data["email"])
        changed = self.instance.pk is None or normalise_email(self.instance.email) != email
        if changed and ErasedAddress.objects.contains_address(email):
            raise ValidationError(ERASED_MESSAGE)
        return email

    def clean(self):
        cleaned = super().clean()
        confirming = (
            self.instance.pk is not None
            and cleaned.get("status") == Subscriber.Status.CONFIRMED
            and self.instance.status != Subscriber.Status.CONFIRMED
        )
        if confirming and ErasedAddress.objects.contains_address(self.instance.email):
            self.add_error("status", ERASED_MESSAGE)
        elif confirming and self.instance.status in LEFT:
            # The instance is read afresh when the form is posted: a reader who left while
            # an editor had the form open is not signed up again by that editor's save.
            self.add_error("status", left_message(self.instance))
        return cleaned


class IssueProgressPanel(Panel):
    """Where an issue stands: status, copies sent, failed and remaining, and the way to send it."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "newsletters/admin/progress_panel.html"

        class Media:
            js = ["newsletters/admin-progress.js"]

        def is_shown(self) -> bool:
            return bool(self.instance and self.instance.pk)

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["issue"] = self.instance
            context["progress"] = progress_state(self.instance)
            context["send_url"] = reverse("newsletters_admin:send", args=[self.instance.pk])
            return context


class IssueIndexView(IndexView):
    @cached_property
    def header_buttons(self):
        return [
            HeaderButton(_("Compose a digest"), url=reverse("newsletters_admin:compose"), icon_name="plus"),
            *super().header_buttons,
        ]


class IssueViewSet(StaleCopyViewSetMixin, SnippetViewSet):
    model = Issue
    icon = "mail"
    menu_label = _("Issues")
    index_view_class = IssueIndexView
    list_display = ["subject", "newsletter_list", "status", "scheduled_at", "progress_summary"]
    list_filter = ["status", "newsletter_list"]
    search_fields = ["subject"]
    ordering = ["-created_at"]
    edit_handler = ObjectList(
        [
            IssueProgressPanel(heading=_("Sending")),
            FieldPanel("newsletter_list"),
            FieldPanel("subject"),
            FieldPanel("intro"),
            InlinePanel("items", heading=_("Items"), label=_("Item")),
        ],
        base_form_class=IssueForm,
    )


class SubscriberIndexView(IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().prefetch_related("subscriptions__newsletter_list")

    @cached_property
    def header_buttons(self):
        query = self.request.GET.urlencode()
        export_url = reverse("newsletters_admin:export") + (f"?{query}" if query else "")
        return [
            *super().header_buttons,
            HeaderButton(_("Import CSV"), url=reverse("newsletters_admin:import"), icon_name="upload"),
            HeaderButton(_("Export CSV"), url=export_url, icon_name="download"),
        ]


class SubscriberViewSet(SnippetViewSet):
    model = Subscriber
    icon = "user"
    menu_label = _("Subscribers")
    index_view_class = SubscriberIndexView
    list_display = ["email", "status", "newsletters_summary", "created_at"]
    list_filter = ["status", "subscriptions__newsletter_list"]
    search_fields = ["email", "first_name", "last_name"]
    search_backend_name = None
    ordering = ["-created_at"]
    edit_handler = ObjectList(Subscriber.panels, base_form_class=SubscriberForm)


class NewsletterListViewSet(StaleCopyViewSetMixin, SnippetViewSet):
    model = NewsletterList
    icon = "list-ul"
    menu_label = _("Newsletters")
    list_display = ["name", "schedule", "send_time", "on_schedule", "is_public", "subscriber_count"]


class NewslettersGroup(SnippetViewSetGroup):
    items = (IssueViewSet, SubscriberViewSet, NewsletterListViewSet)
    menu_icon = "mail"
    menu_label = _("Newsletters")
    menu_order = 160


register_snippet(NewslettersGroup)


@hooks.register("register_admin_urls")
def register_newsletter_admin_urls():
    return [path("newsletters/", include((admin_urls, "newsletters_admin"), namespace="newsletters_admin"))]
