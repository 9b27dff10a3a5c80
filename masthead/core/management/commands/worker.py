"""Run the background worker for whichever task backend is configured."""

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from masthead.core.clock import start_clock


class Command(BaseCommand):
    help = "Run the background worker: queued tasks plus the newsroom's periodic jobs."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--no-clock", action="store_true", help="Do not enqueue periodic tasks.")

    def handle(self, *args, no_clock: bool = False, **options) -> None:
        backend = settings.TASKS["default"]["BACKEND"]
        if not no_clock:
            start_clock()
        self.stdout.write(f"Worker started ({backend}).")
        if backend.startswith("django_tasks_db."):
            call_command("db_worker", queue_name="*", interval=1, verbosity=options["verbosity"])
        elif backend.startswith("django_tasks_redis."):
            call_command("run_redis_tasks", continuous=True, verbosity=options["verbosity"])
        else:
            raise CommandError(f"The task backend {backend} runs tasks without a worker.")
