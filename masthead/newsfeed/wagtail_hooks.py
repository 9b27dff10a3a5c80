"""The News Feed in the admin: a list of items and a short form to post one."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from masthead.security.editing import StaleCopyViewSetMixin

from .admin_views import QuickPostPanel, can_post, quick_post
from .models import NewsItem


class NewsItemViewSet(StaleCopyViewSetMixin, SnippetViewSet):
    model = NewsItem
    icon = "time"
    menu_label = _("News Feed")
    menu_order = 150
    add_to_admin_menu = True
    list_display = ["text", "posted_at", "is_breaking", "article"]
    list_filter = ["is_breaking"]
    search_fields = ["text"]
    ordering = ["-posted_at"]


register_snippet(NewsItemViewSet)


class QuickPostMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return can_post(request.user)


@hooks.register("register_admin_urls")
def register_quick_post_url() -> list:
    return [path("news-feed/post/", quick_post, name="newsfeed_quick_post")]


@hooks.register("register_admin_menu_item")
def register_quick_post_menu_item() -> MenuItem:
    return QuickPostMenuItem(_("Post an update"), reverse("newsfeed_quick_post"), icon_name="edit", order=149)


@hooks.register("construct_homepage_panels")
def add_quick_post_panel(request, panels: list) -> None:
    if can_post(request.user):
        panels.append(QuickPostPanel())


@hooks.register("after_create_snippet")
def remember_who_posted(request, instance) -> None:
    if isinstance(instance, NewsItem) and instance.posted_by_id is None:
        NewsItem.objects.filter(pk=instance.pk).update(posted_by=request.user)
