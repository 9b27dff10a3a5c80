"""The News Feed: short, timestamped updates posted through the day."""

from datetime import date

from django.conf import settings
from django.db import models
from django.db.models import Q, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, PageChooserPanel

from masthead.security.editing import LastEdited

from .widgets import CountedTextarea

MAX_LENGTH = 280


class NewsItemQuerySet(models.QuerySet):
    def published(self) -> QuerySet:
        """Items readers may see: posted, newest first."""
        return self.filter(posted_at__lte=timezone.now()).order_by("-posted_at", "-pk")

    def breaking(self) -> QuerySet:
        """Items flagged as breaking whose banner has not expired."""
        now = timezone.now()
        return (
            self.published()
            .filter(is_breaking=True)
            .filter(Q(breaking_until__isnull=True) | Q(breaking_until__gt=now))
        )


class NewsItem(LastEdited):
    """One update in the News Feed: a sentence or two, with a time and an address."""

    text = models.TextField(
        _("text"),
        max_length=MAX_LENGTH,
        help_text=_("One or two sentences, at most %(max)d characters.") % {"max": MAX_LENGTH},
    )
    article = models.ForeignKey(
        "articles.ArticlePage",
        verbose_name=_("linked article"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Optional: the article with the full story."),
    )
    is_breaking = models.BooleanField(
        _("breaking"), default=False, help_text=_("Show this item as a banner across the site.")
    )
    breaking_until = models.DateTimeField(
        _("banner until"),
        null=True,
        blank=True,
        help_text=_("When the banner stops showing. Empty: until the flag is cleared."),
    )
    posted_at = models.DateTimeField(_("time"), default=timezone.now, db_index=True)
    # Whether open pages have been told of the item: false until its time
    # comes, so an item scheduled for later reaches readers then, not at save.
    announced = models.BooleanField(default=False, editable=False)
    posted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("posted by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )

    objects = NewsItemQuerySet.as_manager()

    panels = [
        FieldPanel("text", widget=CountedTextarea(limit=MAX_LENGTH)),
        PageChooserPanel("article", "articles.ArticlePage"),
        FieldPanel("is_breaking"),
        FieldPanel("breaking_until"),
        FieldPanel("posted_at"),
    ]

    class Meta:
        verbose_name = _("news feed item")
        verbose_name_plural = _("news feed items")
        ordering = ["-posted_at", "-pk"]
        indexes = [
            models.Index(fields=["posted_at"], condition=Q(announced=False), name="newsitem_unannounced")
        ]

    def __str__(self) -> str:
        return self.text if len(self.text) <= 60 else self.text[:59] + "…"

    def save(self, *args, **kwargs) -> None:
        # ``announced`` belongs to the stream (see signal_handlers): an editor's
        # form, loaded before the item's time came, must not write it back.
        if not self._state.adding and kwargs.get("update_fields") is None:
            kwargs["update_fields"] = [
                field.name
                for field in self._meta.concrete_fields
                if not field.primary_key and field.name != "announced"
            ]
        super().save(*args, **kwargs)

    @property
    def is_visible(self) -> bool:
        return self.posted_at <= timezone.now()

    @property
    def local_day(self) -> date:
        """The day the item was posted, in the time zone pages are shown in."""
        return timezone.localtime(self.posted_at).date()

    def get_absolute_url(self) -> str:
        return reverse("newsfeed:item", args=[self.pk])


class FeedEvent(models.Model):
    """One change to the feed, in the order readers must see it.

    The stream sends these to open pages; a reader who reconnects with the
    id of the last event they saw gets exactly the ones after it. ``html`` is
    the item as the feed column shows it (empty for a deletion).
    """

    class Kind(models.TextChoices):
        POSTED = "posted", _("posted")
        EDITED = "edited", _("edited")
        DELETED = "deleted", _("deleted")

    kind = models.CharField(max_length=10, choices=Kind.choices)
    item_id = models.BigIntegerField(db_index=True)
    html = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return f"{self.kind} {self.item_id}"
