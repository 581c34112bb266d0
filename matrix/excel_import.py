"""Reading an edited beheermatrix workbook back: validate everything, then apply.

Nothing is ever half-imported: `import_plan` reads and checks the whole file
without writing; `import_apply` writes a plan without errors in one transaction.
"""

import hashlib
import json
from dataclasses import dataclass, field

from django.db import transaction
from django.utils.translation import gettext as _
from openpyxl.utils import get_column_letter

from beheer import uploads
from beheer.imports import ImportIssue
from beheer.models import Component, Role
from beheer.validators import text_problem
from matrix import excel
from matrix.models import Activity, Grant, Responsibility, Right
from matrix.selectors import CODES, ROW_PROBLEMS, code_map, row_problems
from matrix.services import activity_next_order

TITLE_MAX = Activity._meta.get_field("title").max_length
THEME_MAX = Activity._meta.get_field("theme").max_length


@dataclass
class ImportPlan:
    errors: list[ImportIssue] = field(default_factory=list)
    # (activity, role, old code, new code)
    changed_cells: list[tuple] = field(default_factory=list)
    # {"theme", "title", "component", "codes": {role: code}, "row"}
    added_activities: list[dict] = field(default_factory=list)
    # (activity, new title, new theme)
    renamed_activities: list[tuple] = field(default_factory=list)
    # (right, role, granted before, granted after) from the sheet "Autorisaties"
    changed_grants: list[tuple] = field(default_factory=list)

    @property
    def has_changes(self) -> bool:
        return bool(
            self.changed_cells
            or self.added_activities
            or self.renamed_activities
            or self.changed_grants
        )

    def fingerprint(self) -> str:
        """Identifies exactly these changes, so a confirmation applies what was previewed."""
        data = {
            "cells": [(a.pk, r.pk, old, new) for a, r, old, new in self.changed_cells],
            "added": [
                (
                    d["theme"],
                    d["title"],
                    d["component"].pk if d["component"] else None,
                    sorted((r.pk, c) for r, c in d["codes"].items()),
                )
                for d in self.added_activities
            ],
            "renamed": [(a.pk, title, theme) for a, title, theme in self.renamed_activities],
            "grants": [(r.pk, role.pk, old, new) for r, role, old, new in self.changed_grants],
        }
        return hashlib.sha256(json.dumps(data, sort_keys=True).encode()).hexdigest()


def _text(value) -> str:
    return "" if value is None else str(value).strip()


def import_plan(upload) -> ImportPlan:
    """Read `upload` (a file-like object) and work out what it would change."""
    plan = ImportPlan()

    def refuse(message):
        plan.errors.append(ImportIssue(_("file"), None, None, message))
        return plan

    try:
        # Within the upload caps, streamed: only the two sheets' values are kept.
        with uploads.open_xlsx(upload) as book:
            if excel.SHEET not in book.sheetnames:
                return refuse(
                    _("The workbook has no sheet “%(sheet)s”: it is not an export of the matrix.")
                    % {"sheet": excel.SHEET}
                )
            sheet = book.sheet(excel.SHEET)
            rights_sheet = (
                book.sheet(excel.RIGHTS_SHEET) if excel.RIGHTS_SHEET in book.sheetnames else None
            )
    except uploads.NotReadable:
        return refuse(_("This is not an Excel workbook (.xlsx) that can be read."))
    except uploads.UploadRefused as refusal:
        return refuse(refusal.message)
    if _text(sheet.value(excel.KEY_ROW, excel.KEY_COL)) != excel.KEY_MARKER:
        plan.errors.append(
            ImportIssue(
                excel.SHEET,
                excel.KEY_ROW,
                "A",
                _("The hidden keys are missing: export the matrix again and edit that file."),
            )
        )
        return plan
    _plan_sheet(sheet, plan)
    if rights_sheet is not None:
        _plan_rights_sheet(rights_sheet, plan)
    return plan


GRANT_VALUES = {"": False, "X": True, "✓": True, "1": True, "JA": True, "YES": True}


def _role_columns(sheet, issue) -> dict[int, Role]:
    """The role of each role column, from the hidden key row; unknown ones are errors."""
    roles_by_id = {role.pk: role for role in Role.objects.all()}
    columns: dict[int, Role] = {}
    for column in range(excel.FIRST_ROLE_COL, sheet.max_column + 1):
        key = _text(sheet.value(excel.KEY_ROW, column))
        if not key:
            if _text(sheet.value(excel.HEADER_ROW, column)):
                issue(
                    excel.HEADER_ROW,
                    column,
                    _(
                        "A new role column cannot be imported; "
                        "add the role in the application first."
                    ),
                )
            continue
        role_id = key.removeprefix("role:")
        role = roles_by_id.get(int(role_id)) if role_id.isdecimal() else None
        if role is None:
            issue(
                excel.HEADER_ROW,
                column,
                _("Unknown role “%(name)s”.")
                % {"name": _text(sheet.value(excel.HEADER_ROW, column)) or key},
            )
            continue
        columns[column] = role
    return columns


def _plan_rights_sheet(sheet, plan: ImportPlan) -> None:
    def issue(row, column, message):
        plan.errors.append(
            ImportIssue(
                excel.RIGHTS_SHEET, row, get_column_letter(column) if column else None, message
            )
        )

    if _text(sheet.value(excel.KEY_ROW, excel.KEY_COL)) != excel.RIGHTS_KEY_MARKER:
        issue(
            excel.KEY_ROW,
            excel.KEY_COL,
            _("The hidden keys are missing: export the matrix again and edit that file."),
        )
        return
    columns = _role_columns(sheet, issue)
    rights = {right.pk: right for right in Right.objects.all()}
    granted = set(Grant.objects.values_list("right_id", "role_id"))
    seen_rights: set[int] = set()
    if len({role.pk for role in columns.values()}) != len(columns):
        issue(excel.KEY_ROW, None, _("A role appears in more than one column."))
        return
    for row in range(excel.FIRST_ROW, sheet.max_row + 1):
        key = _text(sheet.value(row, excel.KEY_COL))
        values = {column: _text(sheet.value(row, column)).upper() for column in columns}
        if not key:
            if _text(sheet.value(row, excel.TASK_COL)) or any(values.values()):
                issue(
                    row,
                    excel.TASK_COL,
                    _("New rights cannot be imported; add them in the application first."),
                )
            continue
        right_id = key.removeprefix("right:")
        right = rights.get(int(right_id)) if right_id.isdecimal() else None
        if right is None:
            issue(row, excel.KEY_COL, _("This right no longer exists in the application."))
            continue
        if right.pk in seen_rights:
            issue(row, excel.KEY_COL, _("This right appears twice in the file."))
            continue
        seen_rights.add(right.pk)
        for column, role in columns.items():
            if values[column] not in GRANT_VALUES:
                issue(
                    row,
                    column,
                    _("“%(value)s” is not a grant: use X, or leave the cell empty.")
                    % {"value": values[column]},
                )
                continue
            old = (right.pk, role.pk) in granted
            new = GRANT_VALUES[values[column]]
            if old != new:
                plan.changed_grants.append((right, role, old, new))


def _plan_sheet(sheet, plan: ImportPlan) -> None:
    issue = lambda row, column, message: plan.errors.append(  # noqa: E731
        ImportIssue(excel.SHEET, row, get_column_letter(column) if column else None, message)
    )
    columns = _role_columns(sheet, issue)

    activities = {a.pk: a for a in Activity.objects.all()}
    components = {c.name: c for c in Component.objects.all()}
    current = code_map()
    seen_activities = set()
    for row in range(excel.FIRST_ROW, sheet.max_row + 1):
        key = _text(sheet.value(row, excel.KEY_COL))
        theme = _text(sheet.value(row, excel.THEME_COL))
        title = _text(sheet.value(row, excel.TASK_COL))
        component_name = _text(sheet.value(row, excel.COMPONENT_COL))
        codes: dict[Role, str] = {}
        bad_code = False
        for column, role in columns.items():
            value = _text(sheet.value(row, column)).upper()
            if value and value not in CODES:
                issue(
                    row,
                    column,
                    _("“%(value)s” is not a RACI code: use R, A, C or I.") % {"value": value},
                )
                bad_code = True
            codes[role] = value
        if not key and not title and not any(codes.values()):
            continue  # an empty row
        if len(title) > TITLE_MAX or len(theme) > THEME_MAX:
            issue(
                row,
                excel.TASK_COL if len(title) > TITLE_MAX else excel.THEME_COL,
                _("Too long: a task has at most %(title)s characters, a theme %(theme)s.")
                % {"title": TITLE_MAX, "theme": THEME_MAX},
            )
            continue
        # Alt+Enter in Excel puts a line break in a cell; a task title is one line.
        text_issue = [
            (column, problem)
            for column, value in ((excel.TASK_COL, title), (excel.THEME_COL, theme))
            if (problem := text_problem(value))
        ]
        if text_issue:
            issue(row, *text_issue[0])
            continue
        if key:
            activity_id = key.removeprefix("activity:")
            activity = activities.get(int(activity_id)) if activity_id.isdecimal() else None
            if activity is None:
                issue(row, excel.KEY_COL, _("This task no longer exists in the application."))
                continue
            if activity.pk in seen_activities:
                issue(row, excel.KEY_COL, _("This task appears twice in the file."))
                continue
            seen_activities.add(activity.pk)
            if not title:
                issue(row, excel.TASK_COL, _("The task has no title."))
                continue
            if bad_code:
                continue
            before = current.get(activity.pk, {})
            after = {**before, **{role.pk: code for role, code in codes.items()}}
            after = {role_id: code for role_id, code in after.items() if code}
            changed = False
            for role, code in codes.items():
                old = before.get(role.pk, "")
                if old != code:
                    plan.changed_cells.append((activity, role, old, code))
                    changed = True
            if changed:
                _check_rules(issue, row, before.values(), after.values())
            if (title, theme or activity.theme) != (activity.title, activity.theme):
                plan.renamed_activities.append((activity, title, theme or activity.theme))
        else:
            if not title or not theme:
                issue(
                    row,
                    excel.TASK_COL if not title else excel.THEME_COL,
                    _("A new task needs a theme and a title."),
                )
                continue
            component = None
            if component_name:
                component = components.get(component_name)
                if component is None:
                    issue(
                        row,
                        excel.COMPONENT_COL,
                        _("Unknown component “%(name)s”.") % {"name": component_name},
                    )
                    continue
            if bad_code:
                continue
            new_codes = {role: code for role, code in codes.items() if code}
            _check_rules(issue, row, None, new_codes.values())
            plan.added_activities.append(
                {
                    "theme": theme,
                    "title": title,
                    "component": component,
                    "codes": new_codes,
                    "row": row,
                }
            )


def _check_rules(issue, row, before, after) -> None:
    """Refuse a row whose change introduces a violation; an old one may stay."""
    old = set(row_problems(before)) if before is not None else set()
    introduced = [p for p in row_problems(after) if p not in old]
    if introduced:
        issue(
            row,
            excel.CHECK_COL,
            _("This change breaks the rules: %(problems)s.")
            % {"problems": ", ".join(str(ROW_PROBLEMS[p]) for p in introduced)},
        )


class ImportConflict(Exception):
    """The matrix changed between the plan and its application."""


@transaction.atomic
def import_apply(plan: ImportPlan) -> None:
    """Write a checked plan in one transaction; refuse if a cell moved on meanwhile."""
    if plan.errors:
        raise ValueError("a plan with errors cannot be applied")
    activity_ids = {activity.pk for activity, _role, _old, _new in plan.changed_cells}
    cells = {
        (cell.activity_id, cell.role_id): cell
        for cell in Responsibility.objects.select_for_update().filter(activity_id__in=activity_ids)
    }
    for activity, role, old, _new in plan.changed_cells:
        cell = cells.get((activity.pk, role.pk))
        if (cell.code if cell else "") != old:
            raise ImportConflict(f"{activity} / {role}")
    for activity, role, _old, new in plan.changed_cells:
        cell = cells.get((activity.pk, role.pk))
        if not new:
            if cell:
                cell.delete()
        elif cell:
            cell.code = new
            cell.save(update_fields=["code"])
        else:
            Responsibility.objects.create(activity=activity, role=role, code=new)
    grants = set(
        Grant.objects.select_for_update()
        .filter(right__in=[right for right, _role, _old, _new in plan.changed_grants])
        .values_list("right_id", "role_id")
    )
    for right, role, old, _new in plan.changed_grants:
        if ((right.pk, role.pk) in grants) != old:
            raise ImportConflict(f"{right} / {role}")
    for right, role, _old, new in plan.changed_grants:
        if new:
            Grant.objects.create(right=right, role=role)
        else:
            for grant in Grant.objects.filter(right=right, role=role):
                grant.delete()
    for activity, title, theme in plan.renamed_activities:
        activity.title, activity.theme = title, theme
        activity.save(update_fields=["title", "theme"])
    order = activity_next_order()
    for offset, added in enumerate(plan.added_activities):
        activity = Activity.objects.create(
            title=added["title"],
            theme=added["theme"],
            component=added["component"],
            order=order + offset * 10,
        )
        for role, code in added["codes"].items():
            Responsibility.objects.create(activity=activity, role=role, code=code)
