"""Reading the beheermatrix: the grid, its validation, snapshots and their differences.

Everything here runs a fixed number of queries, whatever the matrix size.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property
from itertools import repeat
from typing import NamedTuple

from django.db.models import Case, Prefetch, Value, When
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from beheer.models import Assignment, Role
from matrix.models import Activity, Grant, Responsibility, Right

CODES = ("R", "A", "C", "I")

ROW_PROBLEMS = {
    "no_a": _("no A"),
    "multiple_a": _("more than one A"),
    "no_r": _("no R"),
}


def row_problems(codes) -> list[str]:
    """Keys of ROW_PROBLEMS that the codes of one activity violate."""
    codes = list(codes)
    problems = []
    if codes.count("A") == 0:
        problems.append("no_a")
    elif codes.count("A") > 1:
        problems.append("multiple_a")
    if "R" not in codes:
        problems.append("no_r")
    return problems


@dataclass
class Column:
    role: Role
    holders: list[str]
    deputies: list[str]
    has_codes: bool = False

    @property
    def unheld(self) -> bool:
        """Codes on this role are real duties that nobody carries out."""
        return self.has_codes and not self.holders


class Task(NamedTuple):
    """A grid row's task as plain values: hundreds of model instances (and their
    components) would cost more than building the whole table."""

    pk: int
    title: str
    theme: str
    component_id: int | None
    component: str  # its name; "" for a task of no component


@dataclass(slots=True)
class Row:
    activity: Task
    codes: list[str]  # one per column, in column order; "" for an empty cell
    editable: bool
    problems: list[str] = field(default_factory=list)

    @property
    def problem_labels(self) -> list[str]:
        return [str(ROW_PROBLEMS[p]) for p in self.problems]


@dataclass
class Grid:
    column_groups: list[tuple[str, list[Column]]]
    columns: list[Column]
    themes: list[tuple[str, list[Row]]]

    @cached_property
    def rows(self) -> list[Row]:
        return [row for _theme, rows in self.themes for row in rows]

    @cached_property
    def invalid_rows(self) -> list[Row]:
        return [row for row in self.rows if row.problems]

    @property
    def empty_roles(self) -> list[Role]:
        return [c.role for c in self.columns if not c.has_codes]

    @property
    def unheld_roles(self) -> list[Role]:
        return [c.role for c in self.columns if c.unheld]


# Columns grouped by kind in the order the choices list them (owners first).
KIND_ORDER = Case(
    *[When(kind=kind, then=Value(index)) for index, kind in enumerate(Role.Kind.values)],
    default=Value(len(Role.Kind.values)),
)


_KIND_INDEX = {kind: index for index, kind in enumerate(Role.Kind.values)}


def _kind_index(role: Role) -> int:
    return _KIND_INDEX.get(role.kind, len(_KIND_INDEX))


def roles_with_people(today=None):
    """All roles in column order, with today's holders and deputies prefetched."""
    today = today or timezone.localdate()
    return (
        Role.objects.select_related("component")
        .prefetch_related(
            Prefetch(
                "assignments",
                queryset=Assignment.objects.current(today)
                .select_related("person")
                .order_by("person__name"),
                to_attr="current_assignments",
            )
        )
        .order_by(KIND_ORDER, "name")
    )


def current_assignments(today=None) -> list[tuple[int, str, int, str, bool]]:
    """(role id, kind, person id, person's name, external) of every assignment in
    force today, by name: plain values in one query."""
    return list(
        Assignment.objects.current(today)
        .order_by("person__name")
        .values_list("role_id", "kind", "person_id", "person__name", "person__is_external")
    )


def role_columns(assignments=None) -> list[Column]:
    """The grids' columns: every role in column order with the names of today's
    holders and deputies (from `current_assignments()`)."""
    # The database sorts the names (its collation, as everywhere else); a
    # stable sort by kind then costs less than compiling KIND_ORDER.
    roles = sorted(Role.objects.only("id", "name", "kind").order_by("name"), key=_kind_index)
    columns = {role.pk: Column(role, [], []) for role in roles}
    if assignments is None:
        assignments = current_assignments()
    for role_id, kind, _person, name, _external in assignments:
        column = columns[role_id]
        (column.holders if kind == Assignment.Kind.HOLDER else column.deputies).append(name)
    return list(columns.values())


def column_groups(columns: list[Column]) -> list[tuple[str, list[Column]]]:
    """The columns under a heading per kind of role."""
    kinds = dict(Role.Kind.choices)
    groups: dict[str, list[Column]] = {}
    for column in columns:
        groups.setdefault(str(kinds[column.role.kind]), []).append(column)
    return list(groups.items())


def code_map(activity_ids=None) -> dict[int, dict[int, str]]:
    """activity id -> role id -> code, in one query."""
    cells = Responsibility.objects.all()
    if activity_ids is not None:
        cells = cells.filter(activity_id__in=activity_ids)
    codes: dict[int, dict[int, str]] = defaultdict(dict)
    for activity_id, role_id, code in cells.values_list("activity_id", "role_id", "code"):
        codes[activity_id][role_id] = code
    return codes


def matrix_grid(*, editable_component_ids, edit_all: bool, component=None) -> Grid:
    """The grid as the page shows it; `component` narrows the rows."""
    columns = role_columns()
    role_ids = [column.role.pk for column in columns]
    tasks = Activity.objects.values_list("id", "title", "theme", "component_id", "component__name")
    if component is not None:
        tasks = tasks.filter(component=component)
    codes = code_map()  # all of them: columns count codes in every row
    used_roles = {role_id for row in codes.values() for role_id in row}
    for column in columns:
        column.has_codes = column.role.pk in used_roles

    themes: dict[str, list[Row]] = {}
    no_codes: dict[int, str] = {}
    for pk, title, theme, component_id, component_name in tasks:
        row_codes = codes.get(pk, no_codes)
        themes.setdefault(theme, []).append(
            Row(
                activity=Task(pk, title, theme, component_id, component_name or ""),
                codes=list(map(row_codes.get, role_ids, repeat(""))),
                editable=edit_all or component_id in editable_component_ids,
                problems=row_problems(row_codes.values()),
            )
        )
    return Grid(column_groups(columns), columns, list(themes.items()))


def matrix_snapshot() -> dict:
    """The whole current matrix as plain data: for JSON, versions, exports and diffs."""
    roles = list(roles_with_people())
    activities = list(Activity.objects.select_related("component"))
    codes = code_map()
    grants: dict[str, list[int]] = {}
    for right_id, role_id in Grant.objects.values_list("right_id", "role_id").order_by("role_id"):
        grants.setdefault(str(right_id), []).append(role_id)
    return {
        "activities": [
            {
                "id": a.pk,
                "title": a.title,
                "theme": a.theme,
                "component": a.component.name if a.component_id else None,
                "order": a.order,
                "description": a.description,
            }
            for a in activities
        ],
        "roles": [
            {
                "id": r.pk,
                "name": r.name,
                "kind": r.kind,
                "component": r.component.name if r.component_id else None,
                "holders": [
                    {"name": a.person.name, "external": a.person.is_external}
                    for a in r.current_assignments
                    if a.kind == Assignment.Kind.HOLDER
                ],
                "deputies": [
                    {"name": a.person.name, "external": a.person.is_external}
                    for a in r.current_assignments
                    if a.kind == Assignment.Kind.DEPUTY
                ],
            }
            for r in roles
        ],
        "codes": {
            str(activity_id): {str(role_id): code for role_id, code in row.items()}
            for activity_id, row in codes.items()
        },
        "rights": [
            {
                "id": r.pk,
                "name": r.name,
                "component": r.component.name,
                "sensitivity": r.sensitivity,
            }
            for r in Right.objects.select_related("component")
        ],
        "grants": grants,
    }


@dataclass
class SnapshotDiff:
    added_activities: list[dict]
    removed_activities: list[dict]
    added_roles: list[dict]
    removed_roles: list[dict]
    changed_cells: list[dict]  # activity, role, old, new

    @property
    def is_empty(self) -> bool:
        return not (
            self.added_activities
            or self.removed_activities
            or self.added_roles
            or self.removed_roles
            or self.changed_cells
        )


def snapshot_diff(old: dict, new: dict) -> SnapshotDiff:
    """What changed from snapshot `old` to snapshot `new`, matched by record id."""
    old_activities = {str(a["id"]): a for a in old["activities"]}
    new_activities = {str(a["id"]): a for a in new["activities"]}
    old_roles = {str(r["id"]): r for r in old["roles"]}
    new_roles = {str(r["id"]): r for r in new["roles"]}
    changed = []
    for activity_id in old_activities.keys() & new_activities.keys():
        old_row = old["codes"].get(activity_id, {})
        new_row = new["codes"].get(activity_id, {})
        for role_id in sorted(old_row.keys() | new_row.keys()):
            if old_row.get(role_id, "") != new_row.get(role_id, ""):
                role = new_roles.get(role_id) or old_roles.get(role_id)
                changed.append(
                    {
                        "activity": new_activities[activity_id]["title"],
                        "role": role["name"],
                        "old": old_row.get(role_id, ""),
                        "new": new_row.get(role_id, ""),
                    }
                )
    return SnapshotDiff(
        added_activities=[new_activities[k] for k in new_activities.keys() - old_activities.keys()],
        removed_activities=[
            old_activities[k] for k in old_activities.keys() - new_activities.keys()
        ],
        added_roles=[new_roles[k] for k in new_roles.keys() - old_roles.keys()],
        removed_roles=[old_roles[k] for k in old_roles.keys() - new_roles.keys()],
        changed_cells=sorted(changed, key=lambda c: (c["activity"], c["role"])),
    )


def person_responsibilities(person, today=None) -> list[dict]:
    """The tasks `person` answers for through the roles they hold today."""
    today = today or timezone.localdate()
    assignments = list(
        Assignment.objects.current(today).filter(person=person).select_related("role")
    )
    kind_by_role = {a.role_id: a.kind for a in assignments}
    cells = (
        Responsibility.objects.filter(role_id__in=kind_by_role)
        .select_related("activity", "role")
        .order_by("activity__order", "activity__id", "role__name")
    )
    result: dict[int, dict] = {}
    for cell in cells:
        entry = result.setdefault(cell.activity_id, {"activity": cell.activity, "codes": []})
        entry["codes"].append(
            {
                "code": cell.code,
                "role": cell.role,
                "deputy": kind_by_role[cell.role_id] == Assignment.Kind.DEPUTY,
            }
        )
    return list(result.values())
