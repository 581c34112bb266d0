"""Small builders for register records in tests; defaults keep tests short."""

from datetime import date, timedelta

from django.utils import timezone

from beheer.models import Assignment, Component, Person, Role


def today() -> date:
    return timezone.localdate()


def days(n: int) -> date:
    return today() + timedelta(days=n)


def person(name: str = "Anna de Wit", **fields) -> Person:
    fields.setdefault("email", name.lower().replace(" ", ".") + "@example.org")
    return Person.objects.create(name=name, **fields)


def role(name: str = "Testrol", **fields) -> Role:
    return Role.objects.create(name=name, **fields)


def component(name: str = "Testonderdeel", **fields) -> Component:
    return Component.objects.create(name=name, **fields)


def assign(who: Person, what: Role, kind: str = "holder", start=None, end=None) -> Assignment:
    return Assignment.objects.create(
        person=who, role=what, kind=kind, start_date=start or days(-30), end_date=end
    )
