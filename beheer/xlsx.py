"""Shared parts of the Excel workbooks the MT receives.

Every cell is written through `set_cell`, which follows `beheer.cells`: user text
starting with = + - @ (or a tab/carriage return) is stored as a text cell with Excel's
quote prefix, so it shows and reads back exactly as typed but is never evaluated, and
control characters (which no xlsx can hold) are dropped. A moment in time is written
as the local time the users live in (Excel knows no time zones): a tick at 11:28 in
Amsterdam shows 11:28, not the 10:28 the database stores in UTC.

Every sheet gets `print_setup`: it prints on A4 as it is, in the orientation that
fits, as wide as the page, with its title rows on every page and a footer with the
organisation, the date, the version and "page X of Y". The texts are set at
BODY_SIZE and SMALL_SIZE points, and the widths chosen, so that what the MT prints
is never smaller than 8 pt (tests/home/test_print.py converts every workbook with
LibreOffice and measures).
"""

import math
from copy import copy
from dataclasses import dataclass
from datetime import date, datetime
from io import BytesIO
from weakref import WeakKeyDictionary

from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from beheer import cells

BODY_SIZE = 10
SMALL_SIZE = 9
# Named on every font: a font without a name prints in the reader's fallback font
# (a wide serif in LibreOffice), which no width here was chosen for.
FONT_NAME = "Calibri"


def font(**styles) -> Font:
    return Font(name=FONT_NAME, **styles)


HEADER_FILL = PatternFill("solid", fgColor="0F4C81")
HEADER_FONT = font(bold=True, color="FFFFFF", size=BODY_SIZE)
TITLE_FONT = font(bold=True, size=14)
BODY_FONT = font(size=BODY_SIZE)
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DATE_FORMAT = "dd-mm-yyyy"
DATETIME_FORMAT = "dd-mm-yyyy hh:mm"

# What fits across A4 within the margins of print_setup without shrinking the text,
# in Excel's column-width units (a digit of 11 pt Calibri, about 7 px), less a few
# pixels of padding per column: measured on LibreOffice's print.
PAGE_WIDTH_UNITS = {"portrait": 98, "landscape": 140}


def set_cell(sheet: Worksheet, row: int, column: int, value):
    """Write `value` into a cell as data, never as a formula; return the cell."""
    cell = sheet.cell(row=row, column=column)
    value = cells.xlsx_value(value)
    if isinstance(value, datetime):
        if timezone.is_aware(value):
            value = timezone.make_naive(value)  # the current (local) time zone
        cell.number_format = DATETIME_FORMAT
    elif isinstance(value, date):
        cell.number_format = DATE_FORMAT
    cell.value = "" if value is None else value
    if isinstance(value, str) and cells.is_formula_like(value):
        cell.data_type = "s"
        cell.quotePrefix = True
    return cell


def _footer_text(text: str) -> str:
    # In a header or footer "&" starts a code (&P is the page number): "&&" is an "&".
    return text.replace("&", "&&")


def print_setup(
    sheet: Worksheet,
    *,
    organisation: str,
    version: str = "",
    landscape: bool = False,
    title_rows: str | None = None,
) -> None:
    """Print set-up for A4: orientation, as wide as the page, `title_rows`
    ("5:7") repeated on every page, and the footer the MT files it by."""
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.orientation = "landscape" if landscape else "portrait"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0  # as many pages down as it takes
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.page_margins.left = sheet.page_margins.right = 0.3
    sheet.page_margins.top = 0.5
    sheet.page_margins.bottom = 0.7
    sheet.page_margins.header = 0.25
    sheet.page_margins.footer = 0.3
    if title_rows:
        sheet.print_title_rows = title_rows
    today = timezone.localdate().strftime("%d-%m-%Y")
    left = " · ".join(part for part in (_footer_text(organisation), today) if part)
    centre = " · ".join(part for part in ("&A", _footer_text(version)) if part)
    footer = sheet.oddFooter
    footer.left.text, footer.center.text = left, centre
    footer.right.text = _("page &P of &N")
    for part in (footer.left, footer.center, footer.right):
        part.size = SMALL_SIZE


def text_lines(text: str, width: float, size: float = BODY_SIZE) -> int:
    """How many lines `text` takes when wrapped in a column `width` units wide, at
    `size` points. A width unit is one digit of 11 pt Calibri; Dutch text averages
    narrower, about 1.3 characters per unit at 10 pt (measured on LibreOffice's
    print of the demo's matrix, with Carlito, Calibri's metric twin)."""
    per_line = max(1, int((width - 0.5) * 13 / size))
    total = 0
    for paragraph in str(text).split("\n"):
        lines, length = 1, 0
        for word in paragraph.split():
            if length and length + 1 + len(word) > per_line:
                lines, length = lines + 1, 0
            length = length + 1 + len(word) if length else len(word)
            while length > per_line:  # a word longer than the line breaks anywhere
                lines, length = lines + 1, length - per_line
        total += lines
    return total


def row_height(lines: int, size: float = BODY_SIZE) -> float:
    """The height in points of a row that shows `lines` lines of text."""
    return math.ceil(lines * size * 1.25 + 3)


def fit_row_heights(sheet: Worksheet, first_row: int, last_row: int, size=BODY_SIZE) -> None:
    """Give every row from `first_row` to `last_row` the height its wrapped text
    needs: Excel does not grow a row by itself when a file is opened, so a long
    text would otherwise be cut off or run over the next row when printed."""
    widths = {
        letter: (dimension.width or 8.43)
        for letter, dimension in sheet.column_dimensions.items()
        if not dimension.hidden
    }
    for row in sheet.iter_rows(min_row=first_row, max_row=last_row):
        lines = 1
        for cell in row:
            if cell.value in (None, "") or not isinstance(cell.value, str):
                continue
            width = widths.get(cell.column_letter, 8.43)
            font_size = (cell.font.sz or size) if cell.has_style else size
            if cell.has_style and cell.font.b:
                font_size *= 1.1  # bold is wider
            lines = max(lines, text_lines(cell.value, width, font_size))
        if lines > 1:
            sheet.row_dimensions[row[0].row].height = row_height(lines, size)


def write_title(sheet: Worksheet, title: str, subtitle_lines: list[str]) -> int:
    """Write a title block; return the next free row."""
    set_cell(sheet, 1, 1, title).font = TITLE_FONT
    for offset, line in enumerate(subtitle_lines, start=2):
        set_cell(sheet, offset, 1, line).font = BODY_FONT
    return len(subtitle_lines) + 3


@dataclass(frozen=True)
class GroupRow:
    """A row of write_table that heads a group ("Kanalen", a risk rule): its title
    once, across the row, instead of the same value repeated in every row."""

    title: str


GROUP_FILL = PatternFill("solid", fgColor="DCE4EE")
GROUP_FONT = font(bold=True, size=BODY_SIZE + 1, color="1D2733")

# Where write_table put its table on a sheet: (heading row, last row), for print_ready.
_tables: "WeakKeyDictionary[Worksheet, tuple[int, int]]" = WeakKeyDictionary()


def write_table(sheet: Worksheet, first_row: int, headers: list[str], rows, widths=None) -> int:
    """Write a header row and data rows (a GroupRow heads a group); freeze the
    header; return the next free row. Text wraps within the column widths; the
    rows get their heights when the workbook is made ready to print."""
    styles = StyleCache()
    for column, header in enumerate(headers, start=1):
        cell = set_cell(sheet, first_row, column, str(header))
        styles.apply(
            cell,
            "header",
            fill=HEADER_FILL,
            font=HEADER_FONT,
            alignment=Alignment(vertical="bottom", wrap_text=True),
        )
    top_wrapped = Alignment(vertical="top", wrap_text=True)
    row_number = first_row
    for row_number, row in enumerate(rows, start=first_row + 1):
        if isinstance(row, GroupRow):
            styles.apply(
                set_cell(sheet, row_number, 1, row.title), "group", font=GROUP_FONT, fill=GROUP_FILL
            )
            for column in range(2, len(headers) + 1):
                rest = sheet.cell(row=row_number, column=column)
                styles.apply(rest, "group-rest", fill=GROUP_FILL)
            continue
        for column, value in enumerate(row, start=1):
            cell = set_cell(sheet, row_number, column, value)
            # The number format is part of the copied style: one entry per format.
            styles.apply(cell, ("body", cell.number_format), alignment=top_wrapped, font=BODY_FONT)
    sheet.freeze_panes = sheet.cell(row=first_row + 1, column=1)
    if row_number > first_row:
        sheet.auto_filter.ref = f"A{first_row}:{get_column_letter(len(headers))}{row_number}"
    for column, width in enumerate(widths or [], start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width
    _tables[sheet] = (first_row, row_number)
    return row_number + 1


def _column_widths(sheet: Worksheet) -> dict[str, float]:
    last = sheet.max_column
    return {
        get_column_letter(column): sheet.column_dimensions[get_column_letter(column)].width or 8.43
        for column in range(1, last + 1)
        if not sheet.column_dimensions[get_column_letter(column)].hidden
    }


def _charts_below(sheet: Worksheet) -> None:
    """A chart beside a table makes the page too wide to print at a readable
    size: below the table it fits the width of the page."""
    last_row = sheet.max_row
    for chart in sheet._charts:
        anchor = chart.anchor if isinstance(chart.anchor, str) else None
        if anchor and not anchor.startswith("A"):
            chart.anchor = f"A{last_row + 2}"
            last_row += 2


def print_ready(workbook: Workbook, *, organisation: str, version: str = "") -> None:
    """Make every sheet print as it is, unless its writer set it up already (the
    matrix): portrait when the columns fit across A4, landscape otherwise; a sheet
    wider than landscape has its wide text columns narrowed (its text wraps into
    more lines) rather than its print shrunk below a readable size; the table's
    heading row on every page; rows as high as their wrapped text."""
    for sheet in workbook.worksheets:
        if sheet.oddFooter.right.text:
            continue
        _charts_below(sheet)
        widths = _column_widths(sheet)
        total = sum(widths.values())
        landscape = total > PAGE_WIDTH_UNITS["portrait"]
        room = PAGE_WIDTH_UNITS["landscape"]
        if total > room:
            wide = {letter: width for letter, width in widths.items() if width > 12}
            narrow = total - sum(wide.values())
            factor = max(0.3, (room - narrow) / sum(wide.values())) if wide else 1
            for letter, width in wide.items():
                sheet.column_dimensions[letter].width = round(width * factor, 1)
        table = _tables.get(sheet)
        if table is not None:
            fit_row_heights(sheet, table[0], table[1])
        title_rows = f"{table[0]}:{table[0]}" if table else None
        print_setup(
            sheet,
            organisation=organisation,
            version=version,
            landscape=landscape,
            title_rows=title_rows,
        )


def xlsx_response(workbook: Workbook, filename: str, *, version: str = "") -> HttpResponse:
    """The workbook as a download, made ready to print (print_ready)."""
    from beheer.cache import cached
    from beheer.models import OrganisationSettings

    organisation = cached("organisation-settings", OrganisationSettings.load, scopes=("register",))
    print_ready(workbook, organisation=organisation.name, version=version)
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
