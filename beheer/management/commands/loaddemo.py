from importlib import import_module
from importlib.util import find_spec

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from beheer import data_versions, services

DEMO_APPS = ("beheer", "matrix", "maturity", "kpi", "governance", "operations")


class Command(BaseCommand):
    help = (
        "Load a believable demo organisation (a Dutch housing corporation) with an "
        "account for every persona. Safe to run twice: nothing is duplicated."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--scale",
            type=int,
            default=1,
            help="Multiply the amount of data, for benchmarks (default 1).",
        )
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Do nothing when the database already has user accounts.",
        )
        parser.add_argument(
            "--allow-public-demo-passwords",
            action="store_true",
            help=(
                "Load the demo accounts although DEBUG is off. Their password is public "
                "(it is in the README) and one of them is a superuser: never on a server "
                "that holds real data or can be reached by others."
            ),
        )

    def handle(self, *args, scale, if_empty, allow_public_demo_passwords, **options):
        if scale < 1:
            raise CommandError("--scale must be 1 or more.")
        if not settings.DEBUG and not allow_public_demo_passwords:
            # The demo accounts, a superuser among them, share a password that is
            # published in the README: loading them on a production server by
            # mistake would open it to anyone who has read it.
            raise CommandError(
                "Refused: DEBUG is off, so this may be a production server, and the demo "
                "accounts (one of them a superuser) have a public password. Run it with "
                "DEBUG=true on your own machine, or add --allow-public-demo-passwords if "
                "you really mean it (test and benchmark servers only)."
            )
        if if_empty and get_user_model().objects.exists():
            self.stdout.write("The database already has accounts; demo data not loaded.")
            return
        with transaction.atomic():
            # Each app contributes its own demo.py, loaded in this order so that
            # later apps can build on the records of earlier ones.
            for app in DEMO_APPS:
                if find_spec(f"{app}.demo") is None:
                    continue
                summary = import_module(f"{app}.demo").load(scale=scale)
                for what, count in summary.items():
                    self.stdout.write(f"{app}: {what}: {count}")
            # The demo writes in bulk, which sends no signals: say what changed.
            services.component_owner_grants_sync()
            for scope in data_versions.SCOPES:
                data_versions.changed(scope)
        self.stdout.write(self.style.SUCCESS("Demo data loaded."))
