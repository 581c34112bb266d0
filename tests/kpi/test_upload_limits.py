"""KPI uploads within limits: hostile files refused cheaply, dates within a
window, and a large confirmation written in batches without holding up others."""

import io
from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from beheer.data_versions import versions
from beheer.models import PendingUpload
from kpi import services, uploads
from kpi.models import Channel, ContactVolume, Kpi, Measurement
from tests import hostile_files as hostile

LAST_DAY = services.date_window(today=timezone.localdate())[1]  # a year from today
ONE_YEAR_AHEAD = (LAST_DAY + timedelta(days=1)).isoformat()


def _english(client):
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    return client


HOSTILE = {
    "zip bomb": (
        lambda: hostile.zip_bomb(),
        "x.xlsx",
        "Unpacked, the workbook is larger than 64 MB.",
    ),
    "sparse sheet": (
        lambda: hostile.with_far_cell(hostile.workbook([["datum", "waarde"], ["2026-10", 1]])),
        "x.xlsx",
        "The file has more than 60,000 rows.",
    ),
    "oversize file": (hostile.oversize, "x.csv", "The file is larger than 10 MB."),
    "too many rows": (
        lambda: hostile.csv_rows(60_000),  # and a heading
        "x.csv",
        "The file has more than 60,000 rows.",
    ),
    "too many rows in a workbook": (
        lambda: hostile.with_rows_added(hostile.workbook([["datum", "waarde"]]), 60_000),
        "x.xlsx",
        "The file has more than 60,000 rows.",
    ),
}


@pytest.mark.parametrize("url_name", ["kpi:upload", "kpi:volumes-upload"])
@pytest.mark.parametrize("case", HOSTILE)
def test_hostile_files_are_refused_quickly_and_clearly(client_as, kpi, url_name, case):
    make, name, message = HOSTILE[case]
    content = make()
    client = _english(client_as("manager"))

    response = hostile.refused_cheaply(
        lambda: client.post(reverse(url_name), {"file": SimpleUploadedFile(name, content)})
    )

    assert response.status_code == 200
    assert message in response.content.decode()
    assert not PendingUpload.objects.exists()


# --- Dates -------------------------------------------------------------------------


def test_measurement_dates_outside_the_window_are_refused_naming_it(client_as, kpi):
    client = _english(client_as("manager"))
    text = (
        "kpi;datum;waarde;tot en met\n"
        f"{kpi.name};1000-01-01;70;\n"
        f"{kpi.name};{ONE_YEAR_AHEAD};70;\n"
        f"{kpi.name};2026-01-01;70;3000-12-31\n"
        f"{kpi.name};2000-01-01;70;\n"
    )

    response = client.post(
        reverse("kpi:upload"), {"file": SimpleUploadedFile("m.csv", text.encode())}
    )

    page = response.content.decode()
    window = f"Use a date from 2000-01-01 up to and including {LAST_DAY}."
    for where in ("row 2, column datum", "row 3, column datum", "row 4, column tot en met"):
        assert f"{where}: {window}" in page, where
    assert "row 5" not in page  # the first day of the window is in it
    assert not PendingUpload.objects.exists()


def test_volume_months_outside_the_window_are_refused(client_as):
    client = _english(client_as("manager"))
    text = "maand;kanaal;aantal\n0999-12;Telefoon;5\n2000-01;Telefoon;5\n"

    response = client.post(
        reverse("kpi:volumes-upload"), {"file": SimpleUploadedFile("v.csv", text.encode())}
    )

    assert (
        f"row 2, column maand: Use a month from 2000-01 up to and including {LAST_DAY:%Y-%m}."
        in (response.content.decode())
    )
    assert "row 3" not in response.content.decode()
    assert not ContactVolume.objects.exists()


def test_dates_entered_by_hand_keep_to_the_same_window(client_as, kpi):
    client = _english(client_as("manager"))

    response = client.post(reverse("kpi:kpi", args=[kpi.pk]), {"date": "1000-01-01", "value": "70"})
    assert "Use a date from 2000-01-01" in response.content.decode()
    assert 'min="2000-01-01"' in response.content.decode()
    response = client.post(
        reverse("kpi:kpi", args=[kpi.pk]),
        {"date": "2026-10-01", "period_end": ONE_YEAR_AHEAD, "value": "70"},
    )
    assert "Use a date from 2000-01-01" in response.content.decode()
    channel = Channel.objects.first()
    response = client.post(
        reverse("kpi:volumes-month"), {"month": "1999-12", f"channel_{channel.pk}": "5"}
    )
    assert "Use a month from 2000-01" in response.content.decode()
    assert not Measurement.objects.exists() and not ContactVolume.objects.exists()

    client.post(reverse("kpi:kpi", args=[kpi.pk]), {"date": "2000-01-01", "value": "70"})
    assert Measurement.objects.get().date == date(2000, 1, 1)


# --- A large confirmation --------------------------------------------------------------


def _measurements_file(kpi, count: int) -> bytes:
    """`count` daily values from 2010 on; the first half of them replace saved ones."""
    first = date(2010, 1, 1)
    Measurement.objects.bulk_create(
        Measurement(kpi=kpi, date=first + timedelta(days=n), value=Decimal(1))
        for n in range(count // 2)
    )
    lines = ["datum;waarde;toelichting"]
    lines += [f"{first + timedelta(days=n)};{n % 100};upload" for n in range(count)]
    return "\n".join(lines).encode()


@pytest.mark.parametrize("count", [200, 2_000])
def test_a_large_confirmation_writes_in_batches(
    client_as, kpi, count, django_assert_max_num_queries
):
    client = client_as("manager")
    url = reverse("kpi:upload") + f"?kpi={kpi.pk}"
    preview = client.post(
        url, {"file": SimpleUploadedFile("m.csv", _measurements_file(kpi, count))}
    )
    confirm_url, fingerprint = preview.context["confirm_url"], preview.context["fingerprint"]

    # In batches: on SQLite about a hundred rows a query (it takes 999 parameters),
    # on PostgreSQL 500. Row by row this was four queries or more a row.
    with django_assert_max_num_queries(20 + count // 25):
        response = client.post(confirm_url, {"fingerprint": fingerprint})

    assert response.status_code == 302
    assert kpi.measurements.filter(note="upload").count() == count
    assert kpi.measurements.get(date=date(2010, 1, 6)).value == Decimal(5)  # was 1
    history = Measurement.history.filter(history_user__username="manager")
    assert history.filter(history_type="+").count() == count - count // 2
    assert history.filter(history_type="~").count() == count // 2


def _version_writes(queries) -> list[str]:
    return [q["sql"] for q in queries if "update" in q["sql"].lower() and "dataversion" in q["sql"]]


@pytest.mark.django_db(transaction=True)
def test_the_kpi_version_is_raised_once_after_the_commit(personas):
    """Raised inside the transaction, it would lock the version row for as long
    as the upload takes to write, and hold up every other save of KPI data."""
    # Transactional tests run on an emptied database: no fixtures built on seeded data.
    kpi = Kpi.objects.create(name="Reparatieverzoeken via het portaal", unit="%")
    plan = uploads.measurement_plan(
        io.BytesIO(_measurements_file(kpi, 20)), kpi=kpi, allowed_kpis=None
    )
    before = versions(["kpi", "matrix"])

    with CaptureQueriesContext(connection) as queries:
        uploads.measurement_apply(plan, user=personas.manager)

    # The bump is the very last statement: after the transaction's COMMIT.
    writes = [i for i, q in enumerate(queries) if "dataversion" in q["sql"]]
    commit = max(i for i, q in enumerate(queries) if q["sql"].upper().startswith("COMMIT"))
    assert len(_version_writes(queries)) == 1
    assert min(writes) > commit
    assert versions(["kpi", "matrix"]) == {**before, "kpi": before["kpi"] + 1}


def test_the_dashboard_shows_a_confirmed_upload_at_once(client_as, kpi):
    client = client_as("manager")
    assert 'data-status="no_data"' in client.get(reverse("kpi:dashboard")).content.decode()
    last_month = (timezone.localdate().replace(day=1) - timedelta(days=1)).replace(day=1)
    text = f"kpi;datum;waarde\n{kpi.name};{last_month:%Y-%m};90\n"
    preview = client.post(
        reverse("kpi:upload"), {"file": SimpleUploadedFile("m.csv", text.encode())}
    )

    client.post(preview.context["confirm_url"], {"fingerprint": preview.context["fingerprint"]})

    client.get(reverse("kpi:dashboard"))  # shows the message "Saved"
    page = client.get(reverse("kpi:dashboard")).content.decode()
    assert 'data-status="on_track"' in page and 'data-status="no_data"' not in page


@pytest.mark.django_db(transaction=True)
def test_a_volume_upload_raises_the_kpi_version_after_the_commit_too():
    Channel.objects.create(name="Telefoon")
    Channel.objects.create(name="Balie")
    text = "maand;kanaal;aantal\n2026-09;Telefoon;600\n2026-09;Balie;40\n"
    plan = uploads.volume_plan(io.BytesIO(text.encode()))
    before = versions(["kpi"])["kpi"]

    with CaptureQueriesContext(connection) as queries:
        uploads.volume_apply(plan)

    commit = max(i for i, q in enumerate(queries) if q["sql"].upper().startswith("COMMIT"))
    writes = [i for i, q in enumerate(queries) if "dataversion" in q["sql"]]
    assert ContactVolume.objects.count() == 2
    assert writes and min(writes) > commit
    assert versions(["kpi"])["kpi"] == before + 1


def test_a_note_with_a_control_character_is_refused_per_cell(client_as, kpi):
    client = _english(client_as("manager"))
    text = f"kpi;datum;waarde;toelichting\n{kpi.name};2026-01-01;70;piep\x07\n"

    response = client.post(
        reverse("kpi:upload"), {"file": SimpleUploadedFile("m.csv", text.encode())}
    )

    page = response.content.decode()
    assert "row 2, column toelichting: Remove the invisible control character U+0007" in page
    assert not PendingUpload.objects.exists()
