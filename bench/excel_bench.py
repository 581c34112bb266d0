"""Time the matrix export against bare openpyxl, and the import of the export.

Run inside Django (bench/run.py calls it with the bench database):
    python bench/excel_bench.py
Prints the export time, the baseline (the same cells, on every sheet, written
by bare openpyxl without any design), their ratio, and the import time of the
exported file.
"""

import os
import sys
import time
from io import BytesIO
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "beheer.settings")

import django  # noqa: E402

django.setup()

from openpyxl import Workbook  # noqa: E402

from matrix.excel import matrix_workbook  # noqa: E402
from matrix.excel_import import import_plan  # noqa: E402
from matrix.selectors import matrix_snapshot  # noqa: E402

EXPORT_TARGET = 1.5  # at most this many times the bare openpyxl baseline
IMPORT_TARGET_SECONDS = 5.0


def _best_of(runs: int, func) -> float:
    best = float("inf")
    for _ in range(runs):
        started = time.perf_counter()
        func()
        best = min(best, time.perf_counter() - started)
    return best


def main() -> int:
    snapshot = matrix_snapshot()
    roles, activities = snapshot["roles"], snapshot["activities"]
    exported = BytesIO()

    def export():
        exported.seek(0)
        exported.truncate()
        matrix_workbook(snapshot, organisation="Bench").save(exported)

    # The baseline writes exactly the cells of the designed workbook, every
    # sheet, but as bare values: no styles, validation or layout.
    designed = matrix_workbook(snapshot, organisation="Bench")
    cells = {
        sheet.title: [[cell.value for cell in row] for row in sheet.iter_rows()]
        for sheet in designed.worksheets
    }

    def bare():
        workbook = Workbook()
        workbook.remove(workbook.active)
        for title, rows in cells.items():
            sheet = workbook.create_sheet(title)
            for row in rows:
                sheet.append(row)
        workbook.save(BytesIO())

    export_seconds = _best_of(3, export)
    bare_seconds = _best_of(3, bare)
    import_seconds = _best_of(2, lambda: import_plan(BytesIO(exported.getvalue())))
    plan = import_plan(BytesIO(exported.getvalue()))
    ratio = export_seconds / bare_seconds
    print(f"\nExcel, {len(activities)} tasks x {len(roles)} roles (best of runs)")
    print(f"  bare openpyxl baseline   {bare_seconds * 1000:8.0f} ms")
    print(
        f"  designed export          {export_seconds * 1000:8.0f} ms   ratio {ratio:.2f}"
        f"  target <= {EXPORT_TARGET} {'met' if ratio <= EXPORT_TARGET else 'MISSED'}"
    )
    print(
        f"  import of the export     {import_seconds * 1000:8.0f} ms   target <= "
        f"{IMPORT_TARGET_SECONDS:.0f} s "
        f"{'met' if import_seconds <= IMPORT_TARGET_SECONDS else 'MISSED'}"
        f"   (errors: {len(plan.errors)}, changes: {plan.has_changes})"
    )
    missed = ratio > EXPORT_TARGET or import_seconds > IMPORT_TARGET_SECONDS or plan.errors
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
