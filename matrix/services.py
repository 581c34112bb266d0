"""Changing the beheermatrix."""

from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext

from matrix.models import Activity, MatrixVersion, Responsibility
from matrix.selectors import CODES, matrix_snapshot


@dataclass(frozen=True)
class CellResult:
    saved: bool
    code: str  # the cell's value now
    row_codes: dict  # role id -> code: the whole row now, for its check


class NoSuchCell(Exception):
    """The task or the role of a new cell does not exist (any more)."""


def cell_set(*, activity_id: int, role_id: int, code: str, expected: str) -> CellResult:
    """Set one cell to `code` ("" clears it), unless it no longer holds `expected`.

    `expected` is the value the user saw; when someone else changed the cell in
    between, nothing is written and the current value is returned. Raises
    NoSuchCell when a new cell's task or role does not exist: the database
    checks that when the transaction commits, so a caller inside a transaction
    of its own finds out when that commits.
    """
    if code not in ("", *CODES):
        raise ValueError(f"not a RACI code: {code!r}")
    try:
        return _cell_write(activity_id=activity_id, role_id=role_id, code=code, expected=expected)
    except IntegrityError:
        # The database refused a new cell, at once or when the transaction
        # committed (it checks references then): someone filled the cell at the
        # same moment (theirs stands), or its task or role is gone. Nothing was
        # written; look which it was.
        codes = dict(
            Responsibility.objects.filter(activity_id=activity_id).values_list("role_id", "code")
        )
        if role_id not in codes:
            raise NoSuchCell from None
        return CellResult(saved=False, code=codes[role_id], row_codes=codes)


@transaction.atomic
def _cell_write(*, activity_id: int, role_id: int, code: str, expected: str) -> CellResult:
    # The whole row, locked: the answer needs its codes for the row's check.
    # Plain values; only the cell written becomes a model instance (its history).
    row = {
        cell_role: (pk, cell_code)
        for pk, cell_role, cell_code in Responsibility.objects.filter(activity_id=activity_id)
        .select_for_update()
        .values_list("pk", "role_id", "code")
    }
    codes = {cell_role: cell_code for cell_role, (_pk, cell_code) in row.items()}
    current = codes.get(role_id, "")
    if current != expected:
        return CellResult(saved=False, code=current, row_codes=codes)
    if code == current:
        return CellResult(saved=True, code=current, row_codes=codes)
    if not current:
        Responsibility.objects.create(activity_id=activity_id, role_id=role_id, code=code)
        codes[role_id] = code
        return CellResult(saved=True, code=code, row_codes=codes)
    cell = Responsibility(
        pk=row[role_id][0], activity_id=activity_id, role_id=role_id, code=current
    )
    if code:
        cell.code = codes[role_id] = code
        cell.save(update_fields=["code"])
    else:
        cell.delete()
        del codes[role_id]
    return CellResult(saved=True, code=code, row_codes=codes)


class RowConflict(Exception):
    """Cells of the row changed after the form was opened."""

    def __init__(self, roles):
        super().__init__(", ".join(str(role) for role in roles))
        self.roles = roles


@transaction.atomic
def row_set(*, activity: Activity, codes: dict, expected: dict) -> None:
    """Set the codes of one row, {role: code or ""}, from the form without JavaScript.

    Only cells the user changed are written, so changes others made meanwhile
    to the other cells stand; when a cell the user changed no longer holds what
    the form showed (`expected`), nothing is written at all.
    """
    Activity.objects.select_for_update().filter(pk=activity.pk).exists()  # like cell_set
    existing = {cell.role_id: cell for cell in activity.responsibilities.all()}
    current = {role: existing[role.pk].code if role.pk in existing else "" for role in codes}
    moved_on = [
        role
        for role, code in codes.items()
        if code != expected.get(role, "") and current[role] != expected.get(role, "")
    ]
    if moved_on:
        raise RowConflict(moved_on)
    for role, code in codes.items():
        if code == expected.get(role, ""):
            continue  # untouched by the user
        cell = existing.get(role.pk)
        if not code and cell:
            cell.delete()
        elif code and cell and cell.code != code:
            cell.code = code
            cell.save(update_fields=["code"])
        elif code and not cell:
            Responsibility.objects.create(activity=activity, role=role, code=code)


def activity_next_order() -> int:
    return (Activity.objects.aggregate(highest=Max("order"))["highest"] or 0) + 10


@transaction.atomic
def activity_move(*, activity: Activity, up: bool) -> None:
    """Swap `activity` with its neighbour within its theme."""
    siblings = list(Activity.objects.filter(theme=activity.theme).order_by("order", "id"))
    index = next(i for i, a in enumerate(siblings) if a.pk == activity.pk)
    other_index = index - 1 if up else index + 1
    if not 0 <= other_index < len(siblings):
        return
    # Renumber the theme so equal orders cannot make a swap a no-op.
    siblings[index], siblings[other_index] = siblings[other_index], siblings[index]
    base = min(a.order for a in siblings)
    for position, sibling in enumerate(siblings):
        new_order = base + position
        if sibling.order != new_order:
            sibling.order = new_order
            sibling.save(update_fields=["order"])


@transaction.atomic
def version_adopt(*, adopted_on, note: str, user, forum=None) -> MatrixVersion:
    """Take a snapshot of the matrix as adopted on `adopted_on`; with a `forum`,
    record its decision to adopt it in the same step (both or neither)."""
    version = MatrixVersion.objects.create(
        adopted_on=adopted_on or timezone.localdate(),
        adopted_by=user,
        note=note,
        snapshot=matrix_snapshot(),
    )
    if forum is not None:
        # Imported here: governance builds on the matrix, not the other way round.
        from governance.services import decision_record

        decision_record(
            forum=forum,
            text=gettext("The management matrix is adopted as %(version)s.") % {"version": version},
            rationale=note,
            date=version.adopted_on,
            concerns=[version],
            user=user,
        )
    return version
