"""The beheermatrix as a designed Excel workbook for the MT, built from a snapshot.

Layout of the sheet "Beheermatrix" (the import relies on it):
  rows 1-4   title; version (adoption date), organisation and date; legend; note
  row 5      holders of each role
  row 6      hidden keys: "role:<id>" per role column, KEY_MARKER in column A
  row 7      column headings (the autofilter row)
  row 8-     per theme a header row (the theme in column B, nothing else), then
             one row per task; column A holds the hidden key "activity:<id>"
  columns    A key, B theme, C task, D component, E check, F.. one per role

A task row leaves its theme out: the header row above it says it once (the import
keeps a task's theme when column B is empty; a new task gets one typed in B).

Printed (A4 landscape, as wide as the page), a matrix of 16 roles fits across
one page at 100 %: narrow role columns with the names turned upright, the task
text wrapped in rows as high as it needs, the column headings on every page.
"""

import math

from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.formatting.rule import CellIsRule
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from beheer.models import Role
from beheer.xlsx import (
    BODY_FONT,
    BODY_SIZE,
    HEADER_FILL,
    HEADER_FONT,
    SMALL_SIZE,
    TITLE_FONT,
    StyleCache,
    fit_row_heights,
    font,
    print_setup,
    row_height,
    set_cell,
    text_lines,
)
from matrix.models import Right
from matrix.selectors import CODES, ROW_PROBLEMS, row_problems

SHEET = "Beheermatrix"
KEY_MARKER = "beheermatrix-sleutels"
RIGHTS_SHEET = "Autorisaties"
RIGHTS_KEY_MARKER = "autorisaties-sleutels"
GRANT_MARK = "X"
HOLDER_ROW, KEY_ROW, HEADER_ROW, FIRST_ROW = 5, 6, 7, 8
KEY_COL, THEME_COL, TASK_COL, COMPONENT_COL, CHECK_COL, FIRST_ROLE_COL = 1, 2, 3, 4, 5, 6

CODE_FILLS = {
    "R": ("1D6B3A", "FFFFFF"),
    "A": ("0F4C81", "FFFFFF"),
    "C": ("F2C94C", "1D2733"),
    "I": ("D9DEE4", "1D2733"),
}
INVALID_FILL = PatternFill("solid", fgColor="F8D7DA")
GROUP_FILL = PatternFill("solid", fgColor="DCE4EE")
GROUP_FONT = font(bold=True, size=BODY_SIZE + 1, color="1D2733")
# Column widths (Excel units, about one character each). Role columns are narrow,
# with the role names turned upright: 16 of them and the task text fit across A4.
WIDTHS = {"B": 2, "C": 36, "D": 16, "E": 11}
ROLE_WIDTH = 4.3
HOLDER_SIZE = SMALL_SIZE
THIN = Side(style="thin", color="C8CFD8")
GRID_BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)


def _fill(code: str) -> PatternFill:
    return PatternFill("solid", fgColor=CODE_FILLS[code][0])


def _font(code: str) -> Font:
    return font(bold=True, color=CODE_FILLS[code][1], size=BODY_SIZE)


def code_meanings() -> dict[str, str]:
    return {
        "R": _("Responsible: does the work."),
        "A": _("Accountable: answers for the result; exactly one per task."),
        "C": _("Consulted: is asked for advice beforehand."),
        "I": _("Informed: is told about the outcome."),
    }


def version_label(version) -> str:
    """What the workbook is a print of: an adopted version (with its adoption
    date), or the current matrix, a draft until the MT adopts it."""
    if version is None:
        return _("Draft: the current matrix, not adopted")
    return _("Adopted version %(number)s, adopted on %(date)s") % {
        "number": version.pk,
        "date": version.adopted_on.strftime("%d-%m-%Y"),
    }


def matrix_workbook(snapshot: dict, *, organisation: str, version=None) -> Workbook:
    workbook = Workbook()
    workbook.properties.title = _("Management matrix")
    workbook.properties.creator = "Beheerorganisatie"
    printed = {"organisation": organisation, "version": version_label(version)}
    _matrix_sheet(workbook.active, snapshot, organisation, version)
    # Sheet names are fixed, in Dutch, whatever the language: the MT and the
    # import refer to them.
    _occupation_sheet(workbook.create_sheet("Bezetting"), snapshot, printed)
    _people_sheet(workbook.create_sheet("Personen"), snapshot, printed)
    _rights_sheet(workbook.create_sheet(RIGHTS_SHEET), snapshot, organisation, version)
    _rights_per_person_sheet(workbook.create_sheet("Rechten per persoon"), snapshot, printed)
    _explanation_sheet(workbook.create_sheet("Toelichting"), printed)
    return workbook


def _people_names(people: list[dict]) -> str:
    return ", ".join(
        p["name"] + (" (" + _("external") + ")" if p["external"] else "") for p in people
    )


def _title_block(sheet, title: str, organisation: str, version, legend: str) -> None:
    set_cell(sheet, 1, THEME_COL, title).font = TITLE_FONT
    today = timezone.localdate()
    subtitle = " · ".join(
        part for part in (version_label(version), organisation, f"{today:%d-%m-%Y}") if part
    )
    set_cell(sheet, 2, THEME_COL, subtitle).font = font(bold=True, size=BODY_SIZE)
    # The legend wraps within the columns left of the roles; the codes follow in
    # the role columns.
    legend_cell = set_cell(sheet, 3, THEME_COL, _("Legend:") + " " + legend)
    legend_cell.font = font(size=SMALL_SIZE)
    legend_cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.merge_cells(start_row=3, start_column=THEME_COL, end_row=3, end_column=CHECK_COL)
    width = sum(WIDTHS.values())
    sheet.row_dimensions[3].height = row_height(text_lines(legend_cell.value, width, SMALL_SIZE))
    if version is not None and version.note:
        note = set_cell(sheet, 4, THEME_COL, version.note)
        note.font = font(italic=True, size=SMALL_SIZE)
        note.alignment = Alignment(wrap_text=True, vertical="top")
        sheet.merge_cells(start_row=4, start_column=THEME_COL, end_row=4, end_column=CHECK_COL)
        sheet.row_dimensions[4].height = row_height(text_lines(version.note, width, SMALL_SIZE))


def _wrapped(text: str, length: int) -> int:
    """The number of lines `text` takes wrapped at `length` characters."""
    lines, used = 1, 0
    for word in str(text).split():
        if used and used + 1 + len(word) > length:
            lines, used = lines + 1, 0
        used = used + 1 + len(word) if used else len(word)
    return lines


def _upright_height(texts, size: float) -> float:
    """The height in points of a row of upright texts in the narrow role columns:
    each text wrapped into the lines that fit side by side in the column."""
    column_points = (ROLE_WIDTH * 7 + 5) * 0.75  # Excel's width units to pixels to points
    across = max(1, int(column_points // (size * 1.2)))
    longest = 1
    for text in texts:
        length = max((len(word) for word in str(text).split()), default=1)
        while _wrapped(text, length) > across:
            length += 1
        longest = max(longest, length)
    # About half an em per character, and a little room at either end.
    return min(170, math.ceil(longest * size * 0.5 + 8))


def _role_header(sheet, roles: list[dict], marker: str, headings: dict[int, str]) -> int:
    """Holders, hidden keys and column headings above a grid; return the last column."""
    last_col = FIRST_ROLE_COL + len(roles) - 1
    set_cell(sheet, KEY_ROW, KEY_COL, marker)
    for column, heading in headings.items():
        set_cell(sheet, HEADER_ROW, column, heading)
    holders_label = set_cell(sheet, HOLDER_ROW, TASK_COL, _("Holders (deputies)"))
    holders_label.alignment = Alignment(horizontal="right", vertical="bottom")
    holders_label.font = font(italic=True, size=SMALL_SIZE)
    upright = Alignment(textRotation=90, wrap_text=True, vertical="bottom", horizontal="center")
    holder_font = font(size=HOLDER_SIZE, italic=True)
    holder_texts = []
    for index, role in enumerate(roles):
        column = FIRST_ROLE_COL + index
        set_cell(sheet, KEY_ROW, column, f"role:{role['id']}")
        set_cell(sheet, HEADER_ROW, column, role["name"])
        holders = _people_names(role["holders"]) or _("vacant")
        if role["deputies"]:
            holders += f" ({_people_names(role['deputies'])})"
        holder_cell = set_cell(sheet, HOLDER_ROW, column, holders)
        holder_cell.alignment, holder_cell.font = upright, holder_font
        holder_texts.append(holders)
        sheet.column_dimensions[get_column_letter(column)].width = ROLE_WIDTH
    for column in range(KEY_COL, last_col + 1):
        cell = sheet.cell(row=HEADER_ROW, column=column)
        cell.fill, cell.font = HEADER_FILL, HEADER_FONT
        if column >= FIRST_ROLE_COL:
            cell.alignment = upright
        else:
            cell.alignment = Alignment(wrap_text=True, vertical="bottom", horizontal="left")
    sheet.row_dimensions[HEADER_ROW].height = max(
        30, _upright_height([role["name"] for role in roles], BODY_SIZE)
    )
    sheet.row_dimensions[HOLDER_ROW].height = max(20, _upright_height(holder_texts, HOLDER_SIZE))
    sheet.row_dimensions[KEY_ROW].hidden = True
    sheet.column_dimensions["A"].hidden = True
    for letter, width in WIDTHS.items():
        sheet.column_dimensions[letter].width = width
    return last_col


def _finish_grid(
    sheet, last_col: int, last_row: int, values: dict[str, tuple], error: str, printed: dict
):
    """Drop-down of the allowed values, colours that follow edits, filter, print set-up."""
    if last_col >= FIRST_ROLE_COL:
        value_range = (
            f"{get_column_letter(FIRST_ROLE_COL)}{FIRST_ROW}:"
            f"{get_column_letter(last_col)}{last_row + 200}"
        )
        validation = DataValidation(
            type="list",
            formula1='"' + ",".join(values) + '"',
            allow_blank=True,
            showErrorMessage=True,
            error=error,
        )
        validation.add(value_range)
        sheet.add_data_validation(validation)
        # Colours follow the value when the MT edits a cell in Excel.
        for value, (fill, font) in values.items():
            sheet.conditional_formatting.add(
                value_range,
                CellIsRule(operator="equal", formula=[f'"{value}"'], fill=fill, font=font),
            )
    sheet.freeze_panes = sheet.cell(row=FIRST_ROW, column=FIRST_ROLE_COL)
    sheet.auto_filter.ref = f"A{HEADER_ROW}:{get_column_letter(max(last_col, CHECK_COL))}{last_row}"
    # The column headings on every page; the holders once, on the first.
    print_setup(sheet, landscape=True, title_rows=f"{HEADER_ROW}:{HEADER_ROW}", **printed)


def _group_row(sheet, row: int, last_col: int, title: str, styles: StyleCache) -> None:
    """A header row for a theme (or a component): the title once, in column B,
    across the row; the import passes over it (no key, no task, no codes)."""
    styles.apply(set_cell(sheet, row, THEME_COL, title), "group", font=GROUP_FONT, fill=GROUP_FILL)
    for column in range(TASK_COL, last_col + 1):
        styles.apply(sheet.cell(row=row, column=column), "group-rest", fill=GROUP_FILL)
    sheet.row_dimensions[row].height = row_height(1, BODY_SIZE + 1)


def _text_row_height(sheet, row: int, texts: dict[str, str]) -> None:
    """As high as the longest wrapped text of the row (column letter -> text)."""
    lines = max(text_lines(text, WIDTHS[letter]) for letter, text in texts.items())
    if lines > 1:
        sheet.row_dimensions[row].height = row_height(lines)


def _matrix_sheet(sheet, snapshot, organisation, version):
    sheet.title = SHEET
    roles = snapshot["roles"]
    activities = snapshot["activities"]
    codes = snapshot["codes"]
    _title_block(
        sheet,
        _("Management matrix"),
        organisation,
        version,
        _("R = responsible, A = accountable, C = consulted, I = informed."),
    )
    for offset, code in enumerate(CODES):
        cell = set_cell(sheet, 3, FIRST_ROLE_COL + offset, code)
        cell.fill, cell.font = _fill(code), _font(code)
        cell.alignment = Alignment(horizontal="center", vertical="top")
    last_col = _role_header(
        sheet,
        roles,
        KEY_MARKER,
        {
            KEY_COL: _("key"),
            TASK_COL: _("Theme and task"),
            COMPONENT_COL: _("Component"),
            CHECK_COL: _("Check"),
        },
    )

    styles = StyleCache()
    top_wrapped = Alignment(wrap_text=True, vertical="top")
    centred = Alignment(horizontal="center", vertical="center")
    code_styles = {
        code: {
            "alignment": centred,
            "border": GRID_BORDER,
            "fill": _fill(code),
            "font": _font(code),
        }
        for code in CODES
    }
    role_ids = [str(role["id"]) for role in roles]
    row, theme = FIRST_ROW - 1, None
    for activity in activities:
        if activity["theme"] != theme:
            theme, row = activity["theme"], row + 1
            _group_row(sheet, row, last_col, theme, styles)
        row += 1
        row_codes = codes.get(str(activity["id"]), {})
        problems = row_problems(row_codes.values())
        set_cell(sheet, row, KEY_COL, f"activity:{activity['id']}")
        task = set_cell(sheet, row, TASK_COL, activity["title"])
        component = set_cell(sheet, row, COMPONENT_COL, activity["component"] or "")
        styles.apply(component, "text", alignment=top_wrapped, font=BODY_FONT)
        check_text = ", ".join(str(ROW_PROBLEMS[p]) for p in problems) or "OK"
        check = set_cell(sheet, row, CHECK_COL, check_text)
        if problems:
            styles.apply(
                task, "task-invalid", alignment=top_wrapped, font=BODY_FONT, fill=INVALID_FILL
            )
            styles.apply(
                check, "check-invalid", alignment=top_wrapped, font=BODY_FONT, fill=INVALID_FILL
            )
        else:
            styles.apply(task, "text", alignment=top_wrapped, font=BODY_FONT)
            styles.apply(check, "text", alignment=top_wrapped, font=BODY_FONT)
        _text_row_height(
            sheet, row, {"C": activity["title"], "D": activity["component"] or "", "E": check_text}
        )
        for column, role_id in enumerate(role_ids, start=FIRST_ROLE_COL):
            code = row_codes.get(role_id)
            # Empty cells are not written: most of the matrix is empty.
            if code:
                styles.apply(set_cell(sheet, row, column, code), code, **code_styles[code])
    _finish_grid(
        sheet,
        last_col,
        max(row, FIRST_ROW),
        {code: (_fill(code), _font(code)) for code in CODES},
        _("Choose R, A, C or I, or leave the cell empty."),
        {"organisation": organisation, "version": version_label(version)},
    )


def _rights_sheet(sheet, snapshot, organisation, version):
    """Rights × roles, laid out like the matrix sheet; X marks a grant."""
    roles = snapshot["roles"]
    granted = {
        (str(right_id), str(role_id))
        for right_id, role_ids in snapshot.get("grants", {}).items()
        for role_id in role_ids
    }
    _title_block(
        sheet,
        _("Authorisation matrix"),
        organisation,
        version,
        _("X = the role has the right."),
    )
    last_col = _role_header(
        sheet,
        roles,
        RIGHTS_KEY_MARKER,
        {
            KEY_COL: _("key"),
            TASK_COL: _("Component and right"),
            COMPONENT_COL: _("Sensitivity"),
            CHECK_COL: _("Holders"),
        },
    )
    sensitivities = dict(Right.Sensitivity.choices)
    styles = StyleCache()
    top_wrapped = Alignment(wrap_text=True, vertical="top")
    granted_style = {
        "alignment": Alignment(horizontal="center", vertical="center"),
        "border": GRID_BORDER,
        "fill": _fill("R"),
        "font": _font("R"),
    }
    row, component = FIRST_ROW - 1, None
    for right in snapshot.get("rights", []):
        if right["component"] != component:
            component, row = right["component"], row + 1
            _group_row(sheet, row, last_col, component, styles)
        row += 1
        set_cell(sheet, row, KEY_COL, f"right:{right['id']}")
        sensitivity = str(sensitivities.get(right["sensitivity"], ""))
        for column, value in ((TASK_COL, right["name"]), (COMPONENT_COL, sensitivity)):
            styles.apply(
                set_cell(sheet, row, column, value), "text", alignment=top_wrapped, font=BODY_FONT
            )
        _text_row_height(sheet, row, {"C": right["name"], "D": sensitivity})
        holders = set()
        for column, role in enumerate(roles, start=FIRST_ROLE_COL):
            if (str(right["id"]), str(role["id"])) in granted:
                styles.apply(set_cell(sheet, row, column, GRANT_MARK), "x", **granted_style)
                holders |= {p["name"] for p in role["holders"] + role["deputies"]}
        styles.apply(
            set_cell(sheet, row, CHECK_COL, len(holders)),
            "number",
            alignment=Alignment(horizontal="right", vertical="top"),
            font=BODY_FONT,
        )
    _finish_grid(
        sheet,
        last_col,
        max(row, FIRST_ROW),
        {GRANT_MARK: (_fill("R"), _font("R"))},
        _("Type X to grant the right, or leave the cell empty."),
        {"organisation": organisation, "version": version_label(version)},
    )


def _list_sheet(sheet, headers, rows, widths, printed: dict, *, landscape: bool) -> None:
    """A plain list: a heading row (repeated on every printed page), wrapped text
    in rows as high as it needs, a filter, and the print set-up."""
    for column, header in enumerate(headers, start=1):
        cell = set_cell(sheet, 1, column, header)
        cell.fill, cell.font = HEADER_FILL, HEADER_FONT
        cell.alignment = Alignment(wrap_text=True, vertical="bottom")
    styles, top_wrapped = StyleCache(), Alignment(wrap_text=True, vertical="top")
    row = 1
    for row, values in enumerate(rows, start=2):
        for column, value in enumerate(values, start=1):
            cell = set_cell(sheet, row, column, value)
            styles.apply(cell, "cell", alignment=top_wrapped, font=BODY_FONT)
    for column, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width
    fit_row_heights(sheet, 1, row)
    sheet.freeze_panes = "B2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(headers))}{max(row, 2)}"
    print_setup(sheet, landscape=landscape, title_rows="1:1", **printed)


def _rights_per_person_sheet(sheet, snapshot, printed: dict):
    rights = {str(r["id"]): r for r in snapshot.get("rights", [])}
    people: dict[str, list[str]] = {}
    for right_id, role_ids in snapshot.get("grants", {}).items():
        right = rights.get(str(right_id))
        if right is None:
            continue
        holding = {str(role_id) for role_id in role_ids}
        for role in snapshot["roles"]:
            if str(role["id"]) in holding:
                for person in role["holders"] + role["deputies"]:
                    people.setdefault(person["name"], []).append(
                        f"{right['component']}: {right['name']} ({role['name']})"
                    )
    _list_sheet(
        sheet,
        [_("Person"), _("Rights (through role)")],
        [(name, "\n".join(sorted(set(held)))) for name, held in sorted(people.items())],
        (24, 74),
        printed,
        landscape=False,
    )


def _occupation_sheet(sheet, snapshot, printed: dict):
    headers = [_("Role"), _("Kind"), _("Component"), _("Holders"), _("Deputies"), _("Knowledge")]
    kinds = dict(Role.Kind.choices)
    rows = []
    for role in snapshot["roles"]:
        people = role["holders"] + role["deputies"]
        if not role["holders"]:
            knowledge = _("vacant")
        elif all(p["external"] for p in people):
            knowledge = _("external only")
        elif not role["deputies"]:
            knowledge = _("no deputy")
        else:
            knowledge = _("secured")
        rows.append(
            [
                role["name"],
                str(kinds.get(role["kind"], role["kind"])),
                role["component"] or "",
                _people_names(role["holders"]),
                _people_names(role["deputies"]),
                knowledge,
            ]
        )
    _list_sheet(sheet, headers, rows, (26, 17, 18, 31, 31, 14), printed, landscape=True)


def _people_sheet(sheet, snapshot, printed: dict):
    titles = {str(a["id"]): a["title"] for a in snapshot["activities"]}
    # role id -> code -> task titles, in one pass over the codes.
    tasks_by_role: dict[str, dict[str, list[str]]] = {}
    for activity_id, row in snapshot["codes"].items():
        if activity_id in titles:
            for role_id, code in row.items():
                tasks_by_role.setdefault(role_id, {}).setdefault(code, []).append(
                    titles[activity_id]
                )
    deputy = " (" + _("deputy") + ")"
    # Each role's task list is joined once, as holder and as deputy: one task a line.
    texts = {
        (role_id, code, suffix): "\n".join(title + suffix for title in task_titles)
        for role_id, by_code in tasks_by_role.items()
        for code, task_titles in by_code.items()
        for suffix in ("", deputy)
    }
    people: dict[str, dict] = {}
    for role in snapshot["roles"]:
        role_id = str(role["id"])
        for suffix, group in (("", role["holders"]), (deputy, role["deputies"])):
            for person in group:
                entry = people.setdefault(
                    person["name"],
                    {"external": person["external"], "roles": [], "codes": {c: [] for c in CODES}},
                )
                entry["roles"].append(role["name"] + suffix)
                for code in tasks_by_role.get(role_id, {}):
                    entry["codes"][code].append(texts[(role_id, code, suffix)])
    headers = [_("Person"), _("Internal or external"), _("Roles"), "R", "A", "C", "I"]
    rows = [
        [
            name,
            _("External") if entry["external"] else _("Internal"),
            "\n".join(entry["roles"]),
            *["\n".join(entry["codes"][code]) for code in CODES],
        ]
        for name, entry in sorted(people.items())
    ]
    _list_sheet(sheet, headers, rows, (16, 8, 21, 27, 27, 20, 20), printed, landscape=True)


def _explanation_sheet(sheet, printed: dict):
    set_cell(sheet, 1, 1, _("How to read and edit this workbook")).font = TITLE_FONT
    lines = [
        *[f"{code}: {meaning}" for code, meaning in code_meanings().items()],
        "",
        _("Rules: every task has exactly one A and at least one R; a cell holds at most one code."),
        _(
            "You may change the codes in the sheet Beheermatrix (choose from the list) and add "
            "tasks in empty rows below the last task (theme and task filled in)."
        ),
        _(
            "Do not change the hidden column A and the hidden row 6: they link the rows and "
            "columns to the application."
        ),
        _(
            "Upload the workbook in the application (Beheermatrix → Import). You see every "
            "change before anything is saved; a file with errors changes nothing."
        ),
    ]
    wrapped = Alignment(wrap_text=True, vertical="top")
    for row, line in enumerate(lines, start=3):
        cell = set_cell(sheet, row, 1, line)
        cell.alignment, cell.font = wrapped, BODY_FONT
    for offset in range(len(CODES)):
        sheet.cell(row=3 + offset, column=1).font = font(bold=True, size=BODY_SIZE)
    sheet.column_dimensions["A"].width = 95
    fit_row_heights(sheet, 3, 2 + len(lines))
    print_setup(sheet, landscape=False, **printed)
