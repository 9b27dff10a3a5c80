from django.apps import apps
from django.core.management.base import BaseCommand

from masthead.security.roles import ROLES, apply_roles


class Command(BaseCommand):
    help = "Create or repair the Contributor, Reporter, Editor and Admin groups and the review workflow."

    def handle(self, *args, **options) -> None:
        apply_roles(apps)
        self.stdout.write(f"Roles up to date: {', '.join(ROLES)}.")
