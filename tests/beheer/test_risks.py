import pytest

from beheer.models import OrganisationSettings, Supplier
from beheer.risks import knowledge_risks
from tests.beheer import makers
from tests.beheer.makers import assign, days

pytestmark = pytest.mark.usefixtures("empty_register")


def _subjects(rule_key: str) -> list[str]:
    return [str(f.subject) for f in knowledge_risks().rule(rule_key).findings]


def test_a_role_without_holder_is_vacant():
    makers.role("Eigenaar Kennisbank")

    assert _subjects("vacant") == ["Eigenaar Kennisbank"]


def test_a_deputy_alone_does_not_fill_a_role():
    role = makers.role()
    assign(makers.person(), role, kind="deputy")

    assert _subjects("vacant") == ["Testrol"]


def test_ended_and_future_assignments_do_not_fill_a_role():
    role = makers.role()
    assign(makers.person("Oud"), role, start=days(-100), end=days(-1))
    assign(makers.person("Nieuw"), role, start=days(5))

    assert _subjects("vacant") == ["Testrol"]


def test_an_assignment_ending_today_still_counts():
    role = makers.role()
    assign(makers.person(), role, end=makers.today())

    assert _subjects("vacant") == []


def test_one_holder_without_deputy_is_a_risk():
    role = makers.role()
    assign(makers.person(), role)

    assert _subjects("no_deputy") == ["Testrol"]
    finding = knowledge_risks().rule("no_deputy").findings[0]
    assert finding.fix_url == role.get_absolute_url()


def test_a_deputy_or_a_second_holder_removes_the_no_deputy_risk():
    with_deputy, two_holders = makers.role("A"), makers.role("B")
    assign(makers.person("P1"), with_deputy)
    assign(makers.person("P2"), with_deputy, kind="deputy")
    assign(makers.person("P3"), two_holders)
    assign(makers.person("P4"), two_holders)

    assert _subjects("no_deputy") == []


def test_a_role_held_only_by_externals_is_a_risk():
    supplier = Supplier.objects.create(name="Flex IT")
    external_only, mixed = makers.role("Technisch beheer"), makers.role("Functioneel beheer")
    assign(makers.person("Extern", is_external=True, supplier=supplier), external_only)
    assign(makers.person("Extern 2", is_external=True, firm="Bureau X"), external_only, "deputy")
    assign(makers.person("Extern 3", is_external=True), mixed)
    assign(makers.person("Intern"), mixed, kind="deputy")

    findings = knowledge_risks().rule("external_only").findings
    assert [str(f.subject) for f in findings] == ["Technisch beheer"]
    assert "Flex IT" in findings[0].detail and "Bureau X" in findings[0].detail


def test_people_above_the_configured_limit_are_overloaded():
    busy, fine = makers.person("Druk"), makers.person("Rustig")
    for number in range(6):
        assign(busy, makers.role(f"Rol {number}"), kind="holder" if number % 2 else "deputy")
    for number in range(5):
        assign(fine, makers.role(f"Andere rol {number}"))

    assert _subjects("overloaded") == ["Druk"]

    OrganisationSettings.objects.update_or_create(pk=1, defaults={"max_roles_per_person": 6})
    assert _subjects("overloaded") == []


def test_ended_roles_do_not_count_towards_the_limit():
    person = makers.person()
    for number in range(6):
        assign(person, makers.role(f"Rol {number}"), start=days(-90), end=days(-1))

    assert _subjects("overloaded") == []


def test_assignments_ending_within_the_window_are_reported():
    soon, later, open_ended = makers.role("Binnenkort"), makers.role("Later"), makers.role("Open")
    assign(makers.person("A"), soon, end=days(59))
    assign(makers.person("B"), later, end=days(61))
    assign(makers.person("C"), open_ended)

    assert _subjects("ending_soon") == ["Binnenkort"]


def test_people_who_left_or_are_inactive_but_hold_roles_are_reported():
    role = makers.role()
    left = makers.person("Vertrokken", leaving_date=days(-10))
    inactive = makers.person("Inactief", is_active=False)
    leaving_later = makers.person("Gaat pas weg", leaving_date=days(10))
    inactive_without_roles = makers.person("Inactief zonder rol", is_active=False)
    for who in (left, inactive, leaving_later):
        assign(who, role)

    assert _subjects("departed") == ["Inactief", "Vertrokken"]
    assert inactive_without_roles.name not in _subjects("departed")


def test_a_complete_register_has_no_findings():
    role = makers.role()
    assign(makers.person("Houder"), role)
    assign(makers.person("Vervanger"), role, kind="deputy")

    assert knowledge_risks().total == 0


def test_the_report_comes_from_the_cache_the_second_time(client_as):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    makers.role("Vacante rol")
    client = client_as("mt")
    client.get(reverse("beheer:risks"))

    with CaptureQueriesContext(connection) as queries:
        content = client.get(reverse("beheer:risks")).content.decode()

    assert "Vacante rol" in content
    assert not [q for q in queries if "beheer_role" in q["sql"]]


def test_only_editors_see_the_settings_link_also_from_the_cache(client_as):
    from django.urls import reverse

    makers.role("Vacante rol")
    settings = reverse("beheer:settings")
    manager, reader = client_as("manager"), client_as("mt")

    first = manager.get(reverse("beheer:risks")).content.decode()
    for_the_reader = reader.get(reverse("beheer:risks")).content.decode()
    again = manager.get(reverse("beheer:risks")).content.decode()

    assert settings in first and settings in again
    assert settings not in for_the_reader
    assert "Vacante rol" in for_the_reader
