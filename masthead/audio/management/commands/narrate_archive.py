"""Narrate every live article whose current text has no narration yet; safe to stop and run again."""

import sys
import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from masthead.articles.models import ArticlePage
from masthead.audio import engines
from masthead.audio.models import Narration
from masthead.audio.narrating import NOT_CLAIMED, narrate, request_narration


def progress_bar(done: int, total: int, width: int = 30) -> str:
    filled = round(width * done / total) if total else width
    return f"[{'#' * filled}{'.' * (width - filled)}] {done}/{total}"


class Command(BaseCommand):
    help = (
        "Narrate the archive: every live article whose text (or voice) has no narration yet. "
        "Stopping it (Ctrl-C) loses nothing; running it again carries on where it stopped."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--enqueue",
            action="store_true",
            help="Queue the narrations for the worker instead of narrating here.",
        )
        parser.add_argument("--limit", type=int, default=0, help="Narrate at most this many articles.")

    def handle(self, *args, enqueue: bool = False, limit: int = 0, **options) -> None:
        if not engines.installed_voices():
            raise CommandError("No text-to-speech voice is installed (pip install hibari-tts).")
        articles = ArticlePage.objects.live().order_by("-first_published_at", "-pk")
        ids = list(articles.values_list("pk", flat=True))
        self.total = len(ids)
        self.counts = {
            "narrated": 0, "already": 0, "queued": 0, "skipped": 0, "failed": 0, "off": 0, "busy": 0
        }  # fmt: skip
        self.audio_seconds = 0.0
        self.started = time.monotonic()
        self.interactive = self.stdout.isatty() if hasattr(self.stdout, "isatty") else sys.stdout.isatty()
        done = 0
        try:
            for done, pk in enumerate(ids, 1):
                article = ArticlePage.objects.get(pk=pk)
                self.narrate_article(article, enqueue)
                line = f"{progress_bar(done, self.total)} {article.title[:40]}"
                if self.interactive:
                    self.stdout.write(f"\r{line:<90}", ending="")
                else:
                    self.stdout.write(line)
                if limit and self.counts["narrated"] + self.counts["queued"] >= limit:
                    break
        except KeyboardInterrupt:
            self.summary(f"Stopped at article {done} of {self.total}")
            self.stdout.write(
                "The narration in progress was put back in the queue: run the command again to carry on."
            )
            raise CommandError("Interrupted.", returncode=130) from None
        self.summary("Done")

    def narrate_article(self, article: ArticlePage, enqueue: bool) -> None:
        counts = self.counts
        narration = request_narration(article, queue=enqueue)
        if narration is None:
            counts["off"] += 1
        elif narration.status == Narration.Status.READY:
            counts["already"] += 1
        elif narration.status == Narration.Status.SKIPPED:
            counts["skipped"] += 1
            self.report(article, f"not narrated: {narration.message}")
        elif enqueue:
            counts["queued"] += 1
        else:
            # Narrate here; a narration queued for the worker is claimed by whoever comes first.
            if narration.status == Narration.Status.FAILED:
                Narration.objects.filter(pk=narration.pk).update(status=Narration.Status.QUEUED)
            status = narrate(narration.pk, hand_back=False)
            narration.refresh_from_db()
            if status == Narration.Status.READY:
                counts["narrated"] += 1
                self.audio_seconds += narration.duration_seconds
            elif status == Narration.Status.FAILED:
                counts["failed"] += 1
                self.report(article, f"failed: {narration.message}")
            elif status == NOT_CLAIMED:
                counts["busy"] += 1
                self.report(
                    article,
                    "left to the worker narrating it now (a worker that stopped without a word has it "
                    f"queued again by the clock after {settings.AUDIO_STALE_SECONDS} s)",
                )

    def report(self, article: ArticlePage, what: str) -> None:
        prefix = "\n" if self.interactive else ""
        self.stderr.write(f"{prefix}{article.title} (#{article.pk}): {what}")

    def summary(self, how: str) -> None:
        if self.interactive:
            self.stdout.write("")
        counts, elapsed = self.counts, time.monotonic() - self.started
        self.stdout.write(
            f"{how} in {elapsed:.0f} s: {counts['narrated']} narrated "
            f"({self.audio_seconds / 60:.1f} min of audio), "
            f"{counts['already']} already narrated, {counts['queued']} queued for the worker, "
            f"{counts['busy']} being narrated by a worker, "
            f"{counts['skipped']} not narrated, {counts['failed']} failed, "
            f"{counts['off']} with narration off."
        )
