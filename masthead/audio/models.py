"""Narrations of articles, the editors' choices per article, and the pronunciation dictionary."""

import json
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index

from masthead.security.editing import LastEdited

from .engines import default_voice


def audio_root() -> Path:
    """Where narration files live: ``AUDIO_ROOT``, else ``<var>/audio`` (not under MEDIA_ROOT).

    They are served only through Masthead's own view, which checks that the
    article is live, so an unpublished article's audio is unreachable.
    """
    return Path(getattr(settings, "AUDIO_ROOT", "") or Path(settings.VAR_DIR) / "audio")


class PronunciationEntry(index.Indexed, LastEdited):
    """One entry of the newsroom's pronunciation dictionary: a word as written, and how to say it."""

    written = models.CharField(
        _("written"),
        max_length=100,
        unique=True,
        help_text=_("The word or abbreviation as it appears in articles, e.g. “Zelensky” or “PM”. "),
    )
    spoken = models.CharField(
        _("say it as"),
        max_length=200,
        help_text=_(
            "Letters the narrator reads the way you want it said, e.g. “Keev” for “Kyiv”, or "
            "“prime minister” for “PM”. Write in lower case: capitals are read as letters."
        ),
    )
    note = models.CharField(_("note"), max_length=200, blank=True)

    panels = [FieldPanel("written"), FieldPanel("spoken"), FieldPanel("note")]
    search_fields = [
        index.SearchField("written"),
        index.SearchField("spoken"),
        index.AutocompleteField("written"),
    ]

    class Meta:
        verbose_name = _("pronunciation")
        verbose_name_plural = _("pronunciation dictionary")
        ordering = ["written"]

    def __str__(self) -> str:
        return f"{self.written} → {self.spoken}"

    def clean(self) -> None:
        self.written, self.spoken = self.written.strip(), self.spoken.strip()
        if not any(ch.isalnum() for ch in self.written):
            raise ValidationError({"written": _("Write the word as it appears in articles.")})
        if not any(ch.isalpha() for ch in self.spoken):
            raise ValidationError({"spoken": _("Write how the narrator should say it, in letters.")})

    @classmethod
    def as_dict(cls) -> dict[str, str]:
        return dict(cls.objects.values_list("written", "spoken"))


class Narration(models.Model):
    """The audio of one script of an article in one voice (``key`` is the script's hash)."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Waiting for the worker")
        NARRATING = "narrating", _("Narrating")
        READY = "ready", _("Ready")
        SKIPPED = "skipped", _("Not narrated")
        FAILED = "failed", _("Failed")

    article = models.ForeignKey(
        "articles.ArticlePage", verbose_name=_("article"), on_delete=models.CASCADE, related_name="narrations"
    )
    key = models.CharField(_("script hash"), max_length=64)
    voice = models.CharField(_("voice"), max_length=60)
    script = models.TextField(_("script"), help_text=_("The sentences read, as JSON paragraphs."))
    word_count = models.PositiveIntegerField(_("words"), default=0)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.QUEUED)
    message = models.TextField(_("message"), blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    opus_file = models.CharField(max_length=200, blank=True)
    mp3_file = models.CharField(max_length=200, blank=True)
    opus_bytes = models.PositiveBigIntegerField(default=0)
    mp3_bytes = models.PositiveBigIntegerField(default=0)
    duration_ms = models.PositiveBigIntegerField(_("duration"), default=0)
    synthesis_seconds = models.FloatField(default=0)
    created_at = models.DateTimeField(_("requested"), default=timezone.now)
    started_at = models.DateTimeField(null=True, blank=True)
    heartbeat_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        verbose_name = _("narration")
        constraints = [models.UniqueConstraint(fields=["article", "key"], name="audio_narration_unique_key")]
        indexes = [models.Index(fields=["status", "heartbeat_at"])]

    def __str__(self) -> str:
        return f"{self.article_id}:{self.key[:12]} ({self.status})"

    @property
    def paragraphs(self) -> list[list[str]]:
        return json.loads(self.script or "[]")

    @property
    def duration(self) -> timedelta:
        return timedelta(milliseconds=self.duration_ms)

    @property
    def duration_seconds(self) -> float:
        return self.duration_ms / 1000

    @property
    def is_ready(self) -> bool:
        return self.status == self.Status.READY and self.has_audio

    @property
    def has_audio(self) -> bool:
        """Its files exist: readers can hear it, also while it is being made again (*Regenerate*)
        and after such a run failed (the files are of the same words in the same voice)."""
        return bool(self.opus_file and self.mp3_file)

    @property
    def being_made(self) -> bool:
        return self.status in BEING_MADE

    def file_path(self, fmt: str) -> Path | None:
        name = {"opus": self.opus_file, "mp3": self.mp3_file}.get(fmt)
        return audio_root() / name if name else None

    def delete_files(self) -> None:
        for fmt in ("opus", "mp3"):
            path = self.file_path(fmt)
            if path is not None:
                path.unlink(missing_ok=True)


# Waiting for a worker, or with one now.
BEING_MADE = (Narration.Status.QUEUED, Narration.Status.NARRATING)


class ArticleAudio(models.Model):
    """An editor's narration choices for one article, and the narration readers hear."""

    article = models.OneToOneField(
        "articles.ArticlePage", verbose_name=_("article"), on_delete=models.CASCADE, related_name="audio"
    )
    enabled = models.BooleanField(
        _("narrate this article"),
        default=True,
        help_text=_("Off: no audio version, and none is made when the article is published."),
    )
    voice = models.CharField(
        _("voice"), max_length=60, blank=True, help_text=_("Empty: the newsroom's default.")
    )
    live_narration = models.ForeignKey(
        Narration, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # The narration of the article's changed text (or voice) while the worker
    # makes it: readers keep hearing ``live_narration`` until it is done.
    pending_narration = models.ForeignKey(
        Narration, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("article audio")

    def __str__(self) -> str:
        return f"audio of {self.article_id}"

    @property
    def voice_id(self) -> str:
        return self.voice or default_voice()

    @classmethod
    def for_article(cls, article) -> "ArticleAudio":
        audio, _created = cls.objects.get_or_create(article_id=article.pk)
        return audio
