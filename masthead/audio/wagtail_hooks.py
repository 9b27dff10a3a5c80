"""Audio in the Wagtail admin: the pronunciation dictionary, narrations, and an "Audio" button on articles."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import Button
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from masthead.articles.models import ArticlePage
from masthead.security.editing import StaleCopyViewSetMixin

from . import admin_urls
from .models import PronunciationEntry


class PronunciationViewSet(StaleCopyViewSetMixin, SnippetViewSet):
    model = PronunciationEntry
    icon = "openquote"
    menu_label = _("Pronunciations")
    menu_order = 171
    add_to_admin_menu = True
    list_display = ["written", "spoken", "note"]
    search_fields = ["written", "spoken"]
    search_backend_name = None


register_snippet(PronunciationViewSet)


@hooks.register("register_admin_urls")
def register_audio_admin_urls():
    return [path("audio/", include((admin_urls, "audio_admin"), namespace="audio_admin"))]


class NarrationsMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return request.user.has_perm("audio.view_narration")


@hooks.register("register_admin_menu_item")
def register_narrations_menu_item():
    return NarrationsMenuItem(_("Narrations"), reverse("audio_admin:index"), icon_name="media", order=170)


def audio_button(page, user, priority: int) -> list[Button]:
    if (
        not issubclass(page.specific_class or type(page), ArticlePage)
        or not page.permissions_for_user(user).can_edit()
    ):
        return []
    return [
        Button(
            _("Audio"), reverse("audio_admin:article", args=[page.pk]), icon_name="media", priority=priority
        )
    ]


@hooks.register("register_page_header_buttons")
def article_audio_header_button(page, user, view_name, next_url=None):
    return audio_button(page, user, priority=66)


@hooks.register("register_page_listing_more_buttons")
def article_audio_listing_button(page, user, next_url=None):
    return audio_button(page, user, priority=55)
