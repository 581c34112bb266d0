"""The shared upload reader refuses files beyond its caps before it parses them,
and the admin import keeps to the same caps."""

import io

import pytest
from django.contrib import admin
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from import_export.formats import base_formats

from beheer import uploads
from beheer.models import Person
from tests import hostile_files as hostile


def _check(content: bytes, **caps):
    uploads.check_xlsx(io.BytesIO(content), uploads.Caps.from_settings(**caps))


def _refusal(content: bytes, **caps) -> str:
    with pytest.raises(uploads.UploadRefused) as refused:
        _check(content, **caps)
    return refused.value.message


@pytest.fixture
def english():
    with translation.override("en"):
        yield


# --- The reader --------------------------------------------------------------------


def test_a_zip_bomb_is_refused_from_its_table_of_contents(english):
    bomb = hostile.zip_bomb()
    assert len(bomb) < 2 * 2**20  # small: the byte cap is not what refuses it

    message = hostile.refused_cheaply(lambda: _refusal(bomb))

    assert message == "Unpacked, the workbook is larger than 64 MB."


def test_a_part_packed_tighter_than_a_spreadsheet_is_refused(english):
    # 40 MB of one repeated row: within the unpacked cap, but packed over 200 to 1.
    row = b'<row><c t="inlineStr"><is><t>x</t></is></c></row>' * 1000
    content = hostile.with_sheet_xml(
        hostile.workbook([["a"]]), hostile.sheet_xml(row for _ in range(800))
    )

    message = hostile.refused_cheaply(lambda: _refusal(content))

    assert message == "The workbook is compressed more strongly than a spreadsheet can be."


def test_a_sparse_sheet_with_a_cell_in_the_last_row_is_refused(english):
    content = hostile.with_far_cell(hostile.workbook([["datum", "waarde"]]))
    assert len(content) < 20_000

    message = hostile.refused_cheaply(lambda: _refusal(content))

    assert message == "The file has more than 60,000 rows."


def test_a_row_of_a_million_cells_is_refused_before_openpyxl_reads_it(english, monkeypatch):
    # 15 MB of XML in 34 KB of zip: openpyxl would hold the whole row (480 MB).
    # The compression check would refuse it first; the shape check must as well.
    monkeypatch.setattr(uploads, "MAX_RATIO", 10**6)
    cells = b"<c><v>1</v></c>" * 10_000
    content = hostile.with_sheet_xml(
        hostile.workbook([["a"]]),
        hostile.sheet_xml([b"<row>", *(cells for _ in range(100)), b"</row>"]),
    )

    message = hostile.refused_cheaply(lambda: _refusal(content))

    assert message == "The file has more than 300 columns."


def test_rows_repeating_one_row_number_still_count(english):
    # openpyxl skips a row whose number it has passed, so it would parse them all
    # without returning one to be counted: they count as rows all the same.
    content = hostile.with_sheet_xml(
        hostile.workbook([["a"]]), hostile.sheet_xml([b'<row r="1"/>' * 70_000])
    )

    message = hostile.refused_cheaply(lambda: _refusal(content))

    assert message == "The file has more than 60,000 rows."


def test_a_stated_size_beyond_the_caps_is_refused(english):
    # A reader that trusts <dimension> pads every row to its width.
    chunks = [
        b'<worksheet xmlns="%s"><dimension ref="A1:XFD10"/><sheetData>' % hostile.MAIN,
        b'<row r="1"><c r="A1"><v>1</v></c></row>',
        b"</sheetData></worksheet>",
    ]
    content = hostile.with_sheet_xml(hostile.workbook([["a"]]), chunks)

    assert _refusal(content) == "The file has more than 300 columns."


def test_cells_count_as_wide_as_their_rows(english):
    # Ten rows with a cell in column 100 cost ten rows of 100 values to read.
    rows = [[None] * 99 + ["x"] for _ in range(10)]

    assert _refusal(hostile.workbook(rows), max_cells=999) == "The file has more than 999 cells."
    _check(hostile.workbook(rows), max_cells=1000)


def test_everything_else_in_the_workbook_is_bounded_too(english):
    # openpyxl keeps elements outside the rows as a tree: styles, merged cells ...
    merges = b"".join(b'<mergeCell ref="A%d:B%d"/>' % (n, n) for n in range(1, 100_002))
    chunks = [
        b'<worksheet xmlns="%s"><sheetData/><mergeCells>' % hostile.MAIN,
        merges,
        b"</mergeCells></worksheet>",
    ]
    content = hostile.with_sheet_xml(hostile.workbook([["a"]]), chunks)

    assert "too much besides its data" in _refusal(content)


def test_a_document_type_declaration_is_refused():
    chunks = [
        b'<!DOCTYPE lol [<!ENTITY lol "lol">]>',
        b'<worksheet xmlns="%s"><sheetData/></worksheet>' % hostile.MAIN,
    ]
    content = hostile.with_sheet_xml(hostile.workbook([["a"]]), chunks)

    with pytest.raises(uploads.NotReadable):
        _check(content)


def test_a_zip_with_thousands_of_parts_is_refused_before_its_directory_is_read(english):
    buffer = io.BytesIO()
    with hostile.zipfile.ZipFile(buffer, "w") as archive:
        for number in range(uploads.MAX_PARTS + 1):
            archive.writestr(f"p{number}.xml", b"<a/>")

    assert "too much besides its data" in _refusal(buffer.getvalue())


def test_a_workbook_within_the_caps_is_read_row_by_row_as_values(settings):
    settings.UPLOAD_MAX_ROWS = 3
    content = hostile.workbook([["datum", "waarde"], ["2026-10-01", 85], [None, None, "z"]])

    with uploads.open_xlsx(io.BytesIO(content)) as book:
        sheet = book.sheet(0)

    assert sheet.rows == [["datum", "waarde"], ["2026-10-01", 85], [None, None, "z"]]
    assert (sheet.value(2, 2), sheet.value(9, 9), sheet.max_row, sheet.max_column) == (
        85,
        None,
        3,
        3,
    )
    with pytest.raises(uploads.UploadRefused):
        _check(hostile.workbook([["a"]] * 4))


def test_the_caps_fit_a_kpi_file_of_50000_rows_with_five_columns():
    line = "Klanttevredenheid;2026-10-01;7,5;Enquête;Na de campagne\n"
    text = "kpi;datum;waarde;bron;toelichting\n" + line * 50_000
    heading = hostile.workbook([["kpi", "datum", "waarde", "bron", "toelichting"]])

    assert len(uploads.csv_rows(text, delimiter=";")) == 50_001
    _check(hostile.with_rows_added(heading, 50_000, columns=5))


def test_a_csv_is_held_to_the_same_caps(english):
    caps = uploads.Caps.from_settings(max_rows=3, max_columns=2, max_cells=5)

    rows = uploads.csv_rows("a;b\n1;2\n3\n", delimiter=";", caps=caps)

    assert rows == [["a", "b"], ["1", "2"], ["3"]]
    for text, message in [
        ("a\n1\n2\n3\n", "The file has more than 3 rows."),
        ("a;b;c\n", "The file has more than 2 columns."),
        ("a;b\n1;2\n3;4\n", "The file has more than 5 cells."),
    ]:
        with pytest.raises(uploads.UploadRefused) as refused:
            uploads.csv_rows(text, delimiter=";", caps=caps)
        assert refused.value.message == message


# --- The admin import ------------------------------------------------------------------


def _admin_format(kind) -> str:
    formats = admin.site._registry[Person].get_import_formats()
    return str(next(i for i, f in enumerate(formats) if issubclass(f, kind)))


def _admin_import(client, name: str, content: bytes, kind):
    return client.post(
        reverse("admin:beheer_person_import"),
        {
            "resource": "0",
            "format": _admin_format(kind),
            "import_file": SimpleUploadedFile(name, content),
        },
    )


HOSTILE_ADMIN_FILES = {
    "zip bomb": (
        lambda: hostile.zip_bomb(),
        base_formats.XLSX,
        "Unpacked, the workbook is larger than 64 MB.",
    ),
    "sparse sheet": (
        lambda: hostile.with_far_cell(hostile.workbook([["name", "email"]])),
        base_formats.XLSX,
        "The file has more than 2,000 rows.",
    ),
    "oversize file": (
        lambda: hostile.oversize(),
        base_formats.CSV,
        "The file is larger than 10 MB.",
    ),
    "too many rows": (
        lambda: b"name,email\n" + b"X,x@example.org\n" * 2_500,
        base_formats.CSV,
        "The file has more than 2,000 rows.",
    ),
}


@pytest.mark.parametrize("case", HOSTILE_ADMIN_FILES)
def test_the_admin_import_refuses_hostile_files_before_reading_them(client_as, case):
    make, kind, message = HOSTILE_ADMIN_FILES[case]
    content = make()
    client = client_as("beheerder")
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    before = Person.objects.count()

    response = hostile.refused_cheaply(
        lambda: _admin_import(client, f"people.{kind().get_extension()}", content, kind)
    )

    assert response.status_code == 200
    assert message in response.content.decode()
    assert "confirm_form" not in response.context
    assert Person.objects.count() == before


@pytest.mark.parametrize("kind", [base_formats.CSV, base_formats.XLSX])
def test_the_admin_import_still_previews_a_file_within_the_caps(client_as, kind):
    client = client_as("beheerder")
    rows = [
        ["name", "email", "job_title", "department", "is_external", "supplier", "firm"],
        ["Ina Intern", "ina@example.org", "", "", "0", "", ""],
    ]
    if kind is base_formats.CSV:
        content = "".join(",".join(row) + "\n" for row in rows).encode()
    else:
        content = hostile.workbook(rows)

    response = _admin_import(client, f"people.{kind().get_extension()}", content, kind)

    assert response.status_code == 200
    assert response.context["confirm_form"] is not None
