"""Who may read and who may change the register: every page, every persona."""

import pytest
from django.urls import reverse

from beheer.history import current_version
from beheer.models import Assignment, Department, Person, ServiceProcess, Supplier
from tests.beheer import makers
from tests.personas import ALL_PERSONAS

READERS = {"beheerder", "manager", "owner", "key_user", "mt"}
EDITORS = {"beheerder", "manager"}

PREFIXES = ("component", "role", "person", "process", "supplier", "department")
LISTS = ("components", "roles", "people", "processes", "suppliers", "departments")


@pytest.fixture
def register(db):
    supplier = Supplier.objects.create(name="KlantLink")
    department = Department.objects.create(name="Wonen")
    component = makers.component(supplier=supplier)
    process = ServiceProcess.objects.create(name="Reparatieverzoek", component=component)
    role = makers.role(component=component, service_process=process)
    person = makers.person(department=department)
    assignment = makers.assign(person, role)
    return {
        "component": component,
        "role": role,
        "person": person,
        "process": process,
        "supplier": supplier,
        "department": department,
        "assignment": assignment,
    }


def _read_urls(register):
    urls = [reverse(f"beheer:{name}") for name in LISTS]
    urls += [reverse(f"beheer:{p}", args=[register[p].pk]) for p in PREFIXES]
    urls += [
        reverse("beheer:risks"),
        reverse("beheer:risks-xlsx"),
        reverse("beheer:person-card", args=[register["person"].pk]),
    ]
    return urls


def _write_form_urls(register):
    urls = [reverse(f"beheer:{p}-create") for p in PREFIXES]
    urls += [reverse(f"beheer:{p}-update", args=[register[p].pk]) for p in PREFIXES]
    urls += [reverse(f"beheer:{p}-delete", args=[register[p].pk]) for p in PREFIXES]
    urls += [
        reverse("beheer:person-assign", args=[register["person"].pk]),
        reverse("beheer:role-assign", args=[register["role"].pk]),
        reverse("beheer:assignment-update", args=[register["assignment"].pk]),
        reverse("beheer:person-leave", args=[register["person"].pk]),
        reverse("beheer:settings"),
    ]
    return urls


def _expected(persona: str, allowed: set[str]) -> int:
    if persona == "anonymous":
        return 302
    return 200 if persona in allowed else 403


@pytest.mark.parametrize("persona", ALL_PERSONAS)
def test_readers_see_every_register_page(client_as, register, persona):
    client = client_as(persona)

    for url in _read_urls(register):
        response = client.get(url)
        assert response.status_code == _expected(persona, READERS), url
        if persona == "anonymous":
            assert response["Location"].startswith(reverse("login")), url


@pytest.mark.parametrize("persona", ALL_PERSONAS)
def test_only_editors_open_the_forms(client_as, register, persona):
    client = client_as(persona)

    for url in _write_form_urls(register):
        assert client.get(url).status_code == _expected(persona, EDITORS), url


@pytest.mark.parametrize("persona", ALL_PERSONAS)
def test_only_editors_change_anything(client_as, register, persona):
    client = client_as(persona)
    person, role = register["person"], register["role"]
    colleague = makers.person("Collega")

    client.post(reverse("beheer:person-create"), {"name": "Nieuw", "is_active": "on"})
    client.post(
        reverse("beheer:person-update", args=[person.pk]),
        {"name": "Hernoemd", "seen_version": current_version(person)},
    )
    client.post(
        reverse("beheer:role-assign", args=[role.pk]),
        {"person": colleague.pk, "kind": "deputy", "start_date": "2026-01-01"},
    )
    client.post(reverse("beheer:assignment-delete", args=[register["assignment"].pk]))
    client.post(reverse("beheer:supplier-delete", args=[register["supplier"].pk]))

    changed = (
        Person.objects.filter(name="Nieuw").exists(),
        Person.objects.filter(name="Hernoemd").exists(),
        Assignment.objects.filter(kind="deputy").exists(),
        not Assignment.objects.filter(pk=register["assignment"].pk).exists(),
        not Supplier.objects.filter(pk=register["supplier"].pk).exists(),
    )
    if persona in EDITORS:
        assert changed == (True, True, True, True, True)
    else:
        assert changed == (False, False, False, False, False)


@pytest.mark.parametrize("persona", ["owner", "key_user", "mt"])
def test_readers_see_no_edit_buttons(client_as, register, persona):
    content = client_as(persona).get(register["role"].get_absolute_url()).content.decode()

    assert reverse("beheer:role-update", args=[register["role"].pk]) not in content
    assert reverse("beheer:role-assign", args=[register["role"].pk]) not in content
    assert reverse("beheer:settings") not in content
