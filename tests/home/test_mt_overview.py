"""The MT overview: the adopted matrix and what changed since, with the adopted
version as the download and the draft beside it; maturity per department; the
KPIs off track."""

import re
from datetime import date
from decimal import Decimal

from django.urls import reverse

from beheer.models import Department
from kpi.models import Kpi, Measurement
from matrix import services as matrix_services
from matrix.models import Activity
from tests.beheer import makers

MT = "home:mt"


def test_the_download_is_the_latest_adopted_version_with_the_draft_beside_it(client_as):
    matrix_services.version_adopt(adopted_on=date(2026, 3, 1), note="Oud", user=None)
    latest = matrix_services.version_adopt(
        adopted_on=date(2026, 6, 15), note="Vastgesteld in het MT van juni", user=None
    )
    Activity.objects.create(title="Nieuwe taak", theme="T")

    content = client_as("mt").get(reverse(MT)).content.decode()

    card = content[content.index('data-card="matrix"') :]
    card = card[: card.index("</section>")]
    assert "15-06-2026" in card and "Vastgesteld in het MT van juni" in card
    downloads = re.findall(r'<a role="button"( class="[^"]*")? href="([^"]+)"', card)
    export = reverse("matrix:export")
    # First and primary: the adopted version; beside it, secondary: the draft.
    assert downloads == [
        ("", f"{export}?version={latest.pk}"),
        (' class="secondary outline"', export),
    ]
    assert re.search(r"<strong>1</strong> taak toegevoegd", card)


def test_without_an_adopted_version_only_the_draft_is_offered(client_as):
    from matrix.models import MatrixVersion

    MatrixVersion.objects.all().delete()

    content = client_as("mt").get(reverse(MT)).content.decode()

    card = content[content.index('data-card="matrix"') :]
    card = card[: card.index("</section>")]
    assert "?version=" not in card
    assert f'href="{reverse("matrix:export")}"' in card


def test_it_lists_the_kpis_off_track_and_not_the_others(client_as):
    owner = makers.person("Olga Owner")
    for name, value in (("Uit koers", "40"), ("Op koers", "90")):
        kpi = Kpi.objects.create(
            name=name,
            unit="%",
            direction=Kpi.Direction.HIGHER,
            target=Decimal("70"),
            tolerance=Decimal("5"),
            owner=owner,
        )
        Measurement.objects.create(kpi=kpi, date=makers.today(), value=Decimal(value))

    content = client_as("mt").get(reverse(MT)).content.decode()

    card = content[content.index('data-card="factors"') :]
    assert "Uit koers</a> <small" in card and "(Olga Owner)" in card
    assert "Op koers" not in card


def test_maturity_shows_the_latest_published_round_per_department(client_as):
    from maturity.models import Assessment

    department = Department.objects.create(name="Wonen")
    for name, end in (("Voorjaar", date(2026, 5, 31)), ("Najaar", date(2026, 10, 31))):
        Assessment.objects.create(
            department=department,
            name=name,
            period_start=date(2026, 1, 1),
            period_end=end,
            is_open=False,
            is_published=True,
        )

    content = client_as("mt").get(reverse(MT)).content.decode()

    row = re.search(r'<li data-department="Wonen">.*?</li>', content, re.S)[0]
    assert "Najaar" in row and "Voorjaar" not in row
    latest = Assessment.objects.get(name="Najaar")
    assert reverse("maturity:results", args=[latest.pk]) in row
    assert reverse("maturity:results-xlsx", args=[latest.pk]) in row
