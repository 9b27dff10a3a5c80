"""The News Feed in the admin: a list of items and a short form to post one."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import NewsItem


class NewsItemViewSet(SnippetViewSet):
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


@hooks.register("after_create_snippet")
def remember_who_posted(request, instance) -> None:
    if isinstance(instance, NewsItem) and instance.posted_by_id is None:
        NewsItem.objects.filter(pk=instance.pk).update(posted_by=request.user)
