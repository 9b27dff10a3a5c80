from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from masthead.security.backups import BackupError, create_backup


class Command(BaseCommand):
    help = "Write the database and uploaded media to one archive (var/backups/ by default)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--output-dir", type=Path, default=None, help="Where to write the archive.")

    def handle(self, *args, output_dir: Path | None = None, **options) -> None:
        target = output_dir or Path(settings.VAR_DIR) / "backups"
        try:
            archive = create_backup(target)
        except BackupError as error:
            raise CommandError(str(error)) from error
        size = archive.stat().st_size / 1024 / 1024
        self.stdout.write(f"Backup written: {archive} ({size:.1f} MiB)")
