"""Shared parts of the Excel workbooks the MT receives.

Every cell is written through `set_cell`, which follows `beheer.cells`: user text
starting with = + - @ (or a tab/carriage return) is stored as a text cell with Excel's
quote prefix, so it shows and reads back exactly as typed but is never evaluated, and
control characters (which no xlsx can hold) are dropped.
"""

from copy import copy
from io import BytesIO

from django.http import HttpResponse
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from beheer import cells

HEADER_FILL = PatternFill("solid", fgColor="0F4C81")
HEADER_FONT = Font(bold=True, color="FFFFFF")
TITLE_FONT = Font(bold=True, size=14)
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def set_cell(sheet: Worksheet, row: int, column: int, value):
    """Write `value` into a cell as data, never as a formula; return the cell."""
    cell = sheet.cell(row=row, column=column)
    value = cells.xlsx_value(value)
    cell.value = "" if value is None else value
    if isinstance(value, str) and cells.is_formula_like(value):
        cell.data_type = "s"
        cell.quotePrefix = True
    return cell


def write_title(sheet: Worksheet, title: str, subtitle_lines: list[str]) -> int:
    """Write a title block; return the next free row."""
    set_cell(sheet, 1, 1, title).font = TITLE_FONT
    for offset, line in enumerate(subtitle_lines, start=2):
        set_cell(sheet, offset, 1, line)
    return len(subtitle_lines) + 3


def write_table(sheet: Worksheet, first_row: int, headers: list[str], rows, widths=None) -> int:
    """Write a header row and data rows; freeze the header; return the next free row."""
    for column, header in enumerate(headers, start=1):
        cell = set_cell(sheet, first_row, column, str(header))
        cell.fill = HEADER_FILL
        cell.font = HEADER_FONT
    row_number = first_row
    for row_number, row in enumerate(rows, start=first_row + 1):
        for column, value in enumerate(row, start=1):
            cell = set_cell(sheet, row_number, column, value)
            cell.alignment = Alignment(vertical="top", wrap_text=True)
    sheet.freeze_panes = sheet.cell(row=first_row + 1, column=1)
    if row_number > first_row:
        sheet.auto_filter.ref = f"A{first_row}:{get_column_letter(len(headers))}{row_number}"
    for column, width in enumerate(widths or [], start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width
    return row_number + 1


def xlsx_response(workbook: Workbook, filename: str) -> HttpResponse:
    buffer = BytesIO()
    workbook.save(buffer)
    response = HttpResponse(buffer.getvalue(), content_type=XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


class StyleCache:
    """Apply the same set of styles to many cells cheaply.

    openpyxl looks every style up in the workbook's tables on each assignment,
    which dominates writing thousands of styled cells. The first cell of each
    kind is styled normally; the others copy its resolved style array.
    """

    def __init__(self):
        self._arrays = {}

    def apply(self, cell, key, **styles):
        # The quote prefix that keeps "=..." text lives in the style array too.
        key = (key, bool(cell.quotePrefix))
        array = self._arrays.get(key)
        if array is None:
            for name, value in styles.items():
                setattr(cell, name, value)
            self._arrays[key] = copy(cell._style)
        else:
            cell._style = copy(array)
        return cell
