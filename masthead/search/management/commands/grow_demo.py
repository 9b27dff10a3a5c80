"""Grow the demo newsroom with a generated archive of articles, indexed for search."""

import time

from django.core.management.base import BaseCommand, CommandError, CommandParser
from wagtail.models import Site

from masthead.search.demo_growth import grow


class Command(BaseCommand):
    help = (
        "Make sure the demo newsroom holds N generated articles (besides its own), "
        "written in bulk and indexed for search. Run load_demo first."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--articles", type=int, default=1000, help="how many generated articles (default 1000)"
        )
        parser.add_argument(
            "--seed", type=int, default=1, help="the same seed writes the same articles (default 1)"
        )
        parser.add_argument(
            "--batch-size", type=int, default=500, help="articles per transaction (default 500)"
        )

    def handle(self, *args, articles: int, seed: int, batch_size: int, **options) -> None:
        if articles < 0 or batch_size < 1:
            raise CommandError("--articles must be 0 or more and --batch-size 1 or more.")
        site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
        if site is None:
            raise CommandError("There is no default site: run `manage.py load_demo` first.")
        started = time.monotonic()

        def progress(done: int, total: int) -> None:
            if options["verbosity"] > 0:
                self.stdout.write(f"  {done:,} of {total:,} articles ({time.monotonic() - started:.0f} s)")

        try:
            created = grow(site.root_page, articles, seed=seed, batch_size=batch_size, progress=progress)
        except ValueError as error:
            raise CommandError(
                f"Cannot grow the newsroom: {error}. Run `manage.py load_demo` first."
            ) from error
        elapsed = time.monotonic() - started
        kept = articles - created
        self.stdout.write(
            f"Grew the newsroom by {created:,} articles ({kept:,} were already there) in {elapsed:.1f} s."
        )
