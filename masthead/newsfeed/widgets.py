"""A text box that counts what is left as the editor types."""

from django import forms
from django.utils.translation import gettext_lazy as _


class CountedTextarea(forms.Textarea):
    """A textarea that shows how many characters are left as the editor types.

    The server still enforces the limit (the model field's ``max_length``);
    the counter only saves the editor a round trip.
    """

    def __init__(self, limit: int, attrs: dict | None = None) -> None:
        attrs = {
            "rows": 3,
            "data-counter-limit": limit,
            "data-counter-left": _("Characters left: %(count)s"),
            "data-counter-over": _("Too long by %(count)s characters"),
            **(attrs or {}),
        }
        super().__init__(attrs)

    class Media:
        js = ["js/newsfeed-admin.js"]
        css = {"all": ["css/newsfeed-admin.css"]}
