"""Admin forms where editors type amounts in the main unit ("25", "7.50") and Masthead stores minor units."""

from django import forms
from django.utils.text import get_text_list
from django.utils.translation import gettext as _
from wagtail.admin.forms import WagtailAdminModelForm

from .money import BadAmount, major_text, parse_amount, parse_amount_list


class MoneyFieldsForm(WagtailAdminModelForm):
    """A model form whose ``money_fields`` (one amount) and ``money_list_fields`` (several) are typed as text.

    Amounts are read in the currency chosen on the same form (its ``currency``
    field), so changing the currency and the amounts together reads the
    amounts in the new currency.
    """

    money_fields: tuple[str, ...] = ()
    money_list_fields: tuple[str, ...] = ()

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        code = self.initial_currency()
        for name in (*self.money_fields, *self.money_list_fields):
            if name not in self.fields:
                continue
            model_field = self._meta.model._meta.get_field(name)
            value = getattr(self.instance, name, None)
            if name in self.money_list_fields:
                initial = " ".join(major_text(v, code) for v in value or [] if isinstance(v, int))
                help_text = _("Amounts in the main unit, separated by spaces, e.g. 5 10 25.")
            else:
                initial = major_text(value, code) if value is not None else ""
                help_text = model_field.help_text
            self.fields[name] = forms.CharField(
                label=model_field.verbose_name.capitalize(),
                required=not model_field.blank,
                max_length=200,
                help_text=help_text,
                widget=forms.TextInput(attrs={"inputmode": "decimal"}),
            )
            self.initial[name] = initial

    def initial_currency(self) -> str:
        return self.initial.get("currency") or getattr(self.instance, "currency", "") or "usd"

    def clean(self) -> dict:
        cleaned = super().clean()
        code = cleaned.get("currency") or self.initial_currency()
        for name in self.money_fields:
            if name in self.fields and name in cleaned:
                text = (cleaned[name] or "").strip()
                if not text:
                    cleaned[name] = None
                    continue
                try:
                    cleaned[name] = parse_amount(text, code)
                except BadAmount as error:
                    self.add_error(name, str(error))
        for name in self.money_list_fields:
            if name in self.fields and name in cleaned:
                try:
                    cleaned[name] = parse_amount_list(cleaned[name], code)
                except BadAmount as error:
                    self.add_error(
                        name, _("%(error)s Separate amounts with spaces, e.g. 5 10 25.") % {"error": error}
                    )
        return cleaned


class RevenueSettingsForm(MoneyFieldsForm):
    money_fields = ("minimum_amount", "maximum_amount")
    money_list_fields = ("presets_once", "presets_month", "presets_year")

    def clean(self) -> dict:
        cleaned = super().clean()
        minimum, maximum = cleaned.get("minimum_amount"), cleaned.get("maximum_amount")
        if self.errors:
            return cleaned
        if minimum is None:
            self.add_error("minimum_amount", _("Enter the smallest donation."))
            return cleaned
        if maximum is None:
            self.add_error("maximum_amount", _("Enter the largest donation."))
            return cleaned
        if maximum < minimum:
            self.add_error("maximum_amount", _("The largest donation must not be below the smallest."))
            return cleaned
        for name in self.money_list_fields:
            if any(not minimum <= v <= maximum for v in cleaned.get(name) or []):
                self.add_error(name, _("Every amount must be between the smallest and the largest donation."))
            elif len(cleaned.get(name) or []) > 6:
                self.add_error(name, _("Offer at most six amounts."))
        return cleaned


class CampaignForm(MoneyFieldsForm):
    """A campaign's goal and its progress bar count payments in the campaign's currency, and readers
    pay in the site's currency (Reader revenue settings): the two must be the same."""

    money_fields = ("goal_amount",)

    def clean(self) -> dict:
        cleaned = super().clean()
        code = cleaned.get("currency")
        accepted = site_currencies()
        if code and code not in accepted:
            self.add_error(
                "currency",
                _(
                    "Donations are taken in %(site)s (Settings → Reader revenue settings), so a campaign "
                    "in %(campaign)s would never show any progress. Choose %(site)s."
                )
                % {
                    "site": get_text_list([c.upper() for c in sorted(accepted)], _("or")),
                    "campaign": code.upper(),
                },
            )
        return cleaned

    def initial_currency(self) -> str:
        if not self.instance.pk and "currency" not in self.initial:
            from .configuration import default_revenue_settings

            self.initial["currency"] = default_revenue_settings().currency
        return super().initial_currency()


def site_currencies() -> set[str]:
    """The currencies readers pay in: each site's revenue settings (the default site's if none is saved)."""
    from .configuration import default_revenue_settings
    from .models import RevenueSettings

    return set(RevenueSettings.objects.values_list("currency", flat=True)) or {
        default_revenue_settings().currency
    }
