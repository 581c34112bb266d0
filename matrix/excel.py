"""The beheermatrix as a designed Excel workbook for the MT, built from a snapshot.

Layout of the sheet "Beheermatrix" (the import relies on it):
  rows 1-3   title, organisation, date and version, legend
  row 5      holders of each role
  row 6      hidden keys: "role:<id>" per role column, KEY_MARKER in column A
  row 7      column headings (the autofilter row)
  row 8-     one row per task; column A holds the hidden key "activity:<id>"
  columns    A key, B theme, C task, D component, E check, F.. one per role
"""

from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.formatting.rule import CellIsRule
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from beheer.models import Role
from beheer.xlsx import HEADER_FILL, HEADER_FONT, TITLE_FONT, StyleCache, set_cell
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
THIN = Side(style="thin", color="C8CFD8")
GRID_BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)


def _fill(code: str) -> PatternFill:
    return PatternFill("solid", fgColor=CODE_FILLS[code][0])


def _font(code: str) -> Font:
    return Font(bold=True, color=CODE_FILLS[code][1])


def code_meanings() -> dict[str, str]:
    return {
        "R": _("Responsible: does the work."),
        "A": _("Accountable: answers for the result; exactly one per task."),
        "C": _("Consulted: is asked for advice beforehand."),
        "I": _("Informed: is told about the outcome."),
    }


def matrix_workbook(snapshot: dict, *, organisation: str, version=None) -> Workbook:
    workbook = Workbook()
    workbook.properties.title = _("Management matrix")
    workbook.properties.creator = "Beheerorganisatie"
    _matrix_sheet(workbook.active, snapshot, organisation, version)
    # Sheet names are fixed, in Dutch, whatever the language: the MT and the
    # import refer to them.
    _occupation_sheet(workbook.create_sheet("Bezetting"), snapshot)
    _people_sheet(workbook.create_sheet("Personen"), snapshot)
    _rights_sheet(workbook.create_sheet(RIGHTS_SHEET), snapshot, organisation, version)
    _rights_per_person_sheet(workbook.create_sheet("Rechten per persoon"), snapshot)
    _explanation_sheet(workbook.create_sheet("Toelichting"))
    return workbook


def _people_names(people: list[dict]) -> str:
    return ", ".join(
        p["name"] + (" (" + _("external") + ")" if p["external"] else "") for p in people
    )


def _title_block(sheet, title: str, organisation: str, version, legend: str) -> None:
    set_cell(sheet, 1, THEME_COL, title).font = TITLE_FONT
    when = (
        _("Adopted version %(number)s of %(date)s")
        % {"number": version.pk, "date": version.adopted_on.strftime("%d-%m-%Y")}
        if version
        else _("Current matrix")
    )
    today = timezone.localdate()
    set_cell(sheet, 2, THEME_COL, f"{organisation} · {today:%d-%m-%Y} · {when}".strip(" ·"))
    set_cell(sheet, 3, THEME_COL, _("Legend:"))
    set_cell(sheet, 3, TASK_COL, legend)


def _role_header(sheet, roles: list[dict], marker: str, headings: dict[int, str]) -> int:
    """Holders, hidden keys and column headings above a grid; return the last column."""
    last_col = FIRST_ROLE_COL + len(roles) - 1
    set_cell(sheet, KEY_ROW, KEY_COL, marker)
    for column, heading in headings.items():
        set_cell(sheet, HEADER_ROW, column, heading)
    set_cell(sheet, HOLDER_ROW, TASK_COL, _("Holders (deputies)"))
    for index, role in enumerate(roles):
        column = FIRST_ROLE_COL + index
        set_cell(sheet, KEY_ROW, column, f"role:{role['id']}")
        set_cell(sheet, HEADER_ROW, column, role["name"])
        holders = _people_names(role["holders"]) or _("vacant")
        if role["deputies"]:
            holders += f" ({_people_names(role['deputies'])})"
        holder_cell = set_cell(sheet, HOLDER_ROW, column, holders)
        holder_cell.alignment = Alignment(wrap_text=True, vertical="bottom")
        holder_cell.font = Font(size=8, italic=True)
        sheet.column_dimensions[get_column_letter(column)].width = 11
    for column in range(KEY_COL, last_col + 1):
        cell = sheet.cell(row=HEADER_ROW, column=column)
        cell.fill, cell.font = HEADER_FILL, HEADER_FONT
        cell.alignment = Alignment(wrap_text=True, vertical="bottom", horizontal="center")
    sheet.row_dimensions[HEADER_ROW].height = 60
    sheet.row_dimensions[HOLDER_ROW].height = 45
    sheet.row_dimensions[KEY_ROW].hidden = True
    sheet.column_dimensions["A"].hidden = True
    sheet.column_dimensions["B"].width = 24
    sheet.column_dimensions["C"].width = 44
    sheet.column_dimensions["D"].width = 18
    sheet.column_dimensions["E"].width = 16
    return last_col


def _finish_grid(sheet, last_col: int, last_row: int, values: dict[str, tuple], error: str):
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
    sheet.print_title_rows = f"{HOLDER_ROW}:{HEADER_ROW}"
    sheet.print_title_cols = "B:C"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True


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
        cell.alignment = Alignment(horizontal="center")
    last_col = _role_header(
        sheet,
        roles,
        KEY_MARKER,
        {
            KEY_COL: _("key"),
            THEME_COL: _("Theme"),
            TASK_COL: _("Task"),
            COMPONENT_COL: _("Component"),
            CHECK_COL: _("Check"),
        },
    )

    styles = StyleCache()
    bold, wrap = Font(bold=True), Alignment(wrap_text=True)
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
    row = FIRST_ROW - 1
    for row, activity in enumerate(activities, start=FIRST_ROW):
        row_codes = codes.get(str(activity["id"]), {})
        problems = row_problems(row_codes.values())
        set_cell(sheet, row, KEY_COL, f"activity:{activity['id']}")
        styles.apply(set_cell(sheet, row, THEME_COL, activity["theme"]), "theme", font=bold)
        task = set_cell(sheet, row, TASK_COL, activity["title"])
        set_cell(sheet, row, COMPONENT_COL, activity["component"] or "")
        check = set_cell(
            sheet, row, CHECK_COL, ", ".join(str(ROW_PROBLEMS[p]) for p in problems) or "OK"
        )
        if problems:
            styles.apply(task, "task-invalid", alignment=wrap, fill=INVALID_FILL)
            styles.apply(check, "check-invalid", fill=INVALID_FILL)
        else:
            styles.apply(task, "task", alignment=wrap)
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
            THEME_COL: _("Component"),
            TASK_COL: _("Right"),
            COMPONENT_COL: _("Sensitivity"),
            CHECK_COL: _("Holders"),
        },
    )
    sensitivities = dict(Right.Sensitivity.choices)
    styles = StyleCache()
    granted_style = {
        "alignment": Alignment(horizontal="center"),
        "border": GRID_BORDER,
        "fill": _fill("R"),
        "font": _font("R"),
    }
    row = FIRST_ROW - 1
    for row, right in enumerate(snapshot.get("rights", []), start=FIRST_ROW):
        set_cell(sheet, row, KEY_COL, f"right:{right['id']}")
        styles.apply(set_cell(sheet, row, THEME_COL, right["component"]), "c", font=Font(bold=True))
        set_cell(sheet, row, TASK_COL, right["name"])
        set_cell(sheet, row, COMPONENT_COL, str(sensitivities.get(right["sensitivity"], "")))
        holders = set()
        for column, role in enumerate(roles, start=FIRST_ROLE_COL):
            if (str(right["id"]), str(role["id"])) in granted:
                styles.apply(set_cell(sheet, row, column, GRANT_MARK), "x", **granted_style)
                holders |= {p["name"] for p in role["holders"] + role["deputies"]}
        set_cell(sheet, row, CHECK_COL, len(holders))
    _finish_grid(
        sheet,
        last_col,
        max(row, FIRST_ROW),
        {GRANT_MARK: (_fill("R"), _font("R"))},
        _("Type X to grant the right, or leave the cell empty."),
    )


def _rights_per_person_sheet(sheet, snapshot):
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
    headers = [_("Person"), _("Rights (through role)")]
    for column, header in enumerate(headers, start=1):
        cell = set_cell(sheet, 1, column, header)
        cell.fill, cell.font = HEADER_FILL, HEADER_FONT
    top = Alignment(wrap_text=True, vertical="top")
    styles = StyleCache()
    for row, (name, held) in enumerate(sorted(people.items()), start=2):
        set_cell(sheet, row, 1, name)
        styles.apply(set_cell(sheet, row, 2, "\n".join(sorted(set(held)))), "cell", alignment=top)
    sheet.column_dimensions["A"].width = 28
    sheet.column_dimensions["B"].width = 90
    sheet.freeze_panes = "A2"


def _occupation_sheet(sheet, snapshot):
    headers = [_("Role"), _("Kind"), _("Component"), _("Holders"), _("Deputies"), _("Knowledge")]
    for column, header in enumerate(headers, start=1):
        cell = set_cell(sheet, 1, column, header)
        cell.fill, cell.font = HEADER_FILL, HEADER_FONT
    kinds = dict(Role.Kind.choices)
    for row, role in enumerate(snapshot["roles"], start=2):
        people = role["holders"] + role["deputies"]
        if not role["holders"]:
            knowledge = _("vacant")
        elif all(p["external"] for p in people):
            knowledge = _("external only")
        elif not role["deputies"]:
            knowledge = _("no deputy")
        else:
            knowledge = _("secured")
        values = [
            role["name"],
            str(kinds.get(role["kind"], role["kind"])),
            role["component"] or "",
            _people_names(role["holders"]),
            _people_names(role["deputies"]),
            knowledge,
        ]
        for column, value in enumerate(values, start=1):
            set_cell(sheet, row, column, value)
    for letter, width in zip("ABCDEF", (32, 22, 20, 36, 36, 16), strict=True):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:F{max(2, len(snapshot['roles']) + 1)}"


def _people_sheet(sheet, snapshot):
    titles = {str(a["id"]): a["title"] for a in snapshot["activities"]}
    # role id -> code -> task titles, in one pass over the codes.
    tasks_by_role: dict[str, dict[str, list[str]]] = {}
    for activity_id, row in snapshot["codes"].items():
        if activity_id in titles:
            for role_id, code in row.items():
                tasks_by_role.setdefault(role_id, {}).setdefault(code, []).append(
                    titles[activity_id]
                )
    deputy = f" ({_('deputy')})"
    # Each role's task list is joined once, as holder and as deputy.
    texts = {
        (role_id, code, suffix): "; ".join(title + suffix for title in task_titles)
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
    for column, header in enumerate(headers, start=1):
        cell = set_cell(sheet, 1, column, header)
        cell.fill, cell.font = HEADER_FILL, HEADER_FONT
    styles, top_wrapped = StyleCache(), Alignment(wrap_text=True, vertical="top")
    for row, (name, entry) in enumerate(sorted(people.items()), start=2):
        values = [
            name,
            _("External") if entry["external"] else _("Internal"),
            "; ".join(entry["roles"]),
            *["; ".join(entry["codes"][code]) for code in CODES],
        ]
        for column, value in enumerate(values, start=1):
            styles.apply(set_cell(sheet, row, column, value), "cell", alignment=top_wrapped)
    for letter, width in zip("ABCDEFG", (26, 14, 40, 50, 50, 40, 40), strict=True):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = "B2"


def _explanation_sheet(sheet):
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
    for row, line in enumerate(lines, start=3):
        set_cell(sheet, row, 1, line)
    for offset in range(len(CODES)):
        sheet.cell(row=3 + offset, column=1).font = Font(bold=True)
    sheet.column_dimensions["A"].width = 110
