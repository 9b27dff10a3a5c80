from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from masthead.security.backups import BackupError, restore_backup


class Command(BaseCommand):
    help = "Replace this newsroom's database and uploaded media with a backup made by `manage.py backup`."

    def add_arguments(self, parser) -> None:
        parser.add_argument("archive", type=Path)
        parser.add_argument(
            "--yes", action="store_true", help="Do not ask: replace the current database and media."
        )

    def handle(self, *args, archive: Path, yes: bool = False, **options) -> None:
        if not yes and options.get("interactive", True):
            answer = input(f"Replace this newsroom's database and media with {archive}? Type 'yes': ")
            if answer.strip().lower() != "yes":
                raise CommandError("Nothing restored.")
        try:
            manifest = restore_backup(archive)
        except BackupError as error:
            raise CommandError(f"{error} Nothing was changed.") from error
        self.stdout.write(
            f"Restored the {manifest['engine']} database and {manifest['media_files']} media files "
            f"from a backup made {manifest['created']}. Run `manage.py migrate` if this code is newer."
        )
