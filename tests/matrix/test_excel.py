"""The MT's workbook: designed, safe, and exactly round-tripped."""

from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse
from openpyxl import load_workbook

from matrix import excel
from matrix.excel_import import import_apply, import_plan
from matrix.models import Activity, Responsibility
from tests.personas import ALL_PERSONAS


def _workbook(client):
    response = client.get(reverse("matrix:export"))
    assert response.status_code == 200
    return load_workbook(BytesIO(response.content))


def _values(sheet):
    return [[cell.value for cell in row] for row in sheet.iter_rows()]


def _as_upload(workbook, name="beheermatrix.xlsx"):
    buffer = BytesIO()
    workbook.save(buffer)
    return SimpleUploadedFile(name, buffer.getvalue())


def _row_of(sheet, activity):
    for row in range(excel.FIRST_ROW, sheet.max_row + 1):
        if sheet.cell(row=row, column=excel.KEY_COL).value == f"activity:{activity.pk}":
            return row
    raise AssertionError(activity)


def _column_of(sheet, role):
    for column in range(excel.FIRST_ROLE_COL, sheet.max_column + 1):
        if sheet.cell(row=excel.KEY_ROW, column=column).value == f"role:{role.pk}":
            return column
    raise AssertionError(role)


@pytest.mark.parametrize("persona", ALL_PERSONAS)
def test_who_may_download_the_workbook(client_as, matrix, persona):
    status = client_as(persona).get(reverse("matrix:export")).status_code

    if persona == "anonymous":
        assert status == 302
    else:
        assert status == (403 if persona == "outsider" else 200)


def test_the_workbook_has_its_sheets_colours_validation_and_print_setup(client_as, matrix):
    workbook = _workbook(client_as("mt"))

    assert workbook.sheetnames == [
        "Beheermatrix",
        "Bezetting",
        "Personen",
        "Autorisaties",
        "Rechten per persoon",
        "Toelichting",
    ]
    sheet = workbook["Beheermatrix"]
    row, column = _row_of(sheet, matrix["own_task"]), _column_of(sheet, matrix["roles"]["Rol A"])
    cell = sheet.cell(row=row, column=column)
    assert cell.value == "A"
    assert cell.fill.fgColor.rgb.endswith("0F4C81")
    assert sheet.cell(row=excel.HEADER_ROW, column=column).value == "Rol A"
    assert sheet.freeze_panes == "F8"
    assert sheet.auto_filter.ref.startswith("A7:")
    assert sheet.page_setup.orientation == "landscape"
    assert sheet.page_setup.fitToWidth == 1
    assert sheet.print_title_rows == "$7:$7"  # the headings; the holders on page 1 only
    assert sheet.row_dimensions[excel.KEY_ROW].hidden
    assert sheet.column_dimensions["A"].hidden
    [validation] = sheet.data_validations.dataValidation
    assert validation.formula1 == '"R,A,C,I"'
    assert cell.coordinate in validation.sqref
    # "Losse taak" has no codes at all: marked invalid.
    loose = _row_of(sheet, matrix["loose_task"])
    assert sheet.cell(row=loose, column=excel.CHECK_COL).value == "geen A, geen R"


def test_the_other_sheets_describe_occupation_people_and_rules(client_as, matrix):
    from tests.beheer import makers

    makers.assign(makers.person("Hanna Houder"), matrix["roles"]["Rol A"])
    workbook = _workbook(client_as("manager"))

    occupation = _values(workbook["Bezetting"])
    assert ["Rol A", "Eigenaar", None, "Hanna Houder", None, "geen vervanger"] in [
        [v if v != "" else None for v in row] for row in occupation
    ]
    people = _values(workbook["Personen"])
    hanna = next(row for row in people if row[0] == "Hanna Houder")
    assert "Eigen taak" in hanna[4]  # the A column
    assert "precies één A" in " ".join(
        str(v) for row in _values(workbook["Toelichting"]) for v in row
    )


def test_a_formula_like_name_is_written_as_text(client_as, matrix):
    # Last in the sheet, after ordinary tasks with the same styles.
    Activity.objects.create(
        title='=HYPERLINK("http://evil.example","klik")', theme="+SOM(1)", order=999
    )

    sheet = _workbook(client_as("manager"))["Beheermatrix"]

    cells = [c for row in sheet.iter_rows() for c in row if str(c.value).startswith(("=", "+"))]
    assert {c.value for c in cells} == {'=HYPERLINK("http://evil.example","klik")', "+SOM(1)"}
    assert all(c.data_type == "s" and c.quotePrefix for c in cells)


def test_export_import_export_is_identical(client_as, matrix):
    client = client_as("manager")
    first = _workbook(client)

    plan = import_plan(_as_upload(first))
    assert plan.errors == [] and not plan.has_changes
    import_apply(plan)

    second = _workbook(client)
    for name in first.sheetnames:
        assert _values(first[name]) == _values(second[name]), name


def test_an_edited_workbook_is_previewed_then_applied(client_as, matrix):
    client = client_as("manager")
    workbook = _workbook(client)
    sheet = workbook["Beheermatrix"]
    roles = matrix["roles"]
    loose = _row_of(sheet, matrix["loose_task"])
    sheet.cell(row=loose, column=_column_of(sheet, roles["Rol A"]), value="A")
    sheet.cell(row=loose, column=_column_of(sheet, roles["Rol C"]), value="r")  # lower case is fine
    new_row = sheet.max_row + 1
    sheet.cell(row=new_row, column=excel.THEME_COL, value="Thema 3")
    sheet.cell(row=new_row, column=excel.TASK_COL, value="Nieuwe taak uit Excel")
    sheet.cell(row=new_row, column=_column_of(sheet, roles["Rol B"]), value="A")
    sheet.cell(row=new_row, column=_column_of(sheet, roles["Rol C"]), value="R")

    preview = client.post(reverse("matrix:import"), {"workbook": _as_upload(workbook)})
    content = preview.content.decode()
    assert "Nieuwe taak uit Excel" in content and "Losse taak" in content
    assert not Activity.objects.filter(title="Nieuwe taak uit Excel").exists()

    pending, fingerprint = preview.context["pending"], preview.context["fingerprint"]
    response = client.post(
        reverse("matrix:import-confirm", args=[pending.pk]), {"fingerprint": fingerprint}
    )

    assert response.status_code == 302
    codes = dict(
        Responsibility.objects.filter(activity=matrix["loose_task"]).values_list(
            "role__name", "code"
        )
    )
    assert codes == {"Rol A": "A", "Rol C": "R"}
    new = Activity.objects.get(title="Nieuwe taak uit Excel")
    assert new.theme == "Thema 3" and new.responsibilities.count() == 2


def _errors_for(workbook) -> list[str]:
    return [str(issue) for issue in import_plan(_as_upload(workbook)).errors]


def test_each_kind_of_error_is_reported_with_sheet_row_and_column(client_as, matrix):
    workbook = _workbook(client_as("manager"))
    sheet = workbook["Beheermatrix"]
    own = _row_of(sheet, matrix["own_task"])
    column_b = _column_of(sheet, matrix["roles"]["Rol B"])
    sheet.cell(row=own, column=column_b, value="X")  # not a code
    other = _row_of(sheet, matrix["other_task"])
    sheet.cell(row=other, column=column_b, value="A")  # second A (and still no R)
    sheet.cell(row=excel.KEY_ROW, column=sheet.max_column + 1, value="role:999999")
    sheet.cell(row=excel.HEADER_ROW, column=sheet.max_column, value="Verzonnen rol")

    errors = _errors_for(workbook)

    letter = sheet.cell(row=own, column=column_b).column_letter
    assert f"Beheermatrix, rij {own}, kolom {letter}: “X” is geen RACI-code" in " ".join(errors)
    assert any(f"rij {other}" in e and "meer dan één A" in e for e in errors)
    assert any("Onbekende rol “Verzonnen rol”" in e for e in errors)


def test_a_file_with_errors_changes_nothing(client_as, matrix):
    client = client_as("manager")
    workbook = _workbook(client)
    sheet = workbook["Beheermatrix"]
    loose = _row_of(sheet, matrix["loose_task"])
    sheet.cell(row=loose, column=_column_of(sheet, matrix["roles"]["Rol A"]), value="A")
    sheet.cell(row=loose, column=_column_of(sheet, matrix["roles"]["Rol B"]), value="Q")
    before = list(Responsibility.objects.values_list("activity", "role", "code"))

    response = client.post(reverse("matrix:import"), {"workbook": _as_upload(workbook)})

    assert "er is niets geïmporteerd" in response.content.decode()
    assert "pending" not in response.context
    assert list(Responsibility.objects.values_list("activity", "role", "code")) == before


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"not a spreadsheet at all", "geen Excel-werkmap"),
        (b"PK\x03\x04 broken zip", "geen Excel-werkmap"),
    ],
)
def test_other_files_are_refused_clearly(client_as, matrix, content, message):
    response = client_as("manager").post(
        reverse("matrix:import"), {"workbook": SimpleUploadedFile("x.xlsx", content)}
    )

    assert message in response.content.decode()


def test_a_workbook_that_is_not_the_matrix_is_refused(client_as, matrix):
    from openpyxl import Workbook

    assert "geen blad “Beheermatrix”" in " ".join(_errors_for(Workbook()))


def test_a_file_over_the_size_cap_is_refused(client_as, matrix, settings):
    settings.UPLOAD_MAX_BYTES = 100
    workbook = _workbook(client_as("manager"))

    assert "groter dan" in " ".join(_errors_for(workbook))


@pytest.mark.parametrize("persona", ALL_PERSONAS)
def test_only_managers_import(client_as, matrix, persona):
    status = client_as(persona).get(reverse("matrix:import")).status_code

    if persona == "anonymous":
        assert status == 302
    else:
        assert status == (200 if persona in {"beheerder", "manager"} else 403)


def test_the_commands_round_trip_and_fail_on_errors(matrix, tmp_path):
    path = tmp_path / "matrix.xlsx"
    call_command("export_matrix", str(path), stdout=None)
    call_command("import_matrix", str(path), "--dry-run", stdout=None)

    workbook = load_workbook(path)
    sheet = workbook["Beheermatrix"]
    sheet.cell(row=excel.FIRST_ROW, column=excel.FIRST_ROLE_COL, value="Z")
    workbook.save(path)
    before = Responsibility.objects.count()

    with pytest.raises(CommandError, match="nothing has been imported"):
        call_command("import_matrix", str(path), stdout=None, stderr=None)
    assert Responsibility.objects.count() == before


def _break_with_unknown_role(sheet, matrix):
    sheet.cell(row=excel.KEY_ROW, column=excel.FIRST_ROLE_COL, value="role:999999")


def _break_with_bad_code(sheet, matrix):
    row = _row_of(sheet, matrix["own_task"])
    sheet.cell(row=row, column=_column_of(sheet, matrix["roles"]["Rol C"]), value="X")


def _break_with_two_as(sheet, matrix):
    row = _row_of(sheet, matrix["own_task"])
    sheet.cell(row=row, column=_column_of(sheet, matrix["roles"]["Rol C"]), value="A")


def _break_with_unknown_task(sheet, matrix):
    sheet.cell(row=excel.FIRST_ROW, column=excel.KEY_COL, value="activity:999999")


def _break_the_keys(sheet, matrix):
    sheet.cell(row=excel.KEY_ROW, column=excel.KEY_COL, value="iets anders")


def _break_a_new_task_without_theme(sheet, matrix):
    sheet.cell(row=sheet.max_row + 1, column=excel.TASK_COL, value="Taak zonder thema")


@pytest.mark.parametrize(
    "breakage",
    [
        _break_with_unknown_role,
        _break_with_bad_code,
        _break_with_two_as,
        _break_with_unknown_task,
        _break_the_keys,
        _break_a_new_task_without_theme,
    ],
)
def test_every_error_case_is_reported_and_changes_nothing(client_as, matrix, breakage):
    client = client_as("manager")
    workbook = _workbook(client)
    # Also a valid change in the same file: it must not be applied either.
    sheet = workbook["Beheermatrix"]
    loose = _row_of(sheet, matrix["loose_task"])
    sheet.cell(row=loose, column=_column_of(sheet, matrix["roles"]["Rol A"]), value="A")
    breakage(sheet, matrix)
    before = sorted(Responsibility.objects.values_list("activity", "role", "code"))
    tasks_before = Activity.objects.count()

    response = client.post(reverse("matrix:import"), {"workbook": _as_upload(workbook)})

    plan = response.context["plan"]
    assert plan.errors, breakage.__name__
    assert all(issue.sheet for issue in plan.errors)
    assert "pending" not in response.context
    assert sorted(Responsibility.objects.values_list("activity", "role", "code")) == before
    assert Activity.objects.count() == tasks_before


def test_a_cell_changed_between_preview_and_confirmation_stops_the_import(client_as, matrix):
    from matrix.excel_import import ImportConflict

    workbook = _workbook(client_as("manager"))
    sheet = workbook["Beheermatrix"]
    own = _row_of(sheet, matrix["own_task"])
    loose = _row_of(sheet, matrix["loose_task"])
    sheet.cell(row=own, column=_column_of(sheet, matrix["roles"]["Rol C"]), value="C")
    sheet.cell(row=loose, column=_column_of(sheet, matrix["roles"]["Rol A"]), value="A")
    plan = import_plan(_as_upload(workbook))
    assert not plan.errors
    # Meanwhile a colleague fills the same cell in the grid.
    cell = Responsibility.objects.create(
        activity=matrix["own_task"], role=matrix["roles"]["Rol C"], code="I"
    )

    with pytest.raises(ImportConflict):
        import_apply(plan)

    cell.refresh_from_db()
    assert cell.code == "I"
    assert not Responsibility.objects.filter(activity=matrix["loose_task"]).exists()


def _rights_row(sheet, right):
    for row in range(excel.FIRST_ROW, sheet.max_row + 1):
        if sheet.cell(row=row, column=excel.KEY_COL).value == f"right:{right.pk}":
            return row
    raise AssertionError(right)


def test_the_authorisations_sheet_round_trips_grants(client_as, rights):
    from matrix.models import Grant

    client = client_as("manager")
    workbook = _workbook(client)
    sheet = workbook["Autorisaties"]
    admin_row, view_row = _rights_row(sheet, rights["admin"]), _rights_row(sheet, rights["view"])
    beheerder = _column_of(sheet, rights["roles"]["Beheerder"])
    medewerker = _column_of(sheet, rights["roles"]["Medewerker"])
    assert sheet.cell(row=admin_row, column=beheerder).value == "X"
    assert sheet.cell(row=view_row, column=beheerder).value is None

    sheet.cell(row=view_row, column=beheerder, value="x")  # grant
    sheet.cell(row=view_row, column=medewerker).value = None  # revoke
    plan = import_plan(_as_upload(workbook))
    assert plan.errors == []
    assert {(r.name, role.name, new) for r, role, _old, new in plan.changed_grants} == {
        ("Dossier inzien", "Beheerder", True),
        ("Dossier inzien", "Medewerker", False),
    }
    import_apply(plan)

    assert set(Grant.objects.filter(right=rights["view"]).values_list("role__name", flat=True)) == {
        "Beheerder"
    }


def test_authorisation_errors_are_reported_and_change_nothing(client_as, rights):
    from matrix.models import Grant

    workbook = _workbook(client_as("manager"))
    sheet = workbook["Autorisaties"]
    view_row = _rights_row(sheet, rights["view"])
    sheet.cell(row=view_row, column=_column_of(sheet, rights["roles"]["Beheerder"]), value="Q")
    new_row = sheet.max_row + 1
    sheet.cell(row=new_row, column=excel.TASK_COL, value="Verzonnen recht")
    before = sorted(Grant.objects.values_list("right", "role"))

    errors = [str(e) for e in import_plan(_as_upload(workbook)).errors]

    assert any(e.startswith(f"Autorisaties, rij {view_row}") and "“Q”" in e for e in errors)
    assert any(f"rij {new_row}" in e and "Nieuwe rechten" in e for e in errors)
    assert sorted(Grant.objects.values_list("right", "role")) == before


def test_a_task_title_with_a_line_break_from_excel_is_refused(client_as, matrix):
    workbook = _workbook(client_as("manager"))
    sheet = workbook["Beheermatrix"]
    own = _row_of(sheet, matrix["own_task"])
    sheet.cell(row=own, column=excel.TASK_COL, value="Eerste regel\nTweede regel")  # Alt+Enter

    errors = _errors_for(workbook)

    letter = sheet.cell(row=own, column=excel.TASK_COL).column_letter
    assert any(f"rij {own}, kolom {letter}" in e and "één regel" in e for e in errors)
