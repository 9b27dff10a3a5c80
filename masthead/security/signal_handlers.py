"""Clean third-party and free-form HTML before it is stored."""

from django.db.models.signals import pre_save
from wagtail.embeds.models import Embed

from .sanitize import clean_embed_html, clean_stored_rich_text


def clean_embed_before_saving(sender, instance: Embed, **kwargs) -> None:
    instance.html = str(clean_embed_html(instance.html or ""))


def clean_author_bio_before_saving(sender, instance, **kwargs) -> None:
    instance.bio = clean_stored_rich_text(instance.bio or "")


def clean_paragraphs_before_saving(sender, instance, **kwargs) -> None:
    """Paragraph blocks in a page's body, however the body was assigned (even as raw JSON)."""
    body = getattr(instance, "body", None)
    raw = getattr(body, "raw_data", None)
    if raw is None:
        return
    for index, block in enumerate(raw):
        if block.get("type") == "paragraph" and isinstance(block.get("value"), str):
            cleaned = clean_stored_rich_text(block["value"])
            if cleaned != block["value"]:
                raw[index] = {**block, "value": cleaned}


def connect() -> None:
    from masthead.articles.models import ArticlePage, AuthorPage

    pre_save.connect(clean_embed_before_saving, sender=Embed, dispatch_uid="security-clean-embed")
    pre_save.connect(clean_author_bio_before_saving, sender=AuthorPage, dispatch_uid="security-clean-bio")
    pre_save.connect(clean_paragraphs_before_saving, sender=ArticlePage, dispatch_uid="security-clean-body")
