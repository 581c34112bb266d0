"""The decision log as an Excel workbook, for the MT and the archive."""

from django.utils.translation import gettext as _
from openpyxl import Workbook

from beheer.xlsx import write_table, write_title


def decisions_workbook(decisions, *, organisation: str, today, filtered: bool, base_url: str):
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Decisions")[:31]
    row = write_title(
        sheet,
        _("Decision log"),
        [
            organisation,
            _("Date: %(date)s") % {"date": today.strftime("%d-%m-%Y")},
            _("%(count)s decisions") % {"count": len(decisions)}
            + (" (" + _("filtered") + ")" if filtered else ""),
        ],
    )
    rows = [
        (
            decision.date,
            str(decision.forum),
            decision.text,
            decision.rationale,
            ", ".join(str(obj) for obj in decision.concerns()),
            base_url + decision.get_absolute_url(),
        )
        for decision in decisions
    ]
    write_table(
        sheet,
        row,
        [_("Date"), _("Decided by"), _("Decision"), _("Rationale"), _("Concerns"), _("Link")],
        rows,
        widths=[12, 24, 60, 50, 30, 45],
    )
    for cells in sheet.iter_rows(min_row=row + 1, max_col=1):
        cells[0].number_format = "DD-MM-YYYY"
    return workbook
