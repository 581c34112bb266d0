from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from matrix.excel_import import import_apply, import_plan


class Command(BaseCommand):
    help = (
        "Import an edited beheermatrix workbook. Everything is checked first; on any "
        "error nothing is written and the command exits with status 1."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="the .xlsx file")
        parser.add_argument("--dry-run", action="store_true", help="only report, write nothing")

    def handle(self, *args, path, dry_run, **options):
        file = Path(path)
        if not file.is_file():
            raise CommandError(f"No such file: {path}")
        with file.open("rb") as handle:
            plan = import_plan(handle)
        if plan.errors:
            for issue in plan.errors:
                self.stderr.write(str(issue))
            raise CommandError(f"{len(plan.errors)} errors; nothing has been imported.")
        for activity, role, old, new in plan.changed_cells:
            self.stdout.write(f"{activity} / {role}: {old or '-'} -> {new or '-'}")
        for added in plan.added_activities:
            self.stdout.write(f"+ {added['theme']}: {added['title']}")
        for activity, title, theme in plan.renamed_activities:
            self.stdout.write(f"~ {activity} -> {theme}: {title}")
        for right, role, _old, new in plan.changed_grants:
            self.stdout.write(f"{'+' if new else '-'} {role}: {right}")
        if dry_run:
            self.stdout.write("Dry run: nothing written.")
            return
        import_apply(plan)
        self.stdout.write(
            self.style.SUCCESS(
                f"Imported: {len(plan.changed_cells)} cells, {len(plan.added_activities)} tasks "
                f"added, {len(plan.renamed_activities)} renamed."
            )
        )
