"""Reading the beheermatrix: the grid, its validation, snapshots and their differences.

Everything here runs a fixed number of queries, whatever the matrix size.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property
from itertools import repeat
from typing import NamedTuple

from django.contrib.auth import get_user_model
from django.db.models import Case, Count, OuterRef, Prefetch, Q, Subquery, Value, When
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from beheer.models import Assignment, Component, Role
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

    @property
    def role_remarks(self) -> int:
        """Roles without any code plus roles whose codes nobody carries out."""
        return len(self.empty_roles) + len(self.unheld_roles)


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


def invalid_activities() -> list[tuple[Activity, list[str]]]:
    """The tasks that break the rules, each with the keys of its ROW_PROBLEMS: one query."""
    rows = (
        Activity.objects.only("id", "title", "theme")
        .annotate(
            a_count=Count("responsibilities", filter=Q(responsibilities__code="A")),
            r_count=Count("responsibilities", filter=Q(responsibilities__code="R")),
        )
        .filter(~Q(a_count=1) | Q(r_count=0))
    )
    return [(row, row_problems(["A"] * row.a_count + ["R"] * row.r_count)) for row in rows]


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
    added_activities: list[dict]  # with "codes": [(role name, code)] as added
    removed_activities: list[dict]
    added_roles: list[dict]
    removed_roles: list[dict]
    changed_cells: list[dict]  # activity, role, old, new
    changed_holders: list[dict] = field(default_factory=list)  # role, old, new: names

    @property
    def is_empty(self) -> bool:
        return not (
            self.added_activities
            or self.removed_activities
            or self.added_roles
            or self.removed_roles
            or self.changed_cells
            or self.changed_holders
        )


def _holder_names(role: dict) -> list[str]:
    return sorted(holder["name"] for holder in role.get("holders", []))


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
    role_names = {key: role["name"] for key, role in {**old_roles, **new_roles}.items()}
    added = []
    for key in new_activities.keys() - old_activities.keys():
        row = new["codes"].get(key, {})
        codes = sorted(
            ((role_names.get(role_id, f"#{role_id}"), code) for role_id, code in row.items()),
            key=lambda pair: ("RACI".find(pair[1]), pair[0]),
        )
        added.append({**new_activities[key], "codes": codes})
    holders = [
        {
            "role": new_roles[key]["name"],
            "old": _holder_names(old_roles[key]),
            "new": _holder_names(new_roles[key]),
        }
        for key in old_roles.keys() & new_roles.keys()
        if _holder_names(old_roles[key]) != _holder_names(new_roles[key])
    ]
    return SnapshotDiff(
        added_activities=sorted(added, key=lambda a: (a["theme"], a["title"])),
        removed_activities=[
            old_activities[k] for k in old_activities.keys() - new_activities.keys()
        ],
        added_roles=[new_roles[k] for k in new_roles.keys() - old_roles.keys()],
        removed_roles=[old_roles[k] for k in old_roles.keys() - new_roles.keys()],
        changed_cells=sorted(changed, key=lambda c: (c["activity"], c["role"])),
        changed_holders=sorted(holders, key=lambda h: h["role"]),
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


# --- Change history --------------------------------------------------------------------------
# simple_history records every save of a task and a cell; these read them back
# as "who changed what, when, old -> new" in a fixed number of queries.

TASK_FIELDS = ("title", "theme", "component_id", "description")


@dataclass(frozen=True)
class MatrixChange:
    when: datetime
    who: str
    user_id: int | None
    task_id: int
    task: str
    what: str  # the role of a cell, or what changed in the task
    old: str
    new: str
    is_cell: bool
    task_exists: bool = True


def _who(first: str | None, last: str | None, username: str | None) -> str:
    if username is None:
        return str(_("system"))
    return f"{first or ''} {last or ''}".strip() or username


_USER_FIELDS = ("history_user_id", "history_user__first_name", "history_user__last_name")


def _previous(model, field: str):
    """The value of `field` in the record before each record of the same row."""
    return Subquery(
        model.objects.filter(id=OuterRef("id"), history_id__lt=OuterRef("history_id"))
        .order_by("-history_id")
        .values(field)[:1]
    )


def _names(model, ids: set[int], field: str) -> tuple[dict[int, str], set[int]]:
    """(id -> name of rows that exist, or else their last recorded name; the ids
    of rows that exist no more)."""
    names = dict(model.objects.filter(pk__in=ids).values_list("pk", field))
    gone = ids - names.keys()
    if gone:
        for pk, name in (
            model.history.filter(id__in=gone).order_by("id", "history_id").values_list("id", field)
        ):
            names[pk] = name  # the newest record wins
    return names, gone


def matrix_changes(
    *, activity_id: int | None = None, filters=None, limit: int = 200
) -> list[MatrixChange]:
    """The newest `limit` changes of the beheermatrix, newest first: codes set,
    changed and cleared, tasks added, renamed, moved to another theme or component,
    and deleted. `activity_id` narrows them to one task; `filters` is a callable
    that narrows a history queryset (by person, by date). Six queries, whatever
    the size of the matrix or its history."""
    filters = filters or (lambda queryset: queryset)
    cell_records = Responsibility.history.all()
    task_records = Activity.history.all()
    if activity_id is not None:
        cell_records = cell_records.filter(activity_id=activity_id)
        task_records = task_records.filter(id=activity_id)
    cells = list(
        filters(cell_records)
        .annotate(old_code=_previous(Responsibility.history.model, "code"))
        .order_by("-history_date", "-history_id")
        .values_list(
            "history_date",
            "history_type",
            "activity_id",
            "role_id",
            "code",
            "old_code",
            *_USER_FIELDS,
            "history_user__username",
        )[:limit]
    )
    HistoricalActivity = Activity.history.model
    tasks = list(
        filters(task_records)
        .annotate(**{f"old_{f}": _previous(HistoricalActivity, f) for f in TASK_FIELDS})
        .order_by("-history_date", "-history_id")
        .values_list(
            "history_date",
            "history_type",
            "id",
            *TASK_FIELDS,
            *(f"old_{f}" for f in TASK_FIELDS),
            *_USER_FIELDS,
            "history_user__username",
        )[:limit]
    )
    task_ids = {row[2] for row in cells} | {row[2] for row in tasks}
    titles, gone = _names(Activity, task_ids, "title")
    roles, _gone_roles = _names(Role, {row[3] for row in cells}, "name")
    component_ids = {c for row in tasks for c in (row[5], row[9]) if c}
    components = dict(Component.objects.filter(pk__in=component_ids).values_list("pk", "name"))
    labels = {
        f: str(Activity._meta.get_field(f.removesuffix("_id")).verbose_name) for f in TASK_FIELDS
    }

    changes = []
    for when, kind, task, role, code, old_code, user, first, last, username in cells:
        old, new = {"+": ("", code), "-": (code, "")}.get(kind, (old_code or "", code))
        changes.append(
            MatrixChange(
                when,
                _who(first, last, username),
                user,
                task,
                titles.get(task, f"#{task}"),
                roles.get(role, f"#{role}"),
                old,
                new,
                True,
                task not in gone,
            )
        )
    size = len(TASK_FIELDS)
    for when, kind, task, *values in tasks:
        now, before, (user, first, last, username) = (
            values[:size],
            values[size : 2 * size],
            values[2 * size :],
        )
        who, title = _who(first, last, username), titles.get(task, f"#{task}")

        def shown(field, value):
            if field == "component_id":
                return components.get(value, f"#{value}") if value else ""
            return value or ""

        if kind == "+":
            found = [(str(_("task added")), "", now[0])]
        elif kind == "-":
            found = [(str(_("task deleted")), now[0], "")]
        elif before[0] is None:  # the task's first record: nothing to compare with
            found = [(str(_("task changed")), "", now[0])]
        else:
            found = [
                (labels[field], shown(field, old), shown(field, new))
                for field, old, new in zip(TASK_FIELDS, before, now, strict=True)
                if old != new
            ]
        changes.extend(
            MatrixChange(when, who, user, task, title, what, old, new, False, task not in gone)
            for what, old, new in found
        )
    changes.sort(key=lambda change: change.when, reverse=True)
    return changes[:limit]


def matrix_change_people():
    """The people who changed the matrix, for the filter by person: one query."""
    ids = Responsibility.history.exclude(history_user=None).values("history_user_id")
    task_ids = Activity.history.exclude(history_user=None).values("history_user_id")
    return (
        get_user_model()
        .objects.filter(Q(pk__in=ids) | Q(pk__in=task_ids))
        .order_by("first_name", "last_name", "username")
    )


@dataclass(frozen=True)
class CellChange:
    when: datetime
    who: str
    old: str
    new: str


def cell_changes(*, activity_id: int, role_id: int, limit: int = 20) -> list[CellChange]:
    """Who changed one cell of the beheermatrix, and when: newest first, one query."""
    records = (
        Responsibility.history.filter(activity_id=activity_id, role_id=role_id)
        .annotate(old_code=_previous(Responsibility.history.model, "code"))
        .order_by("-history_date", "-history_id")
        .values_list(
            "history_type",
            "code",
            "old_code",
            "history_date",
            *_USER_FIELDS[1:],
            "history_user__username",
        )[:limit]
    )
    changes = []
    for kind, code, old_code, when, first, last, username in records:
        old, new = {"+": ("", code), "-": (code, "")}.get(kind, (old_code or "", code))
        changes.append(CellChange(when, _who(first, last, username), old, new))
    return changes


def grant_changes(*, right_id: int, role_id: int, limit: int = 20) -> list[CellChange]:
    """Who gave or took one right from one role, and when: newest first, one query."""
    from matrix.rights import GRANTED

    records = (
        Grant.history.filter(right_id=right_id, role_id=role_id)
        .order_by("-history_date", "-history_id")
        .values_list("history_type", "history_date", *_USER_FIELDS[1:], "history_user__username")[
            :limit
        ]
    )
    return [
        CellChange(
            when, _who(first, last, username), *(("", GRANTED) if kind == "+" else (GRANTED, ""))
        )
        for kind, when, first, last, username in records
        if kind in "+-"
    ]
