"""Every workbook the MT receives prints on A4 as it is: LibreOffice converts each
one to PDF, and the PDF is measured: pages, orientation, the footer, and that no
text is smaller than 8 pt on paper.

The conversion is slow (a few seconds per run of LibreOffice), so all workbooks
go through one run, in one test. Without LibreOffice the test is skipped, except
in CI (REQUIRE_BROWSER=1), where .ci/run installs it.
"""

import math
import os
import shutil
import subprocess
from datetime import date, datetime
from io import BytesIO, StringIO
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from beheer.models import Role
from matrix.models import MatrixVersion, MutationTick
from maturity.models import Assessment

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
A4 = (595.3, 841.9)  # points
SMALLEST = 8.0  # points on paper


def _require_libreoffice():
    if SOFFICE is None:
        reason = "LibreOffice is not installed (apt-get install libreoffice-calc-nogui)"
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail(f"REQUIRE_BROWSER=1 but {reason}", pytrace=False)
        pytest.skip(reason)


def _to_pdf(workbooks: dict[str, bytes], folder) -> dict[str, object]:
    """Convert every workbook in one run of LibreOffice; return the PDFs read."""
    from pypdf import PdfReader

    for name, content in workbooks.items():
        (folder / f"{name}.xlsx").write_bytes(content)
    # A profile of its own: another LibreOffice running on the machine (another
    # test run) would otherwise take the conversion over, or lock it.
    profile = (folder / "profile").as_uri()
    subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            *[str(folder / f"{name}.xlsx") for name in workbooks],
        ],
        check=True,
        capture_output=True,
        timeout=240,
    )
    return {name: PdfReader(folder / f"{name}.pdf") for name in workbooks}


def _smallest_text(page) -> float:
    """The size of the smallest text on the page as printed, in points: the font
    size times the scale of the text and page matrices (so a sheet printed at
    80 % shows its 10 pt as 8 pt, and upright text counts like any other)."""
    sizes = []

    def visit(text, cm, tm, font, size):
        if text.strip():
            # The length of the text's "up" vector: its height on the page.
            c = tm[2] * cm[0] + tm[3] * cm[2]
            d = tm[2] * cm[1] + tm[3] * cm[3]
            sizes.append(size * math.hypot(c, d))

    page.extract_text(visitor_text=visit)
    return min(sizes)


def _is_a4(page) -> bool:
    width, height = sorted((float(page.mediabox.width), float(page.mediabox.height)))
    return abs(width - A4[0]) < 2 and abs(height - A4[1]) < 2


def _landscape(page) -> bool:
    return float(page.mediabox.width) > float(page.mediabox.height)


def _pages_of(pdf, sheet: str) -> list:
    """The pages of one sheet: its name is in the footer of each of them."""
    return [
        page
        for page in pdf.pages
        if f"{sheet} ·" in page.extract_text() or (page.extract_text().rstrip().endswith(sheet))
    ]


@pytest.mark.django_db
def test_every_workbook_prints_on_a4_readably_with_its_footer(tmp_path):
    _require_libreoffice()
    call_command("loaddemo", allow_public_demo_passwords=True, stdout=StringIO())
    client = Client()
    client.force_login(get_user_model().objects.get(username="manager"))
    version = MatrixVersion.objects.order_by("-adopted_on", "-id").first()
    assessment = Assessment.objects.filter(is_published=True).first()
    downloads = {
        "matrix": reverse("matrix:export"),
        "mutations": reverse("matrix:mutations-xlsx"),
        "risks": reverse("beheer:risks-xlsx"),
        "maturity": reverse("maturity:results-xlsx", args=[assessment.pk]),
        "kpis": reverse("kpi:export"),
    }
    if version is not None:
        downloads["adopted"] = reverse("matrix:export") + f"?version={version.pk}"
    workbooks = {name: client.get(url).content for name, url in downloads.items()}
    # Last: closing it puts every item on the mutations list.
    review = _closed_review_of_every_component()
    workbooks["review"] = client.get(reverse("matrix:review-report", args=[review.pk])).content

    pdfs = _to_pdf(workbooks, tmp_path)

    for name, pdf in pdfs.items():
        pages = pdf.pages
        for number, page in enumerate(pages, start=1):
            where = f"{name}, page {number}"
            assert _is_a4(page), where
            assert _smallest_text(page) >= SMALLEST, where
            # The footer: the organisation, and "pagina X van Y" (Dutch, the default).
            text = page.extract_text()
            assert "Woonstichting De Linde" in text, where
            assert f"pagina {number} van {len(pages)}" in text, where
    matrix = pdfs["matrix"]
    first = matrix.pages[0]
    assert _landscape(first)
    # All roles of the demo fit across the first page, upright.
    roles = Role.objects.count()
    assert roles >= 16
    text = first.extract_text()
    # A long role name wraps in its rotated header at a space: read it on one line.
    flat = " ".join(text.split())
    missing = [name for name in Role.objects.values_list("name", flat=True) if name not in flat]
    assert missing == [], "not on the first page: " + ", ".join(missing)
    # The whole matrix workbook: the matrix itself on 2-3 pages, everything (the
    # occupation, people, authorisations, rights per person, explanation) in
    # under 20; README.md states the figure.
    assert 2 <= len(_pages_of(matrix, "Beheermatrix")) <= 3
    assert len(_pages_of(matrix, "Autorisaties")) <= 3
    assert 10 <= len(matrix.pages) <= 20
    if version is not None:
        adopted = pdfs["adopted"].pages[0].extract_text()
        assert f"Vastgestelde versie {version.pk}" in adopted
        assert version.adopted_on.strftime("%d-%m-%Y") in adopted
    assert "Concept" in text  # the current matrix is a draft until adopted
    assert len(pdfs["mutations"].pages) <= 2
    assert len(pdfs["risks"].pages) <= 2
    assert len(pdfs["kpis"].pages) <= 4
    assert len(pdfs["maturity"].pages) <= 8
    assert len(pdfs["review"].pages) <= 12


def _closed_review_of_every_component():
    """A review round over the whole demo, closed with nothing answered: the
    largest report a round can have."""
    from beheer.models import Component
    from matrix.models import ReviewRound
    from matrix.reviews import review_close

    review = ReviewRound.objects.create(name="Review alles", deadline=date.today())
    review.components.set(Component.objects.all())
    review_close(review=review, by=None)
    return review


def test_every_sheet_has_its_print_set_up(client_as, db):
    """Without LibreOffice: what the print test measures, as the file says it."""
    responses = {
        "matrix": client_as("manager").get(reverse("matrix:export")),
        "risks": client_as("manager").get(reverse("beheer:risks-xlsx")),
        "kpis": client_as("manager").get(reverse("kpi:export")),
        "mutations": client_as("manager").get(reverse("matrix:mutations-xlsx")),
    }
    for name, response in responses.items():
        for sheet in load_workbook(BytesIO(response.content)).worksheets:
            where = f"{name}: {sheet.title}"
            assert int(sheet.page_setup.paperSize) == int(sheet.PAPERSIZE_A4), where
            assert sheet.page_setup.fitToWidth == 1 and sheet.page_setup.fitToHeight == 0, where
            assert sheet.sheet_properties.pageSetUpPr.fitToPage, where
            assert sheet.oddFooter.right.text == "pagina &P van &N", where
            assert "&A" in sheet.oddFooter.center.text, where
            if sheet.title != "Toelichting":
                assert sheet.print_title_rows, where


def test_a_tick_shows_the_local_time_in_the_mutations_workbook(client_as):
    from beheer.models import Component
    from matrix.models import Grant, Right
    from tests.beheer import makers

    right = Right.objects.create(component=Component.objects.create(name="CRM"), name="Inzien")
    role = makers.role("Medewerker")
    Grant.objects.create(role=role, right=right)
    person = makers.person("Vera Vertrokken", leaving_date=makers.days(-5))
    makers.assign(person, role, start=makers.days(-300), end=makers.days(-5))
    tick = MutationTick.objects.create(
        person=person,
        right=right,
        action="revoke",
        occasion=f"leaving:{makers.days(-5).isoformat()}",
    )
    # 10:28 UTC on a winter's day is 11:28 in Amsterdam.
    moment = datetime(2026, 1, 15, 10, 28, tzinfo=ZoneInfo("UTC"))
    MutationTick.objects.filter(pk=tick.pk).update(ticked_at=moment)

    response = client_as("manager").get(reverse("matrix:mutations-xlsx"))

    sheet = load_workbook(BytesIO(response.content)).active
    [row] = [row for row in sheet.iter_rows() if row[0].value == "Vera Vertrokken"]
    assert row[6].value == "gedaan"
    assert row[8].value == datetime(2026, 1, 15, 11, 28)
    assert row[8].number_format == "dd-mm-yyyy hh:mm"
    assert timezone.get_current_timezone_name() == "Europe/Amsterdam"
