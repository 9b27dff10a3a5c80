"""The forms readers fill in: a donation, and a partner or advertising inquiry."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from masthead.newsletters.proof_of_work import verify_solution

from .models import Campaign, Frequency, PartnerInquiry, RevenueSettings
from .money import BadAmount, parse_amount


class ProofOfWorkField(forms.CharField):
    """The newsletter signup's proof of work (:mod:`masthead.newsletters.proof_of_work`), on these forms too.

    Required when the newsroom switches it on with ``NEWSLETTER_PROOF_OF_WORK``
    (one setting for every public form); the page's script fetches a challenge
    from the newsletters' challenge address and sends its solution as ``altcha``.
    A solution is good for one form sent.
    """

    def __init__(self, **kwargs) -> None:
        super().__init__(required=False, max_length=2000, widget=forms.HiddenInput, **kwargs)

    def clean(self, value) -> str:
        value = super().clean(value)
        if settings.NEWSLETTER_PROOF_OF_WORK and not verify_solution(value):
            raise forms.ValidationError(
                _("Our anti-spam check did not finish. Wait a moment and send again (it needs JavaScript).")
            )
        return value


class DonationForm(forms.Form):
    """One-time, monthly or yearly; a preset amount or one typed in; optionally a campaign.

    A typed amount wins over a preset (a reader who typed one meant it). The
    presets of each frequency are separate radio groups (``preset_once``,
    ``preset_month``, ``preset_year``), so the form works without JavaScript;
    the stylesheet shows only the group of the chosen frequency.
    """

    frequency = forms.ChoiceField(
        choices=Frequency.choices,
        error_messages={
            "required": gettext_lazy("Choose one-time, monthly or yearly."),
            "invalid_choice": gettext_lazy("Choose one-time, monthly or yearly."),
        },
    )
    other_amount = forms.CharField(required=False, max_length=40)
    campaign = forms.CharField(required=False, max_length=60)
    altcha = ProofOfWorkField()

    def __init__(self, *args, revenue: RevenueSettings, campaigns: list[Campaign], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.revenue = revenue
        self.campaigns = {c.slug: c for c in campaigns}
        for frequency in Frequency.values:
            self.fields[f"preset_{frequency}"] = forms.CharField(required=False, max_length=20)

    def clean_campaign(self) -> Campaign | None:
        slug = self.cleaned_data.get("campaign", "").strip()
        if not slug:
            return None
        if slug not in self.campaigns:
            raise forms.ValidationError(
                _("That campaign is not taking donations. Choose another, or give where it is needed most.")
            )
        return self.campaigns[slug]

    def clean(self) -> dict:
        cleaned = super().clean()
        frequency = cleaned.get("frequency")
        if not frequency:
            return cleaned
        revenue = self.revenue
        typed = (cleaned.get("other_amount") or "").strip()
        preset = (cleaned.get(f"preset_{frequency}") or "").strip()
        if typed:
            try:
                amount = parse_amount(typed, revenue.currency)
            except BadAmount as error:
                self.add_error("other_amount", str(error))
                return cleaned
        elif preset:
            if not preset.isdigit() or int(preset) not in revenue.presets(frequency):
                self.add_error("other_amount", _("Choose one of the amounts shown, or type an amount."))
                return cleaned
            amount = int(preset)
        else:
            self.add_error("other_amount", _("Choose an amount, or type one."))
            return cleaned
        if amount < revenue.minimum_amount:
            self.add_error(
                "other_amount",
                _("The smallest donation we can take is %(amount)s.")
                % {"amount": revenue.money(revenue.minimum_amount)},
            )
        elif amount > revenue.largest:
            self.add_error(
                "other_amount",
                _("Online we can take up to %(amount)s at a time. For a larger gift, please write to us.")
                % {"amount": revenue.money(revenue.largest)},
            )
        else:
            cleaned["amount"] = amount
        return cleaned

    def selected_preset(self, frequency: str) -> str:
        """The preset ticked for ``frequency``: the reader's choice, else the middle one offered."""
        if self.is_bound:
            return (self.data.get(f"preset_{frequency}") or "").strip()
        presets = self.revenue.presets(frequency)
        return str(presets[len(presets) // 2]) if presets else ""

    def selected_frequency(self) -> str:
        if self.is_bound and self.data.get("frequency") in Frequency.values:
            return self.data["frequency"]
        return self.initial.get("frequency") or self.revenue.default_frequency

    def selected_campaign(self) -> str:
        if self.is_bound:
            return (self.data.get("campaign") or "").strip()
        return self.initial.get("campaign", "")


class PartnerInquiryForm(forms.ModelForm):
    # Hidden from people (by the stylesheet, the keyboard and screen readers); bots fill it in.
    website = forms.CharField(required=False, max_length=200, label=gettext_lazy("Leave this empty"))
    altcha = ProofOfWorkField()

    class Meta:
        model = PartnerInquiry
        fields = ["name", "email", "organisation", "message"]
        error_messages = {
            "name": {"required": gettext_lazy("Please tell us your name.")},
            "email": {
                "required": gettext_lazy("Please enter your email address."),
                "invalid": gettext_lazy("Please enter a correct email address."),
            },
            "message": {"required": gettext_lazy("Please write a few words about what you have in mind.")},
        }

    @property
    def is_bot(self) -> bool:
        return bool(self.data.get("website"))
