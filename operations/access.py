"""Who may do what with wishes, releases, service levels and training.

- Everyone with access to the application submits wishes, reads the backlog,
  follows their own wishes and comments on any wish (key users and owners add
  to them). The submitter changes their wish's text while it is still
  submitted, and answers a request for more information.
- A component's owner (a guardian grant that follows the register, as for
  the matrix rows: matrix.access.editable_component_ids) and managers and
  beheerders triage wishes: accept, reject with a reason, ask for more
  information, prioritise and plan.
- Managers and beheerders manage releases, contracts, service levels,
  courses and sessions; a key user records the result of the test items
  assigned to them (the person linked to their login).
- Every group reads releases, contracts and courses; the training gap report
  (who lacks which training) is for managers, beheerders and the MT.
- Outsiders and anonymous visitors get nothing (beheer.access, login).
"""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from beheer import groups
from beheer.access import in_any_group
from beheer.models import Person
from matrix.access import editable_component_ids
from operations.models import ChangeRequest, TestItem


def can_manage(user) -> bool:
    """Releases, contracts, service levels and training: managers and beheerders."""
    return in_any_group(user, groups.BEHEERDERS, groups.MANAGERS)


def reads_reports(user) -> bool:
    return in_any_group(user, groups.BEHEERDERS, groups.MANAGERS, groups.MT)


def person_of(user) -> Person | None:
    """The register's person linked to this login, fetched once per request."""
    if not user.is_authenticated:
        return None
    if not hasattr(user, "_operations_person"):
        user._operations_person = Person.objects.filter(user=user).first()
    return user._operations_person


def triage_component_ids(user) -> set[int] | None:
    """The components whose wishes `user` triages; None: every component."""
    if can_manage(user):
        return None
    return editable_component_ids(user)


def can_triage(user, change_request: ChangeRequest) -> bool:
    ids = triage_component_ids(user)
    return ids is None or change_request.component_id in ids


def can_triage_any(user) -> bool:
    ids = triage_component_ids(user)
    return ids is None or bool(ids)


def is_submitter(user, change_request: ChangeRequest) -> bool:
    return user.is_authenticated and change_request.submitted_by_id == user.pk


def can_edit_request(user, change_request: ChangeRequest) -> bool:
    """Change the wish's text: its triagers, and its submitter until it is handled."""
    if can_triage(user, change_request):
        return True
    return (
        is_submitter(user, change_request)
        and change_request.status == ChangeRequest.Status.SUBMITTED
    )


def can_record_test(user, item: TestItem) -> bool:
    """The key user the item is assigned to, and whoever manages releases."""
    if can_manage(user):
        return True
    person = person_of(user)
    return person is not None and item.tester_id == person.pk


def require(allowed: bool, message: str | None = None) -> None:
    if not allowed:
        raise PermissionDenied(message or _("You may not change this."))
