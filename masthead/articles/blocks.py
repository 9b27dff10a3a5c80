"""The blocks an article's body is written in."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from masthead.core.blocks import (
    CaptionedEmbedBlock,
    CaptionedImageBlock,
    ParagraphBlock,
    QuoteBlock,
    SubheadingBlock,
)


class ReadAlsoBlock(blocks.StructBlock):
    """An inline link to another article, stored by reference.

    Only the page id is stored, so the link always shows the other article's
    current headline and address; it disappears while that article is not live.
    """

    article = blocks.PageChooserBlock(page_type="articles.ArticlePage", label=_("Article"))
    label = blocks.CharBlock(
        label=_("Label"),
        required=False,
        max_length=40,
        help_text=_("Shown before the headline. Defaults to “Read also”."),
    )

    class Meta:
        icon = "link"
        label = _("Read also")
        template = "blocks/read_also.html"


class ArticleBodyBlock(blocks.StreamBlock):
    paragraph = ParagraphBlock()
    subheading = SubheadingBlock()
    quote = QuoteBlock()
    image = CaptionedImageBlock()
    embed = CaptionedEmbedBlock()
    read_also = ReadAlsoBlock()

    class Meta:
        block_counts = {"paragraph": {"min_num": 1}}
