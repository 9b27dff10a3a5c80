from django.contrib import messages
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from . import two_factor
from .editing import mark_stale_submission


@hooks.register("register_admin_urls")
def two_factor_urls():
    return [
        path("2fa/verify/", two_factor.verify, name="two_factor_verify"),
        path("2fa/setup/", two_factor.setup, name="two_factor_setup"),
        path("2fa/", two_factor.manage, name="two_factor_manage"),
    ]


@hooks.register("register_account_menu_item")
def two_factor_account_item(request):
    return {
        "url": reverse("two_factor_manage"),
        "label": _("Two-factor authentication"),
        "help_text": _("Sign in with a code from an authenticator app as well as your password."),
    }


def may_submit_for_review(user) -> bool:
    """Contributors write drafts only; every other role (or a superuser) may submit."""
    return user.is_superuser or set(user.groups.values_list("name", flat=True)) != {"Contributor"}


@hooks.register("construct_page_action_menu")
def hide_submit_from_contributors(menu_items, request, context):
    if not may_submit_for_review(request.user):
        menu_items[:] = [item for item in menu_items if item.name != "action-submit"]


def refuse_submission_by_contributors(request, page, *args):
    """A Contributor's "submit" (a hand-made POST; the button is hidden) saves a draft instead."""
    if (
        request.method == "POST"
        and "action-submit" in request.POST
        and not may_submit_for_review(request.user)
    ):
        request.POST = request.POST.copy()
        del request.POST["action-submit"]
        messages.warning(
            request,
            _(
                "Contributors cannot submit articles for review: your draft was saved. "
                "Ask a reporter or an editor."
            ),
        )
    return None


hooks.register("before_edit_page", refuse_submission_by_contributors)
hooks.register("before_create_page", refuse_submission_by_contributors)
# After the hooks above, which may replace request.POST with a copy.
hooks.register("before_edit_page", mark_stale_submission, order=100)
