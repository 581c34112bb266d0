from io import BytesIO

from django.urls import reverse
from openpyxl import load_workbook

from tests.beheer import makers


def test_the_report_downloads_as_a_workbook_with_every_finding(client_as, empty_register):
    makers.role('=HYPERLINK("http://evil.example")')  # a vacant role with a hostile name
    makers.assign(makers.person("Houder"), makers.role("Alleen een houder"))

    response = client_as("mt").get(reverse("beheer:risks-xlsx"))

    assert response.status_code == 200
    assert response["Content-Type"].startswith(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    assert "borging-" in response["Content-Disposition"]
    sheet = load_workbook(BytesIO(response.content)).active
    assert sheet["A1"].value == "Borging: kennisrisico's"
    rows = [[cell.value for cell in row] for row in sheet.iter_rows(min_row=6)]
    assert rows[0][:4] == ["Betreft", "Toelichting", "Actie", "Link"]
    # Each rule heads its findings, once, with their number.
    heading = rows.index(["Rollen met één houder en geen vervanger (1)", None, None, None])
    assert rows[heading + 1][0] == "Alleen een houder"
    assert rows[heading + 1][3].startswith("http://testserver/organisatie/rollen/")
    assert sheet.freeze_panes == "A7"
    assert sheet.print_title_rows == "$6:$6"  # the column headings on every printed page


def test_user_text_is_never_a_live_formula(client_as, empty_register):
    makers.role('=HYPERLINK("http://evil.example")')

    response = client_as("manager").get(reverse("beheer:risks-xlsx"))

    sheet = load_workbook(BytesIO(response.content)).active
    cell = next(c for row in sheet.iter_rows() for c in row if str(c.value).startswith("=HYP"))
    assert cell.data_type == "s"
    assert cell.quotePrefix
