"""Admin pages beyond Wagtail's generic ones: compose, preview, send, import, export."""

import csv
from datetime import datetime

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, JsonResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.cache import never_cache

from .composer import compose_issue
from .emails import deliver, mailer, render_issue
from .imports import MAX_IMPORT_BYTES, import_subscribers
from .models import Issue, NewsletterList, Subscriber
from .sending import pause, resend_unknown, resume, schedule, start_sending, unschedule

ISSUE_EDIT_URL = "wagtailsnippets_newsletters_issue:edit"
ISSUE_INDEX_URL = "wagtailsnippets_newsletters_issue:list"
SUBSCRIBER_INDEX_URL = "wagtailsnippets_newsletters_subscriber:list"


def require(request: HttpRequest, permission: str) -> None:
    if not request.user.has_perm(f"newsletters.{permission}"):
        raise PermissionDenied


def admin_page(
    request: HttpRequest, template: str, title: str, context: dict, status: int = 200
) -> HttpResponse:
    breadcrumbs = [{"url": reverse("wagtailadmin_home"), "label": _("Home")}, {"url": "", "label": title}]
    context = {"page_title": title, "header_title": title, "breadcrumbs_items": breadcrumbs, **context}
    return TemplateResponse(request, template, context, status=status)


class ComposeForm(forms.Form):
    newsletter_list = forms.ModelChoiceField(
        queryset=NewsletterList.objects.all(), label=gettext_lazy("Newsletter"), empty_label=None
    )


def compose(request: HttpRequest) -> HttpResponse:
    """Assemble a draft issue from the last period's articles and news-feed items."""
    require(request, "add_issue")
    form = ComposeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        issue = compose_issue(form.cleaned_data["newsletter_list"])
        messages.success(
            request,
            _("Draft composed with %(count)d items. Reorder, trim and add an intro, then save.")
            % {"count": issue.items.count()},
        )
        return redirect(ISSUE_EDIT_URL, issue.pk)
    return admin_page(
        request,
        "newsletters/admin/compose.html",
        _("Compose a digest"),
        {"form": form},
        400 if form.errors else 200,
    )


PREVIEW_CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src https: http: data:; frame-ancestors 'self'"
)


def preview(request: HttpRequest, pk: int, kind: str) -> HttpResponse:
    """The issue as a reader's mail client gets it: the HTML part or the plain-text part."""
    require(request, "view_issue")
    issue = get_object_or_404(Issue.objects.select_related("newsletter_list"), pk=pk)
    message = render_issue(issue).message_for("preview@example.invalid", "preview")
    if kind == "text":
        return HttpResponse(message.body, content_type="text/plain; charset=utf-8")
    response = HttpResponse(message.alternatives[0].content)
    # Email HTML carries its styles inline; nothing else may run or load.
    response["Content-Security-Policy"] = PREVIEW_CSP
    return response


class ScheduleForm(forms.Form):
    when = forms.DateTimeField(
        label=gettext_lazy("Send at"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
        help_text=gettext_lazy("In your time zone (Account → Preferences)."),
    )

    def clean_when(self) -> datetime:
        when = self.cleaned_data["when"]
        if when <= timezone.now():
            raise forms.ValidationError(_("Choose a time in the future, or send now."))
        return when


def send_page(request: HttpRequest, pk: int) -> HttpResponse:
    """Progress, preview, a test to oneself, schedule, send now, pause and resume."""
    require(request, "change_issue")
    issue = get_object_or_404(Issue.objects.select_related("newsletter_list"), pk=pk)
    schedule_form = ScheduleForm(initial={"when": suggested_time(issue)})
    status = 200
    if request.method == "POST":
        action = request.POST.get("action", "")
        if action == "schedule":
            schedule_form = ScheduleForm(request.POST)
            if schedule_form.is_valid() and schedule(issue, schedule_form.cleaned_data["when"]):
                messages.success(request, _("Issue scheduled."))
                return redirect("newsletters_admin:send", issue.pk)
            status = 400
        elif action == "test":
            return send_test(request, issue)
        elif action == "resend_unknown":
            return resend_unknown_copies(request, issue)
        elif action in ACTIONS:
            done, message = ACTIONS[action]
            if done(issue):
                messages.success(request, message())
            else:
                messages.error(
                    request,
                    _("That is not possible while the issue is “%(status)s”.")
                    % {"status": issue.get_status_display()},
                )
            return redirect("newsletters_admin:send", issue.pk)
        else:
            messages.error(request, _("Unknown action."))
            return redirect("newsletters_admin:send", issue.pk)
    context = {
        "issue": issue,
        "progress": progress_state(issue),
        "schedule_form": schedule_form,
        "recipients": issue.recipients().count(),
        "edit_url": reverse(ISSUE_EDIT_URL, args=[issue.pk]),
    }
    return admin_page(
        request,
        "newsletters/admin/send.html",
        _("Send “%(subject)s”") % {"subject": issue.subject},
        context,
        status,
    )


def status_text(issue: Issue) -> str:
    """The issue's status as the progress panel shows it, with the time when it is scheduled."""
    text = str(issue.get_status_display())
    if issue.status == Issue.Status.SCHEDULED and issue.scheduled_at:
        when = formats.date_format(timezone.localtime(issue.scheduled_at), "DATETIME_FORMAT")
        text = f"{text} — {when}"
    return text


def progress_state(issue: Issue) -> dict:
    """What the progress panel shows, for the page and for its script (``progress_json``)."""
    counts = issue.progress()
    state = {
        "status": issue.status,
        "status_text": status_text(issue),
        "live": issue.status in (Issue.Status.SENDING, Issue.Status.SCHEDULED),
        "counts": {
            name: counts[name] for name in ("sent", "failed", "to_send", "unknown", "resent", "percent")
        },
        "last_error": issue.last_error,
    }
    state["announcement"] = _(
        "%(status)s: %(percent)d%% done; %(sent)d sent, %(failed)d failed, %(to_send)d to go."
    ) % {"status": state["status_text"], **state["counts"]}
    return state


@never_cache
def progress_json(request: HttpRequest, pk: int) -> JsonResponse:
    """The progress panel's figures, polled by its script while the issue sends."""
    require(request, "view_issue")
    issue = Issue.objects.filter(pk=pk).first()
    if issue is None:
        return JsonResponse({"error": _("There is no such issue.")}, status=404)
    return JsonResponse(progress_state(issue))


ACTIONS = {
    "send_now": (start_sending, lambda: _("Sending started in the background.")),
    "unschedule": (unschedule, lambda: _("Schedule cancelled; the issue is a draft again.")),
    "pause": (pause, lambda: _("Sending paused after the batches in flight.")),
    "resume": (resume, lambda: _("Sending resumed.")),
}


def suggested_time(issue: Issue) -> datetime | None:
    if issue.scheduled_at:
        return timezone.localtime(issue.scheduled_at)
    slot = issue.newsletter_list.next_slot(timezone.now())
    return timezone.localtime(slot) if slot else None


def resend_unknown_copies(request: HttpRequest, issue: Issue) -> HttpResponse:
    """Send the copies whose fate is unknown again, once the editor confirmed the risk of duplicates."""
    if request.POST.get("confirm_resend") != "yes":
        messages.error(
            request,
            _("Nothing was sent. Tick the box to confirm that some readers may receive this issue twice."),
        )
        return redirect("newsletters_admin:send", issue.pk)
    queued = resend_unknown(issue)
    if queued:
        messages.success(
            request,
            ngettext(
                "%(count)d copy will be sent again in the background.",
                "%(count)d copies will be sent again in the background.",
                queued,
            )
            % {"count": queued},
        )
    else:
        messages.error(request, _("There are no copies whose fate is unknown."))
    return redirect("newsletters_admin:send", issue.pk)


def send_test(request: HttpRequest, issue: Issue) -> HttpResponse:
    """Send the issue to the signed-in editor only; nothing is recorded as delivered."""
    address = request.user.email
    if not address:
        messages.error(request, _("Your account has no email address (Account → Name and email)."))
        return redirect("newsletters_admin:send", issue.pk)
    subscriber = Subscriber.objects.for_email(address)
    key = subscriber.key if subscriber else "test"
    try:
        with mailer() as connection:
            deliver(connection, render_issue(issue), address, key, subject_prefix=_("[Test] "))
    except Exception as error:
        messages.error(request, _("The test could not be sent: %(error)s") % {"error": error})
    else:
        messages.success(request, _("Test sent to %(address)s.") % {"address": address})
    return redirect("newsletters_admin:send", issue.pk)


class ImportForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("CSV file"),
        help_text=gettext_lazy(
            "UTF-8, with a header row. An “Email Address” (Mailchimp) or “email” column is required; "
            "“First Name” and “Last Name” are read when present."
        ),
    )
    lists = forms.ModelMultipleChoiceField(
        queryset=NewsletterList.objects.all(),
        label=gettext_lazy("Add to newsletters"),
        widget=forms.CheckboxSelectMultiple,
    )
    dry_run = forms.BooleanField(
        label=gettext_lazy("Dry run: check the file and show what would change, change nothing"),
        required=False,
        initial=True,
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_IMPORT_BYTES:
            raise forms.ValidationError(
                _("The file is larger than %(mb)d MB.") % {"mb": MAX_IMPORT_BYTES // (1024 * 1024)}
            )
        return upload


def import_view(request: HttpRequest) -> HttpResponse:
    """Import subscribers from CSV: all rows or none, with a report either way."""
    require(request, "add_subscriber")
    form = ImportForm(request.POST or None, request.FILES or None)
    report = None
    status = 200
    if request.method == "POST":
        if form.is_valid():
            report = import_subscribers(
                form.cleaned_data["file"].read(),
                list(form.cleaned_data["lists"]),
                dry_run=form.cleaned_data["dry_run"],
            )
            if report.errors:
                status = 400
        else:
            status = 400
    return admin_page(
        request,
        "newsletters/admin/import.html",
        _("Import subscribers"),
        {"form": form, "report": report},
        status,
    )


class EchoBuffer:
    def write(self, value: str) -> str:
        return value


def spreadsheet_safe(value: str) -> str:
    """Keep a spreadsheet from running a cell as a formula (CSV injection)."""
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def export_view(request: HttpRequest) -> HttpResponse:
    """Subscribers as CSV (Mailchimp-style columns), optionally one status or one list."""
    require(request, "view_subscriber")
    subscribers = Subscriber.objects.order_by("pk")
    status = request.GET.get("status", "")
    if status in Subscriber.Status.values:
        subscribers = subscribers.filter(status=status)
    list_id = request.GET.get("subscriptions__newsletter_list", "")
    if list_id.isdigit():
        subscribers = subscribers.filter(subscriptions__newsletter_list_id=int(list_id))
    names = dict(NewsletterList.objects.values_list("pk", "name"))
    writer = csv.writer(EchoBuffer())

    def rows():
        yield writer.writerow(
            ["Email Address", "First Name", "Last Name", "Status", "Newsletters", "Signed up", "Confirmed"]
        )
        batch = subscribers.prefetch_related("subscriptions")
        for subscriber in batch.iterator(chunk_size=2000):
            lists = "; ".join(
                sorted(names.get(s.newsletter_list_id, "") for s in subscriber.subscriptions.all())
            )
            yield writer.writerow(
                [
                    spreadsheet_safe(subscriber.email),
                    spreadsheet_safe(subscriber.first_name),
                    spreadsheet_safe(subscriber.last_name),
                    subscriber.status,
                    spreadsheet_safe(lists),
                    subscriber.created_at.isoformat(),
                    subscriber.confirmed_at.isoformat() if subscriber.confirmed_at else "",
                ]
            )

    response = StreamingHttpResponse(rows(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="subscribers.csv"'
    return response
