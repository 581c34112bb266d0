"""Register import through django-import-export: natural keys, all or nothing."""

import tablib
from django.urls import reverse

from beheer.models import Assignment, Department, Person, Role, Supplier
from beheer.resources import AssignmentResource, PersonResource, RoleResource
from tests.beheer import makers

PERSON_HEADERS = ["name", "email", "job_title", "department", "is_external", "supplier", "firm"]


def _import(resource, headers, rows, dry_run=False):
    return resource.import_data(tablib.Dataset(*rows, headers=headers), dry_run=dry_run)


def test_people_import_by_e_mail_with_departments_and_suppliers_by_name(db):
    Department.objects.create(name="Wonen")
    Supplier.objects.create(name="Flex IT")
    makers.person("Oude naam", email="ina@example.org")

    result = _import(
        PersonResource(),
        PERSON_HEADERS,
        [
            ("Ina Intern", "ina@example.org", "Woonconsulent", "Wonen", "0", "", ""),
            ("Eef Extern", "eef@example.org", "Consultant", "", "1", "Flex IT", ""),
        ],
    )

    assert not result.has_errors() and not result.has_validation_errors()
    assert Person.objects.count() == 2  # Ina updated, not duplicated
    ina = Person.objects.get(email="ina@example.org")
    assert (ina.name, ina.department.name) == ("Ina Intern", "Wonen")
    assert Person.objects.get(email="eef@example.org").supplier.name == "Flex IT"


def test_one_bad_row_imports_nothing_and_names_the_row(db):
    Department.objects.create(name="Wonen")

    result = _import(
        PersonResource(),
        PERSON_HEADERS,
        [
            ("Goed", "goed@example.org", "", "Wonen", "0", "", ""),
            ("Onbekende afdeling", "fout@example.org", "", "Bestaat niet", "0", "", ""),
            ("Zonder e-mail", "", "", "", "0", "", ""),
        ],
    )

    assert result.has_errors() or result.has_validation_errors()
    assert not Person.objects.filter(email__in=["goed@example.org", "fout@example.org"]).exists()
    failing_rows = {row.number for row in result.invalid_rows} | {
        number for number, _errors in result.row_errors()
    }
    assert failing_rows == {2, 3}


def test_an_internal_person_with_a_supplier_is_a_row_error(db):
    Supplier.objects.create(name="Flex IT")

    result = _import(
        PersonResource(), PERSON_HEADERS, [("X", "x@example.org", "", "", "0", "Flex IT", "")]
    )

    assert result.has_validation_errors()
    assert not Person.objects.filter(email="x@example.org").exists()


def test_assignments_import_by_person_e_mail_and_role_name(db):
    person = makers.person("Petra", email="petra@example.org")
    role = makers.role("Kennisbankredactie")

    result = _import(
        AssignmentResource(),
        ["person_email", "role", "kind", "start_date", "end_date", "note"],
        [("petra@example.org", "Kennisbankredactie", "deputy", "2026-01-01", "", "")],
    )

    assert not result.has_errors() and not result.has_validation_errors()
    assert Assignment.objects.get().person == person
    assert Assignment.objects.get().role == role


def test_an_unknown_role_refuses_the_whole_assignment_import(db):
    makers.person("Petra", email="petra@example.org")
    makers.role("Kennisbankredactie")

    result = _import(
        AssignmentResource(),
        ["person_email", "role", "kind", "start_date", "end_date", "note"],
        [
            ("petra@example.org", "Kennisbankredactie", "holder", "2026-01-01", "", ""),
            ("petra@example.org", "Bestaat niet", "holder", "2026-01-01", "", ""),
        ],
    )

    assert result.has_errors() or result.has_validation_errors()
    assert not Assignment.objects.exists()


def test_roles_export_names_not_ids(db):
    component = makers.component("CRM")
    makers.role("CRM-beheer", component=component)

    exported = RoleResource().export(queryset=Role.objects.filter(name="CRM-beheer"))

    assert exported.dict[0]["component"] == "CRM"
    assert exported.dict[0]["name"] == "CRM-beheer"


def test_the_admin_offers_import_and_export_to_beheerders(client_as):
    client = client_as("beheerder")

    assert client.get(reverse("admin:beheer_person_import")).status_code == 200
    assert client.get(reverse("admin:beheer_assignment_export")).status_code == 200
    assert client_as("manager").get(reverse("admin:beheer_person_import")).status_code == 302
