"""The search form: what a reader may ask for, and what is wrong with a bad ask."""

from datetime import date

from django import forms
from django.utils.translation import gettext_lazy as _

from masthead.articles.models import SectionPage

# Dates outside these years are typing mistakes; they would also overflow
# the date arithmetic of the filter.
EARLIEST = date(1800, 1, 1)
LATEST = date(2999, 12, 31)
DATE_ERRORS = {"invalid": _("Enter a date as YYYY-MM-DD, for example 2025-03-14.")}


class DateInput(forms.DateInput):
    input_type = "date"


class SearchForm(forms.Form):
    """``q`` (the words), ``section`` (a section's slug), ``from``/``to`` dates, ``sort``.

    Field names are the query-string names, so a search has a plain,
    shareable address: ``/search/?q=tram&section=city&from=2025-01-01``.
    """

    SORTS = [("relevance", _("Best match")), ("newest", _("Newest first"))]

    q = forms.CharField(label=_("Search for"), required=False, widget=forms.SearchInput)
    section = forms.ChoiceField(label=_("Section"), required=False)
    sort = forms.ChoiceField(label=_("Order"), required=False, choices=SORTS)

    def __init__(self, data, sections: list[SectionPage]) -> None:
        super().__init__(data)
        self.sections = {section.slug: section for section in sections}
        self.fields["section"].choices = [("", _("All sections"))] + [
            (section.slug, section.title) for section in sections
        ]
        self.fields["section"].error_messages["invalid_choice"] = _(
            "There is no section “%(value)s”; choose one from the list."
        )
        # "from" is a Python keyword, so these two are added by name.
        self.fields["from"] = forms.DateField(
            label=_("From"), required=False, widget=DateInput, error_messages=DATE_ERRORS
        )
        self.fields["to"] = forms.DateField(
            label=_("To"), required=False, widget=DateInput, error_messages=DATE_ERRORS
        )

    def clean_from(self) -> date | None:
        return self.within_years(self.cleaned_data["from"])

    def clean_to(self) -> date | None:
        return self.within_years(self.cleaned_data["to"])

    @staticmethod
    def within_years(value: date | None) -> date | None:
        if value is not None and not EARLIEST <= value <= LATEST:
            raise forms.ValidationError(
                _("Enter a date between %(earliest)s and %(latest)s."),
                params={"earliest": EARLIEST.year, "latest": LATEST.year},
            )
        return value

    def clean(self) -> dict:
        cleaned = super().clean()
        start, end = cleaned.get("from"), cleaned.get("to")
        if start and end and start > end:
            raise forms.ValidationError(_("The “from” date is later than the “to” date."))
        return cleaned

    @property
    def chosen_section(self) -> SectionPage | None:
        return self.sections.get(self.cleaned_data.get("section") or "")
