"""A page or snippet saved from a stale copy is refused, not written over a colleague's newer version.

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

Snippets edited without revisions (News Feed items, newsletter issues and
lists) get the same protection from ``StaleCopyViewSetMixin``: the model
records when and by whom it was last saved (``LastEdited``), the edit form
carries ``updated_at`` as it was when the form was opened
(``loaded_updated_at``), and a save from an older copy is refused in the
same way.
"""

from datetime import datetime

from django import forms
from django.conf import settings
from django.db import models
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
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


# What a refusal says, for a page and for a snippet: you in another window,
# someone else after you opened it, and what happens next.
PAGE_WORDING = (
    gettext_lazy("You saved a newer version of this page in another window at %(when)s."),
    gettext_lazy("%(name)s saved a newer version of this page at %(when)s, after you opened it."),
    gettext_lazy(
        "Nothing was saved, so that version is kept, and your changes are still in the form. "
        "Open the page in a new tab to see the latest version; saving this form again "
        "replaces it with yours."
    ),
)
ITEM_WORDING = (
    gettext_lazy("You saved a newer version of this item in another window at %(when)s."),
    gettext_lazy("%(name)s saved a newer version of this item at %(when)s, after you opened it."),
    gettext_lazy(
        "Nothing was saved, so that version is kept, and your changes are still in the form. "
        "Open the item in a new tab to see the latest version; saving this form again "
        "replaces it with yours."
    ),
)


def stale_copy_message(saved_by, saved_at: datetime, editor, wording=ITEM_WORDING) -> str:
    """The refusal of a save made from a copy older than the one ``saved_by`` saved at ``saved_at``."""
    mine, theirs, outcome = wording
    when = formats.date_format(timezone.localtime(saved_at), "DATETIME_FORMAT")
    if saved_by is not None and saved_by.pk == getattr(editor, "pk", None):
        who = mine % {"when": when}
    else:
        name = get_user_display_name(saved_by) if saved_by is not None else _("Someone")
        who = theirs % {"name": name, "when": when}
    return f"{who} {outcome}"


def refusal_message(revision: Revision, editor) -> str:
    return stale_copy_message(revision.user, revision.created_at, editor, PAGE_WORDING)


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


class LastEdited(models.Model):
    """When an item was last saved, and by whom: what ``StaleCopyFormMixin`` checks a copy against."""

    updated_at = models.DateTimeField(gettext_lazy("last edited"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=gettext_lazy("last edited by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )

    class Meta:
        abstract = True


LOADED_FIELD = "loaded_updated_at"


class StaleCopyFormMixin:
    """A model form that records who saved and refuses a copy older than the stored item.

    For ``LastEdited`` models. The form
    carries ``updated_at`` as it was when the form was opened; a submission
    without it (a form opened before this existed) is not checked, and one
    whose value is not a time is treated as stale.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        saved_at = self.instance.updated_at if self.instance.pk else None
        self.fields[LOADED_FIELD] = forms.CharField(
            widget=forms.HiddenInput, required=False, initial=saved_at.isoformat() if saved_at else ""
        )

    def is_stale_copy(self) -> bool:
        """Whether the item was saved after this submitted form was opened."""
        key = self.add_prefix(LOADED_FIELD)
        saved_at = self.instance.updated_at if self.instance.pk else None
        if saved_at is None or key not in self.data:
            return False
        try:
            opened_at = datetime.fromisoformat(self.data[key])
        except (TypeError, ValueError):
            return True
        return opened_at != saved_at

    def clean(self):
        cleaned_data = super().clean()
        if self.is_stale_copy():
            saved_at = self.instance.updated_at
            editor = getattr(self, "for_user", None)
            self.add_error(None, stale_copy_message(self.instance.updated_by, saved_at, editor))
            # The form comes back opened at the stored version: saving it again overwrites that.
            self.data = self.data.copy()
            self.data[self.add_prefix(LOADED_FIELD)] = saved_at.isoformat()
        return cleaned_data

    def save(self, commit=True):
        user = getattr(self, "for_user", None)
        self.instance.updated_by = user if user is not None and user.is_authenticated else None
        return super().save(commit=commit)


class StaleCopyViewSetMixin:
    """A model viewset whose create and edit forms use ``StaleCopyFormMixin``."""

    def get_form_class(self, for_update=False):
        form_class = super().get_form_class(for_update=for_update)
        if issubclass(form_class, StaleCopyFormMixin):
            return form_class
        attrs = {"__module__": form_class.__module__}
        return type(form_class.__name__, (StaleCopyFormMixin, form_class), attrs)
