from django.core.management.base import BaseCommand, CommandError

from beheer.models import OrganisationSettings
from matrix.excel import matrix_workbook
from matrix.models import MatrixVersion
from matrix.selectors import matrix_snapshot


class Command(BaseCommand):
    help = "Write the beheermatrix (or an adopted version) to an Excel workbook."

    def create_parser(self, prog_name, subcommand, **kwargs):
        # --version names an adopted matrix version here, not Django's version.
        return super().create_parser(prog_name, subcommand, conflict_handler="resolve", **kwargs)

    def add_arguments(self, parser):
        parser.add_argument("path", help="where to write the .xlsx file")
        parser.add_argument("--version", type=int, help="id of an adopted version")

    def handle(self, *args, path, version, **options):
        adopted = None
        if version is not None:
            adopted = MatrixVersion.objects.filter(pk=version).first()
            if adopted is None:
                raise CommandError(f"There is no adopted version {version}.")
        snapshot = adopted.snapshot if adopted else matrix_snapshot()
        workbook = matrix_workbook(
            snapshot, organisation=OrganisationSettings.load().name, version=adopted
        )
        workbook.save(path)
        self.stdout.write(self.style.SUCCESS(f"Written: {path}"))
