"""The action register's part of Mijn werk (beheer.work): the open actions a
person owns, from meetings, factor reviews, maturity steps and reviews alike;
for the managers, how many actions are overdue."""

from datetime import date

from django.urls import reverse
from django.utils.translation import gettext as _

from beheer.work import WorkItem
from governance.models import Action
from governance.selectors import actions_of_person


def work_items(*, user, person, today: date) -> list[WorkItem]:
    """One query: the person's open and in-progress actions."""
    sources = dict(Action.Source.choices)
    items = []
    for action in actions_of_person(person=person, today=today).unfinished:
        # A factor review's action concerns the review and its factor: name the factor.
        concerns = ", ".join(
            str(obj)
            for obj in action.concerns()
            if not (obj == action.factor_review and action.success_factor_id)
        )
        origin = str(action.meeting or action.forum or sources.get(action.source, ""))
        items.append(
            WorkItem(
                kind="action",
                title=action.title,
                url=action.get_absolute_url(),
                due=action.due_date,
                overdue=action.is_overdue(today),
                detail=" · ".join(part for part in (origin, concerns) if part),
                priority=5,
            )
        )
    return items


def attention_items(*, today: date) -> list[WorkItem]:
    overdue = Action.objects.overdue(today).count()
    if not overdue:
        return []
    return [
        WorkItem(
            kind="actions-overdue",
            title=_("actions past their due date"),
            url=reverse("governance:actions") + "?status=unfinished&overdue=on",
            count=overdue,
            priority=1,
        )
    ]
