"""The factor checklist and the KPI table as an Excel workbook for the MT."""

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import PatternFill

from beheer.xlsx import GroupRow, write_table, write_title
from kpi.services import Status

STATUS_FILLS = {
    Status.ON_TRACK: PatternFill("solid", fgColor="C8E6C9"),
    Status.AT_RISK: PatternFill("solid", fgColor="FFE0B2"),
    Status.OFF_TRACK: PatternFill("solid", fgColor="FFCDD2"),
    Status.NO_DATA: PatternFill("solid", fgColor="E0E0E0"),
}


def _actions_text(actions, today) -> str:
    """A factor's open actions from the register, one a line."""
    lines = []
    for action in actions:
        due = ""
        if action.due_date:
            due = (
                _("overdue since %(date)s") if action.due_date < today else _("due %(date)s")
            ) % {"date": action.due_date.strftime("%d-%m-%Y")}
        owner = str(action.owner) if action.owner else ""
        extra = ", ".join(part for part in (owner, due) if part)
        lines.append(f"{action.title} ({extra})" if extra else action.title)
    return "\n".join(lines)


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
        # The theme once, as the head of its factors.
        factor_rows.append(GroupRow(f"{theme.label} ({theme.percent}%)"))
        for state in theme.factors:
            review = state.latest
            factor_rows.append(
                (
                    state.factor.text("name"),
                    review.get_status_display() if review else _("Not reviewed yet"),
                    review.date if review else None,
                    str(review.owner) if review and review.owner else "",
                    review.evidence if review else "",
                    _actions_text(state.actions, today),
                )
            )
    write_table(
        factors,
        first,
        [
            _("Factor"),
            _("Status"),
            _("Reviewed on"),
            _("Owner"),
            _("Evidence"),
            _("Open actions"),
        ],
        factor_rows,
        widths=[28, 14, 11, 17, 36, 32],
    )

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
        widths=[26, 12, 9, 10, 8, 9, 6, 12, 8, 10, 14, 16],
    )
    for offset, row in enumerate(rows, start=first + 1):
        table.cell(row=offset, column=2).fill = STATUS_FILLS[row.status]
    return workbook


def upload_template_workbook(headings: list[str], rows) -> Workbook:
    """A sheet to fill in and upload: headings the upload recognises, one row each."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Upload")
    write_table(sheet, 1, headings, rows, widths=[36, 14, 24, 14, 30])
    return workbook
