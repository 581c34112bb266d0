"""The backlog as an Excel workbook, for the stuurgroep."""

from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook

from beheer.xlsx import write_table, write_title


def backlog_workbook(wishes, *, organisation: str, today, filtered: bool, base_url: str):
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Wishes")[:31]
    row = write_title(
        sheet,
        _("Wishes and change requests"),
        [
            organisation,
            _("Date: %(date)s") % {"date": today.strftime("%d-%m-%Y")},
            _("%(count)s wishes") % {"count": len(wishes)}
            + (" (" + _("filtered") + ")" if filtered else ""),
        ],
    )
    rows = []
    for wish in wishes:
        planned = ""
        if wish.release_id:
            planned = str(wish.release)
        elif wish.planned_for:
            planned = _("Configuration work, %(date)s") % {
                "date": wish.planned_for.strftime("%d-%m-%Y")
            }
        rows.append(
            (
                wish.pk,
                str(wish.component),
                wish.title,
                wish.get_status_display(),
                wish.get_priority_display() if wish.priority else "",
                wish.get_urgency_display(),
                str(wish.service_process or ""),
                timezone.localtime(wish.submitted_at).date(),
                (wish.submitted_by.get_full_name() or wish.submitted_by.get_username())
                if wish.submitted_by
                else "",
                planned,
                wish.lead_time_days,
                wish.description,
                wish.reason,
                wish.rejection_reason,
                base_url + wish.get_absolute_url(),
            )
        )
    write_table(
        sheet,
        row,
        [
            _("No."),
            _("Component"),
            _("Wish"),
            _("Status"),
            _("Priority"),
            _("Urgency"),
            _("Service process"),
            _("Submitted"),
            _("Submitted by"),
            _("Planned"),
            _("Lead time (days)"),
            _("What should change"),
            _("Why"),
            _("Reason for rejecting"),
            _("Link"),
        ],
        rows,
        widths=[7, 20, 40, 15, 18, 11, 22, 12, 20, 24, 10, 50, 40, 30, 40],
    )
    for cells in sheet.iter_rows(min_row=row + 1, min_col=8, max_col=8):
        cells[0].number_format = "DD-MM-YYYY"
    sheet.print_title_rows = f"{row}:{row}"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    # "&" starts a code in a header or footer (&P: the page number).
    sheet.oddFooter.left.text = f"{organisation.replace('&', '&&')} · {today:%d-%m-%Y}"
    sheet.oddFooter.right.text = _("Page &P of &N")
    return workbook
