"""The actions' part of the daily reminders (notifications.reminders): the owner
of an open action hears of its due date a week ahead, the day before (or on the
day itself) and once it has passed. Only owners with a login who have not left."""

from datetime import date, timedelta

from django.utils.translation import gettext_lazy as _

from governance.models import Action
from notifications.reminders import Reminder, day_text, person_present, stage

_SUBJECTS = {
    "soon": _("Action due on %(date)s: %(title)s"),
    "tomorrow": _("Action due tomorrow: %(title)s"),
    "today": _("Action due today: %(title)s"),
    "overdue": _("Action overdue since %(date)s: %(title)s"),
}


def reminders(*, today: date) -> list[Reminder]:
    """One query: the open actions due within a week or overdue, with their owner."""
    actions = (
        Action.objects.unfinished()
        .filter(due_date__lte=today + timedelta(days=7), owner__user__is_active=True)
        .filter(person_present(today, "owner__"))
        .select_related("owner")
        .order_by("due_date", "pk")
    )
    found = []
    for action in actions:
        step = stage(action.due_date, today=today, say_today=True)
        found.append(
            Reminder(
                kind="action-" + step,
                key=f"action:{action.pk}:{step}:{action.due_date.isoformat()}",
                recipients=(action.owner.user_id,),
                subject=_SUBJECTS[step],
                text=_(
                    "You own the action “%(title)s”, due on %(date)s. Update its status "
                    "when it is done, or agree a new date."
                ),
                url=action.get_absolute_url(),
                params={"title": action.title, "date": day_text(action.due_date)},
            )
        )
    return found
