"""The signup and preferences forms readers fill in."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from .models import NewsletterList
from .proof_of_work import verify_solution

BAD_ADDRESS = _("Please enter a correct email address")


def public_lists():
    return NewsletterList.objects.filter(is_public=True)


class ListChoiceField(forms.ModelMultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def label_from_instance(self, obj: NewsletterList) -> str:
        return f"{obj.name} — {obj.description}" if obj.description else obj.name


class SignupForm(forms.Form):
    email = forms.EmailField(
        label=_("Email address"),
        max_length=254,
        error_messages={
            "required": _("Please enter your email address"),
            "invalid": BAD_ADDRESS,
            "max_length": BAD_ADDRESS,
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email", "required": True}),
    )
    lists = ListChoiceField(
        queryset=NewsletterList.objects.none(),
        label=_("Newsletters"),
        error_messages={
            "required": _("Choose at least one newsletter"),
            "invalid_choice": _("Choose from the newsletters offered"),
            "invalid_pk_value": _("Choose from the newsletters offered"),
            "invalid_list": _("Choose from the newsletters offered"),
        },
    )
    # A field people never see (hidden by the stylesheet, skipped by the
    # keyboard and screen readers); form-filling bots fill it in.
    homepage_url = forms.CharField(label=_("Leave this empty"), required=False, max_length=200)
    altcha = forms.CharField(required=False, max_length=2000, widget=forms.HiddenInput)

    def __init__(self, *args, lists=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        lists = list(public_lists()) if lists is None else lists
        self.fields["lists"].queryset = public_lists()
        self.fields["lists"].choices = [(nl.pk, self.fields["lists"].label_from_instance(nl)) for nl in lists]
        if len(lists) == 1 and not self.is_bound:
            self.initial.setdefault("lists", [lists[0].pk])

    @property
    def is_bot(self) -> bool:
        return bool(self.data.get("homepage_url"))

    def clean_altcha(self) -> str:
        payload = self.cleaned_data.get("altcha", "")
        if settings.NEWSLETTER_PROOF_OF_WORK and not verify_solution(payload):
            raise forms.ValidationError(
                _("Our anti-spam check did not finish. Wait a moment and send again (it needs JavaScript).")
            )
        return payload


class PreferencesForm(forms.Form):
    lists = ListChoiceField(
        queryset=NewsletterList.objects.all(),
        label=_("Newsletters you receive"),
        required=False,
        error_messages={
            "invalid_choice": _("Choose from the newsletters offered"),
            "invalid_pk_value": _("Choose from the newsletters offered"),
        },
    )

    def __init__(self, *args, subscriber=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        mine = subscriber.subscriptions.values("newsletter_list") if subscriber else []
        self.fields["lists"].queryset = NewsletterList.objects.filter(
            pk__in=public_lists().values("pk")
        ) | NewsletterList.objects.filter(pk__in=mine)
