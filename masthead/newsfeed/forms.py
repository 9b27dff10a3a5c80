"""The editor's quick-post form: an update in seconds."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.widgets import AdminPageChooser

from .models import MAX_LENGTH, NewsItem
from .widgets import CountedTextarea


class QuickPostForm(forms.ModelForm):
    """Text, an optional article and a breaking flag: an update in seconds."""

    class Meta:
        model = NewsItem
        fields = ["text", "article", "is_breaking"]
        widgets = {
            "text": CountedTextarea(limit=MAX_LENGTH, attrs={"autofocus": True}),
            "article": AdminPageChooser(target_models=["articles.ArticlePage"]),
        }
        help_texts = {"is_breaking": _("Also show it as a banner across the site, until you clear the flag.")}

    def clean_text(self) -> str:
        text = " ".join(self.cleaned_data["text"].split())
        if not text:
            raise forms.ValidationError(_("Write the update before posting it."))
        return text
