import io
from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from openpyxl import Workbook, load_workbook

from beheer.models import PendingUpload
from kpi.models import (
    Channel,
    ContactVolume,
    FactorReview,
    Kpi,
    Measurement,
    SuccessFactor,
)
from kpi.services import factor_review_record
from tests.personas import ALL_PERSONAS

EDITORS = {"beheerder", "manager"}
READERS = {"beheerder", "manager", "owner", "key_user", "mt"}


def _csv(text: str, name="metingen.csv") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, text.encode(), content_type="text/csv")


def _xlsx(rows, name="metingen.xlsx") -> SimpleUploadedFile:
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return SimpleUploadedFile(name, buffer.getvalue())


def _upload_and_confirm(client, url, file):
    preview = client.post(url, {"file": file})
    assert preview.status_code == 200
    context = preview.context
    assert not context["plan"].errors, [str(e) for e in context["plan"].errors]
    return client.post(
        context["confirm_url"],
        {"fingerprint": context["fingerprint"]},
    )


@pytest.mark.parametrize("persona", ALL_PERSONAS)
def test_every_page_per_persona(client_as, kpi, persona):
    """Members read everything; managers and beheerders write; the KPI's owner
    (the key user here) adds measurements to it; outsiders and anonymous get nothing."""
    client = client_as(persona)
    factor = SuccessFactor.objects.first()
    channel = Channel.objects.first()
    reads = {
        name: client.get(url).status_code
        for name, url in {
            "dashboard": reverse("kpi:dashboard"),
            "factors": reverse("kpi:factors"),
            "factor": reverse("kpi:factor", args=[factor.pk]),
            "kpi": reverse("kpi:kpi", args=[kpi.pk]),
            "channels": reverse("kpi:channels"),
            "export": reverse("kpi:export"),
        }.items()
    }
    edits = {
        name: client.get(url).status_code
        for name, url in {
            "factor-edit": reverse("kpi:factor-edit", args=[factor.pk]),
            "kpi-create": reverse("kpi:kpi-create"),
            "kpi-edit": reverse("kpi:kpi-edit", args=[kpi.pk]),
            "kpi-delete": reverse("kpi:kpi-delete", args=[kpi.pk]),
            "channel-create": reverse("kpi:channel-create"),
            "channel-edit": reverse("kpi:channel-edit", args=[channel.pk]),
            "volumes-month": reverse("kpi:volumes-month"),
            "volumes-upload": reverse("kpi:volumes-upload"),
        }.items()
    }
    upload_page = client.get(reverse("kpi:upload")).status_code
    review = client.post(
        reverse("kpi:factor", args=[factor.pk]),
        {"date": "2026-11-01", "status": "present"},
    ).status_code
    measurement = client.post(
        reverse("kpi:kpi", args=[kpi.pk]), {"date": "2026-11-01", "value": "71"}
    ).status_code
    month = client.post(
        reverse("kpi:volumes-month"), {"month": "2026-10", f"channel_{channel.pk}": "5"}
    ).status_code

    if persona == "anonymous":
        assert set(reads.values()) == set(edits.values()) == {302}
        assert {upload_page, review, measurement, month} == {302}
    elif persona == "outsider":
        assert set(reads.values()) == set(edits.values()) == {403}
        assert {upload_page, review, measurement, month} == {403}
    elif persona in EDITORS:
        assert set(reads.values()) == set(edits.values()) == {200}
        assert (upload_page, review, measurement, month) == (200, 302, 302, 302)
    elif persona == "key_user":  # reads, and measures the KPI they own
        assert set(reads.values()) == {200} and set(edits.values()) == {403}
        assert (upload_page, review, measurement, month) == (200, 403, 302, 403)
    else:  # component owner, MT: read only
        assert set(reads.values()) == {200} and set(edits.values()) == {403}
        assert {upload_page, review, measurement, month} == {403}
    written = persona in READERS and persona not in {"owner", "mt"}
    assert Measurement.objects.filter(kpi=kpi).exists() == written
    assert FactorReview.objects.exists() == (persona in EDITORS)
    assert ContactVolume.objects.exists() == (persona in EDITORS)


def test_a_forged_measurement_on_someone_elses_kpi_is_refused(client_as, kpi):
    other = Kpi.objects.create(name="Andere KPI", unit="%", target=Decimal(1))
    response = client_as("key_user").post(
        reverse("kpi:kpi", args=[other.pk]), {"date": "2026-11-01", "value": "1"}
    )
    assert response.status_code == 403
    assert not other.measurements.exists()


def test_a_review_moves_the_progress_and_keeps_history(client_as, personas):
    client = client_as("manager")
    factor = SuccessFactor.objects.get(key="strategie")
    page = client.get(reverse("kpi:factors")).content.decode()
    assert 'data-progress="organisation">0%' in page

    client.post(
        reverse("kpi:factor", args=[factor.pk]),
        {
            "date": "2026-06-01",
            "status": "developing",
            "next_action": "Strategie schrijven",
            "due_date": "2026-09-01",
        },
    )
    client.post(
        reverse("kpi:factor", args=[factor.pk]), {"date": "2026-11-01", "status": "anchored"}
    )
    page = client.get(reverse("kpi:factors")).content.decode()
    # One factor of four anchored: 3 of 12 steps.
    assert 'data-progress="organisation">25%' in page
    detail = client.get(reverse("kpi:factor", args=[factor.pk])).content.decode()
    assert detail.count("<li><time") == 2 and "Strategie schrijven" in detail
    assert FactorReview.objects.filter(factor=factor).first().recorded_by == personas.manager


def test_an_action_needs_a_due_date_and_overdue_actions_are_listed(client_as):
    client = client_as("manager")
    factor = SuccessFactor.objects.get(key="architectuur")
    refused = client.post(
        reverse("kpi:factor", args=[factor.pk]),
        {"date": "2026-06-01", "status": "developing", "next_action": "Architectuur opstellen"},
    )
    assert refused.status_code == 200 and not FactorReview.objects.exists()
    assert "Geef de volgende actie een uiterste datum." in refused.content.decode()

    yesterday = timezone.localdate() - timedelta(days=1)
    client.post(
        reverse("kpi:factor", args=[factor.pk]),
        {
            "date": "2026-06-01",
            "status": "developing",
            "next_action": "Architectuur opstellen",
            "due_date": yesterday.isoformat(),
        },
    )
    page = client.get(reverse("kpi:factors")).content.decode()
    assert "Achterstallige acties" in page and "Architectuur opstellen" in page
    dashboard = client.get(reverse("kpi:dashboard")).content.decode()
    assert "1 actie is over tijd" in dashboard


def test_the_kpi_form_says_which_part_of_smart_is_missing(client_as, owner_person):
    client = client_as("manager")
    response = client.post(
        reverse("kpi:kpi-create"),
        {
            "name": "Tevredenheid",
            "level": "personal",
            "direction": "higher",
            "frequency": "monthly",
            "source": "manual",
            "tolerance": "0",
        },
    )
    assert response.status_code == 200 and not Kpi.objects.exists()
    page = response.content.decode()
    for message in (
        "Deze KPI is nog niet SMART.",
        "Meetbaar: geef een eenheid en een streefwaarde.",
        "Tijdgebonden: geef een deadline.",
        "Eigenaar: wijs een eigenaar aan.",
        "Gekoppeld: kies ten minste één succesfactor die hij dient.",
    ):
        assert message in page, message

    factor = SuccessFactor.objects.first()
    response = client.post(
        reverse("kpi:kpi-create"),
        {
            "name": "Tevredenheid",
            "level": "personal",
            "direction": "higher",
            "frequency": "monthly",
            "source": "manual",
            "tolerance": "0.2",
            "unit": "cijfer",
            "target": "7,5",
            "deadline": "2027-12-31",
            "owner": owner_person.pk,
            "factors": [factor.pk],
        },
    )
    kpi = Kpi.objects.get()
    assert response["Location"] == kpi.get_absolute_url()
    assert (kpi.target, list(kpi.factors.all())) == (Decimal("7.5"), [factor])


def test_a_channel_kpi_needs_its_channel(client_as, owner_person):
    response = client_as("manager").post(
        reverse("kpi:kpi-create"),
        {
            "name": "Telefoon",
            "level": "personal",
            "direction": "lower",
            "frequency": "monthly",
            "source": "channel_contacts",
            "tolerance": "0",
            "unit": "contacten",
            "target": "10",
            "deadline": "2027-12-31",
            "owner": owner_person.pk,
            "factors": [SuccessFactor.objects.first().pk],
        },
    )
    assert "Kies het kanaal dat deze KPI telt." in response.content.decode()
    assert not Kpi.objects.exists()


def test_an_edit_over_someone_elses_change_is_refused(client_as, kpi):
    client = client_as("manager")
    page = client.get(reverse("kpi:kpi-edit", args=[kpi.pk]))
    seen = page.context["seen_version"]
    Kpi.objects.filter(pk=kpi.pk).update(target=Decimal(80))
    kpi.refresh_from_db()
    kpi.save()  # someone else's change, with history
    data = {
        "name": "Andere naam",
        "level": "personal",
        "direction": "higher",
        "frequency": "monthly",
        "source": "manual",
        "tolerance": "5",
        "unit": "%",
        "target": "70",
        "deadline": "2027-12-31",
        "owner": kpi.owner_id,
        "factors": [f.pk for f in kpi.factors.all()],
        "seen_version": seen,
    }
    refused = client.post(reverse("kpi:kpi-edit", args=[kpi.pk]), data)
    assert refused.status_code == 200
    page = refused.content.decode()
    assert "na het openen gewijzigd" in page
    assert "80" in page and "Andere naam" in page  # what is saved now, and the user's input
    kpi.refresh_from_db()
    assert (kpi.name, kpi.target) == ("Reparatieverzoeken via het portaal", Decimal(80))
    # Having seen the differences, the user saves knowingly.
    assert refused.context["seen_version"] != seen
    again = client.post(
        reverse("kpi:kpi-edit", args=[kpi.pk]),
        {**data, "seen_version": refused.context["seen_version"]},
    )
    assert again.status_code == 302
    kpi.refresh_from_db()
    assert (kpi.name, kpi.target) == ("Andere naam", Decimal(70))


def test_a_measurement_by_hand_replaces_the_same_date(client_as, kpi):
    client = client_as("key_user")
    url = reverse("kpi:kpi", args=[kpi.pk])
    client.post(url, {"date": "2026-10-01", "value": "60"})
    client.post(url, {"date": "2026-10-01", "value": "66,5", "source": "Rapport"})
    measurement = Measurement.objects.get()
    assert (measurement.value, measurement.source) == (Decimal("66.5"), "Rapport")
    bad = client.post(url, {"date": "2026-10-01", "period_end": "2026-09-01", "value": "x"})
    assert bad.status_code == 200 and Measurement.objects.get().value == Decimal("66.5")


def test_channel_kpis_take_no_measurements_by_hand(client_as):
    kpi = Kpi.objects.create(name="Digitaal", source=Kpi.Source.DIGITAL_SHARE)
    response = client_as("manager").post(
        reverse("kpi:kpi", args=[kpi.pk]), {"date": "2026-10-01", "value": "1"}
    )
    assert response.status_code == 403 and not Measurement.objects.exists()


def test_uploading_measurements_gives_a_status(client_as, kpi):
    client = client_as("manager")
    today = timezone.localdate()
    last_month = (today.replace(day=1) - timedelta(days=1)).replace(day=1)
    row = client.get(reverse("kpi:dashboard")).content.decode()
    assert 'data-status="no_data"' in row

    text = (
        "kpi;datum;waarde;bron\n"
        f"{kpi.name};{last_month:%Y-%m};66,5;Portaalrapport\n"
        f"{kpi.name.upper()};2025-10-01;40;\n"
    )
    response = _upload_and_confirm(client, reverse("kpi:upload"), _csv(text))
    assert response["Location"] == reverse("kpi:dashboard")
    assert kpi.measurements.count() == 2
    page = client.get(reverse("kpi:dashboard")).content.decode()
    assert 'data-status="at_risk"' in page and 'data-status="no_data"' not in page


def test_an_excel_upload_on_the_kpi_page_needs_no_kpi_column(client_as, kpi):
    client = client_as("key_user")  # the owner
    file = _xlsx([["Datum", "Waarde", "Toelichting"], [date(2026, 10, 1), 71.25, "Na campagne"]])
    response = _upload_and_confirm(client, reverse("kpi:upload") + f"?kpi={kpi.pk}", file)
    assert response["Location"] == kpi.get_absolute_url()
    measurement = Measurement.objects.get()
    assert (measurement.date, measurement.value, measurement.note) == (
        date(2026, 10, 1),
        Decimal("71.25"),
        "Na campagne",
    )
    assert measurement.recorded_by.username == "key_user"


def test_a_bad_upload_names_every_row_and_saves_nothing(client_as, kpi):
    Measurement.objects.create(kpi=kpi, date=date(2026, 9, 1), value=Decimal(50))
    client = client_as("manager")
    text = (
        "kpi,datum,waarde\n"
        f"{kpi.name},2026-10-01,70\n"
        "Onbekende KPI,2026-10-01,70\n"
        f"{kpi.name},31-02-2026,70\n"
        f"{kpi.name},2026-11-01,veel\n"
        f"{kpi.name},2026-10-01,71\n"
    )
    response = client.post(reverse("kpi:upload"), {"file": _csv(text)})
    page = response.content.decode()
    assert "4 fouten: er is niets opgeslagen" in page
    for expected in (
        "CSV, rij 3, kolom kpi: Er is geen KPI met deze naam.",
        "CSV, rij 4, kolom datum: Dit is geen datum",
        "CSV, rij 5, kolom waarde: Dit is geen getal.",
        "CSV, rij 6, kolom datum: Deze KPI heeft in het bestand al een waarde voor deze datum.",
    ):
        assert expected in page, expected
    assert list(Measurement.objects.values_list("value", flat=True)) == [Decimal(50)]
    assert not PendingUpload.objects.exists()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\x00\x01\xff\xfe garbage", "geen Excel-werkmap (.xlsx) en geen CSV-bestand"),
        (b"PK\x03\x04 broken zip", "Dit Excel-bestand kan niet worden gelezen."),
        (b"", "Het bestand is leeg."),
        (b"naam;iets\nx;y\n", "Er ontbreekt een kolom"),
    ],
)
def test_unreadable_files_are_refused(client_as, kpi, content, message):
    response = client_as("manager").post(
        reverse("kpi:upload"), {"file": SimpleUploadedFile("x.csv", content or b" ")}
    )
    assert message in response.content.decode()
    assert not Measurement.objects.exists()


def test_an_owner_uploads_only_for_their_own_kpis(client_as, kpi):
    Kpi.objects.create(name="Andere KPI", unit="%", target=Decimal(1))
    text = f"kpi;datum;waarde\n{kpi.name};2026-10;70\nAndere KPI;2026-10;5\n"
    response = client_as("key_user").post(reverse("kpi:upload"), {"file": _csv(text)})
    assert "U mag alleen metingen toevoegen aan uw eigen KPI&#x27;s." in response.content.decode()
    assert not Measurement.objects.exists()


def test_a_confirmation_after_a_change_shows_the_preview_again(client_as, kpi):
    client = client_as("manager")
    preview = client.post(
        reverse("kpi:upload"), {"file": _csv(f"kpi;datum;waarde\n{kpi.name};2026-10;70\n")}
    )
    Measurement.objects.create(kpi=kpi, date=date(2026, 10, 1), value=Decimal(10))
    response = client.post(
        preview.context["confirm_url"],
        {"fingerprint": preview.context["fingerprint"]},
    )
    assert response.status_code == 200
    assert "De gegevens zijn gewijzigd sinds de voorbeeldweergave." in response.content.decode()
    assert Measurement.objects.get().value == Decimal(10)


def test_another_users_pending_upload_cannot_be_confirmed(client_as, kpi):
    preview = client_as("manager").post(
        reverse("kpi:upload"), {"file": _csv(f"kpi;datum;waarde\n{kpi.name};2026-10;70\n")}
    )
    response = client_as("beheerder").post(
        preview.context["confirm_url"],
        {"fingerprint": preview.context["fingerprint"]},
    )
    assert response.status_code == 404 and not Measurement.objects.exists()


def test_uploading_volumes_recomputes_channel_kpis(client_as, django_capture_on_commit_callbacks):
    from beheer.models import ServiceProcess

    ServiceProcess.objects.create(name="Reparatieverzoek")
    share = Kpi.objects.create(name="Digitaal", source=Kpi.Source.DIGITAL_SHARE, unit="%")
    client = client_as("manager")
    text = (
        "maand;kanaal;proces;aantal\n"
        "2026-09;Telefoon;;600\n"
        "2026-09;website en portaal;;400\n"
        "2026-09;Telefoon;Reparatieverzoek;150\n"
        "okt 2026;Telefoon;;400\n"
        "okt 2026;Website en portaal;;600\n"
    )
    response = _upload_and_confirm(client, reverse("kpi:volumes-upload"), _csv(text))
    assert response["Location"] == reverse("kpi:channels")
    assert ContactVolume.objects.count() == 5
    assert {m.date: m.value for m in share.measurements.all()} == {
        date(2026, 9, 1): Decimal(40),
        date(2026, 10, 1): Decimal(60),
    }
    page = client.get(reverse("kpi:channels")).content.decode()
    assert "<strong data-digital-share>60,0%</strong>" in page

    # The same file again with one number changed: a change, not a duplicate.
    preview = client.post(
        reverse("kpi:volumes-upload"),
        {"file": _csv(text.replace("okt 2026;Telefoon;;400", "okt 2026;Telefoon;;900"))},
    )
    plan = preview.context["plan"]
    assert (len(plan.new), len(plan.changed), plan.unchanged) == (0, 1, 4)


def test_a_bad_volume_upload_saves_nothing(client_as):
    text = (
        "maand;kanaal;aantal\n"
        "2026-09;Telefoon;600\n"
        "2026-13;Telefoon;1\n"
        "2026-09;Duif;1\n"
        "2026-10;Telefoon;-3\n"
        "2026-09;Telefoon;7\n"
    )
    response = client_as("manager").post(reverse("kpi:volumes-upload"), {"file": _csv(text)})
    page = response.content.decode()
    for expected in (
        "CSV, rij 3, kolom maand: Dit is geen maand",
        "CSV, rij 4, kolom kanaal: Er is geen kanaal met deze naam.",
        "CSV, rij 5, kolom aantal: Dit is geen geheel getal van 0 of meer.",
        "CSV, rij 6, kolom maand: Dit kanaal en deze maand staan twee keer in het bestand.",
    ):
        assert expected in page, expected
    assert not ContactVolume.objects.exists()


def test_a_month_entered_by_hand(client_as):
    channels = list(Channel.objects.all()[:2])
    client = client_as("manager")
    client.post(
        reverse("kpi:volumes-month"),
        {"month": "2026-10", f"channel_{channels[0].pk}": "120", f"channel_{channels[1].pk}": ""},
    )
    client.post(
        reverse("kpi:volumes-month"), {"month": "2026-10", f"channel_{channels[0].pk}": "130"}
    )
    assert list(ContactVolume.objects.values_list("channel", "month", "contacts")) == [
        (channels[0].pk, date(2026, 10, 1), 130)
    ]
    bad = client.post(reverse("kpi:volumes-month"), {"month": "oktober"})
    assert "Dit is geen maand" in bad.content.decode()


def test_a_channel_colour_must_be_a_colour(client_as):
    response = client_as("manager").post(
        reverse("kpi:channel-create"), {"name": "Brief", "order": "9", "colour": "rood"}
    )
    assert "Geef een kleur op als #rrggbb." in response.content.decode()
    assert not Channel.objects.filter(name="Brief").exists()


def test_the_workbook_for_the_mt(client_as, kpi):
    Measurement.objects.create(kpi=kpi, date=timezone.localdate(), value=Decimal(50))
    kpi.name = "=HYPERLINK(1)"
    kpi.save()
    response = client_as("mt").get(reverse("kpi:export"))
    workbook = load_workbook(io.BytesIO(response.content))
    assert workbook.sheetnames == ["Succesfactoren", "KPI's"]
    factors = workbook["Succesfactoren"]
    assert factors.cell(row=5, column=1).value == "Factor"
    names = [factors.cell(row=r, column=1).value for r in range(6, 21)]
    # Each theme heads its factors, once: "Kanalen (0%)", then its factors.
    assert names[0] == "Kanalen (0%)" and names[1] == "Kanaalsturing"
    assert len([n for n in names if n and not n.endswith("%)")]) == 12
    table = workbook["KPI's"]
    header = next(r for r in range(1, 10) if table.cell(row=r, column=1).value == "KPI")
    first = header + 1
    assert table.cell(row=first, column=1).value == "=HYPERLINK(1)"
    assert table.cell(row=first, column=1).data_type == "s"  # text, not a formula
    assert table.cell(row=first, column=2).value == "Uit koers"
    assert table.cell(row=first, column=2).fill.fgColor.rgb.endswith("FFCDD2")
    assert table.cell(row=first, column=3).value == 50
    assert table.cell(row=first, column=6).value == "33%"  # from 40 to 70, at 50
    assert table.cell(row=first, column=12).value == "Kanaalsturing"


def test_the_managers_overview_counts_kpis(client_as, kpi):
    Measurement.objects.create(kpi=kpi, date=timezone.localdate(), value=Decimal(90))
    page = client_as("manager").get(reverse("home:overview")).content.decode()
    assert 'data-value="kpi-on_track">1<' in page
    assert 'data-value="factors">0<' in page


@pytest.mark.django_db
@pytest.mark.parametrize("url_name", ["kpi:dashboard", "kpi:factors", "kpi:channels"])
def test_queries_do_not_grow_with_the_data(client, url_name):
    from django.core.cache import cache
    from django.core.management import call_command
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries():
        """(cold, warm): without anything cached, then with the page's parts cached."""
        cache.clear()
        counts = []
        for _ in range(2):
            with CaptureQueriesContext(connection) as captured:
                assert client.get(reverse(url_name)).status_code == 200
            counts.append(len(captured))
        return counts

    call_command("loaddemo", allow_public_demo_passwords=True, scale=1, stdout=io.StringIO())
    client.login(request=HttpRequest(), username="manager", password="beheer-demo")
    few = queries()
    small = (Kpi.objects.count(), Measurement.objects.count())
    call_command("loaddemo", allow_public_demo_passwords=True, scale=3, stdout=io.StringIO())
    assert Kpi.objects.count() > small[0] and Measurement.objects.count() > small[1]
    assert queries() == few
    assert few[1] < few[0]  # the cached parts spare their queries


def test_kpi_detail_queries_do_not_grow_with_measurements(client_as, kpi):
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = client_as("manager")

    def queries():
        cache.clear()  # both counts without what the first request leaves cached
        with CaptureQueriesContext(connection) as captured:
            client.get(reverse("kpi:kpi", args=[kpi.pk]))
        return len(captured)

    Measurement.objects.create(kpi=kpi, date=date(2026, 1, 1), value=Decimal(1))
    few = queries()
    Measurement.objects.bulk_create(
        Measurement(kpi=kpi, date=date(2024, 1, 1) + timedelta(days=i), value=Decimal(i))
        for i in range(40)
    )
    assert queries() == few


@pytest.mark.parametrize("persona", ALL_PERSONAS)
def test_deleting_per_persona(client_as, kpi, persona):
    """The KPI's owner (the key user) and editors delete a measurement; only
    editors delete a KPI."""
    measurement = Measurement.objects.create(kpi=kpi, date=date(2026, 10, 1), value=Decimal(1))
    client = client_as(persona)
    removed = client.post(reverse("kpi:measurement-delete", args=[measurement.pk])).status_code
    deleted = client.post(reverse("kpi:kpi-delete", args=[kpi.pk])).status_code
    expected = {
        "anonymous": (302, 302),
        "outsider": (403, 403),
        "beheerder": (302, 302),
        "manager": (302, 302),
        "key_user": (302, 403),
        "owner": (403, 403),
        "mt": (403, 403),
    }[persona]
    assert (removed, deleted) == expected
    assert Measurement.objects.exists() == (removed != 302 or persona == "anonymous")
    assert Kpi.objects.exists() == (persona not in EDITORS)


def test_a_kpi_switched_to_channel_data_drops_nothing_typed_by_hand(client_as, kpi):
    """Switching the source recomputes from the channels but keeps hand-entered values;
    switching back removes only what the channel statistics wrote."""
    Measurement.objects.create(kpi=kpi, date=date(2026, 8, 1), value=Decimal(33))
    ContactVolume.objects.create(
        channel=Channel.objects.get(name="Telefoon"), month=date(2026, 9, 1), contacts=10
    )
    client = client_as("manager")

    def seen():
        return client.get(reverse("kpi:kpi-edit", args=[kpi.pk])).context["seen_version"]

    data = {
        "name": kpi.name,
        "level": "personal",
        "direction": "higher",
        "frequency": "monthly",
        "source": "digital_share",
        "tolerance": "5",
        "unit": "%",
        "target": "70",
        "deadline": "2027-12-31",
        "owner": kpi.owner_id,
        "factors": [f.pk for f in kpi.factors.all()],
    }
    client.post(reverse("kpi:kpi-edit", args=[kpi.pk]), {**data, "seen_version": seen()})
    assert {m.date: m.value for m in kpi.measurements.all()} == {
        date(2026, 8, 1): Decimal(33),
        date(2026, 9, 1): Decimal(0),
    }
    client.post(
        reverse("kpi:kpi-edit", args=[kpi.pk]),
        {**data, "source": "manual", "seen_version": seen()},
    )
    assert list(kpi.measurements.values_list("value", flat=True)) == [Decimal(33)]


def test_the_pages_in_english(client_as, kpi):
    Measurement.objects.create(kpi=kpi, date=timezone.localdate(), value=Decimal(90))
    client = client_as("mt")
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    overview = client.get(reverse("kpi:dashboard")).content.decode()
    assert "Success factors and KPIs" in overview and "On track" in overview
    factors = client.get(reverse("kpi:factors")).content.decode()
    assert "Channel steering" in factors and "Information technology" in factors
    assert "Kanaalsturing" not in factors


def test_the_overview_filters_by_department_and_level(client_as, kpi):
    from beheer.models import Department

    wonen = Department.objects.create(name="Wonen")
    Kpi.objects.create(name="Wonen-KPI", department=wonen, level=Kpi.Level.DEPARTMENT)
    client = client_as("mt")
    everything = client.get(reverse("kpi:dashboard")).context["rows"]
    assert len(everything) == 2
    by_department = client.get(reverse("kpi:dashboard"), {"afdeling": wonen.pk}).context["rows"]
    assert [r.name for r in by_department] == ["Wonen-KPI"]
    personal = client.get(reverse("kpi:dashboard"), {"niveau": "personal"}).context["rows"]
    assert personal == [] and kpi.level == "department"


@pytest.mark.parametrize("persona", ALL_PERSONAS)
def test_confirming_an_upload_per_persona(client_as, personas, kpi, persona):
    """Only who may upload may confirm: a pending upload alone grants nothing."""
    # Anonymous visitors own nothing: they try the manager's.
    user = getattr(personas, "manager" if persona == "anonymous" else persona)
    file = f"kpi;datum;waarde\n{kpi.name};2026-10;70\n".encode()
    measurements = PendingUpload.objects.create(
        kind="kpi-measurements", uploaded_by=user, filename="m.csv", content=file
    )
    volumes = PendingUpload.objects.create(
        kind="kpi-volumes",
        uploaded_by=user,
        filename="v.csv",
        content=b"maand;kanaal;aantal\n2026-10;Telefoon;5\n",
    )
    client = client_as(persona)

    def confirm(pending):
        from kpi import uploads

        content = io.BytesIO(bytes(pending.content))
        plan = (
            uploads.volume_plan(content)
            if pending.kind == "kpi-volumes"
            else uploads.measurement_plan(content, kpi=None, allowed_kpis=None)
        )
        kind = pending.kind.removeprefix("kpi-")
        return client.post(
            reverse("kpi:upload-confirm", args=[kind, pending.pk]),
            {"fingerprint": plan.fingerprint()},
        ).status_code

    got = (confirm(measurements), confirm(volumes))
    expected = {
        "beheerder": (302, 302),
        "manager": (302, 302),
        "key_user": (302, 403),
        "anonymous": (302, 302),  # to the login page
    }
    assert got == expected.get(persona, (403, 403))
    assert Measurement.objects.exists() == (persona in {"beheerder", "manager", "key_user"})
    assert ContactVolume.objects.exists() == (persona in EDITORS)


@pytest.mark.parametrize("persona", ALL_PERSONAS)
def test_the_files_to_fill_in_per_persona(client_as, kpi, persona):
    client = client_as(persona)
    got = tuple(
        client.get(reverse("kpi:upload-template", args=[kind])).status_code
        for kind in ("measurements", "volumes")
    )
    expected = {
        "anonymous": (302, 302),
        "beheerder": (200, 200),
        "manager": (200, 200),
        "key_user": (200, 403),  # owns a KPI, uploads no volumes
    }
    assert got == expected.get(persona, (403, 403))


def test_a_re_upload_without_note_columns_keeps_notes(client_as, kpi):
    Measurement.objects.create(
        kpi=kpi,
        date=date(2026, 10, 1),
        value=Decimal(70),
        note="Na de campagne",
        source="Portaal",
        period_end=date(2026, 10, 31),
    )
    client = client_as("manager")
    same = client.post(
        reverse("kpi:upload"), {"file": _csv(f"kpi;datum;waarde\n{kpi.name};2026-10-01;70\n")}
    )
    assert not same.context["plan"].has_changes
    assert "Het bestand bevat geen wijzigingen" in same.content.decode()

    _upload_and_confirm(
        client, reverse("kpi:upload"), _csv(f"kpi;datum;waarde\n{kpi.name};2026-10-01;72\n")
    )
    measurement = Measurement.objects.get()
    assert (measurement.value, measurement.note, measurement.source, measurement.period_end) == (
        Decimal(72),
        "Na de campagne",
        "Portaal",
        date(2026, 10, 31),
    )


def test_kpis_sharing_a_name_are_not_guessed(client_as, kpi):
    Kpi.objects.create(name=kpi.name, unit="%", target=Decimal(1))
    response = client_as("manager").post(
        reverse("kpi:upload"), {"file": _csv(f"kpi;datum;waarde\n{kpi.name};2026-10;70\n")}
    )
    assert "Meerdere KPI&#x27;s hebben deze naam" in response.content.decode()
    # From the KPI's own page, without a kpi column, the file is unambiguous.
    _upload_and_confirm(
        client_as("manager"),
        reverse("kpi:upload") + f"?kpi={kpi.pk}",
        _csv("datum;waarde\n2026-10;70\n"),
    )
    assert list(Measurement.objects.values_list("kpi", flat=True)) == [kpi.pk]


def test_percent_cells_count_as_people_see_them(client_as, kpi):
    workbook = Workbook()
    workbook.active.append(["Datum", "Waarde"])
    workbook.active.append([date(2026, 10, 1), 0.855])
    workbook.active["B2"].number_format = "0.0%"
    workbook.active.append([date(2026, 11, 1), 85])
    workbook.active["B3"].number_format = '0" %"'  # a percent sign shown, not a percent
    buffer = io.BytesIO()
    workbook.save(buffer)
    _upload_and_confirm(
        client_as("manager"),
        reverse("kpi:upload") + f"?kpi={kpi.pk}",
        SimpleUploadedFile("p.xlsx", buffer.getvalue()),
    )
    assert list(Measurement.objects.values_list("value", flat=True)) == [
        Decimal("85.50"),
        Decimal("85.00"),
    ]


def test_the_first_edit_of_a_seeded_factor_is_guarded_too(client_as):
    factor = SuccessFactor.objects.get(key="strategie")
    assert not factor.history.exists()  # made by the data migration
    client = client_as("manager")
    seen = client.get(reverse("kpi:factor-edit", args=[factor.pk])).context["seen_version"]
    factor.name_nl = "Strategie (gewijzigd door een ander)"
    factor.save()
    data = {"name_nl": "Mijn naam", "theme": "organisation", "order": "5", "seen_version": seen}
    refused = client.post(reverse("kpi:factor-edit", args=[factor.pk]), data)
    assert refused.status_code == 200
    factor.refresh_from_db()
    assert factor.name_nl == "Strategie (gewijzigd door een ander)"
    # A post without the version it was based on is not trusted either.
    del data["seen_version"]
    client.post(reverse("kpi:factor-edit", args=[factor.pk]), data)
    factor.refresh_from_db()
    assert factor.name_nl == "Strategie (gewijzigd door een ander)"


def test_editors_remove_hand_values_left_on_a_channel_kpi(client_as):
    kpi = Kpi.objects.create(name="Digitaal", source=Kpi.Source.DIGITAL_SHARE)
    left = Measurement.objects.create(kpi=kpi, date=date(2026, 1, 1), value=Decimal(5))
    computed = Measurement.objects.create(
        kpi=kpi, date=date(2026, 2, 1), value=Decimal(6), from_channels=True
    )
    url = reverse("kpi:measurement-delete", args=[left.pk])
    assert client_as("mt").post(url).status_code == 403
    assert client_as("manager").post(url).status_code == 302
    # What the channel statistics computed follows the volumes, not a click.
    computed_url = reverse("kpi:measurement-delete", args=[computed.pk])
    assert client_as("manager").post(computed_url).status_code == 403
    assert list(Measurement.objects.all()) == [computed]


def test_review_choices_are_a_labelled_group(client_as):
    page = client_as("manager").get(reverse("kpi:factor", args=[SuccessFactor.objects.first().pk]))
    html = page.content.decode()
    assert "<legend>Status <span" in html and 'for="id_status_0"' in html


def test_a_persons_page_and_leaving_show_their_kpis(client_as, kpi, owner_person):
    factor_review_record(
        factor=SuccessFactor.objects.get(key="strategie"),
        user=None,
        date=date(2026, 10, 1),
        status="developing",
        owner=owner_person,
        next_action="Strategie schrijven",
        due_date=date(2027, 1, 1),
    )
    client = client_as("manager")
    page = client.get(owner_person.get_absolute_url()).content.decode()
    assert kpi.name in page and "Strategie schrijven" in page
    leave = client.get(
        reverse("beheer:person-leave", args=[owner_person.pk]), {"leaving_date": "2026-12-31"}
    ).content.decode()
    assert "hebben een nieuwe eigenaar nodig:" in leave and kpi.name in leave

    owner_person.leaving_date = timezone.localdate()
    owner_person.save()
    overview = client.get(reverse("kpi:dashboard")).content.decode()
    assert "is vertrokken" in overview


def test_owners_see_only_their_kpis_when_they_ask(client_as, kpi):
    Kpi.objects.create(name="Iemand anders", unit="%", target=Decimal(1))
    client = client_as("key_user")
    assert 'name="mijn"' in client.get(reverse("kpi:dashboard")).content.decode()
    mine = client.get(reverse("kpi:dashboard"), {"mijn": "1"}).context["rows"]
    assert [r.pk for r in mine] == [kpi.pk]
    assert 'name="mijn"' not in client_as("mt").get(reverse("kpi:dashboard")).content.decode()


def test_the_file_to_fill_in_uploads_back(client_as, kpi):
    Kpi.objects.create(name="Iemand anders", unit="%", target=Decimal(1))
    Kpi.objects.create(name="Digitaal", source=Kpi.Source.DIGITAL_SHARE)
    url = reverse("kpi:upload-template", args=["measurements"])
    assert client_as("mt").get(url).status_code == 403
    assert client_as("manager").get(url.replace("measurements", "x")).status_code == 404

    client = client_as("key_user")  # the owner of `kpi` only
    workbook = load_workbook(io.BytesIO(client.get(url).content))
    sheet = workbook.active
    assert [c.value for c in sheet[1]] == ["kpi", "datum", "waarde", "bron", "toelichting"]
    assert [row[0].value for row in sheet.iter_rows(min_row=2)] == [kpi.name]
    sheet["C2"] = 68
    buffer = io.BytesIO()
    workbook.save(buffer)
    _upload_and_confirm(
        client, reverse("kpi:upload"), SimpleUploadedFile("m.xlsx", buffer.getvalue())
    )
    assert list(kpi.measurements.values_list("value", flat=True)) == [Decimal(68)]

    manager = client_as("manager")
    names = [
        row[0].value
        for row in load_workbook(io.BytesIO(manager.get(url).content)).active.iter_rows(min_row=2)
    ]
    assert names == ["Iemand anders", kpi.name]  # channel KPIs take no uploads
    # Filling in only some rows is fine: the empty ones are skipped.
    partial = load_workbook(io.BytesIO(manager.get(url).content))
    partial.active["C2"] = 71  # "Iemand anders" only
    buffer = io.BytesIO()
    partial.save(buffer)
    _upload_and_confirm(
        manager, reverse("kpi:upload"), SimpleUploadedFile("p.xlsx", buffer.getvalue())
    )
    assert list(Measurement.objects.order_by("kpi__name").values_list("value", flat=True)) == [
        Decimal(71),
        Decimal(68),
    ]

    volumes = load_workbook(
        io.BytesIO(manager.get(reverse("kpi:upload-template", args=["volumes"])).content)
    ).active
    assert [c.value for c in volumes[1]] == ["maand", "kanaal", "proces", "aantal"]
    for row in volumes.iter_rows(min_row=2):
        row[3].value = 10
    buffer = io.BytesIO()
    volumes.parent.save(buffer)
    _upload_and_confirm(
        manager, reverse("kpi:volumes-upload"), SimpleUploadedFile("v.xlsx", buffer.getvalue())
    )
    assert ContactVolume.objects.count() == Channel.objects.count()
