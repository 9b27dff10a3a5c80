"""Narrate every live article whose current text has no narration yet; safe to stop and run again."""

import sys
import time

from django.core.management.base import BaseCommand, CommandError

from masthead.articles.models import ArticlePage
from masthead.audio import engines
from masthead.audio.models import Narration
from masthead.audio.narrating import narrate, request_narration


def progress_bar(done: int, total: int, width: int = 30) -> str:
    filled = round(width * done / total) if total else width
    return f"[{'#' * filled}{'.' * (width - filled)}] {done}/{total}"


class Command(BaseCommand):
    help = (
        "Narrate the archive: every live article whose text (or voice) has no narration yet. "
        "Stopping it loses nothing; running it again carries on where it stopped."
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
        total = len(ids)
        counts = {"narrated": 0, "already": 0, "queued": 0, "skipped": 0, "failed": 0, "off": 0}
        audio_seconds = 0.0
        started = time.monotonic()
        interactive = self.stdout.isatty() if hasattr(self.stdout, "isatty") else sys.stdout.isatty()
        for number, pk in enumerate(ids, 1):
            article = ArticlePage.objects.get(pk=pk)
            narration = request_narration(article, queue=enqueue)
            if narration is None:
                counts["off"] += 1
            elif narration.status == Narration.Status.READY:
                counts["already"] += 1
            elif narration.status == Narration.Status.SKIPPED:
                counts["skipped"] += 1
            elif enqueue:
                counts["queued"] += 1
            else:
                # Narrate here; a narration queued for the worker is claimed by whoever comes first.
                if narration.status == Narration.Status.FAILED:
                    Narration.objects.filter(pk=narration.pk).update(status=Narration.Status.QUEUED)
                status = narrate(narration.pk)
                narration.refresh_from_db()
                if status == Narration.Status.READY:
                    counts["narrated"] += 1
                    audio_seconds += narration.duration_seconds
                elif status == Narration.Status.FAILED:
                    counts["failed"] += 1
                    self.stderr.write(f"\n{article.title}: {narration.message}")
            line = f"{progress_bar(number, total)} {article.title[:40]}"
            if interactive:
                self.stdout.write(f"\r{line:<90}", ending="")
            else:
                self.stdout.write(line)
            if limit and counts["narrated"] + counts["queued"] >= limit:
                break
        if interactive:
            self.stdout.write("")
        elapsed = time.monotonic() - started
        self.stdout.write(
            f"Done in {elapsed:.0f} s: {counts['narrated']} narrated "
            f"({audio_seconds / 60:.1f} min of audio), "
            f"{counts['already']} already narrated, {counts['queued']} queued for the worker, "
            f"{counts['skipped']} not narrated (see the admin), {counts['failed']} failed, "
            f"{counts['off']} with narration off."
        )
