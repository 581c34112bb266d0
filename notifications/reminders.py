"""What the daily run reminds people of: the registry behind `send_reminders`.

Every app that has deadlines may contribute a `reminders.py` module beside its
models with

    def reminders(*, today) -> list[Reminder]: ...

This module imports each `<app>.reminders` the way beheer.work finds
`<app>.work`. Until the apps own theirs, the rules live in notifications.rules,
which reads the other apps' models without changing them.

A contribution runs a fixed number of queries, however many recipients and
items there are: the run reads every rule once, not once per person.
"""

from dataclasses import dataclass, field
from datetime import date
from functools import cache
from importlib import import_module
from importlib.util import find_spec

from beheer.validators import project_app_configs


@dataclass(frozen=True)
class Reminder:
    """One message for one or more users (by id).

    `subject` and `text` are (lazy) translatable strings with %(name)s
    placeholders, filled from `params` in each recipient's language; `key`
    names the item and the stage ("action:12:tomorrow:2026-12-01"), so a
    reminder is stored once per recipient however often the run repeats."""

    kind: str
    key: str
    recipients: tuple[int, ...]
    subject: object
    text: object
    url: str = ""
    params: dict = field(default_factory=dict)


_CONTRIBUTION_MODULE = {"notifications": "notifications.rules"}


@cache
def reminder_modules() -> tuple:
    found = []
    for config in project_app_configs():
        name = _CONTRIBUTION_MODULE.get(config.name, f"{config.name}.reminders")
        if find_spec(name) is not None:
            found.append(import_module(name))
    return tuple(found)


def collect_reminders(*, today: date) -> list[Reminder]:
    items = []
    for module in reminder_modules():
        contribute = getattr(module, "reminders", None)
        if contribute is not None:
            items.extend(contribute(today=today))
    return items


def stage(due: date, *, today: date, week: int = 7) -> str | None:
    """Which reminder a due date calls for today: a week ahead (sent once within
    the last week, so a missed run catches up), the day before, or overdue."""
    days = (due - today).days
    if days < 0:
        return "overdue"
    if days <= 1:
        return "tomorrow"
    if days <= week:
        return "soon"
    return None
