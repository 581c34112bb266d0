"""Every export is safe to open: no user text as a live formula, no control character
that breaks the file, and the admin's files import back unchanged."""

import csv
import io
from datetime import date
from decimal import Decimal

import pytest
import tablib
from django.contrib import admin
from django.urls import reverse
from guardian.shortcuts import assign_perm
from import_export.forms import SelectableFieldsExportForm
from openpyxl import load_workbook

from beheer import cells, resources
from beheer.admin import RegisterAdmin
from beheer.models import (
    Assignment,
    Component,
    Department,
    Person,
    Role,
    ServiceProcess,
    Supplier,
)
from kpi.models import Kpi
from matrix.models import Activity, Grant, Right
from maturity.models import Assessment
from tests.beheer import makers

REGISTER_ADMINS = {
    model: model_admin
    for model, model_admin in admin.site._registry.items()
    if isinstance(model_admin, RegisterAdmin)
}
REGISTER_MODELS = sorted(REGISTER_ADMINS, key=lambda model: model.__name__)
FORMATS = ("xlsx", "csv")


def _formula(label: str) -> str:
    return f'=HYPERLINK("http://x.example/{label}","y")'


@pytest.fixture
def hostile_register(db):
    """One record of every register model, with formula-like text in every text column
    (each value valid input: a data-entry clerk could type all of it)."""
    supplier = Supplier.objects.create(
        name=_formula("supplier"),
        contact_name="-Contact",
        contact_email="-sales@x.example",
        contact_phone="+31 20 123 4567",
        website="https://x.example/",
        sla_notes="@SUM(1+1)\n\tsecond line",
    )
    department = Department.objects.create(name=_formula("department"), description="\tindented")
    component = Component.objects.create(
        name=_formula("component"),
        description="-minus",
        supplier=supplier,
        work_agreements="+plus",
    )
    process = ServiceProcess.objects.create(
        name=_formula("process"), description="@at", component=component, department=department
    )
    role = Role.objects.create(
        name=_formula("role"),
        component=component,
        service_process=process,
        description="'=already quoted",
        responsibilities="=1+1",
    )
    person = Person.objects.create(
        name=_formula("person"),
        email="-person@x.example",
        job_title="@job",
        department=department,
        is_external=True,
        supplier=supplier,
        firm="+firm",
        leaving_date=date(2027, 1, 31),
    )
    assignment = Assignment.objects.create(
        person=person, role=role, start_date=date(2026, 1, 1), note="=note"
    )
    records = (supplier, department, component, process, role, person, assignment)
    return {type(record): record for record in records}


def _format_index(model_admin, title: str, *, export=True) -> str:
    formats = model_admin.get_export_formats() if export else model_admin.get_import_formats()
    return str([f().get_title() for f in formats].index(title))


def _admin_export(client, model, title: str):
    model_admin = REGISTER_ADMINS[model]
    resource = model_admin.resource_classes[0]
    data = {"format": _format_index(model_admin, title), "resource": "0"}
    for name in resource().get_export_order():
        data[SelectableFieldsExportForm.create_boolean_field_name(resource, name)] = "on"
    return client.post(reverse(f"admin:beheer_{model._meta.model_name}_export"), data)


def _cells_of_xlsx(content: bytes):
    sheet = load_workbook(io.BytesIO(content)).active
    return [cell for row in sheet.iter_rows() for cell in row if cell.value is not None]


def _fields_of_csv(content: bytes) -> list[str]:
    return [field for row in csv.reader(io.StringIO(content.decode())) for field in row]


def test_the_admin_offers_only_xlsx_and_csv(db):
    for model_admin in REGISTER_ADMINS.values():
        for formats in (model_admin.get_export_formats(), model_admin.get_import_formats()):
            assert [f().get_title() for f in formats] == list(FORMATS)
    assert set(REGISTER_MODELS) == {
        Assignment,
        Component,
        Department,
        Person,
        Role,
        ServiceProcess,
        Supplier,
    }


@pytest.mark.parametrize("title", FORMATS)
@pytest.mark.parametrize("model", REGISTER_MODELS, ids=lambda model: model.__name__)
def test_no_admin_export_holds_a_live_formula(client_as, hostile_register, model, title):
    response = _admin_export(client_as("beheerder"), model, title)

    assert response.status_code == 200
    assert response["Content-Disposition"].endswith(f'.{title}"')
    if title == "xlsx":
        written = _cells_of_xlsx(response.content)
        assert not [c.coordinate for c in written if c.data_type == "f"]
        formula_like = [c for c in written if isinstance(c.value, str) and c.value[:1] in "=+-@"]
        assert formula_like  # the test data made it into the file
        assert all(c.data_type == "s" and c.quotePrefix for c in formula_like)
    else:
        fields = _fields_of_csv(response.content)
        assert not [f for f in fields if f.startswith(cells.FORMULA_PREFIXES)]
        assert any(f.startswith("'=HYPERLINK(") for f in fields)
        assert response.content.decode().startswith('"')  # every field quoted


def test_the_manager_of_a_department_cannot_plant_a_link_in_the_beheerders_export(client_as):
    Department.objects.create(name='=HYPERLINK("http://x.example/d","y")')

    xlsx = _admin_export(client_as("beheerder"), Department, "xlsx")
    csv_file = _admin_export(client_as("beheerder"), Department, "csv")

    [cell] = [c for c in _cells_of_xlsx(xlsx.content) if str(c.value).startswith("=HYP")]
    assert (cell.data_type, cell.quotePrefix) == ("s", True)
    assert cell.value == '=HYPERLINK("http://x.example/d","y")'  # shown exactly as typed
    assert '"\'=HYPERLINK(""http://x.example/d"",""y"")"' in csv_file.content.decode()


def _admin_import(client, model, title: str, content: bytes):
    """The admin's import: upload (a dry run with a preview), return the preview's result
    and the confirmation data."""
    model_admin = REGISTER_ADMINS[model]
    response = client.post(
        reverse(f"admin:beheer_{model._meta.model_name}_import"),
        {
            "resource": "0",
            "format": _format_index(model_admin, title, export=False),
            "import_file": io.BytesIO(content),
        },
        format="multipart",
    )
    assert response.status_code == 200
    assert "result" in response.context, response.context["form"].errors
    return response.context["result"], response.context["confirm_form"].initial


@pytest.mark.parametrize("title", FORMATS)
@pytest.mark.parametrize("model", REGISTER_MODELS, ids=lambda model: model.__name__)
def test_an_exported_file_imports_back_unchanged(client_as, hostile_register, model, title):
    client = client_as("beheerder")
    content = _admin_export(client, model, title).content

    result, _confirm = _admin_import(client, model, title, content)

    # Unchanged rows are skipped: an escaping quote left in the data would be an update.
    assert not result.has_errors() and not result.has_validation_errors()
    assert result.totals["skip"] == model.objects.count() > 0
    assert result.totals["new"] == result.totals["update"] == 0


@pytest.mark.parametrize("title", FORMATS)
def test_an_import_restores_formula_like_text_exactly(client_as, title):
    values = {
        "=HYPERLINK(1)": "\tindented",
        "+31 Wonen": "'=starts with a quote",
        "@Klantcontact": "-\nmore lines",
    }
    for name, description in values.items():
        Department.objects.create(name=name, description=description)
    client = client_as("beheerder")
    content = _admin_export(client, Department, title).content
    Department.objects.filter(name__in=values).update(description="changed")

    _result, confirm = _admin_import(client, Department, title, content)
    response = client.post(reverse("admin:beheer_department_process_import"), confirm, follow=True)

    assert response.status_code == 200
    restored = dict(Department.objects.filter(name__in=values).values_list("name", "description"))
    assert restored == values


@pytest.mark.parametrize(
    "text",
    [
        "=1+1",
        "+1",
        "-1",
        "@SUM(A1)",
        "\t=1",
        "\r=1",
        "'=1",
        "''@x",
        "'plain",
        "plain",
        "",
        "a=b",
    ],
)
def test_the_csv_escape_is_undone_exactly_by_the_import(text):
    written = cells.csv_value(text)

    assert not written.startswith(cells.FORMULA_PREFIXES)
    assert cells.csv_value_read(written) == text


def test_the_csv_format_reads_back_what_it_wrote():
    rows = [["=1+1", "'@x", "-\r\nline", "plain", ""], ["\t=1", "+31", "a,b", 'say "hi"', "'"]]
    dataset = tablib.Dataset(*rows, headers=["a", "b", "c", "d", "e"])

    back = resources.CSV(encoding="utf-8").create_dataset(
        resources.CSV().export_data(dataset).encode()
    )

    assert [list(row) for row in back] == rows


def test_csv_fields_lose_control_characters_and_then_get_the_quote():
    assert cells.csv_value("\x0b=1+1") == "'=1+1"
    assert cells.csv_value("a\x00b\x07c\x1bd\x7fe\ufffff") == "abcdef"
    assert cells.csv_value("keep\ttab\nand lines\r\n") == "keep\ttab\nand lines\r\n"
    assert cells.csv_value(5) == 5


# Data written around the forms (a data migration, raw SQL, an old import) cannot
# break a download for everyone: every workbook drops the control characters.

# No NUL among them: PostgreSQL text cannot hold it at all (SQLite can).
BAD = "\x0b\x07\x1b\x01\ufffe"


def _workbook_from(response):
    assert response.status_code == 200, response.content[:300]
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    return load_workbook(io.BytesIO(response.content))


def _texts(workbook) -> set[str]:
    return {
        cell.value
        for sheet in workbook.worksheets
        for row in sheet.iter_rows()
        for cell in row
        if isinstance(cell.value, str)
    }


def _contains(workbook, text: str) -> bool:
    return any(text in value for value in _texts(workbook))


def test_the_matrix_workbook_survives_a_task_with_a_vertical_tab(client_as, personas):
    component = Component.objects.create(name="Kennisbank VT")
    assign_perm("beheer.edit_matrix_rows", personas.owner, component)
    activity = Activity.objects.create(title="Artikel", theme="Kennis", component=component)
    right = Right.objects.create(component=component, name="Publiceren")
    role = Role.objects.create(name="Redactie")
    Grant.objects.create(right=right, role=role)
    Activity.objects.filter(pk=activity.pk).update(title=f"Artikel{BAD}publiceren")
    Right.objects.filter(pk=right.pk).update(name=f"Publi{BAD}ceren")
    Role.objects.filter(pk=role.pk).update(name=f"Redac{BAD}tie")

    workbook = _workbook_from(client_as("owner").get(reverse("matrix:export")))

    assert {"Artikelpubliceren", "Publiceren", "Redactie"} <= _texts(workbook)


def test_the_kpi_workbook_survives_a_name_with_a_bell(client_as, db):
    kpi = Kpi.objects.create(
        name="Online",
        unit="%",
        direction=Kpi.Direction.HIGHER,
        baseline=Decimal(40),
        target=Decimal(70),
        tolerance=Decimal(5),
        deadline=date(2027, 12, 31),
    )
    Kpi.objects.filter(pk=kpi.pk).update(name="Online\x07 via portaal", unit=f"%{BAD}")

    workbook = _workbook_from(client_as("mt").get(reverse("kpi:export")))

    assert "Online via portaal" in _texts(workbook)


def test_the_maturity_results_survive_a_control_character(client_as, db):
    assessment = Assessment.objects.create(
        department=Department.objects.create(name="Klantcontact"),
        name="Najaar",
        period_start=date(2026, 9, 1),
        period_end=date(2026, 11, 30),
    )
    Assessment.objects.filter(pk=assessment.pk).update(name=f"Na{BAD}jaar")
    Department.objects.filter(pk=assessment.department_id).update(name=f"Klant{BAD}contact")

    response = client_as("manager").get(reverse("maturity:results-xlsx", args=[assessment.pk]))

    workbook = _workbook_from(response)
    assert _contains(workbook, "Najaar") and "Klantcontact" in _texts(workbook)


def test_the_risk_report_survives_a_control_character(client_as, empty_register):
    role = makers.role("Vacant")
    Role.objects.filter(pk=role.pk).update(name=f"=Va{BAD}cant")

    workbook = _workbook_from(client_as("mt").get(reverse("beheer:risks-xlsx")))

    [cell] = [c for row in workbook.active.iter_rows() for c in row if c.value == "=Vacant"]
    assert (cell.data_type, cell.quotePrefix) == ("s", True)


def test_the_mutations_list_survives_a_control_character(client_as, db):
    component = Component.objects.create(name="Portaal")
    right = Right.objects.create(component=component, name="Dossier inzien")
    role = Role.objects.create(name="Medewerker")
    Grant.objects.create(role=role, right=right)
    person = makers.person("Vera", leaving_date=makers.days(10))
    makers.assign(person, role, start=makers.days(-300), end=makers.days(10))
    Person.objects.filter(pk=person.pk).update(name=f"Ve{BAD}ra")
    Right.objects.filter(pk=right.pk).update(name=f"Dossier{BAD} inzien")

    workbook = _workbook_from(client_as("manager").get(reverse("matrix:mutations-xlsx")))

    assert {"Vera", "Dossier inzien"} <= _texts(workbook)


@pytest.mark.parametrize("model", REGISTER_MODELS, ids=lambda model: model.__name__)
def test_the_admin_xlsx_survives_a_control_character(client_as, hostile_register, model):
    text_fields = [
        f.name
        for f in model._meta.local_fields
        if f.get_internal_type() in {"CharField", "TextField"} and not f.choices
    ]
    record = hostile_register[model]
    model.objects.filter(pk=record.pk).update(**dict.fromkeys(text_fields, f"bad{BAD}value"))

    workbook = _workbook_from(_admin_export(client_as("beheerder"), model, "xlsx"))

    assert "badvalue" in _texts(workbook)
