"""The factor checklist and the KPI table as an Excel workbook for the MT."""

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import PatternFill

from beheer.xlsx import set_cell, write_table, write_title
from kpi.services import Status

STATUS_FILLS = {
    Status.ON_TRACK: PatternFill("solid", fgColor="C8E6C9"),
    Status.AT_RISK: PatternFill("solid", fgColor="FFE0B2"),
    Status.OFF_TRACK: PatternFill("solid", fgColor="FFCDD2"),
    Status.NO_DATA: PatternFill("solid", fgColor="E0E0E0"),
}


def kpi_workbook(*, checklist, rows, today) -> Workbook:
    workbook = Workbook()
    factors = workbook.active
    factors.title = _("Success factors")
    first = write_title(
        factors,
        _("Critical success factors"),
        [
            _("Situation on %(date)s") % {"date": today.strftime("%d-%m-%Y")},
            _("Progress: %(percent)s%% of the way to every factor anchored")
            % {"percent": checklist.percent},
        ],
    )
    factor_rows = []
    for theme in checklist.themes:
        for state in theme.factors:
            review = state.latest
            factor_rows.append(
                (
                    f"{theme.label} ({theme.percent}%)",
                    state.factor.text("name"),
                    review.get_status_display() if review else _("Not reviewed yet"),
                    review.date if review else None,
                    str(review.owner) if review and review.owner else "",
                    review.evidence if review else "",
                    review.next_action if review else "",
                    review.due_date if review else None,
                    _("overdue") if state.is_overdue(today) else "",
                )
            )
    write_table(
        factors,
        first,
        [
            _("Theme"),
            _("Factor"),
            _("Status"),
            _("Reviewed on"),
            _("Owner"),
            _("Evidence"),
            _("Next action"),
            _("Due date"),
            "",
        ],
        factor_rows,
        widths=[26, 34, 18, 13, 22, 40, 40, 13, 10],
    )
    for offset in range(len(factor_rows)):
        for column in (4, 8):
            factors.cell(row=first + 1 + offset, column=column).number_format = "DD-MM-YYYY"

    table = workbook.create_sheet(_("KPIs"))
    first = write_title(
        table,
        _("KPIs"),
        [_("Situation on %(date)s") % {"date": today.strftime("%d-%m-%Y")}],
    )
    write_table(
        table,
        first,
        [
            _("KPI"),
            _("Status"),
            _("Latest value"),
            _("Measured on"),
            _("Target"),
            _("Progress from baseline to target"),
            _("Unit"),
            _("Direction"),
            _("Tolerance"),
            _("Deadline"),
            _("Owner"),
            _("Success factors"),
        ],
        [
            (
                row.kpi.name,
                str(row.status_label),
                row.latest.value if row.latest else None,
                row.latest.date if row.latest else None,
                row.kpi.target,
                f"{row.progress}%" if row.progress is not None else "",
                row.kpi.unit,
                row.kpi.get_direction_display(),
                row.kpi.tolerance,
                row.kpi.deadline,
                str(row.kpi.owner) if row.kpi.owner else "",
                ", ".join(f.text("name") for f in row.kpi.factors.all()),
            )
            for row in rows
        ],
        widths=[36, 16, 13, 13, 10, 14, 10, 18, 10, 13, 22, 40],
    )
    for offset, row in enumerate(rows, start=first + 1):
        set_cell(table, offset, 2, str(row.status_label)).fill = STATUS_FILLS[row.status]
        for column in (4, 10):
            table.cell(row=offset, column=column).number_format = "DD-MM-YYYY"
    for sheet in (factors, table):
        sheet.page_setup.orientation = "landscape"
        sheet.page_setup.fitToWidth = 1
        sheet.page_setup.fitToHeight = 0
        sheet.sheet_properties.pageSetUpPr.fitToPage = True
    return workbook


def upload_template_workbook(headings: list[str], rows) -> Workbook:
    """A sheet to fill in and upload: headings the upload recognises, one row each."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Upload")
    write_table(sheet, 1, headings, rows, widths=[36, 14, 24, 14, 30])
    return workbook
