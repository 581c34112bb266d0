"""What the daily run reminds people of: the registry behind `send_reminders`.

Every app that has deadlines may contribute a `reminders.py` module beside its
models with

    def reminders(*, today) -> list[Reminder]: ...

and, if it has recurring rounds, with

    def run_schedules(*, today) -> int: ...

which starts the rounds due today (and invites for them) and returns how many
it started. The run calls every `run_schedules` before it collects the
reminders, so a round started today is reminded of like any other.

This module imports each `<app>.reminders` the way beheer.work finds
`<app>.work`: governance (actions), maturity (questionnaire answers, recurring
assessments), matrix (access reviews, recurring reviews), kpi (values due) and
beheer (the managers' signals about the register). A contribution only reads
its app's data; it never changes another app's.

A contribution runs a fixed number of queries, however many recipients and
items there are: the run reads every rule once, not once per person. The
helpers below are the rules' common ground: who is still present, who the
managers are, which stage a due date is at.
"""

from calendar import monthrange
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from importlib import import_module
from importlib.util import find_spec

from django.contrib.auth import get_user_model
from django.db.models import Q

from beheer import groups
from beheer.validators import project_app_configs
from notifications.models import Topic


@dataclass(frozen=True)
class Reminder:
    """One message for one or more users (by id).

    `subject` and `text` are (lazy) translatable strings with %(name)s
    placeholders, filled from `params` in each recipient's language; `key`
    names the item and the stage ("action:12:tomorrow:2026-12-01"), so a
    reminder is stored once per recipient however often the run repeats.
    `topic` picks the recipient's delivery setting it follows."""

    kind: str
    key: str
    recipients: tuple[int, ...]
    subject: object
    text: object
    url: str = ""
    params: dict = field(default_factory=dict)
    topic: str = Topic.DEADLINES


@cache
def reminder_modules() -> tuple:
    found = []
    for config in project_app_configs():
        name = f"{config.name}.reminders"
        # This module is notifications' own `reminders`: the registry, no rules.
        if name != __name__ and find_spec(name) is not None:
            found.append(import_module(name))
    return tuple(found)


def collect_reminders(*, today: date) -> list[Reminder]:
    items = []
    for module in reminder_modules():
        contribute = getattr(module, "reminders", None)
        if contribute is not None:
            items.extend(contribute(today=today))
    return items


def run_schedules(*, today: date) -> int:
    """Start the recurring rounds due today; how many were started."""
    started = 0
    for module in reminder_modules():
        run = getattr(module, "run_schedules", None)
        if run is not None:
            started += run(today=today)
    return started


def add_months(day: date, months: int) -> date:
    """`day` moved `months` on; the 31st becomes the last day of a shorter month."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return day.replace(year=year, month=month, day=min(day.day, monthrange(year, month)[1]))


def next_start(start: date, *, months: int, today: date) -> date:
    """The first start after `today` on the schedule through `start`: a run
    missed for longer than one period starts one round, not several."""
    following = add_months(start, months)
    steps = 1
    while following <= today:
        steps += 1
        # Counted from `start`, not step by step, so a catch-up keeps its day.
        following = add_months(start, months * steps)
    return following


def stage(due: date, *, today: date, week: int = 7, say_today: bool = False) -> str | None:
    """Which reminder a due date calls for today: a week ahead (sent once within
    the last week, so a missed run catches up), the day before, or overdue.
    A run on the due date itself says "today" when `say_today`, else counts
    it as the day before's reminder, sent late."""
    days = (due - today).days
    if days < 0:
        return "overdue"
    if days == 0 and say_today:
        return "today"
    if days <= 1:
        return "tomorrow"
    if days <= week:
        return "soon"
    return None


def day_text(value: date) -> str:
    """A date in a reminder's text: day-month-year, as the pages show it."""
    return value.strftime("%d-%m-%Y")


def person_present(today: date, prefix: str = "") -> Q:
    """A person (beheer.Person, through `prefix`) who has not left: active, and
    no leaving date before today."""
    return Q(**{f"{prefix}is_active": True}) & (
        Q(**{f"{prefix}leaving_date__isnull": True}) | Q(**{f"{prefix}leaving_date__gte": today})
    )


def user_present(today: date) -> Q:
    """A login whose person (if any) has not left."""
    return Q(is_active=True) & (Q(person__isnull=True) | person_present(today, "person__"))


def manager_ids(*, today: date) -> tuple[int, ...]:
    """The managers with a login who have not left; one query."""
    return tuple(
        get_user_model()
        .objects.filter(user_present(today), groups__name=groups.MANAGERS)
        .order_by("pk")
        .values_list("pk", flat=True)
        .distinct()
    )
