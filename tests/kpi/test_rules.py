"""The status rules, the SMART check and KPIs measured from the channel statistics."""

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from beheer.models import ServiceProcess
from kpi import services
from kpi.models import Channel, ContactVolume, Kpi, Measurement
from kpi.services import Status, kpi_status

TODAY = date(2026, 11, 23)


def _kpi(direction="higher", target="70", tolerance="5", frequency="monthly"):
    return Kpi(
        name="t",
        direction=direction,
        target=Decimal(target) if target is not None else None,
        tolerance=Decimal(tolerance),
        frequency=frequency,
    )


def _at(value, day=date(2026, 10, 1), period_end=None):
    return Measurement(date=day, value=Decimal(str(value)), period_end=period_end)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (75, Status.ON_TRACK),
        (70, Status.ON_TRACK),  # reaching the target is on track
        (67, Status.AT_RISK),
        (65, Status.AT_RISK),  # exactly the tolerance short: still at risk
        (64.99, Status.OFF_TRACK),
        (10, Status.OFF_TRACK),
    ],
)
def test_higher_is_better(value, expected):
    assert kpi_status(_kpi(), _at(value), today=TODAY) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (8, Status.ON_TRACK),
        (10, Status.ON_TRACK),
        (12, Status.AT_RISK),
        (13, Status.AT_RISK),
        (13.01, Status.OFF_TRACK),
    ],
)
def test_lower_is_better(value, expected):
    kpi = _kpi(direction="lower", target="10", tolerance="3")
    assert kpi_status(kpi, _at(value), today=TODAY) == expected


def test_without_tolerance_any_shortfall_is_off_track():
    assert kpi_status(_kpi(tolerance="0"), _at(69.99), today=TODAY) == Status.OFF_TRACK


def test_no_measurement_or_no_target_is_no_data():
    assert kpi_status(_kpi(), None, today=TODAY) == Status.NO_DATA
    assert kpi_status(_kpi(target=None), _at(90), today=TODAY) == Status.NO_DATA


@pytest.mark.parametrize(
    ("frequency", "last_recent", "first_stale"),
    [
        ("monthly", date(2026, 9, 22), date(2026, 9, 21)),
        ("quarterly", date(2026, 7, 23), date(2026, 7, 22)),
        ("yearly", date(2025, 10, 23), date(2025, 10, 22)),
    ],
)
def test_stale_data_depends_on_the_frequency(frequency, last_recent, first_stale):
    kpi = _kpi(frequency=frequency)
    assert kpi_status(kpi, _at(90, last_recent), today=TODAY) == Status.ON_TRACK
    assert kpi_status(kpi, _at(90, first_stale), today=TODAY) == Status.NO_DATA


def test_a_period_counts_from_its_end():
    old_start = date(2026, 7, 1)
    assert kpi_status(_kpi(), _at(90, old_start), today=TODAY) == Status.NO_DATA
    covering = _at(90, old_start, period_end=date(2026, 10, 31))
    assert kpi_status(_kpi(), covering, today=TODAY) == Status.ON_TRACK


def test_smart_names_each_missing_part():
    complete = {
        "unit": "%",
        "target": Decimal(1),
        "deadline": TODAY,
        "owner": 1,
        "factor_count": 1,
    }
    assert services.smart_gaps(**complete) == []
    assert services.smart_gaps(**{**complete, "unit": " "}) == ["measurable"]
    assert services.smart_gaps(**{**complete, "target": None}) == ["measurable"]
    assert services.smart_gaps(**{**complete, "deadline": None}) == ["time_bound"]
    assert services.smart_gaps(**{**complete, "owner": None}) == ["owned"]
    assert services.smart_gaps(**{**complete, "factor_count": 0}) == ["linked"]
    assert services.smart_gaps(unit="", target=None, deadline=None, owner=None, factor_count=0) == [
        "measurable",
        "time_bound",
        "owned",
        "linked",
    ]


def test_the_dashboard_order_puts_attention_first(db):
    today = TODAY
    for name, value in (("op koers", 90), ("uit koers", 10), ("risico", 67), ("geen", None)):
        kpi = Kpi.objects.create(name=name, unit="%", target=Decimal(70), tolerance=Decimal(5))
        if value is not None:
            Measurement.objects.create(kpi=kpi, date=date(2026, 11, 1), value=Decimal(value))
    rows = services.kpi_rows(today=today)
    assert [r.kpi.name for r in rows] == ["uit koers", "geen", "risico", "op koers"]
    assert [r.status for r in rows] == [
        Status.OFF_TRACK,
        Status.NO_DATA,
        Status.AT_RISK,
        Status.ON_TRACK,
    ]


def test_the_sparkline_keeps_the_latest_twelve_values(db):
    kpi = Kpi.objects.create(name="k", unit="%", target=Decimal(50))
    for month in range(1, 13):
        Measurement.objects.create(kpi=kpi, date=date(2025, month, 1), value=Decimal(month))
    for month in range(1, 4):
        Measurement.objects.create(kpi=kpi, date=date(2026, month, 1), value=Decimal(100))
    (row,) = services.kpi_rows(today=TODAY)
    assert len(row.recent) == 12
    assert row.recent[0] == 4 and row.latest.date == date(2026, 3, 1)  # April 2025 onwards
    assert len(row.sparkline.split()) == 12


# --- Channel statistics ------------------------------------------------------------


@pytest.fixture
def volumes(db):
    """Two months: phone 600 → 400, portal 400 → 600 (digital), balie 0."""
    channels = {c.name: c for c in Channel.objects.all()}
    rows = {
        date(2026, 9, 1): {"Telefoon": 600, "Website en portaal": 400},
        date(2026, 10, 1): {"Telefoon": 400, "Website en portaal": 600},
    }
    # In bulk: no signals, so no recomputation is pending when a test begins.
    ContactVolume.objects.bulk_create(
        ContactVolume(channel=channels[name], month=month, contacts=contacts)
        for month, values in rows.items()
        for name, contacts in values.items()
    )
    return channels


def _values(kpi):
    return {m.date: m.value for m in kpi.measurements.all()}


def test_share_of_digital_contacts(volumes):
    kpi = Kpi.objects.create(name="digitaal", source=Kpi.Source.DIGITAL_SHARE, unit="%")
    services.recompute_channel_kpis()
    assert _values(kpi) == {date(2026, 9, 1): Decimal("40.00"), date(2026, 10, 1): Decimal("60.00")}
    assert all(m.from_channels for m in kpi.measurements.all())


def test_contacts_and_share_of_one_channel(volumes):
    phone = volumes["Telefoon"]
    count = Kpi.objects.create(name="tel", source=Kpi.Source.CHANNEL_CONTACTS, channel=phone)
    share = Kpi.objects.create(name="tel %", source=Kpi.Source.CHANNEL_SHARE, channel=phone)
    total = Kpi.objects.create(name="alles", source=Kpi.Source.TOTAL_CONTACTS)
    services.recompute_channel_kpis()
    assert _values(count) == {date(2026, 9, 1): 600, date(2026, 10, 1): 400}
    assert _values(share) == {date(2026, 9, 1): Decimal(60), date(2026, 10, 1): Decimal(40)}
    assert _values(total) == {date(2026, 9, 1): 1000, date(2026, 10, 1): 1000}


def test_a_quarter_counts_only_when_complete(volumes):
    kpi = Kpi.objects.create(
        name="kwartaal", source=Kpi.Source.DIGITAL_SHARE, frequency=Kpi.Frequency.QUARTERLY
    )
    services.recompute_channel_kpis()
    assert _values(kpi) == {}  # October alone is not the fourth quarter
    ContactVolume.objects.create(channel=volumes["Telefoon"], month=date(2026, 7, 1), contacts=1000)
    ContactVolume.objects.create(channel=volumes["Telefoon"], month=date(2026, 8, 1), contacts=1000)
    services.recompute_channel_kpis()
    # Q3: 400 digital of 2000 + 600 + 400 = 3000 contacts.
    assert _values(kpi) == {date(2026, 7, 1): Decimal("13.33")}
    assert kpi.measurements.get().period_end == date(2026, 9, 30)


def test_process_volumes_count_when_there_is_no_month_total(volumes):
    process = ServiceProcess.objects.create(name="Reparatieverzoek")
    phone = volumes["Telefoon"]
    # September has a total (600), so its process figure is part of it.
    ContactVolume.objects.create(
        channel=phone, month=date(2026, 9, 1), service_process=process, contacts=200
    )
    # November has only process figures: their sum is the month.
    ContactVolume.objects.create(
        channel=phone, month=date(2026, 11, 1), service_process=process, contacts=300
    )
    everything = Kpi.objects.create(name="a", source=Kpi.Source.CHANNEL_CONTACTS, channel=phone)
    repairs = Kpi.objects.create(
        name="r", source=Kpi.Source.CHANNEL_CONTACTS, channel=phone, service_process=process
    )
    services.recompute_channel_kpis()
    assert _values(everything) == {
        date(2026, 9, 1): 600,
        date(2026, 10, 1): 400,
        date(2026, 11, 1): 300,
    }
    assert _values(repairs) == {date(2026, 9, 1): 200, date(2026, 11, 1): 300}


def test_recomputing_replaces_its_own_values_and_keeps_hand_entered_ones(volumes):
    kpi = Kpi.objects.create(name="digitaal", source=Kpi.Source.DIGITAL_SHARE)
    Measurement.objects.create(kpi=kpi, date=date(2026, 9, 1), value=Decimal(99))
    services.recompute_channel_kpis()
    ContactVolume.objects.filter(month=date(2026, 10, 1), channel=volumes["Telefoon"]).update(
        contacts=1400
    )
    services.recompute_channel_kpis()
    assert _values(kpi) == {date(2026, 9, 1): Decimal(99), date(2026, 10, 1): Decimal(30)}


def test_saving_a_months_volumes_recomputes_the_channel_kpis(volumes):
    kpi = Kpi.objects.create(name="digitaal", source=Kpi.Source.DIGITAL_SHARE)

    services.month_volumes_save(
        month=date(2026, 11, 1),
        volumes={volumes["Website en portaal"]: 50, volumes["Telefoon"]: 50},
    )

    assert _values(kpi)[date(2026, 11, 1)] == Decimal(50)


def test_a_channel_turning_digital_changes_the_share(volumes, client_as):
    from beheer.history import current_version

    kpi = Kpi.objects.create(name="digitaal", source=Kpi.Source.DIGITAL_SHARE)
    services.recompute_channel_kpis()
    phone = volumes["Telefoon"]

    response = client_as("manager").post(
        reverse("kpi:channel-edit", args=[phone.pk]),
        {
            "name": phone.name,
            "is_digital": "on",
            "order": phone.order,
            "colour": phone.colour,
            "seen_version": current_version(phone),
        },
    )

    assert response.status_code == 302
    assert _values(kpi)[date(2026, 10, 1)] == Decimal(100)


# --- Reading uploads -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("7,5", Decimal("7.5")),
        ("7.5", Decimal("7.5")),
        ("1.234,5", Decimal("1234.5")),
        ("1,234.5", Decimal("1234.5")),
        ("1.234.567", Decimal("1234567")),
        ("0,125", Decimal("0.125")),
        ("85%", Decimal("85")),
        ("-3", Decimal("-3")),
        ("1.234.5", None),
        ("7.5.2026", None),
        ("veel", None),
        ("", None),
        (True, None),
    ],
)
def test_numbers_as_people_write_them(text, expected):
    from kpi.uploads import parse_number

    assert parse_number(text) == expected


@pytest.mark.parametrize("text", ["1,234", "1.234"])
def test_a_number_that_reads_two_ways_is_refused(text):
    from kpi.uploads import AmbiguousNumber, parse_contacts, parse_number

    with pytest.raises(AmbiguousNumber):
        parse_number(text)
    assert parse_contacts(text) == 1234  # a count has no fractions


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-10-31", date(2026, 10, 31)),
        ("31-10-2026", date(2026, 10, 31)),
        ("2026-10", date(2026, 10, 1)),
        ("10-2026", date(2026, 10, 1)),
        ("okt 2026", date(2026, 10, 1)),
        ("maart 2026", date(2026, 3, 1)),
        ("2026-02-30", None),
        ("gisteren", None),
    ],
)
def test_dates_as_people_write_them(text, expected):
    from kpi.uploads import parse_date

    assert parse_date(text) == expected


def test_a_value_for_a_period_start_speaks_for_the_whole_period():
    quarterly = _kpi(frequency="quarterly")
    third_quarter = _at(90, date(2026, 7, 1))
    # Q3 ends on 30 September: 54 days before today, recent for a quarterly KPI.
    assert services.speaks_for(third_quarter, "quarterly") == date(2026, 9, 30)
    assert kpi_status(quarterly, third_quarter, today=TODAY) == Status.ON_TRACK
    yearly = _kpi(frequency="yearly")
    assert kpi_status(yearly, _at(90, date(2025, 1, 1)), today=TODAY) == Status.ON_TRACK
    # Not the first day of a period: the day itself.
    assert services.speaks_for(_at(90, date(2026, 7, 2)), "quarterly") == date(2026, 7, 2)


def test_recomputing_writes_no_history_and_updates_in_place(volumes):
    kpi = Kpi.objects.create(name="digitaal", source=Kpi.Source.DIGITAL_SHARE)
    services.recompute_channel_kpis()
    first = {m.date: m.pk for m in kpi.measurements.all()}
    ContactVolume.objects.filter(channel=volumes["Telefoon"], month=date(2026, 10, 1)).update(
        contacts=1400
    )
    assert services.recompute_channel_kpis() == 1  # only October changed
    assert {m.date: m.pk for m in kpi.measurements.all()} == first
    assert Measurement.history.count() == 0


def test_volumes_gone_take_their_derived_values_along(volumes):
    kpi = Kpi.objects.create(name="digitaal", source=Kpi.Source.DIGITAL_SHARE)
    services.recompute_channel_kpis()
    ContactVolume.objects.filter(month=date(2026, 10, 1)).delete()
    services.recompute_channel_kpis()
    assert list(kpi.measurements.values_list("date", flat=True)) == [date(2026, 9, 1)]


def test_a_kpi_back_on_manual_entry_drops_the_computed_values(volumes):
    kpi = Kpi.objects.create(name="digitaal", source=Kpi.Source.DIGITAL_SHARE)
    Measurement.objects.create(kpi=kpi, date=date(2026, 1, 1), value=Decimal(7))
    services.kpi_source_changed(kpi)
    assert kpi.measurements.count() == 3
    kpi.source = Kpi.Source.MANUAL
    kpi.save()
    services.kpi_source_changed(kpi)
    assert list(kpi.measurements.values_list("value", flat=True)) == [Decimal(7)]
