"""A page saved from a stale copy is refused, not written over a colleague's newer version.

Wagtail's edit form carries the revision it was opened at
(``loaded_revision_id`` and ``loaded_revision_created_at``, or
``overwrite_revision_id`` once the editor's own autosave has written one).
Wagtail compares them with the page's latest revision only for autosave
(JSON) requests; its editing-sessions panel warns in the browser, but a
plain *Save draft* or *Publish* from an older copy (no JavaScript, a missed
ping, a form left open overnight) is accepted and silently replaces the
newer version.

Here every HTML save of the edit view is checked the same way: the
``before_edit_page`` hook marks a stale submission, and the page form then
fails validation with a message naming who saved the newer version and
when. Nothing is saved; the form comes back with the editor's input, now
marked as opened at the latest revision, so saving once more is a
deliberate overwrite, and reloading shows the colleague's version.
"""

from django.utils import formats, timezone
from django.utils.translation import gettext as _
from wagtail.admin.forms.pages import WagtailAdminPageForm
from wagtail.admin.utils import get_user_display_name
from wagtail.models import Page, Revision

MARK = "masthead_newer_revision"


def newer_revision(request, page: Page) -> Revision | None:
    """The page's latest revision, when the submitted form was opened at an older one."""
    if request.method != "POST" or not request.accepts("text/html"):
        return None  # autosave (JSON): Wagtail refuses a stale copy itself
    latest_id = Page.objects.filter(pk=page.pk).values_list("latest_revision_id", flat=True).first()
    if latest_id is None:
        return None
    latest = Revision.objects.select_related("user").get(pk=latest_id)
    post = request.POST
    if overwriting := post.get("overwrite_revision_id"):
        stale = overwriting != str(latest.pk)
    elif loaded := post.get("loaded_revision_id"):
        # A revision overwritten in place by someone's autosave keeps its id
        # but not its time, as in Wagtail's own check.
        stale = loaded != str(latest.pk) or (
            post.get("loaded_revision_created_at", "") != latest.created_at.isoformat()
        )
    else:
        return None  # a form without the fields says nothing about what it was opened at
    return latest if stale else None


def mark_stale_submission(request, page: Page) -> None:
    """``before_edit_page``: note a stale save on the submitted data, for the form to refuse."""
    if (revision := newer_revision(request, page)) is not None:
        setattr(request.POST, MARK, (revision, request.user))


def refusal_message(revision: Revision, editor) -> str:
    when = formats.date_format(timezone.localtime(revision.created_at), "DATETIME_FORMAT")
    if revision.user_id is not None and revision.user_id == getattr(editor, "pk", None):
        who = _("You saved a newer version of this page in another window at %(when)s.") % {"when": when}
    else:
        name = get_user_display_name(revision.user) if revision.user else _("Someone")
        who = _("%(name)s saved a newer version of this page at %(when)s, after you opened it.") % {
            "name": name,
            "when": when,
        }
    return " ".join(
        [
            who,
            _(
                "Nothing was saved, so that version is kept, and your changes are still in the form. "
                "Open the page in a new tab to see the latest version; saving this form again "
                "replaces it with yours."
            ),
        ]
    )


def install_stale_copy_check() -> None:
    """Make Wagtail's page form refuse a submission the hook marked as stale."""
    if getattr(WagtailAdminPageForm.clean, "refuses_stale_copies", False):
        return
    original_clean = WagtailAdminPageForm.clean

    def clean(self):
        cleaned_data = original_clean(self)
        marked = getattr(self.data, MARK, None)
        if marked is not None:
            self.add_error(None, refusal_message(*marked))
        return cleaned_data

    clean.refuses_stale_copies = True
    WagtailAdminPageForm.clean = clean
