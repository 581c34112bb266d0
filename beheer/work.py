"""What a person must do: the registry behind Mijn werk and the attention lists.

Every app that gives people work contributes a `work.py` module beside its models
with one or both of

    def work_items(*, user, person, today) -> list[WorkItem]: ...
    def attention_items(*, today) -> list[WorkItem]: ...

`work_items` is what this user (and their Person record, which may be None) must do;
`attention_items` is what the managers must look at, whoever it falls to. This
module imports each `<app>.work` the way `loaddemo` finds `<app>.demo`, so `beheer`
stays the ground every app builds on and never imports a feature app by name.

A contribution must not let its queries grow with the data: the page calls every
app on every visit, and the header badge counts the items on every page.
"""

from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import import_module
from importlib.util import find_spec

from beheer.validators import project_app_configs


@dataclass(frozen=True)
class WorkItem:
    """One thing to do, with the link that goes straight to it.

    `kind` names what it is ("questionnaire", "matrix-row", ...) so a page can group
    or style items; `title` and `detail` are display strings, translated in the
    language of the request; `progress` is (done, total), e.g. statements answered
    out of all."""

    kind: str
    title: str
    url: str
    due: date | None = None
    overdue: bool = False
    detail: str = ""
    progress: tuple[int, int] | None = None
    # 0 is the most urgent; items without a date sort by it after the dated ones.
    priority: int = 5
    # For the managers' attention list: how many there are ("3 roles without a holder").
    count: int | None = None

    def __post_init__(self):
        # Plain strings: the lists are cached, and lazy translations pickle slowly
        # (and in the language of whoever computed them first).
        for name in ("title", "detail", "url"):
            value = getattr(self, name)
            if not isinstance(value, str):
                object.__setattr__(self, name, str(value))

    @property
    def sort_key(self) -> tuple:
        # Overdue first, then by due date (soonest first), then undated by priority.
        return (
            not self.overdue,
            self.due is None,
            self.due or date.max,
            self.priority,
            self.title.casefold(),
        )

    @property
    def progress_percent(self) -> int | None:
        if not self.progress or not self.progress[1]:
            return None
        done, total = self.progress
        return round(100 * done / total)


# This module is beheer's `work` module by name, but it holds the registry; the
# register's own contribution (roles without a deputy, assignments ending) lives
# beside it.
_CONTRIBUTION_MODULE = {"beheer": "beheer.work_items"}


@cache
def work_modules() -> tuple:
    """The `work` module of every project app that has one, in app order."""
    found = []
    for config in project_app_configs():
        name = _CONTRIBUTION_MODULE.get(config.name, f"{config.name}.work")
        if find_spec(name) is not None:
            found.append(import_module(name))
    return tuple(found)


def most_urgent_first(items) -> list[WorkItem]:
    return sorted(items, key=lambda item: item.sort_key)


def collect_work(*, user, person, today: date) -> list[WorkItem]:
    """Everything `user` must do, from every app, most urgent first."""
    items = []
    for module in work_modules():
        contribute = getattr(module, "work_items", None)
        if contribute is not None:
            items.extend(contribute(user=user, person=person, today=today))
    return most_urgent_first(items)


def collect_attention(*, today: date) -> list[WorkItem]:
    """What the managers must look at, from every app, most urgent first."""
    items = []
    for module in work_modules():
        contribute = getattr(module, "attention_items", None)
        if contribute is not None:
            items.extend(contribute(today=today))
    return most_urgent_first(items)
