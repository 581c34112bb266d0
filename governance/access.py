"""Who may do what with forums, meetings, decisions and actions.

- Managers and beheerders run every forum: they create and edit forums, plan
  meetings, set agendas, write minutes, record decisions and actions.
- A forum's chair (the person linked to their login) does the same for the
  meetings of their own forum.
- The MT reads everything; every other member of the application reads the
  forums they are a member of (in person, through a role they hold today, or
  as chair), with their meetings, decisions and actions.
- The owner of an action updates its status; so do managers and beheerders.
- Outsiders and anonymous visitors get nothing (beheer.access, login).
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from beheer import groups
from beheer.access import in_any_group
from beheer.models import Assignment, Person
from governance.models import Action, Forum


def can_run(user) -> bool:
    return in_any_group(user, groups.BEHEERDERS, groups.MANAGERS)


def reads_everything(user) -> bool:
    return in_any_group(user, groups.BEHEERDERS, groups.MANAGERS, groups.MT)


def person_of(user) -> Person | None:
    """The register's person linked to this login, fetched once per request."""
    if not user.is_authenticated:
        return None
    if not hasattr(user, "_governance_person"):
        user._governance_person = Person.objects.filter(user=user).first()
    return user._governance_person


def member_forum_ids(user) -> frozenset[int]:
    """The forums the user is a member of today (in person, through a role
    held today, or as chair); one query, once per request."""
    if not user.is_authenticated:
        return frozenset()
    cached = getattr(user, "_governance_forum_ids", None)
    if cached is None:
        held_roles = (
            Assignment.objects.current(timezone.localdate())
            .filter(person__user=user, kind=Assignment.Kind.HOLDER)
            .values("role_id")
        )
        cached = frozenset(
            Forum.objects.filter(
                Q(chair__user=user) | Q(people__user=user) | Q(roles__in=held_roles)
            )
            .values_list("pk", flat=True)
            .distinct()
        )
        user._governance_forum_ids = cached
    return cached


def is_chair(user, forum: Forum) -> bool:
    person = person_of(user)
    return person is not None and forum.chair_id == person.pk


def can_read_forum(user, forum: Forum) -> bool:
    return reads_everything(user) or forum.pk in member_forum_ids(user)


def can_edit_meetings(user, forum: Forum) -> bool:
    """Plan meetings of `forum`, set their agendas, minute and close them."""
    return can_run(user) or is_chair(user, forum)


def owns_action(user, action: Action) -> bool:
    person = person_of(user)
    return person is not None and action.owner_id == person.pk


def can_read_action(user, action: Action) -> bool:
    return (
        reads_everything(user)
        or owns_action(user, action)
        or (action.forum_id is not None and action.forum_id in member_forum_ids(user))
    )


def can_update_action(user, action: Action) -> bool:
    """Change the status (with a note): the owner, managers and beheerders."""
    return can_run(user) or owns_action(user, action)


def can_edit_action(user, action: Action) -> bool:
    """Change what the action is, whose and when: whoever runs its forum."""
    if can_run(user):
        return True
    return action.forum is not None and is_chair(user, action.forum)


def readable_forums(user, forums):
    return forums if reads_everything(user) else forums.filter(pk__in=member_forum_ids(user))


def readable_decisions(user, decisions):
    if reads_everything(user):
        return decisions
    return decisions.filter(forum__in=member_forum_ids(user))


def readable_actions(user, actions):
    if reads_everything(user):
        return actions
    return actions.filter(Q(owner__user=user) | Q(forum__in=member_forum_ids(user)))


def require(allowed: bool, message: str | None = None) -> None:
    if not allowed:
        raise PermissionDenied(message or _("You may not change this."))
