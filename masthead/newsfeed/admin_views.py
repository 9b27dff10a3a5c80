"""The editor's side of the News Feed beyond the item list: posting in seconds."""

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import time_format
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin import messages
from wagtail.admin.ui.components import Component

from .forms import QuickPostForm
from .models import NewsItem

RECENT = 10


def can_post(user) -> bool:
    return user.has_perm("newsfeed.add_newsitem")


def quick_post(request: HttpRequest) -> HttpResponse:
    """``/admin/news-feed/post/``: post an update, then land back here for the next one."""
    if not can_post(request.user):
        raise PermissionDenied
    form = QuickPostForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        item = form.save(commit=False)
        item.posted_by = item.updated_by = request.user
        item.save()
        edit_url = reverse("wagtailsnippets_newsfeed_newsitem:edit", args=[item.pk])
        messages.success(
            request,
            _("Posted at %(time)s.") % {"time": time_format(timezone.localtime(item.posted_at))},
            buttons=[
                messages.button(edit_url, _("Edit")),
                messages.button(item.get_absolute_url(), _("View")),
            ],
        )
        next_url = request.POST.get("next", "")
        if not url_has_allowed_host_and_scheme(next_url, {request.get_host()}, request.is_secure()):
            next_url = reverse("newsfeed_quick_post")
        return redirect(next_url)
    context = {
        "form": form,
        "media": form.media,
        "recent": NewsItem.objects.order_by("-posted_at", "-pk")[:RECENT],
        "header_title": _("Post to the News Feed"),
        "header_icon": "time",
    }
    return TemplateResponse(
        request, "newsfeed/admin/quick_post.html", context, status=400 if form.errors else 200
    )


class QuickPostPanel(Component):
    """The quick-post form on the admin's dashboard, for editors who may post."""

    name = "news_feed_quick_post"
    template_name = "newsfeed/admin/quick_post_panel.html"
    order = 50
    heading = gettext_lazy("Post to the News Feed")

    def __init__(self) -> None:
        self.form = QuickPostForm()

    @property
    def media(self):
        return self.form.media

    def get_context_data(self, parent_context: dict) -> dict:
        return {
            "form": self.form,
            "csrf_token": parent_context.get("csrf_token"),
            "request": parent_context.get("request"),
        }
