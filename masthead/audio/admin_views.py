"""Audio in the admin: each article's narration (settings, listen, regenerate) and all narrations."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from masthead.articles.models import ArticlePage

from . import engines
from .feeds import itunes_duration
from .models import ArticleAudio, Narration
from .narrating import request_narration
from .views import serve_file


class ArticleAudioForm(forms.ModelForm):
    voice = forms.ChoiceField(label=gettext_lazy("Voice"), required=False)

    class Meta:
        model = ArticleAudio
        fields = ["enabled", "voice"]

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        default = engines.find_voice(engines.default_voice())
        default_label = _("The newsroom's default (%(voice)s)") % {
            "voice": default.label if default else engines.default_voice()
        }
        self.fields["voice"].choices = [("", default_label), *engines.voice_choices()]


def editable_article(request: HttpRequest, page_id: int) -> ArticlePage:
    article = get_object_or_404(ArticlePage, pk=page_id)
    if not article.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    return article


def can_change_audio(request: HttpRequest) -> bool:
    """Whether the user may change what readers hear (on/off, voice, Regenerate): Editors and Admins."""
    return request.user.has_perm("audio.change_articleaudio")


def admin_page(request: HttpRequest, template: str, title: str, context: dict) -> HttpResponse:
    breadcrumbs = [{"url": reverse("wagtailadmin_home"), "label": _("Home")}, {"url": "", "label": title}]
    context = {"page_title": title, "header_title": title, "breadcrumbs_items": breadcrumbs, **context}
    return TemplateResponse(request, template, context)


def narration_summary(narration: Narration | None) -> dict | None:
    if narration is None:
        return None
    return {
        "narration": narration,
        "duration": itunes_duration(narration.duration_ms),
        "opus_url": reverse("audio_admin:file", args=[narration.pk, "opus"]),
        "mp3_url": reverse("audio_admin:file", args=[narration.pk, "mp3"]),
        "voice": (engines.find_voice(narration.voice) or narration.voice),
        "kilobytes_per_minute": round(narration.opus_bytes / 1024 / (narration.duration_ms / 60000))
        if narration.duration_ms
        else 0,
    }


def article_audio(request: HttpRequest, page_id: int) -> HttpResponse:
    """One article's audio: narration on or off, the voice, listen, narrate the draft, regenerate."""
    article = editable_article(request, page_id)
    audio = ArticleAudio.for_article(article)
    may_change = can_change_audio(request)
    form = ArticleAudioForm(request.POST if request.POST.get("action") == "save" else None, instance=audio)
    if request.method == "POST":
        action = request.POST.get("action")
        if action in ("save", "regenerate") and not may_change:
            # Anyone who edits the article may listen to its draft; changing what
            # readers hear is an editor's decision (the role's audio permission).
            raise PermissionDenied
        if action == "save" and form.is_valid():
            form.save()
            if audio.enabled and article.live:
                request_narration(article)
            messages.success(request, _("Audio settings saved."))
            return redirect("audio_admin:article", article.pk)
        if action == "draft":
            narration = request_narration(article, draft=True)
            if narration is None:
                messages.error(request, _("Narration is off for this article."))
            elif article.live and narration.pk == audio.live_narration_id:
                messages.info(
                    request,
                    _("The draft reads the same as the published article: its narration is the one above."),
                )
            else:
                messages.success(
                    request, _("The draft is being narrated; this page shows it when it is ready.")
                )
            return redirect("audio_admin:article", article.pk)
        if action == "regenerate":
            if not article.live:
                messages.error(request, _("The article is not live: narrate the draft instead."))
            elif request_narration(article, force=True) is None:
                messages.error(request, _("Narration is off for this article."))
            else:
                messages.success(request, _("The narration is being made again."))
            return redirect("audio_admin:article", article.pk)
    if form.is_bound:  # a refused save left its values on the instance: show what is stored
        audio.refresh_from_db()
    live, pending = audio.live_narration, audio.pending_narration
    latest = article.narrations.order_by("-created_at").first()
    draft = latest if latest is not None and latest not in (live, pending) else None
    context = {
        "article": article,
        "audio": audio,
        "form": form,
        "may_change": may_change,
        "live": narration_summary(live) if article.live else None,
        "pending": narration_summary(pending) if article.live else None,
        "draft": narration_summary(draft),
        "edit_url": reverse("wagtailadmin_pages:edit", args=[article.pk]),
        "refresh": any(n is not None and n.being_made for n in (live, pending, draft)),
    }
    return admin_page(
        request, "audio/admin/article.html", _("Audio: %(title)s") % {"title": article.title}, context
    )


def narration_file(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    """A narration's file for an editor of its article, live or not (listening before publishing)."""
    narration = get_object_or_404(Narration.objects.select_related("article"), pk=pk)
    if not narration.article.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    if not narration.has_audio:
        raise Http404("Not ready.")
    return serve_file(request, narration, fmt, "private, no-cache")


STATUS_FILTERS = [("", gettext_lazy("All"))] + list(Narration.Status.choices)


def narration_index(request: HttpRequest) -> HttpResponse:
    """Every article's narrations, newest first, with their status and why one was not made."""
    if not request.user.has_perm("audio.view_narration"):
        raise PermissionDenied
    status = request.GET.get("status", "")
    narrations = Narration.objects.select_related("article").order_by("-created_at")
    if status in Narration.Status.values:
        narrations = narrations.filter(status=status)
    page = Paginator(narrations, 50).get_page(request.GET.get("p"))
    rows = [
        {
            "narration": n,
            "duration": itunes_duration(n.duration_ms) if n.duration_ms else "",
            "url": reverse("audio_admin:article", args=[n.article_id]),
        }
        for n in page.object_list
    ]
    context = {"rows": rows, "page": page, "status": status, "filters": STATUS_FILTERS}
    return admin_page(request, "audio/admin/index.html", _("Narrations"), context)
