"""The autorisatiematrix: which role has which rights, and so which person.

Reading (the grid, rights per person, holders per right) runs a fixed number
of queries; `grant_set` changes one cell the way `services.cell_set` does.
"""

from dataclasses import dataclass, field

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from beheer.models import Assignment, OrganisationSettings, Role
from matrix.models import Grant, Right
from matrix.selectors import Column, people_names, roles_with_people

GRANTED = "✓"

RIGHT_FLAGS = {
    "unheld": _("nobody holds it"),
    "external_personal_data": _("external people see personal data"),
    "too_many_admins": _("admin right for many people"),
}


@dataclass
class Holder:
    person: object
    roles: list = field(default_factory=list)  # (role, assignment kind)


@dataclass
class RightRow:
    right: Right
    cells: list[tuple[Role, str]]  # (role, GRANTED or "")
    editable: bool
    holders: list[Holder]
    flags: list[str] = field(default_factory=list)

    @property
    def flag_labels(self) -> list[str]:
        return [str(RIGHT_FLAGS[f]) for f in self.flags]


def grant_pairs() -> set[tuple[int, int]]:
    """(right id, role id) of every grant, in one query."""
    return set(Grant.objects.values_list("right_id", "role_id"))


def _holders(roles, granted_role_ids) -> list[Holder]:
    holders: dict[int, Holder] = {}
    for role in roles:
        if role.pk in granted_role_ids:
            for assignment in role.current_assignments:
                holder = holders.setdefault(assignment.person_id, Holder(assignment.person))
                holder.roles.append((role, assignment.kind))
    return sorted(holders.values(), key=lambda h: h.person.name)


def right_flags(right: Right, holders: list[Holder], max_admins: int) -> list[str]:
    flags = []
    if not holders:
        flags.append("unheld")
    if right.sensitivity == Right.Sensitivity.PERSONAL_DATA and any(
        h.person.is_external for h in holders
    ):
        flags.append("external_personal_data")
    if right.sensitivity == Right.Sensitivity.ADMIN and len(holders) > max_admins:
        flags.append("too_many_admins")
    return flags


@dataclass
class RightsGrid:
    column_groups: list[tuple[str, list[Column]]]
    columns: list[Column]
    groups: list[tuple[str, list[RightRow]]]  # per component

    @property
    def rows(self) -> list[RightRow]:
        return [row for _name, rows in self.groups for row in rows]

    @property
    def flagged_rows(self) -> list[RightRow]:
        return [row for row in self.rows if row.flags]


def rights_grid(*, editable_component_ids, edit_all: bool, component=None) -> RightsGrid:
    role_kinds = dict(Role.Kind.choices)
    roles = list(roles_with_people())
    columns = [
        Column(r, people_names(r, Assignment.Kind.HOLDER), people_names(r, Assignment.Kind.DEPUTY))
        for r in roles
    ]
    rights = Right.objects.select_related("component")
    if component is not None:
        rights = rights.filter(component=component)
    granted_roles: dict[int, set[int]] = {}
    for right_id, role_id in grant_pairs():
        granted_roles.setdefault(right_id, set()).add(role_id)
    used_roles = set().union(*granted_roles.values())
    for column in columns:
        column.has_codes = column.role.pk in used_roles
    max_admins = OrganisationSettings.load().max_admin_holders
    groups: dict[str, list[RightRow]] = {}
    for right in rights:
        granted = granted_roles.get(right.pk, set())
        holders = _holders(roles, granted)
        groups.setdefault(right.component.name, []).append(
            RightRow(
                right=right,
                cells=[(r, GRANTED if r.pk in granted else "") for r in roles],
                editable=edit_all or right.component_id in editable_component_ids,
                holders=holders,
                flags=right_flags(right, holders, max_admins),
            )
        )
    column_groups: dict[str, list[Column]] = {}
    for column in columns:
        column_groups.setdefault(str(role_kinds[column.role.kind]), []).append(column)
    return RightsGrid(list(column_groups.items()), columns, list(groups.items()))


def right_holders(right: Right) -> list[Holder]:
    """Who holds `right` today, through which roles."""
    granted = set(right.grants.values_list("role_id", flat=True))
    return _holders(roles_with_people().filter(pk__in=granted), granted)


def person_rights(person, today=None) -> list[dict]:
    """The rights `person` holds through the roles they hold today, and through which."""
    today = today or timezone.localdate()
    kinds = dict(
        Assignment.objects.current(today).filter(person=person).values_list("role_id", "kind")
    )
    grants = (
        Grant.objects.filter(role_id__in=kinds)
        .select_related("right", "right__component", "role")
        .order_by("right__component__name", "right__name", "role__name")
    )
    result: dict[int, dict] = {}
    for grant in grants:
        entry = result.setdefault(grant.right_id, {"right": grant.right, "via": []})
        entry["via"].append((grant.role, kinds[grant.role_id]))
    return list(result.values())


@dataclass(frozen=True)
class GrantResult:
    saved: bool
    value: str  # GRANTED or ""


@transaction.atomic
def grant_set(*, right: Right, role: Role, value: str, expected: str) -> GrantResult:
    """Give or take `right` from `role` ("✓" or ""), unless the cell moved on."""
    if value not in ("", GRANTED):
        raise ValueError(f"not a grant value: {value!r}")
    grant = Grant.objects.select_for_update().filter(right=right, role=role).first()
    current = GRANTED if grant else ""
    if current != expected:
        return GrantResult(saved=False, value=current)
    if value == current:
        return GrantResult(saved=True, value=current)
    if grant:
        grant.delete()
        return GrantResult(saved=True, value="")
    try:
        with transaction.atomic():
            Grant.objects.create(right=right, role=role)
    except IntegrityError:
        return GrantResult(saved=False, value=GRANTED)  # granted by someone else meanwhile
    return GrantResult(saved=True, value=GRANTED)
