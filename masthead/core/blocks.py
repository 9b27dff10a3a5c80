"""StreamField blocks any page body may use."""

from django.core.exceptions import ValidationError
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

from masthead.security.sanitize import clean_stored_rich_text

RICH_TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul", "superscript", "subscript"]


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs) -> None:
        super().__init__(features=RICH_TEXT_FEATURES, **kwargs)

    def get_prep_value(self, value):
        # Stored clean whatever wrote it (the editor, an import, the shell).
        return clean_stored_rich_text(super().get_prep_value(value))

    def clean(self, value):
        value = super().clean(value)
        if self.required and not strip_tags(value.source).strip():
            raise ValidationError(_("Write some text in this paragraph, or remove it."))
        return value

    class Meta:
        icon = "pilcrow"
        label = _("Paragraph")
        template = "blocks/paragraph.html"


class SubheadingBlock(blocks.CharBlock):
    def __init__(self, **kwargs) -> None:
        super().__init__(max_length=120, **kwargs)

    class Meta:
        icon = "title"
        label = _("Subheading")
        template = "blocks/subheading.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(label=_("Who said it"), required=False, max_length=160)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "blocks/quote.html"


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=400)
    credit = blocks.CharBlock(
        label=_("Credit"),
        required=False,
        max_length=255,
        help_text=_("Leave empty to use the credit stored with the image."),
    )

    class Meta:
        icon = "image"
        label = _("Image")
        template = "blocks/image.html"


class CaptionedEmbedBlock(blocks.StructBlock):
    embed = EmbedBlock(label=_("Address of the video, post or map"))
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=400)

    class Meta:
        icon = "media"
        label = _("Embed")
        template = "blocks/embed.html"
