"""The autorisatiematrix: which role has which rights, and so which person.

Reading (the grid, rights per person, holders per right) runs a fixed number
of queries; `grant_set` changes one cell the way `services.cell_set` does.
"""

from dataclasses import dataclass, field
from functools import cached_property

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from beheer.models import Assignment, OrganisationSettings
from matrix.models import Grant, Right
from matrix.selectors import (
    Column,
    column_groups,
    current_assignments,
    role_columns,
    roles_with_people,
)
from matrix.services import NoSuchCell

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


@dataclass(slots=True)
class RightRow:
    right: Right
    values: list[str]  # one per column, in column order: GRANTED or ""
    editable: bool
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


def _flags(sensitivity: str, holders: int, any_external: bool, max_admins: int) -> list[str]:
    flags = []
    if not holders:
        flags.append("unheld")
    if sensitivity == Right.Sensitivity.PERSONAL_DATA and any_external:
        flags.append("external_personal_data")
    if sensitivity == Right.Sensitivity.ADMIN and holders > max_admins:
        flags.append("too_many_admins")
    return flags


def right_flags(right: Right, holders: list[Holder], max_admins: int) -> list[str]:
    return _flags(
        right.sensitivity, len(holders), any(h.person.is_external for h in holders), max_admins
    )


@dataclass
class RightsGrid:
    column_groups: list[tuple[str, list[Column]]]
    columns: list[Column]
    groups: list[tuple[str, list[RightRow]]]  # per component

    @cached_property
    def rows(self) -> list[RightRow]:
        return [row for _name, rows in self.groups for row in rows]

    @cached_property
    def flagged_rows(self) -> list[RightRow]:
        return [row for row in self.rows if row.flags]


def rights_grid(
    *, editable_component_ids, edit_all: bool, component=None, max_admins: int | None = None
) -> RightsGrid:
    """The grid as the page shows it; `component` narrows the rows. `max_admins`:
    the organisation's setting, when the caller has it already."""
    assignments = current_assignments()
    columns = role_columns(assignments)
    role_ids = [column.role.pk for column in columns]
    people: dict[int, list[tuple[int, bool]]] = {}  # role id -> (person id, external)
    for role_id, _kind, person_id, _name, external in assignments:
        people.setdefault(role_id, []).append((person_id, external))
    rights = Right.objects.select_related("component")
    if component is not None:
        rights = rights.filter(component=component)
    granted_roles: dict[int, set[int]] = {}
    for right_id, role_id in grant_pairs():
        granted_roles.setdefault(right_id, set()).add(role_id)
    used_roles = set().union(*granted_roles.values())
    for column in columns:
        column.has_codes = column.role.pk in used_roles
    if max_admins is None:
        max_admins = OrganisationSettings.load().max_admin_holders
    groups: dict[str, list[RightRow]] = {}
    for right in rights:
        granted = granted_roles.get(right.pk, set())
        holders = {person for role_id in granted for person in people.get(role_id, ())}
        any_external = any(external for _person, external in holders)
        groups.setdefault(right.component.name, []).append(
            RightRow(
                right=right,
                values=[GRANTED if role_id in granted else "" for role_id in role_ids],
                editable=edit_all or right.component_id in editable_component_ids,
                flags=_flags(right.sensitivity, len(holders), any_external, max_admins),
            )
        )
    return RightsGrid(column_groups(columns), columns, list(groups.items()))


def right_flags_now(right_id: int, max_admins: int) -> list[str]:
    """The flags of one right as it is now, for the answer to a grant save: two
    plain queries instead of every holder with their roles."""
    right = Right.objects.filter(pk=right_id).order_by()  # no join for the list's order
    sensitivity = right.values_list("sensitivity", flat=True).first()
    holders = set(
        Assignment.objects.current()
        .filter(role__grants__right_id=right_id)
        .values_list("person_id", "person__is_external")
    )
    any_external = any(external for _person, external in holders)
    return _flags(sensitivity, len(holders), any_external, max_admins)


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


def grant_set(*, right_id: int, role_id: int, value: str, expected: str) -> GrantResult:
    """Give or take a right from a role ("✓" or ""), unless the cell moved on; the
    way `services.cell_set` sets a code, and like it raises NoSuchCell when a new
    grant's right or role does not exist."""
    if value not in ("", GRANTED):
        raise ValueError(f"not a grant value: {value!r}")
    try:
        return _grant_write(right_id=right_id, role_id=role_id, value=value, expected=expected)
    except IntegrityError:
        # Refused by the database, as in cell_set: granted by someone else
        # meanwhile, or the right or role is gone.
        if not Grant.objects.filter(right_id=right_id, role_id=role_id).exists():
            raise NoSuchCell from None
        return GrantResult(saved=False, value=GRANTED)


@transaction.atomic
def _grant_write(*, right_id: int, role_id: int, value: str, expected: str) -> GrantResult:
    grant = Grant.objects.select_for_update().filter(right_id=right_id, role_id=role_id).first()
    current = GRANTED if grant else ""
    if current != expected:
        return GrantResult(saved=False, value=current)
    if value == current:
        return GrantResult(saved=True, value=current)
    if grant:
        grant.delete()
    else:
        Grant.objects.create(right_id=right_id, role_id=role_id)
    return GrantResult(saved=True, value=value)
