from django.core.management.base import BaseCommand

from beheer.services import component_owner_grants_sync


class Command(BaseCommand):
    help = (
        "Give current component owners (with a login) the right to edit their components' "
        "matrix rows, and take it from everyone else. Run daily: assignments end by date."
    )

    def handle(self, *args, **options):
        component_owner_grants_sync()
        self.stdout.write(self.style.SUCCESS("Owner grants are up to date."))
